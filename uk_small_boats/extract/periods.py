"""Period rules: the words that set the dates a figure covers, resolved against the publication date.

``RULES`` is a table a reader can scan: each row has a name (published in ``claims.period_rule``), a
pattern, a resolver, a kind and a line of documentation. Dates are periods, not points. Two dates
anchor every resolution: the publication date and the *data day*, the last day the article's
figures cover (the day before publication for a report of "yesterday's" crossings; see
``extract.context``). "So far this year" runs from 1 January to the data day.

Kinds: ``main`` (the figure's own dates), ``since`` (from a start to the data day), ``compare`` (a
marker such as "the same period last year", resolved against the head figure's dates), ``end`` ("as
of Sunday", "up to December 1": the end of another period), ``unresolved`` (the words set a period
the rules cannot date, such as "since the deal was announced").
"""

from __future__ import annotations

import bisect
import calendar
import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import cache, lru_cache

from text_to_num import text2num

from ..metadata.vocab import vocabulary
from . import named

MONTH_NUM = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
MONTH_NUM.update({name.lower(): i for i, name in enumerate(calendar.month_abbr) if name})
MONTH_NUM["sept"] = 9
WEEKDAYS = {d.lower(): i for i, d in enumerate(calendar.day_name)}
HOLIDAYS = {"christmas day": (12, 25), "christmas eve": (12, 24), "boxing day": (12, 26),
            "new year's eve": (12, 31), "new years eve": (12, 31), "new year's day": (1, 1),
            "new years day": (1, 1), "new year’s eve": (12, 31), "new year’s day": (1, 1)}

# Month and weekday names are matched case-sensitively ("May" the month, not "may" the verb).
MONTHS = (r"(?-i:January|February|March|April|May|June|July|August|September|October|November|"
          r"December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)")
WEEKDAY = r"(?-i:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
YEAR = r"(?:19|20)\d{2}"
NUM = (r"(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|"
       r"fifteen|twenty|thirty|forty|fifty|sixty|a|a\s+few)")
HINT_REACH = 150  # how far back in the sentence a year may set a date's year
ASIDE_OPEN, ASIDE_CLOSE = re.compile(r"\s[–—]\s|\("), re.compile(r"\s[–—]\s|\)")
NEW_YEAR_DAYS = 7  # in the first week of January, "the total for the year" is last year's
LAST_YEAR = (r"(?:last\s+year|the\s+previous\s+year|the\s+year\s+(?:before|prior)|"
             r"a\s+year\s+(?:earlier|ago|before|prior|previously))")


def date_atom(p: str) -> str:
    """A calendar day ("22 August", "August 22, 2022", "Christmas Day"), groups prefixed by ``p``."""
    return (rf"(?:(?P<{p}d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<{p}m>{MONTHS})\.?(?:,?\s+(?P<{p}y>{YEAR}))?"
            rf"|(?P<{p}M>{MONTHS})\.?\s+(?P<{p}D>\d{{1,2}})(?:st|nd|rd|th)?\b(?!,\d)(?:,?\s+(?P<{p}Y>{YEAR}))?"
            rf"|(?P<{p}h>(?-i:Christmas\s+[Dd]ay|Christmas\s+[Ee]ve|Boxing\s+[Dd]ay|New\s+Year[’']?s\s+(?:[Ee]ve|[Dd]ay)))"
            rf"(?:\s+(?P<{p}hy>{YEAR}))?)")


@dataclass(frozen=True)
class When:
    """What dates resolve against: publication date, data day, and a year the sentence speaks of."""
    pub: dt.date
    data_day: dt.date
    year: int | None = None


@dataclass(frozen=True)
class Period:
    """A period expression found in a sentence: its dates (both None when the words set none), its
    words, the rule that read them, where they stand and what kind of period they are."""
    start: dt.date | None
    end: dt.date | None
    text: str
    rule: str
    span: tuple[int, int]
    kind: str = "main"
    target: str | None = None  # compare markers: "-1" (a year back) or a year such as "2022"


Resolved = tuple[dt.date, dt.date] | str | None
Resolver = Callable[[re.Match[str], When], Resolved]


@dataclass(frozen=True)
class PeriodRule:
    """A row of ``RULES``: a period rule's name, its pattern, its resolver and the kind of period it sets."""
    name: str
    source: str  # the pattern, compiled when a sentence first has the rule's trigger words
    resolve: Resolver
    kind: str
    year_hint: bool  # a date without a year takes the year the sentence spoke of just before it

    @property
    def pattern(self) -> re.Pattern[str]:
        """The compiled pattern (compiling all fifty at import was a fifth of a one-article run)."""
        return _compiled(self.source)


@cache
def _compiled(source: str) -> re.Pattern[str]:
    return re.compile(source, re.I)


RULES: list[PeriodRule] = []


def rule(name: str, pattern: str, kind: str, year_hint: bool = False) -> Callable[[Resolver], Resolver]:
    """Register a rule; its resolver is the decorated function (match, When) -> dates. What the rule
    means is documented once, as the label of its name in schemas/fields.json (period_rule)."""
    def register(fn: Resolver) -> Resolver:
        RULES.append(PeriodRule(name, pattern, fn, kind, year_hint))
        return fn
    return register


# ---------------------------------------------------------------- helpers

def shift_years(d: dt.date, years: int) -> dt.date:
    """The same day ``years`` years later (earlier when negative); 29 February becomes the 28th."""
    try:
        return d.replace(year=d.year + years)
    except ValueError:  # 29 February
        return d.replace(year=d.year + years, day=28)


def _count(word: str) -> int:
    """A count in digits or words ("3", "three", "a", "a few": 3)."""
    w = word.lower().strip()
    if w.isdigit():
        return int(w)
    if w in {"a", "one"}:
        return 1
    if w == "a few":
        return 3
    return text2num(w, "en")


def parse_date(m: re.Match[str], p: str, w: When, year: int | None = None) -> dt.date | None:
    """The day a ``date_atom(p)`` matched; without a year, the latest such day not after publication
    (or in the year the sentence speaks of)."""
    g = m.groupdict()
    if g.get(p + "h"):
        month, day = HOLIDAYS[re.sub(r"\s+", " ", g[p + "h"].lower())]
        y = g.get(p + "hy")
    elif g.get(p + "m"):
        month, day, y = MONTH_NUM[g[p + "m"].lower()], int(g[p + "d"]), g.get(p + "y")
    elif g.get(p + "M"):
        month, day, y = MONTH_NUM[g[p + "M"].lower()], int(g[p + "D"]), g.get(p + "Y")
    else:
        return None
    yy = int(y) if y else (year or w.year)
    try:
        if yy:
            return dt.date(yy, month, day)
        d = dt.date(w.pub.year, month, day)
    except ValueError:
        return None
    return d if d <= w.pub else shift_years(d, -1)


def month_end(year: int, month: int) -> dt.date:
    """The last day of ``month`` in ``year``."""
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def _month(month: int, year: int | None, w: When) -> tuple[dt.date, dt.date]:
    """A calendar month, cut at the data day when it is the current one; without a year the latest
    such month that has begun."""
    y = year or w.year or (w.pub.year if month <= w.pub.month else w.pub.year - 1)
    first = dt.date(y, month, 1)
    last = month_end(y, month)
    return first, (min(last, w.data_day) if first <= w.data_day <= last else last)


def _year(y: int, w: When) -> tuple[dt.date, dt.date] | None:
    """Calendar year ``y``: the whole of it when it has ended, the current one to the data day, None for a
    year to come."""
    if y > w.pub.year:
        return None
    if y == w.pub.year:
        return dt.date(y, 1, 1), max(w.data_day, dt.date(y, 1, 1)) if w.data_day.year == y else w.pub
    return dt.date(y, 1, 1), dt.date(y, 12, 31)


def _weekday(name: str, pub: dt.date, last: bool = False) -> dt.date:
    """The latest day named ``name`` not after ``pub`` (``last``: before ``pub``)."""
    delta = (pub.weekday() - WEEKDAYS[name.lower()]) % 7
    if last and delta == 0:
        delta = 7
    return pub - dt.timedelta(days=delta)


def _ytd(w: When) -> tuple[dt.date, dt.date]:
    """The year to date: 1 January to the data day (the whole year the sentence spoke of, when another)."""
    y = w.year or w.pub.year
    if y != w.pub.year:
        return dt.date(y, 1, 1), dt.date(y, 12, 31)
    end = w.data_day if w.data_day.year == y else w.pub
    return dt.date(y, 1, 1), end


def _since(start: dt.date | None, w: When) -> Resolved:
    """From ``start`` to the data day; None when there is no start or it comes after the data day."""
    return (start, w.data_day) if start and start <= w.data_day else None


def _named_at(text: str, w: When) -> named.NamedPeriod | None:
    """The named period whose words start ``text`` (the one in force at publication on a tie), or that
    follow a title there ("Prime Minister Sunak's tenure", "Home Secretary Priti Patel")."""
    hit = named.lookup(text, w.pub)
    if hit is None:
        title = TITLE.match(text)
        hit = named.lookup(text[title.end():], w.pub) if title else None
    return hit[0] if hit else None


