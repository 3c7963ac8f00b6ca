"""Curated resources that are re-derivable from the archive: regenerate them and diff with data/.

data/claims.csv and data/source_differences.csv are committed (so a machine without the news
texts still builds); where the texts are present the build re-derives them and reports drift.
"""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd

from ..metadata.schemas import resource
from .claims import curated_claims
from .differences import rewrite_differences

REGENERATORS: dict[str, Callable[[dict[str, str], pd.DataFrame], pd.DataFrame]] = {
    "claims": curated_claims,
    "source_differences": rewrite_differences,
}


def drift(name: str, committed: pd.DataFrame, fresh: pd.DataFrame, present: set[str]) -> list[str]:
    """Row and cell differences, restricted to rows whose sources are all present."""
    spec = resource(name)
    key = spec.primary_key[0]
    src_cols = [c for c in ("source_id", "original_source_id") if c in spec.field_names]

    def covered(df: pd.DataFrame) -> pd.DataFrame:
        mask = pd.Series(True, index=df.index)
        for c in src_cols:
            mask &= df[c].isin(list(present))
        return df[mask].set_index(key)

    a, b = covered(committed), covered(fresh)
    out = [f"{name}: only in data/{name}.csv: {k}" for k in sorted(set(a.index) - set(b.index))]
    out += [f"{name}: new from the archive: {k}" for k in sorted(set(b.index) - set(a.index))]
    rows_a, rows_b = a.to_dict("index"), b.to_dict("index")  # plain values: cell lookups in pandas are slow
    for k in sorted(rows_a.keys() & rows_b.keys()):
        for col in a.columns:
            x, y = rows_a[k][col], rows_b[k][col]
            if pd.isna(x) != pd.isna(y) or (not pd.isna(x) and x != y):  # a cell emptied or filled is drift too
                out.append(f"{name}: {k}.{col}: committed {x!r}, now {y!r}")
    return out
