"""What a figure counts: metric and unit from the noun after it and the verbs around it."""

from __future__ import annotations

import re

from .numbers import Figure

PEOPLE = (r"(?:migrants?|people|persons?|asylum[- ]seekers?|individuals|men|women|children|"
          r"adults|minors|refugees|passengers|crossers|arrivals|Albanians|Afghans|Iranians|"
          r"Eritreans|Syrians|Iraqis|Vietnamese|Sudanese|nationals)")
BOATS = r"(?:(?:small[- ])?boats?|dinghies|dinghy|vessels?|crafts?|RIBs?|rhibs?|kayaks?)"
RETURN_NOUNS = r"(?:deportations?|returns?|removals?|deportees|returnees|readmissions?)"
COUNTRIES = r"(?:countries|nations|states|governments|member\s+states)"

# Verb cues for people, in order of precedence; each -> metric.
PEOPLE_CUES = [
    (r"\b(?:died|dead|deaths?|drowned|killed|lost their lives|bodies)\b", "people_died"),
    (r"\b(?:rescued|saved)\b", "people_rescued"),
    (r"\b(?:detained|held|holding|housed|housing|in detention|removal centres?|detention centres?|arrested)\b", "people_detained"),
    (r"\b(?:deported|returned|removed|sent back|readmitted|flown back|deportation|removal)\b", "people_returned"),
    (r"\b(?:prevented|stopped|thwarted|blocked|foiled|turned back)\b", "people_prevented"),
    (r"\b(?:attempted|tried|trying|attempting)\s+to\s+cross", "people_attempted"),
    (r"\bintercepted\b", "people_intercepted"),
    (r"\b(?:crossed|crossing|crossings|arrived|arrivals?|reached|made the (?:journey|crossing)|"
     r"landed|brought (?:ashore|to)|taken to|came ashore|detected|made it|processed)\b", "people_arrived"),
]
BOAT_CUES = [
    (r"\b(?:set off|launched|left|departed|setting off|launching)\b", "boats_departed"),
    (r"\b(?:prevented|stopped|intercepted by French)\b", "boats_prevented"),
]
# A single boat's passengers ("a dinghy ... where up to 60 migrants were taken to Dover") are part
# of a day's arrivals, not the total.
ONE_BOAT = re.compile(r"\b(?:a|one|the|single)\s+(?:[\w-]+\s+){0,2}(?:boat|dinghy|vessel|craft)\b(?!s)", re.I)
CHANGE_WORDS = re.compile(r"\b(?:rise|rose|increase|increased|up|higher|more|jump|jumped|surge|"
                          r"fall|fell|decrease|decreased|down|lower|fewer|drop|dropped|declined?|"
                          r"cut|reduction|grew|growth|doubled?|on|compared|than)\b", re.I)


def _noun_after(text: str, end: int) -> str:
    m = re.match(r"[\s-]*(?:(?:more|other|further|extra|additional|small|new|young|separate|"
                 r"different|of|the|illegal|irregular|undocumented|male|female|adult|"
                 r"unaccompanied|foreign|Channel|[A-Z][a-z]+an|[A-Z][a-z]+i)\s+){0,3}"
                 r"([A-Za-z-]+(?:\s+seekers?|\s+states)?)", text[end:end + 60])
    return m.group(1) if m else ""


CLAUSE_CUT = re.compile(r"\s(?:but|as|while|although|whereas|after|and\s+the|and\s+a)\s|[;:–—]|"
                        r",\s+(?:and|but|as|while|taking|bringing|making|pushing|meaning|which)\s", re.I)


def _window_after(s: str, limit: int = 95) -> str:
    """The figure's own verb phrase: up to the next clause break."""
    m = CLAUSE_CUT.search(s, 1)
    return s[: m.start() if m else limit][:limit]


def _window_before(s: str, limit: int = 50) -> str:
    cuts = list(CLAUSE_CUT.finditer(s))
    return s[cuts[-1].end():][-limit:] if cuts else s[-limit:]


