"""Every named rule of the extractor, each with a case from real UK news text (short quotes).

The tables below are the rule tables' test suites, as data: one row per rule with the words it must
read, the publication date and data day it reads them against, and what it must give. A rule added
to ``periods.RULES`` or ``metrics.CUES`` without a case here fails ``test_every_*_rule_has_a_case``.
"""

import datetime as dt
from pathlib import Path

import pytest

from uk_small_boats.extract import metrics, periods
from uk_small_boats.extract.claims import extract_claims
from uk_small_boats.extract.numbers import find_figures
from uk_small_boats.extract.periods import When, find_periods
from uk_small_boats.metadata.vocab import vocabulary
from uk_small_boats.paths import REPO

D = dt.date

# rule, text, publication date, data day, expected (start, end) or a marker target
PERIOD_CASES = [
    ("named_nth_day", "The 20,000 figure was passed on the 150th day of Sir Keir’s premiership.",
     D(2024, 12, 2), D(2024, 12, 1), (D(2024, 7, 5), D(2024, 12, 1))),
    ("named_first_days", "11,309 migrants arrived during the first 150 days of Rishi Sunak’s premiership.",
     D(2024, 12, 2), D(2024, 12, 1), (D(2022, 10, 25), D(2023, 3, 23))),
    ("named_first_days", "The last 80 days of Rishi Sunak’s government (April 15 to July 4) show 7,309 arrivals.",
     D(2024, 9, 27), D(2024, 9, 26), (D(2024, 4, 16), D(2024, 7, 4))),  # h20
    ("named_during", "Under Rishi Sunak, 50,645 people arrived on small boats.",
     D(2024, 8, 31), D(2024, 8, 30), (D(2022, 10, 25), D(2024, 7, 4))),
    ("since_named", "20,110 have arrived since Labour won the general election on July 5.",
     D(2024, 12, 2), D(2024, 12, 1), (D(2024, 7, 5), D(2024, 12, 1))),
    ("since_date", "at least 221 people had crossed the Channel in small boats since 3 November.",
     D(2018, 12, 28), D(2018, 12, 28), (D(2018, 11, 3), D(2018, 12, 28))),
    ("since_month", "More than 36,700 have crossed the Channel to Britain since January.",
     D(2025, 10, 20), D(2025, 10, 19), (D(2025, 1, 1), D(2025, 10, 19))),
    ("since_event_dated", "1,000 have crossed since an upsurge in small boats began in November 2018.",
     D(2020, 8, 12), D(2020, 8, 11), (D(2018, 11, 1), D(2020, 8, 11))),
    ("since_event_dated", "Since the Safety of Rwanda (Asylum and Immigration) Act became law after receiving Royal Assent "
     "on Thursday, 900 migrants have made the journey", D(2024, 5, 1), D(2024, 4, 30), (D(2024, 4, 25), D(2024, 4, 30))),
    ("since_year", "A total of 33,684 people have been detected since the start of 2024.",
     D(2024, 12, 2), D(2024, 12, 1), (D(2024, 1, 1), D(2024, 12, 1))),
    ("since_year_start", "it has taken 21 days since the start of the year for crossings to top 1,000",
     D(2025, 1, 22), D(2025, 1, 21), (D(2025, 1, 1), D(2025, 1, 21))),
    ("since_day", "Since yesterday morning, 1,155 migrants have now arrived.",
     D(2025, 9, 20), D(2025, 9, 20), (D(2025, 9, 19), D(2025, 9, 20))),
    ("since_unknown", "16,969 migrants have arrived in small boats since the deal was signed six months ago.",
     D(2026, 1, 27), D(2026, 1, 26), "unresolved"),
    ("range", "between 1 January 2020 and 11 August", D(2020, 8, 12), D(2020, 8, 11),
     (D(2020, 1, 1), D(2020, 8, 11))),
    ("range_days", "Some 1,378 asylum seekers have been intercepted from March 1-5.",
     D(2025, 3, 6), D(2025, 3, 5), (D(2025, 3, 1), D(2025, 3, 5))),
    ("range_months", "there were 53,587 arrivals by small boat between October 2021 and November 2022",
     D(2025, 8, 11), D(2025, 8, 10), (D(2021, 10, 1), D(2022, 11, 30))),
    ("month_pair", "the total number of crossings for January and February combined in 2022",
     D(2024, 2, 26), D(2024, 2, 25), (D(2022, 1, 1), D(2022, 2, 28))),
    ("year_ending", "In the year ending June 2024, there were reportedly 31,493 small boat arrivals.",
     D(2024, 8, 22), D(2024, 8, 22), (D(2023, 7, 1), D(2024, 6, 30))),
    ("first_months", "taking the total figure for the first three months of 2021 to 1,402",
     D(2021, 3, 31), D(2021, 3, 30), (D(2021, 1, 1), D(2021, 3, 30))),
    ("same_point_compare", "compared with 39,883 at the same point in 2022", D(2023, 11, 1), D(2023, 10, 30), "2022"),
    ("month_part", "after 102 people were discovered making the crossing in early February", D(2020, 5, 10),
     D(2020, 5, 10), "unresolved"),  # h05: a day of the month, which one not said
    ("year_compare", "and also 16% up on 2023 (2,953)", D(2025, 3, 6), D(2025, 3, 5), "2023"),
    ("date_last_year", "August 22 last year remains the busiest day on record",
     D(2023, 2, 15), D(2023, 2, 14), (D(2022, 8, 22), D(2022, 8, 22))),
    ("month_last_year", "In June last year, 3,139 migrants made the crossing",
     D(2023, 8, 2), D(2023, 8, 2), (D(2022, 6, 1), D(2022, 6, 30))),
    ("as_of", "49,797 people had made the journey as of Sunday", D(2025, 8, 11), D(2025, 8, 10),
     (D(2025, 8, 10), D(2025, 8, 10))),
    ("day", "On May 8, a record 145 people crossed in nine boats", D(2020, 5, 17), D(2020, 5, 16),
     (D(2020, 5, 8), D(2020, 5, 8))),
    ("weekday_list", "1,772 people who crossed in 25 boats on Thursday, Friday and Saturday",
     D(2025, 11, 10), D(2025, 11, 9), (D(2025, 11, 6), D(2025, 11, 8))),
    ("weekday", "Some 440 people made the journey in eight boats on Tuesday", D(2025, 7, 2), D(2025, 7, 1),
     (D(2025, 7, 1), D(2025, 7, 1))),
    ("relative_day", "Some 898 migrants made the journey in 13 boats yesterday", D(2025, 8, 31), D(2025, 8, 30),
     (D(2025, 8, 30), D(2025, 8, 30))),
    ("duration_before", "There had been no crossings for a week before then due to choppy seas.",
     D(2025, 9, 19), D(2025, 9, 19), "-7"),
    ("over_years", "In 2023, the government struck a deal to give France almost £500m over three years",
     D(2025, 4, 16), D(2025, 4, 15), (D(2023, 1, 1), D(2025, 12, 31))),
    ("days_later", "when 1,131 made the trip in 28 boats five days later", D(2021, 12, 31), D(2021, 12, 31), "5"),
    ("ago", "Thursday’s figure breaks a record set only a week ago, when 202 people crossed in 24 hours.",
     D(2020, 8, 7), D(2020, 8, 7), (D(2020, 7, 31), D(2020, 7, 31))),
    ("a_week_of", "Nearly 1,500 migrants have arrived in the UK after a busy week of crossings", D(2024, 7, 22),
     D(2024, 7, 21), (D(2024, 7, 15), D(2024, 7, 21))),
    ("last_year_total", "It suggests 2021 could break last year’s record of 8,420 crossings.", D(2021, 3, 31),
     D(2021, 3, 30), (D(2020, 1, 1), D(2020, 12, 31))),
    ("current", "About 100 men who arrived by small boat are currently in immigration removal centres",
     D(2025, 9, 19), D(2025, 9, 19), (D(2025, 9, 19), D(2025, 9, 19))),
    ("single_day", "More than 400 people crossed the English Channel in small boats in one day",
     D(2023, 4, 6), D(2023, 4, 5), "day"),
    ("within_hours", "728 people were recorded arriving within 48 hours", D(2024, 3, 5), D(2024, 3, 4),
     (D(2024, 3, 3), D(2024, 3, 4))),
    ("past_duration", "In the last seven days, more than 2,400 people have crossed to Britain",
     D(2021, 11, 12), D(2021, 11, 11), (D(2021, 11, 5), D(2021, 11, 11))),
    ("week", "More than 1,000 people arrive in UK on small boats this week", D(2025, 12, 21), D(2025, 12, 20),
     (D(2025, 12, 15), D(2025, 12, 20))),
    ("weekend", "Hundreds of migrants crossed over the weekend", D(2025, 4, 14), D(2025, 4, 13),
     (D(2025, 4, 12), D(2025, 4, 13))),
    ("month_relative", "This month, 3,683 people have crossed from France", D(2022, 7, 31), D(2022, 7, 30),
     (D(2022, 7, 1), D(2022, 7, 30))),
    ("month_edge", "In 2022 the total went on to hit a record 45,774 by the end of December",
     D(2025, 7, 2), D(2025, 7, 1), (D(2022, 1, 1), D(2022, 12, 31))),
    ("month", "November 2021 saw the highest number of small boat arrivals", D(2022, 2, 24), D(2022, 2, 24),
     (D(2021, 11, 1), D(2021, 11, 30))),
    ("financial_year", "returns in 2023-24 rose", D(2025, 4, 16), D(2025, 4, 15), (D(2023, 4, 1), D(2024, 3, 31))),
    ("since_own_term", "Sir Keir took on the role in the summer. It took just under five months for migrant "
     "crossings to hit 20,000 after he came to power.", D(2024, 12, 2), D(2024, 12, 1),
     (D(2024, 7, 5), D(2024, 12, 1))),  # corpus 12
    ("named_own_term", "The Prime Minister has seen 48,678 migrants arrive during his premiership.",
     D(2025, 7, 31), D(2025, 7, 30), (D(2024, 7, 5), D(2025, 7, 30))),  # corpus 5
    ("named_own_term", "Suella Braverman has seen 30,000 migrants arrive during her time in office.",
     D(2023, 7, 31), D(2023, 7, 30), (D(2022, 10, 25), D(2023, 7, 30))),
    ("range_to_year_end", "while 23.2K crossed between the election and year's end", D(2025, 1, 1),
     D(2024, 12, 31), (D(2024, 7, 5), D(2024, 12, 31))),  # corpus 13
    ("next_year", "In 2018, 299 people were detected. The next year, 1,843 crossings were recorded.",
     D(2022, 10, 11), D(2022, 10, 10), (D(2019, 1, 1), D(2019, 12, 31))),  # corpus 11
    ("annual_total", "the highest since October 2022, when 6,900 people crossed, part of an annual total of 45,774",
     D(2024, 11, 1), D(2024, 10, 31), (D(2022, 1, 1), D(2022, 12, 31))),  # corpus 9
    ("year_to_date", "bringing the total for 2025 so far to 20,422", D(2025, 7, 2), D(2025, 7, 1),
     (D(2025, 1, 1), D(2025, 7, 1))),
    ("year", "Some 45,774 arrivals were reported across the whole of 2022", D(2024, 12, 2), D(2024, 12, 1),
     (D(2022, 1, 1), D(2022, 12, 31))),
    ("year_was", "The first year in which at least 20,000 arrivals were recorded was 2022, when the milestone was passed",
     D(2025, 7, 2), D(2025, 7, 1), (D(2022, 1, 1), D(2022, 12, 31))),
    ("last_year", "Last year saw a total of 29,437 migrants arriving in the UK", D(2024, 8, 22), D(2024, 8, 22),
     (D(2023, 1, 1), D(2023, 12, 31))),
    ("by_day", "By April 4 2020, the number of people who had made it to the UK by small boat was 465",
     D(2025, 4, 6), D(2025, 4, 5), (D(2020, 1, 1), D(2020, 4, 4))),
    ("first_days_of_month", "Some 1,378 people have arrived in the first five days of the month", D(2025, 3, 6),
     D(2025, 3, 5), (D(2025, 3, 1), D(2025, 3, 5))),
    ("week_to", "the week to April 19 when 2,076 people made the dangerous journey", D(2022, 8, 7), D(2022, 8, 6),
     (D(2022, 4, 13), D(2022, 4, 19))),
    ("month_bare", "The busiest month was August", D(2025, 9, 20), D(2025, 9, 19), (D(2025, 8, 1), D(2025, 8, 31))),
]


