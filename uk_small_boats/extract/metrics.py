"""What a figure counts: a noun class from the words after it, then named cue rules over its clause.

Two tables a reader can scan: ``NOUN_CLASSES`` (what kind of thing a figure counts, from the noun
after it) and ``CUES`` (what happened to those people or boats, from the verbs around the figure).
In UK reports on Channel crossings a count of people with no other cue is a count of arrivals: people
"rescued off Dover", "intercepted by Border Force" or "detained in Kent" were brought to the UK. Cues
that take a count away from arrivals need a reason in the text: France, returns, deaths, averages.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..metadata.vocab import vocabulary
from .numbers import Figure


@dataclass(frozen=True)
class Cue:
    """A named cue: where it matches around a figure, the figure counts ``metric``.

    ``before`` is searched in the clause before the figure, ``after`` in the clause after it and
    ``window`` in both; any one matching is enough.
    """
    name: str
    metric: str
    applies_to: frozenset[str]  # noun classes it can change
    doc: str
    before: re.Pattern[str] | None = None
    after: re.Pattern[str] | None = None
    window: re.Pattern[str] | None = None
    sentence: re.Pattern[str] | None = None  # searched in the sentence up to the figure
    anywhere: re.Pattern[str] | None = None  # searched in the whole sentence
    also: re.Pattern[str] | None = None  # must match the whole sentence as well (a condition, not a cue)
    unless_before: re.Pattern[str] | None = None  # the cue does not apply when this ends the words before

    def matches(self, before: str, after: str, lead: str = "", figure: str = "", whole: str = "") -> bool:
        """Whether the cue applies to the figure whose clause is ``before`` + ``figure`` + ``after``."""
        if self.also and not self.also.search(whole) or self.unless_before and self.unless_before.search(before):
            return False
        return bool((self.before and self.before.search(before)) or (self.after and self.after.search(after))
                    or (self.window and self.window.search(f"{before}{figure}{after}"))
                    or (self.sentence and self.sentence.search(lead)) or (self.anywhere and self.anywhere.search(whole)))


def _c(pattern: str) -> re.Pattern[str]:
    """Compile ``pattern`` case-insensitively."""
    return re.compile(pattern, re.I)


# Noun classes: (name, pattern over the words right after the figure). First match wins.
ADJ = (r"(?:(?:and\s+)?(?:more|other|further|extra|additional|small|new|young|separate|different|suspected|"
       r"illegal|irregular|undocumented|male|female|adult|unaccompanied|foreign|Channel|lone|migrant|"
       r"so-called|desperate|individual|asylum-seeking|[A-Z][a-z]+(?:an|i|ish|ese))[\s,]+){0,4}")
PEOPLE_NOUN = (r"(?:migrants?|people(?![\s-]+(?:traffickers|smugglers|smuggling|trafficking))|persons?|asylum[- ]seekers?|individuals|men|adults|refugees|"
               r"passengers|crossers|arrivals|nationals|(?:small[- ]boat\s+)?(?:arrivals|migrants)|"
               r"Albanians|Afghans|Iranians|Eritreans|Syrians|Iraqis|Vietnamese|Sudanese|Indians|"
               r"Kurds|others|(?:small[- ]boat\s+)?crossings|landings|souls)")
BOAT_NOUN = (r"(?:(?<!small\s)(?<!small-)boats?(?=[\s-]+crossings)|(?:small[- ])?boats?|dinghies|dinghy|vessels?|crafts?|RIBs?|"
             r"boatloads?|inflatables?)(?![\s-]+(?:migrants|people|arrivals|crossings|passengers))")
CHILD_NOUN = r"(?:children|child|minors|kids|teenagers|babies|baby|toddlers|infants|women|woman|girls|boys)"
NOUN_CLASSES: list[tuple[str, re.Pattern[str]]] = [
    ("other", _c(r"[\s-]+(?:Border\s+Force|BF|coastguard|RNLI|French|navy|Royal\s+Navy)\s+(?:\w+\s+)?(?:vessels?|cutters?|boats?|"
                 r"officers?|ships?|lifeboats?|patrols?|helicopters?)\b")),
    ("boats", _c(r"[\s-]+boat\s+(?:crossings|landings)\b")),
    ("boats", _c(rf"[\s-]+{ADJ}{BOAT_NOUN}\b")),
    ("returns", _c(rf"[\s-]+{ADJ}(?:deportations?|returns?|removals?|deportees|returnees|readmissions?)\b")),
    ("attempts", _c(rf"[\s-]+{ADJ}(?:attempted\s+crossings|attempts|crossing\s+attempts|incidents|events)\b")),
    ("children", _c(rf"[\s-]+{ADJ}{CHILD_NOUN}\b")),
    ("people", _c(rf"[\s-]+{ADJ}{PEOPLE_NOUN}\b")),
    ("countries", _c(r"[\s-]+(?:other\s+|more\s+|European\s+|EU\s+)?(?:countries|nations|member\s+states)\b")),
    ("deaths", _c(r"[\s-]+(?:deaths|lives|bodies|fatalities)\b")),
    ("other", _c(r"[\s-]+(?:[A-Za-z]+\s+){0,3}?(?:police|officers|gendarmes|troops|soldiers)\b")),
    ("other", _c(r"[\s-]+(?:[A-Za-z]+\s+){0,2}?(?:officers?|officials|agents|police|members|contenders|rivals|gendarmes|staff|personnel|"
                 r"flights?|hotels?|beds?|cases|applications|claims|decisions|arrests?|convictions|prosecutions|smugglers|traffickers|gangs|"
                 r"drones|cameras|miles|km|kilometres|metres|feet|degrees|hours|days|weeks|months|years|"
                 r"times|points?|places|sites|centres?|jobs|homes|rooms|nights|seats|votes|MPs|pages|"
                 r"kayaks?|cutters|ships|helicopters|planes|aircraft|patrols?|titles|newspapers|stories|articles|"
                 r"reports|candidates|constituencies|priorities|pledges|promises|cases|instances|incidents)\b")),
]

# "N people who made the journey": the relative clause's own verb says what happened to them.
RELATIVE_VERB = _c(r"[\s-]+(?:\w+[\s,]+){0,4}?(?:who|that|which)\s+(?:have\s+|had\s+|has\s+|were\s+|was\s+)?"
                   r"(?:now\s+|already\s+|since\s+|successfully\s+)?(?:been\s+)?(?P<verb>\w+)")
PAST_VERB_AFTER = _c(r"\s+(?:\w+\s+){0,2}?(?:crossed|arrived|made|reached|landed|came|were|had)\b")
ARRIVAL_VERBS = re.compile(r"(?:arriv|cross|land|reach|made|make|came|come|entered|detect|brought|"
                           r"intercept|picked|rescu|travel)", re.I)
RETURN_VERBS = re.compile(r"(?:deport|return|remov|sent|flown|expell|repatriat)", re.I)
CROSSING_CONTEXT = _c(r"\b(?:Channel|small[- ]boats?|crossings?|crossed|arriv\w*|migrants?|dinghy|journey|detected|"
                      r"dinghies|Dover|Border\s+Force|asylum|deport\w*|returns?|removed|milestone|"
                      r"total|tally)\b")

CLAUSE_CUT = _c(r"\s(?:but|while|although|whereas|despite|and\s+the|and\s+a|with\s+a)\s|[;:–—()\[\]]|"
                r",\s+(?:and|but|as|while|taking|bringing|making|pushing|meaning|which|when|with|compared|"
                r"up\s+from|down\s+from|than)\s|\s(?:compared\s+(?:with|to)|(?<!picked\s)(?<!picking\s)(?<!picks\s)up\s+from|down\s+from|against)\s")

FRENCH = (r"(?:French|France|gendarmes?|gendarmerie|Pr[ée]fecture|Maritime\s+Prefecture|Marine\s+Nationale|"
          r"CROSS\s+Gris[- ]Nez|Calais|Dunkirk|Boulogne|Gravelines|Wimereux)")
STOP_VERBS = (r"(?:prevent\w*|stop(?:ped|ping|s)?|thwart\w*|block\w*|foil\w*|halt\w*|intercept\w*|rescu\w*|"
              r"sav(?:ed|ing)|turn\w*\s+back|taken\s+back|brought\s+back|picked\s+up|deterred|bann(?:ed|ing)|barred)")
# "rescued 559 people from the sea between France and Kent", "... who set off from France": a place, not the agent
FRENCH_STOPPED = (rf"\b{STOP_VERBS}\b[^.;#]{{0,100}}?(?<!between\s)(?<!from\s)\b{FRENCH}|\b{FRENCH}\b[^.;#]{{0,80}}?\b{STOP_VERBS}\b|"
                  rf"\bin\s+French\s+waters\b|\bback\s+to\s+(?:the\s+)?(?:French\s+coast|quay|beach)\b|"
                  rf"\breturned\s+to\s+(?:France|the\s+French\s+(?:coast|shore))\s+by\s+(?:the\s+)?French\b")
ASYLUM_PROCESS = _c(r"\b(?:seeking\s+asylum|asylum\s+(?:applications?|claims?|backlog|decisions?|seekers?\s+waiting)|"
                    r"applications?|convictions?|convicted|arrest(?:ed|s)?|charged|prosecut\w+|waiting\s+for\s+an?\s+"
                    r"(?:initial\s+)?decision|backlog|irregular\s+(?:arrivals|migrants|entry)|all\s+routes|"
                    r"Europe-wide|across\s+Europe|Mediterranean|resettle\w*|legal\s+routes?|safe\s+routes?)\b")
CUES: list[Cue] = [
    Cue("other_process", "people_other", frozenset({"people", "bare"}),
        "Asylum applications, arrests, convictions, backlogs, all irregular routes, Europe-wide figures: "
        "not Channel crossings.", sentence=ASYLUM_PROCESS,
        # "ten people were arrested following demonstrations in Dover"
        after=_c(r"^\s+(?:\w+\s+){0,2}?(?:were|was|have\s+been|had\s+been|has\s+been)\s+(?:\w+\s+)?"
                 r"(?:arrested|charged|convicted|jailed|sentenced|prosecuted)\b"),
        anywhere=_c(r"\b(?:Mediterranean|Europe-wide|UN\s+estimates|UNHCR|displaced|worldwide|globally)\b")),
    Cue("subgroup", "people_other", frozenset({"people", "bare"}),
        "Part of a group already counted: 'the other three', 'two of the others', 'eight said they were Iraqi'.",
        before=_c(r"\b(?:the\s+other|of\s+the\s+others|among\s+them|of\s+whom|included|the\s+remaining|"
                  r"of\s+these,?|of\s+those,?|of\s+which,?)\s+(?:about\s+|around\s+|some\s+)?$"
                  # "43 migrants, including eight said to be children" (not "including 500 on Tuesday")
                  r"|\bincluding\s+(?:about\s+|around\s+|some\s+|at\s+least\s+)?$"),
        after=_c(r"^\s+(?:of\s+(?:the\s+)?(?:others|them|those|these|the\s+(?:group|men|migrants|people|passengers))"
                 r"(?!\s+(?:arriving|arrived|crossing|who\s+(?:arrived|crossed)|(?:have|has|had)\s+(?:been\s+)?\w+)\s+"
                 r"(?:since|in|during|on|this|last|so\s+far))|"
                 r"(?:have\s+|had\s+|has\s+)?(?:said\s+they\s+were|claimed\s+to\s+be|presented\s+themselves)|claimed\s+to\s+be|identified\s+(?:themselves\s+)?as|presented\s+themselves|"
                 r"described\s+themselves|were\s+(?:from|[A-Z][a-z]+(?:an|i|ish|ese)\b))\b"),
        also=_c(r"^(?![^.;]*\bincluding\s+(?:about\s+|around\s+|some\s+|at\s+least\s+)?[\d,]+\s+(?:\w+\s+){0,2}?"
                r"(?:on|yesterday|today|last|this|in|during|since|so\s+far)\b)"),
        unless_before=_c(r"\b(?:all|all\s+the|the|those|these)\s+$")),  # "All 39 presented themselves as Iranian"
    Cue("composition", "people_other", frozenset({"people", "bare"}),
        "A group's make-up ('seven men, one woman and a toddler', '14 men and three minors'): parts of a count.",
        after=_c(r"^\s+(?:\w+\s+)?(?:men|women|adults|males|females)\s*(?:,|and)\s+(?:an?|one|two|three|four|five|six|seven|eight|nine|ten|\d+)\s+"
                 r"(?:\w+\s+)?(?:men|women|woman|man|minors?|child(?:ren)?|toddlers?|bab(?:y|ies)|boys?|girls?|teenagers?|infants?)\b"),
        before=_c(r"\b(?:made\s+up\s+of|consisting\s+of|comprising)\s+$")),
    Cue("not_by_boat", "people_other", frozenset({"people", "bare"}),
        "Found in lorries or vehicles, or votes and majorities: not small-boat arrivals.",
        anywhere=_c(r"\b(?:lorry|lorries|HGV|heavy\s+goods\s+vehicle|truck|container)\b"),
        window=_c(r"\b(?:van|votes?|majority)\b")),
    Cue("legal_route", "people_other", frozenset({"people", "bare"}),
        "People accepted, admitted or resettled through a legal route: not small-boat arrivals.",
        before=_c(r"\b(?:accepted|admitted|resettled|welcomed|granted|brought\s+in\s+(?:legally|under))\b[^.;]{0,30}$"),
        after=_c(r"^[^.;]{0,60}\b(?:(?:approved|accepted|admitted|resettled)\s+(?:through|under|via)|legal\s+routes?)\b")),
    Cue("difference", "people_other", frozenset({"people", "bare"}),
        "A difference between two counts ('almost 5,000 more than in 2024'), not a count.",
        after=_c(r"^\s+(?:\w+\s+)?(?:more|fewer|less|higher|lower)\s+(?:\w+\s+){0,2}?than\b"
                 r"|^\s+(?:\w+\s+)?(?:short\s+of|shy\s+of|behind|ahead\s+of)\b"),
        before=_c(r"\b(?:up|down|rise|rose|risen|increase[ds]?|fall|fell|drop(?:ped)?|jump(?:ed)?|grew|grown)\s+by\s+"
                  r"(?:almost\s+|nearly\s+|about\s+|around\s+|more\s+than\s+|over\s+|some\s+|just\s+)?$"
                  r"|\b(?:an?\s+)?(?:increase|rise|fall|drop|decrease|jump|reduction)\s+of\s+"
                  r"(?:almost\s+|nearly\s+|about\s+|around\s+|more\s+than\s+|over\s+|some\s+|just\s+)?$")),
    Cue("pictured", "people_other", frozenset({"people", "bare"}),
        "People described in a picture or gathering in France: not a count of arrivals.",
        after=_c(r"^[\s-]+(?:\w+\s+){0,3}?(?:were|was|are|is|being)\s+(?:\w+\s+){0,3}?(?:pictured|photographed|filmed|seen\s+in|"
                 r"gathered|camped|waiting|packed\s+into)\b|^[\s-]+(?:\w+\s+){0,3}?(?:in\s+camps|in\s+northern\s+France)\b"),
        window=_c(r"\bfootage\s+(?:shows|showed)\b")),
    Cue("average", "people_other", frozenset({"people", "bare", "boats", "returns"}),
        "A ratio, not a count: 'an average of 52 per boat', '131 a day', '50 returns a week', 'on average'.",
        before=_c(r"\b(?:averag(?:e|ing)|(?:the|a)\s+mean)\s+(?:number\s+)?(?:of\s+)?(?:about\s+|around\s+|some\s+|almost\s+|nearly\s+|just\s+over\s+|"
                  r"(?:more|greater|fewer|less)\s+than\s+|over\s+|under\s+)?$"
                  r"|\b(?:one|1|two|three|four|five|six|seven|eight|nine)\s+in\s+(?:every\s+)?$"
                  r"|\bper\s+(?:boat|dinghy|vessel)\s+(?:was|is|of|at|to|reached|passed|hit)\s+(?:about\s+|around\s+)?$"
                  r"|\baverage\b[^.;]{0,50}\b(?:reach\w*|pass\w*|hit|rose\s+to|climb\w*\s+to|was|stood\s+at|of|than|to)\s+(?:about\s+|around\s+)?$"
                  r"|\bper\s+(?:small\s+)?(?:boat|dinghy|vessel)\b[^.;]{0,80}$"),
        # "131 a day" is a rate; "1,075 crossed in a day" is one day's count
        after=_c(r"^[\s-]*(?:\w+\s+){0,2}?(?<!\bin\s)(?:a|per|each|every)\s+(?:day|boat|dinghy|vessel|crossing|week|month|year)\b"
                 r"(?!\s+(?:ago|earlier|before|later|on|after|since))|^\s*(?:each|apiece)\b"
                 r"|^\s+in\s+(?:every\s+)?(?:ten|five|four|three|two|10|20|100)\b(?=\s*(?:of\b|is\b|are\b|were\b|was\b|[,.;]|$))"),
        window=_c(r"\bon\s+average\b")),
    Cue("forecast", "people_other", frozenset({"people", "bare", "boats", "returns"}),
        "A forecast, target or hypothetical, not a count of what happened (unless a past-tense verb of "
        "its own follows: 'promised to stop the boats after 45,755 people crossed'): 'could take the "
        "overall number ... to 50,000', '5,000 asylum seekers are to be placed'.",
        after=_c(r"^\s+(?:[\w-]+\s+){0,3}?(?:are|is)\s+(?:due\s+|set\s+)?to\s+be\b"
                 r"|^\s+(?:[\w-]+\s+){0,2}?(?-i:could|would|may|might)\s+(?:\w+\s+)?(?:com|arriv|cross|reach|mak)\w*\b"),
        sentence=_c(r"\b(?-i:could|may|might)\s+(?:take|push|bring|send|drive)\b[^.;\d]{0,120}\bto\s+"
                    r"(?:about\s+|around\s+|more\s+than\s+|over\s+)?$"),
        before=_c(r"\b(?:(?-i:could|would|may|might|will|should)|expect\w*|forecast\w*|predict\w*|projected|"
                  r"likely\s+to|set\s+to|on\s+course\s+to|on\s+track\s+to|plans?\s+to|aims?\s+to|target\s+of|"
                  r"vow\w*\s+to|pledg\w*\s+to|promis\w*\s+to|hop(?:e|es|ed|ing)\s+to|estimates?\s+that|poised\s+to|"
                  r"anticipated|feared\s+that|warned\s+that|(?:goal|aim|ambition)\s+of|at\s+the\s+current\s+rate|"
                  r"on\s+current\s+trends)\b"
                  r"(?![^.;]{0,80}(?:\b(?:record|total|figure|tally)\s+of\s+(?:about\s+|around\s+)?|"
                  r"\b(?:(?:19|20)\d\d|last\s+year)[’']s\s+(?:[\w-]+\s+)?)$)[^.;]{0,80}$"
                  r"|\bwhether\b[^.;]{0,80}$")),
    Cue("died", "people_died", frozenset({"people", "bare", "children"}),
        "People who died: not arrivals.",
        window=_c(r"\b(?:die|died|dead|drowned|killed|lost\s+their\s+lives|perished|bodies\s+of|lost\s+at\s+sea|missing|"
                  r"feared\s+dead|survived|deaths\s+of|loss\s+of\s+life|death\s+toll)\b")),
    Cue("detention", "people_detained", frozenset({"people", "bare"}),
        "People held, housed or a site's capacity: a stock, not arrivals.",
        window=_c(r"\b(?:in\s+detention|detention\s+centres?|removal\s+centres?|immigration\s+removal|"
                  r"housed|hotels?|accommodat\w+|barge|designed\s+for|capacity|processing\s+centre|held\s+(?:about|around|some|more|up)|"
                  r"(?<!boats\s)(?<!boat\s)(?<!dinghies\s)(?<!vessels\s)holding)\b")),
    Cue("french_prevented", "people_prevented", frozenset({"people", "bare", "attempts"}),
        "Stopped, rescued or turned back by the French authorities: SB_02 'Migrants prevented'.",
        window=_c(FRENCH_STOPPED)),
    Cue("french_authority", "people_prevented", frozenset({"people", "bare", "attempts"}),
        "Rescued or stopped in a sentence whose source is a French authority ('Some 2,358 people had to be "
        "rescued compared to 586 in 2018, the Maritime Prefecture ... told AFP'; 'French authorities said they found 30 "
        "migrants'; 'French officials said 11 people were pulled from boats'), with no landing in the UK.",
        window=_c(r"\b(?:rescu\w*|stopped|blocked|prevented|intercepted\s+(?:at\s+sea|off\s+France)|interceptions?|found|"
                  r"discovered|located|pulled\s+(?:from|out\s+of)|picked\s+up|saved)\b"),
        sentence=_c(r"\bFrench\s+(?:authorities|navy|coastguard|police|officials)\s+(?:\w+\s+){0,2}?intercepted\b[^.;]*$"),
        also=_c(r"^(?![^.]*\b(?:Border\s+Force|brought\s+(?:to|ashore|into)|landed|arrived|Dover|Kent|Ramsgate|"
                r"(?:English|British|UK)\s+(?:authorities|coastguard|officials))\b)"
                r"[^.]*\b(?:French\s+(?:coastguard|navy|authorities|police|officials|interior\s+ministry|maritime)|"
                r"Maritime\s+Prefecture|Pr[ée]fecture\s+maritime|Marine\s+Nationale|gendarmerie|CROSS\s+Gris[- ]Nez)")),
    Cue("prevented", "people_prevented", frozenset({"people", "bare", "attempts"}),
        "Prevented from crossing (UK reports count only French preventions).",
        before=_c(r"\b(?:prevented|stopped|thwarted|blocked|halted|foiled|deterred)\s+(?:a\s+further\s+|more\s+than\s+|"
                  r"around\s+|about\s+|some\s+|nearly\s+|almost\s+|over\s+)*$"),
        window=_c(r"\b(?:prevented|thwarted|foiled|deterred|blocked)\b|\bstopped\s+(?:\w+\s+){0,3}from\s+(?:crossing|reaching|making|"
                  r"entering|leaving|getting|setting\s+off|departing)\b"),
        # "a further 15,000 migrants have failed to reach our shores", "were unable to cross the Channel"
        after=_c(r"^\s+(?:\w+\s+){0,2}?(?:have\s+|had\s+|has\s+)?(?:failed|were\s+unable|was\s+unable)\s+to\s+"
                 r"(?:reach|cross|make|get|land)\b")),
    Cue("returned", "people_returned", frozenset({"people", "bare", "returns"}),
        "Returned, deported or removed from the UK (by flight or treaty).",
        window=_c(r"\b(?:deport\w*|returned|returns|removed|removals?|sent\s+back|readmitted|flown\s+back|flies\s+back|"
                  r"removing|returning|expelled|repatriated|back\s+to\s+France\s+on|on\s+(?:a\s+)?(?:single\s+)?flights?)\b")),
    Cue("attempted", "people_attempted", frozenset({"people", "bare", "attempts"}),
        "Attempts (arrivals plus preventions): at least the day's arrivals, not the series' measure. Only "
        "where attempting is what the sentence says they did: '74 migrants trying to cross the Channel' (a "
        "participle describing them) were arrivals, '861 attempted the crossing' were attempts; so were 'Thirty "
        "migrants who attempted to cross ... intercepted by Border Force' (British interceptions are arrivals).",
        also=_c(r"^(?![^.]*\b(?:intercepted|picked\s+up|rescued|brought\s+(?:ashore|in|to\s+\w+)|escorted)\s+"
                r"(?:\w+\s+){0,3}?by\s+(?:the\s+)?(?:UK\s+|British\s+)?Border\s+Force\b"
                r"|[^.]*\bBorder\s+Force\s+(?:has\s+|have\s+|had\s+)?(?:intercepted|picked\s+up|rescued|brought|escorted)\b)"),
        after=_c(r"^[\s-]+(?:\w+\s+){0,2}?(?:attempted\s+crossings|crossing\s+attempts|attempts)\b"
                 r"|^[\s-]+(?:\w+\s+){0,2}?(?:have|has|had)\s+been\s+attempted\b"
                 r"|^[\s-]+(?:\w+\s+){0,4}?(?:attempted|tried)\s+(?:to\s+(?:cross|make)|the\s+(?:\w+\s+)?crossing)")),
]
CUE = {c.name: c for c in CUES}
BOAT_CUES: list[Cue] = [
    Cue("boats_stock", "count_other", frozenset({"boats"}),
        "Boats pictured, seized or stored: a stock of boats, not crossings.",
        window=_c(r"\b(?:pictured|piled|seized|stored|compound|destroyed|confiscated|impounded|warehouse)\b")),
    Cue("boats_french_prevented", "boats_prevented", frozenset({"boats"}),
        "Boats stopped by the French authorities.",
        window=_c(FRENCH_STOPPED + r"|\b(?:prevented|thwarted|foiled)\b")),
    Cue("boats_departed", "boats_departed", frozenset({"boats"}), "Boats seen setting off (not the series' measure).",
        window=_c(r"\b(?:set\s+off|launched|left\s+(?:the\s+)?(?:French|France|beach)|departed|setting\s+off|"
                  r"launching|were\s+seen\s+leaving)\b")),
    Cue("boats_average", "count_other", frozenset({"boats"}), "A ratio of boats.",
        before=CUE["average"].before, after=CUE["average"].after, window=CUE["average"].window),
]
# Subgroups inside a day's count ("including 14 children", "of whom"), not totals.
SUBGROUP_BEFORE = _c(r"\b(?:among\s+them|among\s+whom|of\s+whom|of\s+which|of\s+those)\s+"
                     r"(?:about\s+|around\s+|some\s+|at\s+least\s+|an?\s+estimated\s+)?$")
# "504 people had been involved, of whom 276 had reached the British coast": the arrivals among attempts
ARRIVED_AMONG = _c(r"^\s+(?:had\s+|have\s+|were\s+)?(?:successfully\s+)?(?:reached|arrived|landed|crossed|made\s+it)\b")
ONE_BOAT = _c(r"\b(?:a|one|the|single|first|second|third|another|each)\s+(?:[\w-]+\s+){0,2}(?:boat|dinghy|vessel|craft)\b"
              r"(?:[^.;#]{0,60}?\s)?(?:was\s+|were\s+)?(?:carrying|with|had|holding|containing|contained|packed\s+with|crammed\s+with)\s+"
              r"(?:about\s+|around\s+|some\s+|up\s+to\s+|at\s+least\s+|more\s+than\s+|approximately\s+)?$")
# "a deathtrap boat being escorted ... to the median line, where up to 60 migrants were taken to
# Dover": a single boat named earlier in the sentence holds the people counted after it.
ONE_BOAT_LEAD = _c(r"\b(?:a|one|the|single)\s+(?:[\w-]+\s+){0,2}(?<!\bby\s)(?:boat|dinghy|vessel|craft)\b(?![\s-]*(?:s\b|crossings|arrivals|migrants))"
                   r"(?:(?!\b(?:total|tally|taking|bringing|so\s+far)\b)[^.;\d]){0,160}$")
ONE_BOAT_AFTER = _c(r"^\s+(?:\w+\s+){0,3}?(?:were|was)\s+(?:\w+\s+){0,2}?(?:aboard|on\s+board|onboard|in|on)\s+(?:the|a)\s+"
                    r"(?:first|second|third|fourth|another|single|rigid[- ]hulled|separate)\b|^\s+(?:\w+\s+){0,2}?onboard\b")
# One group of people named as such: "a group of 15", "in one incident, ... 15 people", "one of 13 people
# on board a dinghy", "nine on one RHIB", "its eight male occupants", "12 crammed on to one boat".
# Whether such a group is part of a day or the whole of it is decided over the article
# (extract.claims.step_group_or_total), like a boat's passengers.
GROUP_BEFORE = _c(r"\b(?:a|another|one|the\s+(?:first|second|third|last|other|latest)|a\s+(?:second|third|further|separate|"
                  r"smaller|larger|new))\s+group\s+of\s+(?:about\s+|around\s+|some\s+|up\s+to\s+|at\s+least\s+|more\s+than\s+|"
                  r"approximately\s+|roughly\s+)?$"
                  r"|\b(?:in|during)\s+(?:one|the\s+(?:first|second|third|latest|last|other)|another|a\s+(?:second|separate|"
                  r"further))\s+(?:incident|operation|case|rescue|interception)\b[^.;]{0,60}$"
                  r"|\b(?:was|were)\s+(?:also\s+)?(?:among|one\s+of)\s+(?:the\s+)?(?:about\s+|around\s+|some\s+)?$"
                  r"|\b(?:its|their)\s+$")
GROUP_AFTER = _c(r"^\s+(?:[\w-]+\s+){0,2}?(?:on\s+board|aboard|onboard)\s+(?:a|an|the|one|another|its|their)\b"
                 r"|^\s+(?:[\w-]+\s+){0,2}?from\s+(?:that|the|this|one|each)\s+(?:boat|dinghy|vessel)\b"
                 r"|^\s+(?:[\w-]+\s+){0,2}?occupants\b"
                 r"|^\s+(?:were\s+)?(?:on|in)\s+(?:one|a\s+single|the\s+first|the\s+second|another)\b(?!\s+day)"
                 r"|^\s+(?:[\w-]+\s+){0,3}?(?:crammed|packed|squeezed)\s+(?:into|onto|on\s+to|in|on)\s+(?:a|an|one|1|the)\b")
# "11 men as they crossed the Channel in an inflatable boat": still the arrivals the report knows of
# (often the day's only boat), but a part of the day's count, never more than all of it.
_IN_ONE_BOAT = (r"{0,60}?\b(?:in|on|aboard|using|on\s+board)\s+(?:a|an|one)\s+(?:[\w-]+\s+){0,2}?"
                r"(?:boat|dinghy|vessel|craft|RIB|inflatable)\b(?![\s-]*(?:s\b|crossings|arrivals))")
IN_ONE_BOAT = _c(r"[^.;\d]" + _IN_ONE_BOAT)
# the same, not past a comma or an aside: "42 people, including five in a small dinghy" is the day's total
IN_ONE_BOAT_CLAUSE = _c(r"[^.;,\d–—()]" + _IN_ONE_BOAT)
PERCENT_CHANGE = _c(r"\b(?:rise|rose|risen|rising|increase[sd]?|increasing|up|higher|more|below|above|jump(?:ed|ing|s)?|surg(?:e[sd]?|ing)|"
                    r"fall|fell|fallen|falling|decrease[sd]?|down|lower|fewer|less|drop(?:ped|ping|s)?|declin(?:e|ed|ing)|cut|"
                    r"reduction|reduced|grew|grown|grow|grows|growing|growth|doubled?|on\s+(?:last|the|(?:19|20)\d\d)|compared|than|climb(?:ed|ing)?|"
                    r"soar(?:ed|ing)?|plung(?:e[sd]?|ing)|slump(?:ed|ing)?)\b")
PERCENT_FALL = _c(r"\b(?:fall|fell|fallen|decrease[sd]?|down|lower|fewer|less|below|drop(?:ped|s)?|dropping|declin(?:e|ed|ing)|"
                  r"cut|reduction|reduced|plunge[sd]?|slump(?:ed)?)\b")
SHARE_AFTER = _c(r"\s*\)?\s*(?:of\b|were\b|are\b|came\b|made\s+up|accounted|had\b|said\b|believe|support)")
SHARE_BEFORE = _c(r"\b(?:made\s+up|accounted\s+for|account\s+for|share|proportion|percentage|majority|rate)\b(?:\s+of)?[^.;]{0,100}$")
# "the number of officers ... from 200 to 300": the noun after "number of" says what a bare figure counts.
NUMBER_OF = _c(r"\b(?:number|total|tally|count)\s+of\s+(?:\w+\s+){0,2}?(?P<noun>[A-Za-z-]+)\b[^.;]{0,80}$")


OTHER_PLURAL = re.compile(r"[\s-]+(?:[a-z]+\s+)?(?P<noun>[a-z]{3,}s)\b(?!\s+(?:of|who|were|have|had|that|which)\b)")
# plural nouns of people the noun classes do not list on their own (the rest is PEOPLE_NOUN, CHILD_NOUN)
PERSON_PLURAL = _c(rf"(?:{PEOPLE_NOUN}|{CHILD_NOUN}|males|females|occupants|survivors|youngsters|teens|friends|families|"
                   r"relatives|brothers|sisters|sons|daughters|parents|siblings|asylum)")


def noun_class(text: str, fig: Figure) -> str:
    """The kind of thing a figure counts, from the words after it ("bare" when none)."""
    if fig.currency:
        return "money"
    if fig.percent:
        return "percent"
    after = re.sub(r"^(\s+)[\"“‘']", r"\1", text[fig.end:fig.end + 80])  # 21 "events"
    for name, pat in NOUN_CLASSES:
        if pat.match(after):
            return name
    if re.match(r"\s+of\s+(?:the\s+|these\s+|those\s+)?(?:\w+\s+){0,2}?(?:migrants|people|arrivals|crossings|them)\b", after, re.I):
        return "people"
    # number words before a plural noun no class names ("the two conditions", "Eight major supermarkets")
    # count that thing; digits are left to the context (headlines drop their nouns)
    other = OTHER_PLURAL.match(after) if fig.word and not fig.vague else None
    if other and not PERSON_PLURAL.fullmatch(other["noun"]):
        return "other"
    return "bare"


def clause_window(text: str, fig: Figure, lo: int, hi: int, before: int = 70, after: int = 90) -> tuple[str, str]:
    """Words before and after the figure within its clause (bounded, so cost does not grow with text)."""
    left = text[max(lo, fig.start - before):fig.start]
    cuts = list(CLAUSE_CUT.finditer(left))
    if cuts:
        left = left[cuts[-1].end():]
    right = text[fig.end:min(hi, fig.end + after)]
    m = CLAUSE_CUT.search(right)
    if m:
        right = right[:m.start()]
    return left, right


# Noun classes whose reading needs no more words than the noun.
CLASS_READINGS = {"countries": ("countries", "countries", "country_noun"),
                  "deaths": ("people_died", "people", "death_noun"),
                  "other": ("count_other", "count", "other_noun"),
                  "children": ("people_other", "people", "subgroup_noun"),
                  "returns": ("people_returned", "people", "return_noun")}


def classify(text: str, fig: Figure, lo: int, hi: int, lead_start: int | None = None,
             next_start: int | None = None) -> tuple[str, str, str]:
    """(metric, unit, rule) for a figure in the sentence text[lo:hi]. ``lead_start`` and
    ``next_start`` bound the words that belong to this figure (the neighbouring figures of its kind)."""
    if fig.currency:
        return "money", fig.currency, "currency"
    if fig.rule == "ordinal_return":
        return "people_returned", "people", "ordinal_return"
    if next_start is not None and re.search(r"\bof\s+(?:the\s+)?(?:estimated\s+)?$", text[fig.end:next_start]):
        next_start = None  # "125 of the estimated 1,700 people who ... have been returned": 125's verb
    before, after = clause_window(text, fig, max(lo, lead_start or lo), min(hi, next_start or hi))
    if fig.percent:
        return _percent(text, fig, lo, hi, text[max(lo, fig.start - 120):fig.start])
    cls = noun_class(text, fig)
    if cls == "bare":
        cls = _number_of(text, fig, lo) or cls
    if fig.rule == "zero_phrase":
        boats = re.search(r"boat", fig.text, re.I)
        return ("boats_arrived", "boats", "zero_phrase") if boats else ("people_arrived", "people", "zero_phrase")
    if cls == "boats":
        cue = next((c for c in BOAT_CUES if c.matches(before, after, figure=fig.text)), None)
        return (cue.metric, "boats", cue.name) if cue else ("boats_arrived", "boats", "boat_noun")
    if cls in CLASS_READINGS:
        cue = next((c for c in CUES if cls in c.applies_to and c.matches(before, after, figure=fig.text)), None)
        return (cue.metric, "people", cue.name) if cue else CLASS_READINGS[cls]  # "50 returns a week": a rate
    return _people(text, fig, lo, hi, cls, before, after)


def _people(text: str, fig: Figure, lo: int, hi: int, cls: str, before: str, after: str) -> tuple[str, str, str]:
    """(metric, unit, rule) for a count of people, of attempts or of nothing named (``cls``), whose
    clause is ``before`` + the figure + ``after``: arrivals unless the words say otherwise."""
    context = text[max(0, lo - 300, fig.start - 600):min(hi, fig.end + 300)]
    if cls == "bare" and not CROSSING_CONTEXT.search(context):
        return "count_other", "count", "bare"
    if SUBGROUP_BEFORE.search(before) and not ARRIVED_AMONG.match(after):
        return "people_other", "people", "subgroup"
    if _arrived_by_relative_clause(text, fig, hi, before, after):
        return "people_arrived", "people", "relative_clause"
    cued = _cued(text, fig, lo, hi, cls, before, after)
    if cued is not None:
        return cued
    if cls == "people" and not CROSSING_CONTEXT.search(context):
        return "people_other", "people", "no_crossing_context"
    return "people_arrived", "people", "people_noun" if cls == "people" else "bare_count_of_arrivals"


def _arrived_by_relative_clause(text: str, fig: Figure, hi: int, before: str, after: str) -> bool:
    """Whether a relative clause after the figure says its people arrived ("1,700 people who crossed"),
    with no verb of return after it unless the figure is part of a population ("125 of the 1,700 ...")."""
    rel = RELATIVE_VERB.match(text, fig.end, min(hi, fig.end + 80))
    # "125 of the 1,700 people who ...", "very few of the more than 1,400 migrants who ..."
    population = re.search(r"\bof\s+the\s+(?:estimated\s+|more\s+than\s+|over\s+|nearly\s+|almost\s+|some\s+)?$", before)
    if re.search(r"\b(?:returned|deported|removed|sent\s+back|flown\s+back)\s+(?:about\s+|around\s+|some\s+|more\s+than\s+)?$",
                 before):
        return False  # "the UK has returned 193 people who crossed the Channel": returns, by their verb
    return bool(rel and ARRIVAL_VERBS.match(rel["verb"]) and (population or not re.search(
        r"\b(?:who|that)\s+(?:\w+\s+){0,12}?(?:deport|return|remov)", after)))


def _cued(text: str, fig: Figure, lo: int, hi: int, cls: str, before: str, after: str) -> tuple[str, str, str] | None:
    """(metric, unit, rule) that a cue in ``CUES``, a noun of attempts or a single boat or group around the
    figure sets; None when nothing does."""
    lead = text[max(lo, fig.start - 200):fig.start]
    whole = text[max(lo, fig.start - 300):min(hi, fig.end + 300)]
    cue = next((c for c in CUES if cls in c.applies_to and c.matches(before, after, lead, fig.text, whole)
                and not (c.name == "forecast" and PAST_VERB_AFTER.match(after))
                and not (c.name == "subgroup" and ARRIVED_AMONG.match(after))), None)
    if cue is not None:
        return cue.metric, "people", cue.name
    if cls == "attempts":
        return "people_attempted", "people", "attempt_noun"
    if ONE_BOAT.search(before) or ONE_BOAT_AFTER.match(after) or ONE_BOAT_LEAD.search(lead):
        return "people_on_one_boat", "people", "one_boat"
    if GROUP_BEFORE.search(before) or GROUP_AFTER.match(after):
        return "people_on_one_boat", "people", "one_group"
    return None


def _number_of(text: str, fig: Figure, lo: int) -> str | None:
    """The noun class of what "the number of ..." before the figure names, if any."""
    m = NUMBER_OF.search(text, max(lo, fig.start - 140), fig.start)
    if not m:
        return None
    probe = " " + m["noun"]
    return next((name for name, pat in NOUN_CLASSES if pat.match(probe)), None)


def _percent(text: str, fig: Figure, lo: int, hi: int, before: str) -> tuple[str, str, str]:
    """(metric, unit, rule) for a percentage: a share, or a change where change words stand near it."""
    if SHARE_BEFORE.search(before) or (SHARE_AFTER.match(text, fig.end, fig.end + 25)
                                       and not PERCENT_CHANGE.search(text[fig.end:fig.end + 25])):
        return "percent_share", "percent", "percent_share"
    if PERCENT_CHANGE.search(text[max(lo, fig.start - 60):min(hi, fig.end + 60)]):
        return "percent_change", "percent", "percent_change"
    return "percent_share", "percent", "percent_share"


# What a percentage changes when its own words say so (nearest the figure, in its clause): a part of
# the arrivals by nationality, other measures of the asylum system, or no people at all.
PERCENT_SUBJECTS: list[tuple[str, re.Pattern[str], bool]] = [  # (change_of, words, even beside crossing words)
    ("people_other", _c(r"\b(?:Albanians?|Iranians?|Iraqis?|Eritreans?|Afghans?|Syrians?|Sudanese|Vietnamese|"
                        r"from\s+that\s+country|nationals|Mediterranean|Europe-wide|(?:to|across|in|into)\s+(?:Europe|the\s+EU|"
                        r"Italy|Greece|Spain))\b"), True),
    ("people_attempted", _c(r"\battempt(?:s|ed)?\b"), True),
    ("people_other", _c(r"\b(?:asylum|applications?|backlog|decisions?|irregular\s+arrivals|all\s+routes|visas?)\b"), False),
    ("count_other", _c(r"\b(?:officers?|police|patrols?|funding|budget|spending|costs?|ads|subscription|hotels?|"
                       r"staff|prices?)\b"), False),
]
CROSSING_WORDS = _c(r"\b(?:crossings?|crossed|crossing|small[- ]boats?|dinghies|boat\s+arrivals)\b")


def percent_subject(text: str, fig: Figure, lo: int, hi: int) -> str | None:
    """The measure a percentage's own clause names: another than arrivals ("a 56% increase in Iranians
    seeking asylum", "increase patrol officers by 40%"), arrivals ("small boat crossings fell by 20
    per cent"), or None when it names none."""
    before, after = clause_window(text, fig, lo, hi, before=80, after=45)
    words = f"{before} {after}"
    crossing = CROSSING_WORDS.search(words)
    other = next((what for what, pat, always in PERCENT_SUBJECTS if pat.search(words) and (always or not crossing)),
                 None)
    return other or ("people_arrived" if crossing else None)


def percent_sign(text: str, fig: Figure, lo: int, hi: int) -> int:
    """-1 for a fall ("down 33 per cent", "a 46 per cent decrease", "a third (36%) lower"), else +1."""
    near = text[max(lo, fig.start - 30):fig.start] + " " + text[fig.end:min(hi, fig.end + 30)]
    return -1 if PERCENT_FALL.search(near) else 1


# The metric vocabulary, documented once in schemas/fields.json (metric).
METRIC_DOCS = vocabulary("metric")
