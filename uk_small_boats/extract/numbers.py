"""Find the figures in a sentence: digits, money, percentages, number words, vague quantity words
and zero phrases ("no crossings"), skipping what is not a quantity (years, dates, clock and
duration phrases, identifiers such as "Article 5")."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from text_to_num import text2num

CURRENCY = {"£": "GBP", "$": "USD", "€": "EUR"}
CURRENCY_WORDS = {"pounds": "GBP", "pound": "GBP", "sterling": "GBP", "euros": "EUR", "euro": "EUR",
                  "dollars": "USD", "dollar": "USD"}
SCALE = {"k": 1e3, "thousand": 1e3, "m": 1e6, "mn": 1e6, "million": 1e6, "bn": 1e9, "billion": 1e9,
         "b": 1e9}

# The smallest amount each vague word implies: "hundreds" is at least 200.
VAGUE = {"tens of thousands": 20_000, "hundreds of thousands": 200_000, "thousands": 2_000,
         "hundreds": 200, "dozens": 24, "scores": 40, "a handful": 3, "several hundred": 300,
         "several thousand": 3_000, "a few hundred": 200, "a few thousand": 2_000}

UNITS_OF_TIME = r"(?:years?|yrs?|months?|weeks?|days?|hours?|hrs?|minutes?|mins?|seconds?|secs?|nights?|decades?)"
MONTHS = (r"(?:January|February|March|April|May|June|July|August|September|October|November|"
          r"December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)")
IDENTIFIER_WORDS = {"article", "radio", "section", "chapter", "schedule", "clause", "no", "number",
                    "page", "part", "phase", "tier", "level", "category", "stage", "covid", "g",
                    "channel", "bbc", "f1", "paragraph", "rule", "rules", "version", "route", "a",
                    "platform", "terminal", "gate", "room", "flight", "line", "class", "grade"}

_WORD_UNITS = ("zero one two three four five six seven eight nine ten eleven twelve thirteen "
               "fourteen fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty "
               "sixty seventy eighty ninety hundred thousand million billion").split()
_NUMWORD = r"(?:" + "|".join(_WORD_UNITS) + r")"
NUMBER_WORDS = re.compile(
    rf"\b(?:a\s+|an\s+)?{_NUMWORD}(?:[\s-]+(?:and\s+)?{_NUMWORD})*\b", re.I)

DIGITS = re.compile(
    r"(?:(?P<cur>[£$€])\s?)?(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d{1,3}(?:\.\d{3})+(?![\d.,])|\d+(?:\.\d+)?)"
    r"(?:\s?(?P<scale>bn|mn|m|k|K|b|(?i:million|billion|thousand))\b)?"
    r"(?P<pct>\s?%|[\s-]?(?i:per[\s-]?cent|percent)\b)?")
# "1.000 migrants": a continental thousands separator, read as 1,000 only before a count noun.
DOT_THOUSANDS = re.compile(r"\d{1,3}(?:\.\d{3})+")
COUNT_NOUN_AFTER = re.compile(r"\s+(?:\w+\s+){0,2}?(?:people|migrants|boats|persons|asylum|arrivals|crossings)\b", re.I)
# Numbers that are not quantities: ordinals ("the 150th day"), ages ("men aged 18 to 39"),
# measures fused to a unit ("the 21-mile strait"), fractions ("Three-quarters").
FUSED_UNIT = re.compile(r"-(?:mile|km|kilometre|metre|meter|foot|feet|year|month|week|day|hour|minute|strong|"
                        r"point|page|member|seat|storey|mph|knot|quarters?|thirds?|fifths?|tenths?|fold)s?\b", re.I)
ORDINAL_SUFFIX = re.compile(r"(?:st|nd|rd|th)\b", re.I)
NAMED_NUMBER = re.compile(r"\b(?-i:Utopia|Article|Section|Clause|Schedule|Tier|Terminal|Radio|Level|Phase|Part) $")
VERSION = re.compile(r"(?:\b[Vv](?:ersion)?\.?\s?|\bCC[- ]BY(?:-[A-Z]{2})*\s)$")  # "Beta V.1.0", "CC-BY-SA 4.0"
AGE_BEFORE = re.compile(r"\b(?:aged|ages?|age\s+of|aged\s+between|under|over)\s+(?:(?:about|around|roughly|approximately|"
                        r"just|only|between)\s+)?(?:\w+\s*(?:to|-|–|and)\s*)?$", re.I)
PEOPLE_OVER_AGE = re.compile(r"\b(?:men|women|children|people|those|anyone|adults|boys|girls)\s+(?:aged\s+)?(?:over|under)\s+$", re.I)

DATE_LIKE = re.compile(
    # "9 November 9": a day written twice (a typo) is still one date
    rf"\b\d{{1,2}}(?:st|nd|rd|th)?(?:\s*(?:-|–|to|and)\s*\d{{1,2}}(?:st|nd|rd|th)?)?\s+{MONTHS}\b(?:\s+\d{{1,2}}\b(?![\d,.]\d))?"
    # "August 6,271 people": a count after a month, not the 6th; "By Vivek MishraJul 02, 2025": a byline
    # glued to its date
    rf"|(?:\b|(?<=[a-z])(?=(?-i:[A-Z])))(?-i:{MONTHS})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?(?!,\d)(?:(?:\s*(?:-|–|to|and|or)\s*|,\s*)\d{{1,2}}(?:st|nd|rd|th)?(?!\d|,\d))*\b"
    # "Sunday 12th" is a date, "On Sunday 36 people crossed" a figure
    rf"|\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\s+(?:[12]?\d|3[01])(?:st|nd|rd|th)?\b"
    rf"(?!\s+(?:[a-z]+\s+)?(?:people|migrants|persons|men|women|children|boats|dinghies|vessels|asylum|individuals|"
    rf"arrivals|crossings|more|others)\b)"
    rf"|\b\d{{1,2}}[/.]\d{{1,2}}[/.]\d{{2,4}}\b|\b\d{{1,2}}(?::|\.)\d{{2}}\s?(?:am|pm|GMT|BST)?\b"
    rf"|\b\d{{1,2}}\s?(?:am|pm)\b", re.I)
ZERO_PHRASE = re.compile(
    r"\bno\s+(?:(?:small[- ])?boats?|crossings?|arrivals?|migrants?|people|one)\b"
    r"(?=\s+(?:crossed|arrived|were|have|had|made|for|in|on|since|reached|landed|came)\b|[.,;])",
    re.I)


ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
            "eighth": 8, "ninth": 9, "tenth": 10}
# "the second migrant to be deported under the deal": an ordinal that counts returns to date.
ORDINAL_RETURN = re.compile(
    r"\b(?:the\s+)(?P<o>" + "|".join(ORDINALS) + r"|\d+(?:st|nd|rd|th))\s+"
    r"(?:(?:migrant|person|man|woman|asylum[- ]seeker|individual)\s+(?:to\s+be\s+|being\s+)?"
    r"(?:deported|returned|removed|sent\s+back)|(?:deportation|return|removal)(?:\s+flight)?)\b", re.I)


@dataclass(frozen=True)
class Figure:
    """A figure in the text: where it stands, its words, its value and the rule that read it."""
    start: int
    end: int
    text: str
    value: float
    currency: str | None = None
    percent: bool = False
    vague: str | None = None  # the vague quantity word, when the figure is one
    word: bool = False  # written in words
    rule: str = "digits"


def _is_year(num: str, cur: str | None, scale: str | None, pct: str | None, after: str, before: str) -> bool:
    """Whether digits read as a year ("in 2024"), not a count ("2024 people")."""
    if cur or scale or pct or "," in num or "." in num:
        return False
    if not (len(num) == 4 and 1900 <= int(num) <= 2100):
        return False
    return not re.match(r"\s+(?:people|migrants|boats|asylum|men|women|children|persons)\b", after)


def _masked(spans: list[tuple[int, int]], starts: list[int], s: int, e: int) -> bool:
    """Whether [s, e) touches one of the sorted, non-overlapping ``spans`` (``starts`` are theirs):
    a bisection, so that a text of many dates stays linear."""
    i = bisect.bisect_right(starts, e) - 1
    while i >= 0 and spans[i][1] >= s:
        a, b = spans[i]
        if a <= s < b or a < e <= b:
            return True
        if b <= s:
            break
        i -= 1
    return False


# Stems a number word starts with ("eleven", "twenty-one" share "e", "tw"...): a segment holding none of
# them is not scanned with NUMBER_WORDS (most of the time on long text without figures).
_WORD_STEMS = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
               "twelve", "thirteen", "fifteen", "twenty", "thirty", "forty", "fifty", "hundred", "thousand",
               "million", "billion")
_DIGIT = re.compile(r"\d")


def find_figures(text: str, start: int = 0, end: int | None = None) -> list[Figure]:
    """Every figure in text[start:end]: digits (with currency, scale and per cent), number words and
    vague quantities, less dates, years, ages, durations, ordinals and identifiers."""
    end = len(text) if end is None else end
    seg = text[start:end]
    low = seg.lower()
    figs: list[Figure] = []
    if _DIGIT.search(seg) is not None:
        figs += _digit_figures(text, seg, start)
    if any(w in low for w in _WORD_STEMS):
        figs += _word_figures(text, seg, start)
    _add_vague_figures(text, seg, start, low, figs)
    for m in ZERO_PHRASE.finditer(seg):
        s, e = m.start() + start, m.end() + start
        figs.append(Figure(s, e, text[s:e], 0.0, word=True, rule="zero_phrase"))
    for m in ORDINAL_RETURN.finditer(seg):
        s, e = m.start("o") + start, m.end("o") + start
        o = m["o"].lower()
        value = ORDINALS.get(o) or int(re.sub(r"\D", "", o))
        figs.append(Figure(s, e, text[s:e], float(value), word=True, rule="ordinal_return"))
    return _outermost(figs)


def _digit_figures(text: str, seg: str, start: int) -> list[Figure]:
    """The figures written in digits in ``seg`` (the text from ``start``), less those in a date."""
    masked = [(m.start() + start, m.end() + start) for m in DATE_LIKE.finditer(seg)]
    mask_starts = [a for a, _ in masked]
    figs: list[Figure] = []
    for m in DIGITS.finditer(seg):
        if _masked(masked, mask_starts, m.start("num") + start, m.end("num") + start):
            continue
        fig = _digit_figure(text, m, start)
        if fig is not None:
            figs.append(fig)
    return figs


def _digit_figure(text: str, m: re.Match[str], start: int) -> Figure | None:
    """The figure a ``DIGITS`` match in a segment from ``start`` states (None when it is no quantity)."""
    s, e = m.start() + start, m.end() + start
    num, cur, scale, pct = m["num"], m["cur"], m["scale"], m["pct"]
    after, before = text[e:e + 40], text[max(0, s - 25):s]
    if _is_year(num, cur, scale, pct, after, before) or _in_token_or_label(text, m, start, after, before) \
            or _age_or_measure(text, m, start, before):
        return None
    if DOT_THOUSANDS.fullmatch(num):
        if not COUNT_NOUN_AFTER.match(text, m.end("num") + start):
            return None  # "1.000" beside no count noun: a decimal we cannot read
        num = num.replace(".", ",")
    value = float(num.replace(",", ""))
    if scale:
        value *= SCALE[scale.lower()]
    return Figure(s, e, text[s:e].strip(), value, _currency(text, cur, e), bool(pct))


def _in_token_or_label(text: str, m: re.Match[str], start: int, after: str, before: str) -> bool:
    """Whether the digits are part of a token ("A1", "COVID-19"), a duration ("3 hours ago"), a label
    ("Article 5") or an ordinal ("150th")."""
    s_num, num_end, cur, pct = m.start("num") + start, m.end("num") + start, m["cur"], m["pct"]
    if s_num > 0 and (text[s_num - 1].isalpha() or text[s_num - 1] in "-/#:") and not cur:
        return True  # part of a token such as "A1", "COVID-19", "G7"
    if not cur and not pct and re.match(rf"\s*(?:-\s*)?{UNITS_OF_TIME}\b", text[num_end:num_end + 20], re.I) \
            and not m["scale"]:
        return True  # durations and clock phrases ("3 hours ago", "five years"): periods, not figures
    prev_word = re.search(r"([A-Za-z0-9]+)\s*$", before)
    if prev_word and prev_word.group(1).lower() in IDENTIFIER_WORDS and not cur and not pct \
            and not re.match(r"\s*(?:,\d|people|migrants|boats)", after) \
            and prev_word.group(1).lower() != "a":
        return True
    return bool(ORDINAL_SUFFIX.match(text, num_end)) and not cur


def _age_or_measure(text: str, m: re.Match[str], start: int, before: str) -> bool:
    """Whether the digits are an age ("aged 18"), a measure ("21-mile"), "24/7", a code ("65CCAE04")
    or the emergency number 999."""
    s_num, num_end, e = m.start("num") + start, m.end("num") + start, m.end() + start
    cur, pct = m["cur"], m["pct"]
    if not cur and not pct and _an_age(text, s_num, num_end):
        return True
    if not cur and FUSED_UNIT.match(text, num_end):
        return True
    if not cur and text.startswith("/7", num_end):
        return True  # "a 24/7 coordination centre"
    if not (cur or m["scale"] or pct) and e < len(text) and text[e].isalpha():
        return True  # part of a code or identifier ("65CCAE04")
    if (NAMED_NUMBER.search(text[max(0, s_num - 12):s_num]) or VERSION.search(text[max(0, s_num - 12):s_num])) \
            and not (cur or pct):
        return True  # part of a name: "Utopia 56", "Article 8", "Covid-19"-style
    if m["num"] == "999" and re.search(r"\b(?:dial\w*|call\w*|ring\w*|phon\w*|rang)\s+$", before, re.I):
        return True  # the UK emergency number
    return bool(PEOPLE_OVER_AGE.search(text[max(0, s_num - 25):s_num]))


def _an_age(text: str, s: int, e: int) -> bool:
    """Whether the number text[s:e] is an age: "aged 18", "a boy aged four", "aged around three", "5 years old"."""
    before = text[max(0, s - 30):s]
    return bool(AGE_BEFORE.search(before) and (re.search(r"\baged?\b", before, re.I)
                                               or re.match(r"\s*(?:years?\s+old|-year-old)", text[e:e + 12], re.I)))


def _currency(text: str, cur: str | None, e: int) -> str | None:
    """The currency of a figure ending at ``e``: its symbol's, else that of a currency word after it."""
    currency = CURRENCY.get(cur) if cur else None
    if not currency:
        w = re.match(r"\s*([A-Za-z]+)", text[e:e + 12])
        if w and w.group(1).lower() in CURRENCY_WORDS:
            currency = CURRENCY_WORDS[w.group(1).lower()]
    return currency


