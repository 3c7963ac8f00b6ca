"""Sentence spans over raw article text, robust to scraped pages where markup stripping glued
sentences together ("...the Channel.Six boats...", "...migrationSkip to content")."""

from __future__ import annotations

import re
from dataclasses import dataclass

# Abbreviations after which a full stop does not end a sentence.
_ABBREV = {"mr", "mrs", "ms", "dr", "st", "sir", "gen", "lt", "col", "rev", "prof", "no", "vs",
           "etc", "inc", "ltd", "co", "jr", "sr", "u.s", "u.k", "e.g", "i.e", "approx", "fig"}

# A boundary: terminal punctuation (plus closing quotes/brackets) then either whitespace or,
# for glued text, directly a capital letter or an opening quote.
_BOUNDARY = re.compile(r"""[.!?…]+["'”’)\]]*(?=\s|[A-Z"“‘(]|$)""")
_HARD_BREAK = re.compile(r"\n\s*")


@dataclass(frozen=True)
class Span:
    """A half-open range [start, end) of character offsets into the article text."""
    start: int
    end: int


def _strip(text: str, start: int, end: int) -> Span | None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Span(start, end) if end > start else None


# No real sentence is longer; text without punctuation is cut into pieces of at most this many
# characters (at a space where there is one), so that the work per sentence is bounded and the
# extractor's time grows linearly with the text, whatever the text.
MAX_SENTENCE = 1200


def _bounded(text: str, span: Span) -> list[Span]:
    if span.end - span.start <= MAX_SENTENCE:
        return [span]
    out, start = [], span.start
    while span.end - start > MAX_SENTENCE:
        cut = text.rfind(" ", start + MAX_SENTENCE // 2, start + MAX_SENTENCE)
        cut = cut if cut > start else start + MAX_SENTENCE
        piece = _strip(text, start, cut)
        if piece:
            out.append(piece)
        start = cut
    last = _strip(text, start, span.end)
    return out + ([last] if last else [])


def sentences(text: str) -> list[Span]:
    """Split ``text`` into sentence spans, cutting any longer than ``MAX_SENTENCE`` into pieces."""
    return [piece for s in _sentences(text) for piece in _bounded(text, s)]


def _sentences(text: str) -> list[Span]:
    spans: list[Span] = []
    for block in _blocks(text):
        start = block.start
        for m in _BOUNDARY.finditer(text, block.start, block.end):
            if m.end() < block.end and not _is_real_boundary(text, m):
                continue
            s = _strip(text, start, m.end())
            if s:
                spans.append(s)
            start = m.end()
        s = _strip(text, start, block.end)
        if s:
            spans.append(s)
    return spans


def _blocks(text: str) -> list[Span]:
    out, start = [], 0
    for m in _HARD_BREAK.finditer(text):
        out.append(Span(start, m.start()))
        start = m.end()
    out.append(Span(start, len(text)))
    return [b for b in out if b.end > b.start]


def _is_real_boundary(text: str, m: re.Match[str]) -> bool:
    dot = m.start()
    before = re.search(r"([\w.]+)$", text[max(0, dot - 12):dot])
    word = before.group(1).lower() if before else ""
    if text[dot] == "." and word.rstrip(".") in _ABBREV:
        return False
    if text[dot] == "." and len(word) == 1 and word.isalpha():  # initials: "J. Smith"
        return False
    nxt = text[m.end():m.end() + 1]
    if text[dot] == "." and nxt.isdigit():  # decimals "1.5"
        return False
    if nxt and not nxt.isspace() and nxt.islower():
        return False
    return True


def clause_window(text: str, sent: Span, fig_start: int, fig_end: int, limit: int = 320) -> Span:
    """The sentence, or for a very long one the clause around the figure (split at ; : – or ,)."""
    if sent.end - sent.start <= limit:
        return sent
    seps = re.compile(r"[;:–—]|,\s")
    left = sent.start
    for m in seps.finditer(text, sent.start, fig_start):
        if fig_start - m.end() < limit // 2:
            break
        left = m.end()
    right = sent.end
    for m in seps.finditer(text, fig_end, sent.end):
        if m.start() - left >= limit // 2:
            right = m.start()
            break
    return _strip(text, left, right) or sent