TITLE = re.compile(r"(?:the\s+)?(?:then[- ])?(?:Prime\s+Minister|PM|Home\s+Secretary|Chancellor|Labour\s+leader|"
                   r"Tory\s+leader|Conservative\s+leader)\s+", re.I)


# ---------------------------------------------------------------- the rules, most specific first

NAMED_TAIL = r"(?P<who>(?:the\s+)?[A-Z“\"'‘][^.;,:–—()]{1,60}?|Labour[^.;,:–—()]{0,50}?)"


@rule("named_nth_day", rf"\b(?:on\s+)?(?:the\s+)?(?P<n>\d+)(?:st|nd|rd|th)\s+day\s+(?:of|in|since)\s+{NAMED_TAIL}"
      rf"(?=\s*(?:[.;,:–—()]|$|\s(?:and|but|with|when|while)\b))"
      rf"|\b(?P<who2>(?:Mr|Mrs|Ms|Sir)\s+[A-Z][a-z]+|[A-Z][a-z]+\s+[A-Z][a-z]+)[’']s\s+(?P<n2>\d+)(?:st|nd|rd|th)\s+day\s+in\s+(?:office|power|post)",
      "main")
def _nth_day(m: re.Match[str], w: When) -> Resolved:
    """"the 100th day of the Labour government", "Keir Starmer's 150th day in office": the named period
    from its start to that day."""
    p = _named_at(m["who"] or m["who2"], w)
    if p is None:
        return None
    n = int(m["n"] or m["n2"])
    return p.start, p.start + dt.timedelta(days=n - 1)


@rule("named_first_days", rf"\b(?:in\s+|during\s+|over\s+)?the\s+(?P<fl>first|last|final)\s+(?P<n>{NUM})\s+(?P<u>days?|weeks?|months?)\s+(?:of|in|since)\s+{NAMED_TAIL}"
      rf"(?=\s*(?:[.;,:–—()]|$|\s(?:and|but|with|when|while|compared|than)\b))",
      "main")
def _first_days(m: re.Match[str], w: When) -> Resolved:
    """"the first 100 days of the Labour government", "in the first six months of Sir Keir Starmer's
    premiership": the named period's first days, weeks or months; "the last 80 days of Rishi Sunak's
    government": its last days or weeks (to the day it ended)."""
    p = _named_at(m["who"], w)
    if p is None:
        return None
    n, u = _count(m["n"]), m["u"].lower()
    if m["fl"].lower() != "first":
        if p.end is None or u.startswith("month"):
            return None
        return p.end - dt.timedelta(days=n * (7 if u.startswith("week") else 1) - 1), p.end
    if u.startswith("month"):
        end = shift_years(p.start, 0).replace(day=1)
        y, mo = divmod(p.start.month - 1 + n, 12)
        end = dt.date(p.start.year + y, mo + 1, min(p.start.day, calendar.monthrange(p.start.year + y, mo + 1)[1]))
        return p.start, end - dt.timedelta(days=1)
    return p.start, p.start + dt.timedelta(days=n * (7 if u.startswith("week") else 1) - 1)


@rule("named_during", r"\b(?:under|during|throughout|in)\s+(?P<who>(?:the\s+)?[A-Z“\"'‘][^.;,:–—()]{1,50}?)"
      r"(?:[’']s?\s+(?:premiership|government|tenure|time\s+(?:in|as)\s+\w+(?:\s+\w+)?|\d+\s+days\s+in\s+(?:power|office)))"
      r"|\b(?:under|during)\s+(?P<who2>(?:Sir\s+|Mr\s+|Mrs\s+|Ms\s+)?[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)\b"
      r"|\b(?P<who3>(?:Sir\s+|Mr\s+|Mrs\s+|Ms\s+)?[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)[’']s\s+(?:\d+\s+days\s+in\s+(?:power|office)|premiership|tenure)",
      "main")
def _during(m: re.Match[str], w: When) -> Resolved:
    """"under Sir Keir Starmer", "during Rishi Sunak's premiership", "Liz Truss's 49 days in office": a prime
    minister's, government's or home secretary's time in office, to its end or the data day."""
    p = _named_at(m["who"] or m["who2"] or m["who3"], w)
    if p is None or p.kind not in {"prime_minister", "government", "home_secretary"}:
        return None
    return _term(p, w)


def _term(p: named.NamedPeriod, w: When) -> Resolved:
    """A named term in office, to its end or the data day (none when it starts after the data day)."""
    end = p.end if p.end is not None and p.end < w.data_day else w.data_day
    return (p.start, end) if p.start <= end else None


# "The Prime Minister has seen 48,678 migrants arrive during his premiership": whose it is, named or by title,
# in the sentence before the words
OWN_TERM_LEAD = re.compile(r"\b(?P<title>(?i:the)\s+Prime\s+Minister|(?i:the)\s+PM|(?i:the)\s+Home\s+Secretary)\b|"
                           r"\b(?P<name>(?:Sir\s+|Mr\s+|Mrs\s+|Ms\s+)?[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)\b")
TITLE_KIND = {"prime minister": "prime_minister", "pm": "prime_minister", "home secretary": "home_secretary"}


@rule("named_own_term", r"\b(?:during|under|throughout|in)\s+(?:his|her)\s+(?:premiership|tenure|time\s+in\s+(?:office|power)"
      r"|(?:\d+|first\s+\w+)\s+(?:days|months)\s+in\s+(?:office|power))\b", "main")
def _own_term(m: re.Match[str], w: When) -> Resolved:
    """"during his premiership", "in her time in office": the term of the prime minister or home secretary the
    sentence named before it (by name, or by title: the holder at publication), to its end or the data day."""
    lead = m.string[max(0, m.start() - 150):m.start()]
    return _term_of(lead[lead.rfind(".") + 1:], w)


@rule("since_own_term", r"\b(?:since|after)\s+(?:he|she)\s+(?:came\s+to\s+power|took\s+(?:office|power)|"
      r"became\s+(?:Prime\s+Minister|PM|Home\s+Secretary))\b", "since")
def _since_own_term(m: re.Match[str], w: When) -> Resolved:
    """"It took just under five months for crossings to hit 20,000 after he came to power": from the start of
    the term of the prime minister or home secretary named last in the text before (this sentence or the
    ones just before), to the data day."""
    return _term_of(m.string[max(0, m.start() - 400):m.start()], w)


def _term_of(lead: str, w: When) -> Resolved:
    """The term of the prime minister or home secretary ``lead`` names last, to its end or the data day."""
    p = None
    for t in reversed(list(OWN_TERM_LEAD.finditer(lead))):
        if t["title"]:
            p = named.holder(TITLE_KIND[re.sub(r"\s+", " ", t["title"][4:]).lower()], w.pub)
        else:
            p = _named_at(t["name"], w)
            p = p if p is not None and p.kind in {"prime_minister", "home_secretary"} else None
        if p is not None:
            break
    return None if p is None else _term(p, w)


PEOPLE_KINDS = frozenset({"prime_minister", "home_secretary", "government"})
DATED_EVENT = re.compile(rf"\b(?:announced|unveiled|launched|signed|introduced|agreed)\b[^.;,]{{0,40}}?\bon\s+"
                         rf"(?:{date_atom('x')}|{WEEKDAY})", re.I)


# (the named words end before a verb of the main clause: "the largest number ... since the Labour
# Government took power was on August 11, when 703 ...")
@rule("since_named", r"\bsince\s+(?:the\s+(?:start|beginning)\s+of\s+)?(?P<what>(?:(?!\s(?:was|were|is|are|came|fell)\s(?!first\b|called\b|announced\b))[^.;:,–—()]){1,100})",
      "since")
def _since_named(m: re.Match[str], w: When) -> Resolved:
    """"since the Rwanda scheme", "since the start of the Labour government": from the start of the named
    period the words begin with (a scheme or event before a person) to the data day."""
    what = m["what"]
    lookups = [(k, named.lookup(what[k.start():], w.pub)) for k in named.find(what, 0, min(len(what), 100))]
    hits = [(k, h) for k, h in lookups if h is not None and k.start() <= 45]
    if not hits:
        return None
    # "since Priti Patel announced her plan to send asylum seekers to Rwanda": the scheme, not the minister
    things = [h for _, h in hits if h[0].kind not in PEOPLE_KINDS]
    p = (things or [h for _, h in hits])[0][0]
    if p.kind in PEOPLE_KINDS and DATED_EVENT.search(what):
        return None  # "since the minister announced the plan on April 14": since_event_dated reads the day
    return _since(p.start, w)


@rule("since_date", rf"\bsince\s+(?:(?:{WEEKDAY}),?\s+)?{date_atom('a')}",
      "since")
def _since_date(m: re.Match[str], w: When) -> Resolved:
    """"since 1 January", "since Monday, August 22, 2022": from that day to the data day."""
    return _since(parse_date(m, "a", w), w)


@rule("since_month", rf"\bsince\s+(?:the\s+(?:start|beginning|end)\s+of\s+)?(?:last\s+)?(?P<m>{MONTHS})(?:\s+(?P<y>{YEAR}))?\b(?!\s+\d)"
      rf"(?P<ly>\s+(?:of\s+)?last\s+year)?",
      "since")
