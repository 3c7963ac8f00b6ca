"""Each verdict rule on its own, over a small synthetic series whose sums are known by construction."""

import datetime as dt

import numpy as np
import pandas as pd
import pytest

from uk_small_boats.check.series import OfficialSeriesIndex
from uk_small_boats.check.verdicts import check_claims
from uk_small_boats.metadata.schemas import empty_frame, resource

START = dt.date(2024, 1, 1)
DAYS = pd.date_range(START, "2025-12-31", freq="D")


def series(overrides=None, revised=()):
    people = np.full(len(DAYS), 100, dtype="int64")  # 100 people, 2 boats every day
    boats = np.full(len(DAYS), 2, dtype="int64")
    daily = pd.DataFrame({"date": DAYS.date, "people_arrived": people, "boats_arrived": boats,
                          "boats_uncontrolled": 0, "revised": False})
    for day, value in (overrides or {}).items():
        daily.loc[daily["date"] == day, "people_arrived"] = value
    daily.loc[daily["date"].isin(revised), "revised"] = True
    weekly = pd.DataFrame({"week_ending": [dt.date(2025, 3, 9)], "people_prevented": [350]})
    return OfficialSeriesIndex(daily, weekly)


def claim(value, metric="people_arrived", qualifier="exact", start="2025-03-05", end=None, **kw):
    spec = resource("claims")
    row = {f: None for f in spec.field_names}
    row.update(claim_id="t-1", source_id="t", quote=kw.pop("quote", "x"), char_start=0, char_end=1,
               figure_text=str(value), figure_start=0, figure_end=1, metric=metric, value=float(value),
               unit="people", qualifier=qualifier, period_start=pd.Timestamp(start),
               period_end=pd.Timestamp(end or start), extraction="test", period_rule="day",
               period_basis="stated")
    row.update(kw)
    df = pd.concat([empty_frame(spec), pd.DataFrame([row])], ignore_index=True)
    return df


def verdict(df, idx=None):
    r = check_claims(df, idx or series()).iloc[0]
    return r["verdict"], r["rule"], r


def test_exact_match():
    assert verdict(claim(100))[:2] == ("match", "exact_match")
    assert verdict(claim(500, start="2025-03-01", end="2025-03-05"))[:2] == ("match", "exact_match")


@pytest.mark.parametrize("value, qualifier, expected", [
    (95, "about", "consistent"), (120, "about", "discrepancy"), (90, "more_than", "consistent"),
    (100, "more_than", "revised"), (105, "almost", "consistent"), (95, "almost", "discrepancy"),
    (150, "up_to", "consistent"), (50, "up_to", "discrepancy"), (100, "at_least", "match"),
    (200, "hundreds", "discrepancy"), (24, "dozens", "discrepancy"),
])
def test_qualifier_bands(value, qualifier, expected):
    assert verdict(claim(value, qualifier=qualifier))[0] == expected


def test_hundreds_band_accepts_a_few_hundred_people():
    idx = series({dt.date(2025, 3, 5): 640})
    assert verdict(claim(200, qualifier="hundreds"), idx)[:2] == ("consistent", "within_qualifier")


def test_dozens_band():
    assert verdict(claim(24, qualifier="dozens"), series({dt.date(2025, 3, 5): 60}))[:2] == \
        ("consistent", "within_qualifier")


def test_small_revision():
    assert verdict(claim(1530, start="2025-03-01", end="2025-03-15"))[:2] == ("revised", "small_revision")


def test_no_revision_from_nothing():
    # 6 boats claimed on a day the series has none is a discrepancy, not a revision
    idx = series({dt.date(2025, 3, 5): 0})
    assert verdict(claim(6), idx)[:2] == ("discrepancy", "discrepancy")
    assert verdict(claim(102))[:2] == ("revised", "small_revision")  # 2 off 100: within 2


def test_revised_day_in_period():
    idx = series(revised=[dt.date(2025, 3, 5)])
    assert verdict(claim(115), idx)[:2] == ("revised", "revised_day_in_period")
    assert verdict(claim(115))[:2] == ("discrepancy", "discrepancy")


def test_data_day_reading():
    idx = series({dt.date(2025, 3, 4): 705})
    v, rule, row = verdict(claim(705, start="2025-03-05"), idx)
    assert (v, rule, row["reading"]) == ("consistent", "alternative_reading", "data_day")
    assert pd.Timestamp(row["matched_start"]).date() == dt.date(2025, 3, 4)
    assert "Consistent if read as Tuesday 4 March 2025" in row["explanation"]
    assert row["reading_text"].startswith("Tuesday 4 March 2025 (1 day)")


