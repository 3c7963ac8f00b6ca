"""The extractor and the checker on real UK news they were not written from.

``../shared/corpus`` (58 articles, 2018-2026, 429 hand-labelled figures) is scored in CI. The second
to thirteenth real sets (each labelled before the extractor ever ran on it) keep their gold in
tests/gold/real2 ... real13 but not their third-party texts: they are scored where the texts are
on the machine ($UK_SMALL_BOATS_CORPUSn or ../corpusn), on the gold rows whose quotes are in them. The floors, just under today's figures, guard against
regressions; the printed figures are the ones the README reports.
"""

import os
from dataclasses import dataclass
from pathlib import Path

import pytest

from uk_small_boats.check.evaluate import score_verdicts
from uk_small_boats.extract.evaluate import score_corpus
from uk_small_boats.paths import REPO

SHARED = REPO.parent / "shared" / "corpus"
GOLD = Path(__file__).parent / "gold"


@dataclass(frozen=True)
class Corpus:
    name: str
    folder: Path
    gold: Path | None  # None: the folder's own gold.csv
    verdicts: Path | None  # expected verdicts apart from the gold (the first corpus)
    precision: float  # floors, just under today's figures
    recall: float
    exact: float
    found: float  # discrepancies found
    # false accusations left standing, each a labelling call the checker does not share (README says why):
    # any other one fails the test
    known_false: tuple[str, ...] = ()