def _word_figures(text: str, seg: str, start: int) -> list[Figure]:
    """The figures written in number words in ``seg`` (the text from ``start``) that count something."""
    figs: list[Figure] = []
    for m in NUMBER_WORDS.finditer(seg):
        fig = _word_figure(text, m, start)
        if fig is not None:
            figs.append(fig)
    return figs


def _word_figure(text: str, m: re.Match[str], start: int) -> Figure | None:
    """The figure a ``NUMBER_WORDS`` match in a segment from ``start`` states (None when it counts nothing)."""
    s, e = m.start() + start, m.end() + start
    words = m.group(0)
    core = re.sub(r"^(?:a|an)\s+", "", words, flags=re.I)
    if core.lower() in {"hundred", "thousand", "million", "billion"} and words.lower() == core.lower():
        return None  # bare "thousand" without a count: part of a vague or other phrase
    try:
        value = float(text2num(core.lower().replace("-", " ").replace(" and ", " "), "en"))
    except ValueError:
        return None
    after = text[e:e + 40]
    pct = re.match(r"\s+(?:per\s?cent|percent)\b", after, re.I)  # "up one per cent": a percentage, always
    if not pct and (_an_age(text, s, e) or not _counts_something(text, s, e, core, after)):
        return None  # "a boy aged four": an age
    return Figure(s, e + (pct.end() if pct else 0), text[s:e + (pct.end() if pct else 0)],
                  value, percent=bool(pct), word=True, rule="number_words")