def test_running_total_keeps_its_start_when_read_a_day_earlier():
    # 1 Jan-4 Mar 2025 = 63 days x 100 = 6,300; stated to 5 Mar, a day of 3,000 (9,200)
    v, rule, row = verdict(claim(6300, start="2025-01-01", end="2025-03-05"), series({dt.date(2025, 3, 5): 3000}))
    assert (v, row["reading"]) == ("consistent", "data_day")
    assert pd.Timestamp(row["matched_start"]).date() == dt.date(2025, 1, 1)


def test_year_to_date_and_week_readings_of_a_single_day():
    assert verdict(claim(6400))[2]["reading"] == "year_to_date"  # 1 Jan-5 Mar 2025 = 64 days
    assert verdict(claim(700))[2]["reading"] == "week_ending"
    # ... but never for open-ended or vague wordings, which any longer period would satisfy
    assert verdict(claim(150, qualifier="more_than", start="2025-03-05"))[0] == "discrepancy"


def test_inferred_dates_are_never_a_discrepancy():
    v, rule, row = verdict(claim(999, period_basis="inferred", period_rule="data_day"))
    assert (v, rule) == ("unresolved", "inferred_no_fit")
    assert "inferred (data day)" in row["explanation"]
    assert verdict(claim(100, period_basis="inferred", period_rule="data_day"))[:2] == ("match", "exact_match")


def test_no_dates_is_unresolved():
    df = claim(100)
    df.loc[0, ["period_start", "period_end"]] = pd.NaT
    df.loc[0, "period_basis"] = "unresolved"
    assert verdict(df)[:2] == ("unresolved", "no_period")


def test_round_figure_reads_as_rounded():
    assert verdict(claim(1000, start="2025-03-01", end="2025-03-10"), series({dt.date(2025, 3, 5): 172}))[:2] == \
        ("consistent", "rounded_figure")
    # (the same ten days of 2024 must not hold 1,000 either, or the year-before reading would fit)
    assert verdict(claim(1000, start="2025-03-01", end="2025-03-10"),
                   series({dt.date(2025, 3, 5): 500, dt.date(2024, 3, 5): 500}))[0] == "discrepancy"


def test_one_boat_is_part_of_the_day():
    assert verdict(claim(60, metric="people_on_one_boat"))[:2] == ("consistent", "part_of_day")
    assert verdict(claim(160, metric="people_on_one_boat"))[:2] == ("discrepancy", "discrepancy")
    # arrivals said to be one boat's people ("11 men ... in an inflatable boat"): also part of the day
    assert verdict(claim(60, assertion="one_boat"))[:2] == ("consistent", "part_of_day")
    assert verdict(claim(60))[:2] == ("discrepancy", "discrepancy")  # as the whole day, it would be wrong
    assert verdict(claim(160, assertion="one_boat"))[:2] == ("discrepancy", "discrepancy")


def test_attempts_are_at_least_the_arrivals():
    assert verdict(claim(200, metric="people_attempted", qualifier="hundreds"),
                   series({dt.date(2025, 3, 5): 1072}))[:2] == ("discrepancy", "discrepancy")
    assert verdict(claim(200, metric="people_attempted", qualifier="hundreds"))[:2] == \
        ("different_measure", "attempts_floor")


def test_date_from_series_is_flagged_not_confirmation():
    r = check_claims(claim(100), series(), date_from_series=pd.Series([True])).iloc[0]
    assert bool(r["date_from_series"]) and "not an independent confirmation" in r["explanation"]


def test_discrepancy():
    v, rule, row = verdict(claim(130))
    assert (v, rule) == ("discrepancy", "discrepancy") and row["official_value"] == 100
    assert row["difference"] == 30


def test_a_gap_too_large_for_an_error_is_unresolved():
    # 999 against 100: far more likely a misread period than a wrong figure
    assert verdict(claim(999))[:2] == ("unresolved", "implausible_gap")
    assert verdict(claim(40))[:2] == ("unresolved", "implausible_gap")


