"""The hedge a figure is stated with ("about", "more than", "almost"...), from the words before it."""

from __future__ import annotations

import re

# Longest phrases first; each maps to a value of the claims.qualifier vocabulary.
_BEFORE = [
    ("just over", "more_than"), ("just under", "almost"), ("more than", "more_than"),
    ("in excess of", "more_than"), ("upwards of", "more_than"), ("over", "over"),
    ("at least", "at_least"), ("as many as", "up_to"), ("up to", "up_to"),
    ("fewer than", "fewer_than"), ("less than", "fewer_than"), ("under", "fewer_than"),
    ("almost", "almost"), ("nearly", "nearly"), ("close to", "nearly"), ("approaching", "nearly"),
    ("closing in on", "nearly"), ("nears", "nearly"), ("nearing", "nearly"),
    ("about", "about"), ("around", "about"), ("approximately", "about"), ("roughly", "about"),
    ("an estimated", "about"), ("estimated", "about"), ("some", "about"), ("circa", "about"),
    ("passed", "passed"), ("surpassed", "passed"), ("topped", "passed"), ("exceeded", "passed"),
    ("crossed the", "passed"), ("broke the", "passed"),
]
_PATTERN = re.compile(r"\b(" + "|".join(re.escape(p) for p, _ in _BEFORE) + r")\s+(?:the\s+|a\s+)?(?:record\s+)?$", re.I)
_MAP = dict(_BEFORE)

# "Some" is a hedge before a number ("Some 1,378"), not in "some of the 700".
_AFTER = re.compile(r"^\s*(?:or\s+(?:so|more)|-?plus\b|\+|-odd\b|\s+odd\b)", re.I)  # "the 100-odd who": over 100


def qualifier_for(text: str, start: int, end: int, vague: str | None) -> tuple[str, str | None]:
    """Return (qualifier, the words that set it)."""
    if vague:
        return vague.replace(" ", "_"), None
    before = text[max(0, start - 25):start]
    m = _PATTERN.search(before)
    if m:
        return _MAP[m.group(1).lower()], m.group(1)
    a = _AFTER.match(text[end:end + 10])
    if a:
        return ("more_than" if any(w in a.group(0) for w in ("more", "plus", "+", "odd"))
                else "about"), a.group(0).strip()
    return "exact", None