def _since_month(m: re.Match[str], w: When) -> Resolved:
    """"since March", "since the end of June 2024", "since last January" (the latest that has ended),
    "since January last year"."""
    month = MONTH_NUM[m["m"].lower()]
    year = int(m["y"]) if m["y"] else w.pub.year - 1 if m["ly"] else None
    if year is None and re.search(r"\blast\s", m.group(0), re.I):
        year = w.pub.year if month < w.pub.month else w.pub.year - 1
    first, _ = _month(month, year, replace(w, year=None))
    if "end" in m.group(0).lower():
        first = month_end(first.year, first.month)
    return _since(first, w)


@rule("since_event_dated", rf"\bsince\s+[^.;,]{{0,90}}?\b(?:began|begun|started|signed|introduced|launched|agreed|"
      rf"came\s+into\s+(?:force|effect)|took\s+effect|took\s+office|came\s+to\s+power|became\s+law|"
      rf"(?:received|was\s+given|got)\s+Royal\s+Assent|announced|unveiled)(?:\s+[^.;,]{{0,40}}?)?\s+(?:on\s+{date_atom('a')}|"
      rf"on\s+(?P<wd>{WEEKDAY})|"
      rf"(?:in|at\s+the\s+(?:start|beginning)\s+of)\s+(?P<m>{MONTHS})(?:\s+(?P<y>{YEAR}))?\b|in\s+(?P<y2>{YEAR}))",
      "since")
def _since_event_dated(m: re.Match[str], w: When) -> Resolved:
    """"since the deal was signed on 10 July", "since the Act received Royal Assent on Thursday",
    "since the scheme started in March 2024", "since it came into force in 2023": from the day, month
    or year the event is dated to the data day."""
    if m["wd"]:  # "since the Act became law after receiving Royal Assent on Thursday"
        return _since(_weekday(m["wd"], w.pub, False), w)
    if m["m"]:
        first, _ = _month(MONTH_NUM[m["m"].lower()], int(m["y"]) if m["y"] else None, replace(w, year=None))
        return _since(first, w)
    if m["y2"]:
        return _since(dt.date(int(m["y2"]), 1, 1), w)
    return _since(parse_date(m, "a", w), w)


@rule("since_year", rf"\bsince\s+(?:the\s+(?:start|beginning)\s+of\s+)?(?P<y>{YEAR})\b",
      "since")
def _since_year(m: re.Match[str], w: When) -> Resolved:
    """"since 2018", "since the start of 2020": from 1 January of that year to the data day."""
    return _since(dt.date(int(m["y"]), 1, 1), w)


@rule("since_year_start", r"\bsince\s+the\s+(?:start|beginning|turn)\s+of\s+(?:the|this|(?P<last>last))\s+year\b"
      r"|\bsince\s+January\s+1(?:st)?\b", "since")
def _since_year_start(m: re.Match[str], w: When) -> Resolved:
    """"since the start of the year", "since the turn of this year", "since January 1": the year to date;
    "since the start of last year": from 1 January of last year to the data day."""
    if m["last"]:
        return dt.date(w.data_day.year - 1, 1, 1), w.data_day
    return _ytd(replace(w, year=None))


@rule("since_day", rf"\bsince\s+(?:(?P<r>yesterday|last\s+night|this\s+morning)|(?:last\s+)?(?P<wd>{WEEKDAY}))(?:\s+(?:morning|afternoon|evening|night))?",
      "since")
def _since_day(m: re.Match[str], w: When) -> Resolved:
    """"since yesterday", "since this morning", "since last Tuesday": from that day to the data day (to
    publication for "yesterday", "last night" and "this morning")."""
    if m["r"]:
        start = w.pub - dt.timedelta(days=0 if m["r"].lower() == "this morning" else 1)
    else:
        start = _weekday(m["wd"], w.pub, "last" in m.group(0).lower())
    return start, max(start, w.data_day, w.pub if m["r"] else w.data_day)


@rule("since_unknown", r"\bsince\s+(?:the|his|her|its|their|it|this|that|a)\s+(?P<what>[a-z][^.;:,–—()]{2,60})|\bsince\s+then\b",
      "unresolved")
def _since_unknown(m: re.Match[str], w: When) -> Resolved:
    """"since the deal was announced", "since their arrival", "since then": a start the rules cannot date
    (unresolved; the article steps may find what it refers to)."""
    return "unresolved"


@rule("range", rf"(?:\b(?:between|from)\s+(?:the\s+day\s+[^.;,]{{0,60}}?\s+on\s+)?(?:{WEEKDAY},?\s+)?{date_atom('a')},?\s*"
      rf"(?:and|to|until|-|–)\s*(?:(?:{WEEKDAY},?\s+)?{date_atom('b')}|(?P<wd>{WEEKDAY})\b)"
      rf"|\b{date_atom('c')}\s*(?:-|–|to)\s*{date_atom('e')}"
      # "from the beginning of this year to the general election on July 4"
      rf"|\b(?:between|from)\s+the\s+(?P<ys>beginning|start)\s+of\s+(?:this|the)\s+year\s+(?:and|to|until)\s+"
      rf"(?:the\s+[^.;,\d]{{0,40}}?\s+on\s+)?{date_atom('s')})"
      # "from January 1 to June 14 in 2020": the year after both days
      rf"(?:,?\s+in\s+(?P<ry>{YEAR}))?",
      "main", year_hint=True)
def _range(m: re.Match[str], w: When) -> Resolved:
    """"between 1 January and 11 August", "from Jan 1 to July 1", "between Jan 1 and Monday", "from the
    start of this year to July 4", "from January 1 to June 14 in 2020"."""
    if m["ry"]:
        w = replace(w, year=int(m["ry"]))
    if m["ys"]:
        end = parse_date(m, "s", w)
        return (dt.date(end.year, 1, 1), end) if end else None
    pa, pb = ("a", "b") if m["ad"] or m["aM"] or m["ah"] else ("c", "e")
    end = _weekday(m["wd"], w.pub) if m["wd"] else parse_date(m, pb, w)
    if end is None:
        return None
    start = parse_date(m, pa, w, year=end.year)
    return (start, end) if start and start <= end else None


@rule("range_days", rf"\b(?:between|from)\s+(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?\s*(?:and|to|-|–)\s*(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<m>{MONTHS})(?:\s+(?P<y>{YEAR}))?"
      rf"|\b(?P<m2>{MONTHS})\s+(?P<d3>\d{{1,2}})\s*(?:-|–|to)\s*(?P<d4>\d{{1,2}})\b(?:,?\s+(?P<y2>{YEAR}))?"
      rf"|\bbetween\s+(?P<m3>{MONTHS})\s+(?P<d5>\d{{1,2}})(?:st|nd|rd|th)?\s+and\s+(?P<d6>\d{{1,2}})(?:st|nd|rd|th)?\b(?!\s*(?:,\d|\d|{MONTHS}))"
      rf"(?:,?\s+(?P<y3>{YEAR}))?",
      "main")
def _range_days(m: re.Match[str], w: When) -> Resolved:
    """"between 1 and 5 March", "from 10 to 12 June 2024", "August 3-5", "between June 10 and 18": those
    days of that month."""
    month = MONTH_NUM[(m["m"] or m["m2"] or m["m3"]).lower()]
    y = m["y"] or m["y2"] or m["y3"]
    first, _ = _month(month, int(y) if y else None, w)
    try:
        a = first.replace(day=int(m["d1"] or m["d3"] or m["d5"]))
        b = first.replace(day=int(m["d2"] or m["d4"] or m["d6"]))
    except ValueError:
        return None
    return (a, b) if a <= b else None


@rule("range_to_year_end", r"\bbetween\s+(?P<what>the\s+[^.;,:–—()]{3,60}?)\s+and\s+(?:the\s+)?(?:year[’']s\s+end|"
      r"end\s+of\s+(?:the\s+)?year)\b", "main")
def _range_to_year_end(m: re.Match[str], w: When) -> Resolved:
    """"23.2K crossed between the election and year's end": from the start of the named period to 31 December
    of its year (the data day while that year runs)."""
    hit = named.lookup(m["what"], w.pub)
    if hit is None or not hit[1].group(0).strip() == m["what"].strip():
        return None
    start = hit[0].start
    end = dt.date(start.year, 12, 31)
    return start, min(end, w.data_day) if start <= w.data_day else end


@rule("range_months", rf"\b(?:between|from)\s+(?P<m1>{MONTHS})(?:\s+(?P<y1>{YEAR}))?\s+(?:and|to|until)\s+(?P<m2>{MONTHS})"
      rf"(?:\s+(?:in\s+|of\s+)?(?P<y2>{YEAR}))?(?P<ly>\s+{LAST_YEAR})?(?P<ty>\s+this\s+year)?",
      "main")
def _range_months(m: re.Match[str], w: When) -> Resolved:
    """"between January and March", "from May 2023 to April 2024", "from June to August last year",
    "between January and June this year", "between January and June in 2022": from the first day of the
    first month to the end of the second (cut at the data day)."""
    y2 = int(m["y2"]) if m["y2"] else (w.pub.year - 1 if m["ly"] else w.pub.year if m["ty"] else None)
    end_first, end = _month(MONTH_NUM[m["m2"].lower()], y2, replace(w, year=None) if y2 is None else w)
    y1 = int(m["y1"]) if m["y1"] else end.year
    start = dt.date(y1, MONTH_NUM[m["m1"].lower()], 1)
    return (start, end) if start <= end else None