def test_percent_recomputed_and_wrong_percent():
    # 2025 Jan 1-10 = 1000 against 2024 Jan 1-10 = 1000 + an extra 500 on 5 Jan 2024 -> -33.3%
    idx = series({dt.date(2024, 1, 5): 600})
    pct = dict(metric="percent_change", start="2025-01-01", end="2025-01-10", change_of="people_arrived",
               compare_start=pd.Timestamp("2024-01-01"), compare_end=pd.Timestamp("2024-01-10"))
    assert verdict(claim(-33, **pct), idx)[:2] == ("match", "percent_recomputed")
    assert verdict(claim(33, **pct), idx)[:2] == ("discrepancy", "discrepancy")
    assert verdict(claim(33, period_basis="inferred", **pct), idx)[:2] == ("unresolved", "inferred_no_fit")


def test_a_change_between_overlapping_periods_is_unresolved():
    # h21 (corpus 7): "a 13% rise on the 36,566 for the previous 12 months", both read as the past year
    pct = dict(metric="percent_change", start="2024-12-31", end="2025-12-30", change_of="people_arrived",
               compare_start=pd.Timestamp("2024-12-31"), compare_end=pd.Timestamp("2025-12-30"))
    v, rule, row = verdict(claim(13, **pct))
    assert (v, rule) == ("unresolved", "overlapping_periods") and "overlap" in row["explanation"]


def test_leap_year_same_number_of_days():
    # 1 Jan-30 Mar 2025 (89 days) vs 1 Jan-29 Mar 2024 (89 days): equal, 0%; to 30 Mar 2024 it is -1.1%
    pct = dict(metric="percent_change", start="2025-01-01", end="2025-03-30", change_of="people_arrived",
               compare_start=pd.Timestamp("2024-01-01"), compare_end=pd.Timestamp("2024-03-30"))
    idx = series({dt.date(2024, 3, 30): 5000})
    v, rule, row = verdict(claim(0, **pct), idx)
    assert (v, rule, row["reading"]) == ("consistent", "alternative_reading", "same_day_count")
    assert "if read as 1 Jan–29 Mar 2024, the same 89 days; -36% by calendar dates" in row["explanation"]


def test_threshold_day():
    # 100 a day from 1 Jan 2025: passes 5,000 on day 51 = 20 Feb 2025
    th = dict(qualifier="passed", assertion="threshold", start="2025-01-01")
    assert verdict(claim(5000, end="2025-02-20", **th))[:2] == ("match", "threshold_day")
    v, rule, row = verdict(claim(5000, end="2025-02-21", **th))
    assert (v, rule, row["reading"]) == ("consistent", "alternative_reading", "data_day")
    assert row["official_value"] == 5100  # the total on the day the mark was passed, not on the stated day
    assert verdict(claim(5000, end="2025-02-25", **th))[:2] == ("discrepancy", "discrepancy")


def test_zero_run():
    zero = {d.date(): 0 for d in pd.date_range("2025-03-01", "2025-03-07")}
    z = dict(assertion="zero_run", start="2025-03-01", end="2025-03-07")
    assert verdict(claim(0, **z), series(zero))[:2] == ("match", "zero_run")
    assert verdict(claim(0, **z))[:2] == ("discrepancy", "discrepancy")


def test_record_high_assertion():
    idx = series({dt.date(2025, 3, 5): 705})
    assert bool(verdict(claim(705, assertion="record_high"), idx)[2]["assertion_holds"]) is True
    idx = series({dt.date(2025, 3, 5): 705, dt.date(2025, 2, 1): 900})
    assert bool(verdict(claim(705, assertion="record_high"), idx)[2]["assertion_holds"]) is False


def test_different_measure_and_not_checkable():
    assert verdict(claim(6, metric="boats_departed"))[:2] == ("different_measure", "different_measure")
    assert verdict(claim(2, metric="people_returned"))[:2] == ("not_checkable", "no_official_counterpart")
    assert verdict(claim(100, start="2017-03-05"))[:2] == ("not_checkable", "outside_series")
    # Outside the series (this one covers 2024-2025): after its last day (an article published
    # today) or before its first, for every assertion type, a compared period inside it or not.
    compared = dict(compare_start=pd.Timestamp("2024-01-01"), compare_end=pd.Timestamp("2024-12-31"))
    for start in ("2026-03-05", "2023-06-01"):
        for assertion in ("record_high", "record_period", "threshold", "zero_run", "exceeds_period",
                          "one_boat", None):
            for extra in ({}, compared):
                v, rule, row = verdict(claim(100, start=start, assertion=assertion, **extra))
                assert (v, rule) == ("not_checkable", "outside_series"), (start, assertion, extra)
                assert "nan" not in row["explanation"] and "The series covers" in row["explanation"]
                assert pd.isna(row["assertion_holds"])


