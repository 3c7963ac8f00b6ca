"""Give every claim a verdict against the official series (rules and tolerances in rules.py).

The bulk (counts over periods) is one vectorised pass of prefix sums; the few claims that need
more (percent changes, thresholds, records, zero runs) are handled one by one after it.
"""

from __future__ import annotations

import calendar
import datetime as dt
import math
import re

import numpy as np
import pandas as pd

from . import rules as R
from .series import DAILY_MEASURES, OfficialSeriesIndex

DOWN = re.compile(r"\b(?:fall|fell|drop|dropped|down|lower|fewer|decrease|decreased|decline|declined|"
                  r"cut|less)\b", re.I)
COLUMNS = ["claim_id", "official_measure", "official_value", "official_compare_value",
           "official_period_value", "difference", "relative_difference", "verdict", "rule",
           "matched_start", "matched_end", "revised_days", "assertion_holds", "explanation"]
EQUAL_OK = ["exact", "about", "almost", "nearly", "at_least", "up_to"]  # wordings an equal figure satisfies
LABEL = {"people_arrived": "people arrived", "boats_arrived": "boats arrived",
         "people_prevented": "people prevented"}


def fmt_n(x: float) -> str:
    return f"{x:,.0f}" if float(x).is_integer() else f"{x:,.1f}"


def fmt_period(s, e) -> str:
    s, e = pd.Timestamp(s), pd.Timestamp(e)
    if s == e:
        return f"{s:%A} {s.day} {s:%B %Y}"
    if s.year == e.year:
        return f"{s.day} {s:%b}–{e.day} {e:%b %Y}"
    return f"{s.day} {s:%b %Y}–{e.day} {e:%b %Y}"


def _in_band(q: np.ndarray, v: np.ndarray, o: np.ndarray) -> np.ndarray:
    lo = np.empty(len(v))
    hi = np.empty(len(v))
    for qual in np.unique(q):
        m = q == qual
        lo[m], hi[m] = R.band_array(qual, v[m])
    return (o >= lo) & (o <= hi)


