"""Score the extractor against gold labelled by hand.

Two kinds of gold. A real-text corpus (the ``../shared/corpus`` format): a folder with
``articles/<stem>.txt`` (the date in the stem is the publication date) and ``gold.csv``, one row per
figure with metric, value, qualifier, period and a verbatim quote; run
``python -m uk_small_boats.extract.evaluate [CORPUS_DIR ...]`` (or ``make evaluate``) for the scores
and a table of every miss, wrong reading and spurious figure per article. And the seed gold in
``tests/gold/*.csv``, located by context and figure text, which also scores character offsets.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from .claims import extract_claims

# Gold metric -> (claims metric, unit or None for any).
GOLD_METRICS = {"people": ("people_arrived", None), "boats": ("boats_arrived", None),
                "people_prevented": ("people_prevented", None),
                "people_returned": ("people_returned", None),
                "money_gbp": ("money", "GBP"), "percent_change": ("percent_change", None)}
LABELLED = {m for m, _ in GOLD_METRICS.values()}
# What the gold deliberately leaves unlabelled (corpus NOTES.md, section 2), so not counted against
# precision: number-free quantities ("hundreds", "dozens"), zero counts ("no crossings"), ordinals
# ("the second deportation"), and
# percentage changes of measures other than small-boat arrivals and returns (asylum applications).
COUNTED_CHANGES = {"people_arrived", "boats_arrived", "people_prevented", "people_returned", "people_on_one_boat"}


def unlabelled_by_convention(p: dict) -> bool:
    """Whether the gold leaves predicted row ``p`` unlabelled on purpose (vague, zero and ordinal figures,
    changes of other measures), so that it does not count against precision."""
    if str(p.get("extraction", "")).startswith(("vague_quantity", "zero_phrase", "ordinal_return")) or p["value"] == 0:
        return True
    return p["metric"] == "percent_change" and p.get("change_of") not in COUNTED_CHANGES


def gold_metric(row_metric: str, unit: str | None = None) -> str | None:
    """The gold vocabulary's name for a predicted (metric, unit); None when gold never labels it."""
    for g, (m, u) in GOLD_METRICS.items():
        if row_metric == m and (u is None or unit == u):
            return g
    return None


@dataclass
class CorpusScore:
    """The extractor's scores on a real-text corpus, with a line for each miss, wrong reading and
    spurious figure, by article."""
    gold: int = 0
    predicted: int = 0  # predicted rows in a labelled metric
    value_found: int = 0  # gold rows with a predicted figure of that value inside the quote
    metric_right: int = 0  # ... and the same metric
    period_right: int = 0  # ... and exactly the same period
    period_near: int = 0  # ... and a period within a day at each end
    by_article: dict[str, list[str]] = field(default_factory=dict)
    spurious: int = 0

    def add(self, article: str, line: str) -> None:
        """Record ``line`` (a miss, a wrong reading or a spurious figure) under ``article``."""
        self.by_article.setdefault(article, []).append(line)

    def ratio(self, n: int, d: int) -> float:
        """Return ``n / d``, or 1.0 when there is nothing to divide by."""
        return n / d if d else 1.0

    def summary(self, label: str) -> str:
        """Return the scores as one line headed ``label``."""
        p = self.ratio(self.metric_right, self.predicted)
        r = self.ratio(self.metric_right, self.gold)
        return (f"{label}: {self.gold} gold, {self.predicted} predicted in labelled metrics | "
                f"(metric, value) P={p:.3f} R={r:.3f} | (metric, value, period) exact "
                f"{self.ratio(self.period_right, self.gold):.3f} (P={self.ratio(self.period_right, self.predicted):.3f}), "
                f"within a day {self.ratio(self.period_near, self.gold):.3f} | values found "
                f"{self.ratio(self.value_found, self.gold):.3f}")

    @property
    def figures(self) -> tuple[float, float]:
        """(precision, recall) of the figures read with the right metric and value."""
        return self.ratio(self.metric_right, self.predicted), self.ratio(self.metric_right, self.gold)

    @property
    def exact_period(self) -> float:
        """Share of the gold rows read with the right metric, value and exactly the right period."""
        return self.ratio(self.period_right, self.gold)


