"""The extractor and the checker on real UK news they were not written from.

``../shared/corpus`` (58 articles, 2018-2026, 429 hand-labelled figures) is scored in CI. The second
and third real sets (40 articles / 278 figures and 34 articles / 220 figures, each labelled before
the extractor ever ran on it) keep their gold in tests/gold/real2 and real3 but not their third-party
texts: they are scored where the texts are on the machine ($UK_SMALL_BOATS_CORPUS2 or ../corpus2,
$UK_SMALL_BOATS_CORPUS3 or ../corpus3). The floors, just under today's figures, guard against
regressions; the printed figures are the ones the README reports.
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
THIRD = Path(os.environ.get("UK_SMALL_BOATS_CORPUS3", REPO.parent / "corpus3"))

shared = pytest.mark.skipif(not (SHARED / "gold.csv").is_file(), reason="../shared/corpus not beside the repo")
second = pytest.mark.skipif(not (SECOND / "articles").is_dir(), reason="second corpus texts not on this machine")
third = pytest.mark.skipif(not (THIRD / "articles").is_dir(), reason="third corpus texts not on this machine")


@shared
def test_extractor_on_the_shared_corpus(capsys):
    sc = score_corpus(SHARED)
    with capsys.disabled():
        print("\n" + sc.summary("extractor, shared corpus"))
    p, r = sc.figures
    assert p >= 0.90 and r >= 0.97, sc.by_article
    assert sc.exact_period >= 0.84, sc.by_article


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
    assert p >= 0.78 and r >= 0.92 and sc.exact_period >= 0.69


@second
def test_verdicts_on_the_second_corpus(capsys):
    sc = score_verdicts(SECOND, gold=GOLD / "real2" / "gold.csv")
    with capsys.disabled():
        print("\n" + sc.table() + "\n" + sc.summary("verdicts, second corpus"))
    assert sc.false_accusations == []


@third
def test_extractor_on_the_third_corpus(capsys):
    sc = score_corpus(THIRD, gold=GOLD / "real3" / "gold.csv")
    with capsys.disabled():
        print("\n" + sc.summary("extractor, third corpus"))
    p, r = sc.figures
    assert p >= 0.80 and r >= 0.95 and sc.exact_period >= 0.65


@third
def test_verdicts_on_the_third_corpus(capsys):
    sc = score_verdicts(THIRD, gold=GOLD / "real3" / "gold.csv")
    with capsys.disabled():
        print("\n" + sc.table() + "\n" + sc.summary("verdicts, third corpus"))
    assert sc.false_accusations == []