def check_claims(claims: pd.DataFrame, idx: OfficialSeriesIndex) -> pd.DataFrame:
    n = len(claims)
    out = pd.DataFrame({"claim_id": claims["claim_id"].to_numpy()})
    for c in COLUMNS[1:]:
        out[c] = None
    metric = claims["metric"].to_numpy(dtype=object)
    q = claims["qualifier"].to_numpy(dtype=object)
    v = claims["value"].to_numpy(dtype="float64")
    ps, pe = claims["period_start"], claims["period_end"]
    dated = (ps.notna() & pe.notna()).to_numpy()
    out["revised_days"] = np.where(dated, idx.revised_days(ps.fillna(pd.Timestamp("1900-01-01")),
                                                           pe.fillna(pd.Timestamp("1900-01-01"))), 0)
    out["matched_start"], out["matched_end"] = ps.to_numpy(), pe.to_numpy()

    # 1. counts against the daily series, vectorised
    official = np.full(n, np.nan)
    measure = np.array([R.CHECKED.get(m) or R.DIFFERENT.get(m, (None,))[0] for m in metric], dtype=object)
    for m in DAILY_MEASURES:
        sel = (measure == m) & dated
        if sel.any():
            official[sel] = idx.period_sums(ps[sel], pe[sel], m)
    counts = np.isin(metric, list(R.CHECKED)) & (metric != "people_prevented") & ~np.isnan(official)
    exact = counts & (official == v) & np.isin(q, EQUAL_OK)
    in_band = counts & _in_band(q, v, official)
    diff = np.abs(v - official)
    revised_day = counts & (official > 0) & (out["revised_days"].to_numpy() > 0) & \
        (diff <= np.maximum(R.REVISED_DAY_REL * official, R.REVISED_DAY_ABS))
    small = counts & (official > 0) & (q == "exact") & \
        (diff <= np.maximum(R.REVISION_REL * official, R.REVISION_ABS))
    verdict = np.full(n, None, dtype=object)
    rule = np.full(n, None, dtype=object)
    for mask, vd, rl in [(small, "revised", "small_revision"), (revised_day, "revised", "revised_day_in_period"),
                         (in_band, "consistent", "within_qualifier"), (exact, "match", "exact_match")]:
        verdict[mask], rule[mask] = vd, rl  # later lines take precedence
    # off by one day: shift the whole period, for counts still unexplained
    todo = counts & (verdict == None)  # noqa: E711
    for shift in (-1, 1):
        if not todo.any():
            break
        # A single day moves whole; a running total keeps its start (1 January, "since ...")
        # and only its last day moves.
        single = (ps[todo] == pe[todo]).to_numpy()
        s2 = ps[todo] + pd.to_timedelta(np.where(single, shift, 0), unit="D")
        e2 = pe[todo] + pd.Timedelta(days=shift)
        o2 = np.full(todo.sum(), np.nan)
        for m in DAILY_MEASURES:
            sel = measure[todo] == m
            if sel.any():
                o2[sel] = idx.period_sums(s2[sel], e2[sel], m)
        ok = ((o2 == v[todo]) & np.isin(q[todo], EQUAL_OK)) | _in_band(q[todo], v[todo], o2)
        rows = np.flatnonzero(todo)[ok]
        verdict[rows], rule[rows] = "consistent", "off_by_one_day"
        out.loc[rows, "matched_start"] = s2[ok].to_numpy()
        out.loc[rows, "matched_end"] = e2[ok].to_numpy()
        official[rows] = o2[ok]
        todo = counts & (verdict == None)  # noqa: E711
    verdict[todo], rule[todo] = "discrepancy", "discrepancy"

    out["official_measure"] = [f"official_daily.{m}" if m in DAILY_MEASURES else None for m in measure]
    out["_sign"] = 1.0
    out["official_value"] = official
    out["verdict"], out["rule"] = verdict, rule

    # 2. plain counts and claims with no counterpart: explained in bulk
    special = (np.isin(metric, ["percent_change", "people_prevented"]) | np.isin(metric, list(R.DIFFERENT))
               | claims["assertion"].notna().to_numpy() | (q == "passed") | ~dated
               | (np.isin(metric, list(R.CHECKED)) & np.isnan(official)))
    plain = counts & ~special
    out["explanation"] = None
    if plain.any():
        out.loc[plain, "explanation"] = _count_explanations(claims[plain], out[plain])
    none = ~special & ~np.isin(metric, list(R.CHECKED) + list(R.DIFFERENT) + ["percent_change"])
    out.loc[none, ["verdict", "rule"]] = ["not_checkable", "no_official_counterpart"]
    out.loc[none, "official_value"] = np.nan
    out.loc[none, "explanation"] = [f"No official counterpart: the small-boats series does not count "
                                    f"{m.replace('_', ' ')}." for m in metric[none]]
    # 3. the few that need more, one by one
    for k in np.flatnonzero(special):
        _finish(int(k), claims.iloc[int(k)].to_dict(), out, idx)
    v_sign = np.where(pct_rows := (metric == "percent_change"), v * out["_sign"].to_numpy(dtype="float64"), v)
    ov = out["official_value"].to_numpy(dtype="float64")
    d = v_sign - ov
    out["difference"] = np.where(np.isnan(ov), np.nan, d)
    with np.errstate(divide="ignore", invalid="ignore"):
        out["relative_difference"] = np.where((ov != 0) & ~np.isnan(ov) & ~pct_rows, d / ov, np.nan)
    return out.drop(columns=[c for c in out.columns if c.startswith("_")])[COLUMNS]