@pytest.mark.parametrize("rule, text, pub, data_day, expected", PERIOD_CASES, ids=[c[0] for c in PERIOD_CASES])
def test_period_rule(rule, text, pub, data_day, expected):
    found = [p for p in find_periods(text, 0, len(text), When(pub, data_day)) if p.rule == rule]
    assert found, f"{rule} did not read {text!r}: {find_periods(text, 0, len(text), When(pub, data_day))}"
    p = found[0]
    got = p.target if isinstance(expected, str) else (p.start, p.end)
    assert got == expected


def test_every_period_rule_has_a_case():
    assert {r.name for r in periods.RULES} == {c[0] for c in PERIOD_CASES}


@pytest.mark.parametrize("text, pub", [
    ("expected to be confirmed on Saturday", D(2025, 9, 19)),  # a future weekday is no period
    ("Home Office figures, published on Monday, showed", D(2024, 2, 26)),  # the report's day, not the data's
])
def test_not_data_periods(text, pub):
    assert not [p for p in find_periods(text, 0, len(text), When(pub, pub)) if p.kind == "main"]


# cue, sentence, the figure as written, expected metric
CUE_CASES = [
    ("other_process", "There was a 56% increase in Iranians seeking asylum - rising from 1,393 to 3,876.", "3,876",
     "people_other"),
    ("subgroup", "Eight migrants said they were Iraqi and the other three claimed to be Iranian.", "three",
     "people_other"),
    ("composition", "A total of seven men, one woman and a toddler from Iran were on board the small boat.", "seven",
     "people_other"),
    ("not_by_boat", "Port of Dover police then discovered seven men while searching a heavy goods vehicle.",
     "seven", "people_other"),
    ("legal_route", "The UK had accepted a total of 350 migrants under the scheme.", "350", "people_other"),
    ("difference", "In 2025, 41,472 migrants reached the UK via small boats, almost 5,000 more than in 2024.",
     "5,000", "people_other"),
    ("pictured", "At least 20 migrants were pictured in one boat attempting to make the crossing.", "20",
     "people_other"),
    ("average", "The 290 people had crossed in five boats, an average of 58 migrants per dinghy.", "58",
     "people_other"),
    ("forecast", "The number crossing the Channel in 2022 is likely to reach 60,000 migrants.", "60,000",
     "people_other"),
    ("died", "Three people are feared lost at sea after two kayaks were found adrift.", "Three", "people_died"),
    ("detention", "About 100 men who came by small boat are in immigration removal centres near Heathrow.", "100",
     "people_detained"),
    ("returned", "Nineteen migrants have been deported to France on two flights.", "Nineteen", "people_returned"),
    ("french_prevented", "Five suspected migrants are picked up from a small boat by the French authorities off "
     "northern France", "Five", "people_prevented"),  # "picked up from" is no comparison ("up from 511")
    ("french_prevented", "A further 538 people in 11 boats were intercepted by French officials.", "538",
     "people_prevented"),
    ("french_prevented", "343 persons were also banned from entering the UK by French police yesterday.", "343",
     "people_prevented"),  # h07 (corpus 7)
    ("prevented", "So far in 2023 a further 15,000 migrants have failed to reach our shores on small boats.", "15,000",
     "people_prevented"),  # h12 (corpus 8)
    ("french_prevented", "December 30: 19 migrants including two young children were rescued by the Marine Nationale "
     "from a overloaded pleasure boat", "19", "people_prevented"),  # f08
    ("french_authority", "Some 2,358 people had to be rescued compared to 586 in 2018, the Maritime Prefecture of the "
     "Channel and the North Sea told AFP today.", "2,358", "people_prevented"),  # f08
    ("french_authority", "Earlier, French officials said 11 people were pulled from boats in the Channel as they "
     "tried to reach Britain.", "11", "people_prevented"),  # corpus 9
    ("french_authority", "While French authorities said they found 30 migrants, including 11 children, that same day.",
     "30", "people_prevented"),  # f07
    ("prevented", "More than 2,300 migrants were blocked in the Channel in 2019 as they tried to get to Britain.",
     "2,300", "people_prevented"),  # f08
    ("prevented", "Almost 1,000 people were stopped from entering Britain last week, figures show.", "1,000",
     "people_prevented"),
    ("attempted", "Nearly 50,000 people aboard 795 boats attempted to cross the Channel from France.", "50,000",
     "people_attempted"),
    ("boats_stock", "More than 100 small boats were pictured piled up in rows at a compound in Dover.", "100",
     "count_other"),
    ("boats_french_prevented", "Eight boats were stopped by French police on the beaches of Gravelines.", "Eight",
     "boats_prevented"),
    ("boats_departed", "Six boats are believed to have set off from northern France.", "Six", "boats_departed"),
    ("boats_average", "There were 41 people on average in each of the 795 boats.", "795", "count_other"),
]
DEFAULT_CASES = [
    ("Some 440 people made the journey in eight boats on Tuesday.", "440", "people_arrived"),
    ("Some 440 people made the journey in eight boats on Tuesday.", "eight", "boats_arrived"),
    ("Some 122 migrants were detected making the crossing on Sunday, which means 20,110 have arrived since Labour "
     "won the general election on July 5.", "20,110", "people_arrived"),
    # the only count of its day is the day's arrivals (c06); see test_a_group_is_part_of_its_day_or_the_whole_of_it
    ("A small boat carrying 18 migrants has been intercepted off the Kent coast.", "18", "people_arrived"),
    ("Two dinghies carried 30 people on Sunday, one boat carrying 18 migrants.", "18", "people_on_one_boat"),
    ("This is 18% higher than the 28,453 people who had arrived at this point last year.", "18%", "percent_change"),
    # h15 (corpus 7): a part of a total that is defined by dates is still arrivals
    ("The tally of crossings since Mr Sunak became Prime Minister now stands at 50,108. Some 42,438 of those have "
     "been recorded since he pledged to stop the boats.", "42,438", "people_arrived"),
    ("Iranians made up 30% of small boat arrivals last year.", "30%", "percent_share"),
]


def dates_of(text, published, figure):
    """The (start, end) the extractor gives ``figure`` in ``text`` published on ``published``."""
    row = next(r for r in extract_claims(text, published) if r["figure_text"] == figure)
    return row["period_start"], row["period_end"]


def metric_of(text, figure):
    rows = extract_claims(text, D(2025, 3, 6))
    return next(r["metric"] for r in rows if r["figure_text"] == figure)


@pytest.mark.parametrize("cue, text, figure, metric", CUE_CASES, ids=[c[0] for c in CUE_CASES])
def test_metric_cue(cue, text, figure, metric):
    rows = extract_claims(text, D(2025, 3, 6))
    row = next(r for r in rows if r["figure_text"] == figure)
    assert (row["metric"], row["extraction"].split("+")[-1]) == (metric, cue)


@pytest.mark.parametrize("text, figure, metric", DEFAULT_CASES)
def test_metric_defaults(text, figure, metric):
    assert metric_of(text, figure) == metric


def test_every_metric_cue_has_a_case():
    assert {c.name for c in metrics.CUES + metrics.BOAT_CUES} == {c[0] for c in CUE_CASES}


def test_vocabularies_cover_what_the_code_produces():
    """The schema's vocabularies are the source: a value the code can write must be listed there."""
    assert {r.name for r in periods.RULES} <= set(vocabulary("period_rule"))
    cue_metrics = {c.metric for c in metrics.CUES + metrics.BOAT_CUES}
    assert cue_metrics <= set(vocabulary("metric"))
    from uk_small_boats.check import rules
    assert {m for m in rules.MEASURES} <= set(vocabulary("metric"))


def test_a_percentage_in_words_is_a_percentage():
    """corpus 10: "up one per cent on the same period in 2022 (14,554)"."""
    rows = {r["figure_text"]: r for r in extract_claims(
        "The total for 2024 to date is up one per cent on the same period in 2022 (14,554).", D(2024, 7, 16))}
    assert (rows["one per cent"]["metric"], rows["one per cent"]["value"], rows["one per cent"]["compare_start"]) == \
        ("percent_change", 1, D(2022, 1, 1))


def test_falls_are_negative_percentages():
    rows = extract_claims("Small-boat arrivals are down 33 per cent on last year, and a 46 per cent decrease "
                          "in the number of vessels.", D(2023, 11, 1))
    assert [r["value"] for r in rows if r["metric"] == "percent_change"] == [-33, -46]


def test_compared_list_shares_the_head_period():
    text = ("Some 9,803 people have crossed so far this year. This compares to 7,217 by the same date last year, "
            "8,693 in 2022, 3,112 in 2021 and 1,492 in 2020.")
    rows = {r["figure_text"]: r for r in extract_claims(text, D(2024, 5, 19))}
    for figure, year in [("7,217", 2023), ("8,693", 2022), ("3,112", 2021), ("1,492", 2020)]:
        assert rows[figure]["metric"] == "people_arrived"
        # a 2024 report naming no day counts to the day before publication (the data day)
        assert (rows[figure]["period_start"], rows[figure]["period_end"]) == (D(year, 1, 1), D(year, 5, 18))


def test_respectively():
    text = "The earliest arrivals were on January 2 in both 2021 and 2023, with 10 and 44 people respectively."
    rows = {r["figure_text"]: r for r in extract_claims(text, D(2026, 1, 5))}
    assert (rows["10"]["period_start"], rows["44"]["period_start"]) == (D(2021, 1, 2), D(2023, 1, 2))


def test_data_day_ends_running_totals_on_the_reported_day():
    text = "Some 898 migrants made the journey in 13 boats yesterday, bringing the total for 2025 so far to 25,436."
    rows = {r["figure_text"]: r for r in extract_claims(text, D(2025, 8, 31))}
    assert rows["25,436"]["period_end"] == D(2025, 8, 30) and rows["25,436"]["period_basis"] == "stated"


def test_unresolved_is_left_empty_not_guessed():
    rows = extract_claims("Around 20,000 have arrived since the deal was announced.", D(2025, 11, 10))
    assert rows[0]["period_start"] is None and rows[0]["period_basis"] == "unresolved"


def test_headline_takes_the_body_reading_as_inferred():
    text = ("Four small boats with 92 migrants cross English Channel\n"
            "Four small boats with 92 migrants on board crossed the English Channel on Sunday.")
    rows = [r for r in extract_claims(text, D(2021, 5, 3)) if r["figure_text"] == "92"]
    assert [(r["period_start"], r["period_basis"]) for r in rows] == [(D(2021, 5, 2), "inferred"), (D(2021, 5, 2), "stated")]


@pytest.mark.parametrize("text", ["Three-quarters (75%) of arrivals were men aged 18 to 39.",
                                  "crossing the 21-mile Dover Strait", "the 150th day of his premiership",
                                  "65CCAE04-4748 Created with sketchtool.", "a 10-fold increase"])
def test_not_figures(text):
    assert [f.text for f in find_figures(text) if not f.percent] == []


def test_a_when_clause_dates_a_duration():
    """"a record set only a week ago, when 202 people crossed in 24 hours": the day is the record's, loosely."""
    text = "Thursday’s figure breaks a record set only a week ago, when 202 people crossed in 24 hours."
    row = next(r for r in extract_claims(text, D(2020, 8, 7)) if r["figure_text"] == "202")
    assert (row["period_start"], row["period_basis"]) == (D(2020, 7, 31), "inferred")


