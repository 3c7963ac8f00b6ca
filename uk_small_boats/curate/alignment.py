"""Align the sentences of a rewrite with those of its original, and diff an aligned pair by phrase.

Sentences are scored by the content words they share (stop words dropped, crude suffix stemming,
Dice coefficient in per cent). A rewrite follows its original's order, so the alignment is the
monotone one that maximises the summed score above ALIGN_MIN (dynamic programming); a sentence the
rewrite moved is then matched out of order only when the score is at least FREE_MIN.
"""

from __future__ import annotations

import re

from rapidfuzz.distance import Indel

from ..extract.text import Span

# Unrelated sentences of one news story share up to about a quarter of their content words; a
# rewritten sentence keeps a third or more of its original's.
ALIGN_MIN = 28
FREE_MIN = 50

STOP = frozenset("""a an the of to in on at for by with and or but as is are was were be been being
has have had do does did that this these those it its from into than then there their they them
he she his her him we our us you your i me my not no so such which who whom whose would will can
could may might should about after before also just very while when where what how all any each
more most other some""".split())
WORD = re.compile(r"[\w£$€][\w'’.,%-]*[\w%]|[\w£$€]")
PUNCT_BREAK = re.compile(r"[,;:()\[\]–—]")


def _norm(word: str) -> str:
    """Lower case, one apostrophe, no possessive ("Office's" is "office")."""
    return re.sub(r"'s$", "", word.lower().replace("’", "'"))


def _stem(w: str) -> str:
    for suffix in ("ing", "ed", "es", "s"):
        if w.endswith(suffix) and len(w) - len(suffix) >= 4:
            return w[: -len(suffix)]
    return w


def content_stems(text: str, span: Span) -> frozenset[str]:
    """The stems of a sentence's content words (stop words and one-letter words left out)."""
    words = (_norm(m.group(0)) for m in WORD.finditer(text, span.start, span.end))
    return frozenset(_stem(w) for w in words if w not in STOP and len(w) > 1)


def overlap(a: frozenset[str], b: frozenset[str]) -> float:
    """Dice coefficient of two sets of content stems, 0-100."""
    return 200 * len(a & b) / (len(a) + len(b)) if a and b else 0.0


def align(r_text: str, r_spans: list[Span], o_text: str, o_spans: list[Span]) -> dict[int, tuple[int, float]]:
    """Rewrite sentence index -> (original sentence index, score) for every aligned pair."""
    rs = [content_stems(r_text, s) for s in r_spans]
    os_ = [content_stems(o_text, s) for s in o_spans]
    score = [[overlap(a, b) for b in os_] for a in rs]
    n, m = len(rs), len(os_)
    best = [[0.0] * (m + 1) for _ in range(n + 1)]
    for i in range(1, n + 1):
        for j in range(1, m + 1):
            s = score[i - 1][j - 1]
            take = best[i - 1][j - 1] + s - ALIGN_MIN if s >= ALIGN_MIN else float("-inf")
            best[i][j] = max(best[i - 1][j], best[i][j - 1], take)
    pairs: dict[int, tuple[int, float]] = {}
    i, j = n, m
    while i and j:
        s = score[i - 1][j - 1]
        if s >= ALIGN_MIN and best[i][j] == best[i - 1][j - 1] + s - ALIGN_MIN:
            pairs[i - 1] = (j - 1, s)
            i, j = i - 1, j - 1
        elif best[i][j] == best[i - 1][j]:
            i -= 1
        else:
            j -= 1
    used = {j for j, _ in pairs.values()}
    free = sorted(((score[i][j], i, j) for i in range(n) if i not in pairs
                   for j in range(m) if j not in used and score[i][j] >= FREE_MIN), reverse=True)
    for s, i, j in free:
        if i not in pairs and j not in used:
            pairs[i] = (j, s)
            used.add(j)
    return pairs


def _words(text: str, span: Span) -> list[re.Match]:
    out: list[re.Match] = []
    for m in WORD.finditer(text, span.start, span.end):
        if out and _norm(out[-1].group(0)) == _norm(m.group(0)):
            continue  # a repeated word ("the the") is a typo, not a change
        out.append(m)
    return out


def phrase_changes(o_text: str, o_span: Span, r_text: str, r_span: Span) -> list[tuple[str, str]]:
    """(original phrase, rewrite phrase) for every run of words that differs, from a word-level
    longest common subsequence (rapidfuzz Indel). Case, punctuation and quote marks are ignored; a
    lone stop word between two changes inside one clause joins them ("are believed to have crossed"
    -> "attempted to cross"); changes of stop words only ("then" -> "this") are not listed."""
    a, b = _words(o_text, o_span), _words(r_text, r_span)
    ops: list[list] = []
    for op in Indel.opcodes([_norm(m.group(0)) for m in a], [_norm(m.group(0)) for m in b]):
        tag = "equal" if op.tag == "equal" else "change"
        if ops and ops[-1][0] == tag == "change":
            ops[-1][2], ops[-1][4] = op.src_end, op.dest_end
        else:
            ops.append([tag, op.src_start, op.src_end, op.dest_start, op.dest_end])
    k = 1
    while k < len(ops) - 1:
        tag, i1, i2, j1, j2 = ops[k]
        glue = (tag == "equal" and i2 - i1 == 1 and _norm(a[i1].group(0)) in STOP
                and _one_clause(o_text, a, i1) and _one_clause(r_text, b, j1))
        if glue and ops[k - 1][0] == ops[k + 1][0] == "change":
            nxt = ops.pop(k + 1)
            ops.pop(k)
            ops[k - 1][2], ops[k - 1][4] = nxt[2], nxt[4]
        else:
            k += 1
    out = []
    for tag, i1, i2, j1, j2 in ops:
        if tag == "equal":
            continue
        words = [_norm(m.group(0)) for m in a[i1:i2] + b[j1:j2]]
        if all(w in STOP for w in words):
            continue
        out.append((_phrase(o_text, a[i1:i2]), _phrase(r_text, b[j1:j2])))
    return out


def _one_clause(text: str, words: list[re.Match], k: int) -> bool:
    """No clause break (comma, colon, dash, bracket) on either side of words[k]."""
    lo = words[k - 1].end() if k > 0 else words[k].start()
    hi = words[k + 1].start() if k + 1 < len(words) else words[k].end()
    return not PUNCT_BREAK.search(text, lo, hi)


def _phrase(text: str, words: list[re.Match]) -> str:
    return text[words[0].start():words[-1].end()] if words else ""


def render_changes(changes: list[tuple[str, str]]) -> str | None:
    """'"are believed to have crossed" -> "attempted to cross" | dropped "into next week" | added "..."'."""
    parts = [f'dropped "{o}"' if not r else f'added "{r}"' if not o else f'"{o}" -> "{r}"'
             for o, r in changes]
    return " | ".join(parts) or None
