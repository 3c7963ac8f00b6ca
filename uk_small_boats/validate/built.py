"""Prove a finished build: every published file has the sha256 recorded for it and opens.

CSV and Parquet hashes are in datapackage.json, the DuckDB file's in build_report.json. Opening is a
separate proof (a descriptor rewritten to fit a broken file must still fail): CSV through
frictionless (types, keys, foreign keys), Parquet with pyarrow, DuckDB read-only, and each holds
the row counts the build reported.
"""

from __future__ import annotations

from pathlib import Path

import duckdb
import pyarrow.parquet as pq

from ..archive.registry import sha256_of
from ..errors import PipelineError
from ..metadata.schemas import load_json
from ..paths import REPORT_NAME
from .package import validate_package


def _recorded(entry: object, where: Path, what: str) -> tuple[str, str, int]:
    """The (path, hash, bytes) a descriptor or report entry records, or a located error."""
    if not (isinstance(entry, dict) and isinstance(entry.get("path"), str)
            and isinstance(entry.get("hash"), str) and isinstance(entry.get("bytes"), int)):
        raise PipelineError(f"{what} has no path, hash and bytes", file=str(where), rule="descriptor-shape")
    return entry["path"], entry["hash"], entry["bytes"]


def check_file(out: Path, rel: str, expected_hash: str, expected_bytes: int) -> Path:
    """The published file at ``rel`` inside ``out``, refused unless its sha256 and size are those recorded."""
    path = out / rel
    if Path(rel).is_absolute() or ".." in Path(rel).parts:
        raise PipelineError("a published path must stay inside the build", file=rel, rule="descriptor-path")
    if not path.is_file():
        raise PipelineError("published file is missing", file=str(path), rule="file-present")
    found = "sha256:" + sha256_of(path)
    if found != expected_hash or path.stat().st_size != expected_bytes:
        raise PipelineError(f"sha256 is {found} ({path.stat().st_size:,} bytes), the build recorded "
                            f"{expected_hash} ({expected_bytes:,} bytes): the file changed after it was "
                            f"published", file=str(path), rule="sha256")
    return path


def _rows_match(path: Path, name: object, found: int, rows: dict) -> None:
    if isinstance(rows.get(name), int) and found != rows[name]:
        raise PipelineError(f"{name} holds {found} rows, the build reported {rows[name]}",
                            file=str(path), rule="row-count")


def verify_build(out: Path) -> None:
    """Prove a finished build: every file's hash, then that CSV, Parquet and DuckDB open with the reported rows."""
    dp_path, report_path = out / "datapackage.json", out / REPORT_NAME
    package = load_json(dp_path, what="descriptor")
    report = load_json(report_path, what="report")
    rows = report.get("rows")
    rows = rows if isinstance(rows, dict) else {}
    resources = package.get("resources")
    if not isinstance(resources, list) or not resources:
        raise PipelineError("the descriptor lists no resources", file=str(dp_path), rule="descriptor-shape")
    parquet = []
    for r in resources:
        name = r.get("name") if isinstance(r, dict) else None
        csv_rel, csv_hash, csv_bytes = _recorded(r, dp_path, f"resource {name}")
        for key in ("schema", "dialect"):  # a build writes them inline; frictionless would follow a
            if key in r and not isinstance(r[key], dict):  # reference to a file or URL outside it
                raise PipelineError(f"resource {name}: {key} is a reference ({str(r[key])[:80]!r}), not "
                                    f"written inline as a build writes it; validate reads nothing "
                                    f"outside the build", file=str(dp_path), rule="descriptor-inline")
        check_file(out, csv_rel, csv_hash, csv_bytes)
        pq_rel, pq_hash, pq_bytes = _recorded(r.get("x-parquet"), dp_path, f"resource {name} x-parquet")
        parquet.append((name, check_file(out, pq_rel, pq_hash, pq_bytes)))
    db_rel, db_hash, db_bytes = _recorded(report.get("duckdb"), report_path, "duckdb")
    db = check_file(out, db_rel, db_hash, db_bytes)

    validate_package(package, out, label=str(dp_path))
    for name, path in parquet:
        try:
            n = pq.read_table(path).num_rows
        except Exception as exc:  # pyarrow raises several types for a broken file
            raise PipelineError(f"Parquet file does not open: {exc}", file=str(path),
                                rule="parquet-readable") from None
        _rows_match(path, name, n, rows)
    try:
        con = duckdb.connect(str(db), read_only=True)
        try:
            for name in rows:
                _rows_match(db, name, con.execute(f'SELECT count(*) FROM "{name.replace(chr(34), chr(34) * 2)}"').fetchall()[0][0], rows)
        finally:
            con.close()
    except duckdb.Error as exc:
        raise PipelineError(f"DuckDB file does not open: {str(exc).splitlines()[0]}", file=str(db),
                            rule="duckdb-readable") from None