def test_the_previous_years_figure_follows_a_rolling_year():
    text = ("In the year ending June 2024, there were reportedly 31,493 small boat arrivals, down 29% on the "
            "previous year’s figure of 44,460.")
    row = next(r for r in extract_claims(text, D(2024, 8, 22)) if r["figure_text"] == "44,460")
    assert (row["period_start"], row["period_end"]) == (D(2022, 7, 1), D(2023, 6, 30))


@pytest.mark.parametrize("text, start", [
    ("So far this year, more than 19,000 migrants have entered the country on small boats.", D(2024, 1, 1)),
    ("In the last seven days, more than 2,400 people have crossed to Britain.", D(2024, 8, 15)),  # to the data day
])
def test_a_hedge_after_a_leading_period_keeps_it(text, start):
    """", more than 19,000" hedges the figure; only ", more than in 2023" would compare and cut the clause."""
    (row,) = extract_claims(text, D(2024, 8, 22))
    assert (row["period_start"], row["period_basis"]) == (start, "stated")


def test_the_year_before_counts_back_from_the_year_spoken_of():
    text = ("More than 40,000 people have crossed in boats this year, up from 28,000 last year and 8,500 "
            "the year before.")
    rows = {r["figure_text"]: r for r in extract_claims(text, D(2022, 11, 14))}
    assert rows["28,000"]["period_start"] == D(2021, 1, 1) and rows["8,500"]["period_start"] == D(2020, 1, 1)


def test_a_year_inside_a_closed_aside_does_not_date_what_follows():
    text = ("It beats the previous highest number for a single day in February – 218, recorded last year – and is "
            "the highest number in a single day for more than a month after 358 people were recorded on Jan 17.")
    rows = {r["figure_text"]: r for r in extract_claims(text, D(2024, 2, 26))}
    assert rows["358"]["period_start"] == D(2024, 1, 17) and rows["218"]["period_start"] == D(2023, 1, 1)


@pytest.mark.parametrize("text, pub, figure", [
    ("Border Force detained 11 men as they crossed the Channel in an inflatable boat on Saturday.", D(2018, 11, 9), "11"),
    ("On Tuesday, six suspected refugees using a small boat to cross the English Channel were rescued.", D(2018, 12, 15),
     "six"),
])
def test_people_of_one_boat_are_arrivals_marked_as_part_of_the_day(text, pub, figure):
    row = next(r for r in extract_claims(text, pub) if r["figure_text"] == figure)
    assert (row["metric"], row["assertion"]) == ("people_arrived", "one_boat")


def test_a_list_of_people_in_boats_keeps_people_and_boats_apart():
    text = ("Today's arrivals mean 1,483 migrants have now crossed the Channel so far in 2021 in small boats - "
            "including 223 in 15 boats in January, 308 in 18 boats in February and 121 in six boats so far this month.")
    rows = {r["figure_text"]: r for r in extract_claims(text, D(2021, 4, 14))}
    assert [rows[f]["metric"] for f in ("1,483", "223", "15", "308", "18", "121", "six")] == \
        ["people_arrived", "people_arrived", "boats_arrived", "people_arrived", "boats_arrived", "people_arrived",
         "boats_arrived"]  # "arrivals mean 1,483" is no average either
    assert (rows["308"]["period_start"], rows["308"]["period_end"]) == (D(2021, 2, 1), D(2021, 2, 28))


def test_a_concessive_clause_is_not_the_figures_cue():
    text = ("Figures compiled by the BBC show at least 28,431 migrants made the journey in 2021, despite huge UK "
            "investment in France to prevent crossings.")
    (row,) = extract_claims(text, D(2022, 1, 4))
    assert (row["metric"], row["period_start"]) == ("people_arrived", D(2021, 1, 1))


def test_a_change_in_a_participle_is_a_change():
    text = "A total of 7,567 people made the journey from January to April, jumping 27% on 2023."
    row = next(r for r in extract_claims(text, D(2024, 5, 1)) if r["figure_text"] == "27%")
    assert (row["metric"], row["value"], row["compare_start"], row["compare_end"]) == \
        ("percent_change", 27, D(2023, 1, 1), D(2023, 4, 30))


def test_which_was_takes_the_dates_of_what_it_names():
    text = ("The number of arrivals in the first half of 2024 is 16 per cent higher than the total at this point "
            "last year, which was 11,278, and seven per cent higher than the total at this stage in 2022, which "
            "was 12,206.")
    rows = {r["figure_text"]: r for r in extract_claims(text, D(2024, 6, 26))}
    assert rows["11,278"]["period_start"] == D(2023, 1, 1) and rows["12,206"]["period_start"] == D(2022, 1, 1)
    assert rows["11,278"]["period_end"].replace(year=2024) == rows["16 per cent"]["period_end"]


def test_a_month_before_a_large_figure_is_still_the_month():
    """"During April 559 made the crossing": 559 cannot be a day of April."""
    rows = extract_claims("During April 559 made the crossing, a 10-fold increase.", D(2020, 9, 16))
    assert [(r["figure_text"], r["period_start"], r["period_end"]) for r in rows] == \
        [("559", D(2020, 4, 1), D(2020, 4, 30))]


def test_a_relative_clause_dates_its_figure_before_a_total_it_is_set_against():
    text = ("The crossings today will push the year’s total close to the 1,890 who arrived on small boats "
            "throughout the whole of 2019.")
    (row,) = extract_claims(text, D(2020, 6, 3))
    assert (row["period_start"], row["period_end"]) == (D(2019, 1, 1), D(2019, 12, 31))


def test_same_period_last_year_without_the_article():
    text = ("Border Force intercepts 42 migrants as total to make dangerous journey in 2021 reaches 1,483 - treble "
            "the number for same period last year")
    row = next(r for r in extract_claims(text, D(2021, 4, 14)) if r["figure_text"] == "1,483")
    assert (row["period_start"], row["period_end"]) == (D(2021, 1, 1), D(2021, 4, 14))


def test_rule_triggers_only_save_time():
    """Skipping a rule whose trigger words a sentence lacks changes no reading of the real corpus."""
    from uk_small_boats.extract.text import sentences
    corpus = REPO.parent / "shared" / "corpus" / "articles"
    texts = [p.read_text(encoding="utf-8") for p in sorted(corpus.glob("*.txt"))] or \
        [p.read_text(encoding="utf-8") for p in sorted((Path(__file__).parent / "data").glob("*.txt"))]
    assert set(periods.TRIGGERS) <= {r.name for r in periods.RULES}
    when = When(D(2024, 6, 1), D(2024, 5, 31))
    spans = [(t, s) for t in texts for s in sentences(t)]
    quick = [periods.find_periods(t, s.start, s.end, when) for t, s in spans]
    periods._matches.cache_clear()
    try:
        periods.USE_TRIGGERS = False
        assert [periods.find_periods(t, s.start, s.end, when) for t, s in spans] == quick
    finally:
        periods.USE_TRIGGERS = True
        periods._matches.cache_clear()


@pytest.mark.parametrize("published, end", [
    (D(2019, 8, 28), D(2019, 8, 28)),  # before daily official figures: the report counts its own day
    (D(2023, 9, 11), D(2023, 9, 10)),  # daily figures come out the next morning: to the day before
])
def test_the_data_day_of_a_report_that_names_no_day(published, end):
    """c06/c35: "More than 23,000 migrants have arrived in the UK so far this year" with no day named."""
    (row,) = extract_claims("More than 23,000 migrants have arrived in the UK so far this year.", published)
    assert (row["period_end"], row["period_basis"]) == (end, "stated")


def test_a_claim_on_the_publication_day_is_a_report_not_the_data_day():
    """d33: "claimed on Monday" dates the claim, not the figures."""
    text = ("The Conservative Party claimed on Monday that the figure of 10,000 arrivals this year had been "
            "passed.")
    row = next(r for r in extract_claims(text, D(2025, 4, 28)) if r["figure_text"] == "10,000")
    assert row["period_end"] == D(2025, 4, 27)


def test_the_annual_total_in_the_first_days_of_january_is_last_years():
    """f24 (1 January 2024): "the provisional annual total for 2023 indicates 29,437 crossings"."""
    (row,) = extract_claims("The provisional annual total indicates 29,437 crossings.", D(2024, 1, 1))
    assert (row["period_start"], row["period_end"]) == (D(2023, 1, 1), D(2023, 12, 31))


def test_the_annual_total_is_the_year_the_sentence_spoke_of():
    """corpus 9: "since October 2022, when 6,900 people crossed, part of an annual total of 45,774"."""
    text = ("October 2024's total is the highest since October 2022, when 6,900 people crossed, part of an annual "
            "total of 45,774, according to the Home Office.")
    rows = {r["figure_text"]: r for r in extract_claims(text, D(2024, 11, 1))}
    assert (rows["45,774"]["period_start"], rows["45,774"]["period_end"], rows["45,774"]["period_rule"]) == \
        (D(2022, 1, 1), D(2022, 12, 31), "annual_total")
    (row,) = extract_claims("The annual total stands at 17,000.", D(2024, 8, 1))
    assert (row["period_start"], row["period_end"]) == (D(2024, 1, 1), D(2024, 7, 31))


def test_the_week_to_a_day_is_seven_days():
    """f18: "the week to April 19 when 2,076 people made the dangerous journey"."""
    row = next(r for r in extract_claims("It was the week to April 19 when 2,076 people made the dangerous journey.",
                                         D(2022, 8, 7)) if r["figure_text"] == "2,076")
    assert (row["period_start"], row["period_end"], row["period_rule"]) == (D(2022, 4, 13), D(2022, 4, 19), "week_to")


def test_money_carries_no_period():
    """e17: "Britain gave France £54million in 2021": a payment is not a count over days."""
    (row,) = extract_claims("Britain gave France £54million in 2021.", D(2022, 8, 1))
    assert (row["metric"], row["period_start"], row["period_basis"], row["period_rule"]) == (
        "money", None, "unresolved", "money_undated")


@pytest.mark.parametrize("text, figure, metric", [
    # d02/d04/f-corpus: groups of a day that has other groups or a larger count are parts of it
    ("On Sunday 36 people crossed. A group of 15 men, women and children were brought to Dungeness on Sunday.",
     "15", "people_on_one_boat"),
    ("Nine on one RHIB, 10 crammed into a tiny fishing boat and five picked in a dinghy on Sunday.",
     "Nine", "people_on_one_boat"),
    ("A child was also one of 13 people on board a dinghy on Sunday, when 36 people crossed in all.",
     "13", "people_on_one_boat"),
    # c06/e02: the only count of its day is that day's arrivals
    ("A small boat carrying 18 migrants has been intercepted off the Kent coast on Sunday.", "18", "people_arrived"),
    ("Border Force found a dinghy off the coast of Dover with 11 people on board on Sunday.", "11", "people_arrived"),
    # e12: a total whose parts follow a comma is the total
    ("Some 42 people, including five in a small dinghy, another 18 in a second boat, arrived on Sunday.",
     "42", "people_arrived"),
])
def test_a_group_is_part_of_its_day_or_the_whole_of_it(text, figure, metric):
    row = next(r for r in extract_claims(text, D(2021, 4, 12)) if r["figure_text"] == figure)
    assert row["metric"] == metric


def test_a_day_written_twice_is_one_date():
    """e01: "On the morning of 9 November 9, HM Coastguard ... intercepted a group of migrants"."""
    assert extract_claims("On the morning of 9 November 9, HM Coastguard intercepted a group of migrants.",
                          D(2018, 11, 9)) == []


def test_the_first_quarter_of_the_year_spoken_of():
    """f25: "the same period last year, when 3,793 arrived in the first quarter of the year"."""
    text = ("Today's figures are 23 percent higher than the same period last year, when 3,793 arrived in the first "
            "quarter of the year.")
    row = next(r for r in extract_claims(text, D(2024, 3, 27)) if r["figure_text"] == "3,793")
    assert (row["period_start"], row["period_end"]) == (D(2023, 1, 1), D(2023, 3, 31))


