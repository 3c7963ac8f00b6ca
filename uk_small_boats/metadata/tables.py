"""Deterministic CSV for typed frames: the form of every curated and published table.

Same frame in, same bytes out: rows in primary-key order, fixed number, date and boolean formats.
Curation (which rewrites data/*.csv) and publication (build/data/*.csv) both write through here.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pandas as pd

from .schemas import ResourceSpec


def sort_by_key(df: pd.DataFrame, spec: ResourceSpec) -> pd.DataFrame:
    """Rows in primary-key order (all columns for a table without one), stable, nulls first."""
    keys = spec.primary_key or spec.field_names
    return df.sort_values(keys, kind="mergesort", na_position="first").reset_index(drop=True)


def _csv_cell(value: Any, ftype: str) -> str:
    if value is None or value is pd.NA or (isinstance(value, float) and value != value) or value is pd.NaT:
        return ""
    if ftype == "date":
        return pd.Timestamp(value).date().isoformat()  # four-digit year (strftime writes year 1 as "1")
    if ftype == "boolean":
        return "true" if value else "false"
    if ftype == "number":
        f = float(value)
        return str(int(f)) if f.is_integer() else repr(f)
    return str(value)


def write_csv(df: pd.DataFrame, spec: ResourceSpec, path: Path) -> None:
    """Write ``df`` as the schema's columns in fixed cell formats: same frame, same bytes."""
    out = pd.DataFrame({f["name"]: [_csv_cell(v, f["type"]) for v in df[f["name"]].tolist()]
                        for f in spec.fields}, columns=spec.field_names)
    out.to_csv(path, index=False, lineterminator="\n", encoding="utf-8")
