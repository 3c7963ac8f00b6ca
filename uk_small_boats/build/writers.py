"""Deterministic CSV and Parquet writers driven by the Table Schema.

Same frame in, same bytes out: fixed row order (primary key), fixed float and date formats,
no timestamps, and Parquet metadata that carries the field descriptions.
"""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from ..metadata.schemas import ResourceSpec

ARROW_TYPES = {"string": pa.string(), "integer": pa.int64(), "number": pa.float64(),
               "boolean": pa.bool_(), "date": pa.date32()}


def sort_by_key(df: pd.DataFrame, spec: ResourceSpec) -> pd.DataFrame:
    keys = spec.primary_key or spec.field_names
    return df.sort_values(keys, kind="mergesort", na_position="first").reset_index(drop=True)


def _csv_cell(value, ftype: str) -> str:
    if value is None or value is pd.NA or (isinstance(value, float) and value != value) or value is pd.NaT:
        return ""
    if ftype == "date":
        return pd.Timestamp(value).strftime("%Y-%m-%d")
    if ftype == "boolean":
        return "true" if value else "false"
    if ftype == "number":
        f = float(value)
        return str(int(f)) if f.is_integer() else repr(f)
    return str(value)


def write_csv(df: pd.DataFrame, spec: ResourceSpec, path: Path) -> None:
    out = pd.DataFrame({f["name"]: [_csv_cell(v, f["type"]) for v in df[f["name"]].tolist()]
                        for f in spec.fields}, columns=spec.field_names)
    out.to_csv(path, index=False, lineterminator="\n", encoding="utf-8")


def arrow_schema(spec: ResourceSpec) -> pa.Schema:
    fields = [pa.field(f["name"], ARROW_TYPES[f["type"]],
                       nullable=not f.get("constraints", {}).get("required", False),
                       metadata={"description": f.get("description", ""),
                                 **({"unit": f["unit"]} if "unit" in f else {})})
              for f in spec.fields]
    meta = {"resource": spec.name, "description": spec.schema.get("description", ""),
            "table_schema": json.dumps(spec.schema, sort_keys=True, ensure_ascii=False)}
    return pa.schema(fields, metadata=meta)


def to_arrow(df: pd.DataFrame, spec: ResourceSpec) -> pa.Table:
    schema = arrow_schema(spec)
    arrays = []
    for f, af in zip(spec.fields, schema):
        col = df[f["name"]]
        if f["type"] == "date":
            values = [None if pd.isna(v) else pd.Timestamp(v).date() for v in col.tolist()]
        else:
            values = [None if pd.isna(v) else v for v in col.tolist()]
        arrays.append(pa.array(values, type=af.type))
    return pa.Table.from_arrays(arrays, schema=schema)


def write_parquet(df: pd.DataFrame, spec: ResourceSpec, path: Path) -> None:
    pq.write_table(to_arrow(df, spec), path, compression="zstd", write_statistics=True,
                   use_dictionary=True, store_schema=False)
