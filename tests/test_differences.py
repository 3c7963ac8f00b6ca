"""The rewrite alignment on made-up texts: furniture, ordered alignment, phrase changes, reviews."""

import datetime as dt

import pytest

from uk_small_boats.curate.alignment import align, phrase_changes, render_changes
from uk_small_boats.curate.differences import apply_overrides, differences
from uk_small_boats.curate.furniture import prose_spans
from uk_small_boats.errors import PipelineError
from uk_small_boats.extract.text import Span

DAY = dt.date(2025, 9, 19)


def texts_of(text):
    return [text[s.start:s.end] for s in prose_spans(text)]


def test_glued_headlines_captions_and_teaser_cards_are_furniture():
    page = ("Getty ImagesThe army is busy with defence, a minister said.Key takeaways from the talks"
            "Speaking on Thursday, he said 40 boats came.More from the News2 hrs agoMayor adds $100,000 "
            "fee for visasThe mayor said so in a statement.2 hrs ago6 hrs agoAnother headline here"
            "Another summary of a story.6 hrs agoCopyright notice")
    assert texts_of(page) == ["The army is busy with defence, a minister said.",
                              "Speaking on Thursday, he said 40 boats came."]


def test_a_quoted_heading_glued_to_the_next_sentence_is_cut_from_both():
    page = "The plan was scrapped after Labour took office last year.'Different geography'Trump has issued orders."
    assert texts_of(page) == ["The plan was scrapped after Labour took office last year.",
                              "Trump has issued orders."]


def test_prose_without_furniture_is_kept_whole():
    text = "Six boats set off from France. There had been no crossings for a week before then."
    assert texts_of(text) == ["Six boats set off from France.",
                              "There had been no crossings for a week before then."]


def pair(o, r):
    return phrase_changes(o, Span(0, len(o)), r, Span(0, len(r)))


def test_phrase_changes_name_each_changed_phrase():
    o = ("About 1,000 migrants are believed to have crossed the the Channel earlier on Friday, as two "
         "more deportations under the deal took place.")
    r = "Hundreds of migrants attempted to cross the Channel earlier today, as the second deportation under the deal took place."
    got = pair(o, r)
    assert ("are believed to have crossed", "attempted to cross") in got
    assert ("two more deportations", "the second deportation") in got
    assert ("on Friday", "today") in got and ("About 1,000", "Hundreds of") in got
    assert len(got) == 4  # the repeated "the the" is a typo, not a change
    assert render_changes(got).split(" | ")[1] == '"are believed to have crossed" -> "attempted to cross"'


def test_phrase_changes_ignore_stop_words_quotes_and_possessives():
    assert pair("There had been no crossings for a week before then.",
                "There had been no crossings for a week before this.") == []
    assert pair('The Home Office\'s "one in, one out" deal.', "The Home Office 'one in, one out' deal.") == []
    assert render_changes(pair("Flights are planned into next week.", "Flights are planned.")) == 'dropped "into next week"'


def sentences_text(*sents):
    text = " ".join(sents)
    spans, at = [], 0
    for s in sents:
        spans.append(Span(at, at + len(s)))
        at += len(s) + 1
    return text, spans


def test_alignment_follows_the_order_and_leaves_an_added_sentence_unpaired():
    o, o_spans = sentences_text(
        "The minister rejected the president's call for military action against smugglers.",
        "Border Force officers patrol the coast with new powers and drones.",
        "The navy works with Border Force when it is called upon.",
        "More than 5,500 migrants have arrived since the scheme started in August.")
    r, r_spans = sentences_text(
        "The minister has rejected the president's call for military action.",
        "Officers of the Border Force patrol the coast with drones and new powers.",
        "The president prefers military action while the minister prefers officers and drones.",
        "Over 5,500 migrants have arrived since the scheme began in August.")
    pairs = align(r, r_spans, o, o_spans)
    assert {i: j for i, (j, _) in pairs.items()} == {0: 0, 1: 1, 3: 3}


def test_a_dropped_dated_sentence_is_an_omission_and_an_unpaired_sentence_an_addition():
    o = ("Two migrants were returned to France on Friday. On Friday afternoon, a second man was also "
         "returned to France. Ministers met at the summit.")
    r = "Two migrants were returned to France on Friday. Ministers met at the summit. Critics say the plan will fail."
    rows = {row["change"]: row for row in differences("rw", r, "orig", o, DAY)}
    assert rows["sentence_omitted"]["original_quote"] == "On Friday afternoon, a second man was also returned to France."
    assert rows["sentence_added"]["quote"] == "Critics say the plan will fail."
    assert set(rows) == {"sentence_omitted", "sentence_added"}


ORIGINAL = "The Home Office said more flights are planned into next week. Ministers met in London on Friday."
REWRITE = "The Home Office is planning more flights. Ministers met in Paris today."


def review(tmp_path, body):
    path = tmp_path / "reviews.yaml"
    path.write_text(body, encoding="utf-8")
    rows = differences("rw", REWRITE, "orig", ORIGINAL, DAY)
    return apply_overrides(rows, {"rw": REWRITE, "orig": ORIGINAL}, {"rw": "orig"}, {"rw": DAY}, path)


def test_a_reviewed_difference_is_added_with_its_reason_and_phrase_changes(tmp_path):
    rows = review(tmp_path, """
- action: add
  source_id: rw
  quote: The Home Office is planning more flights.
  original_quote: The Home Office said more flights are planned into next week.
  change: date_changed
  description: The flights lose "into next week".
  reason: A future time the extractor does not read.
""")
    added = next(r for r in rows if r["difference_id"] == "rw-0")
    assert added["review"] == "A future time the extractor does not read."
    assert (added["char_start"], added["original_char_start"]) == (0, 0)
    assert added["phrase_changes"] == '"said" -> "is planning" | dropped "are planned into next week"'


def test_a_review_of_a_row_the_alignment_did_not_produce_is_refused(tmp_path):
    with pytest.raises(PipelineError) as e:
        review(tmp_path, "- {action: set, difference_id: rw-999, set: {description: x}, reason: r}\n")
    assert e.value.rule == "override-target" and e.value.row == 1


def test_adding_a_row_the_alignment_already_lists_is_refused(tmp_path):
    listed = next(r for r in differences("rw", REWRITE, "orig", ORIGINAL, DAY) if r.get("quote"))
    with pytest.raises(PipelineError) as e:
        review(tmp_path, f"""
- action: add
  source_id: rw
  quote: {listed['quote']}
  change: fact_changed
  description: x
  reason: r
""")
    assert e.value.rule == "override-target"


def test_a_reviewed_quote_must_stand_once(tmp_path):
    with pytest.raises(PipelineError) as e:
        review(tmp_path, "- {action: add, source_id: rw, quote: 'e', change: fact_changed, description: x, reason: r}\n")
    assert e.value.rule == "quote-unique" and e.value.column == "quote"


def test_a_review_needs_a_reason(tmp_path):
    with pytest.raises(PipelineError) as e:
        review(tmp_path, "- {action: drop, difference_id: rw-0}\n")
    assert e.value.rule == "override-shape"


def test_a_time_word_inside_a_programme_name_is_not_a_date():
    o = "Ministers met at the summit. Speaking to The World Tonight on BBC Radio 4, he added that troops would not help."
    r = "Ministers met at the summit."
    assert differences("rw", r, "orig", o, DAY) == []
    dated = "Ministers met at the summit. Speaking tonight on BBC Radio 4, he added that troops would not help."
    assert [row["change"] for row in differences("rw", r, "orig", dated, DAY)] == ["sentence_omitted"]
