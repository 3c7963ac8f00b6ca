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

import numpy as np
import pandas as pd

from ..metadata.schemas import resource
from . import readings
from . import rules as R
from .series import OfficialSeriesIndex

COLUMNS = resource("claim_checks").field_names
EQUAL_OK = ["exact", "about", "almost", "nearly", "at_least", "up_to"]  # wordings an equal figure satisfies
LABEL = {"people_arrived": "people arrived", "boats_arrived": "boats arrived", "people_prevented": "people prevented"}


def fmt_n(x: float) -> str:
    return f"{x:,.0f}" if float(x).is_integer() else f"{x:,.1f}"


def fmt_period(s, e) -> str:
    s, e = pd.Timestamp(s), pd.Timestamp(e)
    if s == e:
        return f"{s:%A} {s.day} {s:%B %Y}"
    if s.year == e.year:
        return f"{s.day} {s:%b}–{e.day} {e:%b %Y}"
    return f"{s.day} {s:%b %Y}–{e.day} {e:%b %Y}"


def _obj(col: pd.Series) -> np.ndarray:
    """A column as an object array with None for missing (pandas' NA has no truth value)."""
    return col.astype(object).where(col.notna(), None).to_numpy(dtype=object)


def _fits(q: np.ndarray, v: np.ndarray, o: np.ndarray, revised_days: np.ndarray,
          provisional: np.ndarray | None = None, boats: np.ndarray | None = None) -> np.ndarray:
    """Per claim: 'match', 'consistent', 'rounded', 'revised', 'revised_day', 'provisional' or None."""
    lo, hi = np.empty(len(v)), np.empty(len(v))
    for qual in np.unique(q):
        m = q == qual
        lo[m], hi[m] = R.band_array(qual, v[m])
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
    """One claim_checks row per claim. ``date_from_series`` (aligned with ``claims``) marks claims
    whose source was itself dated by matching its figures to the series; ``published`` (aligned, or
    None when unknown) is each claim's publication day, the latest day a report's totals can reach."""
    n = len(claims)
    out = pd.DataFrame({c: pd.Series([None] * n, dtype=object) for c in COLUMNS})
    out["claim_id"] = claims["claim_id"].to_numpy()
    metric, q, basis = _obj(claims["metric"]), _obj(claims["qualifier"]), _obj(claims["period_basis"])
    v = claims["value"].to_numpy(dtype="float64")
    ps, pe = claims["period_start"], claims["period_end"]
    dated = (ps.notna() & pe.notna()).to_numpy()
    fill = pd.Timestamp("1900-01-01")
    inside = dated & idx.covers(ps.fillna(fill), pe.fillna(fill))
    out["revised_days"] = np.where(dated, idx.revised_days(ps.fillna(fill), pe.fillna(fill)), 0)
    out["matched_start"], out["matched_end"] = ps.to_numpy(), pe.to_numpy()
    out["reading"] = "stated"
    out["date_from_series"] = (date_from_series.to_numpy(dtype=bool) if date_from_series is not None
                               else np.zeros(n, dtype=bool))
    kind = np.array([R.MEASURES.get(m, ("percent" if m == "percent_change" else "none", None))[0] for m in metric],
                    dtype=object)
    assertion = _obj(claims["assertion"])
    # "this morning", "so far today": a count of part of the publication day; "in an inflatable boat":
    # one boat's people. Either is at most the day's total.
    partial = (kind == "count") & (claims["period_text"].fillna("").str.contains(R.PARTIAL_DAY, regex=True).to_numpy()
                                   | (assertion == "one_boat"))
    kind[partial] = "part"
    measure = np.array([R.MEASURES.get(m, (None, None))[1] for m in metric], dtype=object)

    def put(mask, **kw):
        for key, val in kw.items():
            out.loc[mask, key] = val

    none = kind == "none"
    put(none, verdict="not_checkable", rule="no_official_counterpart", reading="stated")
    out.loc[none, "explanation"] = [f"No official counterpart: the small-boats series does not count "
                                    f"{m.replace('_', ' ')}." for m in metric[none]]
    undated = ~none & ~dated
    put(undated, verdict="unresolved", rule="no_period", matched_start=None, matched_end=None)
    out.loc[undated, "explanation"] = "The text gives no dates for this figure that the rules can read, so nothing is judged."
    outside = ~none & dated & ~inside
    put(outside, verdict="not_checkable", rule="outside_series")
    out.loc[outside, "explanation"] = [
        f"The series covers {fmt_period(idx.first_date, idx.last_date)}; this claim's dates "
        f"({fmt_period(s, e)}) are not all inside it." for s, e in zip(ps[outside], pe[outside])]

    bulk = (kind == "count") & inside & ~np.isin(assertion, ["threshold", "zero_run"])
    if bulk.any():
        pub = pd.to_datetime(published if published is not None else pd.Series([pd.NaT] * n)).reset_index(drop=True)
        _counts(np.flatnonzero(bulk), claims, out, idx, measure, basis, pub)
    for k in np.flatnonzero(inside & ~bulk & ~none):
        _one(int(k), claims.iloc[int(k)].to_dict(), out, idx)
    _finish_numbers(out, claims, v, metric)
    fsm = out["date_from_series"].to_numpy(dtype=bool) & np.isin(out["verdict"].to_numpy(dtype=object),
                                                                  ["match", "consistent"])
    out.loc[fsm, "explanation"] = out.loc[fsm, "explanation"] + (
        " The source's publication date was itself inferred by matching its figures to the series, "
        "so this is not an independent confirmation.")
    out.loc[out["reading"] == "stated", "reading_text"] = None
    return out[COLUMNS]


