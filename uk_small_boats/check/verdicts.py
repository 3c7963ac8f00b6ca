"""Give every claim a verdict against the official series (rules and tolerances in rules.py).

Three principles, in this order:
1. Judge only what was stated. A claim whose dates were inferred (``period_basis``), or whose
   measure is not the series' own, never gets ``discrepancy``: where a reading fits it is
   ``match``/``consistent``; otherwise ``unresolved``, with what is missing said in words.
2. Try the readings a careful reader would before calling a stated figure wrong: the data day
   (figures are published the morning after), the day after, the year to date, the week to the day,
   the same number of days across a leap year, the figure as first published. The reading that fits
   is published in ``reading`` with its dates in ``matched_start``/``matched_end``.
3. Measures that are not UK arrivals (France's preventions, returns, deaths, money) are
   ``different_measure`` or ``not_checkable``, never a discrepancy against arrivals.

The bulk (counts over periods) is a vectorised pass of prefix sums; the few claims that need more
(percent changes, thresholds, zero runs, parts and attempts) are handled one by one after it.
"""

from __future__ import annotations

import calendar
import datetime as dt
import math
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, NamedTuple, TypeAlias

import numpy as np
import pandas as pd

from ..metadata.schemas import resource
from . import readings
from . import rules as R
from .series import DateLike, OfficialSeriesIndex

COLUMNS = resource("claim_checks").field_names
EQUAL_OK = ["exact", "about", "almost", "nearly", "at_least", "up_to"]  # wordings an equal figure satisfies
LABEL = {"people_arrived": "people arrived", "boats_arrived": "boats arrived", "people_prevented": "people prevented"}
FILL = pd.Timestamp("1900-01-01")  # stands in for a missing date where the series is asked about every claim

# One claim as a record: a row of the claims table, its values of every column's type.
Claim: TypeAlias = dict[str, Any]


def fmt_n(x: float) -> str:
    """A figure as published: thousands separated, one decimal only where it is not whole."""
    return f"{x:,.0f}" if float(x).is_integer() else f"{x:,.1f}"


def fmt_period(s: DateLike, e: DateLike) -> str:
    """A period in words: a single day with its weekday, else its first and last days."""
    return _fmt_period(pd.Timestamp(s), pd.Timestamp(e))


@lru_cache(maxsize=4096)
def _fmt_period(s: pd.Timestamp, e: pd.Timestamp) -> str:  # the same periods recur claim after claim
    if s == e:
        return f"{s:%A} {s.day} {s:%B %Y}"
    if s.year == e.year:
        return f"{s.day} {s:%b}–{e.day} {e:%b %Y}"
    return f"{s.day} {s:%b %Y}–{e.day} {e:%b %Y}"


def fmt_periods(starts: Any, ends: Any) -> list[str]:
    """``fmt_period`` over arrays of dated periods at once (the bulk pass writes thousands): each distinct
    day is spelled once."""
    s = pd.DatetimeIndex(starts).values.astype("datetime64[D]").astype(np.int64)
    e = pd.DatetimeIndex(ends).values.astype("datetime64[D]").astype(np.int64)
    spelt = {int(d): _spelt(int(d)) for d in np.unique(np.concatenate([s, e]))}
    out = []
    for a, b in zip(s.tolist(), e.tolist(), strict=True):
        (wd, da, month, mon, year), (_, db, _, mon_b, year_b) = spelt[a], spelt[b]
        out.append(f"{wd} {da} {month} {year}" if a == b else f"{da} {mon}–{db} {mon_b} {year_b}" if year == year_b
                   else f"{da} {mon} {year}–{db} {mon_b} {year_b}")
    return out


def _spelt(epoch_day: int) -> tuple[str, int, str, str, int]:
    """A day's weekday, day of the month, month, short month and year, as fmt_period writes them."""
    d = EPOCH + dt.timedelta(days=epoch_day)
    return f"{d:%A}", d.day, f"{d:%B}", f"{d:%b}", d.year


EPOCH = dt.date(1970, 1, 1)


def _obj(col: pd.Series) -> np.ndarray:
    """A column as an object array with None for missing (pandas' NA has no truth value)."""
    return col.astype(object).where(col.notna(), None).to_numpy(dtype=object)


