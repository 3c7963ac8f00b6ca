"""Hostile and arbitrary text: the extractor never crashes and every offset it prints is real."""

import datetime as dt

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from uk_small_boats.extract.claims import extract_claims

WORDS = st.sampled_from([
    "About", "1,000", "migrants", "crossed", "the", "Channel", "on", "Tuesday", "£30m", "42%",
    "since", "Labour", "took", "office", "last", "July", "more", "than", "Six", "boats", "no",
    "crossings", "for", "a", "week", "(2,983)", "between", "1", "January", "to", "30", "March",
    "this", "year", ".", ",", "\n", "same", "period", "in", "2024", "Hundreds", "<script>", "–",
    "passed", "5,000", "yesterday", "up", "from", "compared", "with", "when", "per", "cent"])


def check(text, pub=dt.date(2025, 4, 16)):
    for r in extract_claims(text, pub):
        assert 0 <= r["char_start"] <= r["figure_start"] < r["figure_end"] <= r["char_end"] <= len(text)
        assert text[r["char_start"]:r["char_end"]] == r["quote"]
        assert text[r["figure_start"]:r["figure_end"]] == r["figure_text"]
        if r["period_start"] is not None:
            assert r["period_start"] <= r["period_end"]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text())
def test_arbitrary_unicode_text(text):
    check(text)


@settings(max_examples=300, deadline=None)
@given(st.lists(WORDS, max_size=60).map(" ".join), st.dates(dt.date(2018, 1, 1), dt.date(2030, 12, 31)))
def test_crossing_like_word_salad(text, pub):
    check(text, pub)


def test_empty_and_whitespace():
    assert extract_claims("", dt.date(2025, 1, 1)) == []
    assert extract_claims("   \n\t ", dt.date(2025, 1, 1)) == []


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(st.lists(WORDS, min_size=2, max_size=12).map(" ".join), st.integers(2_000, 20_000))
def test_large_repetitive_input_is_read_or_refused(unit, times):
    """Issue 16: word salad repeated into texts of up to ~1.5 MB, one line without full stops or with
    them: every offset real, or a located refusal (too many figures/numbers); never a crash. (How
    fast is measured in bench/run.py, not here.)"""
    from uk_small_boats.errors import PipelineError

    text = (unit + " ") * times
    try:
        check(text)
    except PipelineError as exc:
        assert exc.rule == "input-figures"
