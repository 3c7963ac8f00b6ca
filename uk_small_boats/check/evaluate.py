"""Score the checker's verdicts against hand-labelled expected verdicts on real articles.

Each gold figure is matched to the extractor's claim for it (as ``extract.evaluate`` does), the
claim is checked against the series, and the verdict the user would see is held against the verdict
an honest fact-checker expects. Run ``python -m uk_small_boats.check.evaluate [CORPUS_DIR ...]``.

Reported: the confusion matrix (expected x given), false accusations (``discrepancy`` where any
other verdict is expected: target 0), discrepancies found (of the
figures expected to be discrepancies, how many are called so: target >= 0.8), and the share left
``unresolved``.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from ..extract.claims import extract_claims
from ..extract.evaluate import load_corpus, match_gold, scorable
from ..metadata.schemas import conform, resource
from ..official.ods import read_series
from ..paths import REPO, VENDORED_ARCHIVE
from .series import OfficialSeriesIndex
from .verdicts import check_claims

ODS = VENDORED_ARCHIVE / "data_small_boats_time_series.ods"
VERDICTS = ["match", "consistent", "revised", "discrepancy", "unresolved", "different_measure", "not_checkable",
            "(no claim)"]


@dataclass
class VerdictScore:
    """Expected against given verdicts, one pair per gold figure, and the scores drawn from them."""

    pairs: list[tuple[str, str, str]] = field(default_factory=list)  # (expected, given, where)

    @property
    def matrix(self) -> Counter[tuple[str, str]]:
        """How many figures each (expected, given) pair of verdicts has."""
        return Counter((e, g) for e, g, _ in self.pairs)

    @property
    def false_accusations(self) -> list[str]:
        """Where a discrepancy was called on a figure not expected to be one."""
        # stricter than the definition (expected match/consistent/revised/unresolved): a
        # discrepancy called on a figure the series cannot check, or a different measure, counts too
        return [w for e, g, w in self.pairs if g == "discrepancy" and e != "discrepancy"]

    @property
    def discrepancies_found(self) -> tuple[int, int]:
        """How many expected discrepancies were called so, of how many."""
        expected = [g for e, g, _ in self.pairs if e == "discrepancy"]
        return sum(g == "discrepancy" for g in expected), len(expected)

    @property
    def unresolved_share(self) -> float:
        """The share of figures left unresolved."""
        return sum(g == "unresolved" for _, g, _ in self.pairs) / max(1, len(self.pairs))

    @property
    def agreement(self) -> float:
        """The share of figures given the expected verdict."""
        return sum(e == g for e, g, _ in self.pairs) / max(1, len(self.pairs))

    def table(self) -> str:
        """The confusion matrix as text: a row per expected verdict that occurs, a column per given one."""
        m = self.matrix
        head = "expected \\ given".ljust(18) + "".join(v[:11].rjust(12) for v in VERDICTS)
        lines = [head]
        for e in VERDICTS[:-1]:
            if any(m[(e, g)] for g in VERDICTS):
                lines.append(e.ljust(18) + "".join(str(m[(e, g)] or ".").rjust(12) for g in VERDICTS))
        return "\n".join(lines)

    def summary(self, label: str) -> str:
        """One line of scores for the corpus ``label``."""
        found, of = self.discrepancies_found
        return (f"{label}: {len(self.pairs)} figures | agreement {self.agreement:.3f} | false accusations "
                f"{len(self.false_accusations)} | discrepancies found {found}/{of} | unresolved "
                f"{self.unresolved_share:.3f}")


def series_index(ods: Path = ODS) -> OfficialSeriesIndex:
    """Index the official series read from the vendored ODS file."""
    s = read_series(ods)
    return OfficialSeriesIndex(s.daily, s.weekly)


def check_article(text: str, published: dt.date, idx: OfficialSeriesIndex) -> list[dict[str, Any]]:
    """Claims of one article with their checks merged in (what ``uk-small-boats check`` prints)."""
    rows = extract_claims(text, published)
    if not rows:
        return []
    spec = resource("claims")
    for r in rows:
        r.update(claim_id=f"article-{r['figure_start']}", source_id="article", review=None)
    claims = conform(pd.DataFrame(rows, columns=spec.field_names), spec, origin="article")
    checks = check_claims(claims, idx, published=pd.Series([pd.Timestamp(published)] * len(claims)))
    return [{**r, **{k: v for k, v in c.items() if k != "claim_id"}}
            for r, c in zip(rows, checks.to_dict("records"), strict=True)]


def load_expected(folder: Path, verdicts: Path | None, gold_file: Path | None = None) -> list[dict[str, Any]]:
    """Gold rows with their expected verdict (in gold.csv, or in a separate file in the same order)."""
    texts, _, gold = load_corpus(folder, gold_file, scorable_only=False)
    if verdicts is not None:
        with open(verdicts, newline="", encoding="utf-8") as fh:
            extra = list(csv.DictReader(fh))
        if len(extra) != len(gold) or any(a["quote"] != b["quote"] for a, b in zip(gold, extra, strict=True)):
            raise ValueError(f"{verdicts} does not list {folder}/gold.csv row by row")
        for g, x in zip(gold, extra, strict=True):
            g["expected_verdict"] = x["expected_verdict"]
    return scorable(gold, texts)


def score_verdicts(folder: Path, verdicts: Path | None = None, idx: OfficialSeriesIndex | None = None,
                   gold: Path | None = None) -> VerdictScore:
    """Check every article of ``folder`` and pair each gold figure's expected verdict with the one given.

    ``verdicts`` lists the expected verdicts apart from the gold rows; ``gold`` overrides the folder's
    gold.csv.
    """
    idx = idx or series_index()
    texts, dates, _ = load_corpus(folder, gold)
    expected = load_expected(folder, verdicts, gold)
    checked = {a: check_article(texts[a], dates[a], idx) for a in texts}
    sc = VerdictScore()
    for g, k in match_gold(expected, texts, checked):
        where = f"{g['article']}: {g['metric']} {g['value']} in {g['quote'][:60]!r}"
        if k is None:
            sc.pairs.append((g["expected_verdict"], "(no claim)", where))
            continue
        row = checked[g["article"]][k]
        sc.pairs.append((g["expected_verdict"], row["verdict"],
                         f"{where}: {row['metric']} {row['period_start']}..{row['period_end']} "
                         f"({row['period_basis']}) -> {row['verdict']}/{row['rule']}: {row['explanation'][:160]}"))
    return sc


def main(argv: list[str]) -> int:
    """Score ``[CORPUS_DIR [VERDICTS_CSV]]``, or several corpus folders, and print every miss.

    The first corpus's expected verdicts are committed apart from its gold
    (tests/gold/corpus1_verdicts.csv); others carry them in gold.csv.
    """
    shared = REPO.parent / "shared" / "corpus"
    known = {shared.resolve(): REPO / "tests" / "gold" / "corpus1_verdicts.csv"}
    ap = argparse.ArgumentParser(prog="python -m uk_small_boats.check.evaluate", description=main.__doc__)
    ap.add_argument("args", nargs="*", metavar="CORPUS_DIR", help="corpus folders, or one folder and its verdicts CSV")
    argv = ap.parse_args(argv).args
    runs: list[tuple[Path, Path | None]]
    if len(argv) == 2 and argv[1].endswith(".csv"):
        runs = [(Path(argv[0]), Path(argv[1]))]
    else:
        runs = [(Path(a), known.get(Path(a).resolve())) for a in (argv or [str(shared)])]
    idx = series_index()
    for folder, verdicts in runs:
        sc = score_verdicts(folder, verdicts, idx)
        print(sc.table())
        for w in sc.false_accusations:
            print("FALSE ACCUSATION", w)
        for e, g, w in sc.pairs:
            if e == "discrepancy" and g != "discrepancy":
                print("MISSED DISCREPANCY", w)
        print(sc.summary(str(folder)))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
