"""Hold each source's established publication date against the official series.

A text that gives a weekday and a figure ("705 migrants in 12 boats arrived on Tuesday") can be
dated by the series: the figure must stand on the day the weekday resolves to, and if it stands on
no other day the figure alone pins the date.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd

from ..curate.claims import reference_dates
from .verdicts import fmt_period

DAY_METRICS = {"people_arrived": "people_arrived", "boats_arrived": "boats_arrived"}
BORNE_OUT = ["match", "consistent"]


def source_date_checks(sources: pd.DataFrame, claims: pd.DataFrame, checks: pd.DataFrame,
                       daily: pd.DataFrame) -> pd.DataFrame:
    """Hold each non-official source's single-day figures against the series: one row per source."""
    refs = reference_dates(sources)
    merged = claims.merge(checks, on="claim_id")
    day = merged[(merged["period_start"] == merged["period_end"]) & merged["metric"].isin(list(DAY_METRICS))
                 & merged["verdict"].isin(["match", "consistent", "revised", "discrepancy"])]
    # only the columns read below, grouped once: per-source filtering of the wide frame was most of the build
    day = day[["source_id", "verdict", "qualifier", "period_start", "period_end", "metric", "value", "figure_text",
               "explanation"]]
    by_source = dict(tuple(day.groupby("source_id", sort=False)))
    rows = []
    for src in sources.itertuples(index=False):
        if src.kind == "official":
            continue
        mine = by_source.get(src.source_id, day.iloc[0:0])
        ok = mine["verdict"].isin(BORNE_OUT)
        days = _exact_days(mine[(mine["qualifier"] == "exact") & ok], daily)
        result, text = _result(mine, ok, days, refs.get(src.source_id),
                               src.date_method == "inferred_from_series")
        rows.append({"source_id": src.source_id, "published_date": src.published_date, "day_claims": len(mine),
                     "day_claims_confirmed": int(ok.sum()), "exact_days": days or None,
                     "result": result, "explanation": text})
    return pd.DataFrame(rows)


def _exact_days(exact: pd.DataFrame, daily: pd.DataFrame) -> str | None:
    """The series' days (';'-joined) with every exact figure of the first day the text names; None if none."""
    if not len(exact):
        return None
    first = exact["period_start"].iloc[0]
    hit = pd.Series(True, index=daily.index)
    for c in exact[exact["period_start"] == first].itertuples(index=False):  # all on one day of the series
        hit &= daily[DAY_METRICS[c.metric]] == c.value
    return ";".join(pd.to_datetime(daily.loc[hit, "date"]).dt.strftime("%Y-%m-%d"))


def _result(mine: pd.DataFrame, ok: pd.Series, days: str | None, pub: dt.date | None,
            from_series: bool) -> tuple[str, str]:
    """A source's result and its explanation, from its single-day figures (``ok``: borne out)."""
    if not len(mine):
        return "not_checkable", "The text gives no single-day figure the series can check."
    if ok.all():
        return _borne_out(mine, days, pub, from_series)
    bad = mine[~ok].iloc[0]
    return "contradicted", (f"The series does not bear out {bad.figure_text} on "
                            f"{fmt_period(bad.period_start, bad.period_end)}: {bad.explanation}")


def _borne_out(mine: pd.DataFrame, days: str | None, pub: dt.date | None, from_series: bool) -> tuple[str, str]:
    """Every figure fits: confirmed, or not independent where the date itself came from the series."""
    result = "not_independent" if from_series else "confirmed"
    said = "; ".join(f"{r.figure_text} {r.metric.replace('_', ' ')} on {fmt_period(r.period_start, r.period_end)}"
                     for r in mine.itertuples(index=False))
    read_from = f"read from {fmt_period(pub, pub)}" if pub is not None else "read from the text alone"
    text = f"The series bears out {said}: the day the text's time words resolve to, {read_from}."
    if days and ";" not in days:
        text += f" No other day in the series has exactly these figures, so they alone date the events to {days}."
    if result == "not_independent":
        text += (" The publication date was itself found by matching these figures to the series, so the "
                 "fit is not an independent confirmation.")
    return result, text
