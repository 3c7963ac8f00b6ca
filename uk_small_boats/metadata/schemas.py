"""Load the source descriptor and the Table Schemas, and turn CSV text into typed frames by them.

Every other representation (Data Package descriptor, pandera models, DuckDB DDL, Parquet schema,
data dictionary) is generated from what this module loads; no column list is written elsewhere.
"""

from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pandas as pd
from frictionless import Schema

from .. import utf8
from ..errors import PipelineError
from ..paths import SOURCE_DESCRIPTOR
from .vocab import expand

# Table Schema type -> pandas extension dtype (nullable, so that missing never becomes 0).
PANDAS_DTYPES = {"string": "string", "integer": "Int64", "number": "Float64",
                 "boolean": "boolean", "date": "datetime64[s]"}


@dataclass(frozen=True)
class ResourceSpec:
    """One resource of the source descriptor with its (expanded) Table Schema."""

    name: str
    title: str
    origin: str  # curated | official | derived
    schema: dict
    descriptor: dict  # the resource entry of the source descriptor, as written
    data_path: Path | None  # committed CSV for curated resources

    @property
    def fields(self) -> list[dict]:
        """The schema's fields, in order."""
        return self.schema["fields"]

    @property
    def field_names(self) -> list[str]:
        """The names of the schema's fields, in order."""
        return [f["name"] for f in self.fields]

    @property
    def primary_key(self) -> list[str]:
        """The primary key's fields (empty when the schema has none)."""
        pk = self.schema.get("primaryKey", [])
        return [pk] if isinstance(pk, str) else list(pk)

    @property
    def foreign_keys(self) -> list[dict]:
        """The schema's foreign keys, as written."""
        return self.schema.get("foreignKeys", [])

    def referenced_resource(self, fk: dict) -> str:
        """The resource a foreign key points to (an empty name means this one)."""
        return fk["reference"]["resource"] or self.name


def load_json(path: Path, *, what: str) -> dict:
    """A JSON object from ``path``; a missing or malformed file is one located error (rule
    ``{what}-present`` / ``{what}-json``)."""
    try:
        text = utf8.decode(path.read_bytes(), file=str(path))
    except FileNotFoundError:
        raise PipelineError("file is missing", file=str(path), rule=f"{what}-present") from None
    except IsADirectoryError:
        raise PipelineError("is a folder, not a JSON file", file=str(path), rule=f"{what}-present") from None
    try:
        value = json.loads(text)
    except json.JSONDecodeError as exc:
        raise PipelineError(f"invalid JSON: {exc.msg} at line {exc.lineno} column {exc.colno}",
                            file=str(path), row=exc.lineno, rule=f"{what}-json") from None
    if not isinstance(value, dict):
        raise PipelineError(f"expected a JSON object, found {type(value).__name__}", file=str(path),
                            rule=f"{what}-json")
    return value


@cache
def package_descriptor() -> dict:
    """The source descriptor (datapackage.json at the root), read once."""
    return load_json(SOURCE_DESCRIPTOR, what="descriptor")


def check_schema(schema: dict, path: Path) -> None:
    """What the build relies on in a Table Schema, each failure naming the field: a valid Table
    Schema (frictionless), a type we map to pandas/Arrow/DuckDB, patterns that compile, and key
    fields that exist."""
    report = Schema.validate_descriptor(schema)
    fields = schema.get("fields")
    if not (isinstance(fields, list) and all(isinstance(f, dict) and isinstance(f.get("name"), str)
                                             for f in fields)):
        note = report.errors[0].note if report.errors else "fields must be a list of objects with a name"
        raise PipelineError(f"not a valid Table Schema: {note}", file=str(path), rule="schema-error")
    for f in fields:
        _check_field(f, path)
    _check_keys(schema, [f["name"] for f in fields], path)
    if not report.valid:
        raise PipelineError(f"not a valid Table Schema: {report.errors[0].note}", file=str(path),
                            rule="schema-error")


def _check_field(f: dict, path: Path) -> None:
    """A field's type is one we map, and its pattern (if any) compiles."""
    if f.get("type", "string") not in PANDAS_DTYPES:
        raise PipelineError(f"type {f.get('type')!r} is not supported; use one of "
                            f"{', '.join(PANDAS_DTYPES)}", file=str(path), column=f["name"],
                            rule="schema-field-type")
    constraints = f.get("constraints")
    pattern = constraints.get("pattern") if isinstance(constraints, dict) else None
    if pattern is not None:
        try:
            re.compile(pattern)
        except re.error as exc:
            raise PipelineError(f"pattern {pattern!r} is not a regular expression: {exc}",
                                file=str(path), column=f["name"], rule="schema-pattern") from None


def _names(value: object) -> list:
    """A key's field names: one name or a list of them (anything else names none)."""
    return [value] if isinstance(value, str) else value if isinstance(value, list) else []


def _check_keys(schema: dict, names: list[str], path: Path) -> None:
    """The primary key and every foreign key name fields the schema has."""
    for key in _names(schema.get("primaryKey", [])):
        if key not in names:
            raise PipelineError("primaryKey names a field the schema does not have", file=str(path),
                                column=key, rule="schema-primary-key")
    for fk in schema.get("foreignKeys", []) if isinstance(schema.get("foreignKeys"), list) else []:
        for key in _names(fk.get("fields", []) if isinstance(fk, dict) else []):
            if key not in names:
                raise PipelineError("foreignKeys names a field the schema does not have",
                                    file=str(path), column=key, rule="schema-foreign-key")