def _counts_something(text: str, s: int, e: int, core: str, after: str) -> bool:
    """Whether the number words text[s:e] count something ("six boats", "two more deportations"), not
    a duration, a measure or a phrase ("one of the most", "one in, one out")."""
    if FUSED_UNIT.match(text, e) or re.match(rf"[\s-]*{UNITS_OF_TIME}\b", after, re.I):
        return False
    noun = re.match(r"[\s-]+(?:(?:more|other|further|extra|additional|small|new|young|"
                    r"separate|different|of\s+the|of\s+them)\s+)?([a-z]+)", after, re.I)
    if not noun or noun.group(1).lower() in {"in", "out", "for", "of", "to", "by", "or", "and",
                                               "way", "another", "thing", "reason", "point"}:
        return False
    if re.search(r"\bone[\s-]+(?:in|for)[\s,-]+one\b", text[max(0, s - 12):e + 12], re.I):
        return False
    # "one of the most", "One man", "One group": not a count
    return not (core.lower() == "one" and (re.match(r"\s+of\b", after, re.I) or not re.match(
        r"[\s-]+(?:(?:small|single|more|other|further|inflatable|migrant|\w+-\w+)\s+)?(?:boat|dinghy|vessel|craft|RIB|day|flight)\b",
        after, re.I)))


def _add_vague_figures(text: str, seg: str, start: int, low: str, figs: list[Figure]) -> None:
    """Add to ``figs`` the vague quantities in ``seg`` ("hundreds", "a handful") that start in no
    figure already there."""
    for phrase, floor in VAGUE.items():
        if phrase.split()[-1] not in low:
            continue
        for m in re.finditer(rf"\b{phrase}\b", seg, re.I):
            s, e = m.start() + start, m.end() + start
            if any(f.start <= s < f.end for f in figs):
                continue
            figs.append(Figure(s, e, text[s:e], float(floor), vague=phrase, word=True,
                               rule="vague_quantity"))


def _outermost(figs: list[Figure]) -> list[Figure]:
    """The figures in text order, less any that starts inside an earlier, longer one."""
    figs.sort(key=lambda f: (f.start, -f.end))
    out: list[Figure] = []
    for f in figs:  # drop figures nested in an earlier, longer one
        if out and f.start < out[-1].end:
            continue
        out.append(f)
    return out
