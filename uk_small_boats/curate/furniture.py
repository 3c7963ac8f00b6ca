"""Tell an article's prose from the page furniture scraped with it, by generic rules.

A scraped page glues navigation, captions, related-story links and teaser cards to the article's
sentences ("Getty ImagesThe UK military...", "news conferenceTrump suggests ...challengeSpeaking
at a press conference..."). Three rules find the furniture:

- a glued boundary (three lower-case letters, then a capitalised word or a digit, no space) ends
  a piece of text that is furniture when it has no sentence-final punctuation (a headline, a link,
  a caption, a menu item);
- a relative timestamp ("32 mins ago", "6 hrs ago") is furniture, and so is everything between two
  timestamps that stand close together: a list of teaser cards ("More from ...");
- a piece of text with no sentence-final punctuation at the end of a line (a title, "Related
  Posts") is furniture, and so is a quoted heading glued to the next sentence ("'Different
  geography'Trump has issued...").

What remains are prose spans: sentences (extract.text.sentences) with their furniture cut away.
"""

from __future__ import annotations

import re
from itertools import pairwise

from ..extract.text import Span, sentences

GLUED = re.compile(r"(?<=[a-z]{3})(?=[A-Z][a-z]|\d)|(?<=[a-z]{3}['’])(?=[A-Z][a-z])")
TIMESTAMP = re.compile(r"(?<!\d)\d+\s?(?:mins?|minutes?|hrs?|hours?|days?)\s+ago(?![a-z])")
OPENING = re.compile(r"(?<!\w)['‘’](?=\w)")  # an opening single quote, not an apostrophe
CARD_GAP = 400  # characters between two timestamps of one list of teaser cards
FINAL = re.compile(r"""[.!?…]["'”’)\]]*\s*$""")
MIN_WORDS = 3  # "EnglandN." (a menu's "N. Ireland" cut in two) is not a sentence


def furniture(text: str) -> list[Span]:
    """Character ranges of furniture: timestamps and the teaser cards between close timestamps."""
    stamps = list(TIMESTAMP.finditer(text))
    out = [Span(m.start(), m.end()) for m in stamps]
    for a, b in pairwise(stamps):
        if b.start() - a.end() <= CARD_GAP:
            out.append(Span(a.start(), b.end()))
    return _merge(out)


def prose_spans(text: str) -> list[Span]:
    """The text's sentences without furniture: each glued piece that does not end a sentence is
    dropped, as is any piece inside a furniture range."""
    cut = furniture(text)
    out = []
    for sent in sentences(text):
        for piece in _pieces(text, sent, cut):
            words = text[piece.start:piece.end].split()
            if FINAL.search(text[piece.start:piece.end]) and len(words) >= MIN_WORDS:
                out.append(piece)
    return out


def _pieces(text: str, sent: Span, cut: list[Span]) -> list[Span]:
    bounds = {sent.start, sent.end}
    bounds |= {m.start() for m in GLUED.finditer(text, sent.start, sent.end)}
    for c in cut:
        if c.start < sent.end and c.end > sent.start:
            bounds |= {max(c.start, sent.start), min(c.end, sent.end)}
    edges = sorted(bounds)
    pieces = []
    for s, e in pairwise(edges):
        if any(c.start <= s and e <= c.end for c in cut):
            continue
        span = _strip(text, s, e)
        if span:
            pieces.append(span)
    return pieces


def _strip(text: str, s: int, e: int) -> Span | None:
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    if e - s > 1 and text[e - 1] in "'’" and text[e - 2] in ".!?" and not OPENING.search(text, s, e):
        e -= 1  # the opening quote of a glued heading ("...last year.'Different geography'")
    return Span(s, e) if e > s else None


def _merge(spans: list[Span]) -> list[Span]:
    out: list[Span] = []
    for s in sorted(spans, key=lambda x: (x.start, x.end)):
        if out and s.start <= out[-1].end:
            out[-1] = Span(out[-1].start, max(out[-1].end, s.end))
        else:
            out.append(s)
    return out
