"""Verdicts on the seed claims, with the official values recomputed from the built DuckDB file."""

import duckdb
import pytest


def q(built, sql, *params):
    con = duckdb.connect(str(built / "uk_small_boats.duckdb"), read_only=True)
    try:
        return con.execute(sql, list(params)).fetchall()
    finally:
        con.close()


def official(built, start, end, col="people_arrived"):
    return q(built, f"SELECT sum({col}) FROM official_daily WHERE date BETWEEN ? AND ?", start, end)[0][0]


def check_of(built, source_id, figure_text, nth=0):
    rows = q(built, """SELECT k.verdict, k.rule, k.official_value, k.explanation, c.period_start, c.period_end
                       FROM claims c JOIN claim_checks k USING (claim_id)
                       WHERE c.source_id = ? AND c.figure_text = ? ORDER BY c.figure_start""",
             source_id, figure_text)
    return rows[nth]


def test_every_claim_has_one_check(built):
    assert q(built, "SELECT count(*) FROM claims")[0][0] == q(built, "SELECT count(*) FROM claim_checks")[0][0]


def test_705_on_tuesday_matches(built):
    verdict, rule, value, text, s, e = check_of(built, "bbc-2025-04-16", "705")
    assert (verdict, rule) == ("match", "exact_match")
    assert value == official(built, s, e) == 705
    assert "highest daily figure" in text


def test_ytd_8888_and_42_percent(built):
    assert check_of(built, "bbc-2025-04-16", "8,888")[0] == "match"
    verdict, rule, value, text, s, e = check_of(built, "bbc-2025-04-16", "42%")
    this = official(built, "2025-01-01", "2025-04-15")
    last = official(built, "2024-01-01", "2024-04-15")
    assert round((this / last - 1) * 100) == 42 and verdict == "match"


def test_about_1000_is_consistent(built):
    verdict, rule, value, *_ = check_of(built, "bbc-2025-09-19", "1,000")
    assert (verdict, rule) == ("consistent", "within_qualifier")
    assert value == official(built, "2025-09-19", "2025-09-19") != 1000


def test_43_percent_depends_on_leap_year_alignment(built):
    verdict, rule, value, text, s, e = check_of(built, "sky-2025-03-31", "43%")
    stated_dates = official(built, "2025-01-01", "2025-03-30") / official(built, "2024-01-01", "2024-03-30")
    same_days = official(built, "2025-01-01", "2025-03-30") / official(built, "2024-01-01", "2024-03-29")
    assert round((stated_dates - 1) * 100) == 33 and round((same_days - 1) * 100) == 43
    assert (verdict, rule) == ("consistent", "alternative_reading")
    assert "if read as 1 Jan–29 Mar 2024, the same 89 days; 33% by calendar dates" in text


def test_threshold_passed_a_day_earlier(built):
    verdict, rule, value, text, s, e = check_of(built, "sky-2025-03-31", "5,000")
    first = q(built, """SELECT min(date) FROM (SELECT date, sum(people_arrived) OVER (ORDER BY date) AS run
                        FROM official_daily WHERE year(date) = 2025) WHERE run > 5000""")[0][0]
    assert str(first) == "2025-03-20" and (verdict, rule) == ("consistent", "alternative_reading")
    assert value == official(built, "2025-01-01", "2025-03-20") == 5025  # the total on the day it was passed


def test_hundreds_attempting_on_a_day_of_1072_is_a_discrepancy(built):
    verdict, rule, value, text, s, e = check_of(built, "rewrite-of-bbc-2025-09-19", "Hundreds")
    assert (verdict, value) == ("discrepancy", official(built, s, e) == 1072 and 1072)


def test_no_crossings_for_a_week(built):
    verdict, rule, *_ , s, e = check_of(built, "bbc-2025-09-19", "no crossings")
    assert official(built, s, e) == 0 and verdict == "match"


@pytest.mark.parametrize("source, figure, expected", [
    ("bbc-2025-09-19", "Six", "different_measure"),
    ("bbc-2025-09-19", "23", "not_checkable"),
    ("bbc-2025-04-16", "£500m", "not_checkable"),
    ("express-2025-03-06", "1,378", "match"),
    ("express-2025-03-06", "60", "consistent"),  # one boat's passengers: part of the day's 210
])
def test_other_verdicts(built, source, figure, expected):
    assert check_of(built, source, figure)[0] == expected


def test_publication_dates_checked_against_series(built):
    rows = {r[0]: r[1:] for r in q(built, "SELECT source_id, result, exact_days, published_date FROM source_date_checks")}
    # 705 people in 12 boats stand on one day only, but that is how the date was found: not independent
    assert rows["bbc-2025-04-16"][:2] == ("not_independent", "2025-04-15")
    days_with_705_and_12 = q(built, "SELECT count(*) FROM official_daily WHERE people_arrived = 705 AND boats_arrived = 12")
    assert days_with_705_and_12 == [(1,)]
    assert rows["express-2025-03-06"][0] == "not_independent"
    assert rows["bbc-2025-09-19"][0] == "confirmed"  # dated from the text (the state visit), then borne out
    assert rows["rewrite-of-bbc-2025-09-19"][2] is None  # no date is invented for the rewrite