# ---------------------------------------------------------------- counts, in bulk

def _counts(rows: np.ndarray, claims: pd.DataFrame, out: pd.DataFrame, idx: OfficialSeriesIndex,
            measure: np.ndarray, basis: np.ndarray, published: pd.Series) -> None:
    c = claims.iloc[rows]
    ps, pe = c["period_start"].reset_index(drop=True), c["period_end"].reset_index(drop=True)
    q = _obj(c["qualifier"])
    v = c["value"].to_numpy(dtype="float64")
    meas = measure[rows]
    rdays = out["revised_days"].to_numpy(dtype="int64")[rows]
    official = _sums(idx, ps, pe, meas)
    era = ((pe >= pd.Timestamp(R.PROVISIONAL_ERA[0])) & (pe <= pd.Timestamp(R.PROVISIONAL_ERA[1]))
           & (pe - ps <= pd.Timedelta(days=31))).to_numpy()  # day and month figures, not running totals
    fit = _fits(q, v, official, rdays, era, meas == "boats_arrived")
    verdict = np.array([{"match": "match", "consistent": "consistent", "rounded": "consistent"}.get(f, "revised" if f else None)
                        for f in fit], dtype=object)
    rule = np.array([{"match": "exact_match", "consistent": "within_qualifier", "rounded": "rounded_figure",
                      "revised": "small_revision", "revised_day": "revised_day_in_period",
                      "provisional": "provisional_era", "boats": "boat_count"}.get(f) for f in fit], dtype=object)
    reading = np.array(["first_published" if f in {"revised_day", "provisional"} else "stated" for f in fit],
                       dtype=object)
    ms, me = ps.to_numpy(copy=True), pe.to_numpy(copy=True)
    stated_official = official.copy()
    stated = readings.Claims(ps, pe, q, published[rows].reset_index(drop=True))
    for rd in readings.COUNT_READINGS:
        todo, s2, e2 = readings.reread(rd, stated, verdict == None)  # noqa: E711
        if not todo.any():
            continue
        o2 = _sums(idx, s2, e2, meas[todo])
        f2 = _fits(q[todo], v[todo], o2, np.zeros(int(todo.sum()), dtype="int64"))
        ok = np.isin(f2, rd.fits)
        at = np.flatnonzero(todo)[ok]
        verdict[at] = np.where(f2[ok] == "revised", "revised", "consistent")
        rule[at], reading[at] = "alternative_reading", rd.name
        ms[at], me[at] = s2[ok].to_numpy(), e2[ok].to_numpy()
        official[at] = o2[ok]
    # "between October 2021 and November 2022": any stretch that starts and ends in those months
    months = (verdict == None) & (_obj(c["period_rule"]) == "range_months")  # noqa: E711
    if months.any():
        inner_s = (ps[months] + pd.offsets.MonthBegin(1)).reset_index(drop=True)
        inner_e = (pe[months] - pd.offsets.MonthEnd(1)).reset_index(drop=True)
        inner = _sums(idx, inner_s, inner_e, meas[months])
        lo_b, hi_b = R.band_array("exact", v[months])
        fit = (inner <= hi_b) & (lo_b <= official[months])
        at = np.flatnonzero(months)[fit]
        verdict[at], rule[at], reading[at] = "consistent", "alternative_reading", "within_months"
    left = verdict == None  # noqa: E711
    stated = basis[rows] == "stated"
    with np.errstate(divide="ignore", invalid="ignore"):
        ratio = stated_official / v
    far = (ratio < R.IMPLAUSIBLE_RATIO[0]) | (ratio > R.IMPLAUSIBLE_RATIO[1])
    lo_s, hi_s = np.empty(len(v)), np.empty(len(v))
    for qual in np.unique(q):
        m = q == qual
        lo_s[m], hi_s[m] = R.band_array(qual, v[m])
    holds_in_words = np.isin(q, R.ONE_SIDED) & (stated_official >= lo_s) & (stated_official <= hi_s)
    wild = far & ~np.isin(q, list(R.VAGUE_BANDS)) & ((v >= R.IMPLAUSIBLE_FROM) | holds_in_words)
    verdict[left & stated & ~wild], rule[left & stated & ~wild] = "discrepancy", "discrepancy"
    verdict[left & stated & wild], rule[left & stated & wild] = "unresolved", "implausible_gap"
    verdict[left & ~stated], rule[left & ~stated] = "unresolved", "inferred_no_fit"
    out.loc[rows, "verdict"], out.loc[rows, "rule"], out.loc[rows, "reading"] = verdict, rule, reading
    out.loc[rows, "matched_start"], out.loc[rows, "matched_end"] = ms, me
    out.loc[rows, "official_value"] = official
    out.loc[rows, "official_measure"] = [f"official_daily.{m}" for m in meas]
    texts = _count_texts(c, verdict, rule, reading, official, stated_official, ps, pe, ms, me, meas, rdays)
    out.loc[rows, "explanation"] = texts
    out.loc[rows, "reading_text"] = [_reading_text(r, s, e, ps0, pe0) for r, s, e, ps0, pe0 in zip(reading, ms, me, ps, pe)]
    for k, row in zip(rows, c.to_dict("records")):
        if row.get("assertion") in {"record_high", "record_period", "exceeds_period"}:
            held = _record(row, idx, float(out.at[k, "official_value"]))
            if held is not None:
                out.at[k, "assertion_holds"] = held[0]
                out.at[k, "explanation"] = out.at[k, "explanation"] + " " + held[1]


