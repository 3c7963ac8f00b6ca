"""Hold each source's established publication date against the official series.

A text that gives a weekday and a figure ("705 migrants in 12 boats arrived on Tuesday") can be
dated by the series: the figure must stand on the day the weekday resolves to, and if it stands on
no other day the figure alone pins the date.
"""

from __future__ import annotations

import pandas as pd

from ..curate.claims import reference_dates
from .verdicts import fmt_period

DAY_METRICS = {"people_arrived": "people_arrived", "boats_arrived": "boats_arrived"}


def source_date_checks(sources: pd.DataFrame, claims: pd.DataFrame, checks: pd.DataFrame,
                       daily: pd.DataFrame) -> pd.DataFrame:
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
        ok = mine["verdict"].isin(["match", "consistent"])
        exact = mine[(mine["qualifier"] == "exact") & ok]
        days = None
        if len(exact):
            hit = pd.Series(True, index=daily.index)
            for r in exact.itertuples(index=False):  # every exact figure must stand on the same day
                same_day = exact[exact["period_start"] == r.period_start]
                for c in same_day.itertuples(index=False):
                    hit &= daily[DAY_METRICS[c.metric]] == c.value
                break
            days = ";".join(pd.to_datetime(daily.loc[hit, "date"]).dt.strftime("%Y-%m-%d"))
        pub = refs.get(src.source_id)
        if not len(mine):
            result, text = "not_checkable", "The text gives no single-day figure the series can check."
        elif ok.all():
            result = "not_independent" if src.date_method == "inferred_from_series" else "confirmed"
            said = "; ".join(f"{r.figure_text} {r.metric.replace('_', ' ')} on {fmt_period(r.period_start, r.period_end)}"
                             for r in mine.itertuples(index=False))
            text = (f"The series bears out {said}: the day the text's time words resolve to, read from "
                    f"{fmt_period(pub, pub)}.")
            if days and ";" not in days:
                text += f" No other day in the series has exactly these figures, so they alone date the events to {days}."
            if result == "not_independent":
                text += (" The publication date was itself found by matching these figures to the series, so the "
                         "fit is not an independent confirmation.")
        else:
            bad = mine[~ok].iloc[0]
            result = "contradicted"
            text = (f"The series does not bear out {bad.figure_text} on {fmt_period(bad.period_start, bad.period_end)}: "
                    f"{bad.explanation}")
        rows.append({"source_id": src.source_id, "published_date": src.published_date, "day_claims": len(mine),
                     "day_claims_confirmed": int(ok.sum()), "exact_days": days or None,
                     "result": result, "explanation": text})
    return pd.DataFrame(rows)
