"""Typed frames from the Table Schemas (loaded in ``specs``): conform derived tables, read CSV text."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pandas as pd

from .. import utf8
from ..errors import PipelineError
from .specs import (  # noqa: F401 (re-exported)
    ResourceSpec,
    check_schema,
    committed_csv,
    load_json,
    load_resources,
    package_descriptor,
    resource,
    resources,
)

# Table Schema type -> pandas extension dtype (nullable, so that missing never becomes 0).
PANDAS_DTYPES = {"string": "string", "integer": "Int64", "number": "Float64",
                 "boolean": "boolean", "date": "datetime64[s]"}


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