def _sums(idx: OfficialSeriesIndex, s: pd.Series, e: pd.Series, meas: np.ndarray) -> np.ndarray:
    o = np.full(len(s), np.nan)
    for m in np.unique(meas):
        sel = meas == m
        o[sel] = idx.period_sums(s[sel], e[sel], m)
    return o


def _reading_text(reading: str, s, e, ps, pe) -> str | None:
    if reading == "stated" or pd.isna(s):
        return None
    days = (pd.Timestamp(e) - pd.Timestamp(s)).days + 1
    what = {"data_day": "one day earlier than stated", "day_after": "one day later than stated",
            "within_months": "some stretch starting and ending in the months named",
            "year_to_date": "the year to the stated day", "week_ending": "the seven days to the stated day",
            "to_publication": "to the day the report was published", "year_before": "the same dates a year earlier",
            "first_published": "as first published (the series has since revised a day in the period)"}
    return f"{fmt_period(s, e)} ({days} day{'s' if days != 1 else ''}): {what.get(reading, reading)}"


def _count_texts(c, verdict, rule, reading, official, stated_official, ps, pe, ms, me, meas, rdays) -> list[str]:
    texts = []
    for i, (fig, q, val, basis, prule) in enumerate(zip(c["figure_text"], c["qualifier"], c["value"],
                                                        _obj(c["period_basis"]), _obj(c["period_rule"]))):
        label = LABEL[meas[i]]
        wording = fig if q == "exact" or q in R.VAGUE_BANDS else f"{q.replace('_', ' ')} {fig}"
        p, mp = fmt_period(ps[i], pe[i]), fmt_period(ms[i], me[i])
        o, so = official[i], stated_official[i]
        how = (prule or "inferred").replace("_", " ")
        inferred = "" if basis == "stated" else f" (the dates were inferred: {how})"
        vd, rl, rd = verdict[i], rule[i], reading[i]
        if rl == "exact_match":
            t = f"The series gives {fmt_n(o)} {label} for {p}, as stated{inferred}."
        elif rl == "within_qualifier":
            t = f"The series gives {fmt_n(o)} {label} for {p}, which fits '{wording}'{inferred}."
        elif rl == "rounded_figure":
            t = (f"The series gives {fmt_n(o)} {label} for {p}: '{wording}' reads as a rounded figure "
                 f"(within {R.ABOUT:.0%}){inferred}.")
        elif rl == "provisional_era":
            t = (f"The series now gives {fmt_n(o)} {label} for {p} against {fmt_n(val)} stated: within "
                 f"{R.PROVISIONAL_REL:.0%}, the size of the revisions daily figures first published in "
                 f"{R.PROVISIONAL_ERA[0][:4]}–{R.PROVISIONAL_ERA[1][:4]} often had (the series does not mark which days)"
                 f"{inferred}.")
        elif rl == "implausible_gap":
            t = (f"The series gives {fmt_n(so)} {label} for {p}, far from '{wording}': a gap this large more "
                 f"likely means the dates were misread than that the figure is wrong, so nothing is judged.")
        elif rl == "boat_count":
            t = (f"The series gives {fmt_n(o)} {label} for {p} against {fmt_n(val)} stated: boat counts are less "
                 f"certain than people counts and differ by this much between first reports and the series"
                 f"{inferred}.")
        elif rl in {"small_revision", "revised_day_in_period"}:
            t = (f"The series now gives {fmt_n(o)} {label} for {p} against {fmt_n(val)} stated: a difference of the "
                 f"size provisional figures are revised by"
                 + (f" (the series marks {rdays[i]} day(s) in the period Revised)." if rl == "revised_day_in_period" else ".")
                 + inferred)
        elif rl == "alternative_reading":
            t = (f"{'Consistent' if vd == 'consistent' else 'Close (within revision)'} if read as {mp} "
                 f"({R.READING_DOCS[rd].split(':')[0].lower()}): the series gives {fmt_n(o)} {label} there, "
                 f"against {fmt_n(so) if not math.isnan(so) else 'no complete figure'} for the stated {p}{inferred}.")
        elif vd == "discrepancy":
            t = (f"The series gives {fmt_n(so)} {label} for {p}, not '{wording}'; no other reading (the day "
                 f"before or after, the year to date, the week to that day) gives it either.")
        else:
            t = (f"The series gives {fmt_n(so)} {label} for {p}, not '{wording}', but those dates were inferred "
                 f"({how}), not stated, and no reading of them fits: nothing is judged.")
        texts.append(t)
    return texts


