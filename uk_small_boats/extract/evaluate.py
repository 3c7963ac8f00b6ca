"""Score the extractor against a hand-labelled gold file (figures, metric+value+period, offsets)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from .claims import extract_claims


@dataclass
class Score:
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
        return self._pr(self.figures_found)

    @property
    def full(self) -> tuple[float, float]:
        return self._pr(self.fully_right)

    def summary(self, label: str) -> str:
        (fp, fr), (pp, pr) = self.figures, self.full
        return (f"{label}: {self.gold} gold, {self.predicted} predicted | figures P={fp:.3f} "
                f"R={fr:.3f} | metric+value+period P={pp:.3f} R={pr:.3f} | offsets exact "
                f"{self.offsets_right}/{self.figures_found}")


def _day(d) -> str:
    return "" if d is None or pd.isna(d) else str(pd.Timestamp(d).date())


def locate(text: str, context: str, figure_text: str) -> tuple[int, int]:
    c = text.find(context)
    if c < 0:
        raise ValueError(f"gold context {context!r} not in text")
    f = text.find(figure_text, c, c + len(context))
    if f < 0:
        raise ValueError(f"gold figure {figure_text!r} not in context {context!r}")
    return f, f + len(figure_text)


def score(gold: pd.DataFrame, texts: dict[str, str], dates: dict[str, dt.date],
          predicted: dict[str, list[dict]] | None = None) -> Score:
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
    return pd.read_csv(path, dtype=str, keep_default_na=False)
