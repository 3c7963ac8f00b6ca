"""Every quote must stand at its offsets in the archived text (sha256-verified first).

Applies to any resource whose schema has source_id + quote + char_start + char_end (and the
figure_* triple where present), so policy tables get the same guarantee as claims.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from ..errors import PipelineError
from ..metadata.schemas import ResourceSpec, read_csv_typed, resource
from ..metadata.tables import sort_by_key, write_csv

SPANS = [("quote", "char_start", "char_end"), ("figure_text", "figure_start", "figure_end"),
         ("original_quote", "original_char_start", "original_char_end")]


def evidence_spans(spec: ResourceSpec) -> list[tuple[str, str, str, str]]:
    """(source column, text column, start column, end column) triples this schema carries."""
    names = set(spec.field_names)
    out = []
    for text_col, s, e in SPANS:
        if {text_col, s, e} <= names:
            src = "original_source_id" if text_col.startswith("original") else "source_id"
            if src in names:
                out.append((src, text_col, s, e))
    return out


def verify_offsets(df: pd.DataFrame, spec: ResourceSpec, *, origin: str,
                   texts: dict[str, str]) -> dict[str, int]:
    """Raise on the first mismatching span (listing all); return rows verified per source."""
    verified: dict[str, int] = {}
    problems: list[tuple[int, str, str]] = []  # row, column, what is wrong
    for src_col, text_col, s_col, e_col in evidence_spans(spec):
        for i, row in enumerate(df.itertuples(index=False), start=2):
            sid = getattr(row, src_col)
            text = texts.get(sid)
            if text is None:
                continue
            s, e, want = getattr(row, s_col), getattr(row, e_col), getattr(row, text_col)
            if pd.isna(want) and pd.isna(s) and pd.isna(e):
                continue  # this side of the row is empty (an unaligned sentence)
            if pd.isna(s) or pd.isna(e) or pd.isna(want):
                problems.append((i, text_col, "quote and offsets must be all set or all empty"))
                continue
            got = text[s:e] if 0 <= s <= e <= len(text) else None
            if got != want:
                problems.append((i, text_col, f"text[{s}:{e}] of {sid} is {(got or '')[:60]!r}, "
                                              f"not {str(want)[:60]!r}"))
            elif text_col == "quote":
                verified[sid] = verified.get(sid, 0) + 1
    if problems:
        first_row, first_column, _ = problems[0]
        raise PipelineError(f"{len(problems)} quote(s) do not stand at their offsets in the archived "
                            f"text", file=origin, row=first_row, column=first_column, rule="quote-at-offsets",
                            details=[f"row {r}, column {c}: {what}" for r, c, what in problems[:30]])
    return verified


def find_once(text: str, quote: str) -> tuple[int, int]:
    """How many times the quote stands in the text, and where it first stands (-1 if nowhere)."""
    return text.count(quote), text.find(quote)


def locate_quotes(path: Path, texts: dict[str, str]) -> int:
    """Fill blank offsets (and ids) in a hand-written evidence file: a curator writes source_id and
    quote, this finds the one place the quote stands. Returns the number of rows filled."""
    raw = pd.read_csv(path, dtype=str, keep_default_na=False)
    todo = raw["char_start"] == ""
    for i in raw.index[todo]:
        sid, quote = raw.at[i, "source_id"], raw.at[i, "quote"]
        text = texts.get(sid)
        if text is None:
            raise PipelineError(f"cannot locate the quote: text of {sid} not on the archive search path",
                                file=str(path), row=i + 2, column="quote", rule="locate-needs-text")
        hits, start = find_once(text, quote)
        if hits != 1:
            raise PipelineError(f"the quote stands {hits} times in {sid}; it must stand exactly once "
                                f"(quote more words)", file=str(path), row=i + 2, column="quote",
                                rule="quote-unique")
        raw.loc[i, ["char_start", "char_end", "evidence_id"]] = [str(start), str(start + len(quote)), f"{sid}-{start}"]
    if todo.any():
        raw.to_csv(path, index=False, lineterminator="\n")
        spec = resource("evidence")
        write_csv(sort_by_key(read_csv_typed(path, spec), spec), spec, path)
    return int(todo.sum())
