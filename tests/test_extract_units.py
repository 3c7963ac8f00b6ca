"""Unit tests of the extractor's parts: figures, qualifiers, metrics, periods, sentences."""

import datetime as dt

import pytest

from uk_small_boats.extract.claims import extract_claims
from uk_small_boats.extract.numbers import find_figures
from uk_small_boats.extract.qualifiers import qualifier_for
from uk_small_boats.extract.text import sentences


def figs(text):
    return [(f.text, f.value) for f in find_figures(text)]


@pytest.mark.parametrize("text, expected", [
    ("705 migrants arrived", [("705", 705)]),
    ("a total of 45,755 people", [("45,755", 45755)]),
    ("almost £500m over three years", [("£500m", 500e6)]),
    ("£1.5bn and €72.2m and $100,000", [("£1.5bn", 1.5e9), ("€72.2m", 72.2e6), ("$100,000", 1e5)]),
    ("a rise of 42% and 15 per cent", [("42%", 42), ("15 per cent", 15)]),
    ("Six boats set off", [("Six", 6)]),
    ("two thousand people crossed", [("two thousand", 2000)]),
    ("Fifty-two people were rescued", [("Fifty-two", 52)]),
    ("Hundreds of migrants", [("Hundreds", 200)]),
    ("dozens of people", [("dozens", 24)]),
    ("There were no crossings for a week.", [("no crossings", 0)]),
    ("Over 36.8K people crossed, against 29.4k in 2023", [("36.8K", 36800), ("29.4k", 29400)]),  # corpus 13
])
def test_figures_found(text, expected):
    assert figs(text) == expected


@pytest.mark.parametrize("text", [
    "In 2023 the deal was signed.", "3 hours ago", "a jail term of up to five years",
    "on 21 March", "from March 1-5", "Article 4 and Article 5", "BBC Radio 4",
    "Copyright 2025 BBC.", "the one in, one out deal", "a one-for-one principle", "at 10:30am",
    "COVID-19 rules", "one of the boats", "for eight years",
])
def test_not_figures(text):
    assert figs(text) == []


@pytest.mark.parametrize("before, expected", [
    ("About ", "about"), ("More than ", "more_than"), ("over ", "over"), ("almost ", "almost"),
    ("nearly ", "nearly"), ("up to ", "up_to"), ("at least ", "at_least"), ("Some ", "about"),
    ("passed ", "passed"), ("fewer than ", "fewer_than"), ("Another ", "exact"), ("", "exact"),
])
def test_qualifiers(before, expected):
    text = before + "1,000 people"
    s = len(before)
    assert qualifier_for(text, s, s + 5, None)[0] == expected


@pytest.mark.parametrize("after, expected", [
    ("-odd who made the trip", "more_than"),  # corpus 11: "the 100-odd who made the trip"
    (" or so people", "about"), ("-plus people", "more_than"), (" people", "exact"),
])
def test_qualifiers_after_the_figure(after, expected):
    assert qualifier_for("the 100" + after, 4, 7, None)[0] == expected


PUB = dt.date(2025, 4, 16)  # a Wednesday


def test_same_period_comparison_is_recomputable():
    text = ("705 migrants arrived on Tuesday. "
            "It brings the total for 2025 to 8,888 people, a rise of 42% on the same period last year.")
    rows = extract_claims(text, PUB)
    pct = next(r for r in rows if r["metric"] == "percent_change")
    tuesday = dt.date(2025, 4, 15)  # running totals end on the data day, the latest day the article reports
    assert (pct["period_start"], pct["period_end"]) == (dt.date(2025, 1, 1), tuesday)
    assert (pct["compare_start"], pct["compare_end"]) == (dt.date(2024, 1, 1), dt.date(2024, 4, 15))
    assert pct["change_of"] == "people_arrived"


def test_bracketed_compare_value_takes_compared_period():
    text = ("Some 1,378 people crossed from March 1-5, bringing the yearly total to 3,434.\n"
            "This is 15% higher than the same period in 2024 (2,983).")
    rows = {r["figure_text"]: r for r in extract_claims(text, dt.date(2025, 3, 6))}
    assert (rows["2,983"]["period_start"], rows["2,983"]["period_end"]) == (dt.date(2024, 1, 1), dt.date(2024, 3, 5))
    assert rows["15%"]["compare_start"] == dt.date(2024, 1, 1)


def test_glued_sentences_split():
    text = "Home affairs.About 1,000 migrants crossed on Friday.Six boats set off."
    spans = [text[s.start:s.end] for s in sentences(text)]
    assert spans == ["Home affairs.", "About 1,000 migrants crossed on Friday.", "Six boats set off."]


def test_abbreviations_do_not_split():
    text = "Mr Hewitt met Dr. Smith on Friday. It cost £1.5m in total."
    assert len(sentences(text)) == 2


def test_rows_have_source_free_claim_columns():
    from uk_small_boats.metadata.schemas import resource
    rows = extract_claims("About 1,000 migrants crossed the Channel on Friday.", dt.date(2025, 9, 19))
    wanted = set(resource("claims").field_names) - {"claim_id", "source_id", "review"}
    assert set(rows[0]) == wanted


def test_more_than_a_whole_year_is_an_assertion_with_a_compared_year():
    text = "It means 39,292 people have made the journey so far this year, already more than in the whole of 2024."
    r = extract_claims(text, dt.date(2025, 11, 20))[0]
    assert r["assertion"] == "exceeds_period" and r["compare_text"] == "already more than in the whole of 2024"
    assert (r["compare_start"], r["compare_end"]) == (dt.date(2024, 1, 1), dt.date(2024, 12, 31))
