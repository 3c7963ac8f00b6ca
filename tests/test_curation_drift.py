"""Drift between the committed curated tables and what the archive regenerates."""

import pandas as pd

from uk_small_boats.curate.regenerate import drift
from uk_small_boats.metadata.schemas import read_csv_typed, resource


def test_a_cell_emptied_or_filled_is_drift_not_a_crash():
    spec = resource("claims")
    claims = read_csv_typed(spec.data_path, spec)
    committed = claims[claims["period_start"].notna()].head(3).reset_index(drop=True)  # a cell to empty
    fresh = committed.copy()
    row = committed.index[0]
    col = "period_start"
    fresh[col] = fresh[col].astype(object)
    fresh.at[row, col] = pd.NA
    present = set(committed["source_id"])
    found = drift("claims", committed, fresh, present)
    assert len(found) == 1 and found[0].startswith(f"claims: {committed.at[row, 'claim_id']}.{col}: committed")
    assert drift("claims", committed, committed.copy(), present) == []
    assert len(drift("claims", fresh, committed, present)) == 1  # and the other way round
