"""The extractor and the checker on real UK news they were not written from.

``../shared/corpus`` (58 articles, 2018-2026, 429 hand-labelled figures) is scored in CI. The second
real set (40 articles, 278 figures, labelled before the extractor ever ran on it) keeps its gold in
tests/gold/real2 but not its third-party texts: it is scored where the texts are on the machine
($UK_SMALL_BOATS_CORPUS2 or ../corpus2). The floors guard against regressions; the printed figures
are the ones the README reports.
"""

import os
from pathlib import Path

import pytest

from uk_small_boats.check.evaluate import score_verdicts
from uk_small_boats.extract.evaluate import score_corpus
from uk_small_boats.paths import REPO

SHARED = REPO.parent / "shared" / "corpus"
GOLD = Path(__file__).parent / "gold"
SECOND = Path(os.environ.get("UK_SMALL_BOATS_CORPUS2", REPO.parent / "corpus2"))

shared = pytest.mark.skipif(not (SHARED / "gold.csv").is_file(), reason="../shared/corpus not beside the repo")
second = pytest.mark.skipif(not (SECOND / "articles").is_dir(), reason="second corpus texts not on this machine")


@shared
def test_extractor_on_the_shared_corpus(capsys):
    sc = score_corpus(SHARED)
    with capsys.disabled():
        print("\n" + sc.summary("extractor, shared corpus"))
    p, r = sc.figures
    assert p >= 0.90 and r >= 0.95, sc.by_article
    assert sc.exact_period >= 0.80, sc.by_article


@shared
def test_verdicts_on_the_shared_corpus(capsys):
    sc = score_verdicts(SHARED, GOLD / "corpus1_verdicts.csv")
    found, of = sc.discrepancies_found
    with capsys.disabled():
        print("\n" + sc.table() + "\n" + sc.summary("verdicts, shared corpus"))
    assert sc.false_accusations == []
    assert found / of >= 0.6


@second
def test_extractor_on_the_second_corpus(capsys):
    sc = score_corpus(SECOND, gold=GOLD / "real2" / "gold.csv")
    with capsys.disabled():
        print("\n" + sc.summary("extractor, second corpus"))
    p, r = sc.figures
    assert p >= 0.75 and r >= 0.90 and sc.exact_period >= 0.60


@second
def test_verdicts_on_the_second_corpus(capsys):
    sc = score_verdicts(SECOND, gold=GOLD / "real2" / "gold.csv")
    with capsys.disabled():
        print("\n" + sc.table() + "\n" + sc.summary("verdicts, second corpus"))
    assert len(sc.false_accusations) <= 1
