"""The published rows a row-by-row fact-check audit found wrong (issue 12), each held to the text
and the series so that it stays fixed. Queried from the built DuckDB file."""

import datetime as dt
import json
import re

import duckdb
import pytest

from uk_small_boats.metadata.schemas import read_csv_typed, resource
from uk_small_boats.validate.pandera_models import validate_frame
from uk_small_boats.errors import PipelineError

from .conftest import news_archive_present

REWRITE = "rewrite-of-bbc-2025-09-19"


@pytest.fixture(scope="module")
def q(built):
    con = duckdb.connect(str(built / "uk_small_boats.duckdb"), read_only=True)
    yield lambda sql, *p: con.execute(sql, list(p)).fetchall()
    con.close()


def diffs(q, where, *params):
    return q(f"""SELECT difference_id, change, quote, original_quote, description, phrase_changes, review
                 FROM source_differences WHERE {where}""", *params)


# ---------------------------------------------------------------- source_differences

def test_page_furniture_is_not_an_omitted_sentence(q):
    rows = diffs(q, "original_quote SIMILAR TO '.*([0-9]+ (mins?|hrs?) ago|More from|\\$100,000).*'")
    assert rows == []
    omitted = [r[3] for r in diffs(q, "change = 'sentence_omitted'")]
    assert omitted and all(re.search(r"[.!?][\"'”’]?$", o) for o in omitted)  # whole sentences


def test_the_pair_at_445_records_its_changed_phrases(q):
    (row,) = diffs(q, "difference_id = ?", f"{REWRITE}-445")
    phrases = row[5].split(" | ")
    assert '"are believed to have crossed" -> "attempted to cross"' in phrases
    assert '"two more deportations" -> "the second deportation"' in phrases


def test_the_iranian_return_dropped_cuts_the_days_returns(q):
    (row,) = diffs(q, "original_quote LIKE '%an Iranian male had also been returned%'")
    assert row[1] == "sentence_omitted" and row[2] is None
    assert "from 2 to 1" in row[4] and row[6]


def test_the_chequers_press_conference_loses_its_day(q):
    (row,) = diffs(q, "original_quote LIKE '%at Chequers on Thursday%'")
    assert row[1] == "date_changed" and "on thursday" in row[4]
    assert "Thursday" not in row[2]


def test_trumps_words_become_an_offer_of_military_help(q):
    (row,) = diffs(q, "original_quote LIKE '%I told the prime minister I would stop it%'")
    assert row[1] == "fact_changed" and "offered to help stop it" in row[2]
    assert "offer" in row[4] and row[6]


def test_the_flights_lose_next_week_and_the_appeal_is_dropped(q):
    (row,) = diffs(q, "original_quote LIKE '%planned into next week%'")
    assert "tightening immigration controls" in row[2] and "into next week" not in row[2]
    assert all(w in row[4] for w in ("into next week", "appeal", "tightening immigration controls"))
    assert "into next week" in row[5]


def test_the_editorial_sentence_is_an_addition(q):
    (row,) = diffs(q, "quote LIKE 'While Trump has pushed for tougher measures%'")
    assert row[1] == "sentence_added" and row[3] is None and "editorial" in row[4]


def test_every_rewrite_sentence_is_paired_or_listed_as_added(q):
    """Each sentence of the rewrite that has no counterpart must be listed: the rewrite's twelve
    lines are all prose, so the only ones not listed are pairs with nothing changed."""
    added = {r[2] for r in diffs(q, "change = 'sentence_added'")}
    assert len(added) == 1


def test_reviewed_differences_carry_their_reason(q):
    reviewed = diffs(q, "review IS NOT NULL")
    assert len(reviewed) >= 4 and all(len(r[6]) > 40 for r in reviewed)


@pytest.mark.skipif(not news_archive_present(), reason="news archive not beside the repo")
def test_committed_differences_are_what_curate_derives(built):
    drift = json.loads((built / "build_report.json").read_text())["curation_drift"]
    assert [d for d in drift if d.startswith("source_differences")] == []


# ---------------------------------------------------------------- events

