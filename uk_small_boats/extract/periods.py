"""Resolve the dates a figure covers from the words that set them, against the publication date.

Each rule is named (the name is published in claims.period_rule). Dates are periods, not points:
"this year" is 1 January to the latest day the article reports, "on Tuesday" the most recent
Tuesday on or before publication, "the same period last year" the main period shifted a year back.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass, replace

from text_to_num import text2num

from .numbers import MONTHS

MONTH_NUM = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
MONTH_NUM.update({name.lower(): i for i, name in enumerate(calendar.month_abbr) if name})
MONTH_NUM["sept"] = 9
WEEKDAYS = {d.lower(): i for i, d in enumerate(calendar.day_name)}

# Named starting points that UK crossing reports use with "since".
EVENTS = [
    (r"labour\b[^.]{0,40}?\b(?:took|came (?:in)?to|taking|coming to|won|entered|into)\s+(?:office|power|government)"
     r"|labour\b[^.]{0,20}?\bwon the (?:general )?election|the (?:last )?general election", dt.date(2024, 7, 5)),
    (r"records began|(?:the )?first (?:small[- ]boat )?crossings|records? (?:started|were first kept)"
     r"|(?:figures|data) (?:began|started)", dt.date(2018, 1, 1)),
]

YEAR = r"(?:19|20)\d{2}"
_NUM = r"(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a)"


@dataclass(frozen=True)
class Period:
    start: dt.date
    end: dt.date
    text: str
    rule: str
    span: tuple[int, int]
    kind: str = "main"  # main | compare | since | duration


def shift_years(d: dt.date, years: int) -> dt.date:
    try:
        return d.replace(year=d.year + years)
    except ValueError:  # 29 February
        return d.replace(year=d.year + years, day=28)


def _day(day: int, month: int, year: int | None, pub: dt.date) -> dt.date | None:
    y = year or pub.year
    try:
        d = dt.date(y, month, day)
    except ValueError:
        return None
    if year is None and d > pub:
        d = shift_years(d, -1)
    return d


def _month_span(month: int, year: int | None, pub: dt.date, anchor: dt.date) -> tuple[dt.date, dt.date]:
    y = year or (pub.year if month <= pub.month else pub.year - 1)
    start = dt.date(y, month, 1)
    end = dt.date(y, month, calendar.monthrange(y, month)[1])
    return start, min(end, anchor) if start <= anchor <= end else end


def _count(word: str) -> int:
    if word.isdigit():
        return int(word)
    return 1 if word.lower() == "a" else text2num(word.lower(), "en")


RULES: list[tuple[str, re.Pattern, str]] = []


def rule(name: str, pattern: str, kind: str = "main"):
    RULES.append((name, re.compile(pattern, re.I), kind))


# Order matters: earlier rules claim their span first.
rule("same_period_compare",
     rf"\b(?:(?:on|than|with|from|over|against)\s+)?(?:at\s+|by\s+)?(?:the\s+same|this)\s+(?:period|time|point|stage|date|months?|weeks?|days?)"
     rf"(?:\s+in\s+the\s+year)?"
     rf"\s+(?:last\s+year|a\s+year\s+(?:earlier|ago|before)|in\s+the\s+previous\s+year|(?:in|of)\s+(?P<y>{YEAR}))", "compare")
rule("year_compare", rf"\b(?:(?:up|down|higher|lower|more|fewer|rise|increase|fall|drop|jump)\s+)?"
                     rf"(?:on|than|with|compared\s+(?:with|to)|against)\s+(?:(?P<y>{YEAR})|last\s+year)\b(?!\s*[-–]\s*\d)", "compare")
rule("range", rf"\b(?:between\s+|from\s+)?(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?\s*(?P<m1>{MONTHS})?\s*(?:-|–|to|and|until)\s*"
              rf"(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<m2>{MONTHS})\b(?:\s+(?P<y>{YEAR}))?")
rule("range", rf"\b(?:between\s+|from\s+)?(?P<m1>{MONTHS})\s+(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?\s*(?:-|–|to|and|until)\s*"
              rf"(?:(?P<m2>{MONTHS})\s+)?(?P<d2>\d{{1,2}})\b(?:,?\s+(?P<y>{YEAR}))?")
rule("first_months", rf"\b(?:in\s+)?the\s+first\s+(?P<n>{_NUM}|half|quarter)\s*(?:months?)?\s+(?:of\s+)?(?:(?P<y>{YEAR})|the\s+year|this\s+year)")
rule("since", rf"\bsince\s+(?P<what>[^.;,–—]{{0,70}}?)(?=\s+(?:but|and|as|while|although|when|which|after|before)\b|[.;,–—]|$)")
rule("duration_before", rf"\bfor\s+(?:a|one|the\s+(?:previous|past)|(?P<n>{_NUM}))\s+(?P<u>days?|weeks?)\b(?:\s+(?:before|prior|until))?")
rule("past_duration", rf"\b(?:in|over|during)\s+the\s+(?:past|last|previous)\s+(?:(?P<n>{_NUM})\s+)?(?P<u>days?|weeks?|months?)")
rule("over_years", rf"\bover\s+(?P<n>{_NUM})\s+years\b")
rule("day", rf"\b(?:on\s+)?(?:(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),?\s+)?(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<m>{MONTHS})\b(?:,?\s+(?P<y>{YEAR}))?")
rule("day", rf"\b(?:on\s+)?(?:(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),?\s+)?(?P<m>{MONTHS})\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+(?P<y>{YEAR}))?")
rule("weekday_pair", r"\b(?:on\s+)?(?P<w1>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\s+(?:or|and|to)\s+(?P<w2>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b")
rule("month_edge", rf"\b(?:at|by|until|to|in)\s+the\s+(?P<edge>end|start|beginning)\s+of\s+(?P<m>{MONTHS})\b(?:\s+(?P<y>{YEAR}))?")
rule("financial_year", rf"\b(?P<w>this|last|the\s+current|the\s+previous|the\s+last)\s+financial\s+year\b|\b(?:in|for|during)\s+(?P<y1>{YEAR})[-/](?P<y2>\d{{2}})\b")
rule("weekday", r"\b(?:(?P<fut>will|expected\s+to\s+be\s+\w+|due\s+to\s+be\s+\w+|next)\s+(?:\w+\s+){0,3})?(?:(?:earlier\s+|late\s+|early\s+)?on\s+|last\s+|this\s+)?(?P<w>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?:\s+(?:morning|afternoon|evening|night))?")
rule("relative_day", r"\b(?P<r>yesterday|today|tonight|overnight|last\s+night|this\s+morning|earlier\s+today)\b")
rule("current", r"\b(?:currently|at\s+present|right\s+now|as\s+of\s+(?:now|today))\b")
rule("week", r"\b(?P<w>last|this|the\s+past|the\s+previous)\s+week\b(?!\s+before)")
rule("month", rf"\b(?:in|during|for|of|throughout)\s+(?P<m>{MONTHS})\b(?:\s+(?P<y>{YEAR}))?(?!\s+\d)")
rule("month_relative", r"\b(?P<w>last|this|the\s+previous|the\s+past)\s+month\b")
rule("month_bare", r"(?<![\d\s]\s)(?<!\d)\b(?P<m>January|February|March|April|June|July|August|September|October|November|December)\b(?!\s+\d)")
rule("weekend", r"\b(?:over|at|during|across)?\s*(?:the|this|last)\s+weekend\b")
rule("year_to_date", rf"\b(?:so\s+far\s+this\s+year|(?:the\s+)?total\s+for\s+the\s+year|this\s+year'?s\s+total|this\s+year(?:\s+so\s+far)?|the\s+year\s+so\s+far|year[- ]to[- ]date|"
                     rf"yearly\s+total|annual\s+total|for\s+this\s+point\s+in\s+the\s+year|"
                     rf"(?:for|of|in|during|throughout|the\s+whole\s+of)\s+(?P<y>{YEAR}))\b")
rule("last_year", r"\blast\s+year\b")


def _resolve(name: str, m: re.Match, pub: dt.date, anchor: dt.date) -> tuple[dt.date, dt.date] | str | None:
    """Dates for one match; a string result is a compare-year marker ("-1" or "2024")."""
    g = m.groupdict()
    if name == "same_period_compare" or name == "year_compare":
        return g.get("y") or "-1"
    if name == "range":
        y = int(g["y"]) if g.get("y") else None
        m2 = MONTH_NUM[(g.get("m2") or g.get("m1")).lower()]
        m1 = MONTH_NUM[g["m1"].lower()] if g.get("m1") else m2
        end = _day(int(g["d2"]), m2, y, pub)
        if end is None:
            return None
        start = _day(int(g["d1"]), m1, end.year, pub)
        return (start, end) if start and start <= end else None
    if name == "first_months":
        y = int(g["y"]) if g.get("y") else pub.year
        n = {"half": 6, "quarter": 3}.get(g["n"].lower()) or _count(g["n"])
        if not 1 <= n <= 12:
            return None
        end = dt.date(y, n, calendar.monthrange(y, n)[1])
        return dt.date(y, 1, 1), min(end, anchor) if y == anchor.year else end
    if name == "since":
        # A stock "since X" runs to the day of writing; a data total would use the anchor.
        what, anchor = g["what"], pub
        for pat, day in EVENTS:
            if re.search(pat, what, re.I):
                return day, anchor
        if re.match(r"the\s+(?:start|beginning)\s+of\s+(?:the|this)\s+month", what, re.I):
            return pub.replace(day=1), anchor
        if re.match(r"the\s+(?:start|beginning)\s+of\s+(?:the|this)\s+week", what, re.I):
            return pub - dt.timedelta(days=pub.weekday()), anchor
        sm = re.search(rf"(?:start|beginning)\s+of\s+(?P<m>{MONTHS})|\bin\s+(?P<m2>{MONTHS})\b|^(?P<m3>{MONTHS})\b", what, re.I)
        if sm:
            month = MONTH_NUM[(sm["m"] or sm["m2"] or sm["m3"]).lower()]
            return _month_span(month, None, pub, anchor)[0], anchor
        ym = re.match(rf"(?:the\s+start\s+of\s+)?(?P<y>{YEAR})\b", what)
        if ym:
            return dt.date(int(ym["y"]), 1, 1), anchor
        if re.match(r"the\s+(?:start|beginning)\s+of\s+(?:the|this)\s+year|january\b", what, re.I):
            return dt.date(anchor.year, 1, 1), anchor
        return None
    if name == "duration_before":
        n = _count(g["n"]) if g.get("n") else 1
        days = n * (7 if g["u"].lower().startswith("week") else 1)
        return anchor - dt.timedelta(days=days), anchor - dt.timedelta(days=1)
    if name == "past_duration":
        n = _count(g["n"]) if g.get("n") else 1
        u = g["u"].lower()
        days = n * (7 if u.startswith("week") else 30 if u.startswith("month") else 1)
        return anchor - dt.timedelta(days=days - 1), anchor
    if name == "over_years":
        return str(_count(g["n"]))
    if name == "day":
        d = _day(int(g["d"]), MONTH_NUM[g["m"].lower()], int(g["y"]) if g.get("y") else None, pub)
        return (d, d) if d else None
    if name == "weekday_pair":
        d = [pub - dt.timedelta(days=(pub.weekday() - WEEKDAYS[g[k].lower()]) % 7) for k in ("w1", "w2")]
        return (min(d), max(d))
    if name == "month_edge":
        first, last = _month_span(MONTH_NUM[g["m"].lower()], int(g["y"]) if g.get("y") else None, pub, pub)
        last = dt.date(first.year, first.month, calendar.monthrange(first.year, first.month)[1])
        d = last if g["edge"].lower() == "end" else first
        return d, d
    if name == "financial_year":
        if g.get("y1"):
            start = dt.date(int(g["y1"]), 4, 1)
            end = dt.date(start.year + 1, 3, 31)
            return start, (pub if start <= pub <= end else end)  # a future year stays whole
        fy_start = dt.date(pub.year if pub.month >= 4 else pub.year - 1, 4, 1)
        if g["w"].lower() in {"this", "the current"}:
            return fy_start, pub
        return shift_years(fy_start, -1), fy_start - dt.timedelta(days=1)
    if name == "month_bare":
        return _month_span(MONTH_NUM[g["m"].lower()], None, pub, anchor)
    if name == "weekday":
        if g.get("fut"):
            return None
        delta = (pub.weekday() - WEEKDAYS[g["w"].lower()]) % 7
        if m.group(0).lower().startswith("last") and delta == 0:
            delta = 7
        d = pub - dt.timedelta(days=delta)
        return d, d
    if name == "relative_day":
        r = g["r"].lower()
        d = pub - dt.timedelta(days=1) if r in {"yesterday", "last night"} else pub
        return d, d
    if name == "weekend":
        sunday = pub - dt.timedelta(days=(pub.weekday() - 6) % 7)
        if m.group(0).strip().lower().startswith("last") and sunday == pub:
            sunday -= dt.timedelta(days=7)
        return sunday - dt.timedelta(days=1), sunday
    if name == "current":
        return pub, pub
    if name == "week":
        monday = pub - dt.timedelta(days=pub.weekday())
        if g["w"].lower() == "this":
            return monday, pub
        if g["w"].lower() == "last":
            return monday - dt.timedelta(days=7), monday - dt.timedelta(days=1)
        return pub - dt.timedelta(days=6), pub
    if name == "month":
        return _month_span(MONTH_NUM[g["m"].lower()], int(g["y"]) if g.get("y") else None, pub, anchor)
    if name == "month_relative":
        first = pub.replace(day=1)
        if g["w"].lower() == "this":
            return first, pub
        prev_end = first - dt.timedelta(days=1)
        return prev_end.replace(day=1), prev_end
    if name == "year_to_date":
        y = int(g["y"]) if g.get("y") else pub.year
        if y > pub.year:
            return None
        if y == pub.year:
            end = anchor if anchor.year == y else pub
            return dt.date(y, 1, 1), end
        return dt.date(y, 1, 1), dt.date(y, 12, 31)
    if name == "last_year":
        return dt.date(pub.year - 1, 1, 1), dt.date(pub.year - 1, 12, 31)
    return None


def find_periods(text: str, start: int, end: int, pub: dt.date, anchor: dt.date,
                 only: frozenset[str] | None = None) -> list[Period]:
    """Every period expression in text[start:end], each span claimed by the first rule matching it
    (``only`` restricts the search to some rules, still in their order)."""
    taken: list[tuple[int, int]] = []
    found: list[Period] = []
    for name, pattern, kind in RULES:
        if only is not None and name not in only:
            continue
        for m in pattern.finditer(text, start, end):
            s, e = m.span()
            if any(a < e and s < b for a, b in taken):
                continue
            res = _resolve(name, m, pub, anchor)
            if res is None:
                continue
            taken.append((s, e))
            if isinstance(res, str):
                # compare markers and spans resolved later against the main period
                found.append(Period(pub, pub, m.group(0).strip(), name + ":" + res, (s, e),
                                    "compare" if kind == "compare" else "duration"))
            else:
                k = "since" if name == "since" else kind
                found.append(Period(res[0], res[1], m.group(0).strip(), name, (s, e), k))
    return sorted(found, key=lambda p: p.span)


def compare_period(main: Period, marker: Period) -> Period:
    """The main period moved to the year a comparison names ("the same period in 2024", "on 2023")."""
    target = marker.rule.split(":", 1)[1]
    years = -1 if target == "-1" else int(target) - main.end.year
    return replace(marker, start=shift_years(main.start, years), end=shift_years(main.end, years),
                   rule=marker.rule.split(":", 1)[0])


def over_years(marker: Period, base_year: int | None, pub: dt.date) -> Period:
    n = int(marker.rule.split(":", 1)[1])
    y = base_year or pub.year
    return replace(marker, start=dt.date(y, 1, 1), end=dt.date(y + n - 1, 12, 31), rule="over_years",
                   kind="main")


# What each period rule does, documented once (published on the methodology page).
RULE_DOCS = {
    "weekday": "'on Tuesday': the most recent such day on or before publication ('last Tuesday' the one before).",
    "weekday_pair": "'on Tuesday or Wednesday': both days.",
    "relative_day": "'yesterday', 'today', 'last night', 'overnight'.",
    "day": "An explicit date ('on 21 March', 'August 11'); without a year, the latest such date not after publication.",
    "range": "'between 1 January and 30 March', 'March 1-5'.",
    "month_edge": "'at the end of October', 'at the start of August': that single day.",
    "month": "'in January': the month (up to the latest reported day if it is the current month).",
    "month_bare": "A month named alone ('The busiest month was August').",
    "month_relative": "'last month', 'this month'.",
    "week": "'last week' (Monday-Sunday before), 'this week' (Monday to publication), 'the past week'.",
    "weekend": "'over the weekend': the most recent Saturday and Sunday on or before publication.",
    "year_to_date": "'this year', 'so far this year', 'the total for 2025': 1 January to the latest day the article reports; a past year ('in 2023') is the whole year.",
    "last_year": "'last year': the whole previous calendar year.",
    "financial_year": "'this financial year', 'in 2023-24': UK financial years from 1 April.",
    "first_months": "'in the first three months of 2022', 'the first half of the year'.",
    "since": "'since Labour took office' (5 July 2024), 'since 2018', 'since the start of August': from then to publication.",
    "duration_before": "'no crossings for a week before then': the days before the latest reported day.",
    "past_duration": "'in the past 12 days/weeks/months'.",
    "over_years": "Money 'over three years': from 1 January of the year the sentence names, for that many years.",
    "current": "'currently', 'at present': the publication date.",
    "same_period_compare": "'the same period last year', 'the same time in 2024': the main period moved to that year (compare_start/compare_end).",
    "year_compare": "'16% up on 2023', 'higher than 2024': the main period moved to that year.",
    "threshold_to_day": "'passed 5,000 on 21 March': the running total from 1 January to that day.",
    "whole_year": "'more than in the whole of 2024': the compared period is that whole year (assertion exceeds_period).",
    "compare_value": "A figure for the compared period ('the same period in 2024 (2,983)', 'compared with 3,824 in ...').",
    "carried_from_context": "No date in the sentence: the day the previous sentence spoke of (same kind of figure only).",
    "same_figure": "'The 1,000 figure': the earlier figure's meaning and dates.",
    "publication_date": "No date anywhere near the figure: the publication date.",
    "manual": "Set by hand in data/claim_overrides.yaml, with a reason.",
}