# ---------------------------------------------------------------- the rest, one by one

def _wording(c: dict) -> str:
    q = c["qualifier"]
    return c["figure_text"] if q == "exact" or q in R.VAGUE_BANDS else f"{q.replace('_', ' ')} {c['figure_text']}"


def _set(out: pd.DataFrame, k: int, **kw) -> None:
    for key, val in kw.items():
        out.at[k, key] = val


def _one(k: int, c: dict, out: pd.DataFrame, idx: OfficialSeriesIndex) -> None:
    m = c["metric"]
    if m == "percent_change":
        return _percent(k, c, out, idx)
    kind, meas = R.MEASURES[m]
    if c["assertion"] == "threshold":
        return _threshold(k, c, out, idx, meas)
    if c["assertion"] == "zero_run":
        return _zero_run(k, c, out, idx)
    {"part": _part, "attempts": _attempts, "prevented": _prevented, "different": _different,
     "count": _part}[kind](k, c, out, idx, meas)


def _judged(c: dict, ok: bool) -> tuple[str, str]:
    """A figure that does not fit: discrepancy only where its dates were stated."""
    if ok:
        return "consistent", ""
    return ("discrepancy", "discrepancy") if c["period_basis"] == "stated" else ("unresolved", "inferred_no_fit")


def _part(k, c, out, idx, meas):
    """One boat's passengers or one group: at most the day's arrivals."""
    s, e, v = c["period_start"], c["period_end"], float(c["value"])
    o = idx.period_sums([s], [e], meas)[0]
    lo, _ = R.band(c["qualifier"], v)
    if o == v:
        vd, rl = "match", "exact_match"
    elif lo <= o:
        vd, rl = "consistent", "part_of_day"
    else:
        vd, rl = _judged(c, False)
    _set(out, k, verdict=vd, rule=rl, official_value=o, official_measure=f"official_daily.{meas}",
         explanation=f"One boat or group of {fmt_n(v)}: the series gives {fmt_n(o)} {LABEL[meas]} in all for "
                     f"{fmt_period(s, e)}" + (", so the figure fits as part of the day." if vd in {"match", "consistent"}
                                              else ", fewer than this one boat or group."))


