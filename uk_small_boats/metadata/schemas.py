"""Typed frames from the Table Schemas (loaded in ``specs``): conform derived tables, read CSV text.

Every other representation (Data Package descriptor, pandera models, DuckDB DDL, Parquet schema,
data dictionary) is generated from those specs; no column list is written elsewhere.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from ..errors import PipelineError
from .specs import ResourceSpec, package_descriptor, resource, resources  # noqa: F401 (re-exported)

# Table Schema type -> pandas extension dtype (nullable, so that missing never becomes 0).
PANDAS_DTYPES = {"string": "string", "integer": "Int64", "number": "Float64",
                 "boolean": "boolean", "date": "datetime64[s]"}


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