@pytest.mark.parametrize("text, figure, metric", [
    ("Forty-three migrants, including eight said to be children, were intercepted by the Border Force.",  # c07
     "eight", "people_other"),
    ("All 39 presented themselves as Iranian nationals.", "39", "people_arrived"),  # d06: the whole group
    ("The Home Office said three of the group claimed to be Iranian, while four identified as Iraqi.",  # d01
     "four", "people_other"),
    ("Of these, 591 were Albanian, according to figures provided by the department.", "591", "people_other"),  # f22
    ("In total, 41,472 migrants crossed the Channel in small boats in 2025, up by almost 5,000 on 2024.",  # f33
     "5,000", "people_other"),
    ("But just 50 people traffickers have been prosecuted in either France or Britain in 2019.", "50", "count_other"),
    ("More than 29,000 crossings have been attempted, with 16,192 migrants reaching the UK.",  # e17
     "29,000", "people_attempted"),
])
def test_parts_differences_and_other_people_are_not_arrivals(text, figure, metric):
    context = "Migrants crossed the Channel in small boats. "  # the articles are about crossings
    assert metric_of(context + text, figure) == metric


@pytest.mark.parametrize("text, figure, change_of", [
    ("There was a 56% increase in Iranians seeking asylum.", "56%", "people_other"),  # c03
    ("Overall, applications rose by 18% compared to the previous 12 months.", "18%", "people_other"),  # c03
    ("The latest funding comes on top of a £63m package to increase patrol officers by 40% four months ago.",  # e20
     "40%", "count_other"),
    ("Small boat crossings fell by 20 per cent this year.", "20 per cent", "people_arrived"),  # e21
    ("The UK had fewer small boat arrivals, while sea crossings to Europe are up 80 per cent.", "80 per cent",
     "people_other"),  # c37
    ("It marks a 48-percent increase in crossings over the same period last year.", "48-percent", "people_arrived"),
])
def test_what_a_percentage_changes(text, figure, change_of):
    context = "Migrants crossed the Channel in small boats. "
    row = next(r for r in extract_claims(context + text, D(2025, 7, 3)) if r["figure_text"] == figure)
    assert (row["metric"], row["change_of"]) == ("percent_change", change_of)


def test_a_24_7_centre_is_no_figure():
    assert extract_claims("A new 24/7 coordination centre with permanent UK liaison officers.", D(2023, 3, 10)) == []


@pytest.mark.parametrize("text, published, start, end", [
    # c37 (2 January 2024): the comparison the article is about is last year's
    ("As well as individuals arriving by small boats dropping by 36 per cent, there were fewer deaths.",
     D(2024, 1, 2), D(2023, 1, 1), D(2023, 12, 31)),
    # d34: the running total to the data day
    ("Channel crossings are up 51% from this time last year.", D(2025, 7, 31), D(2025, 1, 1), D(2025, 7, 30)),
])
def test_a_percentage_of_crossings_with_no_count_takes_the_running_period(text, published, start, end):
    row = next(r for r in extract_claims(text, published) if r["metric"] == "percent_change")
    assert (row["period_start"], row["period_end"], row["change_of"]) == (start, end, "people_arrived")


@pytest.mark.parametrize("text, published, start, end", [
    ("A total of 41,472 people made the dangerous journey to the UK.", D(2026, 1, 5), D(2025, 1, 1),
     D(2025, 12, 31)),  # c56: in the first week of January, last year's total
    ("Those making the perilous Channel journey totalled 7,600.", D(2023, 6, 5), D(2023, 1, 1), D(2023, 6, 4)),
])
def test_a_figure_no_day_could_hold_is_a_running_total(text, published, start, end):
    (row,) = extract_claims(text, published)
    assert (row["period_start"], row["period_end"], row["period_rule"], row["period_basis"]) == (
        start, end, "running_total", "inferred")


@pytest.mark.parametrize("text, published, start, end", [
    # e18/f18: the scheme, not the minister who announced it; and an announcement's own date
    ("More than 13,000 migrants have crossed the English Channel since Priti Patel announced her plan to send "
     "asylum seekers to Rwanda.", D(2022, 8, 8), D(2022, 4, 14), D(2022, 8, 7)),
    ("12,840 people have made the crossing since Priti Patel announced the Rwanda deal on April 14.",
     D(2022, 8, 7), D(2022, 4, 14), D(2022, 8, 6)),
    # c49: a range from a day named by its event to another day
    ("The number of small boat crossings from the day Labour came to power on 5 July 2024 to Monday, 11 August "
     "2025, is 49,797.", D(2025, 8, 11), D(2024, 7, 5), D(2025, 8, 11)),
])
def test_named_and_dated_starts(text, published, start, end):
    row = next(r for r in extract_claims(text, published) if r["metric"] == "people_arrived")
    assert (row["period_start"], row["period_end"]) == (start, end)


def test_a_year_prior_is_a_year_earlier():
    """c49: "the 36,346 migrant crossings recorded in the equivalent period a year prior"."""
    text = ("The number of small boat crossings from the day Labour came to power on 5 July 2024 to Monday, 11 "
            "August 2025, is 49,797. This is a significant increase on the 36,346 migrant crossings recorded in the "
            "equivalent period a year prior.")
    row = next(r for r in extract_claims(text, D(2025, 8, 11)) if r["figure_text"] == "36,346")
    assert (row["period_start"], row["period_end"]) == (D(2023, 7, 5), D(2024, 8, 11))


def test_a_percentage_takes_dates_its_base_gets_over_the_article():
    """c56: "a year where 41,472 migrants made the crossing in total ... This represents a 13% increase
    from 2024" (published 5 January 2026)."""
    text = "It was a year where 41,472 migrants made the crossing in total. This represents a 13% increase from 2024."
    row = next(r for r in extract_claims(text, D(2026, 1, 5)) if r["figure_text"] == "13%")
    assert (row["period_start"], row["period_end"], row["period_basis"]) == (D(2025, 1, 1), D(2025, 12, 31), "inferred")
    assert (row["compare_start"], row["compare_end"]) == (D(2024, 1, 1), D(2024, 12, 31))


def test_a_range_may_end_on_a_weekday():
    """f30: "19,982 individuals crossed the English Channel from France in makeshift vessels between Jan 1 and
    Monday" (published Thursday 3 July 2025)."""
    text = "Data revealed 19,982 individuals crossed the English Channel between Jan 1 and Monday."
    row = next(r for r in extract_claims(text, D(2025, 7, 3)) if r["figure_text"] == "19,982")
    assert (row["period_start"], row["period_end"]) == (D(2025, 1, 1), D(2025, 6, 30))


def test_todays_figures_are_the_report_not_the_data_day():
    """f25 (published 27 March 2024): "Over 2,000 migrants were brought ashore in March ... Today's figures
    are 23 percent higher than the same period last year"."""
    text = ("Over 2,000 migrants were brought ashore in March. Today's figures are 23 percent higher than the same "
            "period last year.")
    row = next(r for r in extract_claims(text, D(2024, 3, 27)) if r["figure_text"] == "2,000")
    assert row["period_end"] == D(2024, 3, 26)


def test_a_figure_added_with_with_takes_its_clauses_dates():
    """e10: "August previously had the highest figure, with 1,468 migrants crossing"."""
    text = "August previously had the highest figure, with 1,468 migrants crossing the Channel."
    row = next(r for r in extract_claims(text, D(2020, 9, 16)) if r["figure_text"] == "1,468")
    assert (row["period_start"], row["period_end"]) == (D(2020, 8, 1), D(2020, 8, 31))


def test_below_is_a_fall():
    """d-corpus: "The figure is 30% below the figure for January 2024"."""
    text = "Small boat crossings in January were 30% below the figure for January 2024."
    row = next(r for r in extract_claims(text, D(2025, 2, 3)) if r["metric"] == "percent_change")
    assert row["value"] == -30


def test_an_incident_by_incident_report_keeps_the_days_total():
    """f07/d02-style reports: a day's total, then its incidents; the incidents are parts of the day."""
    text = ("On Sunday 87 people crossed the Channel. Border Force picked up 31 migrants at Dungeness on Sunday, "
            "and 33 migrants landed at Folkestone on Sunday.")
    rows = {r["figure_text"]: r["metric"] for r in extract_claims(text, D(2021, 4, 12))}
    assert rows == {"87": "people_arrived", "31": "people_on_one_boat", "33": "people_on_one_boat"}


def test_a_total_only_guessed_to_be_the_days_does_not_make_dated_counts_its_parts():
    """h16 (corpus 6): "875 migrants crossed" (no day of its own) beside counts dated "on Sunday"."""
    text = ("Alarming figures show 875 migrants crossed the Channel in small boats. The Home Office revealed 113 "
            "migrants were picked up at sea on Sunday. On Sunday as many as 300 people were recovered from six "
            "dinghies.")
    rows = {r["figure_text"]: r["metric"] for r in extract_claims(text, D(2023, 9, 4))}
    assert rows["113"] == rows["300"] == "people_arrived"


@pytest.mark.parametrize("text, figure, metric", [
    ("20 migrants trying to cross the Channel were rescued when their boat ran into trouble.", "20",
     "people_arrived"),  # c05: the participle describes them; they were brought to the UK
    ("A total of 861 attempted the crossing yesterday.", "861", "people_attempted"),  # d19
])
def test_attempting_is_what_the_sentence_says_they_did(text, figure, metric):
    assert metric_of("Migrants crossed the Channel in small boats. " + text, figure) == metric


def test_a_sentence_repeated_word_for_word_states_its_figures_once():
    """c36/d32: a caption repeating a sentence of the text (one row in the labelled corpora)."""
    sentence = "The number of Channel landings so far this year was 26,605 compared with 39,883 at the same point in 2022"
    rows = extract_claims(f"{sentence}.\n\n{sentence}\n\nMore text.", D(2023, 11, 1))
    assert [r["figure_text"] for r in rows] == ["26,605", "39,883"]


@pytest.mark.parametrize("text, figure", [
    ("In England and Wales there were 41 convictions for human trafficking.", "41"),  # c26
    ("About 2,000 migrants are understood to be gathered in northern France.", "2,000"),  # c17
])
def test_convictions_and_people_gathered_in_france_are_not_arrivals(text, figure):
    assert metric_of("Migrants crossed the Channel in small boats. " + text, figure) != "people_arrived"


def test_a_heading_that_is_only_a_day_dates_the_lines_under_it():
    """f07: an incident-by-incident report under day headings."""
    text = ("Migrants tried to reach England in small boats on Thursday and Friday.\n\n– Thursday:\n\n– At 5am, a Border "
            "Force cutter intercepted another small boat and a group of 11 males was taken to Dover.\n\n– Friday:\n\n"
            "– Early in the morning, Border Force found 24 migrants on a beach.\n")
    rows = {r["figure_text"]: r for r in extract_claims(text, D(2019, 8, 23))}
    assert (rows["11"]["period_start"], rows["11"]["period_rule"], rows["11"]["period_basis"]) == \
        (D(2019, 8, 22), "section_day", "inferred")
    assert (rows["24"]["period_start"], rows["24"]["period_rule"]) == (D(2019, 8, 23), "section_day")


def test_while_before_a_participle_keeps_the_clause():
    """f12: the day after "while crossing" is the figure's own."""
    text = ("Two small boats with a total of 36 migrants on board were intercepted while crossing the English Channel "
            "on Saturday.")
    rows = {r["figure_text"]: r for r in extract_claims(text, D(2021, 1, 16))}
    assert (rows["36"]["period_start"], rows["36"]["period_basis"]) == (D(2021, 1, 16), "stated")