def _attempts(k, c, out, idx, meas):
    """Attempts are arrivals plus those stopped: never fewer than the arrivals."""
    s, e, v = c["period_start"], c["period_end"], float(c["value"])
    o = idx.period_sums([s], [e], meas)[0]
    _, hi = R.band(c["qualifier"], v)
    if hi < o:
        vd, rl = _judged(c, False)
        text = (f"Attempts include everyone who arrived, and the series gives {fmt_n(o)} arrivals for "
                f"{fmt_period(s, e)}: more than the stated '{_wording(c)}' allows.")
    else:
        vd, rl = "different_measure", "attempts_floor"
        text = (f"Not the series' measure (attempts include people stopped in France); the series gives "
                f"{fmt_n(o)} arrivals for {fmt_period(s, e)}, which the stated attempts do not fall below.")
    _set(out, k, verdict=vd, rule=rl, official_value=o, official_measure=f"official_daily.{meas}", explanation=text)


def _prevented(k, c, out, idx, meas):
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


def _different(k, c, out, idx, meas):
    s, e, v = c["period_start"], c["period_end"], float(c["value"])
    o = idx.period_sums([s], [e], meas)[0]
    _set(out, k, verdict="different_measure", rule="different_measure", official_value=o,
         official_measure=f"official_daily.{meas}",
         explanation=f"Not the series' measure ({R.DIFFERENT_WHAT[c['metric']]}): the series gives {fmt_n(o)} "
                     f"{LABEL[meas]} for {fmt_period(s, e)}, against {fmt_n(v)} stated.")