def fmt_periods(starts: pd.Series, ends: pd.Series) -> list[str]:
    """fmt_period over whole columns (the bulk path of the checker)."""
    s, e = pd.to_datetime(starts), pd.to_datetime(ends)

    def fmt(col, pattern):  # a few thousand distinct days at most: format each once
        return col.map({d: pd.Timestamp(d).strftime(pattern) for d in col.unique()}).astype(object)
    day = fmt(s, "%A %-d %B %Y")
    same_year = fmt(s, "%-d %b") + "–" + fmt(e, "%-d %b %Y")
    cross = fmt(s, "%-d %b %Y") + "–" + fmt(e, "%-d %b %Y")
    return np.where(s == e, day, np.where(s.dt.year == e.dt.year, same_year, cross)).tolist()


def _count_explanations(c: pd.DataFrame, o: pd.DataFrame) -> list[str]:
    periods = fmt_periods(c["period_start"], c["period_end"])
    matched = fmt_periods(o["matched_start"], o["matched_end"])
    texts = []
    for fig, q, v, val, meas, rl, vd, p, mp, rd in zip(
            c["figure_text"], c["qualifier"], c["value"], o["official_value"], o["official_measure"],
            o["rule"], o["verdict"], periods, matched, o["revised_days"]):
        label = LABEL[meas.split(".")[1]]
        wording = fig if q == "exact" else f"{q.replace('_', ' ')} {fig}"
        n = fmt_n(val)
        if rl == "exact_match":
            texts.append(f"The series gives {n} {label} for {p}, as stated.")
        elif rl == "within_qualifier":
            texts.append(f"The series gives {n} {label} for {p}, which fits '{wording}'.")
        elif rl == "off_by_one_day":
            texts.append(f"The series gives {n} {label} for {mp}, one day off the stated {p}: "
                         f"'{wording}' fits the neighbouring day.")
        elif vd == "revised":
            texts.append(f"The series now gives {n} {label} for {p} against {fmt_n(v)} stated: a small "
                         f"difference of the size provisional figures are revised by"
                         + (f" (the series marks {rd} day(s) in the period Revised)." if rl == "revised_day_in_period" else "."))
        else:
            texts.append(f"The series gives {n} {label} for {p}, not '{wording}'.")
    return texts


def _set(out, k, **kw):
    for key, val in kw.items():
        if key not in out.columns:
            out[key] = None
        out.at[k, key] = val


def _finish(k: int, c: dict, out: pd.DataFrame, idx: OfficialSeriesIndex) -> None:
    m, v, q = c["metric"], float(c["value"]), c["qualifier"]
    s, e = c["period_start"], c["period_end"]
    official = out.at[k, "official_value"]
    period = fmt_period(s, e) if not (pd.isna(s) or pd.isna(e)) else None
    if period is None or (m in R.CHECKED and m != "people_prevented" and (pd.isna(official))
                          and c["assertion"] is None):
        if m in R.CHECKED or m in R.DIFFERENT or m == "percent_change":
            _set(out, k, verdict="not_checkable", rule="outside_series", official_value=np.nan,
                 explanation=f"The series covers {fmt_period(_d(idx.first), _d(idx.last))}; "
                             f"this claim's dates ({period or 'none'}) are not all inside it.")
            return
    if m == "percent_change":
        return _percent(k, c, out, idx)
    if c["assertion"] == "threshold" or q == "passed":
        return _threshold(k, c, out, idx)
    if c["assertion"] == "zero_run":
        total = idx.period_sums([s], [e], "people_arrived")[0]
        holds = total == 0
        _set(out, k, verdict="match" if holds else "discrepancy", rule="zero_run" if holds else "discrepancy",
             official_value=total, assertion_holds=bool(holds),
             explanation=(f"The series has no arrivals on any day of {period}." if holds else
                          f"The series has {fmt_n(total)} arrivals in {period}, not none."))
        return
    if m in R.DIFFERENT:
        meas, what = R.DIFFERENT[m]
        _set(out, k, verdict="different_measure", rule="different_measure",
             explanation=f"Not the series' measure ({what}): the series gives {fmt_n(official)} "
                         f"{LABEL[meas]} for {period}, against {fmt_n(v)} stated."
             if not pd.isna(official) else f"Not the series' measure ({what}).")
        return
    if m == "people_prevented":
        o = idx.prevented_in(s, e)
        if pd.isna(o):
            _set(out, k, verdict="not_checkable", rule="prevented_weeks", official_value=np.nan,
                 explanation=f"Preventions are published per week (SB_02); {period} is not made of whole "
                             f"weeks of the series.")
            return
        lo, hi = R.band(q, v)
        vd = "match" if o == v else "consistent" if lo <= o <= hi else "discrepancy"
        _set(out, k, verdict=vd, rule={"match": "exact_match", "consistent": "within_qualifier"}.get(vd, vd),
             official_value=o, official_measure="official_weekly.people_prevented",
             explanation=f"SB_02 gives {fmt_n(o)} people prevented in the weeks of {period}; stated {fmt_n(v)}.")
        return
    if m not in R.CHECKED:
        _set(out, k, verdict="not_checkable", rule="no_official_counterpart", official_value=np.nan,
             explanation=f"No official counterpart: the small-boats series does not count {m.replace('_', ' ')}.")
        return
    _explain_count(k, c, out, idx, period)