def load_corpus(folder: Path, gold: Path | None = None, scorable_only: bool = True
                ) -> tuple[dict[str, str], dict[str, dt.date], list[dict]]:
    """Texts, publication dates and gold rows (``gold`` overrides the folder's gold.csv: the repo keeps
    a corpus's labels while its third-party texts stay out of it). ``scorable_only``: only the gold
    rows whose article is on this machine with the quote in it (a corpus recovered from the page
    store may lack an article, or hold a shorter copy of one)."""
    texts, dates = {}, {}
    for p in sorted((folder / "articles").glob("*.txt")):
        texts[p.stem] = p.read_text(encoding="utf-8")
        dates[p.stem] = dt.date.fromisoformat(p.stem.split("_")[1])
    with open(gold or folder / "gold.csv", newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    return texts, dates, scorable(rows, texts) if scorable_only else rows


def scorable(rows: list[dict], texts: dict[str, str]) -> list[dict]:
    """The gold rows whose quote is in their article's text."""
    return [g for g in rows if g["quote"] in texts.get(g["article"], "")]


def _fmt_period(s: dt.date | str | None, e: dt.date | str | None) -> str:
    if not s:
        return "unresolved"
    return str(s) if str(s) == str(e) else f"{s}..{e}"


def _near(a: str, b: dt.date | None) -> bool:
    if not a or b is None:
        return not a and b is None
    return abs((dt.date.fromisoformat(a) - b).days) <= 1


def _spans(text: str, quote: str) -> list[tuple[int, int]]:
    spans, i = [], text.find(quote)
    while i >= 0:
        spans.append((i, i + len(quote)))
        i = text.find(quote, i + 1)
    return spans


def _fits(p: dict, value: float, spans: list[tuple[int, int]], strict: bool) -> bool:
    """Whether predicted row ``p`` has ``value`` (either sign) and stands in one of a gold quote's ``spans``:
    ``strict``, its figure inside the quote; else its quote overlapping it."""
    if abs(abs(p["value"]) - abs(value)) > 1e-6:
        return False
    if strict:
        return any(s <= p["figure_start"] and p["figure_end"] <= e for s, e in spans)
    return any(p["char_start"] < e and s < p["char_end"] for s, e in spans)


def match_gold(gold: list[dict], texts: dict[str, str],
               predicted: dict[str, list[dict]]) -> list[tuple[dict, int | None]]:
    """Each gold row with the index of the predicted row for the same figure (None when missed):
    the figure must lie inside the gold quote with the same value (an anaphoric row's quote need
    only overlap the predicted quote); each predicted row is used once, the right metric first."""
    used: set[tuple[str, int]] = set()
    out: list[tuple[dict, int | None]] = []
    for g in gold:
        a, value = g["article"], float(g["value"])
        spans = _spans(texts[a], g["quote"])
        rows = predicted[a]
        free = [(k, p) for k, p in enumerate(rows) if (a, k) not in used]
        cands = [k for k, p in free if _fits(p, value, spans, True)] or \
                [k for k, p in free if _fits(p, value, spans, False) and "anaphoric" in g["note"]]
        want = GOLD_METRICS[g["metric"]][0]
        cands.sort(key=lambda k: (rows[k]["metric"] != want, str(rows[k]["period_start"] or "") != g["period_start"]))
        k = cands[0] if cands else None
        if k is not None:
            used.add((a, k))
        out.append((g, k))
    return out


def score_corpus(folder: Path, predicted: dict[str, list[dict]] | None = None, gold: Path | None = None) -> CorpusScore:
    """Score the extractor on a real-text corpus: each gold row matched to a predicted row (extracted
    here when ``predicted`` is not given), then metric, sign and period compared."""
    texts, dates, gold_rows = load_corpus(folder, gold)
    predicted = predicted or {a: extract_claims(texts[a], dates[a]) for a in texts}
    sc = CorpusScore(gold=len(gold_rows))
    pairs = match_gold(gold_rows, texts, predicted)
    used = {(g["article"], k) for g, k in pairs if k is not None}
    for g, k in pairs:
        a, value = g["article"], float(g["value"])
        where = f"{g['metric']} {g['value']} in {g['quote'][:70]!r}"
        if k is None:
            sc.add(a, f"MISS   {where}")
            continue
        p = predicted[a][k]
        sc.value_found += 1
        if gold_metric(p["metric"], p.get("unit")) != g["metric"]:
            sc.add(a, f"METRIC {where}: got {p['metric']} ({p.get('extraction')})")
            continue
        if g["metric"] == "percent_change" and p["value"] != value:
            sc.add(a, f"SIGN   {where}: got {p['value']}")
            continue
        sc.metric_right += 1
        ps, pe = p["period_start"], p["period_end"]
        if str(ps or "") == g["period_start"] and str(pe or "") == g["period_end"]:
            sc.period_right += 1
            sc.period_near += 1
        else:
            sc.period_near += _near(g["period_start"], ps) and _near(g["period_end"], pe)
            sc.add(a, f"PERIOD {where}: gold {_fmt_period(g['period_start'], g['period_end'])}, "
                      f"got {_fmt_period(ps, pe)} ({p['period_rule']}: {p.get('period_text')!r})")
    for a, rows in predicted.items():
        for k, p in enumerate(rows):
            if p["metric"] in LABELLED and gold_metric(p["metric"], p.get("unit")) is not None \
                    and ((a, k) in used or not unlabelled_by_convention(p)):
                sc.predicted += 1
                if (a, k) not in used:
                    sc.spurious += 1
                    sc.add(a, f"EXTRA  {p['metric']} {p['value']:g} {p['figure_text']!r} in "
                              f"{texts[a][p['char_start']:p['char_end']][:80]!r}")
    return sc


def main(argv: list[str]) -> int:
    """Score each corpus folder in ``argv`` (by default ../shared/corpus), printing every miss, wrong
    reading and spurious figure by article, then the scores."""
    ap = argparse.ArgumentParser(prog="python -m uk_small_boats.extract.evaluate", description=main.__doc__)
    ap.add_argument("folders", nargs="*", type=Path, metavar="CORPUS_DIR",
                    help="folders holding articles/ and gold.csv (default ../shared/corpus)")
    folders = ap.parse_args(argv).folders or [Path(__file__).resolve().parents[2].parent / "shared" / "corpus"]
    for folder in folders:
        sc = score_corpus(folder)
        kinds = Counter(line.split()[0] for lines in sc.by_article.values() for line in lines)
        for a in sorted(sc.by_article):
            print(f"\n{a}")
            for line in sc.by_article[a]:
                print(f"  {line}")
        print("\n" + ", ".join(f"{k} {v}" for k, v in sorted(kinds.items())))
        print(sc.summary(str(folder)))
    return 0


# ---------------------------------------------------------------- seed gold (by offsets)

@dataclass
class Score:
    """The extractor's scores against seed gold located by offsets, with the misses, wrong readings
    and spurious figures."""
    gold: int
    predicted: int
    figures_found: int  # gold figures with a predicted figure at the same offsets and value
    fully_right: int  # ... and the same metric and exactly the same period
    offsets_right: int
    misses: list[str]
    wrong: list[str]
    spurious: list[str]

    def _pr(self, hits: int) -> tuple[float, float]:
        return (hits / self.predicted if self.predicted else 1.0, hits / self.gold if self.gold else 1.0)

    @property
    def figures(self) -> tuple[float, float]:
        """(precision, recall) of the figures found at the gold's offsets with the gold's value."""
        return self._pr(self.figures_found)

    @property
    def full(self) -> tuple[float, float]:
        """(precision, recall) of the figures also read with the right metric and exactly the right period."""
        return self._pr(self.fully_right)

    def summary(self, label: str) -> str:
        """Return the scores as one line headed ``label``."""
        (fp, fr), (pp, pr) = self.figures, self.full
        return (f"{label}: {self.gold} gold, {self.predicted} predicted | figures P={fp:.3f} "
                f"R={fr:.3f} | metric+value+period P={pp:.3f} R={pr:.3f} | offsets exact "
                f"{self.offsets_right}/{self.figures_found}")


def _day(d: object) -> str:
    """A predicted period date as an ISO date, "" when there is none."""
    return "" if d is None or pd.isna(d) else str(pd.Timestamp(d).date())


def locate(text: str, context: str, figure_text: str) -> tuple[int, int]:
    """Return the offsets of ``figure_text`` inside the first occurrence of ``context`` in ``text``."""
    c = text.find(context)
    if c < 0:
        raise ValueError(f"gold context {context!r} not in text")
    f = text.find(figure_text, c, c + len(context))
    if f < 0:
        raise ValueError(f"gold figure {figure_text!r} not in context {context!r}")
    return f, f + len(figure_text)


def score(gold: pd.DataFrame, texts: dict[str, str], dates: dict[str, dt.date],
          predicted: dict[str, list[dict]] | None = None) -> Score:
    """Score predicted claims (extracted here when not given) against seed ``gold``: a gold figure is
    found by a predicted one overlapping its offsets with the same value, each predicted row used once."""
    predicted = predicted or {f: extract_claims(texts[f], dates[f]) for f in texts}
    n_pred = sum(len(v) for v in predicted.values())
    found = full = offsets = 0
    misses, wrong, used = [], [], set()
    for g in gold.itertuples(index=False):
        text = texts[g.source_file]
        gs, ge = locate(text, g.context, g.figure_text)
        cands = [(i, p) for i, p in enumerate(predicted[g.source_file])
                 if p["figure_start"] < ge and gs < p["figure_end"] and (g.source_file, i) not in used]
        match = next(((i, p) for i, p in cands if abs(p["value"] - float(g.value)) < 1e-6), None)
        if match is None:
            misses.append(f"{g.source_file}: {g.figure_text!r} in {g.context!r}")
            continue
        i, p = match
        used.add((g.source_file, i))
        found += 1
        offsets += (p["figure_start"], p["figure_end"]) == (gs, ge) and \
            p["char_start"] <= gs and ge <= p["char_end"]
        same = (p["metric"] == g.metric and _day(p["period_start"]) == g.period_start
                and _day(p["period_end"]) == g.period_end)
        full += same
        if not same:
            wrong.append(f"{g.source_file}: {g.figure_text!r}: gold {g.metric} {g.period_start}.."
                         f"{g.period_end}, got {p['metric']} {p['period_start']}..{p['period_end']} "
                         f"({p['period_rule']})")
    spurious = [f"{f}: {p['figure_text']!r} ({p['metric']})" for f, rows in predicted.items()
                for i, p in enumerate(rows) if (f, i) not in used]
    return Score(len(gold), n_pred, found, full, offsets, misses, wrong, spurious)


def load_gold(path: Path) -> pd.DataFrame:
    """Read a seed gold CSV, every cell a string (empty cells stay empty)."""
    return pd.read_csv(path, dtype=str, keep_default_na=False)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
