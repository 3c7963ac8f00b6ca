"""Build the DuckDB file from the Table Schemas: types, keys, comments, then data, then views."""

from __future__ import annotations

import hashlib
import struct
from graphlib import TopologicalSorter
from pathlib import Path

import duckdb
import pandas as pd

from ..errors import PipelineError
from ..metadata.schemas import ResourceSpec
from .writers import to_arrow

SQL_TYPES = {"string": "VARCHAR", "integer": "BIGINT", "number": "DOUBLE",
             "boolean": "BOOLEAN", "date": "DATE"}
VIEWS_SQL = Path(__file__).with_name("views.sql")


def _q(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _lit(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def create_table_sql(spec: ResourceSpec) -> str:
    """CREATE TABLE for a resource: types, NOT NULL, enum and minimum checks, primary and foreign keys."""
    cols = []
    for f in spec.fields:
        c = f.get("constraints", {})
        col = f"{_q(f['name'])} {SQL_TYPES[f['type']]}"
        if c.get("required") and f["name"] not in spec.primary_key:
            col += " NOT NULL"
        if "enum" in c:
            col += f" CHECK ({_q(f['name'])} IN ({', '.join(_lit(str(v)) for v in c['enum'])}))"
        if "minimum" in c:
            col += f" CHECK ({_q(f['name'])} >= {c['minimum']})"
        cols.append(col)
    if spec.primary_key:
        cols.append(f"PRIMARY KEY ({', '.join(map(_q, spec.primary_key))})")
    for fk in spec.foreign_keys:
        ref = spec.referenced_resource(fk)
        if ref == spec.name:
            continue  # DuckDB has no self-referencing FKs; frictionless and pandera check these
        cols.append(f"FOREIGN KEY ({', '.join(map(_q, fk['fields'] if isinstance(fk['fields'], list) else [fk['fields']]))}) "
                    f"REFERENCES {_q(ref)} ({', '.join(map(_q, fk['reference']['fields'] if isinstance(fk['reference']['fields'], list) else [fk['reference']['fields']]))})")
    return f"CREATE TABLE {_q(spec.name)} (\n  " + ",\n  ".join(cols) + "\n);"


def comment_sql(spec: ResourceSpec) -> list[str]:
    """COMMENT ON statements for the table and each column (its description and unit)."""
    desc = spec.schema.get("description", spec.title)
    lines = [f"COMMENT ON TABLE {_q(spec.name)} IS {_lit(desc)};"]
    for f in spec.fields:
        text = f.get("description", "") + (f" Unit: {f['unit']}." if "unit" in f else "")
        lines.append(f"COMMENT ON COLUMN {_q(spec.name)}.{_q(f['name'])} IS {_lit(text)};")
    return lines


def dependency_order(specs: list[ResourceSpec]) -> list[ResourceSpec]:
    """The resources ordered so that each comes after every resource it refers to."""
    by_name = {s.name: s for s in specs}
    graph = {s.name: {s.referenced_resource(fk) for fk in s.foreign_keys} - {s.name} for s in specs}
    return [by_name[n] for n in TopologicalSorter(graph).static_order() if n in by_name]


BLOCK_SIZE = 16384  # the smallest DuckDB allows: ~0.4 MB instead of ~12 MB for tables this small
# Readable by DuckDB 1.4 and later, including DuckDB-WASM 1.32 (DuckDB 1.4.3), which the site's SQL
# console uses to open this very file; the default of duckdb 2.x is a format 1.4 cannot read.
STORAGE_VERSION = "v1.4.0"


# DuckDB (1.4+) writes 16 random bytes, the database identifier, into the file's main header, and
# the header's checksum with them: the only bytes that differ between two builds of the same data.
# They are replaced by bytes derived from the rest of the file and the checksum recomputed, so the
# file is byte-identical across builds. Header layout: checksum (8 bytes) then "DUCK" ...; the
# identifier at 124..140; the checksum covers bytes 8..4096 as 511 little-endian words,
# 5381 XOR (each word * 0xbf58476d1ce4e5b9 mod 2**64).
HEADER, MAGIC, ID_AT = 4096, b"DUCK", slice(124, 140)
_MASK = (1 << 64) - 1


def _header_checksum(header: bytes | bytearray) -> int:
    out = 5381
    for (word,) in struct.iter_unpack("<Q", header[8:HEADER]):
        out ^= (word * 0xBF58476D1CE4E5B9) & _MASK
    return out


def stable_identifier(path: Path) -> bool:
    """Make the database identifier a function of the contents; False (file left as DuckDB wrote
    it) if the header is not the layout above, e.g. after a DuckDB upgrade changed it."""
    with open(path, "r+b") as fh:
        header = bytearray(fh.read(HEADER))
        if (len(header) < HEADER or header[8:12] != MAGIC
                or struct.unpack("<Q", header[:8])[0] != _header_checksum(header)):
            return False
        digest = hashlib.sha256()
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
        header[ID_AT] = digest.digest()[:16]
        header[:8] = struct.pack("<Q", _header_checksum(header))
        fh.seek(0)
        fh.write(header)
    return True


def write_duckdb(frames: dict[str, pd.DataFrame], specs: list[ResourceSpec], path: Path) -> None:
    """Write every table, its comments and the views into a new DuckDB file with a stable header."""
    try:
        _write(frames, specs, path)
        stable_identifier(path)
        duckdb.connect(str(path), read_only=True).close()  # still opens after the header edit
    except duckdb.Error as exc:  # e.g. a full disk: DuckDB's own exception types, not OSError
        raise PipelineError(f"DuckDB could not write the file: {str(exc).splitlines()[0]}",
                            file=str(path), rule="duckdb-write") from None


def _write(frames: dict[str, pd.DataFrame], specs: list[ResourceSpec], path: Path) -> None:
    con = duckdb.connect()
    try:
        con.execute(f"ATTACH {_lit(str(path))} AS uk_small_boats "
                    f"(BLOCK_SIZE {BLOCK_SIZE}, STORAGE_VERSION {_lit(STORAGE_VERSION)})")
        con.execute("USE uk_small_boats")
        con.execute("SET threads TO 2")
        for spec in dependency_order(specs):
            con.execute(create_table_sql(spec))
            for stmt in comment_sql(spec):
                con.execute(stmt)
            arrow_table = to_arrow(frames[spec.name], spec)  # noqa: F841 (read by name below)
            con.execute(f"INSERT INTO {_q(spec.name)} SELECT * FROM arrow_table")
        if VIEWS_SQL.exists():
            con.execute(VIEWS_SQL.read_text(encoding="utf-8"))
        con.execute("CHECKPOINT uk_small_boats")
        con.execute("USE memory")
        con.execute("DETACH uk_small_boats")
    finally:
        con.close()
