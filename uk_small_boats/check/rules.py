"""The published verdict rules and their tolerances (rendered on the methodology page).

Every number a verdict depends on lives here, so the documentation and the code cannot drift. The
names of verdicts, rules and readings are vocabularies in schemas/fields.json, with their labels.
"""

from __future__ import annotations

import numpy as np

from ..metadata.vocab import vocabulary

VERDICT_DOCS = vocabulary("verdict")
VERDICTS = list(VERDICT_DOCS)
RULE_DOCS = vocabulary("verdict_rule")
READING_DOCS = vocabulary("reading")

# What each claim metric is held against: (kind, official measure).
#   count     the series' own measure; a discrepancy is possible when the dates are stated
#   part      one boat or one group: at most the day's arrivals
#   attempts  arrivals plus those stopped: at least the day's arrivals
#   prevented SB_02 weekly preventions, only over whole weeks
#   different another measure, shown beside the nearest official figure, never judged
MEASURES = {
    "people_arrived": ("count", "people_arrived"),
    "boats_arrived": ("count", "boats_arrived"),
    "people_on_one_boat": ("part", "people_arrived"),
    "people_attempted": ("attempts", "people_arrived"),
    "people_prevented": ("prevented", "people_prevented"),
    "boats_departed": ("different", "boats_arrived"),
}
PARTIAL_DAY = r"(?i)\b(?:today|this\s+morning|so\s+far\s+today|earlier\s+today|tonight|overnight)\b"
DIFFERENT_WHAT = {"boats_departed": "boats believed to have set off, against boats that arrived"}

ABOUT = 0.10  # "about N": within 10% of N
NEARLY = 0.10  # "almost/nearly N": at most N and at least 90% of N
REVISION_REL, REVISION_ABS = 0.03, 2  # small revisions of provisional data: 3% or 2, whichever is larger
REVISED_DAY_REL, REVISED_DAY_ABS = 0.15, 25  # when the series marks a day in the period Revised
# Counts below this are not revised by the rules above (3 boats against 2 is a discrepancy), and the
# absolute tolerance applies only from here on.
REVISION_FROM = 20
# Before February 2023 the series does not flag revised days, yet daily figures first published from
# 2021 (by the Home Office, and by the Ministry of Defence from April 2022 to January 2023) were often
# revised by up to 20% (boats more than people): a gap of that size on days of this era is reported as a likely revision.
PROVISIONAL_ERA = ("2021-01-01", "2023-02-07")
PROVISIONAL_REL = 0.20
# Before 2021 a day's figure the text takes from the Home Office or Border Force is its statement of the day,
# which the series (compiled later) may differ from by as much: held like the provisional era's.
OFFICIAL_SOURCE = r"(?i)\b(?:Home\s+Office|Border\s+Force)\b"
# The Ministry of Defence's months (from its taking charge of the Channel on 14 April 2022): its day figures
# were later moved between neighbouring days in the series, so one day of them is not judged alone.
MOD_ERA = ("2022-04-14", PROVISIONAL_ERA[1])
# Before 2022 reports mostly counted the day they were written: a day's figure dated the publication day may
# have been written before the day's last crossings, so one below the series is not judged (`partial_day`).
SAME_DAY_REPORTS_BEFORE = "2022-01-01"
# Boat counts are less certain than people counts (boats sink, are towed back, or are counted by
# sighting): a gap of this share, or this many boats, is reported as a likely revision.
BOATS_REL, BOATS_ABS = 0.20, 2
# A gap this large (official / stated outside these bounds, the larger of the two at least 20) is far more likely a
# misread period than a reporting error: left unresolved rather than called a discrepancy.
IMPLAUSIBLE_RATIO = (1 / 2, 2)
# Wordings bounded on one side: "more than 10" is true of 600 and "up to 1,588" of 21, but so far from
# the figure that another reading of the dates is likelier; outside IMPLAUSIBLE_RATIO such a claim is
# left unresolved, neither confirmed nor accused.
ONE_SIDED = ["more_than", "over", "passed", "at_least", "up_to", "fewer_than"]
IMPLAUSIBLE_FROM = 20
# French prevention estimates are revised by up to this share of the larger figure (977 -> 849 for the
# week to 5 May 2024)
PREVENTED_REVISION = 0.15
PCT_ROUNDING = 1.0  # percentage points: "42%" for 41.6% or 42.4%
PCT_ABOUT = 2.0  # "about 42%"
PCT_REVISION = 1.5

