"""What an article as a whole says about its dates: the data day and where its headline ends.

The *data day* is the last day the article's figures cover. Reports of Channel crossings are
written the day after the crossings they count ("412 people crossed yesterday, bringing the total so
far this year to ..."), so "so far this year" ends the day before publication unless the article
itself counts the publication day ("today", "this morning", "on Tuesday" when published on a
Tuesday). The day is read from the day-level dates of the sentences that state figures.
"""

from __future__ import annotations

import datetime as dt
import re
from itertools import islice

from .numbers import Figure
from .periods import CUT_LOOKAHEAD, PERIOD_CUT, Period, When, find_periods
from .text import Span

DAY_RULES = frozenset({"relative_day", "weekday", "day", "weekday_list", "as_of", "since_day"})
# dates whose last day can be the data day: days, and ranges of days ("from March 1-5")
DATA_DAY_RULES = DAY_RULES | {"range", "range_days", "weekend"}
RECENT_DAYS = 3  # a day-level date further back than this is a story's history, not its data day
# From 2022 official daily figures were published each morning for the day before (the Ministry of
# Defence from April 2022, the Home Office after it), and reports quote totals "so far this year" to
# that day; earlier reports mostly counted the day they were written (Home Office statements on the
# day's interceptions). Where the article names no day, its data day is read by this era. Measured
# on the four labelled corpora: exact periods 0.855/0.737/0.683/0.598 -> see README.
DAY_BEFORE_FROM = dt.date(2022, 1, 1)
NEAR_FIGURE = 80
HEADLINE = re.compile(r"\s*([^\n]{5,200}?)[ \t]*\n")


# "The last known official figure for 2019 goes up to July 22": the article says where its figures stop.
FIGURES_STOP = re.compile(r"\b(?:figures?|data|statistics)\b[^.;\n]{0,40}?\b(?:go(?:es)?|runs?|covers?)\s+(?=up\s+to\s)",
                          re.I)


STOPS_READ = 20  # an article says where its figures stop once or twice, not more


def stated_stop(text: str, pub: dt.date) -> dt.date | None:
    """The day an article says its official figures go up to, if it says so (before publication)."""
    for m in islice(FIGURES_STOP.finditer(text), STOPS_READ):  # bounded: a hostile text repeats it
        for p in find_periods(text, m.end(), min(len(text), m.end() + 40), When(pub, pub)):
            if p.rule == "as_of" and p.end is not None and p.end < pub:
                return p.end
    return None


def data_day(text: str, found: list[tuple[Span, list[Figure]]], pub: dt.date) -> dt.date:
    """The day the article says its figures go up to; else the latest day, at most ``RECENT_DAYS``
    before publication, that a clause stating a figure names; when none does, the day before
    publication from ``DAY_BEFORE_FROM`` (official figures come out the next morning), else the
    publication day (the report counts the day it was written)."""
    stop = stated_stop(text, pub)
    if stop is not None:
        return stop
    provisional = When(pub, pub - dt.timedelta(days=1))
    days: list[dt.date] = []
    excluded: list[dt.date] = []
    named_pub = False
    for s, figs in found:
        for p in find_periods(text, s.start, s.end, provisional):
            # a resolved period has both ends or neither (find_periods)
            if p.rule not in DATA_DAY_RULES or p.start is None or p.end is None or not \
                    pub - dt.timedelta(days=RECENT_DAYS) <= p.end <= pub:
                continue
            if p.kind == "excluded":  # "not including Sunday's arrivals": the data end the day before
                excluded.append(p.start - dt.timedelta(days=1))
            elif p.kind != "report" and any(_same_clause(text, f, p) for f in figs):
                days.append(p.end)
                named_pub |= p.end == pub and p.rule != "relative_day"  # "on Monday", not "today"
    if excluded:  # an explicit exclusion says where the running totals stop
        return min(excluded)
    days += _zero_days(text, pub)
    if pub >= DAY_BEFORE_FROM and pub in days and pub - dt.timedelta(days=1) in days and not named_pub:
        # official figures come out the next morning: yesterday's complete count named beside a
        # partial one "today" ("898 ... yesterday"; "brings 35 migrants into Dover, today") is
        # where the published totals stop
        days = [d for d in days if d < pub]
    if days:
        return max(days)
    return pub - dt.timedelta(days=1) if pub >= DAY_BEFORE_FROM else pub


# A day named as having had no crossings is a day the figures cover ("neither Saturday nor Monday saw any
# crossings", "no migrants were detected crossing on Monday").
ZERO_DAY = re.compile(r"\b(?:no|zero|nor|neither)\s+(?:\w+\s+){0,3}?(?:crossings?|arrivals|migrants|boats|people)\b"
                      r"|\bsaw\s+any\s+crossings\b", re.I)
ZERO_DAYS_READ = 5


def _zero_days(text: str, pub: dt.date) -> list[dt.date]:
    """Days before publication (at most ``RECENT_DAYS`` back) that a sentence says had no crossings."""
    out = []
    for m in islice(ZERO_DAY.finditer(text), ZERO_DAYS_READ):
        lo = max(text.rfind(".", 0, m.start()), text.rfind("\n", 0, m.start())) + 1
        hi = min((i for i in (text.find(".", m.end()), text.find("\n", m.end())) if i >= 0), default=len(text))
        for p in find_periods(text, lo, hi, When(pub, pub - dt.timedelta(days=1))):
            if p.rule in DAY_RULES and p.kind == "main" and p.end is not None \
                    and pub - dt.timedelta(days=RECENT_DAYS) <= p.end < pub:
                out.append(p.end)
    return out


# An aside between paired dashes or in brackets ("in 13 boats – an average of 82 per boat – on September
# 19"): neither its length nor its words part a figure from the date after it.
ASIDE = re.compile(r"\s[–—]\s[^–—.;]{1,100}?\s[–—]\s|\s\([^().;]{1,100}\)")


def aside_spans(text: str, a: int, b: int) -> list[tuple[int, int]]:
    """The asides in text[a:b]."""
    return [m.span() for m in ASIDE.finditer(text, a, b)] if b - a > 8 else []


def _same_clause(text: str, f: Figure, p: Period) -> bool:
    """Whether ``p`` stands within ``NEAR_FIGURE`` characters of ``f`` with no clause break between them,
    asides left out."""
    a, b = (f.end, p.span[0]) if p.span[0] >= f.end else (p.span[1], f.start)
    if b - a < 0:
        return False
    asides = aside_spans(text, a, b)
    if b - a - sum(e - s for s, e in asides) > NEAR_FIGURE:
        return False
    return not any(m.start() < b and not any(s <= m.start() < e for s, e in asides)
                   for m in PERIOD_CUT.finditer(text, a, b + CUT_LOOKAHEAD))


def is_day_level(p: Period) -> bool:
    """Whether ``p`` is a single day named by a day-level rule ("yesterday", "on Tuesday", "3 March")."""
    return p.rule in DAY_RULES and p.start == p.end


def headline_end(text: str) -> int:
    """Offset where the first line ends when it reads as a headline (no full stop at its end)."""
    m = HEADLINE.match(text)
    if not m or m.group(1).rstrip().endswith((".", "!", "?", ":")):
        return 0
    return m.end(1)