def test_prevented_whole_weeks_only():
    wk = dict(metric="people_prevented", start="2025-03-03", end="2025-03-09")
    assert verdict(claim(350, **wk))[:2] == ("match", "exact_match")
    assert verdict(claim(350, metric="people_prevented", start="2025-03-05"))[:2] == ("not_checkable", "prevented_weeks")


def test_vectorised_sums_equal_naive_loop():
    idx = series({dt.date(2024, 2, 29): 7, dt.date(2025, 6, 1): 3})
    starts = pd.to_datetime(["2024-01-01", "2024-02-28", "2025-05-30", "2025-12-31"])
    ends = pd.to_datetime(["2024-12-31", "2024-03-01", "2025-06-02", "2026-01-02"])
    fast = idx.period_sums(starts, ends, "people_arrived")
    slow = [idx.naive_sum(a, b, "people_arrived") for a, b in zip(starts, ends)]
    np.testing.assert_array_equal(fast, np.array(slow))
    assert np.isnan(fast[-1])  # past the end of the series: unknown, never 0


def test_exceeds_whole_year_assertion():
    # 100 a day: the whole of 2025 = 36,500; the whole of 2024 (leap year) = 36,600
    ex = dict(assertion="exceeds_period", start="2025-01-01", end="2025-12-31",
              compare_start=pd.Timestamp("2024-01-01"), compare_end=pd.Timestamp("2024-12-31"))
    v, rule, row = verdict(claim(36500, **ex))
    assert (v, rule) == ("match", "exact_match")
    assert bool(row["assertion_holds"]) is False  # 36,500 in 2025 is not more than 36,600 in 2024
    idx = series({dt.date(2025, 6, 1): 5000})
    v, rule, row = verdict(claim(41400, **ex), idx)
    assert (v, rule) == ("match", "exact_match") and bool(row["assertion_holds"]) is True
    assert "more than the 36,600" in row["explanation"]


def test_a_claim_without_a_period_rule_is_checked():
    """Reviewed claims may carry no period_rule (NA in the schema's string column): no crash on it."""
    c = claim(130, period_rule=None)
    c["period_rule"] = c["period_rule"].astype("string")  # the dtype the published claims are read with
    assert verdict(c)[:2] == ("discrepancy", "discrepancy")


def test_a_running_total_may_reach_the_publication_day():
    """f14: "at least 8,452 people have now made the crossing in 2021", read to the day before
    publication, fits only with the publication day's arrivals: a report can count the day it was
    written, never a day past it."""
    c = claim(1050, qualifier="at_least", start="2025-03-01", end="2025-03-10")
    assert verdict(c)[:2] == ("discrepancy", "discrepancy")  # 1,000 to 10 March
    r = check_claims(c, series(), published=pd.Series([pd.Timestamp("2025-03-11")])).iloc[0]
    assert (r["verdict"], r["reading"], r["official_value"]) == ("consistent", "to_publication", 1100)
    assert pd.Timestamp(r["matched_end"]) == pd.Timestamp("2025-03-11")
    r = check_claims(c, series(), published=pd.Series([pd.Timestamp("2025-03-10")])).iloc[0]
    assert r["verdict"] == "discrepancy"  # published the same day: nothing later to count


def test_a_compared_figure_read_with_last_years_dates():
    """A figure that equals the same dates a year earlier exactly is a comparison misread, not an error."""
    idx = series({dt.date(2024, 3, 5): 73})
    r = verdict(claim(73), idx)[2]
    assert (r["verdict"], r["rule"], r["reading"]) == ("consistent", "alternative_reading", "year_before")
    assert verdict(claim(74), idx)[0] == "discrepancy"  # near is not enough for this reading


def test_a_days_percentage_read_as_the_year_to_date():
    """f22/f25: "Today's figures are 23 percent higher than the same period last year"."""
    idx = series({dt.date(2025, 3, 5): 400})
    c = claim(4, metric="percent_change", unit="percent", change_of="people_arrived",
              compare_start=pd.Timestamp("2024-03-05"), compare_end=pd.Timestamp("2024-03-05"))
    r = verdict(c, idx)[2]  # 6,700 against 6,500 from 1 January (2025 is no leap year: 64 days v 65)
    assert (r["verdict"], r["reading"]) == ("consistent", "year_to_date"), r["explanation"]
    assert "from 1 January" in r["explanation"]