def _d(day_number: int) -> dt.date:
    return np.datetime64(day_number, "D").astype(object)


def _explain_count(k, c, out, idx, period):
    """A count with an assertion: the bulk explanation, then whether the record holds."""
    text = _count_explanations(pd.DataFrame([c]), out.iloc[[k]])[0]
    holds = _record(c, idx, float(out.at[k, "official_value"]))
    if holds is not None:
        text += " " + holds[1]
        out.at[k, "assertion_holds"] = holds[0]
    out.at[k, "explanation"] = text


def _record(c, idx, o):
    s, e = pd.Timestamp(c["period_start"]), pd.Timestamp(c["period_end"])
    if c["assertion"] == "record_high" and s == e:
        peak = idx.max_day(dt.date(e.year, 1, 1), e, "people_arrived")
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
    meas = R.CHECKED.get(base) if base else None
    if meas not in ("people_arrived", "boats_arrived") or pd.isna(c["compare_start"]):
        _set(out, k, verdict="not_checkable", rule="no_official_counterpart", official_value=np.nan,
             explanation="A percentage of something the series does not count, or with no compared period.")
        return
    sign = -1 if DOWN.search(c["quote"][max(0, c["figure_start"] - c["char_start"] - 40):
                                       c["figure_end"] - c["char_start"] + 40]) else 1
    stated = sign * float(c["value"])
    best = None
    single = c["period_start"] == c["period_end"]
    zero = pd.Timedelta(0)
    # Candidate alignments: as stated; the same number of days when the compared year is a leap
    # year and the stated one is not (how "the same period" is often counted); then one day off.
    candidates = [("stated", zero, zero, zero)]
    ps, cs, ce = pd.Timestamp(c["period_start"]), pd.Timestamp(c["compare_start"]), pd.Timestamp(c["compare_end"])
    if ps.year != cs.year and calendar.isleap(cs.year) != calendar.isleap(ps.year) and \
            ce >= pd.Timestamp(cs.year, 3, 1) and cs <= pd.Timestamp(cs.year, 2, 29 if calendar.isleap(cs.year) else 28):
        candidates.append(("leap", zero, pd.Timedelta(days=-1 if calendar.isleap(cs.year) else 1), zero))
    for shift in (-1, 1):
        d = pd.Timedelta(days=shift)
        candidates.append(("shift", d, d, d if single else zero))
    best = None
    for kind, d_main, d_cmp, d_start in candidates:
        a = idx.period_sums([c["period_start"] + d_start], [c["period_end"] + d_main], meas)[0]
        b = idx.period_sums([c["compare_start"] + d_start], [c["compare_end"] + d_cmp], meas)[0]
        if math.isnan(a) or math.isnan(b) or b == 0:
            continue
        change = (a / b - 1) * 100
        gap = abs(change - stated)
        tol = R.PCT_ABOUT if c["qualifier"] == "about" else R.PCT_ROUNDING
        ok = round(change) == round(stated) or gap < tol
        if best is None or (ok and not best[-2]):
            best = (kind, d_main, d_cmp, d_start, a, b, change, ok, gap)
        if ok:
            break
    if best is None:
        _set(out, k, verdict="not_checkable", rule="outside_series", official_value=np.nan,
             explanation="The series does not cover both periods of the comparison.")
        return
    kind, d_main, d_cmp, d_start, a, b, change, ok, gap = best
    p1 = fmt_period(c["period_start"] + d_start, c["period_end"] + d_main)
    p2 = fmt_period(c["compare_start"] + d_start, c["compare_end"] + d_cmp)
    word = "rise" if change >= 0 else "fall"
    said = f"{abs(stated):g}%"
    if ok and kind == "stated" and round(change) == round(stated):
        vd, rl, tail = "match", "percent_recomputed", f"a {word} of {abs(change):.1f}%, as stated ({said})."
    elif ok and kind == "stated":
        vd, rl, tail = "consistent", "percent_recomputed", f"a {word} of {abs(change):.1f}%, close to {said}."
    elif ok and kind == "leap":
        vd, rl, tail = "consistent", "off_by_one_day", (
            f"a {word} of {abs(change):.1f}%, as stated ({said}), when the compared period counts the same "
            f"number of days in {'leap year ' if calendar.isleap(cs.year) else ''}{cs.year} (as stated "
            f"to {fmt_period(ce, ce)} it would be {((idx.period_sums([c['period_start']], [c['period_end']], meas)[0] / idx.period_sums([cs], [ce], meas)[0]) - 1) * 100:.0f}%).")
    elif ok:
        vd, rl, tail = "consistent", "off_by_one_day", f"a {word} of {abs(change):.1f}% with both periods ending one day {'earlier' if d_main.days < 0 else 'later'}, as stated ({said})."
    elif gap <= R.PCT_REVISION:
        vd, rl, tail = "revised", "percent_recomputed", f"a {word} of {abs(change):.1f}%, within revision of {said}."
    else:
        vd, rl, tail = "discrepancy", "discrepancy", f"a {word} of {abs(change):.0f}%, not {said}."
    _set(out, k, verdict=vd, rule=rl, official_value=round(change, 2), official_period_value=a,
         official_compare_value=b, official_measure=f"official_daily.{meas}", _sign=sign,
         matched_start=c["period_start"] + d_start, matched_end=c["period_end"] + d_main,
         explanation=f"The series gives {fmt_n(a)} for {p1} against {fmt_n(b)} for {p2}: {tail}")


