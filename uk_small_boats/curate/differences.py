"""Align an unattributed rewrite with its original sentence by sentence (rapidfuzz) and list every
pair where a figure, a date word or a named fact differs."""

from __future__ import annotations

import datetime as dt
import re

import pandas as pd
from rapidfuzz import fuzz, process

from ..extract.numbers import find_figures
from ..extract.periods import When, find_periods
from ..extract.text import sentences
from ..metadata.schemas import conform, resource

ALIGN_MIN = 55  # token_sort_ratio below which a sentence has no counterpart
# Proper nouns and other checkable facts: capitalised words not at the start of the sentence.
PROPER = re.compile(r"(?<=[\w,;:] )[A-Z][a-z]+(?:\s+[A-Z][a-z]+)*")


def _facts(text: str, s: int, e: int, ref: dt.date) -> dict:
    figs = find_figures(text, s, e)
    periods = [p.text.lower() for p in find_periods(text, s, e, When(ref, ref))]
    names = {m.group(0) for m in PROPER.finditer(text[s:e])}
    return {"figures": figs, "values": sorted(f.value for f in figs), "periods": periods, "names": names}


def _fig_text(facts: dict) -> str | None:
    return " | ".join(f.text for f in facts["figures"]) or None


def differences(rewrite_id: str, rewrite: str, original_id: str, original: str,
                ref: dt.date) -> list[dict]:
    r_sents, o_sents = sentences(rewrite), sentences(original)
    o_texts = [original[s.start:s.end] for s in o_sents]
    rows, used = [], set()
    for rs in r_sents:
        r_text = rewrite[rs.start:rs.end]
        rf = _facts(rewrite, rs.start, rs.end, ref)
        best = process.extractOne(r_text, o_texts, scorer=fuzz.token_sort_ratio)
        base = {"difference_id": f"{rewrite_id}-{rs.start}", "source_id": rewrite_id,
                "original_source_id": original_id, "quote": r_text, "char_start": rs.start,
                "char_end": rs.end, "rewrite_figures": _fig_text(rf)}
        if best is None or best[1] < ALIGN_MIN:
            if rf["figures"]:
                rows.append({**base, "change": "sentence_added", "description":
                             f"Sentence with figures ({_fig_text(rf)}) that has no counterpart in the original."})
            continue
        os_ = o_sents[best[2]]
        used.add(best[2])
        of = _facts(original, os_.start, os_.end, ref)
        pair = {**base, "original_quote": o_texts[best[2]], "original_char_start": os_.start,
                "original_char_end": os_.end, "similarity": round(best[1], 1),
                "original_figures": _fig_text(of)}
        change, what = _compare(of, rf)
        if change:
            rows.append({**pair, "change": change, "description": what})
    for i, os_ in enumerate(o_sents):
        of = _facts(original, os_.start, os_.end, ref)
        if i not in used and of["figures"]:
            rows.append({"difference_id": f"{rewrite_id}-omits-{os_.start}", "source_id": rewrite_id,
                         "original_source_id": original_id, "original_quote": o_texts[i],
                         "original_char_start": os_.start, "original_char_end": os_.end,
                         "original_figures": _fig_text(of), "change": "sentence_omitted",
                         "description": f"The rewrite has no counterpart for this sentence and its "
                                        f"figures ({_fig_text(of)})."})
    return rows


def _compare(of: dict, rf: dict) -> tuple[str | None, str]:
    parts, change = [], None
    if of["values"] != rf["values"]:
        if of["figures"] and rf["figures"]:
            change = "figure_changed"
        else:
            change = "figure_removed" if of["figures"] else "figure_added"
        parts.append(f"figures {_fig_text(of) or 'none'} became {_fig_text(rf) or 'none'}")
    if sorted(of["periods"]) != sorted(rf["periods"]):
        change = change or "date_changed"
        parts.append(f"time words {of['periods'] or 'none'} became {rf['periods'] or 'none'}")
    lost, gained = of["names"] - rf["names"], rf["names"] - of["names"]
    if lost and gained:
        change = change or "fact_changed"
        parts.append(f"names {sorted(lost)} became {sorted(gained)}")
    text = "; ".join(parts)
    return change, (text[:1].upper() + text[1:] + ".") if parts else ""


def rewrite_differences(texts: dict[str, str], sources: pd.DataFrame) -> pd.DataFrame:
    from .claims import reference_dates
    refs = reference_dates(sources)
    rows = []
    for r in sources.itertuples(index=False):
        if r.kind == "unattributed_rewrite" and r.source_id in texts and r.derived_from in texts:
            rows += differences(r.source_id, texts[r.source_id], r.derived_from,
                                texts[r.derived_from], refs[r.source_id])
    spec = resource("source_differences")
    return conform(pd.DataFrame(rows, columns=spec.field_names), spec, origin="rewrite alignment")