def test_the_same_period_last_year_is_the_running_total_not_a_day():
    """f22: the day's count before the percentage is not what is "20% down on the same period"."""
    text = ("Although 872 people arrived on 15 small boats on Saturday, the overall number of Channel migrants is "
            "more than 20% down on the same period last year.")
    row = next(r for r in extract_claims(text, D(2023, 9, 4)) if r["figure_text"] == "20%")
    # the data day is the Saturday the sentence names
    assert (row["period_start"], row["period_end"], row["period_rule"], row["period_basis"]) == \
        (D(2023, 1, 1), D(2023, 9, 2), "same_point_running", "inferred")
    assert (row["compare_start"], row["compare_end"]) == (D(2022, 1, 1), D(2022, 9, 2))


def test_boats_carrying_the_people_just_counted_share_their_dates():
    """c54: "the total for the year" after the boats is the next total's, not theirs."""
    text = ("This brings the total for this week to 1,374 people on 23 boats and the total for the year so far to "
            "41,455 people in 671 boats.")
    rows = {r["figure_text"]: r for r in extract_claims(text, D(2025, 12, 21))}
    assert (rows["23"]["period_start"], rows["23"]["period_end"]) == \
        (rows["1,374"]["period_start"], rows["1,374"]["period_end"]) == (D(2025, 12, 15), D(2025, 12, 20))
    assert rows["671"]["period_start"] == D(2025, 1, 1)


def test_returns_over_a_past_span_run_to_publication():
    """c53: returns are no part of the crossing series; their spans end on the day of writing."""
    text = ("Home Office biometric checks identified him as one of the 94 people removed to France under the "
            "UK–France treaty over the past two months.")
    (row,) = extract_claims(text, D(2025, 11, 10))
    assert (row["metric"], row["period_start"], row["period_end"]) == \
        ("people_returned", D(2025, 9, 10), D(2025, 11, 10))


@pytest.mark.parametrize("text, figure, metric", [
    ("Last week around 1,000 French CRS riot police moved in to dismantle a large migrant camp.", "1,000",
     "count_other"),  # d20: police, not people
    ("According to UN estimates, over 72,000 refugees and migrants have arrived in the Mediterranean countries of "
     "Italy, Spain, Greece, Malta, and Cyprus so far this year.", "72,000", "people_other"),  # f21
    ("Eight have presented themselves as Iraqi nationals with the remaining three claiming to be Iranian "
     "nationals.", "Eight", "people_other"),  # e03
    ("Some 51 migrants have also arrived in the UK after being approved through the legal route following security "
     "checks.", "51", "people_other"),  # e31
    ("1,072 individuals crossed the English Channel in 13 boats – a mean of greater than 82 individuals per boat.",
     "82", "people_other"),  # f32
    ("Around one in 40 is sent back across the Channel.", "40", "people_other"),  # e09
    ("He said the anticipated new surge could take the overall number of migrants coming in small boats this year "
     "to 50,000 or even higher.", "50,000", "people_other"),  # d23
    ("More than 5,000 asylum seekers are to be placed on vessels and at other large-scale sites.", "5,000",
     "people_other"),  # e20
    ("Confirmation of whether a cumulative total of 10,000 arrivals has been passed will come on Tuesday.", "10,000",
     "people_other"),  # d33
    ("The deal had a preliminary goal of exchanging 50 migrants between the UK and France every week.", "50",
     "people_other"),  # f32
    ("That followed another dinghy disaster which saw at least 27 migrants die when their vessel sank.", "27",
     "people_died"),  # f27
    # and what these must not catch
    ("November 22: 14 in two separate dinghies off Kent coast.", "14", "people_arrived"),  # d02
    ("which would bring the number to have crossed the Channel in boats so far this month to 78", "78",
     "people_arrived"),  # c01
    ("The totals rose to 1,843 in 2019 and 8,466 in 2020.", "1,843", "people_arrived"),  # c28
])
def test_police_estimates_elsewhere_ratios_and_plans_are_not_arrivals(text, figure, metric):
    assert metric_of("Migrants crossed the Channel in small boats. " + text, figure) == metric


def test_yesterdays_count_beside_a_partial_today_is_the_data_day():
    """e25: from 2022 the published totals stop at yesterday's count, whatever today's caption says."""
    text = ("Some 898 migrants made the journey in 13 boats yesterday, bringing the total for 2025 so far to 25,436.\n\n"
            "Border Force brings 35 migrants into Dover Docks, Kent, today.")
    rows = {r["figure_text"]: r for r in extract_claims(text, D(2025, 7, 31))}
    assert rows["25,436"]["period_end"] == D(2025, 7, 30)
    assert rows["35"]["period_start"] == D(2025, 7, 31)  # today's own count keeps its day


def test_the_mark_named_again_has_its_value():
    """d19, g26: the anaphoric figure carries the mark's value (or the running total's, for "the same figure")."""
    text = ("Yesterday's arrivals brought the total for the year to date to 3,838 in 123 boats. Last year it took "
            "until June 1 to reach the same figure.")
    assert next(r["value"] for r in extract_claims(text, D(2022, 3, 23)) if r["figure_text"] == "it") == 3838
    text = "The 30,000 threshold was reached. Last year the figure was not passed until October 30."
    assert next(r["value"] for r in extract_claims(text, D(2025, 9, 7)) if r["figure_text"] == "the figure") == 30000
    # "It was June 17" with no mark named before: no figure
    assert [r["figure_text"] for r in extract_claims("Some 440 people crossed. It was June 17.", D(2025, 6, 18))] \
        == ["440"]


@pytest.mark.parametrize("text", [
    "November 13: 17 people including a woman and boy aged four found in a stolen French boat.",  # d02
    "Another younger girl aged around three with her hair tied up in a pink bow was among them.",  # h08
])
def test_ages_in_words_are_not_counts(text):
    assert not [r for r in extract_claims("Migrants crossed the Channel. " + text, D(2021, 7, 13))
                if r["figure_text"] in {"four", "three"}]


def test_a_count_after_a_month_name_is_not_a_day():
    """h09 (corpus 7), g08 (corpus 5): "So far in August 6,271 people" is 6,271, not 6 August."""
    rows = extract_claims("So far in August 6,271 people have been recorded making the crossing.", D(2022, 8, 23))
    assert [r["value"] for r in rows] == [6271]


def test_a_dateline_dates_nothing_once_reports_count_the_day_before():
    """h14 (corpus 7, 2023): "Sunday, 1 October 2023" atop the page is its dateline, not a day heading;
    d01 (corpus 2, 2018): before 2022 a report counted the day it was written, the dateline's day."""
    text = "Sunday, 1 October 2023\nNine boats have been intercepted carrying a total of 537 migrants.\n"
    row = next(r for r in extract_claims(text, D(2023, 10, 1)) if r["figure_text"] == "537")
    assert (row["period_start"], row["period_rule"]) == (D(2023, 9, 30), "data_day")
    text = "Wednesday, November 14, 2018\nA boat with nine suspect migrants on board has been picked up.\n"
    row = next(r for r in extract_claims(text, D(2018, 11, 14)) if r["figure_text"] == "nine")
    assert (row["period_start"], row["period_rule"]) == (D(2018, 11, 14), "section_day")


@pytest.mark.parametrize("text, figure, metric", [
    ("Saturday’s crossings are the largest since October 8, when 1,075 crossed in a day.", "1,075",
     "people_arrived"),  # h20 (corpus 7): "in a day" is one day, not a rate
    ("Twelve migrants were found on the Kent coast last week, bringing the total number of people to have reached "
     "the UK by boat since November to 239.", "239", "people_arrived"),  # h01: "by boat" is no one boat
])
def test_one_day_and_by_boat_are_counts(text, figure, metric):
    assert metric_of(text, figure) == metric


@pytest.mark.parametrize("text, figure", [
    ("It comes after ten people were arrested following demonstrations in Dover last Sunday.", "ten"),  # h05
    ("Officials have briefed that the pilot will start with roughly 50 returns a week—about 2,600 a year.", "2,600"),
    ("Officials have briefed that the pilot will start with roughly 50 returns a week—about 2,600 a year.", "50"),
    ("Those are the two conditions British passports must meet to travel in the European Union.", "two"),  # h14
    ("Eight major supermarkets to close for Queen's funeral next Monday", "Eight"),  # c5 link debris
])
def test_arrests_rates_and_other_things_are_not_arrivals(text, figure):
    rows = extract_claims("Migrants crossed the Channel in small boats. " + text, D(2025, 8, 5))
    assert next(r["metric"] for r in rows if r["figure_text"] == figure) not in {"people_arrived", "people_returned"}


def test_number_words_before_people_with_an_unlisted_adjective_still_count_people():
    """The plural-noun rule above takes its people nouns from the noun classes (children among them)."""
    rows = extract_claims("Migrants crossed the Channel. Two exhausted children were brought ashore at Dover.",
                          D(2025, 8, 5))
    assert next(r["metric"] for r in rows if r["figure_text"] == "Two") != "count_other"


def test_a_byline_glued_to_its_date_states_no_figure():
    """h18 (corpus 7): "By Vivek MishraJul 02, 2025"."""
    assert [r["figure_text"] for r in extract_claims("By Vivek MishraJul 02, 2025\n\nSome 879 migrants crossed the "
                                                      "Channel.", D(2025, 7, 2))] == ["879"]


def test_a_day_in_a_relative_clause_after_does_not_date_the_count():
    """h04 (corpus 6): "They were intercepted after the operation, which included an RNLI lifeboat which was
    launched ... shortly before midnight on Christmas Day": the launch's day, not the arrivals'."""
    text = ("Forty-nine people in four small boats were met by Border Force and brought to England.\n\nThey were "
            "intercepted after the operation, which included an RNLI lifeboat which was launched from Dover shortly "
            "before midnight on Christmas Day.")
    row = next(r for r in extract_claims(text, D(2019, 12, 26)) if r["figure_text"] == "Forty-nine")
    assert row["period_rule"] != "carried_from_context"


def test_a_daily_record_set_in_a_month_leaves_its_day_unresolved():
    """f29 (corpus 4): "the all-time daily record of 1,300 crossings set in September 2022": a day in that
    month the text does not name (as "on a single day in May"), not the month's total."""
    text = "It is below the all-time daily record of 1,300 crossings set in September 2022."
    row = next(r for r in extract_claims(text, D(2025, 6, 1)) if r["figure_text"] == "1,300")
    assert (row["period_start"], row["period_basis"], row["period_rule"]) == (None, "unresolved", "day_in_span")


def test_people_aboard_stopped_crossings_and_a_change_in_preventions_are_not_arrivals():
    """h12 (corpus 8): "France prevented 1,381 small boat crossings, carrying 33,788 people"; "nearly 33,000
    crossings prevented in 2022, 40% more than in 2021" changes the preventions."""
    rows = {r["figure_text"]: r for r in extract_claims(
        "The declaration states that France prevented 1,381 small boat crossings, carrying 33,788 people, in 2022. "
        "Our joint work with France saw nearly 33,000 crossings prevented in 2022, 40% more than in 2021.",
        D(2023, 9, 26))}
    assert rows["33,788"]["metric"] == "people_prevented"
    assert rows["40%"]["change_of"] == "people_prevented"
    # boats the UK intercepted carry arrivals
    rows = {r["figure_text"]: r for r in extract_claims("Border Force intercepted seven boats carrying 165 people.",
                                                         D(2023, 9, 26))}
    assert rows["165"]["metric"] == "people_arrived"


def test_a_mark_passed_on_a_day_is_the_running_total_to_it():
    """g25: "the 25,000 mark has been passed" dated by its day, as "passed 25,000 on ..." is."""
    text = "Today is the earliest point in a calendar year at which the 25,000 mark has been passed."
    (row,) = extract_claims(text, D(2025, 7, 31))
    assert (row["period_start"], row["period_end"], row["period_rule"]) == \
        (D(2025, 1, 1), D(2025, 7, 31), "threshold_to_day")