def _bands(q: np.ndarray, v: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Per claim, the inclusive range of official values its wording allows."""
    lo, hi = np.empty(len(v)), np.empty(len(v))
    for qual in np.unique(q):
        m = q == qual
        lo[m], hi[m] = R.band_array(qual, v[m])
    return lo, hi


def _fits(q: np.ndarray, v: np.ndarray, o: np.ndarray, revised_days: np.ndarray,
          provisional: np.ndarray | None = None, boats: np.ndarray | None = None) -> np.ndarray:
    """Per claim: 'match', 'consistent', 'rounded', 'revised', 'revised_day', 'provisional' or None."""
    lo, hi = _bands(q, v)
    ok = ~np.isnan(o)
    # a one-sided wording far from the series ("up to 1,588" on a day of 21) holds only in words
    with np.errstate(divide="ignore", invalid="ignore"):
        far = np.isin(q, R.ONE_SIDED) & ((o / v < R.IMPLAUSIBLE_RATIO[0]) | (o / v > R.IMPLAUSIBLE_RATIO[1]))
    exact = ok & (o == v) & np.isin(q, EQUAL_OK)
    in_band = ok & (o >= lo) & (o <= hi)
    in_band &= ~far
    # how far the official figure lies outside what the wording allows ("at least 409" against 399: 10)
    gap = np.where(np.isin(q, list(R.VAGUE_BANDS)) | far, np.inf, np.maximum(np.maximum(lo - o, o - hi), 0))
    small = ok & (o >= R.REVISION_FROM) & (gap <= R.tolerance(o, R.REVISION_REL, R.REVISION_ABS))
    # where the series marks a day revised, or in the provisional era, a small count may be off by one
    slack = np.where(o >= R.REVISION_FROM, 0, 1)
    revised_day = ok & (o > 0) & (revised_days > 0) & (
        gap <= np.maximum(np.where(o >= R.REVISION_FROM, R.tolerance(o, R.REVISED_DAY_REL, R.REVISED_DAY_ABS), 0), slack))
    era = ok & (o > 0) & (provisional if provisional is not None else False) & (
        gap <= np.maximum(np.where(o >= R.REVISION_FROM, R.PROVISIONAL_REL * o, 0), slack))
    lo_r, hi_r = R.band_array("about", v)
    rounded = ok & (q == "exact") & R.is_round(v) & (o >= lo_r) & (o <= hi_r)
    boat_gap = ok & (o > 0) & (boats if boats is not None else False) & (gap <= np.maximum(R.BOATS_REL * o, R.BOATS_ABS))
    out = np.full(len(v), None, dtype=object)
    out[boat_gap] = "boats"
    out[era] = "provisional"
    out[revised_day] = "revised_day"
    out[rounded] = "rounded"
    out[small] = "revised"
    out[in_band] = "consistent"
    out[exact] = "match"
    return out


def check_claims(claims: pd.DataFrame, idx: OfficialSeriesIndex, date_from_series: pd.Series | None = None,
                 published: pd.Series | None = None) -> pd.DataFrame:
    """One claim_checks row per claim.

    ``date_from_series`` (aligned with ``claims``) marks claims whose source was itself dated by
    matching its figures to the series; ``published`` (aligned, or None when unknown) is each claim's
    publication day, the latest day a report's totals can reach.
    """
    n = len(claims)
    metric, basis = _obj(claims["metric"]), _obj(claims["period_basis"])
    v = claims["value"].to_numpy(dtype="float64")
    ps, pe = claims["period_start"], claims["period_end"]
    dated = (ps.notna() & pe.notna()).to_numpy()
    inside = dated & idx.covers(ps.fillna(FILL), pe.fillna(FILL))
    out = _blank_checks(claims, idx, dated, date_from_series)
    assertion = _obj(claims["assertion"])
    kind = _kinds(claims, metric, assertion)
    measure = np.array([R.MEASURES.get(m, (None, None))[1] for m in metric], dtype=object)
    none = kind == "none"
    _unjudged(out, idx, metric, ps, pe, none, dated, inside)

    bulk = (kind == "count") & inside & ~np.isin(assertion, ["threshold", "zero_run"])
    same_day = _same_day_report(ps, pe, published)
    if bulk.any():
        pub = pd.to_datetime(published if published is not None else pd.Series([pd.NaT] * n)).reset_index(drop=True)
        _counts(np.flatnonzero(bulk), claims, out, idx, measure, basis, pub, same_day)
    for k in np.flatnonzero(inside & ~bulk & ~none):
        _one(int(k), {**claims.iloc[int(k)].to_dict(), "same_day_report": bool(same_day[k])}, out, idx)
    _finish_numbers(out, v, metric)
    _not_independent(out)
    out.loc[out["reading"] == "stated", "reading_text"] = None
    return out[COLUMNS]


def _same_day_report(ps: pd.Series, pe: pd.Series, published: pd.Series | None) -> np.ndarray:
    """Per claim: a single day that is its report's own publication day, from before 2022 (`partial_day`)."""
    if published is None:
        return np.zeros(len(ps), dtype=bool)
    pub = pd.to_datetime(pd.Series(published).reset_index(drop=True))
    s, e = pd.to_datetime(ps).reset_index(drop=True), pd.to_datetime(pe).reset_index(drop=True)
    return ((s == e) & (e == pub) & (pub < pd.Timestamp(R.SAME_DAY_REPORTS_BEFORE))).to_numpy(dtype=bool)


def _blank_checks(claims: pd.DataFrame, idx: OfficialSeriesIndex, dated: np.ndarray,
                  date_from_series: pd.Series | None) -> pd.DataFrame:
    """The claim_checks rows before any verdict: the stated dates, read as stated, and revised days."""
    n = len(claims)
    out = pd.DataFrame({c: pd.Series([None] * n, dtype=object) for c in COLUMNS})
    out["claim_id"] = claims["claim_id"].to_numpy()
    ps, pe = claims["period_start"], claims["period_end"]
    out["revised_days"] = np.where(dated, idx.revised_days(ps.fillna(FILL), pe.fillna(FILL)), 0)
    out["matched_start"], out["matched_end"] = ps.to_numpy(), pe.to_numpy()
    out["reading"] = "stated"
    out["date_from_series"] = (date_from_series.to_numpy(dtype=bool) if date_from_series is not None
                               else np.zeros(n, dtype=bool))
    return out


def _kinds(claims: pd.DataFrame, metric: np.ndarray, assertion: np.ndarray) -> np.ndarray:
    """Per claim, how it is checked: a kind of rules.MEASURES, 'percent', or 'none' (no counterpart)."""
    kind = np.array([R.MEASURES.get(m, ("percent" if m == "percent_change" else "none", None))[0] for m in metric],
                    dtype=object)
    # "this morning", "so far today": a count of part of the publication day; "in an inflatable boat":
    # one boat's people. Either is at most the day's total.
    partial = (kind == "count") & (claims["period_text"].fillna("").str.contains(R.PARTIAL_DAY, regex=True).to_numpy()
                                   | (assertion == "one_boat"))
    kind[partial] = "part"
    return kind


def _put(out: pd.DataFrame, mask: np.ndarray, **kw: Any) -> None:
    """Set columns of the rows ``mask`` selects, one value per column."""
    for key, val in kw.items():
        out.loc[mask, key] = val


def _unjudged(out: pd.DataFrame, idx: OfficialSeriesIndex, metric: np.ndarray, ps: pd.Series, pe: pd.Series,
              none: np.ndarray, dated: np.ndarray, inside: np.ndarray) -> None:
    """The claims nothing can be judged for: no official counterpart, no dates, or dates outside the series."""
    _put(out, none, verdict="not_checkable", rule="no_official_counterpart", reading="stated")
    out.loc[none, "explanation"] = [f"No official counterpart: the small-boats series does not count "
                                    f"{m.replace('_', ' ')}." for m in metric[none]]
    undated = ~none & ~dated
    _put(out, undated, verdict="unresolved", rule="no_period", matched_start=None, matched_end=None)
    out.loc[undated, "explanation"] = "The text gives no dates for this figure that the rules can read, so nothing is judged."
    outside = ~none & dated & ~inside
    _put(out, outside, verdict="not_checkable", rule="outside_series")
    out.loc[outside, "explanation"] = [
        f"The series covers {fmt_period(idx.first_date, idx.last_date)}; this claim's dates "
        f"({fmt_period(s, e)}) are not all inside it." for s, e in zip(ps[outside], pe[outside], strict=True)]


def _not_independent(out: pd.DataFrame) -> None:
    """Say so where a fit was found on a source whose publication date came from the same series."""
    fsm = out["date_from_series"].to_numpy(dtype=bool) & np.isin(out["verdict"].to_numpy(dtype=object),
                                                                  ["match", "consistent"])
    out.loc[fsm, "explanation"] = out.loc[fsm, "explanation"] + (
        " The source's publication date was itself inferred by matching its figures to the series, "
        "so this is not an independent confirmation.")


# ---------------------------------------------------------------- counts, in bulk

@dataclass
class _Counts:
    """The count claims checked in bulk (positions 0..n-1), and what has been found for them so far."""

    c: pd.DataFrame  # their rows of the claims table
    ps: pd.Series  # stated dates, index reset
    pe: pd.Series
    q: np.ndarray  # qualifier
    v: np.ndarray  # stated value
    meas: np.ndarray  # official measure
    rdays: np.ndarray  # days of the stated period the series marks Revised
    stated_official: np.ndarray  # the series over the stated dates
    official: np.ndarray  # the series over the dates of the reading published
    verdict: np.ndarray
    rule: np.ndarray
    reading: np.ndarray
    ms: np.ndarray  # the dates of the reading published
    me: np.ndarray


FIT_VERDICT = {"match": "match", "consistent": "consistent", "rounded": "consistent"}  # any other fit: revised
FIT_RULE = {"match": "exact_match", "consistent": "within_qualifier", "rounded": "rounded_figure",
            "revised": "small_revision", "revised_day": "revised_day_in_period",
            "provisional": "provisional_era", "boats": "boat_count"}


def _counts(rows: np.ndarray, claims: pd.DataFrame, out: pd.DataFrame, idx: OfficialSeriesIndex,
            measure: np.ndarray, basis: np.ndarray, published: pd.Series, same_day: np.ndarray) -> None:
    """Check the count claims at positions ``rows``: the stated dates, then each reading, then no fit."""
    b = _stated_counts(rows, claims, out, idx, measure)
    _reread_counts(b, idx, published[rows].reset_index(drop=True))
    _within_months(b, idx)
    _redated(b, idx)
    _partial_day(b, same_day[rows])
    _no_fit(b, basis[rows] == "stated")
    _write_counts(b, rows, out)
    _records(b, rows, out, idx)


def _stated_counts(rows: np.ndarray, claims: pd.DataFrame, out: pd.DataFrame, idx: OfficialSeriesIndex,
                   measure: np.ndarray) -> _Counts:
    """The count claims held against the series over their stated dates."""
    c = claims.iloc[rows]
    ps, pe = c["period_start"].reset_index(drop=True), c["period_end"].reset_index(drop=True)
    q = _obj(c["qualifier"])
    v = c["value"].to_numpy(dtype="float64")
    meas = measure[rows]
    rdays = out["revised_days"].to_numpy(dtype="int64")[rows]
    official = _sums(idx, ps, pe, meas)
    era = ((pe >= pd.Timestamp(R.PROVISIONAL_ERA[0])) & (pe <= pd.Timestamp(R.PROVISIONAL_ERA[1]))
           & (pe - ps <= pd.Timedelta(days=31))).to_numpy()  # day and month figures, not running totals
    early = ((pe < pd.Timestamp(R.PROVISIONAL_ERA[0])) & (pe == ps)).to_numpy() & \
        c["quote"].fillna("").str.contains(R.OFFICIAL_SOURCE, regex=True).to_numpy()
    era = era | early
    fit = _fits(q, v, official, rdays, era, meas == "boats_arrived")
    verdict = np.array([FIT_VERDICT.get(f, "revised" if f else None) for f in fit], dtype=object)
    rule = np.array([FIT_RULE.get(f) for f in fit], dtype=object)
    reading = np.array(["first_published" if f in {"revised_day", "provisional"} else "stated" for f in fit],
                       dtype=object)
    return _Counts(c, ps, pe, q, v, meas, rdays, stated_official=official.copy(), official=official,
                   verdict=verdict, rule=rule, reading=reading,
                   ms=ps.to_numpy(copy=True), me=pe.to_numpy(copy=True))


def _reread_counts(b: _Counts, idx: OfficialSeriesIndex, published: pd.Series) -> None:
    """Try readings.COUNT_READINGS in order on the claims still without a verdict; the first fit is kept."""
    stated = readings.Claims(b.ps, b.pe, b.q, published)
    for rd in readings.COUNT_READINGS:
        todo, s2, e2 = readings.reread(rd, stated, b.verdict == None)  # noqa: E711
        if not todo.any():
            continue
        o2 = _sums(idx, s2, e2, b.meas[todo])
        f2 = _fits(b.q[todo], b.v[todo], o2, np.zeros(int(todo.sum()), dtype="int64"))
        ok = np.isin(f2, rd.fits)
        at = np.flatnonzero(todo)[ok]
        b.verdict[at] = np.where(f2[ok] == "revised", "revised", "consistent")
        b.rule[at], b.reading[at] = "alternative_reading", rd.name
        b.ms[at], b.me[at] = s2[ok].to_numpy(), e2[ok].to_numpy()
        b.official[at] = o2[ok]


def _within_months(b: _Counts, idx: OfficialSeriesIndex) -> None:
    """A range of months still without a verdict is consistent if some stretch within them fits."""
    # "between October 2021 and November 2022": any stretch that starts and ends in those months
    months = (b.verdict == None) & (_obj(b.c["period_rule"]) == "range_months")  # noqa: E711
    if months.any():
        inner_s = (b.ps[months] + pd.offsets.MonthBegin(1)).reset_index(drop=True)
        inner_e = (b.pe[months] - pd.offsets.MonthEnd(1)).reset_index(drop=True)
        inner = _sums(idx, inner_s, inner_e, b.meas[months])
        lo_b, hi_b = R.band_array("exact", b.v[months])
        fit = (inner <= hi_b) & (lo_b <= b.official[months])
        at = np.flatnonzero(months)[fit]
        b.verdict[at], b.rule[at], b.reading[at] = "consistent", "alternative_reading", "within_months"


def _redated(b: _Counts, idx: OfficialSeriesIndex) -> None:
    """A single day of the Ministry of Defence's months still without a verdict, whose figure the day and its
    two neighbours could hold, is left unresolved: its first-published day figures were later moved between
    neighbouring days ("960 on Saturday, 1,160 on Sunday" against a series of 1,305 and 717, the three
    days within 3 of each other), so one day cannot be judged."""
    day = ((b.verdict == None) & (b.ps == b.pe).to_numpy()  # noqa: E711
           & (b.pe >= pd.Timestamp(R.MOD_ERA[0])).to_numpy() & (b.pe <= pd.Timestamp(R.MOD_ERA[1])).to_numpy())
    if not day.any():
        return
    one = pd.Timedelta(days=1)
    s3 = (b.ps[day] - one).reset_index(drop=True)
    e3 = (b.pe[day] + one).reset_index(drop=True)
    window = _sums(idx, s3, e3, b.meas[day])
    held = b.v[day] <= window
    at = np.flatnonzero(day)[held]
    b.verdict[at], b.rule[at], b.reading[at] = "unresolved", "provisional_redated", "stated"
    b.official[at] = window[held]
    b.ms[at], b.me[at] = s3[held].to_numpy(), e3[held].to_numpy()


def _partial_day(b: _Counts, same_day: np.ndarray) -> None:
    """A day's count below the series, dated the day its report was written (before 2022): the day may not
    have been over; unresolved."""
    at = np.flatnonzero((b.verdict == None) & same_day & (b.v < b.stated_official))  # noqa: E711
    b.verdict[at], b.rule[at] = "unresolved", "partial_day"


def _no_fit(b: _Counts, stated: np.ndarray) -> None:
    """The claims no reading fits: a discrepancy where the dates were stated and the gap is plausible."""
    left = b.verdict == None  # noqa: E711
    with np.errstate(divide="ignore", invalid="ignore"):
        ratio = b.stated_official / b.v
    far = (ratio < R.IMPLAUSIBLE_RATIO[0]) | (ratio > R.IMPLAUSIBLE_RATIO[1])
    lo_s, hi_s = _bands(b.q, b.v)
    holds_in_words = np.isin(b.q, R.ONE_SIDED) & (b.stated_official >= lo_s) & (b.stated_official <= hi_s)
    # "11 intercepted ... in August" against 342, "four boats" to 22 March against 100: the larger of the two
    # figures decides whether the gap is too wide to be an error of the same period
    large = np.maximum(b.v, np.nan_to_num(b.stated_official)) >= R.IMPLAUSIBLE_FROM
    wild = far & ~np.isin(b.q, list(R.VAGUE_BANDS)) & (large | holds_in_words)
    b.verdict[left & stated & ~wild], b.rule[left & stated & ~wild] = "discrepancy", "discrepancy"
    b.verdict[left & stated & wild], b.rule[left & stated & wild] = "unresolved", "implausible_gap"
    b.verdict[left & ~stated], b.rule[left & ~stated] = "unresolved", "inferred_no_fit"


def _write_counts(b: _Counts, rows: np.ndarray, out: pd.DataFrame) -> None:
    """Copy the count claims' verdicts, readings, official figures and explanations into ``out``."""
    out.loc[rows, "verdict"], out.loc[rows, "rule"], out.loc[rows, "reading"] = b.verdict, b.rule, b.reading
    out.loc[rows, "matched_start"], out.loc[rows, "matched_end"] = b.ms, b.me
    out.loc[rows, "official_value"] = b.official
    out.loc[rows, "official_measure"] = [f"official_daily.{m}" for m in b.meas]
    out.loc[rows, "explanation"] = _count_texts(b)
    out.loc[rows, "reading_text"] = [_reading_text(r, s, e) for r, s, e in zip(b.reading, b.ms, b.me, strict=True)]


def _records(b: _Counts, rows: np.ndarray, out: pd.DataFrame, idx: OfficialSeriesIndex) -> None:
    """Where a count comes with a record ("the highest this year"), whether that holds, in its explanation."""
    asserted = np.isin(_obj(b.c["assertion"]), ["record_high", "record_period", "exceeds_period"])
    for k, row in zip(rows[asserted], b.c[asserted].to_dict("records"), strict=True):
        if row.get("assertion") in {"record_high", "record_period", "exceeds_period"}:
            held = _record(row, idx, float(out.at[k, "official_value"]))
            if held is not None:
                out.at[k, "assertion_holds"] = held[0]
                out.at[k, "explanation"] = out.at[k, "explanation"] + " " + held[1]


def _sums(idx: OfficialSeriesIndex, s: pd.Series, e: pd.Series, meas: np.ndarray) -> np.ndarray:
    """Each period's total of its own measure."""
    o = np.full(len(s), np.nan)
    for m in np.unique(meas):
        sel = meas == m
        o[sel] = idx.period_sums(s[sel], e[sel], m)
    return o


def _reading_text(reading: str, s: DateLike, e: DateLike) -> str | None:
    """The dates of a reading other than the stated one, in words; None for the stated reading."""
    if reading == "stated" or pd.isna(s):
        return None
    days = (pd.Timestamp(e) - pd.Timestamp(s)).days + 1
    what = {"data_day": "one day earlier than stated", "day_after": "one day later than stated",
            "within_months": "some stretch starting and ending in the months named",
            "year_to_date": "the year to the stated day", "week_ending": "the seven days to the stated day",
            "to_publication": "to the day the report was published", "year_before": "the same dates a year earlier",
            "whole_months": "to the end of the month, as whole months",
            "first_published": "as first published (the series has since revised a day in the period)"}
    return f"{fmt_period(s, e)} ({days} day{'s' if days != 1 else ''}): {what.get(reading, reading)}"


@dataclass(frozen=True)
class _Said:
    """What a count claim's explanation says: the figures, the periods in words, and the verdict."""

    label: str  # the measure in words
    wording: str  # the figure as qualified in the text
    p: str  # the stated period
    mp: str  # the period of the reading published
    o: float  # the series over that period
    so: float  # the series over the stated period
    val: float  # the stated value
    how: str  # how the dates were inferred
    inferred: str  # "" for stated dates, else a parenthesis saying how they were inferred
    verdict: str
    reading: str
    revised_days: int


def _count_texts(b: _Counts) -> list[str]:
    """Each count claim's explanation, from the rule that decided its verdict."""
    texts = []
    stated, read = fmt_periods(b.ps, b.pe), fmt_periods(b.ms, b.me)  # all at once: one by one was most of the pass
    for i, (fig, q, val, basis, prule) in enumerate(zip(b.c["figure_text"], b.c["qualifier"], b.c["value"],
                                                        _obj(b.c["period_basis"]), _obj(b.c["period_rule"]),
                                                        strict=True)):
        how = (prule or "inferred").replace("_", " ")
        said = _Said(label=LABEL[b.meas[i]], wording=_worded(q, fig), p=stated[i], mp=read[i],
                     o=b.official[i], so=b.stated_official[i], val=val, how=how,
                     inferred="" if basis == "stated" else f" (the dates were inferred: {how})",
                     verdict=b.verdict[i], reading=b.reading[i], revised_days=b.rdays[i])
        texts.append(_count_text(b.rule[i], said))
    return texts


def _count_text(rule: str, t: _Said) -> str:
    """One count claim's explanation: the rule's own text, else the discrepancy or the unjudged gap."""
    write = COUNT_TEXTS.get(rule)
    if write is not None:
        return write(t)
    if t.verdict == "discrepancy":
        return (f"The series gives {fmt_n(t.so)} {t.label} for {t.p}, not '{t.wording}'; no other reading (the day "
                f"before or after, the year to date, the week to that day) gives it either.")
    return (f"The series gives {fmt_n(t.so)} {t.label} for {t.p}, not '{t.wording}', but those dates were inferred "
            f"({t.how}), not stated, and no reading of them fits: nothing is judged.")


def _text_exact(t: _Said) -> str:
    return f"The series gives {fmt_n(t.o)} {t.label} for {t.p}, as stated{t.inferred}."


def _text_within(t: _Said) -> str:
    return f"The series gives {fmt_n(t.o)} {t.label} for {t.p}, which fits '{t.wording}'{t.inferred}."


def _text_rounded(t: _Said) -> str:
    return (f"The series gives {fmt_n(t.o)} {t.label} for {t.p}: '{t.wording}' reads as a rounded figure "
            f"(within {R.ABOUT:.0%}){t.inferred}.")


def _text_provisional(t: _Said) -> str:
    return (f"The series now gives {fmt_n(t.o)} {t.label} for {t.p} against {fmt_n(t.val)} stated: within "
            f"{R.PROVISIONAL_REL:.0%}, the size of the revisions daily figures first published up to "
            f"{R.PROVISIONAL_ERA[1][:4]} (by the Home Office, Border Force or the Ministry of Defence) often had "
            f"(the series does not mark which days)"
            f"{t.inferred}.")


def _text_redated(t: _Said) -> str:
    return (f"The series gives {fmt_n(t.so)} {t.label} for {t.p}, not '{t.wording}', and {fmt_n(t.o)} for {t.mp}, "
            f"which could hold it: the Ministry of Defence's day figures ({fmt_period(*map(pd.Timestamp, R.MOD_ERA))}) "
            f"were later moved between neighbouring days in the series, so one day is not judged"
            f"{t.inferred}.")


def _text_partial_day(t: _Said) -> str:
    return (f"The series gives {fmt_n(t.so)} {t.label} for {t.p}, more than '{t.wording}', but the report was "
            f"written that day (before 2022 reports counted their own day) and may count only its first part: "
            f"nothing is judged.")


def _text_implausible(t: _Said) -> str:
    return (f"The series gives {fmt_n(t.so)} {t.label} for {t.p}, far from '{t.wording}': a gap this large more "
            f"likely means the dates were misread than that the figure is wrong, so nothing is judged.")


def _text_boats(t: _Said) -> str:
    return (f"The series gives {fmt_n(t.o)} {t.label} for {t.p} against {fmt_n(t.val)} stated: boat counts are less "
            f"certain than people counts and differ by this much between first reports and the series"
            f"{t.inferred}.")


def _text_revised(t: _Said, marked: bool) -> str:
    return (f"The series now gives {fmt_n(t.o)} {t.label} for {t.p} against {fmt_n(t.val)} stated: a difference of the "
            f"size provisional figures are revised by"
            + (f" (the series marks {t.revised_days} day(s) in the period Revised)." if marked else ".")
            + t.inferred)


def _text_alternative(t: _Said) -> str:
    return (f"{'Consistent' if t.verdict == 'consistent' else 'Close (within revision)'} if read as {t.mp} "
            f"({R.READING_DOCS[t.reading].split(':')[0].lower()}): the series gives {fmt_n(t.o)} {t.label} there, "
            f"against {fmt_n(t.so) if not math.isnan(t.so) else 'no complete figure'} for the stated {t.p}{t.inferred}.")


# the explanation of a count claim, by the rule that decided it (other rules: _count_text)
COUNT_TEXTS: dict[str, Callable[[_Said], str]] = {
    "exact_match": _text_exact,
    "within_qualifier": _text_within,
    "rounded_figure": _text_rounded,
    "provisional_era": _text_provisional,
    "implausible_gap": _text_implausible,
    "provisional_redated": _text_redated,
    "partial_day": _text_partial_day,
    "boat_count": _text_boats,
    "small_revision": lambda t: _text_revised(t, marked=False),
    "revised_day_in_period": lambda t: _text_revised(t, marked=True),
    "alternative_reading": _text_alternative,
}


# ---------------------------------------------------------------- the rest, one by one

def _worded(q: str, figure_text: str) -> str:
    """The figure as the text qualifies it ("more than 500"); exact figures and vague words as they stand."""
    return figure_text if q == "exact" or q in R.VAGUE_BANDS else f"{q.replace('_', ' ')} {figure_text}"


def _wording(c: Claim) -> str:
    """The claim's figure as the text qualifies it."""
    return _worded(c["qualifier"], c["figure_text"])


def _set(out: pd.DataFrame, k: int, **kw: Any) -> None:
    """Set columns of row ``k``."""
    for key, val in kw.items():
        out.at[k, key] = val


DAILY_MEASURES = frozenset({"people_arrived", "boats_arrived"})  # the measures with a daily running total


def _one(k: int, c: Claim, out: pd.DataFrame, idx: OfficialSeriesIndex) -> None:
    """Check one claim that the bulk pass leaves: a percentage, a threshold, a zero run, or another measure."""
    m = c["metric"]
    if m == "percent_change":
        _percent(k, c, out, idx)
        return
    kind, meas = R.MEASURES[m]
    if c["assertion"] == "threshold" and meas in DAILY_MEASURES:  # weekly preventions have no running total
        _threshold(k, c, out, idx, meas)
    elif c["assertion"] == "zero_run":
        _zero_run(k, c, out, idx)
    else:
        BY_KIND[kind](k, c, out, idx, meas)


def _judged(c: Claim, ok: bool) -> tuple[str, str]:
    """A figure that does not fit: discrepancy only where its dates were stated."""
    if ok:
        return "consistent", ""
    return ("discrepancy", "discrepancy") if c["period_basis"] == "stated" else ("unresolved", "inferred_no_fit")


def _part(k: int, c: Claim, out: pd.DataFrame, idx: OfficialSeriesIndex, meas: str) -> None:
    """One boat's passengers or one group: at most the day's arrivals."""
    s, e, v = c["period_start"], c["period_end"], float(c["value"])
    o = idx.period_sums([s], [e], meas)[0]
    lo, _ = R.band(c["qualifier"], v)
    if o == v:
        vd, rl = "match", "exact_match"
    elif lo <= o:
        vd, rl = "consistent", "part_of_day"
    elif lo - o <= float(R.tolerance(o, R.REVISION_REL, R.REVISION_ABS)):
        vd, rl = "revised", "small_revision"  # 82 in one boat, 80 in the day's revised count
    else:
        vd, rl = _judged(c, False)
    fits = {"match": ", so the figure fits as part of the day.", "consistent": ", so the figure fits as part of the day.",
            "revised": ", a gap of the size provisional figures are revised by."}
    _set(out, k, verdict=vd, rule=rl, official_value=o, official_measure=f"official_daily.{meas}",
         explanation=f"One boat or group of {fmt_n(v)}: the series gives {fmt_n(o)} {LABEL[meas]} in all for "
                     f"{fmt_period(s, e)}" + fits.get(vd, ", fewer than this one boat or group."))


def _attempts(k: int, c: Claim, out: pd.DataFrame, idx: OfficialSeriesIndex, meas: str) -> None:
    """Attempts are arrivals plus those stopped: never fewer than the arrivals."""
    s, e, v = c["period_start"], c["period_end"], float(c["value"])
    o = idx.period_sums([s], [e], meas)[0]
    _, hi = R.band(c["qualifier"], v)
    if hi < o and c.get("same_day_report"):
        vd, rl = "unresolved", "partial_day"
        text = (f"The series gives {fmt_n(o)} arrivals for {fmt_period(s, e)}, more than the stated "
                f"'{_wording(c)}' attempts, but the report was written that day and may count only its first part: "
                f"nothing is judged.")
    elif hi < o:
        vd, rl = _judged(c, False)
        text = (f"Attempts include everyone who arrived, and the series gives {fmt_n(o)} arrivals for "
                f"{fmt_period(s, e)}: more than the stated '{_wording(c)}' allows.")
    else:
        vd, rl = "different_measure", "attempts_floor"
        text = (f"Not the series' measure (attempts include people stopped in France); the series gives "
                f"{fmt_n(o)} arrivals for {fmt_period(s, e)}, which the stated attempts do not fall below.")
    _set(out, k, verdict=vd, rule=rl, official_value=o, official_measure=f"official_daily.{meas}", explanation=text)


def _prevented(k: int, c: Claim, out: pd.DataFrame, idx: OfficialSeriesIndex, meas: str) -> None:
    """People prevented from leaving France: SB_02's weekly figure, over whole weeks only."""
    s, e, v = c["period_start"], c["period_end"], float(c["value"])
    o = idx.prevented_in(s, e)
    if pd.isna(o):
        _set(out, k, verdict="not_checkable", rule="prevented_weeks",
             explanation=f"Preventions are published per week (SB_02); {fmt_period(s, e)} is not made of whole "
                         f"weeks of the series.")
        return
    lo, hi = R.band(c["qualifier"], v)
    gap = max(lo - o, o - hi, 0)
    vd = "match" if o == v else "consistent" if lo <= o <= hi else "revised" if gap <= R.PREVENTED_REVISION * max(o, v) else None
    rl = {"match": "exact_match", "consistent": "within_qualifier", "revised": "small_revision"}.get(vd or "")
    if vd is None:
        vd, rl = _judged(c, False)
    _set(out, k, verdict=vd, rule=rl, official_value=o, official_measure="official_weekly.people_prevented",
         explanation=f"SB_02 gives {fmt_n(o)} people prevented in the weeks of {fmt_period(s, e)}; stated {fmt_n(v)}.")


def _different(k: int, c: Claim, out: pd.DataFrame, idx: OfficialSeriesIndex, meas: str) -> None:
    """Another measure: shown beside the nearest official figure, never judged."""
    s, e, v = c["period_start"], c["period_end"], float(c["value"])
    o = idx.period_sums([s], [e], meas)[0]
    _set(out, k, verdict="different_measure", rule="different_measure", official_value=o,
         official_measure=f"official_daily.{meas}",
         explanation=f"Not the series' measure ({R.DIFFERENT_WHAT[c['metric']]}): the series gives {fmt_n(o)} "
                     f"{LABEL[meas]} for {fmt_period(s, e)}, against {fmt_n(v)} stated.")


# how _one checks a claim of each kind of rules.MEASURES (a count left to it is part of a day)
BY_KIND: dict[str, Callable[[int, Claim, pd.DataFrame, OfficialSeriesIndex, str], None]] = {
    "part": _part, "attempts": _attempts, "prevented": _prevented, "different": _different, "count": _part}


def _zero_run(k: int, c: Claim, out: pd.DataFrame, idx: OfficialSeriesIndex) -> None:
    """'No crossings for N days': the series must have no arrivals on any day of the period."""
    s, e = c["period_start"], c["period_end"]
    total = idx.period_sums([s], [e], "people_arrived")[0]
    holds = total == 0
    vd, rl = ("match", "zero_run") if holds else _judged(c, False)
    _set(out, k, verdict=vd, rule=rl, official_value=total, assertion_holds=bool(holds),
         official_measure="official_daily.people_arrived",
         explanation=(f"The series has no arrivals on any day of {fmt_period(s, e)}." if holds else
                      f"The series has {fmt_n(total)} arrivals in {fmt_period(s, e)}, not none."))


def _threshold(k: int, c: Claim, out: pd.DataFrame, idx: OfficialSeriesIndex, meas: str) -> None:
    """Check 'passed N on D' against the day the running total from the period's start first exceeded N.

    The official value is the total on that day.
    """
    start, e, v = pd.Timestamp(c["period_start"]).date(), pd.Timestamp(c["period_end"]).date(), float(c["value"])
    day = idx.first_day_reaching(start, v, meas)
    if day is None:
        total = idx.period_sums([start], [e], meas)[0]
        vd, rl = _judged(c, False)
        _set(out, k, verdict=vd, rule=rl, official_value=total, assertion_holds=False,
             official_measure=f"official_daily.{meas}",
             explanation=f"The series' running total from {fmt_period(start, start)} does not pass {fmt_n(v)} "
                         f"by {fmt_period(e, e)} (it stands at {fmt_n(total)}).")
        return
    total = idx.period_sums([start], [day], meas)[0]
    gap = (day - e).days
    reading = {0: "threshold_day", -1: "data_day", 1: "day_after"}.get(gap)
    if reading == "threshold_day":
        vd, rl = "match", "threshold_day"
    elif reading:
        vd, rl = "consistent", "alternative_reading"
    else:
        vd, rl = _judged(c, False)
    _set(out, k, verdict=vd, rule=rl, reading=reading or "threshold_day", official_value=total,
         assertion_holds=abs(gap) <= 1, official_measure=f"official_daily.{meas}",
         matched_start=pd.Timestamp(start), matched_end=pd.Timestamp(day),
         reading_text=_reading_text("threshold_day", start, day),
         explanation=f"The series' running total from {fmt_period(start, start)} first passed {fmt_n(v)} on "
                     f"{fmt_period(day, day)} ({fmt_n(total)} by then)"
                     + (", as stated." if gap == 0 else
                        f", {abs(gap)} day(s) {'after' if gap > 0 else 'before'} the stated {fmt_period(e, e)}."))


def _record(c: Claim, idx: OfficialSeriesIndex, o: float) -> tuple[bool, str] | None:
    """Whether a record stated beside a count holds, and why (None where the series cannot say)."""
    s, e = pd.Timestamp(c["period_start"]), pd.Timestamp(c["period_end"])
    if math.isnan(o):
        return None
    if c["assertion"] == "record_high" and s == e:
        return _record_high(idx, e, o)
    if c["assertion"] == "exceeds_period" and not pd.isna(c["compare_start"]):
        return _exceeds_period(c, idx, o)
    if c["assertion"] == "record_period":
        return _record_period(idx, s, e, o)
    return None


def _record_high(idx: OfficialSeriesIndex, e: pd.Timestamp, o: float) -> tuple[bool, str] | None:
    """'The highest day this year': no day of the year to ``e`` had more arrivals."""
    peak = idx.max_day(dt.date(e.year, 1, 1), e, "people_arrived")
    if math.isnan(peak):
        return None
    holds = bool(o >= peak)
    return holds, (f"It is the highest daily figure of {e.year} to that day." if holds else
                   f"It is not the highest day of {e.year} to then: the series peaks at {fmt_n(peak)}.")


def _exceeds_period(c: Claim, idx: OfficialSeriesIndex, o: float) -> tuple[bool, str] | None:
    """'More than in all of 2019': the count exceeds the series over the compared period."""
    other = idx.period_sums([c["compare_start"]], [c["compare_end"]], "people_arrived")[0]
    if math.isnan(other):
        return None
    holds = bool(o > other)
    span = fmt_period(c["compare_start"], c["compare_end"])
    return holds, (f"That is more than the {fmt_n(other)} of {span}, as claimed." if holds else
                   f"That is not more than the {fmt_n(other)} of {span}.")


def _record_period(idx: OfficialSeriesIndex, s: pd.Timestamp, e: pd.Timestamp, o: float) -> tuple[bool, str] | None:
    """'A record for the time of year': no earlier year from 2018 had as many over the same dates."""
    earlier = [idx.period_sums([s.replace(year=y)], [e.replace(year=y)], "people_arrived")[0]
               for y in range(2018, s.year)]
    earlier = [x for x in earlier if not math.isnan(x)]
    if not earlier:
        return None
    holds = bool(o > max(earlier))
    return holds, (f"No earlier year had as many by the same date (previous high {fmt_n(max(earlier))})."
                   if holds else f"An earlier year had more by the same date ({fmt_n(max(earlier))}).")


# A period and the period it is compared with: (start, end, compared start, compared end).
Periods: TypeAlias = tuple[pd.Timestamp, pd.Timestamp, pd.Timestamp, pd.Timestamp]


class _PercentFit(NamedTuple):
    """A percentage recomputed over one reading of its periods."""

    name: str  # the reading
    dates: Periods
    a: float  # the series over the period
    b: float  # over the compared period
    change: float  # a against b, in percent
    ok: bool  # whether it fits the stated percentage
    gap: float  # how far from it, in points


def _percent(k: int, c: Claim, out: pd.DataFrame, idx: OfficialSeriesIndex) -> None:
    """A percentage change, recomputed from the series over its periods as stated or as another reading."""
    base = c["change_of"]
    meas = R.MEASURES.get(base, (None, None))[1] if base else None
    if meas not in ("people_arrived", "boats_arrived") or pd.isna(c["compare_start"]):
        _set(out, k, verdict="not_checkable", rule="no_official_counterpart",
             explanation="A percentage of something the series does not count, or with no compared period.")
        return
    stated = float(c["value"])
    ps, pe = pd.Timestamp(c["period_start"]), pd.Timestamp(c["period_end"])
    cs, ce = pd.Timestamp(c["compare_start"]), pd.Timestamp(c["compare_end"])
    if cs <= pe and ps <= ce:  # a change is between two separate spans: overlapping ones are a misreading
        _set(out, k, verdict="unresolved", rule="overlapping_periods",
             explanation=f"The periods read for this change overlap ({fmt_period(ps, pe)} against "
                         f"{fmt_period(cs, ce)}): the compared period was not understood, so nothing is judged.")
        return
    best, stated_change = (_best_percent_reading(c, idx, meas, stated, (ps, pe, cs, ce)) if idx.covers([cs], [ce])[0]
                           else (None, None))
    if best is None:
        _set(out, k, verdict="not_checkable", rule="outside_series",
             explanation="The series does not cover both periods of the comparison.")
        return
    s1, e1, s2, e2 = best.dates
    p1, p2 = fmt_period(s1, e1), fmt_period(s2, e2)
    vd, rl, reading, tail = _percent_verdict(c, best, stated, stated_change)
    _set(out, k, verdict=vd, rule=rl, reading=reading, official_value=round(best.change, 2),
         official_period_value=best.a, official_compare_value=best.b, official_measure=f"official_daily.{meas}",
         matched_start=s1 if best.ok else ps, matched_end=e1 if best.ok else pe,
         reading_text=f"{p1} against {p2}" if reading != "stated" else None,
         explanation=f"The series gives {fmt_n(best.a)} for {p1} against {fmt_n(best.b)} for {p2}: {tail}")


def _percent_verdict(c: Claim, fit: _PercentFit, stated: float,
                     stated_change: float | None) -> tuple[str, str, str, str]:
    """Verdict, rule, reading and the explanation's ending for a recomputed percentage."""
    change = fit.change
    word = "rise" if change >= 0 else "fall"
    said = f"{stated:+g}%"
    if fit.ok and fit.name == "stated":
        vd = "match" if round(change) == round(stated) else "consistent"
        return (vd, "percent_recomputed", fit.name,
                f"a {word} of {abs(change):.1f}%, {'as stated' if vd == 'match' else 'close to'} ({said}).")
    if fit.ok:
        return "consistent", "alternative_reading", fit.name, _percent_reread(fit, word, said, stated_change)
    if fit.gap <= R.PCT_REVISION:
        return "revised", "percent_recomputed", "stated", f"a {word} of {abs(change):.1f}%, within revision of {said}."
    ratio = (1 + change / 100) / (1 + stated / 100) if stated > -100 else math.nan
    if not R.IMPLAUSIBLE_RATIO[0] <= ratio <= R.IMPLAUSIBLE_RATIO[1]:
        # "36% lower" read over 1-10 January (no crossings yet): a change this far off means the periods were
        # misread, as for counts
        return "unresolved", "implausible_gap", "stated", (
            f"a {word} of {abs(change):.0f}%, so far from {said} that the periods were more likely misread: "
            f"nothing is judged.")
    vd, rl = _judged(c, False)
    return vd, rl, "stated", f"a {word} of {abs(change):.0f}%, not {said}" + (
        "." if vd == "discrepancy" else ", but the dates were inferred, not stated: nothing is judged.")


def _percent_reread(fit: _PercentFit, word: str, said: str, stated_change: float | None) -> str:
    """The explanation's ending for a percentage that fits only on another reading of its periods."""
    s1, e1, s2, e2 = fit.dates
    p1, p2 = fmt_period(s1, e1), fmt_period(s2, e2)
    by_dates = f"; {stated_change:.0f}% by calendar dates" if stated_change is not None else ""
    how = {"same_day_count": f", the same {(e2 - s2).days + 1} days",
           "year_to_date": ", both from 1 January (the year to date, not the day)",
           "data_day": ", both periods a day earlier", "day_after": ", both periods a day later"}[fit.name]
    what = p2 if fit.name == "same_day_count" else f"{p1} against {p2}"  # only the compared period moves
    return f"a {word} of {abs(fit.change):.1f}%, as stated ({said}), if read as {what}{how}{by_dates}."


def _percent_readings(ps: pd.Timestamp, pe: pd.Timestamp, cs: pd.Timestamp,
                      ce: pd.Timestamp) -> list[tuple[str, Periods]]:
    """List the dates to recompute a percentage over, in order.

    As stated; the same number of days when one year is a leap year and the other is not (how "the
    same period" is often counted); a single day read as the year to that day (and to the day before:
    "today's figures are 23% higher than the same period last year"); both periods a day earlier or
    later.
    """
    one = pd.Timedelta(days=1)
    single = ps == pe
    out: list[tuple[str, Periods]] = [("stated", (ps, pe, cs, ce))]
    if ps.year != cs.year and calendar.isleap(cs.year) != calendar.isleap(ps.year) and \
            ce >= pd.Timestamp(cs.year, 3, 1) and cs <= pd.Timestamp(cs.year, 2, 28):
        out.append(("same_day_count", (ps, pe, cs, ce + (-one if calendar.isleap(cs.year) else one))))
    if single:
        jan1, cjan1 = pd.Timestamp(pe.year, 1, 1), pd.Timestamp(ce.year, 1, 1)
        out += [("year_to_date", (jan1, pe, cjan1, ce)), ("year_to_date", (jan1, pe - one, cjan1, ce - one))]
    shift = one if single else pd.Timedelta(0)
    out += [("data_day", (ps - shift, pe - one, cs - shift, ce - one)),
            ("day_after", (ps + shift, pe + one, cs + shift, ce + one))]
    return out


def _best_percent_reading(c: Claim, idx: OfficialSeriesIndex, meas: str, stated: float,
                          periods: Periods) -> tuple[_PercentFit | None, float | None]:
    """The first reading whose recomputed change fits the stated one, else the stated reading.

    Also the change over the stated dates (None where the series cannot give it).
    """
    best: _PercentFit | None = None
    stated_change: float | None = None
    tol = R.PCT_ABOUT if c["qualifier"] == "about" else R.PCT_ROUNDING
    for name, (s1, e1, s2, e2) in _percent_readings(*periods):
        a = idx.period_sums([s1], [e1], meas)[0]
        b = idx.period_sums([s2], [e2], meas)[0]
        if math.isnan(a) or math.isnan(b) or b == 0:
            continue
        change = (a / b - 1) * 100
        if name == "stated":
            stated_change = change
        gap = abs(change - stated)
        ok = round(change) == round(stated) or gap < tol
        if best is None or (ok and not best.ok):
            best = _PercentFit(name, (s1, e1, s2, e2), a, b, change, ok, gap)
        if ok:
            break
    return best, stated_change


def _finish_numbers(out: pd.DataFrame, v: np.ndarray, metric: np.ndarray) -> None:
    """Fill the differences from the official figures; keep a measure with no figure only where it explains."""
    ov = pd.to_numeric(out["official_value"], errors="coerce").to_numpy(dtype="float64")
    d = v - ov
    out["difference"] = np.where(np.isnan(ov), np.nan, d)
    with np.errstate(divide="ignore", invalid="ignore"):
        out["relative_difference"] = np.where((ov != 0) & ~np.isnan(ov) & (metric != "percent_change"), d / ov, np.nan)
    nothing = out["official_value"].isna()
    out.loc[nothing, "official_measure"] = out.loc[nothing, "official_measure"].where(
        out.loc[nothing, "verdict"].isin(["different_measure", "discrepancy", "unresolved"]), None)
