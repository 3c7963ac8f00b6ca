"""The source descriptor and its Table Schemas as plain data (no pandas: quick to import).

Commands that only need column names (``uk-small-boats extract``) read them here; the typed-frame
helpers in ``schemas`` build on the same specs. Every other representation (Data Package descriptor,
pandera models, DuckDB DDL, Parquet schema, data dictionary) is generated from what this module
loads; no column list is written elsewhere.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from .. import utf8
from ..errors import PipelineError
from ..paths import SOURCE_DESCRIPTOR
from .vocab import expand

# The Table Schema types the build maps to pandas, Arrow and DuckDB.
SCHEMA_TYPES = ("string", "integer", "number", "boolean", "date")


@dataclass(frozen=True)
class ResourceSpec:
    name: str
    title: str
    origin: str  # curated | official | derived
    schema: dict
    descriptor: dict  # the resource entry of the source descriptor, as written
    data_path: Path | None  # committed CSV for curated resources

    @property
    def fields(self) -> list[dict]:
        return self.schema["fields"]

    @property
    def field_names(self) -> list[str]:
        return [f["name"] for f in self.fields]

    @property
    def primary_key(self) -> list[str]:
        pk = self.schema.get("primaryKey", [])
        return [pk] if isinstance(pk, str) else list(pk)

    @property
    def foreign_keys(self) -> list[dict]:
        return self.schema.get("foreignKeys", [])

    def referenced_resource(self, fk: dict) -> str:
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
    return load_json(SOURCE_DESCRIPTOR, what="descriptor")


def check_schema(schema: dict, path: Path) -> None:
    """What the build relies on in a Table Schema, each failure naming the field: a valid Table
    Schema (frictionless), a type we map to pandas/Arrow/DuckDB, patterns that compile, and key
    fields that exist."""
    from frictionless import Schema  # imported here: commands that only read column names stay quick

    report = Schema.validate_descriptor(schema)
    fields = schema.get("fields")
    if not (isinstance(fields, list) and all(isinstance(f, dict) and isinstance(f.get("name"), str)
                                             for f in fields)):
        note = report.errors[0].note if report.errors else "fields must be a list of objects with a name"
        raise PipelineError(f"not a valid Table Schema: {note}", file=str(path), rule="schema-error")
    names = [f["name"] for f in fields]
    for f in fields:
        if f.get("type", "string") not in SCHEMA_TYPES:
            raise PipelineError(f"type {f.get('type')!r} is not supported; use one of "
                                f"{', '.join(SCHEMA_TYPES)}", file=str(path), column=f["name"],
                                rule="schema-field-type")
        constraints = f.get("constraints")
        pattern = constraints.get("pattern") if isinstance(constraints, dict) else None
        if pattern is not None:
            try:
                re.compile(pattern)
            except re.error as exc:
                raise PipelineError(f"pattern {pattern!r} is not a regular expression: {exc}",
                                    file=str(path), column=f["name"], rule="schema-pattern") from None
    pk = schema.get("primaryKey", [])
    for key in [pk] if isinstance(pk, str) else pk if isinstance(pk, list) else []:
        if key not in names:
            raise PipelineError("primaryKey names a field the schema does not have", file=str(path),
                                column=key, rule="schema-primary-key")
    for fk in schema.get("foreignKeys", []) if isinstance(schema.get("foreignKeys"), list) else []:
        keys = fk.get("fields", []) if isinstance(fk, dict) else []
        for key in [keys] if isinstance(keys, str) else keys if isinstance(keys, list) else []:
            if key not in names:
                raise PipelineError("foreignKeys names a field the schema does not have",
                                    file=str(path), column=key, rule="schema-foreign-key")
    if not report.valid:
        raise PipelineError(f"not a valid Table Schema: {report.errors[0].note}", file=str(path),
                            rule="schema-error")


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
        schema_path = base / entry["schema"]
        schema = expand(load_json(schema_path, what="schema"))  # shared fields written out first
        check_schema(schema, schema_path)
        path = base / entry["path"] if entry.get("path") else None
        specs.append(ResourceSpec(entry["name"], entry.get("title", entry["name"]),
                                  entry.get("origin", "derived"), schema, entry, path))
    return tuple(specs)


@cache
def resources() -> tuple[ResourceSpec, ...]:
    return load_resources(SOURCE_DESCRIPTOR)


def resource(name: str) -> ResourceSpec:
    for spec in resources():
        if spec.name == name:
            return spec
    raise KeyError(name)
