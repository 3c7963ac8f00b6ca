"""Load the source descriptor and the Table Schemas, and turn CSV text into typed frames by them.

Every other representation (Data Package descriptor, pandera models, DuckDB DDL, Parquet schema,
data dictionary) is generated from what this module loads; no column list is written elsewhere.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pandas as pd

from ..errors import PipelineError
from ..paths import SOURCE_DESCRIPTOR
from .vocab import expand

# Table Schema type -> pandas extension dtype (nullable, so that missing never becomes 0).
PANDAS_DTYPES = {"string": "string", "integer": "Int64", "number": "Float64",
                 "boolean": "boolean", "date": "datetime64[s]"}


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


@cache
def package_descriptor() -> dict:
    return json.loads(SOURCE_DESCRIPTOR.read_text(encoding="utf-8"))


@cache
def resources() -> tuple[ResourceSpec, ...]:
    specs = []
    base = SOURCE_DESCRIPTOR.parent  # the descriptor's paths are relative to it
    for entry in package_descriptor()["resources"]:
        schema = expand(json.loads((base / entry["schema"]).read_text(encoding="utf-8")))
        path = base / entry["path"] if entry.get("path") else None
        specs.append(ResourceSpec(entry["name"], entry.get("title", entry["name"]),
                                  entry.get("origin", "derived"), schema, entry, path))
    return tuple(specs)


def resource(name: str) -> ResourceSpec:
    for spec in resources():
        if spec.name == name:
            return spec
    raise KeyError(name)


def empty_frame(spec: ResourceSpec) -> pd.DataFrame:
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


def read_csv_typed(path: Path, spec: ResourceSpec) -> pd.DataFrame:
    """Read a committed CSV (already validated by frictionless) into schema-typed columns."""
    raw = pd.read_csv(path, dtype=str, keep_default_na=False)
    raw = raw.replace({"": None})
    for f in spec.fields:
        if f["name"] not in raw.columns:
            continue
        if f["type"] == "boolean":
            raw[f["name"]] = raw[f["name"]].map(
                lambda v: None if v is None else v.strip().lower() in {"true", "1"})
        elif f["type"] in {"integer", "number"}:
            raw[f["name"]] = pd.to_numeric(raw[f["name"]])
    return conform(raw, spec, origin=str(path))
