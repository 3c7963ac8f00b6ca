"""The resource specs: a derived resource has no committed CSV to read or write."""

import pytest

from uk_small_boats.metadata.schemas import committed_csv, resource


def test_committed_csv_of_curated_and_derived_resources():
    assert committed_csv(resource("sources")).name == "sources.csv"
    with pytest.raises(ValueError, match="claim_checks is derived"):
        committed_csv(resource("claim_checks"))