def test_french_preventions_are_revised_by_a_share_of_the_larger_figure():
    """d28: 977 stopped 'in the last seven days', 849 in SB_02 for that week."""
    idx = series()
    c = claim(402, metric="people_prevented", start="2025-03-03", end="2025-03-09")
    assert verdict(c, idx)[:2] == ("revised", "small_revision")  # 350 in the series: 13% of 402


@pytest.mark.parametrize("value, qualifier", [(1588, "up_to"), (15, "more_than")])
def test_a_one_sided_wording_far_from_the_series_is_left_unresolved(value, qualifier):
    """f09: "KentOnline has counted up to 1,588 migrants" read as one day of 100: true in words only;
    nor is "more than 15" a discrepancy against 100 (it holds): the dates were likely read wrong."""
    v, rule, _ = verdict(claim(value, qualifier=qualifier))
    assert (v, rule) == ("unresolved", "implausible_gap")
    assert verdict(claim(120, qualifier="up_to"))[0] == "consistent"  # near the series: the wording fits


def test_a_prevention_threshold_is_checked_as_preventions():
    """'French police have stopped more than 15,000 ... so far this year' passed as a mark: SB_02 is weekly,
    so there is no daily running total to find the day in (it raised KeyError)."""
    c = claim(15000, metric="people_prevented", qualifier="more_than", start="2025-01-01", end="2025-03-09",
              assertion="threshold")
    v, rule, _ = verdict(c)
    assert (v, rule) == ("not_checkable", "prevented_weeks")


def test_a_source_without_a_reference_date_is_still_reported():
    """source_date_checks on a source whose figures all fit but which has no date to read them from
    (it raised in fmt_period)."""
    from uk_small_boats.check.dates import _borne_out

    mine = pd.DataFrame([{"figure_text": "100", "metric": "people_arrived", "period_start": pd.Timestamp("2025-03-05"),
                          "period_end": pd.Timestamp("2025-03-05")}])
    result, text = _borne_out(mine, None, None, False)
    assert result == "confirmed" and "read from the text alone" in text


def test_the_same_period_given_as_whole_months():
    """g24: "the previous record of 7,567 set during the same period last year", a total to 12 April set
    against January to April: an exact fit to the month's end is another reading, not an error."""
    whole = claim(5900, start="2025-02-01", end="2025-03-20")  # 100 a day: 5,900 is February and March
    r = verdict(whole)[2]
    assert (r["verdict"], r["rule"], r["reading"]) == ("consistent", "alternative_reading", "whole_months")
    assert pd.Timestamp(r["matched_end"]) == pd.Timestamp("2025-03-31")
    assert verdict(claim(5950, start="2025-02-01", end="2025-03-20"))[0] == "discrepancy"  # near is not enough
    assert verdict(claim(3100, start="2025-03-01", end="2025-03-20"))[0] == "discrepancy"  # within one month: no


def test_one_boat_just_over_the_days_revised_count_is_a_revision():
    """h05: "it intercepted a further 82 migrants" on a day the series now gives 80."""
    idx = series({dt.date(2025, 3, 5): 80})
    r = verdict(claim(82, metric="people_on_one_boat"), idx)[2]
    assert (r["verdict"], r["rule"]) == ("revised", "small_revision")
    assert verdict(claim(90, metric="people_on_one_boat"), idx)[0] == "discrepancy"


def test_a_small_figure_against_a_large_total_is_a_misread_period():
    """h03, h22: "11 migrants ... in August" (342 that month), "four boats" to 22 March (100): a gap this
    wide says the dates were misread; left unresolved, not accused."""
    r = verdict(claim(11, start="2025-03-01", end="2025-03-31"))[2]  # 3,100 in the month
    assert (r["verdict"], r["rule"]) == ("unresolved", "implausible_gap")
    assert verdict(claim(11))[0] == "unresolved"  # 11 against a day's 100: a part of the day, or another day
    assert verdict(claim(60))[0] == "discrepancy"  # within a factor of two: judged as stated