def test_to_date_in_an_earlier_year_is_the_same_point_of_it():
    """g28: "621 recorded to date in 2024", written in January 2026."""
    text = "This brings the total for the year so far to 658, but 6% higher than 621 recorded to date in 2024."
    rows = {r["figure_text"]: r for r in extract_claims(text, D(2026, 1, 19))}
    assert (rows["621"]["period_start"], rows["621"]["period_end"]) == (D(2024, 1, 1), D(2024, 1, 18))


def test_a_percentage_is_set_against_the_count_right_after_it():
    """g23: "jumped by 25% from the 29,437 who arrived in 2023, ..., but dropped by 20% on ... 2022"."""
    text = ("Last year’s arrivals jumped by 25% from the 29,437 who arrived in 2023, according to the Home Office, "
            "but dropped by 20% on the record 45,774 arrivals in 2022.")
    rows = {r["figure_text"]: r for r in extract_claims(text, D(2025, 2, 16))}
    assert (rows["25%"]["period_start"], rows["25%"]["compare_start"], rows["25%"]["compare_end"]) == \
        (D(2024, 1, 1), D(2023, 1, 1), D(2023, 12, 31))
    assert (rows["20%"]["value"], rows["20%"]["compare_start"]) == (-20, D(2022, 1, 1))


def test_a_fact_box_of_year_labels_dates_each_count_by_its_own_label():
    """corpus 8: "per year since 2018 2025: 41,472 2024: 36,816 ... 2018: 299 Source: Home Office"."""
    text = ("Migrants arriving in Britain by small boats per year since 2018 2025: 41,472 2024: 36,816 2023: 29,437 "
            "2018: 299 Source: Home Office")
    rows = extract_claims(text, D(2026, 2, 25))
    assert [(r["figure_text"], r["period_start"], r["period_end"], r["period_basis"]) for r in rows] == [
        (f, D(y, 1, 1), D(y, 12, 31), "stated") for f, y in
        (("41,472", 2025), ("36,816", 2024), ("29,437", 2023), ("299", 2018))]


def test_a_years_possessive_dates_its_count_and_the_percentage_set_against_it():
    """corpus 8: "9% lower than the all-time record of 45,774 set in 2022, but 13% higher than 2024's 36,816"."""
    text = ("The total for 2025 is 9% lower than the all-time record of 45,774 set in 2022, but 13% higher than "
            "2024's 36,816 and 41% higher than 2023's 29,437.")
    rows = {r["figure_text"]: r for r in extract_claims(text, D(2026, 1, 1))}
    assert (rows["36,816"]["period_start"], rows["36,816"]["period_end"], rows["36,816"]["period_basis"]) == \
        (D(2024, 1, 1), D(2024, 12, 31), "stated")
    assert [(rows[p]["compare_start"], rows[p]["compare_end"]) for p in ("9%", "13%", "41%")] == \
        [(D(y, 1, 1), D(y, 12, 31)) for y in (2022, 2024, 2023)]
    assert all(rows[p]["period_start"] == D(2025, 1, 1) for p in ("9%", "13%", "41%"))


@pytest.mark.parametrize("stop_sentence", [
    "The last known official figure for 2019 goes up to July 22.",  # g05
    "The latest Home Office data runs up to 21 July.",
])
def test_where_an_article_says_its_figures_stop_is_the_data_day(stop_sentence):
    text = f"The Home Office figures show 725 people have arrived in Kent illegally since January 1. {stop_sentence}"
    row = next(r for r in extract_claims(text, D(2019, 10, 11)) if r["figure_text"] == "725")
    assert row["period_start"] == D(2019, 1, 1) and row["period_end"] in (D(2019, 7, 22), D(2019, 7, 21))


@pytest.mark.parametrize("text, figure, metric", [
    ("On Saturday, two boats holding a combined 40 migrants were intercepted.", "40", "people_arrived"),  # g04
    ("Thirty migrants who attempted to cross the English Channel in three small boats and a kayak have been "
     "intercepted by Border Force officials.", "Thirty", "people_arrived"),  # corpus 9: British interceptions
    ("On Thursday (December 16), UK authorities rescued 559 people from the sea between France and Kent, arriving "
     "on 19 boats.", "559", "people_arrived"),  # corpus 10: France as a place, not the agent
    ("The UK Border Force has brought at least 15 suspected migrants who attempted to cross the Channel to shore.",
     "15", "people_arrived"),  # corpus 5: Border Force as the agent
    ("Some 36 people were rescued in French waters, with a further 14 returned to France by French authorities.",
     "14", "people_prevented"),  # corpus 11: returned by the French is stopped, not a UK return
    ("Between 30 and 40 people had already arrived in Dover on Tuesday.", "30", "people_other"),  # corpus 12
    ("Between 30 and 40 people had already arrived in Dover on Tuesday.", "40", "people_other"),  # a range
    ("It looks like it is transporting 30 or 40 migrants who have been picked up.", "40", "people_other"),
    ("In 2019, a total of 49 migrants were picked up by the English authorities, with a further 14 returned to "
     "France by French authorities.", "49", "people_arrived"),  # corpus 11: the English authorities picked them up
    ("The figures suggest this year’s total will smash last year’s record 8,420 crossings.", "8,420",
     "people_arrived"),  # corpus 11: last year's record is a count, not the forecast
    ("Some 511 have been intercepted this year, with 152 of those arriving since the start of June alone.", "152",
     "people_arrived"),  # g04: a later span, not a part of a group
    ("French authorities made two interceptions at sea involving 25 people.", "25", "people_prevented"),  # g09
    ("French authorities intercepted a further four crossing attempts overnight on Monday, involving 45 people.",
     "45", "people_prevented"),  # g10
    ("The Prime Minister has seen 48,678 migrants arrive, putting him only 1,959 migrants short of Rishi Sunak.",
     "1,959", "people_other"),  # g25: a difference
    ("Since the deal came into force the UK has returned 193 people who crossed the Channel in small boats.", "193",
     "people_returned"),  # g27: the verb before the relative clause
    ("More than 11,600 people had made the crossing by June 18 2022 – over 1,000 higher than the 10,472 detected so "
     "far in 2023.", "10,472", "people_arrived"),  # g16: set against a difference, still arrivals
])
def test_boats_holding_later_spans_interceptions_and_returns(text, figure, metric):
    assert metric_of("Migrants crossed the Channel in small boats. " + text, figure) == metric


def test_an_emergency_call_is_no_figure():
    """g01: "after they phoned 999 for help"."""
    rows = extract_claims("Border Force saves six migrants in dinghy off Dover after they phoned 999 for help.",
                          D(2018, 12, 12))
    assert [r["figure_text"] for r in rows] == ["six"]


def test_last_years_figure_after_a_running_total_is_the_same_point():
    """e26, g20: "This is a 10% increase on the figure recorded last year, which was 17,620"."""
    text = ("So far this year 19,294 people have crossed the Channel.\n\nThis is a 10% increase on the figure "
            "recorded last year, which was 17,620.")
    rows = {r["figure_text"]: r for r in extract_claims(text, D(2024, 8, 20))}
    assert (rows["17,620"]["period_start"], rows["17,620"]["period_end"]) == (D(2023, 1, 1), D(2023, 8, 19))


@pytest.mark.parametrize("text, published, start, end", [
    ("By late October, 29,578 individuals had made the journey to the UK.", D(2024, 10, 26),
     D(2024, 1, 1), D(2024, 10, 25)),  # g22
    ("In total, 511 have crossed this year, including 40 arriving in five vessels on Christmas day.", D(2019, 6, 16),
     D(2018, 12, 25), D(2018, 12, 25)),  # g04: the holiday in lower case, last year's
    ("It comes with 2,862 people reported to have arrived between June 10 and 18.", D(2023, 6, 19),
     D(2023, 6, 10), D(2023, 6, 18)),  # g16
])
def test_late_in_a_month_lower_case_holidays_and_day_ranges(text, published, start, end):
    periods_found = [(p.start, p.end) for p in find_periods(text, 0, len(text), When(published, published - D.resolution))
                     if p.kind == "main"]
    assert (start, end) in periods_found


def test_the_previous_year_is_no_twelve_month_span():
    text = "This represents a 13% increase from the 36,816 crossings recorded in the previous year."
    rules = [p.rule for p in find_periods(text, 0, len(text), When(D(2025, 6, 2), D(2025, 6, 1)))]
    assert rules == ["last_year"]


@pytest.mark.parametrize("text, figure, qualifier", [
    ("the total arriving so far this year nears a record 3,000", "3,000", "nearly"),  # g07
    ("the total number so far this year now closing in on 1,500", "1,500", "nearly"),  # e12
])
def test_nearing_a_figure_is_below_it(text, figure, qualifier):
    row = next(r for r in extract_claims("Migrants crossed the Channel in small boats, and " + text + ".",
                                         D(2020, 7, 21)) if r["figure_text"] == figure)
    assert row["qualifier"] == qualifier


@pytest.mark.parametrize("text, figure, metric", [
    ("The Prime Minister has seen 48,678 migrants arrive, putting him only 1,959 migrants behind the total during "
     "Rishi Sunak’s 619 days in power.", "1,959", "people_other"),  # g25: a difference
    ("Critics say at the current rate up to 60,000 migrants could come here by the end of the year.", "60,000",
     "people_other"),  # g14: a forecast
    ("Fifty five migrants from that boat were landed at Dover harbour by the Border Force.", "Fifty five",
     "people_on_one_boat"),  # g19: one boat's people, the day's count given elsewhere
])
def test_behind_at_the_current_rate_and_from_that_boat(text, figure, metric):
    context = "Migrants crossed the Channel in small boats. On Sunday, 111 people crossed in three boats. "
    assert metric_of(context + text, figure) == metric


def test_a_name_with_a_number_is_no_figure():
    rows = extract_claims("Utopia 56, an organisation assisting migrants in northern France, reported a rise.",
                          D(2024, 10, 26))
    assert rows == []


@pytest.mark.parametrize("text, published, figure, start, end", [
    # e34, d29: the year right after a percentage (or the change it names) is the change's own
    ("Ms Mahmood appeared before the Home Affairs Committee on Wednesday where she was asked about a 13% increase "
     "in crossings last year.", D(2026, 2, 4), "13%", D(2025, 1, 1), D(2025, 12, 31)),
    ("Claim: the number of small boat crossings decreased by 36 per cent last year, in the first quarter of 2024.",
     D(2024, 5, 12), "36 per cent", D(2023, 1, 1), D(2023, 12, 31)),
])
def test_a_year_right_after_a_percentage_is_its_own(text, published, figure, start, end):
    row = next(r for r in extract_claims(text, published) if r["figure_text"] == figure)
    assert (row["period_start"], row["period_end"], row["period_basis"]) == (start, end, "stated")


@pytest.mark.parametrize("text, figure, metric", [
    # f17: a year's own record after a forecast is that year's count
    ("That figure was not reached last year until mid-June, suggesting that this year will beat 2021’s "
     "record-breaking 28,526 crossings.", "28,526", "people_arrived"),
    # h24: ", with a further 13" shares the measure of the figure before it
    ("The Home Office confirmed that a flight returned 20 people to the continent on October 30, with a further 13 "
     "transported the previous week.", "13", "people_returned"),
])
def test_a_years_record_and_a_further_one(text, figure, metric):
    assert metric_of("Migrants crossed the Channel in small boats. " + text, figure) == metric


@pytest.mark.parametrize("text, figure, metric", [
    ("Some 504 people had been involved, of whom 276 had reached the British coast or coastal waters.", "276",
     "people_arrived"),  # h02: the arrivals among attempts
    ("Very few of the more than 1,400 migrants who have successfully made the crossing this year have been "
     "returned.", "1,400", "people_arrived"),  # h03: the population a return is drawn from
    ("There were 601 people and 19 boats detected on Monday.", "601", "people_arrived"),  # h12
])
def test_arrivals_among_attempts_and_populations(text, figure, metric):
    assert metric_of("Migrants tried to cross the Channel in small boats. " + text, figure) == metric