# Vague quantity words -> the band of values they can describe.
VAGUE_BANDS = {"hundreds": (200, 999), "dozens": (24, 99), "thousands": (2_000, 9_999),
               "tens_of_thousands": (20_000, 99_999), "hundreds_of_thousands": (200_000, 999_999),
               "scores": (40, 99), "a_handful": (2, 9), "several_hundred": (300, 999),
               "several_thousand": (3_000, 9_999), "a_few_hundred": (200, 499),
               "a_few_thousand": (2_000, 4_999)}


def band(qualifier: str, v: float) -> tuple[float, float]:
    """Inclusive range of official values the wording allows."""
    lo, hi = band_array(qualifier, np.array([v]))
    return float(lo[0]), float(hi[0])


def band_array(qualifier: str, v: np.ndarray | list[float]) -> tuple[np.ndarray, np.ndarray]:
    """Inclusive ranges of official values the wording allows, over an array of stated values."""
    v = np.asarray(v, dtype="float64")
    if qualifier in VAGUE_BANDS:
        a, b = VAGUE_BANDS[qualifier]
        return np.full(len(v), float(a)), np.full(len(v), float(b))
    inf, above = np.full(len(v), np.inf), np.nextafter(v, np.inf)
    return {
        "about": (v * (1 - ABOUT), v * (1 + ABOUT)),
        "more_than": (above, inf), "over": (above, inf), "passed": (above, inf), "at_least": (v, inf),
        "almost": (v * (1 - NEARLY), v), "nearly": (v * (1 - NEARLY), v),
        "up_to": (np.zeros(len(v)), v), "fewer_than": (np.zeros(len(v)), np.nextafter(v, -np.inf)),
    }.get(qualifier, (v, v))


def is_round(v: np.ndarray | float) -> np.ndarray:
    """Round figures stated without a hedge ("1,000", "28,000") are read as rounded: at least 100,
    with the last two digits zero."""
    v = np.asarray(v, dtype="float64")
    return (v >= 100) & (np.mod(v, 100) == 0)


def tolerance(official: np.ndarray | float, rel: float, absolute: float) -> np.ndarray:
    """The revision tolerance: ``rel`` of the official figure, or ``absolute`` where that is larger
    and the figure is large enough for an absolute slack to mean anything."""
    official = np.asarray(official, dtype="float64")
    return np.where(official >= REVISION_FROM, np.maximum(rel * official, absolute), rel * official)


def tolerance_doc() -> str:
    """The tolerances in words, for the methodology page."""
    bands = ", ".join(f"{k.replace('_', ' ')} {a:,}–{b:,}" for k, (a, b) in VAGUE_BANDS.items())
    return (f"'about' ±{ABOUT:.0%}; 'almost'/'nearly' between {1 - NEARLY:.0%} and 100%; 'more than'/'over'/"
            f"'passed' above; 'at least' at or above; 'up to' at or below; 'fewer than' below; vague words by "
            f"band ({bands}). Revisions: {REVISION_REL:.0%} or {REVISION_ABS}, whichever is larger "
            f"({REVISED_DAY_REL:.0%} or {REVISED_DAY_ABS} where the series marks a day Revised). Percentages: "
            f"match when the recomputed change rounds to the stated whole percent, consistent within "
            f"{PCT_ROUNDING} point ({PCT_ABOUT} for 'about'), revised within {PCT_REVISION}.")

