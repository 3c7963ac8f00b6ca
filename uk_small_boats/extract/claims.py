"""Put the extractor together: sentence -> figures -> qualifier, metric, period -> claim rows.

Output columns are those of schemas/claims.json less the source-bound ones (claim_id, source_id),
so ``uk-small-boats extract`` works on any article.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace

from .metrics import classify
from .numbers import Figure, find_figures
from .periods import Period, compare_period, find_periods, over_years
from .qualifiers import qualifier_for
from .text import Span, clause_window, sentences

DAY_RULES = {"day", "weekday", "relative_day", "range", "weekday_pair", "month_edge", "weekend"}
PLACES = re.compile(
    r"\b(?:the\s+Port\s+of\s+Dover|Dover|Folkestone|Ramsgate|Dungeness|Kent|Calais|Dunkirk|Dunkerque|"
    r"Gravelines|Boulogne(?:-sur-Mer)?|Wimereux|Le\s+Portel|Equihen|Hardelot|northern\s+France|"
    r"north(?:ern)?\s+French\s+coast|Heathrow|Manston|Western\s+Jet\s+Foil|Lancaster\s+House|"
    r"Chequers|the\s+English\s+Channel|the\s+Channel)\b")
RECORD_HIGH = re.compile(r"\b(?:highest|busiest|largest|biggest|most)\s+(?:daily|single[- ]day|"
                         r"day|number|figure|total|in\s+a\s+(?:single\s+)?day)", re.I)
# "already more than in the whole of 2024": the figure beats a whole earlier year.
EXCEEDS_YEAR = re.compile(r"^[^.;]{0,80}?\b(?P<phrase>(?:already\s+)?(?:more|higher)\s+than\s+(?:in\s+)?"
                          r"(?:the\s+whole\s+of|all\s+of)\s+(?P<y>(?:19|20)\d{2}))\b", re.I)
RECORD_PERIOD = re.compile(r"\ba\s+record\b|\brecord\s+(?:for|number|high|total|level)", re.I)
# Where a clause ends for the purpose of dates: not at dashes, which news copy uses for asides
# ("escorted by a French naval ship – Ridens – to the median line").
PERIOD_CUT = re.compile(r";|\s(?:but|while|although|whereas)\s|"
                        r",\s+(?:and|but|as|while|taking|bringing|making|pushing|meaning|which)\s", re.I)
# Metrics that accumulate into running totals ("brings the total to ..."), unlike one-off events.
SERIES_METRICS = {"people_arrived", "boats_arrived", "people_intercepted", "people_prevented",
                  "people_returned", "boats_prevented"}
COMPARE_CONNECTOR = re.compile(r"\b(?:compared\s+(?:with|to)|up\s+from|down\s+from|than|against|"
                               r"versus|vs)\s*$", re.I)


def _gap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(b[0] - a[1], a[0] - b[1], 0)


def _nearest(periods: list[Period], fig: Figure) -> Period | None:
    if not periods:
        return None
    return min(periods, key=lambda p: (_gap(p.span, (fig.start, fig.end)), p.span[0] < fig.start))


# Rules whose dates do not depend on the anchor, and those that do (resolved once it is known).
ANCHOR_FREE = frozenset({"same_period_compare", "year_compare", "range", "day", "weekday_pair",
                         "month_edge", "weekday", "relative_day"})


def _anchor_of(periods: list[Period], pub: dt.date, anchor: dt.date) -> dt.date:
    days = [p for p in periods if p.rule in DAY_RULES and p.end <= pub]
    return days[-1].end if days else anchor


def extract_claims(text: str, published: dt.date) -> list[dict]:
    """Every figure in ``text`` as a claim row, with periods resolved against ``published``."""
    if not isinstance(text, str) or not text.strip():
        return []
    rows: list[dict] = []
    anchor = published
    carried: dict[str | None, Period] = {}  # per metric family: the day the last sentence was about
    for sent in sentences(text):
        figs = find_figures(text, sent.start, sent.end)
        if not figs:  # only the day it speaks of matters, for later sentences
            anchor = _anchor_of(find_periods(text, sent.start, sent.end, published, anchor, ANCHOR_FREE),
                                published, anchor)
            continue
        periods = find_periods(text, sent.start, sent.end, published, anchor)
        new_anchor = _anchor_of(periods, published, anchor)
        if new_anchor != anchor and any(p.rule not in ANCHOR_FREE for p in periods):
            periods = find_periods(text, sent.start, sent.end, published, new_anchor)
        mains = [p for p in periods if p.kind in {"main", "since"}]
        compares = [p for p in periods if p.kind == "compare"]
        overs = [p for p in periods if p.rule.startswith("over_years")]
        durations = [p for p in periods if p.kind == "duration" and not p.rule.startswith("over_years")]
        sentence_rows: list[dict] = []
        for fig in figs:
            quote = clause_window(text, sent, fig.start, fig.end)
            clause = text[quote.start:quote.end]
            metric, unit = classify(text, fig, clause, quote.start)
            qualifier, _ = qualifier_for(text, fig.start, fig.end, fig.vague)
            period, compare, change_of, rule_note = None, None, None, None
            base = _percent_base(sentence_rows, rows) if fig.percent else None
            paren = _compare_value(text, fig, compares, sent.start)
            if metric == "money" and overs:
                ym = re.search(r"\b(?:19|20)\d{2}\b", text[sent.start:sent.end])
                period = over_years(overs[0], int(ym.group(0)) if ym else None, published)
            elif paren is not None and sentence_rows:
                ref = next((r for r in reversed(sentence_rows) if r["_compare"] is not None), None)
                main = next((r for r in sentence_rows if r["unit"] in {"people", "boats"}), None)
                if ref is not None:
                    period = ref["_compare"]
                    metric, unit = ref["change_of"] or metric, unit if ref["change_of"] is None else _unit(ref["change_of"])
                    rule_note = "compare_value"
                elif main is not None:
                    main_p = main["_period"]
                    period = compare_period(main_p, paren)
                    if metric in {"people_other", "count_other"}:
                        metric, unit = main["metric"], main["unit"]
                    rule_note = "compare_value"
            if metric in {"people_other", "count_other"} and sentence_rows and \
                    COMPARE_CONNECTOR.search(text[max(sent.start, fig.start - 20):fig.start]):
                main = next((r for r in sentence_rows if r["unit"] in {"people", "boats"}
                             and r["metric"] not in {"people_other", "count_other"}), None)
                if main is not None:  # "up from 28,526 in 2021": the same measure, another period
                    metric, unit = main["metric"], main["unit"]
            if period is None and fig.percent and base is not None:
                period = base["_period"]
                change_of = base["metric"]
                marker = next((c for c in compares if c.span[0] >= fig.end), None) or _nearest(compares, fig)
                if marker is not None and period is not None:
                    compare = compare_period(period, marker)
            if period is None:
                zero_run = fig.rule == "zero_phrase" and durations
                period = _nearest(durations, fig) if zero_run else _choose(text, mains, fig)
            if period is None and _family(metric) is not None and _family(metric) in carried:
                c = carried[_family(metric)]
                period = replace(c, rule="carried_from_context", text=c.text)
            if period is None:
                period = _nearest(mains, fig)
            if period is None:
                period = Period(published, published, "", "publication_date", (fig.start, fig.start))
            if period.start > period.end:  # never publish a period that runs backwards
                period = Period(published, published, "", "publication_date", (fig.start, fig.start))
            if qualifier == "passed" and period.rule in DAY_RULES:
                period = replace(period, start=dt.date(period.end.year, 1, 1), rule="threshold_to_day")
            exceeds = EXCEEDS_YEAR.match(text[fig.end:quote.end]) if not fig.percent else None
            if exceeds and compare is None:
                y = int(exceeds["y"])
                compare = Period(dt.date(y, 1, 1), dt.date(y, 12, 31), exceeds["phrase"],
                                 "whole_year", (fig.end + exceeds.start("y"), fig.end + exceeds.end("y")), "compare")
            row = {
                "quote": clause, "char_start": quote.start, "char_end": quote.end,
                "figure_text": fig.text, "figure_start": fig.start, "figure_end": fig.end,
                "metric": metric, "value": fig.value, "unit": unit, "qualifier": qualifier,
                "period_start": period.start, "period_end": period.end,
                "period_text": period.text or None, "period_rule": rule_note or period.rule,
                "compare_start": compare.start if compare else None,
                "compare_end": compare.end if compare else None,
                "compare_text": compare.text if compare else None,
                "change_of": change_of,
                "assertion": _assertion(text, fig, qualifier, period, quote),
                "place": _place(clause, fig.start - quote.start) if metric not in {"money", "percent_change", "percent_share"} else None,
                "extraction": fig.rule,
                "_period": period, "_compare": compare, "_after": text[fig.end:fig.end + 20],
                "_base": base, "_before": text[max(sent.start, fig.start - 40):fig.start],
            }
            _same_figure(row, rows + sentence_rows)
            sentence_rows.append(row)
        for r in sentence_rows:
            fam = _family(r["metric"])
            if r["_period"].rule in DAY_RULES | {"carried_from_context"}:
                carried[fam] = r["_period"]
        anchor = new_anchor
        rows.extend(sentence_rows)
    _headline(text, rows)
    for r in rows:
        for key in ("_period", "_compare", "_after", "_base", "_before"):
            r.pop(key)
    return rows


def _headline(text: str, rows: list[dict]) -> None:
    """A headline ("... as 728 arrive") states a figure the body then dates: take the body's
    reading of the same figure. The headline is a first line with no full stop, before a blank line."""
    first = re.match(r"\s*([^\n.!?]{5,160})\n\s*\n", text)
    if not first:
        return
    end = first.end(1)
    body = [r for r in rows if r["figure_start"] >= end]
    for r in rows:
        if r["figure_start"] >= end or r["period_rule"] not in {"publication_date", "carried_from_context"}:
            continue
        twin = next((b for b in body if b["value"] == r["value"] and b["unit"] == r["unit"]), None)
        if twin is not None:
            r.update(metric=twin["metric"], period_start=twin["period_start"], period_end=twin["period_end"],
                     period_text=twin["period_text"], period_rule="same_figure",
                     extraction=r["extraction"] + "+headline")


FAMILIES = {"crossing": {"people_arrived", "boats_arrived", "boats_departed", "people_rescued",
                         "people_attempted", "people_prevented", "people_intercepted",
                         "boats_prevented", "people_died", "people_on_one_boat", "people_other"},
            "money": {"money"}, "returns": {"people_returned", "people_detained"}}


def _family(metric: str) -> str | None:
    return next((k for k, v in FAMILIES.items() if metric in v), None)


def _choose(text: str, mains: list[Period], fig: Figure) -> Period | None:
    """The nearest period in the figure's own clause, preferring one that follows it ("972
    arriving on Sunday", "over 5,500 have arrived since August") to one before it ("Since 2018,
    85,000"). None when the sentence's periods belong to other clauses ("755 arrived, taking the
    total for the year to 16,542"): the caller then looks to the context."""
    def same_clause(p: Period) -> bool:
        a, b = (fig.end, p.span[0]) if p.span[0] >= fig.end else (p.span[1], fig.start)
        return not PERIOD_CUT.search(text, a, b)
    own = [p for p in mains if same_clause(p)]
    after = [p for p in own if p.span[0] >= fig.end and p.span[0] - fig.end <= 100]
    return _nearest(after, fig) or _nearest(own, fig)