def test_grown_by_is_a_change_and_versions_are_no_figures():
    rows = {r["figure_text"]: r for r in extract_claims(
        "The number of people crossing the channel illegally has grown by 60%. Beta V.1.0 - Powered by automated "
        "translation. Image: Creative Commons CC-BY-SA 4.0.", D(2024, 9, 27))}
    assert set(rows) == {"60%"} and rows["60%"]["metric"] == "percent_change"


def test_a_single_day_in_a_month_is_unresolved():
    """c04: "a record number of 74 migrants trying to cross the Channel on a single day in May"."""
    row = next(r for r in extract_claims("It follows a record number of 74 migrants trying to cross the Channel on a "
                                         "single day in May.", D(2019, 6, 12)) if r["figure_text"] == "74")
    assert (row["period_start"], row["period_basis"]) == (None, "unresolved")


@pytest.mark.parametrize("text, figure, metric", [
    ("Last year’s record number — an increase of about 20,000 on 2020 — came despite many deterrents.", "20,000",
     "people_other"),  # h11: a difference
    ("The number of arrivals so far in 2022 suggests the 30,000 milestone could be reached within days.", "30,000",
     "people_other"),  # h13: a mark yet to be passed
    ('The government said they dealt with 21 "events" involving the 482 on Wednesday.', "21", "people_attempted"),  # h09
])
def test_an_increase_of_a_mark_to_come_and_quoted_nouns(text, figure, metric):
    assert metric_of("Migrants crossed the Channel in small boats. " + text, figure) == metric


