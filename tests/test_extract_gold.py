"""Precision and recall of the extractor against hand-labelled gold files.

Seeds: the five archived texts (needs ../shared/archive), labelled under the conventions of the real
corpus (../shared/corpus/README.md). The real corpora are scored in test_extract_corpus.py.
"""

from pathlib import Path

import pytest

from uk_small_boats.extract.evaluate import load_gold, score
from uk_small_boats.metadata.schemas import read_csv_typed, resource

from .conftest import SHARED_ARCHIVE, news_archive_present

GOLD = Path(__file__).parent / "gold"


def seed_inputs():
    src = resource("sources")
    sources = read_csv_typed(src.data_path, src)
    from uk_small_boats.curate.claims import reference_dates
    refs = reference_dates(sources)
    by_file = dict(zip(sources["file_name"], sources["source_id"]))
    files = sorted(set(load_gold(GOLD / "seed_claims.csv")["source_file"]))
    texts = {f: (SHARED_ARCHIVE / f).read_text(encoding="utf-8") for f in files}
    return texts, {f: refs[by_file[f]] for f in files}, by_file


@pytest.mark.skipif(not news_archive_present(), reason="news archive not beside the repo")
def test_seed_extraction_meets_targets(capsys):
    texts, dates, _ = seed_inputs()
    gold = load_gold(GOLD / "seed_claims.csv")
    gold = gold[gold["metric"] != "duration"]  # jail terms and "for eight years" are added by review
    s = score(gold, texts, dates)
    with capsys.disabled():
        print("\n" + s.summary("extractor on seeds"))
    fp, fr = s.figures
    pp, pr = s.full
    assert fp >= 0.95 and fr >= 0.95, s.misses + s.spurious
    assert pp >= 0.9 and pr >= 0.9, s.wrong
    assert s.offsets_right == s.figures_found


@pytest.mark.skipif(not news_archive_present(), reason="news archive not beside the repo")
def test_curated_claims_match_gold_exactly(capsys):
    """The published claims (extractor + reviewed overrides) agree with every gold label."""
    texts, dates, by_file = seed_inputs()
    spec = resource("claims")
    claims = read_csv_typed(spec.data_path, spec)
    predicted = {}
    for f in texts:
        rows = claims[claims["source_id"] == by_file[f]].to_dict("records")
        for r in rows:
            r["period_start"], r["period_end"] = r["period_start"].date(), r["period_end"].date()
        predicted[f] = rows
    s = score(load_gold(GOLD / "seed_claims.csv"), texts, dates, predicted)
    with capsys.disabled():
        print("\n" + s.summary("curated claims on seeds"))
    assert s.figures == (1.0, 1.0) and s.full == (1.0, 1.0), s.wrong + s.misses + s.spurious