def _zero_run(k, c, out, idx):
    s, e = c["period_start"], c["period_end"]
    total = idx.period_sums([s], [e], "people_arrived")[0]
    holds = total == 0
    vd, rl = ("match", "zero_run") if holds else _judged(c, False)
    _set(out, k, verdict=vd, rule=rl, official_value=total, assertion_holds=bool(holds),
         official_measure="official_daily.people_arrived",
         explanation=(f"The series has no arrivals on any day of {fmt_period(s, e)}." if holds else
                      f"The series has {fmt_n(total)} arrivals in {fmt_period(s, e)}, not none."))


def _threshold(k, c, out, idx, meas):
    """'Passed N on D': the day the running total from the period's start first exceeded N; the
    official value is the total on that day."""
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
         reading_text=_reading_text("threshold_day", start, day, start, e),
         explanation=f"The series' running total from {fmt_period(start, start)} first passed {fmt_n(v)} on "
                     f"{fmt_period(day, day)} ({fmt_n(total)} by then)"
                     + (", as stated." if gap == 0 else
                        f", {abs(gap)} day(s) {'after' if gap > 0 else 'before'} the stated {fmt_period(e, e)}."))


def _record(c: dict, idx: OfficialSeriesIndex, o: float):
    """Whether a record stated beside a count holds (only for dates inside the series)."""
    s, e = pd.Timestamp(c["period_start"]), pd.Timestamp(c["period_end"])
    if math.isnan(o):
        return None
    if c["assertion"] == "record_high" and s == e:
        peak = idx.max_day(dt.date(e.year, 1, 1), e, "people_arrived")
        if math.isnan(peak):
            return None
        holds = bool(o >= peak)
        return holds, (f"It is the highest daily figure of {e.year} to that day." if holds else
                       f"It is not the highest day of {e.year} to then: the series peaks at {fmt_n(peak)}.")
    if c["assertion"] == "exceeds_period" and not pd.isna(c["compare_start"]):
        other = idx.period_sums([c["compare_start"]], [c["compare_end"]], "people_arrived")[0]
        if not math.isnan(other):
            holds = bool(o > other)
            span = fmt_period(c["compare_start"], c["compare_end"])
            return holds, (f"That is more than the {fmt_n(other)} of {span}, as claimed." if holds else
                           f"That is not more than the {fmt_n(other)} of {span}.")
    if c["assertion"] == "record_period":
        earlier = [idx.period_sums([s.replace(year=y)], [e.replace(year=y)], "people_arrived")[0]
                   for y in range(2018, s.year)]
        earlier = [x for x in earlier if not math.isnan(x)]
        if earlier:
            holds = bool(o > max(earlier))
            return holds, (f"No earlier year had as many by the same date (previous high {fmt_n(max(earlier))})."
                           if holds else f"An earlier year had more by the same date ({fmt_n(max(earlier))}).")
    return None