def _threshold(k, c, out, idx):
    e = pd.Timestamp(c["period_end"]).date()
    v = float(c["value"])
    day = idx.first_day_reaching(dt.date(e.year, 1, 1), v, "people_arrived")
    total = idx.period_sums([dt.date(e.year, 1, 1)], [e], "people_arrived")[0]
    if day is None:
        _set(out, k, verdict="discrepancy", rule="discrepancy", official_value=total, assertion_holds=False,
             explanation=f"The series' running total for {e.year} never passes {fmt_n(v)} in the data.")
        return
    gap = (day - e).days
    vd = "match" if gap == 0 else "consistent" if abs(gap) == 1 else "discrepancy"
    rl = {"match": "threshold_day", "consistent": "off_by_one_day"}.get(vd, "discrepancy")
    _set(out, k, verdict=vd, rule=rl, official_value=total, assertion_holds=abs(gap) <= 1,
         matched_start=pd.Timestamp(dt.date(e.year, 1, 1)), matched_end=pd.Timestamp(day),
         explanation=f"The series' running total for {e.year} first passed {fmt_n(v)} on "
                     f"{fmt_period(day, day)}" + (", as stated." if gap == 0 else
                                                  f", {abs(gap)} day(s) {'after' if gap > 0 else 'before'} the stated {fmt_period(e, e)}."))
