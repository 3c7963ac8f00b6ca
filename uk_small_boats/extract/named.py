"""Named periods (governments, ministers, schemes, events) as a curated table, not rules with dates.

``data/named_periods.csv`` (schema ``schemas/named_periods.json``) lists each period with the words
texts use for it and where its dates come from. The extractor finds those words and lets the period
rules ("since ...", "under ...", "the first 150 days of ...") turn them into dates. When several rows
match the same words ("the election", "Braverman"), the one in force on the publication date wins.
"""

from __future__ import annotations

import csv
import datetime as dt
import re
from dataclasses import dataclass
from functools import cache

from ..paths import DATA


@dataclass(frozen=True)
class NamedPeriod:
    """One row of data/named_periods.csv: a named period, its dates and the words that name it."""
    period_id: str
    name: str
    kind: str
    start: dt.date
    end: dt.date | None  # None: still running
    pattern: re.Pattern[str]


@cache
def named_periods() -> tuple[NamedPeriod, ...]:
    """Load the named periods of data/named_periods.csv (once), each with its words compiled."""
    with open(DATA / "named_periods.csv", newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    return tuple(NamedPeriod(r["period_id"], r["name"], r["kind"], dt.date.fromisoformat(r["start"]),
                             dt.date.fromisoformat(r["end"]) if r["end"] else None,
                             re.compile(r"\b(?:" + r["pattern"] + r")", re.I)) for r in rows)


@cache
def _any_name() -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p.pattern.pattern})" for p in named_periods()), re.I)


def lookup(text: str, pub: dt.date) -> tuple[NamedPeriod, re.Match[str]] | None:
    """The named period whose words start ``text``; ties go to the one in force at ``pub``."""
    best: tuple[tuple[int, bool, dt.date], NamedPeriod, re.Match[str]] | None = None
    for p in named_periods():
        m = p.pattern.match(text)
        if not m or p.start > pub:
            continue
        current = p.end is None or p.end >= pub
        key = (m.end(), current, p.start)
        if best is None or key > best[0]:
            best = (key, p, m)
    return (best[1], best[2]) if best else None


def holder(kind: str, on: dt.date) -> NamedPeriod | None:
    """The period of ``kind`` ("prime_minister", "home_secretary") in force on ``on``: who "the Prime
    Minister" was then."""
    return next((p for p in named_periods() if p.kind == kind and p.start <= on and (p.end is None or on <= p.end)),
                None)


def find(text: str, start: int, end: int) -> list[re.Match[str]]:
    """Every place in text[start:end] where some named period's words stand."""
    return list(_any_name().finditer(text, start, end))
