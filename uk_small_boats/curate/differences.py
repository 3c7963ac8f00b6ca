"""List every figure or fact an unattributed rewrite changes from its original.

Both texts are cut to prose (curate.furniture), their sentences aligned in order
(curate.alignment), and each aligned pair compared for figures, time words and names; the pair's
phrase-level differences are listed beside. A rewrite sentence with no counterpart is an addition;
an original sentence with figures or time words and no counterpart an omission. What only a reader
can state (a quote turned into an offer, a count cut by a dropped sentence) is reviewed by hand in
data/difference_overrides.yaml (drop | set | add, each with a reason) and merged here.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pandas as pd

from ..errors import PipelineError
from ..extract.numbers import find_figures
from ..extract.periods import When, find_periods
from ..extract.text import Span
from ..metadata.schemas import conform, resource
from ..paths import DATA
from .alignment import align, content_stems, overlap, phrase_changes, render_changes
from .claims import load_overrides as load_claim_overrides
from .claims import reference_dates
from .evidence import find_once
from .furniture import prose_spans
from .reviews import apply_reviews

OVERRIDES = DATA / "difference_overrides.yaml"
# Proper nouns and other checkable facts: capitalised words not at the start of the sentence.
PROPER = re.compile(r"(?<=[\w,;:] )[A-Z][a-z]+(?:\s+[A-Z][a-z]+)*")


def _time_words(text: str, s: int, e: int, ref: dt.date) -> list[str]:
    """Time words of a sentence, without those inside a capitalised name ("The World Tonight")."""
    out = []
    for p in find_periods(text, s, e, When(ref, ref)):
        a = p.span[0]
        before = re.search(r"(\S+)\s+$", text[s:a])
        if text[a].isupper() and before and before.group(1)[:1].isupper():
            continue
        out.append(p.text.lower())
    return out


def _facts(text: str, span: Span, ref: dt.date) -> dict:
    figs = find_figures(text, span.start, span.end)
    return {"figures": figs, "values": sorted(f.value for f in figs),
            "periods": _time_words(text, span.start, span.end, ref),
            "names": {m.group(0) for m in PROPER.finditer(text[span.start:span.end])}}


def _fig_text(facts: dict) -> str | None:
    return " | ".join(f.text for f in facts["figures"]) or None


def differences(rewrite_id: str, rewrite: str, original_id: str, original: str,
                ref: dt.date) -> list[dict]:
    """Every changed, added or omitted sentence of a rewrite against its original, as difference rows."""
    r_spans, o_spans = prose_spans(rewrite), prose_spans(original)
    pairs = align(rewrite, r_spans, original, o_spans)
    rows = []
    for i, rs in enumerate(r_spans):
        rf = _facts(rewrite, rs, ref)
        base = {"difference_id": f"{rewrite_id}-{rs.start}", "source_id": rewrite_id,
                "original_source_id": original_id, **_side(rewrite, rs), "rewrite_figures": _fig_text(rf)}
        if i not in pairs:
            figs = f" It states {_fig_text(rf)}." if rf["figures"] else ""
            rows.append({**base, "change": "sentence_added",
                         "description": f"Sentence with no counterpart in the original.{figs}"})
            continue
        j, score = pairs[i]
        os_ = o_spans[j]
        of = _facts(original, os_, ref)
        change, what = _compare(of, rf)
        if change:
            rows.append({**base, **_side(original, os_, "original_"), "similarity": round(score, 1),
                         "original_figures": _fig_text(of), "change": change, "description": what,
                         "phrase_changes": render_changes(phrase_changes(original, os_, rewrite, rs))})
    aligned = {j for j, _ in pairs.values()}
    for j, os_ in enumerate(o_spans):
        of = _facts(original, os_, ref)
        if j in aligned or not (of["figures"] or of["periods"]):
            continue
        what = " and ".join(x for x in (f"figures ({_fig_text(of)})" if of["figures"] else "",
                                        f"time words ({', '.join(of['periods'])})" if of["periods"] else "") if x)
        rows.append({"difference_id": f"{rewrite_id}-omits-{os_.start}", "source_id": rewrite_id,
                     "original_source_id": original_id, **_side(original, os_, "original_"),
                     "original_figures": _fig_text(of), "change": "sentence_omitted",
                     "description": f"The rewrite has no counterpart for this sentence and its {what}."})
    return rows


def _side(text: str, span: Span, prefix: str = "") -> dict:
    q = "original_quote" if prefix else "quote"
    return {q: text[span.start:span.end], f"{prefix}char_start": span.start, f"{prefix}char_end": span.end}


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


# ---------------------------------------------------------------- reviewed differences

def load_overrides(path: Path = OVERRIDES) -> list[dict]:
    """The reviewed entries (each action drop | set | add with a reason, as for claims)."""
    entries = load_claim_overrides(path)
    for i, e in enumerate(entries, start=1):
        if e["action"] == "add" and not ({"source_id", "change", "description"} <= set(e)
                                         and (e.get("quote") or e.get("original_quote"))):
            raise PipelineError("an added difference needs source_id, change, description and a quote "
                                "or an original_quote", file=str(path), row=i, column="action",
                                rule="override-shape")
    return entries


def apply_overrides(rows: list[dict], texts: dict[str, str], derived_from: dict[str, str],
                    ref: dict[str, dt.date], path: Path = OVERRIDES) -> list[dict]:
    """The aligned rows with the reviewed entries applied: added, dropped or set, each with its reason."""
    def add(e: dict, i: int) -> dict | None:
        sid = e["source_id"]
        orig = derived_from.get(sid)
        if sid not in texts or orig not in texts:
            return None
        return _reviewed_row(e, sid, texts[sid], orig, texts[orig], ref[sid], path, i)

    return apply_reviews(rows, "difference_id", load_overrides(path), path, add=add,
                         update=lambda row, changes: row.update(changes),
                         present=lambda did: any(str(did).startswith(f"{s}-") for s in texts),
                         produced_by="the alignment", replace_added=False)


def _reviewed_row(e: dict, sid: str, rewrite: str, orig: str, original: str, ref: dt.date,
                  path: Path, i: int) -> dict:
    row = {"source_id": sid, "original_source_id": orig, "change": e["change"],
           "description": e["description"], "review": e["reason"]}
    spans = {}
    for col, text, prefix in (("quote", rewrite, ""), ("original_quote", original, "original_")):
        if not e.get(col):
            continue
        hits, start = find_once(text, e[col])
        if hits != 1:
            raise PipelineError(f"the {col} stands {hits} times in its text; it must stand exactly once",
                                file=str(path), row=i, column=col, rule="quote-unique")
        spans[col] = Span(start, start + len(e[col]))
        row.update(_side(text, spans[col], prefix))
        row[f"{'original' if prefix else 'rewrite'}_figures"] = _fig_text(_facts(text, spans[col], ref))
    if len(spans) == 2:
        row["similarity"] = round(overlap(content_stems(rewrite, spans["quote"]),
                                          content_stems(original, spans["original_quote"])), 1)
        row["phrase_changes"] = render_changes(phrase_changes(original, spans["original_quote"],
                                                              rewrite, spans["quote"]))
    row["difference_id"] = (f"{sid}-{spans['quote'].start}" if "quote" in spans
                            else f"{sid}-omits-{spans['original_quote'].start}")
    return row


def rewrite_differences(texts: dict[str, str], sources: pd.DataFrame) -> pd.DataFrame:
    """The source_differences table: every rewrite whose texts are present, aligned and reviewed."""
    refs = reference_dates(sources)
    derived = {r.source_id: r.derived_from for r in sources.itertuples(index=False)
               if r.kind == "unattributed_rewrite"}
    rows = []
    for sid, orig in derived.items():
        if sid in texts and orig in texts:
            rows += differences(sid, texts[sid], orig, texts[orig], refs[sid])
    rows = apply_overrides(rows, texts, derived, refs)
    spec = resource("source_differences")
    return conform(pd.DataFrame(rows, columns=spec.field_names), spec,
                   origin="rewrite alignment + data/difference_overrides.yaml")