def test_a_ministerial_meeting_is_between_ministers(q):
    """Every named participant of a ministerial meeting holds a ministerial title."""
    rows = q("""SELECT p.event_id, p.title FROM participants p JOIN events e USING (event_id)
                WHERE e.kind = 'ministerial_meeting' AND p.actor_id IS NOT NULL""")
    assert rows and all(re.search(r"Minister|Secretary", t) for _, t in rows), rows
    assert q("SELECT kind FROM events WHERE event_id = 'hewitt-calais-paris-2025-03'") == [("official_meeting",)]


def test_the_roundtable_date_and_place_are_inferred_not_stated(q):
    (row,) = q("""SELECT date_basis, place_basis, date_text, quote FROM events JOIN evidence USING (evidence_id)
                  WHERE kind = 'roundtable'""")
    assert row[:2] == ("inferred", "inferred") and row[2].startswith("not stated")
    assert "Lancaster House" not in row[3] and "Monday" not in row[3]  # the quote states neither


def test_a_stated_place_stands_in_the_quote(q):
    rows = q("""SELECT event_id, place, quote FROM events JOIN evidence USING (evidence_id)
                WHERE place_basis = 'stated'""")
    assert rows
    for event_id, place, quote in rows:
        assert all(part in quote for part in re.split(r",\s*| and ", place)), event_id


def test_basis_goes_with_its_date_and_place():
    spec = resource("events")
    df = read_csv_typed(spec.data_path, spec)
    validate_frame(df, spec, origin="events")
    bad = df.copy()
    bad.loc[bad["event_id"] == "trump-state-visit-2025", "date_basis"] = "stated"  # no date to state
    with pytest.raises(PipelineError) as e:
        validate_frame(bad, spec, origin="events")
    assert "start_date-with-date_basis" in str(e.value.render())


# ---------------------------------------------------------------- returns

def test_flights_planned_into_next_week_are_dated_to_next_week(q):
    (row,) = q("""SELECT period_start::VARCHAR, period_end::VARCHAR, status, date_text FROM returns_with_evidence
                  WHERE quote LIKE '%planned into next week%'""")
    assert row[:3] == ("2025-09-22", "2025-09-28", "planned") and "into next week" in row[3]


def test_may_be_removed_is_possible_not_planned(q):
    rows = q("SELECT status, period_start, period_end FROM returns_with_evidence WHERE quote LIKE '%may be removed%'")
    assert rows == [("possible", None, None)]


def test_returns_descriptions_say_only_what_the_text_says(q):
    rows = q("SELECT return_id, description, quote FROM returns_with_evidence")
    for return_id, description, quote in rows:
        for quoted in re.findall(r'"([^"]+)"', description):
            assert quoted in quote, (return_id, quoted)
        assert "all routes" not in description and "small boats)" not in description, return_id


# ---------------------------------------------------------------- claims

def test_missing_figures_are_claims(q):
    rows = {r[0]: r[1:] for r in q("""SELECT figure_text, metric, value, unit, qualifier, assertion, review
                                      FROM claims
                                      WHERE figure_text IN ('five', 'eight', 'seven')
                                        AND source_id IN ('bbc-2025-04-16', 'sky-2025-03-31')""")}
    assert rows["five"][:4] == ("duration", 5, "years", "up_to")
    assert rows["eight"][:5] == ("duration", 8, "years", "exact", "record_period")
    assert rows["seven"][:5] == ("duration", 7, "years", "exact", "record_period")
    assert all(r[5] for r in rows.values())


def test_the_record_against_the_previous_seven_years_holds(q):
    """5,000 passed on 20 March 2025 (5,025); no year 2018-2024 had as many by 20 March."""
    days = q("""SELECT date, sum(people_arrived) OVER (ORDER BY date) FROM official_daily
                WHERE date BETWEEN DATE '2025-01-01' AND DATE '2025-03-31' ORDER BY date""")
    passed, total = next((d, t) for d, t in days if t > 5000)
    assert (passed, total) == (dt.date(2025, 3, 20), 5025)
    earlier = [q(f"""SELECT sum(people_arrived) FROM official_daily
                     WHERE date BETWEEN DATE '{y}-01-01' AND DATE '{y}-03-20'""")[0][0] for y in range(2018, 2025)]
    assert max(earlier) == 4043 < total
    (review,) = q("SELECT review FROM claims WHERE figure_text = 'seven' AND source_id = 'sky-2025-03-31'")[0]
    assert "5,025" in review and "4,043" in review


