"""Reviewed corrections of generated claims: set, drop, add, and a stale review refused with its entry."""

import datetime as dt

import pytest

from uk_small_boats.curate.claims import apply_overrides
from uk_small_boats.errors import PipelineError
from uk_small_boats.extract.claims import extract_claims

TEXT = "Some 898 migrants made the journey in 13 boats yesterday. Around 20,000 have arrived since the deal."


@pytest.fixture
def rows():
    out = extract_claims(TEXT, dt.date(2025, 8, 31))
    for r in out:
        r.update(claim_id=f"s-{r['figure_start']}", source_id="s")
    return out


def write(tmp_path, body):
    path = tmp_path / "overrides.yaml"
    path.write_text(body, encoding="utf-8")
    return path


def test_set_drop_and_add(rows, tmp_path):
    path = write(tmp_path, f"""
- {{action: set, claim_id: s-{TEXT.index('20,000')}, reason: "the deal of 6 August", set: {{period_start: '2025-08-06', period_end: '2025-08-30'}}}}
- {{action: drop, claim_id: s-{TEXT.index('13')}, reason: "not wanted here"}}
- {{action: add, source_id: s, figure_text: "journey", reason: "a reviewer's row", set: {{metric: people_other, value: 1}}}}
""")
    out = {r["claim_id"]: r for r in apply_overrides(rows, {"s": TEXT}, path)}
    deal = out[f"s-{TEXT.index('20,000')}"]
    assert (deal["period_start"], deal["period_basis"], deal["review"]) == (dt.date(2025, 8, 6), "stated",
                                                                          "the deal of 6 August")
    assert f"s-{TEXT.index('13')}" not in out
    assert out[f"s-{TEXT.index('journey')}"]["extraction"] == "manual"


def test_a_stale_review_is_refused_with_its_entry(rows, tmp_path):
    path = write(tmp_path, """
- {action: drop, claim_id: other-5, reason: "source not on this machine: skipped"}
- {action: drop, claim_id: s-999, reason: "the extractor no longer produces this"}
""")
    with pytest.raises(PipelineError) as exc:
        apply_overrides(rows, {"s": TEXT}, path)
    assert (exc.value.row, exc.value.column, exc.value.rule) == (2, "claim_id", "override-target")
