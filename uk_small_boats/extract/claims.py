"""Put the extractor together: sentence -> figures -> metric, qualifier -> period -> claim rows.

The assembly is two tables of small named steps, run in order: ``SENTENCE_STEPS`` on the figures of
one sentence, then ``ARTICLE_STEPS`` on the whole article (where a figure's dates come from another
sentence). Every row records the rule that set its period and its ``period_basis``: ``stated`` (the
figure's own words name the period, relative words included), ``inferred`` (taken from another
sentence or from the article's data day) or ``unresolved`` (left empty rather than guessed).

Output columns are those of schemas/claims.json less the source-bound ones (claim_id, source_id,
review), so ``uk-small-boats extract`` works on any article.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from itertools import islice, pairwise

from ..errors import PipelineError
from . import context, named
from .metrics import IN_ONE_BOAT, IN_ONE_BOAT_CLAUSE, classify, noun_class, percent_sign, percent_subject
from .numbers import Figure, find_figures
from .periods import (
    CUT_LOOKAHEAD,
    NEW_YEAR_DAYS,
    PERIOD_CUT,
    WEEKDAY,
    Period,
    When,
    compare_period,
    date_atom,
    find_periods,
    month_end,
)
from .qualifiers import qualifier_for
from .text import Span, clause_window, sentences

PLACES = re.compile(
    r"\b(?:the\s+Port\s+of\s+Dover|Dover|Folkestone|Ramsgate|Dungeness|Kent|Calais|Dunkirk|Dunkerque|"
    r"Gravelines|Boulogne(?:-sur-Mer)?|Wimereux|Le\s+Portel|Equihen|Hardelot|northern\s+France|"
    r"north(?:ern)?\s+French\s+coast|Heathrow|Manston|Western\s+Jet\s+Foil|Lancaster\s+House|"
    r"Chequers)\b")
RECORD_HIGH = re.compile(r"\b(?:highest|busiest|largest|biggest|most)\s+(?:daily|single[- ]day|"
                         r"day|number|figure|total|in\s+a\s+(?:single\s+)?day)", re.I)
EXCEEDS_YEAR = re.compile(r"[^.;]{0,80}?\b(?P<phrase>(?:already\s+)?(?:more|higher)\s+than\s+(?:in\s+)?"
                          r"(?:the\s+whole\s+of|all\s+of)\s+(?P<y>(?:19|20)\d{2}))\b", re.I)
RECORD_PERIOD = re.compile(r"\ba\s+record\b|\brecord\s+(?:for|number|high|total|level)", re.I)
# A figure given for comparison: "compared with 39,883", "up from 28,526", "than the 29,437".
COMPARED_BEFORE = re.compile(
    r"(?:compared?\s+(?:with|to)|compares\s+(?:with|to)|(?<!more\s)(?<!fewer\s)(?<!less\s)(?<!rather\s)(?<!other\s)"
    r"(?<!greater\s)than(?:\s+(?:in|on|at))?|up\s+from|down\s+from|"
    r"rise\s+from|fall\s+from|\bto\s+[\d,.]+\s+(?:[a-z]+\s+){0,2}?from|against|versus|vs\.?|dwarfing|surpassing|beating|exceeding|eclipsing|"
    r"(?<=%\s)below|(?<=%\s)above|"
    r"(?:,|\band)\s+when\s+it\s+was|when\s+it\s+was|\bon)\s+"
    r"(?:the\s+|a\s+|just\s+|some\s+|about\s+|around\s+|at\s+least\s+|only\s+|an?\s+estimated\s+)*"
    r"(?:record(?:-breaking)?\s+|(?:previous|all-time)\s+(?:high|record|peak)\s+of\s+|provisional\s+|total\s+of\s+|"
    r"(?:[\w’']+\s+){0,4}?(?:figure|total|tally|number)\s+of\s+)?$", re.I)
PAREN_VALUE = re.compile(r"\(\s*$")
SET_IN_SPAN = re.compile(r"\b(?:day|daily|24[- ]hours?)\b[^.;]{0,60}?\bset\s+$", re.I)
# "August saw the highest daily total on record, with 1,295": a day in August, not said
SAW_DAY_RECORD = re.compile(r"\s+(?:saw|had|recorded|brought)\s+(?:the|a|its)\s+(?:new\s+)?(?:highest|busiest|largest|"
                            r"biggest|record)\s+(?:daily|single[- ]day|one[- ]day|day)\b", re.I)
# "the lowest August total since 2021, when there were 3,053 arrivals": the head's dates in that year.
YEAR_WHEN = re.compile(r"\b(?P<y>(?:19|20)\d{2}),?\s+when\s+(?:there\s+were\s+|it\s+was\s+)?"
                       r"(?:only\s+|just\s+|nearly\s+|almost\s+|about\s+|around\s+|some\s+|more\s+than\s+|over\s+)?$", re.I)
WHOLE_YEAR_WORDS = re.compile(r"\b(?:record|whole|entire|all\s+of|total|across|throughout|overall)\b", re.I)
THRESHOLD_VERBS = re.compile(r"\b(?:pass(?:es|ed|ing)?|surpass(?:es|ed|ing)?|top(?:s|ped|ping)?|exceed(?:s|ed|ing)?|"
                             r"crossed|broke|break|reach(?:es|ed|ing)?|hit(?:s|ting)?)\s+"
                             r"(?:the\s+)?$", re.I)
# "the total for this week to 1,374": the dates stand between the total and its figure.
TOTAL_LEAD = re.compile(r"[^,;.]{0,30}?\b(?:to|of|at|was|is|were|reached|hit|stood\s+at|stands\s+at)\s+"
                        r"(?:(?:a|the|just|some|about|around|more\s+than|almost|nearly|over|record|provisional)\s+)*", re.I)
SINCE_ANAPHOR = re.compile(r"\bsince\s+(?:the|this|that)\s+(?:policy|scheme|plan|deal|agreement|treaty|pilot|"
                           r"partnership|arrangement)\s+(?:was|were|came|began|started|took)\b|\bsince\s+then\b", re.I)
LETTERS = re.compile(r"[A-Za-z]{3}")
MAX_FIGURES = 5_000  # a long news article has a few hundred; more is a table or a dump, refused
MAX_NUMBERS = 20_000  # numbers of any kind (dates and years too): more is no article either
NUMBER = re.compile(r"\d+")
# "the figures took annual migrant crossings past 10,000", "pushed the total number of crossings beyond
# 20,000": a running total taken past a mark, dated as a threshold when a day is given
TOTAL_PUSH = re.compile(r"\b(?:push\w*|took|take[sn]?|taking|brought|bring\w*)\s+(?:the\s+)?(?:[\w-]+\s+){0,4}?"
                        r"(?:total|tally|number|crossings|arrivals)\b[^.;\d]{0,40}?\b(?:past|beyond|over|above)\s+$", re.I)
MARK_AFTER = re.compile(r"\s+(?:mark|milestone|threshold|barrier)\b", re.I)
# "exceeds the 497 people who arrived on Saturday, April 22": a count its own clause dates, not a mark
OWN_DAY_CLAUSE = re.compile(r"\s+(?:[\w-]+\s+){0,2}?(?:who|which|that)\s+(?:arrived|crossed|made|came)\b[^.;]{0,40}?\bon\s+",
                            re.I)
# A figure the article then refers back to as a mark: "the 10,000 mark", "passed 25,000", "the figure of
# 10,000", "a cumulative total of 10,000 arrivals has been passed"
MARK_OF = re.compile(r"\b(?:figure|milestone|mark|threshold)\s+of\s+$", re.I)
PASSED_AFTER = re.compile(r"\s+(?:[a-z]+\s+){0,2}?(?:(?:has|have|had)\s+(?:now\s+|already\s+)?been|was|were)\s+"
                          r"(?:passed|reached|hit|surpassed|topped)\b", re.I)  # passive: not "have reached the UK"
# "Last year the figure was passed on August 28", "in 2023 it was June 17", "the figure of 10,000 was not
# hit until May 24", "Last year it took until June 1 to reach the same figure": the mark again, on a day
ANAPHORIC_MARK = re.compile(
    r"\b(?P<a>(?:the|that)\s+(?:same\s+)?(?:figure|milestone|mark|threshold)|it)\s+"
    r"(?:was\s+(?:not\s+)?(?:(?:passed|reached|hit|crossed|surpassed|topped)\s+)?"
    r"(?:(?:last\s+year|in\s+(?:19|20)\d\d)\s+)?(?:on\s+|until\s+)?"
    r"|took\s+until\s+(?=[^.;]{0,30}?\bto\s+(?:reach|pass|hit|top)\s+(?:the\s+same|that|this)\s+(?:figure|number|total)\b))"
    + date_atom("z"), re.I)
RESPECTIVELY = re.compile(r"\brespectively\b", re.I)
YEAR_TOKEN = re.compile(r"(?<![\d,.£$€])\b(?:19|20)\d{2}\b(?!\d|,\d)")
DURATION_DAYS = frozenset({"within_hours", "single_day"})  # how long, not which day
MAINISH = frozenset({"main", "since", "end", "unresolved", "day_marker", "approx"})
CROSSING = frozenset({"people_arrived", "boats_arrived", "people_on_one_boat", "people_prevented",
                      "boats_prevented", "people_attempted", "boats_departed"})
COUNTS = frozenset({"people", "boats"})
STOPPED_OR_RETURNED = frozenset({"people_prevented", "boats_prevented", "people_returned"})
# More than any day has seen (the series' busiest: 1,305 people, 36 boats, 22 August 2022), so a total
DAY_AT_MOST = {"people": 2_000, "boats": 60}
NEAR = 100  # how far after a figure its own period may stand


@dataclass
class Draft:
    """One figure on its way to a claim row."""
    fig: Figure
    sent: Span
    quote: Span
    metric: str = "count_other"
    unit: str = "count"
    metric_rule: str = ""
    qualifier: str = "exact"
    noun: str = "bare"
    period: Period | None = None
    basis: str = "unresolved"
    rule: str = "unresolved"
    compare: Period | None = None
    change_of: str | None = None
    compared: bool = False  # a figure given for comparison with another ("compared with 3,824")
    set_against: bool = False  # the count a percentage is set against ("a jump of 25% from the 29,437 ...")
    head: Draft | None = None  # the figure it is compared with or a percentage of
    assertion: str | None = None
    mark: bool = False  # "reached 1,000", "passed 5,000": a running total crossing a mark
    marker: Period | None = None  # a compared year read from the words before the figure
    later_marker: Period | None = None  # a percentage's compared year, for when its base gets its dates
    sent_text_after: str = ""  # the words right after the figure (to the end of its sentence, at most 120 characters)

    def set_period(self, p: Period | None, basis: str, rule: str | None = None) -> None:
        """Give the figure period ``p`` on ``basis``, recording ``rule`` (by default the period's own) as
        the rule that set it."""
        self.period, self.basis, self.rule = p, basis, rule or (p.rule if p else "unresolved")


@dataclass
class Sentence:
    """A sentence on its way through ``SENTENCE_STEPS``: the article's text, the sentence's span, the
    periods found in it, the drafts of its figures and the dates they resolve against."""
    text: str
    span: Span
    periods: list[Period]
    drafts: list[Draft]
    when: When


# ---------------------------------------------------------------- sentence steps

def step_metric(s: Sentence, prev: list[Draft]) -> None:
    """What each figure counts (extract.metrics: noun classes and cue rules)."""
    for d in s.drafts:
        d.noun = noun_class(s.text, d.fig)
        # "the 25,000 mark has been passed": a running total crossing a mark, as "passed 25,000" is
        d.mark = d.fig.rule == "anaphoric_mark" or is_mark(s.text, d.fig, s.span.start) \
            or bool(TOTAL_PUSH.search(s.text, max(s.span.start, d.fig.start - 90), d.fig.start))
    for i, d in enumerate(s.drafts):
        kin = {"people", "bare"} if d.noun in {"people", "bare"} else {d.noun}
        lead = next((o.fig.end for o in reversed(s.drafts[:i]) if o.noun in kin), None)
        nxt = next((o.fig.start for o in s.drafts[i + 1:] if o.noun in kin), None)
        d.metric, d.unit, d.metric_rule = classify(s.text, d.fig, s.span.start, s.span.end, lead, nxt)
        d.qualifier, _ = qualifier_for(s.text, d.fig.start, d.fig.end, d.fig.vague)
        if d.qualifier == "about" and re.search(r"\bsome\s+$", s.text[max(0, d.fig.start - 6):d.fig.start], re.I) \
                and d.fig.value % 100:
            d.qualifier = "exact"  # "Some 1,378" (agency style before an exact figure)
        if THRESHOLD_VERBS.search(s.text[max(s.span.start, d.fig.start - 25):d.fig.start]) and d.qualifier == "exact" \
                and not OWN_DAY_CLAUSE.match(s.text, d.fig.end):
            d.qualifier = "at_least"  # "reached 1,000": a mark, dated as a threshold if a day is given
            d.mark = True
        if d.fig.percent and d.metric == "percent_change":
            d.fig = replace(d.fig, value=d.fig.value * percent_sign(s.text, d.fig, s.span.start, s.span.end))


def step_table_cells(s: Sentence, prev: list[Draft]) -> None:
    """Figures in a pipe table ("July 25th | 136 | 3 |") are not read: without its header a cell's
    measure is a guess."""
    if s.text.count("|", s.span.start, s.span.end) >= 2:
        for d in s.drafts:
            if d.noun == "bare":
                d.metric, d.unit, d.metric_rule = "count_other", "count", "table_cell"


def step_compared(s: Sentence, prev: list[Draft]) -> None:
    """A figure given for comparison takes the measure of the figure it is compared with."""
    heads = [d for d in s.drafts if d.unit in COUNTS]
    last_prev = next((d for d in reversed(prev) if d.unit in COUNTS and not d.compared
                      and d.unit == "people"), None)
    for i, d in enumerate(s.drafts):
        if d.fig.percent or d.fig.currency or d.fig.rule == "anaphoric_mark":
            continue
        before = s.text[max(s.span.start, d.fig.start - 60):d.fig.start]
        listed = i > 0 and s.drafts[i - 1].compared and d.noun == "bare" and re.fullmatch(
            r"(?:[^.;\d]|(?:19|20)\d\d){0,40}?(?:,|\band\b|\bor\b)\s*", s.text[s.drafts[i - 1].fig.end:d.fig.start])
        if listed:
            d.compared, d.head = True, s.drafts[i - 1].head
            d.metric, d.unit, d.metric_rule = s.drafts[i - 1].metric, s.drafts[i - 1].unit, "compare_value"
            continue
        year_when = YEAR_WHEN.search(before)
        if not (COMPARED_BEFORE.search(before) or _compare_marker_before(s, d) or year_when):
            continue
        want = "boats" if d.noun == "boats" else "people"
        earlier = [h for h in heads if h.fig.start < d.fig.start and not h.compared]
        head = next((h for h in reversed(earlier) if h.unit == want), None) or \
            next((h for h in reversed(earlier)), None) or \
            (last_prev if re.match(r"\s*(?:This|That|It|These|The\s+figure)\b", s.text[s.span.start:s.span.start + 20]) else None)
        if head is None:
            continue
        d.compared, d.head = True, head
        if year_when:
            y0 = d.fig.start - len(before) + year_when.start("y")
            if re.search(r"\b(?:whole|all|entire(?:ty)?)\s+of\s+$", before[:year_when.start("y")]):
                y = int(year_when["y"])  # "the whole of 2020, when 8,417 people crossed"
                d.set_period(Period(dt.date(y, 1, 1), dt.date(y, 12, 31), year_when["y"], "year", (y0, y0 + 4)), "stated")
            else:
                d.marker = Period(None, None, year_when["y"], "year_compare", (y0, y0 + 4), "compare", year_when["y"])
        if head.metric_rule == "difference":
            continue  # "over 1,000 higher than the 10,472 detected": the difference is no measure to take
        if d.metric in {"count_other", "people_other"} and d.noun in {"bare", "people"} or d.noun == "bare":
            d.metric, d.unit, d.metric_rule = head.metric, head.unit, "compare_value"


IN_BOATS = re.compile(r"\s+(?:in|on|aboard|across)\s+(?:[\w,]+\s+)?(?:small\s+)?(?:boats|dinghies|vessels)\b", re.I)


def step_range_estimate(s: Sentence, prev: list[Draft]) -> None:
    """"Between 30 and 40 people had already arrived", "transporting 30 or 40 migrants": the ends of a guessed
    range are an estimate, not a count."""
    for a, b in pairwise(s.drafts):
        if a.fig.percent or a.fig.currency or b.fig.percent or b.fig.currency or not a.fig.value < b.fig.value \
                or b.unit not in COUNTS:
            continue
        mid = s.text[a.fig.end:b.fig.start]
        between = re.fullmatch(r"\s+and\s+", mid) and re.search(r"\bbetween\s+$", s.text[max(s.span.start, a.fig.start - 9):a.fig.start], re.I)
        if between or re.fullmatch(r"\s+or\s+", mid):
            for d in (a, b):
                d.metric, d.metric_rule = ("people_other" if b.unit == "people" else "count_other"), "range_estimate"


def step_list_items(s: Sentence, prev: list[Draft]) -> None:
    """A bare figure listed after a counted one shares its measure ("1,843 in 2019 and 8,466 in 2020")."""
    for i, d in enumerate(s.drafts):
        if d.noun != "bare" or i == 0 or d.fig.percent or d.fig.currency or d.compared \
                or d.metric_rule not in {"bare", "bare_count_of_arrivals"}:
            continue
        # "223 in 15 boats in January, 308 in 18 boats in February": 308 is people, like 223, not boats
        carried = IN_BOATS.match(s.text, d.fig.end, min(s.span.end, d.fig.end + 40))
        prior = next((p for p in reversed(s.drafts[:i]) if (p.unit == "people" if carried else p.unit in COUNTS)), None)
        if prior is None:
            continue
        between = s.text[prior.fig.end:d.fig.start]
        if carried:
            between = s.text[s.drafts[i - 1].fig.end:d.fig.start]
        # "a flight returned 20 people to the continent on October 30, with a further 13 transported"
        further = len(between) <= 90 and re.search(r",\s+(?:with|and)\s+(?:a\s+further|another)\s+$", between)
        listed = len(between) <= 45 and re.search(r"(?:,|\band\b|\bor\b|\bwhile\b|\bthen\b|–|-)\s*(?:\w+\s+){0,3}$", between) \
            and not re.search(r"\b(?:to|reach\w*|hit|passed|total)\b", between)
        if (further or listed) \
                and not re.match(r"\s+(?:have\s+|had\s+)?(?:arriv|cross|enter|land|reach|made|make)", s.text[d.fig.end:d.fig.end + 20]):
            d.metric, d.unit, d.metric_rule = prior.metric, prior.unit, "list_item"


def step_own_period(s: Sentence, prev: list[Draft]) -> None:
    """The period in the figure's own clause: the nearest after it, else the nearest before it."""
    for d in s.drafts:
        p = _own_period(s, d, prev)
        if p is None:
            continue
        if p.kind == "unresolved":
            d.set_period(None, "unresolved", p.rule)
        elif p.kind == "approx":  # "a week ago": about then
            d.set_period(p, "inferred")
        elif p.kind == "day_marker":
            day = next((q for q in s.periods if q.kind == "main" and context.is_day_level(q)), None)
            if day is not None:
                d.set_period(day, "stated")
            elif any(q.kind == "main" and q.rule in {"month", "month_bare"} for q in s.periods):
                d.set_period(None, "unresolved", p.rule)  # "on a single day in May": which day is not said
        else:
            d.set_period(p, "stated")


PEOPLE_ON = re.compile(r"\s+(?:[\w-]+\s+){0,3}?(?:on|in|aboard|across)\s+(?:a\s+total\s+of\s+)?$", re.I)


def step_boats_of_people(s: Sentence, prev: list[Draft]) -> None:
    """"the total for this week to 1,374 people on 23 boats and the total for the year so far to
    41,455": the boats carrying the people counted just before them share their dates."""
    for i, d in enumerate(s.drafts):
        if i == 0 or d.unit != "boats":
            continue
        people = s.drafts[i - 1]
        if people.unit == "people" and people.period is not None and d.period is not people.period \
                and PEOPLE_ON.fullmatch(s.text, people.fig.end, d.fig.start):
            d.set_period(people.period, people.basis, people.rule)


CARRIED_BY = re.compile(r"[^.;\d]{0,40}?\b(?:carrying|with|involving|holding|containing)\s+(?:about\s+|around\s+|some\s+|"
                        r"more\s+than\s+|nearly\s+|almost\s+|a\s+total\s+of\s+)?", re.I)


STOPPED_CRAFT = re.compile(r"\s+(?:[\w-]+\s+){0,2}?(?:crossings|crossing\s+attempts|attempts|boats?|dinghies|vessels)\b", re.I)


def step_people_of_stopped_boats(s: Sentence, prev: list[Draft]) -> None:
    """"France prevented 1,381 small boat crossings, carrying 33,788 people": the people aboard crossings
    just counted as stopped were stopped too (not arrivals)."""
    for i, d in enumerate(s.drafts):
        if i == 0 or d.metric != "people_arrived":
            continue
        stopped = s.drafts[i - 1]
        if stopped.metric in {"people_prevented", "boats_prevented"} \
                and STOPPED_CRAFT.match(s.text, stopped.fig.end) and CARRIED_BY.fullmatch(s.text, stopped.fig.end, d.fig.start):
            d.metric, d.metric_rule = "people_prevented", "of_stopped_boats"


def step_same_month_list(s: Sentence, prev: list[Draft]) -> None:
    """"Seven people were recorded making the journey in January 2018; 45 in 2019, 94 in 2020": after a
    count for a month of a named year, a bare count for another year is that month of it."""
    head = None
    for d in s.drafts:
        p = d.period
        if p is None or p.start is None or p.end is None:
            continue
        if p.rule == "month" and YEAR_TOKEN.search(p.text) and d.unit in COUNTS:
            head = d
        elif head is not None and d.noun == "bare" and p.rule == "year" and d.unit == head.unit and d.basis == "stated":
            hp = head.period
            assert hp is not None and hp.start is not None and hp.end is not None
            y = p.start.year
            d.set_period(replace(p, start=hp.start.replace(year=y), end=month_end(y, hp.end.month), rule="list_item"),
                         "stated")


def step_respectively(s: Sentence, prev: list[Draft]) -> None:
    """"on January 2 in both 2021 and 2023, with 10 and 44 people respectively": figures and years in order."""
    m = RESPECTIVELY.search(s.text, s.span.start, s.span.end)
    if not m:
        return
    figs = [d for d in s.drafts if d.fig.end <= m.start() and not d.fig.percent]
    years = [int(y.group(0)) for y in YEAR_TOKEN.finditer(s.text, s.span.start, m.start())]
    if len(figs) < 2 or len(years) < len(figs):
        return
    years = years[-len(figs):]
    day = next(((p, p.start) for p in s.periods if p.rule == "day" and p.start is not None), None)
    for d, y in zip(figs, years, strict=True):
        if day is not None:
            period, start = day
            try:
                one = start.replace(year=y)
            except ValueError:
                continue
            d.set_period(replace(period, start=one, end=one, rule="respectively"), "stated")
        else:
            d.set_period(Period(dt.date(y, 1, 1), dt.date(y, 12, 31), str(y), "respectively", (0, 0)), "stated")
        if d.metric == "count_other" and figs[-1].unit in COUNTS:
            d.metric, d.unit, d.metric_rule = figs[-1].metric, figs[-1].unit, "list_item"


def step_compare_periods(s: Sentence, prev: list[Draft]) -> None:
    """A compared figure's dates: the head's dates moved to the year its words name."""
    for d in s.drafts:
        of = d.head if d.compared else None  # the figure it is compared with
        head = of.period if of is not None else None
        if of is None or head is None or head.start is None or head.end is None:  # a period has both dates or neither
            continue
        own = d.period
        own_year = own is not None and own.rule == "year" and own.start is not None and own.span[0] >= d.fig.end
        if d.marker is None and d.period is not None and d.period.rule == "year" and d.rule == "year" \
                and YEAR_WHEN.search(s.text[max(s.span.start, d.fig.start - 40):d.fig.start]):
            continue  # set above from "the whole of YEAR, when"
        marker = d.marker or _adjacent_marker(s, d, after_only=own_year)
        if marker is not None:
            d.set_period(compare_period(head, marker), "stated", "compare_value")
            continue
        same_point = any(p.rule == "same_point_compare" for p in s.periods) or of.compare is not None \
            or any(o.compared and o.rule == "compare_value" for o in s.drafts if o is not d)
        twelve_months = 364 <= (head.end - head.start).days <= 366 and head.start.day == 1 and head.start.month != 1
        a_year_back = own is not None and re.match(r"a\s+year\s+(?:earlier|ago|before)", own.text, re.I)
        if own is not None and own.rule == "last_year" and (twelve_months or a_year_back):
            # "up from 511 a year earlier", "the year to June ... the previous year's figure": the same span
            d.set_period(replace(own, start=_shift(head.start, -1), end=_shift(head.end, -1), rule="compare_value"),
                         "stated")
            continue
        if own is not None and own.rule == "year" and own.start is not None and same_point:
            whole_head = head.start.month == 1 and head.start.day == 1 and head.end.month == 12 and head.end.day == 31
            near = s.text[max(s.span.start, d.fig.start - 30):min(s.span.end, d.fig.end + 40)]
            if not whole_head and not WHOLE_YEAR_WORDS.search(near):
                years = own.start.year - head.end.year
                d.set_period(replace(own, start=_shift(head.start, years), end=_shift(head.end, years),
                                     rule="compare_value"), "stated")


def step_percent(s: Sentence, prev: list[Draft]) -> None:
    """A percentage change: the dates of the figure it changes, compared with the dates its words name."""
    for i, d in enumerate(s.drafts):
        if d.metric != "percent_change":
            continue
        d.change_of = percent_subject(s.text, d.fig, s.span.start, s.span.end)
        own = _percent_own_period(s, d)
        if own is not None:  # "a 13% increase in crossings last year", "decreased by 36 per cent last year"
            d.change_of = d.change_of or "people_arrived"
            d.set_period(own, "stated")
            continue
        base, base_period, basis = _percent_base(s, d, i, prev)
        d.change_of = _changed_measure(d, base)
        if (base_period is None or base_period.start is None) and d.change_of == "people_arrived":
            # "small boat crossings have fallen by 36%": the running period the article is about
            base_period, basis = _reference(s, prev), "inferred"
        d.head = base
        d.change_of = d.change_of or (base.metric if base is not None else None)
        if base_period is None or base_period.start is None:
            if base is not None or d.change_of:
                d.change_of = d.change_of or "people_arrived"
                d.set_period(None, "unresolved")
                d.later_marker = _marker_after(s, d)  # the base may get its dates over the article
            continue
        d.change_of = d.change_of or "people_arrived"
        marker = _marker_after(s, d)
        if _running_compare(marker) and (context.is_day_level(base_period) or basis != "stated"
                                         and not _from_new_year(base_period)):
            # "872 arrived on Saturday, the overall number is 20% down on the same period last year":
            # a day, or another sentence's month, is no "same period"; the running total is
            base_period, basis = replace(_same_point_reference(s, prev, marker), rule="same_point_running"), "inferred"
        d.set_period(replace(base_period, rule=base_period.rule), basis)
        if marker is not None:
            d.compare = compare_period(base_period, marker)
            _bracketed_after(s, marker, d.compare)
        else:
            value = _compared_value(s, i)
            if value is not None:
                d.compare, value.set_against = value.period, True


def _bracketed_after(s: Sentence, marker: Period, compare: Period) -> None:
    """"1% lower than this time last year (23,940)": the bracketed count is the compared period's."""
    c = next((c for c in s.drafts if c.fig.start >= marker.span[1] and c.unit in COUNTS), None)
    if c is not None and re.fullmatch(r"\s*\(\s*", s.text[marker.span[1]:c.fig.start]) \
            and s.text[c.fig.end:c.fig.end + 1] == ")":
        c.set_period(replace(compare, rule="compare_value"), "stated")


def _same_point_reference(s: Sentence, prev: list[Draft], marker: Period | None) -> Period:
    """The running period a change against "the same period last year" is about: the article's, except that
    "the same point / time last year" is a point of the calendar year (not of a since-Labour total)."""
    ref = _reference(s, prev)
    if marker is not None and ref.start is not None and (ref.start.month, ref.start.day) != (1, 1) \
            and re.search(r"\b(?:point|stage|time)\b", marker.text, re.I):
        return running_year(s.when)
    return ref


def _changed_measure(d: Draft, base: Draft | None) -> str | None:
    """What a percentage changes: what its own words name, unless they name only crossings and the count it
    follows in its sentence was stopped or returned ("nearly 33,000 crossings prevented in 2022, 40% more
    than in 2021")."""
    if base is not None and base.metric in STOPPED_OR_RETURNED and d.change_of == "people_arrived" \
            and base.sent == d.sent:
        return base.metric
    return d.change_of


PERCENT_FROM = re.compile(r"\s*(?:[\w’']+\s+){0,2}?(?:from|on|than|against|over|compared\s+(?:with|to))\s+"
                          r"(?:the\s+|a\s+)?(?:record\s+|all-time\s+|previous\s+|total\s+of\s+|high\s+of\s+|"
                          r"record\s+of\s+|(?:19|20)\d\d[’']s\s+)*", re.I)


PERCENT_OWN = re.compile(r"\s*(?:(?:increase|rise|fall|drop|decrease|jump|reduction|cut)\s+in\s+(?:[\w-]+\s+){1,3}?)?"
                         r"(?:(?:in|during|over|for)\s+)?$", re.I)
# spans a percentage's own words can name right after it ("down by 20% in the first five months of 2023")
PERCENT_OWN_RULES = frozenset({"last_year", "year", "first_months", "range_months", "year_ending", "range", "month_pair"})


def _percent_own_period(s: Sentence, d: Draft) -> Period | None:
    """A year or span named right after a percentage or the change it qualifies ("fell by 36 per cent last
    year", "a 13% increase in crossings last year", "down by 20% in the first five months of 2023"): the
    change's own dates, not its base's."""
    return next((p for p in s.periods if p.kind == "main" and p.rule in PERCENT_OWN_RULES and p.start is not None
                 and p.span[0] >= d.fig.end and PERCENT_OWN.fullmatch(s.text, d.fig.end, p.span[0])), None)


def _compared_value(s: Sentence, i: int) -> Draft | None:
    """The dated figure a percentage is set against: the count right after it ("jumped by 25% from
    the 29,437 who arrived in 2023"), else the next figure given for comparison in its clause."""
    d = s.drafts[i]
    nxt = next((c for c in s.drafts[i + 1:] if c.unit in COUNTS), None)
    if nxt is not None and nxt.period is not None and PERCENT_FROM.fullmatch(s.text, d.fig.end, nxt.fig.start):
        return nxt
    return next((c for c in s.drafts[i + 1:] if c.compared and c.period is not None
                 and not re.search(r"[;]|,\s+(?:and\s+|but\s+)", s.text[d.fig.end:c.fig.start])), None)


# the words before a count a percentage is set against ("than the 29,437", "when the total stood at 6,265",
# "by this time last year – 2,953 –")
SET_AGAINST_LEAD = re.compile(r"(?:\b(?:than|on|from|against|versus|with|was|were|of|when|at)|[–—])\s+(?:the\s+)?"
                              r"(?:[\w’'-]+\s+){0,4}$", re.I)


def _percent_base(s: Sentence, d: Draft, i: int, prev: list[Draft]) -> tuple[Draft | None, Period | None, str]:
    """The figure a percentage changes and its dates: a count before it in the sentence; the head of
    a coordinated percentage ("13% higher than in 2024 ... and 41% higher than in 2023"); its own
    dates; the year to date where a comparison follows ("up 51% from this time last year"); else the
    last count of the article before it (inferred)."""
    coordinated = next((b for b in reversed(s.drafts[:i]) if b.metric == "percent_change"), None)
    between = [b for b in s.drafts[:i] if coordinated is not None and b.fig.start > coordinated.fig.end
               and b.unit in COUNTS and not b.compared and not b.set_against and b.metric != "people_other"
               and s.text[b.fig.start - 1:b.fig.start] != "("
               and not SET_AGAINST_LEAD.search(s.text, max(s.span.start, b.fig.start - 50), b.fig.start)]
    if coordinated is not None and not between:  # "..., while 23.2K crossed ... — a 29% increase": that count
        return coordinated.head, coordinated.period, coordinated.basis
    base = next((b for b in reversed(s.drafts[:i]) if b.unit in COUNTS and not b.compared
                 and b.metric != "people_other"), None)
    if base is not None:
        return base, base.period, base.basis
    if d.period is not None and d.period.start is not None:
        return None, d.period, "stated"
    if _marker_after(s, d) is not None and not prev_count(prev):
        return None, _reference(s, prev), "stated"
    base = prev_count(prev)
    return base, base.period if base is not None else None, "inferred"


def step_exceeds(s: Sentence, prev: list[Draft]) -> None:
    """"already more than in the whole of 2024": the figure is compared with that whole year."""
    for d in s.drafts:
        m = None if d.fig.percent else EXCEEDS_YEAR.match(s.text, d.fig.end, d.quote.end)
        if m and d.compare is None:
            y = int(m["y"])
            d.compare = Period(dt.date(y, 1, 1), dt.date(y, 12, 31), m["phrase"], "whole_year", m.span("y"), "compare")


def step_threshold(s: Sentence, prev: list[Draft]) -> None:
    """"passed 5,000 on 21 March": the running total from 1 January to that day. So is a count dated by a
    day that no day could hold ("28,561 people had been detected up to and including Monday, September
    12")."""
    for d in s.drafts:
        p = d.period
        if p is None or p.start is None or p.end is None:
            continue
        day = p.start == p.end and p.rule in context.DAY_RULES
        if (d.qualifier == "passed" or d.mark) and (day or p.rule == "by_day"):
            d.set_period(replace(p, start=dt.date(p.end.year, 1, 1)), d.basis, "threshold_to_day")
            d.assertion = "threshold"
        elif day and _family(d.metric) == "crossing" and d.unit in COUNTS and d.fig.value > DAY_AT_MOST[d.unit]:
            d.set_period(replace(p, start=dt.date(p.end.year, 1, 1)), d.basis, "total_to_day")


SENTENCE_STEPS: list[tuple[str, Callable[[Sentence, list[Draft]], None]]] = [
    ("metric", step_metric),
    ("table_cells", step_table_cells),
    ("compared_value", step_compared),
    ("list_item", step_list_items),
    ("range_estimate", step_range_estimate),
    ("own_period", step_own_period),
    ("boats_of_people", step_boats_of_people),
    ("people_of_stopped_boats", step_people_of_stopped_boats),
    ("same_month_list", step_same_month_list),
    ("respectively", step_respectively),
    ("compare_value", step_compare_periods),
    ("threshold", step_threshold),
    ("percent", step_percent),
    ("exceeds_period", step_exceeds),
]


# ---------------------------------------------------------------- article steps

def step_since_anaphor(drafts: list[Draft], when: When, text: str) -> None:
    """"since the policy was launched": the scheme the article named last before the figure; "since then":
    the scheme or event the sentence before named."""
    for d in drafts:
        if d.rule != "since_unknown" or not text:
            continue
        words = text[d.quote.start:d.quote.end]
        m = SINCE_ANAPHOR.search(words)
        if not m:
            continue
        # "since then": what the sentence before named ("... since Priti Patel unveiled plans to send
        # migrants to Rwanda. Since then, 17,402 people have arrived"), a scheme or a dated event
        then = m.group(0).lower().endswith("then")
        lo = _sentence_before(text, d.sent.start) if then else 0
        mentions = [k for k in named.find(text, lo, d.fig.start)]
        for k in reversed(mentions):
            hit = named.lookup(text[k.start():k.start() + 120], when.pub)
            if hit and hit[0].kind in ({"scheme", "event"} if then else {"scheme"}) and hit[0].start <= when.data_day:
                end = when.data_day if _family(d.metric) == "crossing" else when.pub
                d.set_period(Period(hit[0].start, end, m.group(0), "since_named", (0, 0), "since"), "inferred",
                             "since_anaphor")
                break


# A link to another story between paragraphs ("See also  Charles III, Britain's Tallest King-in-waiting Ever")
LINK_LINE = re.compile(r"\s*(?:See\s+also|Read\s+more|READ\s+MORE|Also\s+read|Related|Most\s+read|Watch)\b:?")


def _sentence_before(text: str, at: int) -> int:
    """Where the sentence before ``at`` starts, passing over page debris ("Hide Ad", a caption's credit, a
    link to another story)."""
    lo = at
    for _ in range(3):
        j = len(text[:lo].rstrip().rstrip("."))
        lo = max(text.rfind(".", 0, j), text.rfind("\n", 0, j), 0)
        if len(text[lo:j].split()) >= 6 and not LINK_LINE.match(text, lo + 1 if text[lo:lo + 1] in ".\n" else lo):
            break
    return lo


def step_running_mark(drafts: list[Draft], when: When, text: str) -> None:
    """"pass 20,000 in record time", "approaching the 10,000 mark" with no dates: the running total
    for the year to the data day."""
    for d in drafts:
        if d.period is None and d.rule == "unresolved" and (d.mark or MARK_AFTER.match(d.sent_text_after)) \
                and _family(d.metric) == "crossing":
            y = when.data_day.year
            d.set_period(Period(dt.date(y, 1, 1), when.data_day, "", "year_to_date", (0, 0)), "inferred",
                         "year_to_date")


def step_same_figure(drafts: list[Draft], when: When, text: str) -> None:
    """A figure restated without dates (headline, caption, 'the 20,000 figure') takes the dates the
    article gives the same figure elsewhere (the one nearest the data day)."""
    dated = [(d, d.period.end) for d in drafts if d.basis == "stated" and d.period is not None and d.period.end is not None]
    stated = [d for d, _ in sorted(dated, key=lambda de: abs((when.data_day - de[1]).days))]
    for d in drafts:
        if d.period is not None or d.basis == "unresolved" and d.rule != "unresolved":
            continue
        twin = next((t for t in stated if t is not d and t.fig.value == d.fig.value
                     and _family(t.metric) == _family(d.metric) and t.unit == d.unit), None)
        if twin is not None:
            d.set_period(twin.period, "inferred", "same_figure")
            if d.metric in {"count_other", "people_other"} and twin.unit in COUNTS:
                d.metric, d.metric_rule = twin.metric, "same_figure"


# A line that is only a day ("– Thursday:", "Friday 12 August:"): a live report's or timeline's heading.
SECTION_DAY = re.compile(rf"^[ \t]*[-–—•*]?[ \t]*(?P<day>(?:On\s+)?{WEEKDAY}(?:,?[ \t]+[^\n:]{{1,20}}?)?)[ \t]*:?[ \t]*$",
                         re.M)


def step_section_day(drafts: list[Draft], when: When, text: str) -> None:
    """No dates in the sentence, under a heading that is only a day ("– Thursday:" then "At 5am, a
    Border Force cutter intercepted another small boat and a group of 11"): that day, to the next
    heading (inferred)."""
    # a page's dateline ("Sunday, 1 October 2023") names its year: from 2022 reports count the day before
    # it (context.DAY_BEFORE_FROM), so it dates nothing then
    heads = [(m.start(), p) for m in SECTION_DAY.finditer(text)
             if not (YEAR_TOKEN.search(m["day"]) and when.pub >= context.DAY_BEFORE_FROM)
             for p in find_periods(text, m.start("day"), m.end("day"), when)[:1]
             if context.is_day_level(p)] if text else []
    if not heads:
        return
    for d in drafts:
        if d.period is not None or d.rule != "unresolved" or _family(d.metric) != "crossing":
            continue
        head = next((p for at, p in reversed(heads) if at < d.sent.start), None)
        if head is not None:
            d.set_period(head, "inferred", "section_day")


# "Another 43 migrants in four small boats were intercepted ... The boats were picked between about 07:40
# and 12:15 BST on Wednesday": a sentence with no figure that goes on about the same boats or people
ELABORATES = re.compile(r"\s*(?:(?:The|These|Those|All|Both)\s+(?:of\s+them\s+|four\s+|two\s+|three\s+)?"
                        r"(?:boats?|dinghies|dinghy|vessels?|migrants|people|group|men|arrivals|crossings)|They)\s", re.I)


def _dated_by_next(d: Draft, drafts: list[Draft], when: When, text: str) -> Period | None:
    """The day the sentence right after ``d``'s names, when it states no figure and goes on about it."""
    end = text.find(".", d.sent.end + 1)
    end = len(text) if end < 0 else end
    if not ELABORATES.match(text, d.sent.end) or any(d.sent.end <= o.fig.start < end for o in drafts):
        return None
    return next((p for p in find_periods(text, d.sent.end, end, when) if p.kind == "main" and context.is_day_level(p)
                 and not re.search(r"\b(?:which|who|that|when)\b", text[d.sent.end:p.span[0]])  # main clause's
                 and p.end is not None and abs((p.end - when.data_day).days) <= context.RECENT_DAYS), None)


def step_carried(drafts: list[Draft], when: When, text: str) -> None:
    """No dates in the sentence: the day the next sentence names when it goes on about the same thing
    and states no figure; else a day-level date of the sentence just before (same kind of figure)."""
    for i, d in enumerate(drafts):
        if d.period is not None or d.rule != "unresolved" or _family(d.metric) != "crossing":
            continue
        nxt = _dated_by_next(d, drafts, when, text) if text else None
        if nxt is not None:
            d.set_period(nxt, "inferred", "carried_from_context")
            continue
        prev_sent = next((p.sent for p in reversed(drafts[:i]) if p.sent != d.sent), None)
        if prev_sent is None:
            continue
        src = next((p for p in drafts if p.sent == prev_sent and p.period is not None and p.basis == "stated"
                    and _family(p.metric) == "crossing" and context.is_day_level(p.period) and p.period.end is not None
                    and abs((p.period.end - when.data_day).days) <= context.RECENT_DAYS), None)
        if src is not None:
            d.set_period(src.period, "inferred", "carried_from_context")




def step_data_day(drafts: list[Draft], when: When, text: str) -> None:
    """Still no dates: a crossing figure is taken as the article's data day, or where no day could hold
    it ("A total of 41,472 people made the dangerous journey"), as the running total for the year;
    anything else is unresolved."""
    for d in drafts:
        if d.period is not None or d.rule != "unresolved":
            continue
        if _family(d.metric) == "crossing" and d.unit in COUNTS:
            if d.fig.value > DAY_AT_MOST[d.unit]:
                d.set_period(running_year(when), "inferred", "running_total")
                continue
            day = when.data_day
            d.set_period(Period(day, day, "", "data_day", (d.fig.start, d.fig.start)), "inferred", "data_day")


# "139 people arriving in three boats on August 4, taking the provisional total for the year so far to 17,170"
TAKING_TOTAL = re.compile(r"\b(?:tak(?:ing|es)|took|bring(?:ing|s)|brought|push(?:ing|es|ed))\s+(?:the\s+)?"
                          r"(?:[\w-]+\s+){0,5}?(?:total|tally|number|figure|count)\b", re.I)


def step_total_to_day(drafts: list[Draft], when: When, text: str) -> None:
    """A running total a day's count takes further in the same sentence ("Yesterday 110 people were
    intercepted ... taking the tally to 5,007 who have been detained so far in 2021") runs to that day,
    not to the article's data day."""
    for d in drafts:
        p = d.period
        if p is None or p.start is None or p.end is None or d.unit not in COUNTS or _family(d.metric) != "crossing" \
                or p.start.day != 1 or p.end != when.data_day or context.is_day_level(p):
            continue  # only a total running to the data day ("so far", "the total"), not "last month"
        day = next((o.period for o in reversed(drafts) if o.sent == d.sent and o.fig.end <= d.fig.start
                    and o.basis == "stated" and o.period is not None and context.is_day_level(o.period)
                    and o.period.end is not None and p.start <= o.period.end < p.end <= o.period.end + dt.timedelta(days=3)
                    and TAKING_TOTAL.search(text, o.fig.end, d.fig.start)), None)
        if day is not None and day.end is not None:
            d.set_period(replace(p, end=day.end, text=f"{p.text} … {day.text}".strip(" …")), d.basis, "total_to_day")


def step_open_end(drafts: list[Draft], when: When, text: str) -> None:
    """Returns "since ..." or "over the past two months", and changes in them, run to publication, not
    to the data day (the crossing series' last day)."""
    for d in drafts:
        p = d.period
        family = _family(d.change_of or "") if d.metric == "percent_change" else _family(d.metric)
        if p is not None and p.end == when.data_day and (p.kind == "since" or p.rule == "past_duration") \
                and family == "returns":
            d.set_period(replace(p, end=when.pub), d.basis, d.rule)


def step_group_or_total(drafts: list[Draft], when: When, text: str) -> None:
    """One boat's or one group's people ("a boat carrying 18", "a group of 15") are the day's arrivals
    when the article gives that day no other count, and a part of the day otherwise: when it states a
    larger count for the same day, or another group on it ("nine on one RHIB, 10 crammed into a
    fishing boat"). A part keeps ``people_on_one_boat``; a whole is ``people_arrived``, marked
    ``one_boat`` so that the check holds it as at most the day's total."""
    def day(d: Draft) -> dt.date | None:
        p = d.period
        return p.start if p is not None and p.start is not None and p.start == p.end else None

    groups = [d for d in drafts if d.unit == "people" and not d.compared and day(d) is not None
              and (d.metric == "people_on_one_boat" or d.metric == "people_arrived" and _in_one_boat(d))]
    counts = [d for d in drafts if d.metric == "people_arrived" and not d.compared and day(d) is not None]
    for g in groups:
        others = [o for o in groups if o is not g and day(o) == day(g) and o.fig.value != g.fig.value]
        bigger = [o for o in counts if o not in groups and day(o) == day(g) and o.fig.value > g.fig.value]
        if others or bigger:
            g.metric, g.metric_rule = "people_on_one_boat", g.metric_rule or "one_group"
        elif g.metric == "people_on_one_boat":
            g.metric, g.assertion = "people_arrived", "one_boat"




RESTATED = 0.85  # a count within this share of the day's largest restates the total ("almost 400", "393")
PARTS_SHARE = 0.3  # parts of a day's total make up a fair share of it (30 people are no parts of 1,276)


def step_incident_counts(drafts: list[Draft], when: When, text: str) -> None:
    """An incident-by-incident report ("At 5am ... a group of 11", "six men, who said they were Iranian",
    "Some 16 people ... were handed over"): three or more different counts of people on the same day
    are its incidents, parts of the day. The largest, and those within RESTATED of it ("almost 400",
    "393"), are the day's total as the article states it, and stay arrivals; two or more smaller ones
    that together do not exceed it are its parts."""
    by_day: dict[tuple, list[Draft]] = {}
    for d in drafts:
        p = d.period
        if d.metric == "people_arrived" and not d.compared and p is not None and p.start is not None \
                and p.start == p.end:
            by_day.setdefault((p.start, p.end), []).append(d)
    for same_day in by_day.values():
        values = {d.fig.value for d in same_day if d.fig.value <= DAY_AT_MOST["people"]}  # a day's, not a total's
        if not values:
            continue
        top = max(values)
        parts = {v for v in values if v < RESTATED * top}
        if len(parts) < 2 or not PARTS_SHARE * top <= sum(parts) <= top:
            continue
        # a total only guessed to be the day's ("875 crossed", dated by the data day) is no day's total
        # for counts its own words date ("113 were picked up at sea on Sunday")
        if all(d.basis != "stated" for d in same_day if d.fig.value == top) \
                and any(d.basis == "stated" for d in same_day if d.fig.value in parts):
            continue
        for d in same_day:
            if d.fig.value in parts:
                d.metric, d.metric_rule = "people_on_one_boat", "incident_count"


def _in_one_boat(d: Draft) -> bool:
    """"seven migrants were intercepted in a small dinghy" (not past a comma: "42 people, including
    five in a small dinghy" is the day's total)."""
    return bool(IN_ONE_BOAT_CLAUSE.match(d.sent_text_after))


def step_percent_from_base(drafts: list[Draft], when: When, text: str) -> None:
    """A percentage whose base got its dates only over the article ("A total of 41,472 people made the
    journey ... This represents a 13% increase from 2024") takes them, inferred."""
    for d in drafts:
        base = d.head
        if d.metric != "percent_change" or d.period is not None or base is None or base.period is None \
                or base.period.start is None:
            continue
        d.set_period(base.period, "inferred")
        if d.later_marker is not None:
            d.compare = compare_period(base.period, d.later_marker)


def step_money_undated(drafts: list[Draft], when: When, text: str) -> None:
    """A sum of money carries no period ("£54million in 2021", "£480m over the next three years"): the
    series has nothing to hold it against, and the labelled corpora date no payment."""
    for d in drafts:
        if d.metric == "money":
            d.set_period(None, "unresolved", "money_undated")


# Each runs on all the article's drafts, with its dates and text.
ARTICLE_STEPS: list[tuple[str, Callable[[list[Draft], When, str], None]]] = [
    ("since_anaphor", step_since_anaphor),
    ("running_mark", step_running_mark),
    ("same_figure", step_same_figure),
    ("section_day", step_section_day),
    ("carried_from_context", step_carried),
    ("data_day", step_data_day),
    ("group_or_total", step_group_or_total),
    ("incident_counts", step_incident_counts),
    ("percent_from_base", step_percent_from_base),
    ("total_to_day", step_total_to_day),
    ("open_end", step_open_end),
    ("money_undated", step_money_undated),
]


# ---------------------------------------------------------------- the extractor

def extract_claims(text: str, published: dt.date) -> list[dict]:
    """Every figure in ``text`` as a claim row, with periods resolved against ``published``."""
    if not isinstance(text, str) or not text.strip():
        return []
    found = _figures_by_sentence(text)
    when = When(published, context.data_day(text, found, published))
    drafts: list[Draft] = []
    for sent, figs in found:
        s = Sentence(text, sent, find_periods(text, sent.start, sent.end, when),
                     [Draft(f, sent, clause_window(text, sent, f.start, f.end), sent_text_after=text[f.end:min(sent.end, f.end + 120)])
                      for f in figs], when)
        for _, step in SENTENCE_STEPS:
            step(s, drafts)
        drafts.extend(s.drafts)
    for _, article_step in ARTICLE_STEPS:
        article_step(drafts, when, text)
    return _once([_row(text, d) for d in drafts])


def _once(rows: list[dict]) -> list[dict]:
    """A sentence repeated word for word (a caption repeating the text, a pull quote) states its
    figures once: the repeat's rows are dropped, as the labelled corpora count it."""
    seen: set[tuple[str, int]] = set()
    out = []
    for r in rows:
        key = (r["quote"].rstrip(" .”\""), r["figure_start"] - r["char_start"])
        if key not in seen:
            seen.add(key)
            out.append(r)
    return out


def _figures_by_sentence(text: str) -> list[tuple[Span, list[Figure]]]:
    """The sentences that state figures, with their figures (anaphoric marks included); refuses a
    text with more than MAX_FIGURES before doing any other work on it."""
    out: list[tuple[Span, list[Figure]]] = []
    total = 0
    marks: tuple[float | None, float | None] = (None, None)
    if sum(1 for _ in islice(NUMBER.finditer(text), MAX_NUMBERS + 1)) > MAX_NUMBERS:
        raise PipelineError(f"more than {MAX_NUMBERS:,} numbers: this is not a news article (a table or a dump?); "
                            f"split it into articles", rule="input-figures")
    for sent in sentences(text):
        if not LETTERS.search(text, sent.start, sent.end):
            continue  # figures alone on a line (page furniture), or no words at all
        figs = find_figures(text, sent.start, sent.end)
        figs, marks = _with_anaphoric_marks(text, sent, figs, marks)
        if figs:
            total += len(figs)
            if total > MAX_FIGURES:
                raise PipelineError(f"more than {MAX_FIGURES:,} figures: this is not a news article (a table "
                                    f"or a dump?); split it into articles", rule="input-figures")
            out.append((sent, figs))
    return out


def is_mark(text: str, f: Figure, lo: int) -> bool:
    """Whether figure ``f`` (its sentence from ``lo``) is a mark a running total passes: "the 25,000 mark",
    "passed 25,000", "the figure of 10,000", "10,000 arrivals has been passed"."""
    if f.percent or f.currency or OWN_DAY_CLAUSE.match(text, f.end):
        return False
    return bool(MARK_AFTER.match(text, f.end) or PASSED_AFTER.match(text, f.end)
                or THRESHOLD_VERBS.search(text, max(lo, f.start - 25), f.start)
                or MARK_OF.search(text, max(lo, f.start - 25), f.start))


def _with_anaphoric_marks(text: str, sent: Span, figs: list[Figure], state: tuple[float | None, float | None]
                          ) -> tuple[list[Figure], tuple[float | None, float | None]]:
    """"Last year the figure was passed on August 28, and in 2023 it was August 29": the mark the
    article spoke of last stands again, as written ("the figure", "it"), on the day given. ``state`` is
    (that mark, the largest count of the sentence before): "it took until June 1 to reach the same
    figure" with no mark named is the running total just given, the largest figure before it."""
    mark, prev_max = state
    extra: list[Figure] = []
    events: list[tuple[int, Figure | re.Match[str]]] = sorted(
        [(f.start, f) for f in figs] +
        [(m.start("a"), m) for m in ANAPHORIC_MARK.finditer(text, sent.start, sent.end)],
        key=lambda e: e[0])
    for _, item in events:
        if isinstance(item, Figure):
            if is_mark(text, item, sent.start):
                mark = item.value
            continue
        m = item
        same = re.search(r"\b(?:same|that)\s+(?:figure|number|total)\b", text[m.start():min(sent.end, m.end() + 40)], re.I)
        value = mark if mark is not None else prev_max if same else None
        if value is not None:
            extra.append(Figure(m.start("a"), m.end("a"), m["a"], value, word=True, rule="anaphoric_mark"))
    counts = [f.value for f in figs if not (f.percent or f.currency)]
    return sorted(figs + extra, key=lambda f: f.start), (mark, max(counts) if counts else prev_max)


def _row(text: str, d: Draft) -> dict:
    p = d.period
    quote = text[d.quote.start:d.quote.end]
    return {
        "quote": quote, "char_start": d.quote.start, "char_end": d.quote.end,
        "figure_text": d.fig.text, "figure_start": d.fig.start, "figure_end": d.fig.end,
        "metric": d.metric, "value": d.fig.value, "unit": d.unit, "qualifier": d.qualifier,
        "period_start": p.start if p else None, "period_end": p.end if p else None,
        "period_text": (p.text or None) if p else None, "period_rule": d.rule, "period_basis": d.basis,
        "compare_start": d.compare.start if d.compare else None,
        "compare_end": d.compare.end if d.compare else None,
        "compare_text": d.compare.text if d.compare else None,
        "change_of": d.change_of,
        "assertion": _assertion(text, d),
        "place": _place(quote, d.fig.start - d.quote.start) if d.unit in COUNTS else None,
        "extraction": d.fig.rule + ("+" + d.metric_rule if d.metric_rule else ""),
    }


# ---------------------------------------------------------------- helpers

def _family(metric: str) -> str | None:
    if metric in CROSSING or metric == "people_intercepted":
        return "crossing"
    if metric in {"people_returned", "people_detained"}:
        return "returns"
    return metric


def _shift(d: dt.date, years: int) -> dt.date:
    try:
        return d.replace(year=d.year + years)
    except ValueError:
        return d.replace(year=d.year + years, day=28)


# Asides that do not end a clause: ", including those who arrived on Saturday," and "(...)".
ASIDE = re.compile(r",\s+including\s+[^,;.]{1,80},|\([^()]{0,80}\)")


def _same_clause(text: str, a: int, b: int) -> bool:
    lo, hi = min(a, b), max(a, b)
    piece = ASIDE.sub(lambda m: " " * len(m.group(0)), text[lo:hi + CUT_LOOKAHEAD])
    return not any(m.start() < hi - lo for m in PERIOD_CUT.finditer(piece))


def _in_aside(s: Sentence, p: Period, f: Figure) -> bool:
    """A period inside an aside the figure is not in ("864 migrants, including those who arrived on
    Saturday, have made it ... so far this year")."""
    for m in ASIDE.finditer(s.text, s.span.start, s.span.end):
        if m.start() <= p.span[0] and p.span[1] <= m.end() and not m.start() <= f.start < m.end() \
                and not _restates(s, p):
            return True
    return False


def _restates(s: Sentence, p: Period) -> bool:
    """"The last 80 days of Rishi Sunak's government (April 15 to July 4)": dates in brackets right after
    another period restate it, exactly."""
    before = s.text[s.span.start:p.span[0]].rstrip()
    if p.rule != "range" or not before.endswith("("):
        return False
    lead = before[:-1].rstrip()
    end = s.span.start + len(lead)
    return any(q.span[1] == end for q in s.periods if q is not p) or bool(RESTATED_SPAN.search(lead))


RESTATED_SPAN = re.compile(r"\b(?:days?|weeks?|months?|period|premiership|government|election|office)$", re.I)


WHICH_WAS = re.compile(r",?\s+(?:which|that)\s+(?:was|were|is|stood\s+at|came\s+to|totalled)\s+"
                       r"(?:(?:thought|believed|estimated|said|understood)\s+to\s+(?:be|have\s+been)\s+)?"
                       r"(?:about\s+|around\s+|just\s+(?:under\s+|over\s+)?|some\s+|only\s+|nearly\s+|almost\s+|"
                       r"more\s+than\s+|over\s+|under\s+)?$", re.I)


def _own_period(s: Sentence, d: Draft, prev: list[Draft]) -> Period | None:
    """The figure's own period: the one "which was" refers to; else the day or month a "since ...,
    when" names; else the period its clause picks for it (``_pick``), completed with the words it
    depends on (``_completed``); else a compared year or a ", with" clause's dates."""
    which = _which_was(s, d, prev)
    if which is not None:
        return which
    annual = _annual_when(s, d)
    if annual is not None:
        return annual
    in_clause, own = _clause_periods(s, d)
    lead = next((p for p in in_clause if p.rule == "same_point_compare" and p.span[1] <= d.fig.start
                 and re.search(r"\b(?:point|stage|time|date)\b", p.text, re.I)), None)
    if lead is not None and not d.compared and not any(context.is_day_level(p) or p.span[0] >= d.fig.end for p in own):
        # "At the equivalent point in 2021, the cumulative total was just under 12,500": the running
        # period the article is about, in that year
        return _compared_with_reference(_reference(s, prev), lead)
    pick = _pick(s, d, own)
    since_when = _since_when(s, d.fig)
    if since_when is not None:
        return since_when
    if pick is None:
        return _without_own_period(s, d, prev, in_clause)
    day_in_span = _day_in_span(s, pick, d.fig.start)
    if day_in_span is not pick:
        return day_in_span
    return _year_after(s, d, own, _completed(s, d, prev, pick, own))


def _annual_when(s: Sentence, d: Draft) -> Period | None:
    """"The annual total was the highest since 2022, when nearly 46,000 crossed": a year's total is
    that whole year."""
    f = d.fig
    m = YEAR_WHEN.search(s.text, max(s.span.start, f.start - 40), f.start)
    if m is None or not re.search(r"\b(?:annual|yearly|year[’']s)\s+(?:total|figure|tally)\b",
                                  s.text[s.span.start:m.start()], re.I):
        return None
    y = int(m["y"])
    return Period(dt.date(y, 1, 1), dt.date(y, 12, 31), m["y"], "year", m.span("y"))


def _year_after(s: Sentence, d: Draft, own: list[Period], p: Period | None) -> Period | None:
    """A month named without a year, with the year right after the figure ("The most arrivals recorded
    in the month of December is 3,254, in 2024"): that month of that year."""
    if p is None or p.rule not in {"month", "month_bare"} or p.start is None or YEAR_TOKEN.search(p.text):
        return p
    y = next((q for q in own if q.rule == "year" and q.start is not None and q.span[0] >= d.fig.end
              and re.fullmatch(r",?\s*", s.text[d.fig.end:q.span[0]])), None)
    if y is None or y.start is None:
        return p
    start = p.start.replace(year=y.start.year)
    return replace(p, start=start, end=month_end(start.year, start.month), text=f"{p.text} … {y.text}")


def _which_was(s: Sentence, d: Draft, prev: list[Draft]) -> Period | None:
    """"the total at this point last year, which was 11,278": the dates of what "which" names (None
    when there is no such "which", or it names no dates this step can use)."""
    f = d.fig
    which = WHICH_WAS.search(s.text, max(s.span.start, f.start - 40), f.start)
    if not which:
        return None
    named_before = [p for p in s.periods if p.span[1] <= which.start() and which.start() - p.span[1] <= 60]
    if not named_before:
        return None
    p = max(named_before, key=lambda p: p.span[1])
    if p.kind == "compare":
        return _compared_with_reference(_reference(s, prev), p)
    if p.rule == "last_year" and re.match(r"\s*(?:This|That|It)\b", s.text[s.span.start:s.span.start + 10]):
        # "This is a 10% increase on the figure recorded last year, which was 17,620", after a running
        # total: the same point last year
        ref = _reference(s, prev)
        if _from_new_year(ref) and ref.end is not None and (ref.end.month, ref.end.day) != (12, 31):
            return replace(compare_period(ref, replace(p, target="-1")), rule="compare_value")
    if p.start is not None and p.kind in MAINISH | {"excluded"} and p.rule != "last_year":  # "last year" in a
        return p  # comparison may be the whole year or the same point in it: left to the steps below
    return None


def _clause_periods(s: Sentence, d: Draft) -> tuple[list[Period], list[Period]]:
    """The periods in the figure's clause, and those of them that can be its own (not compare markers,
    not in an aside the figure is not in)."""
    f = d.fig
    in_clause = [p for p in s.periods if _same_clause(
        s.text, f.end if p.span[0] >= f.end else p.span[1], p.span[0] if p.span[0] >= f.end else f.start)]
    own = [p for p in in_clause if p.kind in MAINISH | {"offset", "offset_span"} and not _in_aside(s, p, f)]
    return in_clause, own


def _pick(s: Sentence, d: Draft, own: list[Period]) -> Period | None:
    """Of the periods that can be the figure's own, the one it takes: one leading into it, else the
    nearest after it, else the nearest before it, else one around it."""
    f = d.fig
    # a percentage's own dates are its subject's; so are a bracketed figure's ("the highest number ...
    # in November 2021 (6971)")
    bracketed = s.text[f.end:f.end + 1] == ")" and s.text[max(s.span.start, f.start - 1):f.start] == "("
    after = [] if d.fig.percent or bracketed else _after(s, d, own)
    before = [p for p in own if p.span[1] <= f.start]
    inside = [p for p in own if p.span[0] < f.end and f.start < p.span[1]]
    near_day = [p for p in after if p.span[0] - f.end <= 60 and context.is_day_level(p)]
    # "the year's total close to the 1,890 who arrived ... throughout the whole of 2019": the figure's
    # own relative clause names its dates, not the total it is set against
    own_clause = after and re.match(r"\s+(?:who|which|that)\s", s.text[f.end:f.end + 8])
    lead_in = [] if near_day or own_clause else [p for p in before if TOTAL_LEAD.fullmatch(s.text, p.span[1], f.start)]
    # "During April 559 made the crossing, a 10-fold increase and in August ...": a period leading
    # straight into the figure is its own; one after it past a comma belongs to the next clause
    tight = [p for p in before if re.fullmatch(r"\s*", s.text[p.span[1]:f.start])]
    if tight and after and "," in s.text[f.end:min(after, key=lambda p: p.span[0]).span[0]]:
        lead_in = tight
    pick = (max(lead_in, key=lambda p: p.span[1]) if lead_in else min(after, key=lambda p: p.span[0]) if after else
            max(before, key=lambda p: p.span[1]) if before else inside[0] if inside else None)
    return _sharper(pick, own)


SHARPER_DAYS = 7  # "in the last month, since the country went into lockdown": the since names the day


def _sharper(pick: Period | None, own: list[Period]) -> Period | None:
    """A rough span ("in the last month") restated by a "since" in the same clause whose start is
    within SHARPER_DAYS of it gives way to the since, which names the exact day."""
    if pick is None or pick.rule != "past_duration" or pick.start is None:
        return pick
    return next((p for p in own if p.kind == "since" and p.start is not None and p.end == pick.end
                 and abs((p.start - pick.start).days) <= SHARPER_DAYS), pick)


def _after(s: Sentence, d: Draft, own: list[Period]) -> list[Period]:
    """The periods after the figure, within ``NEAR`` and not past another figure of the same kind
    ("1,402, up from 511 a year earlier"); a figure of another kind shares the clause ("Two boats
    carrying 90 people made the journey on Christmas Day", "592 people, who crossed in 11 boats on
    March 2")."""
    f = d.fig
    # a figure in an aside ("– an average of 82 people per boat –") is no rival
    asides = context.aside_spans(s.text, f.end, max((p.span[0] for p in own), default=f.end))
    rivals = [o.fig for o in s.drafts if o is not d and (o.unit == d.unit or o.fig.percent)
              and not any(a <= o.fig.start and o.fig.end <= b for a, b in asides)]
    return [p for p in own if p.span[0] >= f.end
            and p.span[0] - f.end - sum(b - a for a, b in asides if b <= p.span[0]) <= NEAR
            and not any(f.end <= o.start and o.end <= p.span[0] for o in rivals)]


def _without_own_period(s: Sentence, d: Draft, prev: list[Draft], in_clause: list[Period]) -> Period | None:
    """No period of the figure's own: the reference period moved to the year a compare marker in its
    clause names ("the same month in 2019"), else the dates of the clause a ", with" adds it to."""
    marker = next((p for p in in_clause if p.kind == "compare"), None)
    if marker is not None and not d.compared and not d.fig.percent:
        same_unit = re.search(r"\bsame\s+(?:month|week|day)", marker.text, re.I)  # "the same month in 2019"
        return _compared_with_reference(_reference(s, prev, recent=not same_unit), marker)
    return _with_clause(s, d)


def _completed(s: Sentence, d: Draft, prev: list[Draft], pick: Period, own: list[Period]) -> Period | None:
    """The picked period made whole: a duration's day ("a week ago, when 202 crossed in 24 hours"), an
    offset from a day ("five days later"), an end joined to its start ("as of Sunday"), a start joined
    to its end."""
    f = d.fig
    if pick.rule in DURATION_DAYS and pick.span[0] >= f.end:  # "set a week ago, when 202 crossed in 24 hours"
        when = next((p for p in reversed(s.periods) if p.span[1] <= f.start and p.start is not None and p.start == p.end and p.kind in {"main", "approx"}
                     and re.fullmatch(r",?\s+when\s+", s.text[p.span[1]:f.start])), None)
        if when is not None:
            return when
    if pick.kind == "offset" and re.search(r"\b(?:after|before)$", pick.text, re.I):
        # "On Sunday, 158 people ..., four days after seven more people were intercepted": the figure before
        # the words keeps the day it names; the one in the clause they open is that many days from it
        return _offset(s, prev, pick, reverse=True) if f.start >= pick.span[1] else \
            _offset(s, prev, replace(pick, target="0"))
    if pick.kind in {"offset", "offset_span"}:  # "five days later", "for a week before then"
        return _offset(s, prev, pick)
    if pick.kind == "end":
        return _up_to(s, prev, pick, own)
    return _joined(d, pick, own)


def _offset(s: Sentence, prev: list[Draft], pick: Period, reverse: bool = False) -> Period | None:
    """An offset ("five days later") or an offset span ("for a week before") from the last day-level
    date before it in the sentence, else in the article (``reverse``: the other way, for the clause "N days
    after" opens); None when there is none."""
    anchor = next((p for p in reversed([q for q in s.periods if q.span[1] <= pick.span[0]])
                   if context.is_day_level(p)), None) or next(
        (q.period for q in reversed(prev) if q.period is not None and context.is_day_level(q.period)), None)
    if anchor is None and reverse:  # "More migrants arrive in Dover – the day after about 740 crossed": today's
        anchor = Period(s.when.pub, s.when.pub, "", "relative_day", (0, 0))
    if anchor is None or anchor.start is None:
        return None
    day = anchor.start + dt.timedelta(days=int(pick.target or 0) * (-1 if reverse else 1))
    if pick.kind == "offset_span":
        return replace(pick, start=day, end=anchor.start - dt.timedelta(days=1), kind="main")
    return replace(pick, start=day, end=day, kind="main")


def _up_to(s: Sentence, prev: list[Draft], pick: Period, own: list[Period]) -> Period:
    """An end ("as of Sunday", "up to December 1"): the start of another period of the clause to it,
    else the article's reference period to it, else 1 January to it."""
    assert pick.end is not None  # the rule of kind "end" (as_of) always sets a day
    starts = [p for p in own if p.kind in {"since", "main"} and p is not pick and p.start is not None
              and p.start <= pick.end and not context.is_day_level(p)]
    if starts:
        base = starts[0]
        return replace(base, end=pick.end, text=f"{base.text} … {pick.text}")
    ref = _reference(s, prev)
    if ref.start is not None and ref.start <= pick.end and ref.rule != "year_to_date":
        return replace(ref, end=pick.end, text=pick.text, rule="as_of")
    return replace(pick, start=dt.date(pick.end.year, 1, 1), rule="as_of")


def _joined(d: Draft, pick: Period, own: list[Period]) -> Period:
    """The picked period, cut at an end the clause also states ("since January ... as of Sunday"), or
    for a mark at the day it was reached ("on 25 October ... the total for 2024 reached 29,578")."""
    ends = [p for p in own if p.kind == "end" and p is not pick]
    if ends and pick.start is not None and not context.is_day_level(pick) and ends[0].end is not None \
            and ends[0].end >= pick.start:
        return replace(pick, end=ends[0].end, text=f"{pick.text} … {ends[0].text}")
    day = next((p for p in own if p is not pick and context.is_day_level(p) and p.kind == "main"), None)
    if d.mark and day is not None and pick.start is not None and not context.is_day_level(pick) \
            and day.end is not None and pick.end is not None \
            and pick.start <= day.end <= pick.end:  # "on 25 October ... the total for 2024 reached 29,578"
        return replace(pick, end=day.end, text=f"{pick.text} … {day.text}")
    return pick


SINCE_WHEN = re.compile(r",?\s+when\s+(?:there\s+were\s+|it\s+was\s+)?"
                        r"(?:only\s+|just\s+|some\s+|more\s+than\s+|over\s+|nearly\s+|almost\s+|about\s+|around\s+)?", re.I)


def _since_when(s: Sentence, f: Figure) -> Period | None:
    """"the first since January 19 when 275 crossed", "the highest monthly total since November, when
    6,869 arrived": the day or the month that "since" named, not the time since."""
    for p in s.periods:
        if p.kind not in {"since", "record_since"} or p.start is None or p.span[1] > f.start \
                or not SINCE_WHEN.fullmatch(s.text, p.span[1], f.start):
            continue
        if p.rule == "since_date":
            return replace(p, end=p.start, rule="day", kind="main")
        if p.rule == "since_month":
            return replace(p, end=month_end(p.start.year, p.start.month), rule="month", kind="main")
    return None


WITH_LEAD = re.compile(r",\s+with\s+(?:(?:a|an|the|some|about|around|almost|nearly|more\s+than|over|just|only)\s+)*"
                       r"(?:(?:peak|total|record|high|tally)\s+of\s+(?:about\s+|around\s+|some\s+)?)?$", re.I)


def _with_clause(s: Sentence, d: Draft) -> Period | None:
    """"Last Sunday saw the most crossings on a single day this year, with 549 individuals": a figure
    added by ", with" takes the dates of the clause it is added to, when that clause states no figure of
    its own kind."""
    f = d.fig
    lead = WITH_LEAD.search(s.text, max(s.span.start, f.start - 40), f.start)
    if lead is None:
        return None
    head = [p for p in s.periods if p.span[1] <= lead.start() and p.start is not None and p.kind == "main"]
    if not head or any(o.fig.end <= lead.start() and o.unit == d.unit for o in s.drafts if o is not d):
        return None
    return _day_in_span(s, head[-1], lead.start())


def _day_in_span(s: Sentence, pick: Period, fig_start: int) -> Period:
    """A span that only holds a record day ("the all-time daily record of 1,300 crossings set in September
    2022", "August saw the highest daily total on record, with 1,295") names no day: unresolved."""
    if not context.is_day_level(pick) and (
            SET_IN_SPAN.search(s.text, max(s.span.start, pick.span[0] - 90), pick.span[0])
            or pick.span[1] <= fig_start and SAW_DAY_RECORD.match(s.text, pick.span[1], fig_start)):
        return replace(pick, start=None, end=None, kind="unresolved", rule="day_in_span")
    return pick


def prev_count(prev: list[Draft]) -> Draft | None:
    """The article's last count of people or boats before this sentence, compared figures (and counts a
    percentage is set against) and other people left aside."""
    return next((b for b in reversed(prev) if b.unit in COUNTS and not b.compared and not b.set_against
                 and b.metric != "people_other"), None)


def _reference(s: Sentence, prev: list[Draft], recent: bool = True) -> Period:
    """The running period the article is about: the latest stated multi-day period of a crossing
    figure before this sentence (``recent``: one that runs to about the data day), else 1 January
    to the data day."""
    ref = next((p.period for p in reversed(prev) if p.period is not None and p.basis == "stated"
                and p.period.start is not None and p.period.end is not None and p.period.start != p.period.end
                and not p.compared
                and _family(p.metric) == "crossing"
                and (not recent or p.period.end >= s.when.data_day - dt.timedelta(days=3))), None)
    if ref is not None:
        return ref
    return running_year(s.when)


def running_year(when: When) -> Period:
    """1 January to the data day; in the first week of January, last year (what "the total" means then)."""
    day = when.data_day
    if day.month == 1 and day.day <= NEW_YEAR_DAYS:
        return Period(dt.date(day.year - 1, 1, 1), dt.date(day.year - 1, 12, 31), "", "year_to_date", (0, 0))
    return Period(dt.date(day.year, 1, 1), day, "", "year_to_date", (0, 0))


def _compared_with_reference(ref: Period, marker: Period) -> Period:
    """The reference period moved to the compared year: stated when the article stated the reference,
    about that (inferred) when it is only the default year to date."""
    return replace(compare_period(ref, marker), kind="main" if ref.text else "approx")


def _compare_marker_before(s: Sentence, d: Draft) -> bool:
    """"at this stage in 2023 (11,433)", "higher than in 2024 when 36,816 people crossed"."""
    return any(p.kind == "compare" and 0 <= d.fig.start - p.span[1] <= 20 and re.fullmatch(
        r"\s*(?:\(|,?\s*when\s+(?:it\s+was\s+)?|,\s*|[–—-]\s*)", s.text[p.span[1]:d.fig.start]) for p in s.periods)


def _adjacent_marker(s: Sentence, d: Draft, after_only: bool = False) -> Period | None:
    for p in s.periods:
        if p.kind != "compare":
            continue
        gap_after = p.span[0] - d.fig.end
        gap_before = d.fig.start - p.span[1]
        between = s.text[d.fig.end:p.span[0]] if gap_after >= 0 else s.text[p.span[1]:d.fig.start]
        if 0 <= gap_after <= 60 and _same_clause(s.text, d.fig.end, p.span[0]) and not re.search(r"\d", between):
            return p
        if not after_only and 0 <= gap_before <= 20 and re.fullmatch(r"\s*(?:\(|,?\s*when\s+(?:it\s+was\s+)?|,\s*|\s*[–—-]\s*)", between):
            return p
    return None


def _from_new_year(p: Period) -> bool:
    """Whether ``p`` runs from 1 January (a year's running total, or the whole year)."""
    return p.start is not None and (p.start.month, p.start.day) == (1, 1)


def _running_compare(marker: Period | None) -> bool:
    """Whether a compare marker sets a running total against the same point of another year ("the same
    period last year", "this time last year"), not a day, week or month against its like."""
    return marker is not None and marker.rule == "same_point_compare" \
        and not re.search(r"\b(?:days?|weeks?|months?|dates?)\b", marker.text, re.I)


def _marker_after(s: Sentence, d: Draft) -> Period | None:
    cands = [p for p in s.periods if p.kind == "compare" and p.span[0] >= d.fig.end
             and not re.search(r"[;]|,\s+(?:and|but|while)\s", s.text[d.fig.end:p.span[0]]) and p.span[0] - d.fig.end <= 90]
    return min(cands, key=lambda p: p.span[0]) if cands else None


def _assertion(text: str, d: Draft) -> str | None:
    if d.assertion == "threshold":
        return "threshold"
    quote_end = d.quote.end
    if not d.fig.percent and EXCEEDS_YEAR.match(text, d.fig.end, quote_end):
        return "exceeds_period"
    if d.fig.rule == "zero_phrase":
        return "zero_run"
    if d.metric == "people_arrived" and (d.assertion == "one_boat" or IN_ONE_BOAT.match(text, d.fig.end, quote_end)):
        return "one_boat"
    after = text[d.fig.end:quote_end][:120]
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
