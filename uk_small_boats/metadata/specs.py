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


def check_schema(schema: dict, path: Path, full: bool = True) -> None:
    """What the build relies on in a Table Schema, each failure naming the field: a type we map to
    pandas/Arrow/DuckDB, patterns that compile, key fields that exist, and (``full``) a valid Table
    Schema by frictionless, whose import alone takes longer than ``extract`` on one article."""
    fields = schema.get("fields")
    if not (isinstance(fields, list) and all(isinstance(f, dict) and isinstance(f.get("name"), str)
                                             for f in fields)):
        raise PipelineError("not a valid Table Schema: fields must be a list of objects with a name",
                            file=str(path), rule="schema-error")
    for f in fields:
        _check_field(f, path)
    _check_keys(schema, [f["name"] for f in fields], path)
    if full:
        from frictionless import Schema

        report = Schema.validate_descriptor(schema)
        if not report.valid:
            raise PipelineError(f"not a valid Table Schema: {report.errors[0].note}", file=str(path),
                                rule="schema-error")


def _check_field(f: dict, path: Path) -> None:
    """A field's type is one we map, and its pattern (if any) compiles."""
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


def load_resources(descriptor_path: Path, full: bool = True) -> tuple[ResourceSpec, ...]:
    """Every resource of a source descriptor with its checked Table Schema (paths are relative to
    the descriptor's folder; ``full``: frictionless validates each schema too)."""
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
        check_schema(schema, schema_path, full)
        path = base / entry["path"] if entry.get("path") else None
        specs.append(ResourceSpec(name, entry.get("title", name),
                                  entry.get("origin", "derived"), schema, entry, path))
    return tuple(specs)


def committed_csv(spec: ResourceSpec) -> Path:
    """The committed CSV of a curated resource (a derived resource has none: a programming error)."""
    if spec.data_path is None:
        raise ValueError(f"{spec.name} is derived: it has no committed CSV")
    return spec.data_path


# Whether resources() also validates each schema with frictionless when not told (full=None). The
# build and `validate` do; `extract` and `check`, which read one article and write nothing, turn it
# off (light_schema_checks) so that starting them does not import frictionless.
_FULL_BY_DEFAULT = True


def light_schema_checks() -> None:
    """From now on in this process, check schemas without frictionless unless a caller asks
    (types, patterns and keys are still checked; the build validates every schema in full)."""
    global _FULL_BY_DEFAULT
    _FULL_BY_DEFAULT = False


def resources(full: bool | None = None) -> tuple[ResourceSpec, ...]:
    """Every resource of the source descriptor, read and checked once (``full=False``: without
    frictionless, for commands that only need column names; None: as light_schema_checks says)."""
    return _resources(_FULL_BY_DEFAULT if full is None else full)


@cache
def _resources(full: bool) -> tuple[ResourceSpec, ...]:
    return load_resources(SOURCE_DESCRIPTOR, full)


def resource(name: str, full: bool | None = None) -> ResourceSpec:
    """The resource called ``name`` (KeyError if the descriptor has none)."""
    for spec in resources(full):
        if spec.name == name:
            return spec
    raise KeyError(name)