# Periods read from real text: (text, publication date, figure, start, end), grouped by what they show.
DATE_CASES = [
    # f32: "greater than" is a qualifier, not a comparison that ends the clause before its day
    ("UK Home Office figures confirmed that 1,072 people crossed the English Channel in 13 boats – an average of "
     "greater than 82 people per boat – on September 19 alone.", D(2025, 9, 24), "1,072",
     D(2025, 9, 19), D(2025, 9, 19)),
    # the same aside in brackets (made up on f32's pattern)
    ("Figures showed that 592 people crossed the Channel in 11 small boats (an average of more than 53 people per "
     "boat, itself a record) on Saturday.", D(2024, 3, 5), "592", D(2024, 3, 2), D(2024, 3, 2)),
    # corpus 9: a span after "said" dates the figure (a report comes out on a day, not over a span)
    ("The Home Office said between 5 July and 29 August 3,600 people with no right to remain in the UK had been "
     "deported.", D(2024, 11, 1), "3,600", D(2024, 7, 5), D(2024, 8, 29)),
    # corpus 9: "in the 11 days since" an event: eleven days to the data day
    ("More than 2,500 migrants have crossed the English Channel in small boats in the 11 days since the UK’s new "
     "“one in, one out” migrant agreement with France came into effect.", D(2025, 8, 16), "2,500",
     D(2025, 8, 5), D(2025, 8, 15)),
    # corpus 9: a year right before a bracketed figure
    ("The total was comparatively low in 2018 (299) and 2019 (1,843).", D(2025, 1, 1), "1,843",
     D(2019, 1, 1), D(2019, 12, 31)),
    # corpus 9: "the total" after a percentage set against another year's count is the count before that
    ("A total of 36,816 people made the journey in 2024, a jump of 25% from the 29,437 who arrived in 2023. The "
     "total is down 20% on the record 45,774 arrivals in 2022, however.", D(2025, 1, 1), "20%",
     D(2024, 1, 1), D(2024, 12, 31)),
    # corpus 9: a day said to have had no crossings is a day the running total covers
    ("According to preliminary Home Office data, 19,801 migrants have entered the UK thus far in 2023. Only 60 "
     "individuals were found travelling in one boat on Sunday, and neither Saturday nor Monday saw any crossings.",
     D(2023, 8, 29), "19,801", D(2023, 1, 1), D(2023, 8, 28)),
    # corpus 10: "before" a year is history, not an exclusion, and ends the clause before it
    ("In 2021, there was a massive increase to 28,526 before 2022's record of 45,744.", D(2024, 2, 1), "45,744",
     D(2022, 1, 1), D(2022, 12, 31)),
    ("In 2021, there was a massive increase to 28,526 before 2022's record of 45,744.", D(2024, 2, 1), "28,526",
     D(2021, 1, 1), D(2021, 12, 31)),
    # corpus 10: the provisional annual total in January is last year's
    ("The provisional annual total for the year, 29,437, is 36% lower than the record 45,774 crossings for the whole "
     "of 2022.", D(2024, 1, 11), "29,437", D(2023, 1, 1), D(2023, 12, 31)),
    # corpus 10: a count bracketed after a percentage's compared period is that period's
    ("The total for 2024 to date is 1% lower than this time last year (23,940) and down 21% on the same period in "
     "2022 (29,783).", D(2024, 9, 17), "29,783", D(2022, 1, 1), D(2022, 9, 16)),
    # corpus 10: "the seven-day total": seven days to the data day
    ("Yesterday alone, 278 people arrived in Dover, bringing the seven-day total to 714", D(2024, 2, 1), "714",
     D(2024, 1, 25), D(2024, 1, 31)),
    # corpus 10: "since the start of last year"
    ("Since the start of last year, more than 25,000 people have risked death crossing to the UK aboard dinghies, "
     "PA data shows.", D(2022, 9, 27), "25,000", D(2021, 1, 1), D(2022, 9, 26)),
    # corpus 11: "the first half of 2025", "the first month of 2022"
    ("Nearly 20,000 Small Boat Arrivals in First Half of 2025 Set New UK Record", D(2025, 7, 1), "20,000",
     D(2025, 1, 1), D(2025, 6, 30)),
    ("It is higher than the number of arrivals in the first month of 2022 (1,339).", D(2023, 2, 1), "1,339",
     D(2022, 1, 1), D(2022, 1, 31)),
    # corpus 11: a month that only holds a record day names no day
    ("August saw the highest daily total on record, with 1,295 people crossing in 27 boats.", D(2022, 10, 10),
     "1,295", None, None),
    # corpus 2: "since the start of the Channel crisis" is since records began
    ("More than 150,000 small boat migrants have reached Britain since the start of the Channel crisis, it was "
     "confirmed today.", D(2024, 12, 27), "150,000", D(2018, 1, 1), D(2024, 12, 26)),
    # corpus 12: "N days after" opens a clause about an earlier day; the figure before it keeps its own day
    ("On Sunday, 158 people were loaded into four boats, four days after seven more people were intercepted.",
     D(2021, 9, 7), "seven", D(2021, 9, 1), D(2021, 9, 1)),
    ("On Sunday, 158 people were loaded into four boats, four days after seven more people were intercepted.",
     D(2021, 9, 7), "158", D(2021, 9, 5), D(2021, 9, 5)),
    # corpus 12: "last March" right after "in March" is the March before it
    ("More than 3,000 people arrived in March, compared with 831 last March.", D(2022, 5, 12), "831",
     D(2021, 3, 1), D(2021, 3, 31)),
    ("Some 831 arrived last March.", D(2022, 5, 12), "831", D(2022, 3, 1), D(2022, 3, 31)),
    # corpus 12: "the same point last year" after a since-Labour total is a point of the calendar year
    ("More than 50,000 people have crossed since Labour won power, after 474 people arrived on Monday alone.\nThe "
     "Government faces mounting pressure, with arrivals up 47 per cent compared to the same point last year.",
     D(2025, 8, 12), "47 per cent", D(2025, 1, 1), D(2025, 8, 11)),
    # corpus 12: "the day after" with no day named before it: the day before publication's
    ("UK: More migrants arrive in Dover – the day after about 740 people crossed the Channel.", D(2021, 9, 7),
     "740", D(2021, 9, 6), D(2021, 9, 6)),
    # corpus 13: "between the election and year's end"; a percentage after it changes that count, not the one
    # its coordinated percentage changed
    ("Between January and the July 4 general election 13.6K people arrived. This was a 19% increase compared to "
     "the same period the year prior, while 23.2K crossed between the election and year's end — a 29% increase "
     "compared to 2023.", D(2025, 1, 1), "29%", D(2024, 7, 5), D(2024, 12, 31)),
    ("Between January and the July 4 general election 13.6K people arrived. This was a 19% increase compared to "
     "the same period the year prior, while 23.2K crossed between the election and year's end — a 29% increase "
     "compared to 2023.", D(2025, 1, 1), "19%", D(2024, 1, 1), D(2024, 7, 4)),
    # corpus 13: a count its own clause dates is no mark for "exceeds"
    ("The figure for yesterday exceeds the 497 people who arrived on Saturday, April 22, and brings the "
     "provisional total for this year to 8,380.", D(2023, 6, 12), "497", D(2023, 4, 22), D(2023, 4, 22)),
    # --- more period words
    # f05: "since last November" (published February 2019)
    ("The total number arriving since last November is now more than 350.", D(2019, 2, 25), "350",
     D(2018, 11, 1), D(2019, 2, 25)),
    # f29: "between Friday night and Saturday"
    ("French authorities said they rescued nearly 200 people from the Channel between Friday night and Saturday.",
     D(2025, 6, 1), "200", D(2025, 5, 30), D(2025, 5, 31)),
    # f21: a running total to a day, last year's
    ("Last year by June 17, there were more than 11,300 crossings.", D(2023, 6, 18), "11,300",
     D(2022, 1, 1), D(2022, 6, 17)),
    # f17: the month "since" names, when a figure follows it
    ("It was the highest monthly total since November, when 6,869 arrived.", D(2022, 3, 29), "6,869",
     D(2021, 11, 1), D(2021, 11, 30)),
    # f22: a Monday report of "the weekend" counts to the Sunday
    ("At the weekend, the total number of people arriving in the UK on small boats for the year so far passed "
     "21,000.", D(2023, 9, 4), "21,000", D(2023, 1, 1), D(2023, 9, 3)),
    # --- titles records and peaks
    # f24: a title before the name
    ("It saw nearly 40,000 arriving during Prime Minister Sunak's tenure.", D(2024, 1, 1), "40,000",
     D(2022, 10, 25), D(2023, 12, 31)),
    # f25: "the 2022 record" is 2022's total
    ("This year's figures are on course to beat the 2022 record of 25,774.", D(2024, 3, 27), "25,774",
     D(2022, 1, 1), D(2022, 12, 31)),
    # c56: "with a peak of" adds the figure to the clause before it
    ("Only 2022 saw more arrivals, with a peak of 45,755.", D(2026, 1, 5), "45,755", D(2022, 1, 1), D(2022, 12, 31)),
    # --- days and spans said twice
    # c45: a day named with "this year" is this year's, whatever year the sentence spoke of before
    ("The number of small boat crossings for the whole of 2023 was 29,437, which was surpassed on 25 October this "
     "year when the total for 2024 reached 29,578.", D(2024, 12, 15), "29,578", D(2024, 1, 1), D(2024, 10, 25)),
    # c54: "in single day" without its article
    ("Crossings continued as over 800 make the journey in single day.", D(2025, 12, 21), "800",
     D(2025, 12, 20), D(2025, 12, 20)),
    # c08: a rough month restated by the day it began
    ("The Home Office said 486 arrived in the last month, since the country went into lockdown.", D(2020, 4, 26),
     "486", D(2020, 3, 23), D(2020, 4, 26)),
    # --- the span of a busiest day is its scope
    # f21: where the day was the busiest is not the figure's span
    ("Last Sunday saw the most crossings on a single day this year, with 549 people making the journey.",
     D(2023, 6, 18), "549", D(2023, 6, 11), D(2023, 6, 11)),
    ("On Tuesday 700 people crossed, the highest daily total so far this year.", D(2024, 5, 2), "700",
     D(2024, 4, 30), D(2024, 4, 30)),
    # --- same stage of a year and boats of the arrivals
    # g26: a year's total "at this stage of the year" is that year to the same date
    ("The figure also represents a 37% rise from 2023's total of 21,918 at this stage of the year.", D(2025, 9, 7),
     "21,918", D(2023, 1, 1), D(2023, 9, 6)),
    # g09: the boats carrying the arrivals just counted; "this month" is where the number is the biggest
    ("A French navy warship escorted a boat across the English Channel today as more than 100 arrivals were "
     "intercepted in 11 small boats in the biggest number to attempt the crossing this month.", D(2020, 10, 17),
     "11", D(2020, 10, 17), D(2020, 10, 17)),
    # --- a years count and a day after a named start
    # g22: "the 2023 count"
    ("Arrivals this year have passed 29,578, exceeding the 2023 count of 29,437.", D(2024, 10, 26), "29,437",
     D(2023, 1, 1), D(2023, 12, 31)),
    # g20: the named start ends before the main clause's verb
    ("The largest number of crossings in a single day since the Labour Government took power was on August 11, "
     "when 703 people were recorded as arriving in the UK in 11 boats.", D(2024, 8, 20), "703",
     D(2024, 8, 11), D(2024, 8, 11)),
    # --- pushed past month lists bracketed ranges and points
    # h09, f30: a running total taken past a mark on a day
    ("Additional vessel sightings on Tuesday pushed the total number of crossings beyond 20,000.", D(2025, 7, 3),
     "20,000", D(2025, 1, 1), D(2025, 7, 1)),
    # h14: a month of a named year, then bare counts for other years are that month of them
    ("Seven people were recorded making the journey in January 2018; 45 in 2019; 94 in 2020 and 224 in 2021.",
     D(2023, 2, 1), "94", D(2020, 1, 1), D(2020, 1, 31)),
    # h20: a range with no "from", in a year the sentence names
    ("In 2023, the period of April 15 to July 4 saw 6,534 arrivals.", D(2024, 9, 27), "6,534",
     D(2023, 4, 15), D(2023, 7, 4)),
    # h20: dates in brackets restate the span before them
    ("The last 80 days of Rishi Sunak’s government (April 15 to July 4) show 7,309 arrivals.", D(2024, 9, 27),
     "7,309", D(2024, 4, 15), D(2024, 7, 4)),
    ("The first 80 days after the election (July 5 to September 23) saw 11,591 arriving on small boats.",
     D(2024, 9, 27), "11,591", D(2024, 7, 5), D(2024, 9, 23)),
    # h12: "which was just under 14,500" names the point last year
    ("Some 28,561 people have crossed so far this year. It is also nearly double the number that had been detected "
     "by this point last year, which was just under 14,500.", D(2022, 9, 13), "14,500",
     D(2021, 1, 1), D(2021, 9, 12)),
    # h18: "fell to 32,371 from 44,004 in the same period a year earlier"
    ("In the last 12 months – measuring June 12 2023 to June 11 2024 – the number of people crossing fell to 32,371 "
     "from 44,004 in the same period a year earlier.", D(2024, 6, 12), "44,004", D(2022, 6, 12), D(2023, 6, 11)),
    # --- which was thought to be and a bracketed figure
    # c36: "which was thought to be" names the excluded day
    ("But this October saw just 1,775, not including yesterday’s unconfirmed figure which was thought to be around "
     "100.", D(2023, 11, 1), "100", D(2023, 10, 31), D(2023, 10, 31)),
    # c22: a bracketed figure is what the words before it name; "in the last four years" is a superlative's scope
    ("November 2021 saw the highest number of small boat arrivals in the last four years (6971) and the number "
     "coming to the UK in each month of last year was higher.", D(2022, 2, 24), "6971",
     D(2021, 11, 1), D(2021, 11, 30)),
    # --- ranges named by the start of the year or with the year after them
    # f26: "from the beginning of this year to" an event on a day
    ("From the beginning of this year to the general election on July 4, 13,574 people crossed the Channel.",
     D(2024, 10, 15), "13,574", D(2024, 1, 1), D(2024, 7, 4)),
    # g10: the year after both days of a range is theirs
    ("Just 1,865 migrants were picked up by Border Force in the same period from January 1 to June 14 in 2020.",
     D(2021, 6, 15), "1,865", D(2020, 1, 1), D(2020, 6, 14)),
    # e10: "for the month so far"
    ("On Wednesday, 26 people in two boats were picked up by Border Force officers, taking the total number of "
     "people to 1,487 for the month so far.", D(2020, 9, 16), "1,487", D(2020, 9, 1), D(2020, 9, 16)),
    # h12: a count no day could hold, dated by a day, is the running total to it
    ("28,561 people had been detected up to and including Monday, September 12.", D(2022, 9, 13), "28,561",
     D(2022, 1, 1), D(2022, 9, 12)),
    # --- a mark named again: "the figure", "it"
    # d33: "the figure of 10,000 was not hit until", then "it was" another day
    ("It would be the earliest point in a calendar year that this milestone has been reached. Last year the figure "
     "of 10,000 was not hit until May 24, while in 2023 it was June 17.", D(2025, 4, 28), "10,000",
     D(2024, 1, 1), D(2024, 5, 24)),
    ("It would be the earliest point in a calendar year that this milestone has been reached. Last year the figure "
     "of 10,000 was not hit until May 24, while in 2023 it was June 17.", D(2025, 4, 28), "it",
     D(2023, 1, 1), D(2023, 6, 17)),
    # g26: "the figure was not passed until"
    ("The 30,000 threshold has never been reached this early in a calendar year. Last year the figure was not "
     "passed until October 30.", D(2025, 9, 7), "the figure", D(2024, 1, 1), D(2024, 10, 30)),
    # d19: "it took until June 1 to reach the same figure": the running total just given
    ("Yesterday's arrivals brought the total for the year to date to 3,838 in 123 boats. Last year it took until "
     "June 1 to reach the same figure.", D(2022, 3, 23), "it", D(2021, 1, 1), D(2021, 6, 1)),
    # --- corpus 7 (its first run is in the README): a compared point, a year after a month, a month's count
    # h09: "At the equivalent point in 2021" moves the running total the article is about
    ("More than 22,600 people have arrived in small boats so far in 2022. At the equivalent point in 2021, the "
     "cumulative total was just under 12,500.", D(2022, 8, 23), "12,500", D(2021, 1, 1), D(2021, 8, 22)),
    # h14: "which by this time in 2022 had reached"
    ("The crossings on Saturday bring the total for the year to 24,830, which is down on last year’s figures which "
     "by this time in 2022 had reached 33,001.", D(2023, 10, 1), "33,001", D(2022, 1, 1), D(2022, 9, 30)),
    # h20: a month without its year, the year right after the figure
    ("The most arrivals recorded in the month of December is 3,254, in 2024.", D(2025, 12, 21), "3,254",
     D(2024, 12, 1), D(2024, 12, 31)),
    # h15: named events ("since the General Election was called", the Rwanda deal, the Safety of Rwanda Act)
    ("More than 3,000 arrivals have been recorded since the General Election was called on May 22.",
     D(2024, 6, 26), "3,000", D(2024, 5, 22), D(2024, 6, 25)),
    ("Some 82,409 have made the journey since the Government struck the stalled deal to send migrants to Rwanda "
     "in April 2022.", D(2024, 6, 26), "82,409", D(2022, 4, 14), D(2024, 6, 25)),
    ("And 6,378 migrants have arrived since the Safety of Rwanda Act, which was intended to pave the way for "
     "deportation flights, received royal assent earlier this year.", D(2024, 6, 26), "6,378",
     D(2024, 4, 25), D(2024, 6, 25)),
    # h13: month ranges with their year after them, and "the six months to the end of June"
    ("Between January and June this year a total of 11,433 people arrived in the UK.", D(2023, 7, 10), "11,433",
     D(2023, 1, 1), D(2023, 6, 30)),
    ("That is approximately 10% fewer than the number who arrived between January and June in 2022 (12,747).",
     D(2023, 7, 10), "12,747", D(2022, 1, 1), D(2022, 6, 30)),
    ("“The six months to the end of June was down about 20% on last year.”", D(2023, 7, 10), "20%",
     D(2023, 1, 1), D(2023, 6, 30)),
    # h13: a percentage's own span right after it
    ("Small boat arrivals were down by 20% in the first five months of 2023.", D(2023, 7, 10), "20%",
     D(2023, 1, 1), D(2023, 5, 31)),
    # h21: "the annual total ... since 2022, when nearly 46,000 crossed" is that whole year
    ("The annual total was the highest since 2022, when nearly 46,000 crossed.", D(2025, 12, 31), "46,000",
     D(2022, 1, 1), D(2022, 12, 31)),
    # h20: "across the month so far"
    ("Some 2,163 people have arrived across the month so far this year.", D(2025, 12, 21), "2,163",
     D(2025, 12, 1), D(2025, 12, 20)),
    # h21: "since 20 December, when more than 800 people" is that day
    ("Figures from the Home Office showed there have been no crossings since 20 December, when more than 800 people "
     "made the journey.", D(2025, 12, 31), "800", D(2025, 12, 20), D(2025, 12, 20)),
    # h09: "Since then" is what the sentence before named, past page debris
    ("It is four months since home secretary Priti Patel unveiled plans to send migrants to Rwanda in a bid to curb "
     "Channel crossings.\n\nHide Ad\n\nSince then, 17,402 people have arrived.", D(2022, 8, 23), "17,402",
     D(2022, 4, 14), D(2022, 8, 22)),
    # corpus 9: ... and past a link to another story
    ("It has been more than five months since the then Home Secretary, Priti Patel, announced plans to send migrants "
     "to Rwanda to try and deter people from crossing the Channel.\n\nSee also  Charles III, Britain's Tallest "
     "King-in-waiting Ever\n\nSince then, 25,247 people have arrived in the UK after making the journey.",
     D(2022, 9, 22), "25,247", D(2022, 4, 14), D(2022, 9, 21)),
    # h16, g10, h13: a total a day's count takes further runs to that day
    ("The crossings comes as Home Office data recorded 139 people arriving in three boats on August 4, taking the "
     "provisional total for the year so far to 17,170.", D(2024, 8, 5), "17,170", D(2024, 1, 1), D(2024, 8, 4)),
    ("A total of 93 people were recorded by the Ministry of Defence making the journey in four boats on Tuesday, "
     "taking the provisional number to 29,799.", D(2022, 9, 21), "29,799", D(2022, 1, 1), D(2022, 9, 20)),
    # h03: the sentence after goes on about the same boats and names their day
    ("Another 43 migrants in four small boats were intercepted in the English Channel off the Kent coast, the Home "
     "Office said. The boats were picked between about 07:40 and 12:15 BST on Wednesday, a Home Office spokesman "
     "said. On Tuesday, 159 migrants in 13 boats were brought ashore at Dover.", D(2020, 7, 22), "43",
     D(2020, 7, 22), D(2020, 7, 22)),
    # e09: "since January last year"
    ("Since January last year, 155 migrants have been deported.", D(2020, 8, 9), "155",
     D(2019, 1, 1), D(2020, 8, 9)),
    # g27: in the first days of January "the previous year" is the one before the year just ended; "9% below
    # the all-time high of 45,774" sets that figure against the head, not as its base
    ("The revelation comes alongside finalised data for 2025. A total of 41,472 migrants reached British shores "
     "in dinghies, a figure only 9% below the all-time high of 45,774 set in 2022. This represents a 13% increase "
     "from the 36,816 crossings recorded in the previous year.", D(2026, 1, 2), "36,816",
     D(2024, 1, 1), D(2024, 12, 31)),
    ("The revelation comes alongside finalised data for 2025. A total of 41,472 migrants reached British shores "
     "in dinghies, a figure only 9% below the all-time high of 45,774 set in 2022. This represents a 13% increase "
     "from the 36,816 crossings recorded in the previous year.", D(2026, 1, 2), "13%",
     D(2025, 1, 1), D(2025, 12, 31)),
]


@pytest.mark.parametrize("text, published, figure, start, end", DATE_CASES)
def test_dates_read_from_real_text(text, published, figure, start, end):
    assert dates_of(text, published, figure) == (start, end)