def _percent(k, c, out, idx):
    base = c["change_of"]
    meas = R.MEASURES.get(base, (None, None))[1] if base else None
    if meas not in ("people_arrived", "boats_arrived") or pd.isna(c["compare_start"]):
        _set(out, k, verdict="not_checkable", rule="no_official_counterpart",
             explanation="A percentage of something the series does not count, or with no compared period.")
        return
    stated = float(c["value"])
    ps, pe = pd.Timestamp(c["period_start"]), pd.Timestamp(c["period_end"])
    cs, ce = pd.Timestamp(c["compare_start"]), pd.Timestamp(c["compare_end"])
    if not (idx.covers([cs], [ce])[0]):
        _set(out, k, verdict="not_checkable", rule="outside_series",
             explanation="The series does not cover both periods of the comparison.")
        return
    best, stated_change = _best_percent_reading(c, idx, meas, stated, ps, pe, cs, ce)
    if best is None:
        _set(out, k, verdict="not_checkable", rule="outside_series",
             explanation="The series does not cover both periods of the comparison.")
        return
    name, (s1, e1, s2, e2), a, b, change, ok, gap = best
    p1, p2 = fmt_period(s1, e1), fmt_period(s2, e2)
    word = "rise" if change >= 0 else "fall"
    said = f"{stated:+g}%"
    reading = name
    if ok and name == "stated":
        vd = "match" if round(change) == round(stated) else "consistent"
        rl, tail = "percent_recomputed", f"a {word} of {abs(change):.1f}%, {'as stated' if vd == 'match' else 'close to'} ({said})."
    elif ok:
        vd, rl = "consistent", "alternative_reading"
        by_dates = f"; {stated_change:.0f}% by calendar dates" if stated_change is not None else ""
        how = {"same_day_count": f", the same {(e2 - s2).days + 1} days",
               "year_to_date": ", both from 1 January (the year to date, not the day)",
               "data_day": ", both periods a day earlier", "day_after": ", both periods a day later"}[name]
        what = p2 if name == "same_day_count" else f"{p1} against {p2}"  # only the compared period moves
        tail = f"a {word} of {abs(change):.1f}%, as stated ({said}), if read as {what}{how}{by_dates}."
    elif gap <= R.PCT_REVISION:
        vd, rl, reading, tail = "revised", "percent_recomputed", "stated", f"a {word} of {abs(change):.1f}%, within revision of {said}."
    else:
        vd, rl = _judged(c, False)
        reading = "stated"
        tail = f"a {word} of {abs(change):.0f}%, not {said}" + (
            "." if vd == "discrepancy" else ", but the dates were inferred, not stated: nothing is judged.")
    _set(out, k, verdict=vd, rule=rl, reading=reading, official_value=round(change, 2), official_period_value=a,
         official_compare_value=b, official_measure=f"official_daily.{meas}",
         matched_start=s1 if ok else ps, matched_end=e1 if ok else pe,
         reading_text=f"{p1} against {p2}" if reading != "stated" else None,
         explanation=f"The series gives {fmt_n(a)} for {p1} against {fmt_n(b)} for {p2}: {tail}")


def _percent_readings(ps, pe, cs, ce) -> list[tuple[str, tuple]]:
    """Dates to recompute a percentage over, in order: as stated; the same number of days when one
    year is a leap year and the other is not (how "the same period" is often counted); a single day
    read as the year to that day (and to the day before: "today's figures are 23% higher than the
    same period last year"); both periods a day earlier or later."""
    one = pd.Timedelta(days=1)
    single = ps == pe
    out = [("stated", (ps, pe, cs, ce))]
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


def _best_percent_reading(c, idx, meas, stated, ps, pe, cs, ce):
    """The first reading whose recomputed change fits the stated one, else the stated reading."""
    best, stated_change = None, None
    tol = R.PCT_ABOUT if c["qualifier"] == "about" else R.PCT_ROUNDING
    for name, (s1, e1, s2, e2) in _percent_readings(ps, pe, cs, ce):
        a = idx.period_sums([s1], [e1], meas)[0]
        b = idx.period_sums([s2], [e2], meas)[0]
        if math.isnan(a) or math.isnan(b) or b == 0:
            continue
        change = (a / b - 1) * 100
        if name == "stated":
            stated_change = change
        gap = abs(change - stated)
        ok = round(change) == round(stated) or gap < tol
        if best is None or (ok and not best[-2]):
            best = (name, (s1, e1, s2, e2), a, b, change, ok, gap)
        if ok:
            break
    return best, stated_change


def _finish_numbers(out: pd.DataFrame, claims: pd.DataFrame, v: np.ndarray, metric: np.ndarray) -> None:
    ov = pd.to_numeric(out["official_value"], errors="coerce").to_numpy(dtype="float64")
    d = v - ov
    out["difference"] = np.where(np.isnan(ov), np.nan, d)
    with np.errstate(divide="ignore", invalid="ignore"):
        out["relative_difference"] = np.where((ov != 0) & ~np.isnan(ov) & (metric != "percent_change"), d / ov, np.nan)
    nothing = out["official_value"].isna()
    out.loc[nothing, "official_measure"] = out.loc[nothing, "official_measure"].where(
        out.loc[nothing, "verdict"].isin(["different_measure", "discrepancy", "unresolved"]), None)