def classify(text: str, fig: Figure, clause: str, clause_offset: int) -> tuple[str, str]:
    """Return (metric, unit) for a figure whose clause is text[clause_offset:...]."""
    if fig.currency:
        return "money", fig.currency
    noun = _noun_after(text, fig.end)
    near_before = text[max(0, fig.start - 30):fig.start]
    if fig.percent:
        return ("percent_change" if CHANGE_WORDS.search(clause) else "percent_share"), "percent"
    if fig.rule == "ordinal_return":
        return "people_returned", "people"
    if fig.rule == "zero_phrase":
        return ("boats_arrived" if re.search(BOATS, fig.text, re.I) else "people_arrived"), \
            ("boats" if re.search(BOATS, fig.text, re.I) else "people")
    rel = fig.start - clause_offset
    after = _window_after(clause[rel:])
    before_win = _window_before(clause[:rel])
    if re.fullmatch(BOATS, noun, re.I) or re.match(rf"[\s-]+{BOATS}\b", text[fig.end:fig.end + 20], re.I):
        for pat, metric in BOAT_CUES:
            if re.search(pat, after, re.I) or re.search(pat, before_win[-30:], re.I):
                return metric, "boats"
        return "boats_arrived", "boats"
    if re.fullmatch(RETURN_NOUNS, noun, re.I):
        return "people_returned", "people"
    if re.fullmatch(COUNTRIES, noun, re.I):
        return "countries", "countries"
    if re.match(r"\s+(?:each|apiece|per\s+boat|on\s+average)\b", text[fig.end:fig.end + 20], re.I) or \
            re.search(r"\baverage\s+of\s*$", near_before, re.I):
        return "people_other", "people"  # a ratio, not a count of arrivals
    if re.match(r"\s+(?:arriving|arrived|crossing|crossed|landing|landed|reaching)\b", text[fig.end:fig.end + 15], re.I):
        return "people_arrived", "people"  # "with 972 arriving on Sunday": the noun is implied
    is_people = re.fullmatch(PEOPLE, noun, re.I) or re.search(
        rf"\b(?:number|total|tally|count)\s+of\s+{PEOPLE}", clause[:rel], re.I) or (fig.vague and re.match(rf"\s+of\s+{PEOPLE}", text[fig.end:fig.end + 40], re.I))
    if is_people or re.search(rf"\btotal\b|\bfigure\b|\bnumber\b", near_before + noun, re.I):
        for pat, metric in PEOPLE_CUES:
            if re.search(pat, after, re.I) or re.search(pat, before_win, re.I):
                if metric == "people_arrived" and ONE_BOAT.search(before_win + " " + clause[:rel][-160:]):
                    return "people_on_one_boat", "people"
                return metric, "people"
        return ("people_arrived" if re.search(r"\b(?:Channel|small boats?|crossings?)\b", clause, re.I)
                else "people_other"), "people"
    if re.search(PEOPLE, clause, re.I):
        for pat, metric in PEOPLE_CUES[:4]:  # "held about 4,000": a stock of people
            if re.search(pat, before_win[-25:], re.I):
                return metric, "people"
    if re.search(r"\b(?:crossings|arrivals)\b", before_win, re.I):
        return "people_arrived", "people"  # "Crossings this year passed 5,000": UK reports count people
    return "count_other", "count"


# The metric vocabulary, documented once (the claims schema's enum must list exactly these).
METRIC_DOCS = {
    "people_arrived": "People who crossed and arrived in the UK (detected on arrival or brought ashore): the series' 'Migrants arrived'.",
    "boats_arrived": "Boats that arrived (the series' 'Boats arrived').",
    "boats_departed": "Boats reported to have set off from France (not the series' measure).",
    "boats_prevented": "Boats stopped from setting off.",
    "people_prevented": "People prevented from crossing by the French authorities (SB_02 'Migrants prevented').",
    "people_intercepted": "People intercepted at sea; UK reports use it for people brought to the UK, so it is checked against arrivals.",
    "people_attempted": "People who attempted to cross (arrivals plus those stopped): not the series' measure.",
    "people_on_one_boat": "People on a single boat: part of a day's arrivals, not a total.",
    "people_returned": "People returned, deported or removed.",
    "people_detained": "People held in detention or removal centres.",
    "people_rescued": "People rescued at sea.",
    "people_died": "People who died attempting the crossing.",
    "people_other": "Another count of people (children seen, capacity, averages).",
    "money": "An amount of money (unit: ISO 4217 currency).",
    "percent_change": "A percentage change between two periods (change_of says of what).",
    "percent_share": "A percentage share of a total.",
    "countries": "A count of countries.",
    "count_other": "Another count (officers, flights, ...).",
}
