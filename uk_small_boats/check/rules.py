"""The published verdict rules and their tolerances (rendered on the methodology page).

Every number a verdict depends on lives here, so the documentation and the code cannot drift.
"""

from __future__ import annotations

import math

VERDICTS = ["match", "consistent", "revised", "discrepancy", "different_measure", "not_checkable"]

# Claim metric -> the official measure it is checked against.
CHECKED = {"people_arrived": "people_arrived", "people_intercepted": "people_arrived",
           "boats_arrived": "boats_arrived", "people_prevented": "people_prevented"}
# Measured differently from anything in the series: shown beside the nearest official figure.
DIFFERENT = {"boats_departed": ("boats_arrived", "boats believed to have set off, against boats that arrived"),
             "people_attempted": ("people_arrived", "people who attempted to cross, against people who arrived"),
             "people_on_one_boat": ("people_arrived", "people on one boat, part of the day's arrivals")}

ABOUT = 0.10  # "about N": within 10% of N
NEARLY = 0.10  # "almost/nearly N": at most N and at least 90% of N
REVISION_REL, REVISION_ABS = 0.03, 2  # small revisions of provisional data: 3% or 2, whichever is larger
REVISED_DAY_REL, REVISED_DAY_ABS = 0.10, 25  # when the series marks a day in the period Revised
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
    if qualifier in VAGUE_BANDS:
        return VAGUE_BANDS[qualifier]
    return {
        "exact": (v, v),
        "about": (v * (1 - ABOUT), v * (1 + ABOUT)),
        "more_than": (math.nextafter(v, math.inf), math.inf),
        "over": (math.nextafter(v, math.inf), math.inf),
        "passed": (math.nextafter(v, math.inf), math.inf),
        "at_least": (v, math.inf),
        "almost": (v * (1 - NEARLY), v),
        "nearly": (v * (1 - NEARLY), v),
        "up_to": (0, v),
        "fewer_than": (0, math.nextafter(v, -math.inf)),
    }.get(qualifier, (v, v))


def band_array(qualifier: str, v):
    """band() over a numpy array of stated values (the checker's bulk path)."""
    import numpy as np
    v = np.asarray(v, dtype="float64")
    if qualifier in VAGUE_BANDS:
        a, b = VAGUE_BANDS[qualifier]
        return np.full(len(v), float(a)), np.full(len(v), float(b))
    inf = np.full(len(v), np.inf)
    return {
        "about": (v * (1 - ABOUT), v * (1 + ABOUT)),
        "more_than": (np.nextafter(v, np.inf), inf), "over": (np.nextafter(v, np.inf), inf),
        "passed": (np.nextafter(v, np.inf), inf), "at_least": (v, inf),
        "almost": (v * (1 - NEARLY), v), "nearly": (v * (1 - NEARLY), v),
        "up_to": (np.zeros(len(v)), v), "fewer_than": (np.zeros(len(v)), np.nextafter(v, -np.inf)),
    }.get(qualifier, (v, v))


RULE_DOCS = {
    "exact_match": "The official figure for exactly the claim's dates equals the figure as stated.",
    "within_qualifier": f"The official figure lies inside what the wording allows: 'about' ±{ABOUT:.0%}; "
                        f"'almost'/'nearly' between {1 - NEARLY:.0%} and 100%; 'more than'/'over'/'passed' "
                        "above; 'at least' at or above; 'up to' at or below; 'fewer than' below; vague words "
                        "by band (" + ", ".join(f"{k.replace('_', ' ')} {a:,}–{b:,}" for k, (a, b) in VAGUE_BANDS.items()) + ").",
    "revised_day_in_period": f"Outside the wording, but the series marks a day in the period Revised and "
                             f"the gap is within {REVISED_DAY_REL:.0%} (or {REVISED_DAY_ABS}); never when "
                             "the series has 0.",
    "small_revision": f"Outside the wording by at most {REVISION_REL:.0%} (or {REVISION_ABS}), the size of "
                      "the revisions the provisional series makes; never when the series has 0.",
    "off_by_one_day": "The figure fits the series for the period shifted by one day (figures are "
                      "published the next morning, so reports often date them a day late or early).",
    "percent_recomputed": f"A percentage change recomputed from the series for both periods: match when it "
                          f"rounds to the stated whole percent, consistent within {PCT_ROUNDING} point of "
                          f"rounding (or {PCT_ABOUT} points for 'about'), revised within {PCT_REVISION}.",
    "threshold_day": "'Passed N on day D': the first day on which the running total since 1 January "
                     "exceeded N, against D.",
    "zero_run": "'No crossings for a period': every day in the period is zero in the series.",
    "assertions": "Records and comparisons stated beside a figure are checked too and reported in assertion_holds: "
                  "'the highest daily figure so far this year' (no higher day since 1 January), 'a record for this "
                  "point in the year' (no earlier year had as many by the same date), 'more than in the whole of "
                  "2023' (the period's total exceeds that year's).",
    "different_measure": "The claim counts something the series does not (boats setting off, attempts, "
                         "one boat's passengers); the nearest official figure is shown for context.",
    "no_official_counterpart": "Returns, detentions, rescues, deaths, money and counts of countries "
                               "have no counterpart in the small-boats series.",
    "outside_series": "The claim's dates fall outside the days the series covers, or it has no dates.",
    "prevented_weeks": "People prevented are published per SB_02 week: checked when the claim's "
                       "dates are whole weeks of the series, else not checkable.",
    "discrepancy": "None of the rules above accepts the figure: worth a journalist's look.",
}
