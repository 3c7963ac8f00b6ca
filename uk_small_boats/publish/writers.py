"""Deterministic Parquet writer driven by the Table Schema (CSV: metadata.tables).

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


def arrow_schema(spec: ResourceSpec) -> pa.Schema:
    """The Arrow schema of a resource, with field descriptions and units and the Table Schema as metadata."""
    fields = [pa.field(f["name"], ARROW_TYPES[f["type"]],
                       nullable=not f.get("constraints", {}).get("required", False),
                       metadata={"description": f.get("description", ""),
                                 **({"unit": f["unit"]} if "unit" in f else {})})
              for f in spec.fields]
    meta = {"resource": spec.name, "description": spec.schema.get("description", ""),
            "table_schema": json.dumps(spec.schema, sort_keys=True, ensure_ascii=False)}
    return pa.schema(fields, metadata=meta)


def to_arrow(df: pd.DataFrame, spec: ResourceSpec) -> pa.Table:
    """A typed frame as an Arrow table of the resource's schema (missing values as nulls)."""
    schema = arrow_schema(spec)
    arrays = []
    for f, af in zip(spec.fields, schema, strict=True):
        col = df[f["name"]]
        if f["type"] == "date":
            values = [None if pd.isna(v) else pd.Timestamp(v).date() for v in col.tolist()]
        else:
            values = [None if pd.isna(v) else v for v in col.tolist()]
        arrays.append(pa.array(values, type=af.type))
    return pa.Table.from_arrays(arrays, schema=schema)


def write_parquet(df: pd.DataFrame, spec: ResourceSpec, path: Path) -> None:
    """Write a typed frame as Parquet (zstd, dictionaries, statistics): same frame, same bytes."""
    pq.write_table(to_arrow(df, spec), path, compression="zstd", write_statistics=True,
                   use_dictionary=True, store_schema=False)