def _unit(metric: str) -> str:
    return "boats" if metric.startswith("boats") else "people"


def _percent_base(sentence_rows: list[dict], rows: list[dict]) -> dict | None:
    """What a percentage changes: the latest count before it in the sentence, the base of an
    earlier percentage in the sentence ("15% higher ... and 16% up on 2023"), else the last
    count of the previous sentence ("This is 15% higher ...")."""
    for r in reversed(sentence_rows):
        if r["unit"] == "percent" and r.get("_base") is not None:
            return r["_base"]
        if r["unit"] != "percent" and r["period_rule"] != "compare_value":
            return r
    if not sentence_rows and rows and rows[-1]["unit"] != "percent":
        return rows[-1]
    return None


def _compare_value(text: str, fig: Figure, compares: list[Period], floor: int) -> Period | None:
    """The figure for the compared period: "the same period in 2024 (2,983)", "the same period
    last year, when 15,826 ...", "compared with 3,824 in the same month last year"."""
    for c in compares:
        between = text[c.span[1]:fig.start]
        if 0 <= fig.start - c.span[1] <= 12 and re.fullmatch(r"\s*(?:\(|,?\s*when\s+|,\s*)", between):
            return c
        after = text[fig.end:c.span[0]]
        before = text[max(floor, fig.start - 20):fig.start]
        if 0 <= c.span[0] - fig.end <= 12 and re.fullmatch(r"[\s\w]{0,12}", after) and \
                COMPARE_CONNECTOR.search(before):
            return c
    return None