@rule("month_pair", rf"\b(?:in|for|during|across|over)\s+(?P<m1>{MONTHS})\s+and\s+(?P<m2>{MONTHS})(?:\s+combined)?(?:\s+(?:in\s+|of\s+)?(?P<y>{YEAR}))?",
      "main")
def _month_pair(m: re.Match[str], w: When) -> Resolved:
    """"in July and August", "for March and April combined", "during May and June 2024": from the first
    day of the first month to the end of the second (cut at the data day)."""
    y = int(m["y"]) if m["y"] else None
    first, _ = _month(MONTH_NUM[m["m1"].lower()], y, w)
    _, last = _month(MONTH_NUM[m["m2"].lower()], y or first.year, w)
    return (first, last) if first <= last else None


@rule("year_ending", rf"\b(?:in\s+)?the\s+(?:year|12\s+months|twelve\s+months)\s+(?:ending|ended|to|up\s+to)\s+(?:the\s+end\s+of\s+)?(?P<m>{MONTHS})\s+(?P<y>{YEAR})"
      rf"|\b(?:in\s+)?the\s+(?P<n>three|six|nine|3|6|9)\s+months\s+(?:ending|ended|to|up\s+to)\s+(?:the\s+end\s+of\s+)?(?P<m2>{MONTHS})"
      rf"(?:\s+(?P<y2>{YEAR}))?",
      "main")