def load_resources(descriptor_path: Path) -> tuple[ResourceSpec, ...]:
    """Every resource of a source descriptor with its checked Table Schema (paths are relative to
    the descriptor's folder)."""
    base = descriptor_path.parent
    descriptor = load_json(descriptor_path, what="descriptor")
    entries = descriptor.get("resources")
    if not isinstance(entries, list) or not entries:
        raise PipelineError("the descriptor needs a non-empty list of resources", file=str(descriptor_path),
                            rule="descriptor-shape")
    specs = []
    for i, entry in enumerate(entries):
        if not (isinstance(entry, dict) and isinstance(entry.get("name"), str)
                and isinstance(entry.get("schema"), str)):
            raise PipelineError(f"resource {i + 1} needs a name and a schema path", file=str(descriptor_path),
                                rule="descriptor-shape")
        name: str = entry["name"]
        schema_path = base / entry["schema"]
        schema = expand(load_json(schema_path, what="schema"))  # shared fields written out first
        check_schema(schema, schema_path)
        path = base / entry["path"] if entry.get("path") else None
        specs.append(ResourceSpec(name, entry.get("title", name),
                                  entry.get("origin", "derived"), schema, entry, path))
    return tuple(specs)


@cache
def resources() -> tuple[ResourceSpec, ...]:
    """Every resource of the source descriptor, read and checked once."""
    return load_resources(SOURCE_DESCRIPTOR)


def resource(name: str) -> ResourceSpec:
    """The resource called ``name`` (KeyError if the descriptor has none)."""
    for spec in resources():
        if spec.name == name:
            return spec
    raise KeyError(name)


def empty_frame(spec: ResourceSpec) -> pd.DataFrame:
    """A frame with no rows and the schema's columns and dtypes."""
    return pd.DataFrame({f["name"]: pd.Series([], dtype=PANDAS_DTYPES[f["type"]])
                         for f in spec.fields})


def conform(df: pd.DataFrame, spec: ResourceSpec, *, origin: str) -> pd.DataFrame:
    """Order and type the columns of ``df`` exactly as the schema says (derived tables end here)."""
    missing = [n for n in spec.field_names if n not in df.columns]
    extra = [c for c in df.columns if c not in spec.field_names]
    if missing or extra:
        raise PipelineError(f"columns differ from schemas/{spec.name}.json: missing {missing}, "
                            f"unexpected {extra}", file=origin, rule="schema-columns")
    out = {}
    for f in spec.fields:
        col = df[f["name"]]
        if f["type"] == "date":
            col = pd.to_datetime(col).astype("datetime64[s]")
        else:
            col = col.astype(PANDAS_DTYPES[f["type"]])
        out[f["name"]] = col
    return pd.DataFrame(out).reset_index(drop=True)


INT64 = (-(2 ** 63), 2 ** 63 - 1)  # integer columns are int64 in Parquet and BIGINT in DuckDB


def committed_csv(spec: ResourceSpec) -> Path:
    """The committed CSV of a curated resource (a derived resource has none: a programming error)."""
    if spec.data_path is None:
        raise ValueError(f"{spec.name} is derived: it has no committed CSV")
    return spec.data_path


def read_csv_text(path: Path, spec: ResourceSpec) -> str:
    """The text of a curated CSV, refused with its row and column if it is not UTF-8, and with the
    column's name if the header lacks a schema field or has one the schema does not."""
    text = utf8.decode(path.read_bytes(), file=str(path), is_csv=True)
    header = next(csv.reader(io.StringIO(text)), [])
    missing = [n for n in spec.field_names if n not in header]
    if missing:
        raise PipelineError(f"the header lacks {', '.join(map(repr, missing))} (schemas/{spec.name}.json)",
                            file=str(path), row=1, column=missing[0], rule="missing-column")
    extra = [c for c in header if c not in spec.field_names]
    if extra:
        raise PipelineError(f"the header has {', '.join(map(repr, extra))}, which schemas/{spec.name}.json "
                            f"does not define", file=str(path), row=1, column=extra[0], rule="unexpected-column")
    return text


def _numbers(values: pd.Series, ftype: str, path: Path, name: str) -> pd.Series:
    """A column of number cells parsed, or an error locating the first that is not one."""
    parsed = pd.to_numeric(values, errors="coerce")
    for i, (text, number) in enumerate(zip(values, parsed, strict=True), start=2):
        if text is None:
            continue
        try:
            whole = int(text) if ftype == "integer" else None
        except ValueError:
            whole = None
        if pd.isna(number) and text.strip().lower() in {"nan", "-nan", "+nan"}:
            raise PipelineError("NaN is not a value a table publishes (leave the cell empty for "
                                "missing)", file=str(path), row=i, column=name, rule="finite")
        if (ftype == "integer" and whole is None) or pd.isna(number):
            raise PipelineError(f"{text!r} is not {'an integer' if ftype == 'integer' else 'a number'}",
                                file=str(path), row=i, column=name, rule="type-error")
        if whole is not None and not INT64[0] <= whole <= INT64[1]:
            raise PipelineError(f"{text} is outside the 64-bit integer range (Parquet int64, DuckDB "
                                f"BIGINT)", file=str(path), row=i, column=name, rule="integer-range")
    return parsed


def read_csv_typed(path: Path, spec: ResourceSpec, text: str | None = None) -> pd.DataFrame:
    """Read a committed CSV (validated by frictionless; ``text`` if already read) into schema-typed columns."""
    text = read_csv_text(path, spec) if text is None else text
    raw = pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False)
    raw = raw.replace({"": None})
    for f in spec.fields:
        if f["type"] == "boolean":
            raw[f["name"]] = raw[f["name"]].map(
                lambda v: None if v is None else v.strip().lower() in {"true", "1"})
        elif f["type"] in {"integer", "number"}:
            raw[f["name"]] = _numbers(raw[f["name"]], f["type"], path, f["name"])
    return conform(raw, spec, origin=str(path))