def _assertion(text: str, fig: Figure, qualifier: str, period: Period, quote: Span) -> str | None:
    if qualifier == "passed":
        return "threshold"
    if EXCEEDS_YEAR.match(text[fig.end:quote.end]) and not fig.percent:
        return "exceeds_period"
    if fig.rule == "zero_phrase":
        return "zero_run"
    after = text[fig.end:quote.end][:120]
    if RECORD_HIGH.search(after) and not re.match(r"[\s-]+(?:small[- ])?boats?\b", after):
        return "record_high"
    if RECORD_PERIOD.search(after):
        return "record_period"
    return None


def _place(clause: str, rel: int) -> str | None:
    hits = list(PLACES.finditer(clause))
    if not hits:
        return None
    best = min(hits, key=lambda m: abs(m.start() - rel))
    return re.sub(r"\s+", " ", best.group(0))


def _same_figure(row: dict, earlier: list[dict]) -> None:
    """"The 1,000 figure": an unclassified repeat of an earlier figure takes that figure's meaning."""
    if row["metric"] not in {"people_other", "count_other"}:
        return
    if re.search(r"\b(?:total|tally|figure|number)\b[^.]{0,25}$", row["_before"]):
        # "brings the total for 2025 to 8,888": a running total of what the article counts
        for r in reversed(earlier):
            if r["unit"] in ({row["unit"]} if row["unit"] != "count" else {"people", "boats"}) \
                    and r["metric"] in SERIES_METRICS:
                row.update(metric=r["metric"], unit=r["unit"], extraction=row["extraction"] + "+running_total")
                return
    if not re.match(r"\s+(?:figure|total|number|estimate|mark)\b", row["_after"]):
        return
    for r in reversed(earlier):
        if r["value"] == row["value"] and r["unit"] not in {"percent", "GBP", "EUR", "USD"}:
            # the same figure again ("The 1,000 figure"): same meaning, same hedge
            row.update(metric=r["metric"], unit=r["unit"], qualifier=r["qualifier"],
                       extraction=row["extraction"] + "+same_figure")
            if row["period_rule"] in {"publication_date", "carried_from_context"}:
                row.update(period_start=r["period_start"], period_end=r["period_end"],
                           period_text=r["period_text"], period_rule="same_figure",
                           _period=r["_period"])
            return