def _year_ending(m: re.Match[str], w: When) -> Resolved:
    """"the year ending June 2024", "the 12 months to the end of March 2023": the twelve months to the end
    of that month; "the six months to the end of June": the six (without a year, the latest such June)."""
    if m["n"]:
        n = {"three": 3, "six": 6, "nine": 9}.get(m["n"].lower()) or int(m["n"])
        mo = MONTH_NUM[m["m2"].lower()]
        y = int(m["y2"]) if m["y2"] else (w.pub.year if mo <= w.pub.month else w.pub.year - 1)
        first = (y * 12 + mo - 1) - (n - 1)  # months since year 0 of the first month
        return dt.date(first // 12, first % 12 + 1, 1), month_end(y, mo)
    y, mo = int(m["y"]), MONTH_NUM[m["m"].lower()]
    end = month_end(y, mo)
    return end - dt.timedelta(days=end.toordinal() - shift_years(end, -1).toordinal() - 1), end


@rule("first_days_of_month", rf"\b(?:in\s+|during\s+|over\s+)?the\s+first\s+(?P<n>{NUM})\s+(?P<u>days|weeks)\s+of\s+"
      rf"(?:(?P<m>{MONTHS})\b(?:\s+(?P<y>{YEAR}))?|(?:the|this)\s+month\b)", "main", year_hint=True)
def _first_days_of_month(m: re.Match[str], w: When) -> Resolved:
    """"in the first five days of March" (or "of the month", the data day's): 1 to 5 March (cut at the
    data day)."""
    if m["m"] is None:
        first = w.data_day.replace(day=1)
        last = month_end(first.year, first.month)
    else:
        first, last = _month(MONTH_NUM[m["m"].lower()], int(m["y"]) if m["y"] else None, w)
    n = _count(m["n"]) * (7 if m["u"].lower().startswith("week") else 1)
    end = first + dt.timedelta(days=n - 1)
    return (first, min(end, last)) if n >= 1 else None


@rule("first_months", rf"\b(?:in\s+|during\s+|over\s+)?the\s+first\s+(?P<n>{NUM}|half|quarter)\s*(?P<u>months?|weeks?|days?)?\s+(?:of\s+)?(?:(?P<y>{YEAR})|the\s+year|this\s+year)"
      rf"|\b(?:in\s+|during\s+|over\s+)?(?:the\s+)?first\s+(?P<n2>half|quarter|month)\s+of\s+(?:(?P<y2>{YEAR})|the\s+year|this\s+year)",
      "main", year_hint=True)
def _first_months(m: re.Match[str], w: When) -> Resolved:
    """"the first six months of 2024"; "of the year" is the year the sentence spoke of ("the same period
    last year, when 3,793 arrived in the first quarter of the year"), "of this year" the current one."""
    this = re.search(r"\bthis\s+year", m.group(0), re.I)
    given = m["y"] or m["y2"]
    y = int(given) if given else w.pub.year if this else (w.year or w.pub.year)
    n_word = (m["n"] or m["n2"] or "one").lower()
    if n_word == "month":  # "the first month of 2022": January
        return _month(1, y, w)
    unit = (m["u"] or "months").lower()
    start = dt.date(y, 1, 1)
    if n_word in {"half", "quarter"}:
        end = dt.date(y, 6 if n_word == "half" else 3, 30 if n_word == "half" else 31)
    elif unit.startswith("month"):
        n = _count(n_word)
        if not 1 <= n <= 12:
            return None
        end = month_end(y, n)
    else:
        end = start + dt.timedelta(days=_count(n_word) * (7 if unit.startswith("week") else 1) - 1)
    return start, (min(end, w.data_day) if start <= w.data_day <= end else end)


@rule("same_point_compare",
      rf"\b(?:(?:by|at|to|in|over|during|for|on|from|with|than|between)\s+)?(?:(?:the\s+)?same|this|that|an?\s+equivalent|the\s+equivalent|the\s+corresponding)\s+"
      rf"(?:dates?|point|stage|time|period|months?|weeks?|days?|point\s+in\s+the\s+year)(?:\s+in\s+the\s+year)?"
      rf"(?:\s*\([^)]{{0,40}}\))?\s+(?:(?P<rel>{LAST_YEAR})|(?:in|of|during)\s+(?P<y>{YEAR}))"
      rf"|\bthis\s+time\s+(?P<rel2>last\s+year|a\s+year\s+ago)"
      rf"|\b(?:at|by|to)\s+(?:this|that|the\s+same)\s+(?:stage|point)\s+(?:of|in)\s+(?P<y2>{YEAR})",
      "compare")
def _same_point(m: re.Match[str], w: When) -> Resolved:
    """"the same period last year", "this time last year", "at this stage of 2023": a marker comparing
    with the head figure's dates a year back ("-1") or in the year named."""
    return m["y"] or m["y2"] or "-1"


@rule("year_compare", rf"\b(?:(?:up|down|higher|lower|more|fewer|rise|increase|fall|drop|jump|decrease)\s+)?"
      rf"(?:on|than|with|compared\s+(?:with|to)|against|from|over)\s+(?:the\s+same\s+in\s+)?(?:(?:in\s+|for\s+)?(?P<y>{YEAR})|(?P<rel>{LAST_YEAR}))\b(?!\s*[-–]\s*\d)(?![’']s)",
      "compare")
def _year_compare(m: re.Match[str], w: When) -> Resolved:
    """"up on last year", "compared with 2023", "than the previous year": a marker comparing with the
    head figure's dates a year back ("-1") or in the year named."""
    return m["y"] or "-1"


@rule("date_last_year", rf"\b(?:on\s+)?{date_atom('a')}\s*,?\s+{LAST_YEAR}",
      "main")
def _date_last_year(m: re.Match[str], w: When) -> Resolved:
    """"on 22 August last year", "August 10 a year earlier": that day of the year before publication."""
    d = parse_date(m, "a", w, year=w.pub.year - 1)
    return (d, d) if d else None


@rule("month_last_year", rf"\b(?:in\s+|during\s+|for\s+|of\s+|throughout\s+)?(?:(?P<m>{MONTHS})\s+{LAST_YEAR}|last\s+(?P<m2>{MONTHS}))\b",
      "main")
def _month_last_year(m: re.Match[str], w: When) -> Resolved:
    """"in October last year": that month of the year before publication; "last October": the latest
    October that has ended, or the one before it where the sentence has just named that October ("3,000
    arrived in March, compared with 831 last March")."""
    month = MONTH_NUM[(m["m"] or m["m2"]).lower()]
    if m["m2"]:  # "last October": the latest October that has ended
        y = w.pub.year if month < w.pub.month else w.pub.year - 1
        lead = m.string[max(0, m.start() - 150):m.start()]
        if re.search(rf"\b(?<!last\s){m['m2']}\b(?!\s+(?:19|20)\d\d)", lead[lead.rfind(".") + 1:]):
            y -= 1
    else:
        y = w.pub.year - 1
    return _month(month, y, w)


@rule("week_to", rf"\b(?:in\s+)?the\s+(?:seven\s+days|week)\s+(?:to|ending|ended|leading\s+up\s+to|up\s+to)\s+"
      rf"(?:(?P<wd>{WEEKDAY})|{date_atom('a')})", "main", year_hint=True)
def _week_to(m: re.Match[str], w: When) -> Resolved:
    """"the week to April 19": the seven days ending that day (before the ``day`` rule takes the day)."""
    end = _weekday(m["wd"], w.pub) if m["wd"] else parse_date(m, "a", w)
    return (end - dt.timedelta(days=6), end) if end else None


@rule("by_day", rf"\bby\s+(?:(?:{WEEKDAY}),?\s+)?{date_atom('a')}", "main", year_hint=True)
def _by_day(m: re.Match[str], w: When) -> Resolved:
    """"By April 4 2020, the number ... was 465", "Last year by June 17": the running total from
    1 January to that day."""
    d = parse_date(m, "a", w)
    return (dt.date(d.year, 1, 1), d) if d else None


@rule("as_of", rf"\b(?:as\s+(?:of|at)|up\s+(?:to|until)|until)\s+(?:(?:{WEEKDAY})\s*,?\s+)?{date_atom('a')}"
      rf"|\b(?:as\s+(?:of|at)|up\s+(?:to|until))\s+(?P<wd>(?:last\s+)?{WEEKDAY}|yesterday|today)",
      "end", year_hint=True)
def _as_of(m: re.Match[str], w: When) -> Resolved:
    """"as of 12 May", "up to Sunday", "until 5 June", "as at yesterday": that day, where another period
    ends."""
    d: dt.date | None
    if m["wd"]:
        wd = m["wd"].lower()
        d = (w.pub - dt.timedelta(days=1) if wd == "yesterday" else w.pub if wd == "today"
             else _weekday(wd.replace("last ", ""), w.pub, wd.startswith("last")))
    else:
        d = parse_date(m, "a", w)
    return (d, d) if d else None


@rule("day", rf"\b(?:on\s+)?(?:(?:{WEEKDAY}),?\s+)?(?:the\s+)?{date_atom('a')}(?P<this>\s+this\s+year\b)?",
      "main", year_hint=True)
def _day(m: re.Match[str], w: When) -> Resolved:
    """"on 22 August", "Monday, 3 March 2025", "on the 1st of May", "on Christmas Day", "on 25 October this
    year": that day (without a year, the latest not after publication, or in the year the sentence spoke
    of; "this year" is the publication's)."""
    d = parse_date(m, "a", replace(w, year=w.pub.year) if m["this"] else w)
    return (d, d) if d else None


@rule("weekday_list", rf"\b(?:on\s+|between\s+|from\s+)?(?P<w1>{WEEKDAY})(?:\s+(?:night|morning|evening|afternoon))?"
      rf"(?:\s*,\s*(?P<wm>{WEEKDAY}))*\s*,?\s+(?:and|or|to|until|-|–)\s+(?P<w2>{WEEKDAY})\b",
      "main")
def _weekday_list(m: re.Match[str], w: When) -> Resolved:
    """"on Monday and Tuesday", "Friday, Saturday and Sunday", "Thursday to Saturday": from the first
    day to the last, the last being the latest such day not after publication."""
    last = _weekday(m["w2"], w.pub)
    first = last - dt.timedelta(days=(WEEKDAYS[m["w2"].lower()] - WEEKDAYS[m["w1"].lower()]) % 7)
    return first, last


@rule("weekday", rf"\b(?:(?P<fut>will|expected\s+to\s+be\s+\w+|due\s+to\s+be\s+\w+|next)\s+(?:\w+\s+){{0,3}})?"
      rf"(?:(?:earlier\s+|late\s+|early\s+)?on\s+|(?P<last>last)\s+|this\s+past\s+|this\s+)?(?P<w>{WEEKDAY})(?:\s+(?:morning|afternoon|evening|night))?(?![’']s\s+final)",
      "main")
def _weekday_rule(m: re.Match[str], w: When) -> Resolved:
    """"on Tuesday", "last Sunday", "this past Friday morning": the latest such day not after publication
    ("last": before it); none for a day to come ("will ... on Monday", "next Monday")."""
    if m["fut"]:
        return None
    d = _weekday(m["w"], w.pub, bool(m["last"]))
    return d, d


@rule("relative_day", r"\b(?P<r>yesterday|today|tonight|overnight|last\s+night|this\s+morning|earlier\s+today|so\s+far\s+today"
      r"|(?<!year\s)(?<!years\s)(?<!month\s)(?<!months\s)(?<!week\s)(?<!weeks\s)(?<!day\s)(?<!days\s)earlier(?=\s*[,.;])"
      r"|earlier\s+(?:in\s+the|on\s+the)\s+day)\b",
      "main")
def _relative_day(m: re.Match[str], w: When) -> Resolved:
    """"yesterday", "last night": the day before publication; "today", "tonight", "overnight", "this
    morning", "earlier": the publication day."""
    r = m["r"].lower()
    d = w.pub - dt.timedelta(days=1) if r in {"yesterday", "last night"} else w.pub
    return d, d


@rule("duration_before", rf"\bfor\s+(?P<n>{NUM}|the\s+(?:previous|past))\s+(?P<u>days?|weeks?)\s+(?:before|prior\s+to|until)\b",
      "offset_span")
def _duration_before(m: re.Match[str], w: When) -> Resolved:
    """"for three days before", "for the previous week prior to": an offset span, so many days back
    from a day the sentence names (dated by the claims steps)."""
    n = 1 if m["n"].lower().startswith("the") else _count(m["n"])
    return str(-n * (7 if m["u"].lower().startswith("week") else 1))


@rule("over_years", rf"\bover\s+(?:the\s+(?:next|following|coming)\s+)?(?P<n>{NUM})\s+years\b", "main", year_hint=True)
def _over_years(m: re.Match[str], w: When) -> Resolved:
    """"over three years", "over the next five years": whole calendar years from the year the sentence
    speaks of (or publication's)."""
    start = w.year or w.pub.year
    return dt.date(start, 1, 1), dt.date(start + _count(m["n"]) - 1, 12, 31)


@rule("days_later", rf"\b(?P<n>{NUM})\s+(?P<u>days?|weeks?)\s+(?P<dir>later|earlier|before|after)\b"
      rf"|\bthe\s+(?P<u2>day|week)\s+(?P<dir2>after|before)\b(?!\s+(?:that|this|then)\b)", "offset")
def _days_later(m: re.Match[str], w: When) -> Resolved:
    """"five days later", "two weeks earlier", "the day after": an offset, so many days from a day the sentence
    names (dated by the claims steps)."""
    n = _count(m["n"] or "one") * (7 if (m["u"] or m["u2"]).lower().startswith("week") else 1)
    return str(n if (m["dir"] or m["dir2"]).lower() in {"later", "after"} else -n)


@rule("ago", rf"\b(?:only\s+|just\s+)?(?P<n>{NUM})\s+(?P<u>days?|weeks?|fortnight)\s+ago\b", "approx")
def _ago(m: re.Match[str], w: When) -> Resolved:
    """"a record set only a week ago": about that day; the words are loose, so the dates are inferred."""
    n = _count(m["n"]) * (14 if m["u"].lower() == "fortnight" else 7 if m["u"].lower().startswith("week") else 1)
    day = w.pub - dt.timedelta(days=n)
    return day, day


@rule("current", r"\b(?:currently|at\s+present|right\s+now|as\s+of\s+(?:now|today))\b", "main")
def _current(m: re.Match[str], w: When) -> Resolved:
    """"currently", "at present", "right now", "as of today": the publication day."""
    return w.pub, w.pub


@rule("single_day", r"\b(?:in|on)\s+(?:a\s+single|one|a|single)\s+(?:single\s+)?day\b|\bin\s+a\s+(?:single\s+)?24[- ]hour\s+period\b",
      "day_marker")
def _single_day(m: re.Match[str], w: When) -> Resolved:
    """"in a single day", "on one day", "in a 24-hour period": a marker that the figure is one day's,
    dated by a day the sentence names."""
    return "day"


@rule("within_hours", r"\b(?:in|within|over|during)\s+(?:just\s+)?(?:the\s+(?:past|last|previous)\s+)?(?P<n>\d+|twenty-four|forty-eight|seventy-two)\s+hours\b",
      "main")
def _within_hours(m: re.Match[str], w: When) -> Resolved:
    """"in 24 hours", "within the past 48 hours", "over seventy-two hours": the days those hours span,
    to the data day."""
    n = {"twenty-four": 24, "forty-eight": 48, "seventy-two": 72}.get(m["n"].lower()) or int(m["n"])
    days = max(1, -(-n // 24))
    return w.data_day - dt.timedelta(days=days - 1), w.data_day


@rule("past_duration", rf"\b(?:in|over|during|for|across|within)\s+(?:just\s+)?the\s+(?:past|last|previous)\s+(?:(?P<n>{NUM})\s+)?(?P<u>days?|weeks?|months?|years?|fortnight)\b"
      rf"(?<!previous\syear)"
      rf"|\b(?:the\s+)?(?:past|last|previous)\s+(?P<n2>{NUM})\s+(?P<u2>days|weeks)\b"
      rf"|\bin\s+(?:less|under|fewer)\s+than\s+(?P<n3>a|one|two|three|four)\s+(?P<u3>days?|weeks?)\b"
      rf"|\b(?:in|over|during|within)\s+the\s+(?P<n4>{NUM})\s+(?P<u4>days|weeks|months)(?=\s+since\b)"
      rf"|\bthe\s+(?P<n5>{NUM})[- ](?P<u5>day|week)\s+(?:total|tally|figure|count)\b",
      "main")
def _past_duration(m: re.Match[str], w: When) -> Resolved:
    """"in the past week", "over the last three months", "the previous 10 days", "in less than a week", "in the
    11 days since the agreement came into effect", "the seven-day total": that long back to the data day."""
    given = m["n"] or m["n2"] or m["n3"] or m["n4"] or m["n5"]
    n = _count(given) if given else 1
    u = (m["u"] or m["u2"] or m["u3"] or m["u4"] or m["u5"]).lower()
    if u.startswith("year"):
        return shift_years(w.data_day, -n) + dt.timedelta(days=1), w.data_day
    if u.startswith("month"):
        y, mo = divmod(w.data_day.month - 1 - n, 12)
        back = w.data_day.replace(year=w.data_day.year + y, month=mo + 1,
                                  day=min(w.data_day.day, calendar.monthrange(w.data_day.year + y, mo + 1)[1]))
        return back + dt.timedelta(days=1), w.data_day
    days = n * (14 if u == "fortnight" else 7 if u.startswith("week") else 1)
    return w.data_day - dt.timedelta(days=days - 1), w.data_day


@rule("week", r"\b(?P<w>last|this|the\s+past|the\s+previous)\s+week\b(?!\s+(?:before|leading))",
      "main")
def _week(m: re.Match[str], w: When) -> Resolved:
    """"this week": Monday to the data day; "last week": the week (Monday to Sunday) before
    publication's; "the past week", "the previous week": the seven days to the data day."""
    kind = m["w"].lower()
    monday = w.data_day - dt.timedelta(days=w.data_day.weekday())
    if kind == "this":
        return monday, w.data_day
    if kind == "last":
        pub_monday = w.pub - dt.timedelta(days=w.pub.weekday())
        return pub_monday - dt.timedelta(days=7), pub_monday - dt.timedelta(days=1)
    return w.data_day - dt.timedelta(days=6), w.data_day


@rule("a_week_of", r"\b(?:after|during|in|over|following)\s+a\s+(?:\w+\s+)?week\s+of\b", "main")
def _a_week_of(m: re.Match[str], w: When) -> Resolved:
    """"after a busy week of crossings": the seven days to the data day."""
    return w.data_day - dt.timedelta(days=6), w.data_day


@rule("weekend", r"\b(?:over|at|during|across)?\s*(?:the|this|last)\s+weekend\b",
      "main")
def _weekend(m: re.Match[str], w: When) -> Resolved:
    """"over the weekend", "this weekend", "last weekend": the Saturday and Sunday of the latest weekend
    not after publication ("last weekend" on a Sunday: the one before)."""
    sunday = w.pub - dt.timedelta(days=(w.pub.weekday() - 6) % 7)
    if m.group(0).strip().lower().startswith("last") and sunday == w.pub:
        sunday -= dt.timedelta(days=7)
    return sunday - dt.timedelta(days=1), sunday


@rule("month_relative", rf"\b(?:so\s+far\s+)?(?P<w>last|this|the\s+previous|the\s+past|the\s+current|(?:(?<=for\s)|(?<=across\s)|(?<=in\s)|(?<=during\s)|(?<=over\s))the(?=\s+month\s+so\s+far))\s+month\b"
      rf"|\bthis\s+(?P<m>{MONTHS})\b"
      rf"|(?<![0-9]\s)(?<!th\s)(?<!st\s)(?<!nd\s)(?<!rd\s)\b(?:in\s+)?(?P<m3>{MONTHS})\s+(?:this\s+year|of\s+this\s+year)\b",
      "main")  # not "25 October this year", a day
def _month_relative(m: re.Match[str], w: When) -> Resolved:
    """"this month", "the current month", "for the month so far": the data day's month to the data day; "last month", "the
    previous month", "the past month": the month before publication's; "this March", "March this
    year": that month of the publication year."""
    if m["m"] or m["m3"]:
        return _month(MONTH_NUM[(m["m"] or m["m3"]).lower()], w.pub.year, w)
    kind = m["w"].lower()
    if kind in {"this", "the current", "the"}:  # "for the month so far", "across the month so far"
        return w.data_day.replace(day=1), w.data_day
    first = w.pub.replace(day=1)
    prev_end = first - dt.timedelta(days=1)
    return prev_end.replace(day=1), prev_end


@rule("month_edge", rf"\b(?P<prep>at|by|until|to|in|from)\s+(?:the\s+(?P<edge>end|start|beginning|close)\s+of\s+|(?P<part>early|mid|late)[\s-]+)"
      rf"(?P<m>{MONTHS})\b(?:\s+(?P<y>{YEAR}))?",
      "main",
      year_hint=True)
def _month_edge(m: re.Match[str], w: When) -> Resolved:
    """"at the end of March", "from the start of June 2024": that day; "by the end of December", "by the
    start of October": the running total from 1 January to it (to the day before a start); "by late
    October" in a report of late October: the running total to the data day."""
    first, _ = _month(MONTH_NUM[m["m"].lower()], int(m["y"]) if m["y"] else None, w)
    last = month_end(first.year, first.month)
    if m["part"]:  # "by late October" (written in it): the running total to the data day
        if m["prep"].lower() != "by" or not first <= w.data_day <= last:
            return None
        return dt.date(first.year, 1, 1), w.data_day
    d = first if m["edge"].lower() in {"start", "beginning"} else last
    if m["prep"].lower() == "by":  # a running total: "by the end of December", "by the start of October"
        end = d if d == last else d - dt.timedelta(days=1)
        return dt.date(end.year, 1, 1), end
    return d, d


@rule("month_part", rf"\b(?:in|during|since|from|at)\s+(?:the\s+)?(?P<part>early|mid|late)[\s-]+(?P<m>{MONTHS})\b(?:\s+(?P<y>{YEAR}))?",
      "unresolved")
def _month_part(m: re.Match[str], w: When) -> Resolved:
    """"in early February", "since early May": part of a month with no day: the dates are left
    unresolved rather than read as the whole month."""
    return "unresolved"


@rule("month", rf"\b(?:in|during|for|of|throughout|across|over)\s+(?P<m>{MONTHS})\b(?:\s+(?P<y>{YEAR}))?(?!\s+\d{{1,2}}\b(?!,\d))"
      rf"|\b(?P<m2>{MONTHS})\s+(?P<y2>{YEAR})\b",
      "main", year_hint=True)
def _month_rule(m: re.Match[str], w: When) -> Resolved:
    """"in March", "during June 2024", "August 2023": that month (without a year, the latest that has
    begun, or in the year the sentence spoke of), cut at the data day."""
    y = m["y"] or m["y2"]
    return _month(MONTH_NUM[(m["m"] or m["m2"]).lower()], int(y) if y else None, w)


@rule("financial_year", rf"\b(?P<w>this|last|the\s+current|the\s+previous|the\s+last)\s+financial\s+year\b|\b(?:in|for|during)\s+(?P<y1>{YEAR})[-/](?P<y2>\d{{2}})\b",
      "main")
def _financial_year(m: re.Match[str], w: When) -> Resolved:
    """"this financial year", "the current financial year": 1 April to publication; "last financial
    year", "the previous financial year": the one before; "in 2023-24", "for 2022/23": that financial year
    (to publication while it runs)."""
    if m["y1"]:
        start = dt.date(int(m["y1"]), 4, 1)
        end = dt.date(start.year + 1, 3, 31)
        return start, (w.pub if start <= w.pub <= end else end)
    fy_start = dt.date(w.pub.year if w.pub.month >= 4 else w.pub.year - 1, 4, 1)
    if m["w"].lower() in {"this", "the current"}:
        return fy_start, w.pub
    return shift_years(fy_start, -1), fy_start - dt.timedelta(days=1)


@rule("last_year_total", r"\blast\s+year[’']s\s+(?:\w+\s+)?(?:total|figure|tally|record)\b", "main")
def _last_year_total(m: re.Match[str], w: When) -> Resolved:
    """"last year's annual total of 29,437": the whole previous year."""
    y = (w.year or w.pub.year) - 1
    return dt.date(y, 1, 1), dt.date(y, 12, 31)


SO_FAR_AFTER = re.compile(r"\s+(?:\w+\s+){0,3}?(?:so\s+far|to\s+date)\b", re.I)


@rule("annual_total", r"\b(?:the\s+|an\s+)?(?:provisional\s+)?annual\s+(?:total|tally)\b", "main", year_hint=True)
def _annual_total(m: re.Match[str], w: When) -> Resolved:
    """"the annual total": the year to the data day; the whole year a sentence spoke of just before
    ("since October 2022, when 6,900 people crossed, part of an annual total of 45,774"), or last year
    in January ("The provisional annual total for the year, 29,437", 11 January 2024) unless "so far"."""
    if w.year is None and w.pub.month == 1 and not SO_FAR_AFTER.match(m.string, m.end()):
        return dt.date(w.pub.year - 1, 1, 1), dt.date(w.pub.year - 1, 12, 31)
    return _ytd(w) if (w.year or w.pub.year) <= w.pub.year else None


@rule("year_to_date", rf"\b(?:(?:so\s+far|to\s+date)\s+in\s+(?P<y4>{YEAR})|so\s+far\s+(?:this\s+year|in\s+(?P<y>{YEAR}))|(?:for|in)\s+(?P<y2>{YEAR})\s+(?:so\s+far|to\s+date)|(?P<y3>{YEAR})\s+(?:total\s+)?(?:so\s+far|to\s+date)"
      rf"|(?:the\s+)?total\s+for\s+(?:the|this)\s+year|this\s+year[’']?s\s+total|the\s+year(?:ly|[’']s)\s+total|(?:the\s+)?yearly\s+total|the\s+year\s+so\s+far|(?:for\s+)?(?:the|this)\s+year\s+(?:so\s+far|to\s+date)|year[- ]to[- ]date"
      rf"|this\s+year(?:\s+(?:so\s+far|alone))?|(?:for|in)\s+the\s+year\b(?!\s+(?:ending|to|before|after))|to\s+date"
      rf"|the\s+(?:current|running|cumulative)\s+(?:cumulative\s+)?total|(?:for|since|from)\s+the\s+start\s+of\s+the\s+year)\b",
      "main")
def _year_to_date(m: re.Match[str], w: When) -> Resolved:
    """"so far this year", "this year", "the year to date", "the total for the year", "in 2024 so far": 1
    January to the data day (a year named that has ended: the whole year); in the first week of
    January, "the total for the year" without "this", "so far" or "to date" is last year."""
    y = m["y"] or m["y2"] or m["y3"]
    words = m.group(0).lower()
    if m["y4"]:  # "621 recorded to date in 2024" (written in 2026): 2024 to the same day
        y4 = int(m["y4"])
        if y4 >= w.data_day.year or w.data_day.month == 1 and w.data_day.day <= NEW_YEAR_DAYS and y4 == w.data_day.year - 1:
            return _ytd(replace(w, year=y4))
        return dt.date(y4, 1, 1), shift_years(w.data_day, y4 - w.data_day.year)
    if not y and w.pub.month == 1 and w.pub.day <= NEW_YEAR_DAYS and "this" not in words \
            and "so far" not in words and "to date" not in words:
        return dt.date(w.pub.year - 1, 1, 1), dt.date(w.pub.year - 1, 12, 31)  # "the total for the year" on 2 January
    return _ytd(replace(w, year=int(y) if y else None))


@rule("year", rf"\b(?:in|for|during|throughout|of|across|over)\s+(?:the\s+(?:whole|entirety|course)\s+of\s+|all\s+of\s+|the\s+year\s+)?(?P<y>{YEAR})\b(?![-/]\d)"
      rf"|\bthe\s+(?:whole|entirety)\s+of\s+(?P<y2>{YEAR})\b|\b(?P<y3>{YEAR})[’']s\s+(?:(?:\w+\s+)?(?:total|figure|tally|record)|(?=[\d,]+\b))"
      rf"|\bthe\s+(?P<y4>{YEAR})\s+(?:current\s+|provisional\s+|cumulative\s+)?(?:total|figure|tally|record|count)"
      rf"|\b(?:the\s+)?total\s+for\s+(?P<y5>{YEAR})|\b(?:only\s+)?(?P<y6>{YEAR})\s+saw\b"
      rf"|\b(?P<y7>{YEAR}):\s*(?=[\d,]+\b(?!:))|\b(?P<y8>{YEAR})(?=\s*\(\s*[\d,]+\s*\))",
      "main")
def _year_rule(m: re.Match[str], w: When) -> Resolved:
    """"in 2023", "the whole of 2022", "2023's total", "2024's 36,816", "the 2024 total", "the total for 2021", "2020 saw", a
    fact box's "2022: 45,774", "2019 (1,843)":
    that year (the current one to the data day; none for a year to come); "2023's total of 21,918 at
    this stage of the year": that year to the data day's date."""
    y = int(m["y"] or m["y2"] or m["y3"] or m["y4"] or m["y5"] or m["y6"] or m["y7"] or m["y8"])
    if (m["y3"] or m["y4"]) and y < w.data_day.year and AT_THIS_STAGE.match(m.string, m.end()):
        return dt.date(y, 1, 1), shift_years(w.data_day, y - w.data_day.year)
    return _year(y, w)


AT_THIS_STAGE = re.compile(r"(?:\s+of\s+[\d,]+)?\s+(?:at|by)\s+(?:this|that|the\s+same)\s+(?:stage|point|time)\s+"
                           r"(?:of|in)\s+the\s+year\b", re.I)


@rule("year_was", rf"\b(?:was|is)\s+(?P<y>{YEAR})\b(?=\s*[,.;]|\s+when\b)", "main")
def _year_was(m: re.Match[str], w: When) -> Resolved:
    """"The first year in which at least 20,000 arrivals were recorded was 2022": that year, when "year"
    stands in the 100 characters before "was"."""
    if not re.search(r"\byear\b", m.string[max(0, m.start() - 100):m.start()], re.I):
        return None
    return _year(int(m["y"]), w)


@rule("next_year", r"\b(?:the\s+(?:next|following)\s+year|a\s+year\s+later)\b(?!\s+(?:to|until|up\s+to)\b)", "main")
def _next_year(m: re.Match[str], w: When) -> Resolved:
    """"In 2018, 299 people were detected. The next year, 1,843 crossings were recorded": the year after the
    one the text named last (this sentence or the one before); none when no year was named."""
    if re.search(r"\bsame\s+(?:time|point|date|period|stage)\s+$", m.string[max(0, m.start() - 30):m.start()], re.I):
        return None  # "by the same time a year later": the same point, not the whole year
    marks = list(re.finditer(rf"\b(?P<y>{YEAR})\b(?![-/]\d)", m.string[max(0, m.start() - 200):m.start()]))
    return _year(int(marks[-1]["y"]) + 1, w) if marks else None


@rule("last_year", rf"\b{LAST_YEAR}\b",
      "main", year_hint=True)
def _last_year(m: re.Match[str], w: When) -> Resolved:
    """"last year", "a year ago": the year before publication; "the year before", "the previous year",
    "a year earlier": the year before the one the sentence spoke of ("28,000 last year and 8,500 the
    year before"), or, in the first days of January, before the year just ended ("a 13% increase from the
    36,816 crossings recorded in the previous year", 2 January 2026)."""
    now = re.match(r"last|a\s+year\s+ago", m.group(0), re.I)
    y = (w.pub.year if now else w.year or w.pub.year) - 1
    if not now and not w.year and w.data_day.month == 1 and w.data_day.day <= NEW_YEAR_DAYS:
        y -= 1  # in the first days of January the year an article totals is the one just ended
    return dt.date(y, 1, 1), dt.date(y, 12, 31)


@rule("month_bare", r"(?<!\d\s)\b(?P<m>(?-i:January|February|March|April|June|July|August|September|October|November|December))\b(?!\s+\d)",
      "main")
def _month_bare(m: re.Match[str], w: When) -> Resolved:
    """"March", "August's figures": a month name standing alone (not "May"), the latest such month that
    has begun, cut at the data day."""
    return _month(MONTH_NUM[m["m"].lower()], None, w)


# ---------------------------------------------------------------- finding

# ", more than in 2023" compares; ", more than 19,000 migrants" only hedges the figure (a cut may look
# this far past the words it is tested on)
CUT_LOOKAHEAD = 16
NUMBER_WORD = r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|dozen)\b"
# Where a clause ends for dating ("while" before a participle does not: "36 migrants ... were intercepted
# while crossing the English Channel on Saturday"; a fact box's line "2025: 41,472 2024: 36,816" does).
PERIOD_CUT = re.compile(r";|\s(?:but|while(?!\s+\w+ing\b)|although|whereas)\s|"
                        r"(?:,|\s[–—])\s+(?:and|but|as|while|taking|bringing|making|pushing|meaning|which|compared|with|"
                        r"representing|up|down|a\s+rise|an\s+increase|a\s+fall|a\s+drop|including|\w+ing|"
                        rf"(?:more|fewer|less|higher|lower)\s+than(?!\s+(?:\d|{NUMBER_WORD})))\s|"
                        r"\s(?:compared\s+(?:with|to)|compares\s+(?:with|to)|up\s+from|down\s+from|against)\s|"
                        r"\sas\s+(?:the\s+)?(?:\w+\s+)?(?:total|tally|number|figure)s?\s|"
                        r"(?<!more)(?<!fewer)(?<!less)(?<!rather)(?<!other)(?<!greater)\s+than\s|"
                        r"\s(?=(?:19|20)\d\d:\s*\d)|"  # a fact box's next "2022: 45,774"
                        r"\sbefore\s+(?=(?:19|20)\d\d\b)", re.I)  # "28,526 before 2022's record of 45,744"


# Dates that belong to the report or to a record, not to a figure: "figures published on Monday",
# "a daily high since January", "not including Sunday's arrivals".
# "Today's figures are 23 percent higher": the day the figures came out, not the day they count
REPORT_AFTER = re.compile(r"[’']s\s+(?:figures|data|statistics|numbers|release|update)\b", re.I)
# A report comes out on a day: "said between 5 July and 29 August 3,600 people" dates the figure, not the saying
SPANS = frozenset({"range", "range_days", "range_months", "month_pair"})
REPORTING = re.compile(r"\b(?:published|confirmed|announced|released|revealed|said|told|stated|updated|"
                       r"interview|speaking|wrote|claimed|insisted|warned|argued|admitted)\b[^.;]{0,25}$",
                       re.I)
RECORD_SINCE = re.compile(r"\b(?:high|highest|record|busiest|largest|biggest|most|lowest|earliest|first\s+time)\b"
                          r"[^.;]{0,70}$", re.I)
# "the most crossings on a single day this year", "the highest daily total so far this year": the
# span is where the day was the busiest, not the figure's own dates.
SCOPE_LEAD = re.compile(r"\b(?:most|highest|busiest|largest|biggest|greatest|record)\b[^.;,\d]{0,40}?"
                        r"\b(?:day|daily|24[- ]hours?)\b[^.;,\d]{0,20}$", re.I)
SCOPE_RULES = frozenset({"year_to_date", "year", "month_relative", "month", "last_year", "named_during"})
# "the biggest number to attempt the crossing this month": the running span a superlative ranges over
RUNNING_SCOPE_LEAD = re.compile(r"\b(?:highest|largest|biggest|greatest|lowest|smallest)\s+(?:number|total|figure|tally)\b"
                                r"[^.;,\d]{0,40}(?<!\bwas\s)(?<!\bis\s)$", re.I)
RUNNING_SCOPE_RULES = frozenset({"year_to_date", "month_relative", "past_duration"})
# "not including Sunday's arrivals", "before Sunday" (a day only: "before 2022's record of 45,744" is history)
EXCLUDING = re.compile(r"\b(?:not\s+including|excluding|except(?:\s+for)?|(?P<before>before))\s+$", re.I)
YEAR_MARK = re.compile(rf"\b(?P<y>{YEAR})\b(?![-/]\d)|\b(?P<ly>last\s+year|the\s+previous\s+year)\b", re.I)


def _hint(text: str, start: int, at: int, when: When) -> int | None:
    """The year a sentence spoke of last before ``at`` ("Last year the figure was passed on August 28")."""
    lo = max(start, at - HINT_REACH)
    # not a year inside an aside that closes before the date ("– 218, recorded last year – ... on Jan 17")
    marks = [m for m in YEAR_MARK.finditer(text, lo, at)
             if not (ASIDE_OPEN.search(text, max(start, lo - HINT_REACH), m.start())
                     and ASIDE_CLOSE.search(text, m.end(), at))]
    if not marks:
        return None
    m = marks[-1]
    return int(m["y"]) if m["y"] else when.pub.year - 1


# Words a rule cannot match without (lower case, any one of them): a sentence without them skips the
# rule's regex, which is most of the extractor's time. Only a speed-up: tests/test_extract_rules.py
# checks that the corpora read the same with it and without it.
MONTH_STEMS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
TRIGGERS: dict[str, tuple[str, ...]] = {
    "named_nth_day": ("day",), "named_first_days": ("first", "last", "final"),
    **{name: ("since",) for name in ("since_named", "since_date", "since_month", "since_event_dated", "since_year",
                                     "since_year_start", "since_day", "since_unknown")},
    # "April 15 to July 4" needs no "from": a connector before a month (not any month name alone,
    # which would run the rule on most sentences)
    "range": ("between", "from") + tuple(f"{c}{m}" for c in (" to ", "-", "–", "- ", "– ")
                                         for m in MONTH_STEMS), "range_days": ("between", "from") + MONTH_STEMS, "range_months": ("between", "from"), "range_to_year_end": ("between",), "first_days_of_month": ("first",),
    "month_pair": MONTH_STEMS, "year_ending": ("year", "months"), "first_months": ("first",),
    "date_last_year": MONTH_STEMS + ("day", "eve"), "by_day": ("by ",), "month_last_year": MONTH_STEMS, "as_of": ("as ", "up ", "until"),
    "day": MONTH_STEMS + ("day", "eve"), "weekday_list": ("day",), "weekday": ("day",),
    "relative_day": ("yesterday", "today", "tonight", "overnight", "night", "morning", "earlier"),
    "duration_before": ("before", "prior", "until"), "over_years": ("years",), "days_later": ("day", "week"),
    "ago": ("ago",), "current": ("current", "present", "now"), "single_day": ("day", "hour"),
    "within_hours": ("hours",), "past_duration": ("past", "last", "previous", "than", "under", "since", "day total", "day tally", "day figure", "day count", "week total", "week tally"), "week": ("week",), "week_to": ("week", "seven"),
    "a_week_of": ("week",), "weekend": ("weekend",), "month_relative": ("month", "this"),
    "month_edge": MONTH_STEMS, "month_part": MONTH_STEMS, "month": MONTH_STEMS, "last_year_total": ("last year",),
    "last_year": ("year",), "month_bare": MONTH_STEMS, "next_year": ("next year", "following year", "year later"),
    "named_during": ("under", "during", "premiership", "government", "tenure", "time ", "days in"),
    "named_own_term": ("his ", "her "), "since_own_term": (" he ", " she "),
    "same_point_compare": ("year", "19", "20"), "year_compare": ("year", "19", "20"),
    "financial_year": ("financial", "19", "20"), "year_to_date": ("year", "date", "total", "so far"),
    "annual_total": ("annual",),
    "year": ("19", "20"), "year_was": ("19", "20"),
}
USE_TRIGGERS = True


@lru_cache(maxsize=64)
def _matches(text: str, start: int, end: int) -> tuple[tuple[PeriodRule, re.Match[str]], ...]:
    """Every rule's matches in text[start:end], in rule order. They do not depend on the dates, so the
    data-day pass and the claims pass share them."""
    low = text[start:end].lower()
    return tuple((r, m) for r in RULES
                 if not USE_TRIGGERS or any(w in low for w in TRIGGERS.get(r.name, ("",)))
                 for m in r.pattern.finditer(text, start, end))


class _Spans:
    """Non-overlapping spans kept sorted, so that testing a new one is a bisection (a text of many dates
    stays linear)."""

    def __init__(self) -> None:
        self.starts: list[int] = []
        self.ends: list[int] = []

    def overlaps(self, s: int, e: int) -> bool:
        """Whether [s, e) overlaps a span already taken."""
        i = bisect.bisect_left(self.starts, e)  # spans starting before e
        return i > 0 and self.ends[i - 1] > s

    def add(self, s: int, e: int) -> None:
        """Take [s, e) (it overlaps none taken)."""
        i = bisect.bisect_left(self.starts, s)
        self.starts.insert(i, s)
        self.ends.insert(i, e)


def find_periods(text: str, start: int, end: int, when: When) -> list[Period]:
    """Every period expression in text[start:end], each span claimed by the first rule matching it."""
    taken = _Spans()
    found: list[Period] = []
    for r, m in _matches(text, start, end):
        s, e = m.span()
        if taken.overlaps(s, e):
            continue
        w = when
        if r.year_hint:
            hint = _hint(text, start, s, when)
            if hint is not None and hint <= when.pub.year:
                w = replace(when, year=hint)
        res = r.resolve(m, w)
        if res is None:
            continue
        taken.add(s, e)
        words = m.group(0).strip()
        kind = _kind(r, m, text, start, single=not isinstance(res, str) and res[0] == res[1])
        if isinstance(res, str):
            found.append(Period(None, None, words, r.name, (s, e), kind if kind != "main" else "marker", res))
        else:
            found.append(Period(res[0], res[1], words, r.name, (s, e), kind))
    return sorted(found, key=lambda p: p.span)


def _kind(r: PeriodRule, m: re.Match[str], text: str, start: int, single: bool = True) -> str:
    """The kind of period ``m`` is in its place: the rule's own, or a report's date ("published on
    Tuesday"), an exclusion ("not including Sunday"), a busiest day's scope, a record's "since"."""
    s, e = m.span()
    lead = text[max(start, s - 40):s]
    if REPORTING.search(lead) and r.name not in SPANS or r.name == "relative_day" and m.group(0).strip().lower() == "today" \
            and REPORT_AFTER.match(text, e):
        return "report"
    ex = EXCLUDING.search(lead)
    if ex and (single or not ex["before"]):
        return "excluded"
    if r.name in SCOPE_RULES and SCOPE_LEAD.search(text, max(start, s - 70), s) \
            or r.name in RUNNING_SCOPE_RULES \
            and re.match(r"(?:so\s+far\s+)?this\s+(?:year|month)\b|in\s+the\s+(?:last|past)\s+(?:\w+\s+)?(?:years?|months|decade)\b",
                         m.group(0).strip(), re.I) \
            and RUNNING_SCOPE_LEAD.search(text, max(start, s - 70), s):
        return "scope"
    if r.kind == "since" and RECORD_SINCE.search(text, max(start, s - 80), s):
        return "record_since"
    return r.kind


def compare_period(main: Period, marker: Period) -> Period:
    """The head figure's period moved to the year a comparison names ("the same period in 2024")."""
    assert main.start is not None and main.end is not None
    years = -1 if marker.target == "-1" else int(marker.target or "-1") - main.end.year
    return replace(marker, start=shift_years(main.start, years), end=shift_years(main.end, years), kind="compare")


# What each period rule does, documented once in schemas/fields.json (period_rule).
RULE_DOCS = vocabulary("period_rule")
