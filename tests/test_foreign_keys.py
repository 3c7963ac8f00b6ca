"""Foreign keys of the curated inputs, held on the typed frames (frictionless holds the built package's)."""

import pandas as pd
import pytest

from uk_small_boats.errors import PipelineError
from uk_small_boats.metadata.specs import ResourceSpec, resource
from uk_small_boats.validate.keys import check_foreign_keys

ORIGINS = {"sources": "data/sources.csv", "claims": "data/claims.csv", "pairs": "p.csv", "refs": "r.csv"}


def frames(source_ids, derived_from, claim_sources):
    sources = pd.DataFrame({"source_id": source_ids, "derived_from": derived_from}, dtype="string")
    claims = pd.DataFrame({"claim_id": [f"c-{i}" for i in range(len(claim_sources))],
                           "source_id": claim_sources}, dtype="string")
    return {"sources": sources, "claims": claims}


def test_keys_that_resolve_and_empty_self_references_pass():
    check_foreign_keys(frames(["a", "b"], [None, "a"], ["a", "b", "a"]),
                       [resource("sources"), resource("claims")], ORIGINS)


@pytest.mark.parametrize("derived_from, claim_sources, file, row, column, first", [
    ([None, "zzz"], ["a"], "data/sources.csv", 3, "derived_from", "row 3: zzz"),  # self-reference
    ([None, None], ["a", "b", "nope", "nada"], "data/claims.csv", 4, "source_id", "row 4: nope"),
])
def test_a_missing_key_is_located_in_the_file_that_must_change(derived_from, claim_sources, file, row,
                                                               column, first):
    with pytest.raises(PipelineError) as exc:
        check_foreign_keys(frames(["a", "b"], derived_from, claim_sources),
                           [resource("sources"), resource("claims")], ORIGINS)
    e = exc.value
    assert (e.file, e.row, e.column, e.rule) == (file, row, column, "foreign-key")
    assert e.details[0] == first


def test_multi_field_keys_skip_only_all_empty_rows():
    spec = ResourceSpec("pairs", "pairs", "curated", {"fields": [], "foreignKeys": [
        {"fields": ["x", "y"], "reference": {"resource": "refs", "fields": ["a", "b"]}}]}, {}, None)
    refs = pd.DataFrame({"a": ["1", "2"], "b": ["p", "q"]}, dtype="string")
    ok = pd.DataFrame({"x": ["1", "2", None], "y": ["p", "q", None]}, dtype="string")
    check_foreign_keys({"pairs": ok, "refs": refs}, [spec], ORIGINS)
    half = pd.DataFrame({"x": ["1", "1", "2"], "y": ["p", "q", None]}, dtype="string")
    with pytest.raises(PipelineError) as exc:
        check_foreign_keys({"pairs": half, "refs": refs}, [spec], ORIGINS)
    assert exc.value.row == 3 and exc.value.column == "x, y"
    assert exc.value.details == ["row 3: ('1', 'q')", "row 4: ('2', None)"]