def test_a_claims_place_is_named_in_its_quote_and_no_deportation_is_in_the_channel(q):
    rows = q("SELECT claim_id, metric, place, quote FROM claims WHERE place IS NOT NULL")
    assert all(place in quote for _, _, place, quote in rows)
    assert not [r for r in rows if r[1] == "people_returned" and "Channel" in r[2]]


def test_express_arrivals_are_arrivals(q):
    rows = q("""SELECT figure_text, metric, verdict FROM claims JOIN claim_checks USING (claim_id)
                WHERE source_id = 'express-2025-03-06' AND figure_text IN ('1,378', '3,434', '2,983', '2,953', '2,212')""")
    assert len(rows) == 5 and {(m, v) for _, m, v in rows} == {("people_arrived", "match")}


# ---------------------------------------------------------------- policies and actors

def test_the_start_of_august_is_a_month_not_a_day(q):
    rows = q("SELECT start_date::VARCHAR, start_precision, date_text FROM policies WHERE policy_id = 'one-in-one-out'")
    assert rows == [("2025-08-01", "month", rows[0][2])] and "start of August" in rows[0][2]


def test_the_eu_wide_agreement_is_between_the_uk_and_the_eu(q):
    assert q("SELECT parties FROM policies WHERE policy_id = 'eu-wide-returns-agreement'") == [("GB;EU",)]


def test_eu_is_a_party_code_but_not_a_country():
    policies, actors = resource("policies"), resource("actors")
    df = read_csv_typed(policies.data_path, policies)
    df.loc[0, "parties"] = "GB;XX"
    with pytest.raises(PipelineError):
        validate_frame(df, policies, origin="policies")
    a = read_csv_typed(actors.data_path, actors)
    a.loc[0, "country_code"] = "EU"
    with pytest.raises(PipelineError):
        validate_frame(a, actors, origin="actors")


NAMED = ["Chris Philp", "Lilian Greenwood", "Peter Walsh", "Lee Anderson", "James Cartlidge",
         "Sir Richard Barrons", "Nigel Farage", "Ministry of Defence"]


def test_actors_named_in_the_texts_are_listed_with_a_quote(q):
    rows = dict(q("SELECT name, quote FROM actors JOIN evidence USING (evidence_id)"))
    for name in NAMED:
        assert name in rows and name.removeprefix("Sir ") in rows[name], name


def test_every_person_is_named_in_their_quote(q):
    rows = q("SELECT name, quote FROM actors JOIN evidence USING (evidence_id) WHERE kind = 'person'")
    assert all(name.split()[-1] in quote for name, quote in rows)


@pytest.mark.skipif(not news_archive_present(), reason="news archive not beside the repo")
def test_words_quoted_in_reviews_stand_in_the_texts():
    """A reviewer's description or reason quotes only words the source (or its original) has."""
    from uk_small_boats.archive.registry import open_archive
    from .conftest import SHARED_ARCHIVE

    sources = read_csv_typed(resource("sources").data_path, resource("sources"))
    texts = open_archive(sources, SHARED_ARCHIVE).texts()
    parent = dict(zip(sources["source_id"], sources["derived_from"]))
    checked = 0
    for name, cols in (("source_differences", ["description", "review"]), ("claims", ["review"])):
        df = read_csv_typed(resource(name).data_path, resource(name))
        for row in df[df["review"].notna()].to_dict("records"):
            pool = [texts[row["source_id"]]] + ([texts[parent[row["source_id"]]]] if isinstance(parent[row["source_id"]], str) else [])
            for col in cols:
                for quoted in re.findall(r'"([^"]+)"', row[col]):
                    for part in re.split(r"\s*(?:\.\.\.|…)\s*", quoted):  # an ellipsis marks words left out
                        assert not part or any(part in t for t in pool), (row[resource(name).primary_key[0]], quoted)
                        checked += 1
    assert checked > 10