CORPORA = [
    # corpus 1's discrepancies found: 12/20 -> 11/20 when "the same period" given as whole months became
    # a reading (c38's 1,482 fits 1 Jan-28 Feb 2022 exactly; corpus 5's g24 was a false accusation)
    # 11/20 -> 10/20 when a day's figure before 2021 that the text takes from the Home Office or Border Force
    # was held as first published (c09's "145" on 8 May 2020, series 152), which removed false accusations
    # on corpora 10 and 12
    Corpus("shared", SHARED, None, GOLD / "corpus1_verdicts.csv", 0.95, 0.98, 0.90, 0.5),
    Corpus("second", Path(os.environ.get("UK_SMALL_BOATS_CORPUS2", REPO.parent / "corpus2")),
           GOLD / "real2" / "gold.csv", None, 0.86, 0.97, 0.84, 0.35),  # 6/14 -> 5/14: partial_day
    Corpus("third", Path(os.environ.get("UK_SMALL_BOATS_CORPUS3", REPO.parent / "corpus3")),
           GOLD / "real3" / "gold.csv", None, 0.90, 0.97, 0.84, 0.4),
    Corpus("fourth", Path(os.environ.get("UK_SMALL_BOATS_CORPUS4", REPO.parent / "corpus4")),
           GOLD / "real4" / "gold.csv", None, 0.89, 0.95, 0.78, 0.55),
    Corpus("fifth", Path(os.environ.get("UK_SMALL_BOATS_CORPUS5", REPO.parent / "corpus5")),
           GOLD / "real5" / "gold.csv", None, 0.91, 0.97, 0.83, 0.45),
    Corpus("sixth", Path(os.environ.get("UK_SMALL_BOATS_CORPUS6", REPO.parent / "corpus6")),
           GOLD / "real6" / "gold.csv", None, 0.91, 0.97, 0.80, 0.25),  # 5/16 -> 4/16: h05's "145", as c09
    # first run (before any rule was written for it): 0.877 / 0.962 / 0.628, 4 false accusations, 3/9 found
    Corpus("seventh", Path(os.environ.get("UK_SMALL_BOATS_CORPUS7", REPO.parent / "corpus7")),
           GOLD / "real7" / "gold.csv", None, 0.91, 0.98, 0.80, 0.4),
    # first run: 0.850 / 0.919 / 0.743, 3 false accusations, 3/6 found
    Corpus("eighth", Path(os.environ.get("UK_SMALL_BOATS_CORPUS8", REPO.parent / "corpus8")),
           GOLD / "real8" / "gold.csv", None, 0.86, 0.94, 0.82, 0.45),
    # first run (at 1347b6b; the same at b5ad296): 0.883 / 0.970 / 0.818, 6 false accusations, 0/2 found
    Corpus("ninth", Path(os.environ.get("UK_SMALL_BOATS_CORPUS9", REPO.parent / "corpus9")),
           GOLD / "real9" / "gold.csv", None, 0.88, 0.97, 0.90, 0.0),
    # first run (at 4387541; b5ad296 gave P 0.893, the rest the same): 0.880 / 0.975 / 0.775, 5 false
    # accusations. No figure is expected to be a discrepancy (found is 0/0).
    Corpus("tenth", Path(os.environ.get("UK_SMALL_BOATS_CORPUS10", REPO.parent / "corpus10")),
           GOLD / "real10" / "gold.csv", None, 0.88, 0.99, 0.86, 0.0),
    # first run (at 9f3cc58): 0.912 / 0.937 / 0.748, 1 false accusation, 2/6 found; the code this round
    # started from (b5ad296): 0.918 / 0.910 / 0.721, 3 false accusations
    Corpus("eleventh", Path(os.environ.get("UK_SMALL_BOATS_CORPUS11", REPO.parent / "corpus11")),
           GOLD / "real11" / "gold.csv", None, 0.92, 0.96, 0.78, 0.3),
    # first run (at 13b824e; b5ad296 the same but 3 false accusations): 0.878 / 0.925 / 0.613, 2 false
    # accusations, 1/9 found. m11's standfirst repeated word for word in the body is labelled twice (the
    # convention is once), so recall here tops out below 1.
    Corpus("twelfth", Path(os.environ.get("UK_SMALL_BOATS_CORPUS12", REPO.parent / "corpus12")),
           GOLD / "real12" / "gold.csv", None, 0.91, 0.92, 0.71, 0.2),
    # first run (at 42b6e6e; b5ad296 the same): 0.924 / 0.895 / 0.579, 6 false accusations, 1/1 found.
    # Three stand: "235 people came ashore" on 6 August 2020 (twice; the Home Office's figure of the day,
    # the series now 259) and a tracker page's stale "nearly 3,900" since 1 January 2020. Holding every
    # pre-2021 day within 20% as first published would clear the first two but was measured to lose 13
    # found discrepancies on six other corpora, so only days the text takes from the Home Office or Border
    # Force are held so.
    Corpus("thirteenth", Path(os.environ.get("UK_SMALL_BOATS_CORPUS13", REPO.parent / "corpus13")),
           GOLD / "real13" / "gold.csv", None, 0.92, 0.94, 0.65, 1.0,
           known_false=("n03_2020-08-09: people 235 ", "n14_2020-08-17: people 235 ", "n14_2020-08-17: people 3900 ")),
]


def present(c: Corpus) -> Corpus:
    if not (c.folder / "articles").is_dir():
        pytest.skip(f"the {c.name} corpus's texts are not on this machine ({c.folder})")
    return c


@pytest.mark.parametrize("corpus", CORPORA, ids=[c.name for c in CORPORA])
def test_extractor_on_real_articles(corpus, capsys):
    c = present(corpus)
    sc = score_corpus(c.folder, gold=c.gold)
    with capsys.disabled():
        print("\n" + sc.summary(f"extractor, {c.name} corpus"))
    p, r = sc.figures
    assert p >= c.precision and r >= c.recall and sc.exact_period >= c.exact, sc.by_article


@pytest.mark.parametrize("corpus", CORPORA, ids=[c.name for c in CORPORA])
def test_verdicts_on_real_articles(corpus, capsys):
    c = present(corpus)
    sc = score_verdicts(c.folder, c.verdicts, gold=c.gold)
    found, of = sc.discrepancies_found
    with capsys.disabled():
        print("\n" + sc.table() + "\n" + sc.summary(f"verdicts, {c.name} corpus"))
    assert [w for w in sc.false_accusations if not w.startswith(c.known_false)] == []
    assert of == 0 or found / of >= c.found