def test_a_day_of_the_ministry_of_defence_months_that_its_neighbours_could_hold_is_unresolved():
    """corpus 9: "960 arrivals in 20 boats on Saturday" (3 September 2022) against a series of 1,305, whose
    next day was first published as 1,160 against 717: the three days agree, the days do not. A day of
    2021 (before the MoD era) with the same gap is still a discrepancy."""
    days = pd.date_range("2021-03-01", "2022-12-31", freq="D")
    daily = pd.DataFrame({"date": days.date, "people_arrived": 100, "boats_arrived": 2, "boats_uncontrolled": 0,
                          "revised": False})
    for day, n in (("2022-09-02", 322), ("2022-09-03", 1305), ("2022-09-04", 717)):
        daily.loc[daily["date"] == dt.date.fromisoformat(day), "people_arrived"] = n
    idx = OfficialSeriesIndex(daily, pd.DataFrame({"week_ending": [dt.date(2022, 9, 4)], "people_prevented": [0]}))
    v, rule, row = verdict(claim(960, start="2022-09-03"), idx)
    assert (v, rule, row["official_value"]) == ("unresolved", "provisional_redated", 2344)
    assert "moved between neighbouring days" in row["explanation"]
    assert verdict(claim(3000, start="2022-09-03"), idx)[:2] != ("unresolved", "provisional_redated")  # too many
    assert verdict(claim(60, start="2021-03-10"), idx)[:2] == ("discrepancy", "discrepancy")


def test_a_percentage_far_from_any_reading_is_unresolved_not_a_discrepancy():
    """corpus 10: "36% lower" read over 1-10 January (no crossings yet) recomputes as -100%: the periods were
    misread, so nothing is judged; -50% against a recomputed -36% stays a discrepancy."""
    idx = series()  # 100 a day
    far = claim(-36, metric="percent_change", start="2025-01-01", end="2025-01-10", change_of="people_arrived",
                compare_start=pd.Timestamp("2024-01-01"), compare_end=pd.Timestamp("2024-01-28"))
    v, rule, row = verdict(far, idx)  # 1,000 against 2,800: -64%, a ratio of 0.56 to 0.64
    assert (v, rule) == ("discrepancy", "discrepancy")
    far = claim(-36, metric="percent_change", start="2025-01-01", end="2025-01-10", change_of="people_arrived",
                compare_start=pd.Timestamp("2024-01-01"), compare_end=pd.Timestamp("2024-03-31"))
    v, rule, row = verdict(far, idx)  # 1,000 against 9,100: -89%, a ratio of 0.17
    assert (v, rule) == ("unresolved", "implausible_gap") and "misread" in row["explanation"]


def test_a_day_before_2021_taken_from_the_home_office_is_held_as_first_published():
    """corpora 10 and 12: "The Home Office said 180 migrants made the crossing" (12 July 2020, series 171),
    "A record 235 migrants were intercepted by the Border Force" (series 259): the statement of the day,
    which the series compiled later differs from, is `revised`; the same gap with no official source is
    still a discrepancy."""
    days = pd.date_range("2020-07-01", "2020-07-31", freq="D")
    daily = pd.DataFrame({"date": days.date, "people_arrived": 100, "boats_arrived": 2, "boats_uncontrolled": 0,
                          "revised": False})
    daily.loc[daily["date"] == dt.date(2020, 7, 12), "people_arrived"] = 171
    idx = OfficialSeriesIndex(daily, pd.DataFrame({"week_ending": [dt.date(2020, 7, 12)], "people_prevented": [0]}))
    said = claim(180, start="2020-07-12", quote="The Home Office said 180 migrants made the crossing")
    assert verdict(said, idx)[:2] == ("revised", "provisional_era")
    bare = claim(180, start="2020-07-12", quote="180 migrants made the crossing")
    assert verdict(bare, idx)[:2] == ("discrepancy", "discrepancy")


def test_a_count_of_the_day_a_report_was_written_before_2022_is_not_judged_below_the_series():
    """corpus 12: "on Saturday, 9 May, at least five more boats carrying around 70 migrants tried to make the
    voyage" in a report of 9 May 2020 (series 80 for the whole day); the same figure in a report of the next
    day is judged."""
    days = pd.date_range("2020-05-01", "2020-05-31", freq="D")
    daily = pd.DataFrame({"date": days.date, "people_arrived": 80, "boats_arrived": 5, "boats_uncontrolled": 0,
                          "revised": False})
    idx = OfficialSeriesIndex(daily, pd.DataFrame({"week_ending": [dt.date(2020, 5, 10)], "people_prevented": [0]}))
    for metric in ("people_arrived", "people_attempted"):
        df = claim(60, metric=metric, start="2020-05-09")
        same = check_claims(df, idx, published=pd.Series([pd.Timestamp("2020-05-09")])).iloc[0]
        assert (same["verdict"], same["rule"]) == ("unresolved", "partial_day")
        assert "written that day" in same["explanation"]
        later = check_claims(df, idx, published=pd.Series([pd.Timestamp("2020-05-10")])).iloc[0]
        assert later["verdict"] == "discrepancy"
