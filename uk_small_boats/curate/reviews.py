"""Reviewed corrections applied to generated rows: the one loop that claims and differences share.

A review entry is ``action: add | set | drop`` with a ``reason``. ``add`` builds a new row (or is
skipped when its source is not on this machine); ``set`` and ``drop`` name a generated row by its
key, and a key the generator did not produce is a stale review, refused with its file and entry.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from ..errors import PipelineError


def apply_reviews(rows: list[dict], key: str, entries: list[dict], path: Path, *,
                  add: Callable[[dict, int], dict | None], present: Callable[[str | None], bool],
                  update: Callable[[dict, dict], None], produced_by: str, replace_added: bool) -> list[dict]:
    """``rows`` with every review applied. ``present(key)``: whether that row's source is here (a
    review of an absent source is skipped); ``replace_added``: whether an added row may replace a
    generated one with its key (else that is refused: review it with ``set``). An entry without
    the key names None."""
    by_id = {r[key]: r for r in rows}
    for i, e in enumerate(entries, start=1):
        if e["action"] == "add":
            row = add(e, i)
            if row is None:
                continue  # its source is not on this machine
            if row[key] in by_id and not replace_added:
                raise PipelineError(f"{produced_by} already lists {row[key]}: review it with action set",
                                    file=str(path), row=i, column="quote", rule="override-target")
            by_id[row[key]] = row
            continue
        rid = e.get(key)
        if rid not in by_id:
            if not present(rid):
                continue  # its source is not on this machine
            raise PipelineError(f"the review names {rid!r}, which {produced_by} did not produce (stale review?)",
                                file=str(path), row=i, column=key, rule="override-target")
        if e["action"] == "drop":
            del by_id[rid]
        else:
            update(by_id[rid], e["set"])
            by_id[rid]["review"] = e["reason"]
    return list(by_id.values())
