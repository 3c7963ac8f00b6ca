"""Seed claims = the extractor's output on each archived news text + reviewed overrides.

``uk-small-boats curate`` writes data/claims.csv from the archive; the build re-runs the same
thing when the texts are present and reports any drift from what is committed.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pandas as pd
import yaml

from ..errors import PipelineError
from ..extract.claims import extract_claims
from ..extract.text import sentences
from ..metadata.schemas import conform, resource
from ..paths import DATA
from .reviews import apply_reviews

OVERRIDES = DATA / "claim_overrides.yaml"


def reference_dates(sources: pd.DataFrame) -> dict[str, dt.date]:
    """Map each source to the date its relative dates ("last week") are resolved against.

    That is its own publication date, or for an undated rewrite the date of the text it rewrites
    (never published as its date). A source with neither is left out.
    """
    pub = {r.source_id: r.published_date for r in sources.itertuples(index=False)}
    out = {}
    for r in sources.itertuples(index=False):
        d = pub.get(r.source_id)
        if pd.isna(d) and isinstance(r.derived_from, str):
            d = pub.get(r.derived_from)
        if not pd.isna(d):
            out[r.source_id] = pd.Timestamp(d).date()
    return out


def machine_claims(texts: dict[str, str], sources: pd.DataFrame) -> list[dict]:
    """Extract the claims of every text that has a reference date, as rows sorted by source id."""
    refs = reference_dates(sources)
    rows = []
    for sid in sorted(texts):
        if sid not in refs:
            continue
        for r in extract_claims(texts[sid], refs[sid]):
            rows.append({"claim_id": f"{sid}-{r['figure_start']}", "source_id": sid, **r,
                         "review": None})
    return rows


def load_overrides(path: Path = OVERRIDES) -> list[dict]:
    """Read the override entries in ``path`` (none if it is absent), each checked for an action and a reason."""
    if not path.exists():
        return []
    entries = yaml.safe_load(path.read_text(encoding="utf-8")) or []
    for i, e in enumerate(entries, start=1):
        if e.get("action") not in {"drop", "set", "add"} or not e.get("reason"):
            raise PipelineError("each override needs action drop|set|add and a reason",
                                file=str(path), row=i, column="action", rule="override-shape")
    return entries


def _locate(text: str, figure_text: str, occurrence: int, path: Path, i: int) -> tuple[int, int, int, int]:
    pos = -1
    for _ in range(occurrence):
        pos = text.find(figure_text, pos + 1)
        if pos < 0:
            raise PipelineError(f"figure {figure_text!r} occurrence {occurrence} not in the text",
                                file=str(path), row=i, column="figure_text", rule="override-locate")
    sent = next(s for s in sentences(text) if s.start <= pos < s.end)
    return sent.start, sent.end, pos, pos + len(figure_text)


def apply_overrides(rows: list[dict], texts: dict[str, str], path: Path = OVERRIDES) -> list[dict]:
    """Apply the overrides in ``path`` to the extracted claim rows: drop, correct or add claims.

    An added claim is located in its text by its figure (and occurrence); an override of a source
    whose text is not on this machine is skipped.
    """
    def add(e: dict, i: int) -> dict | None:
        sid = e["source_id"]
        if sid not in texts:
            return None
        qs, qe, fs, fe = _locate(texts[sid], e["figure_text"], e.get("occurrence", 1), path, i)
        return {"claim_id": f"{sid}-{fs}", "source_id": sid, "quote": texts[sid][qs:qe],
                "char_start": qs, "char_end": qe, "figure_text": e["figure_text"],
                "figure_start": fs, "figure_end": fe, "extraction": "manual",
                "period_basis": "stated", "review": e["reason"], **e.get("set", {})}

    def update(row: dict, changes: dict) -> None:
        row.update({k: (dt.date.fromisoformat(v) if k.endswith(("_start", "_end")) and
                        isinstance(v, str) and k.startswith(("period", "compare")) else v)
                    for k, v in changes.items()})
        if any(k.startswith("period") for k in changes) and "period_basis" not in changes:
            row["period_basis"] = "stated"  # a reviewer read the dates in the text

    return apply_reviews(rows, "claim_id", load_overrides(path), path, add=add, update=update,
                         present=lambda cid: not cid or cid.rsplit("-", 1)[0] in texts,
                         produced_by="the extractor", replace_added=True)


def override_files(data: Path = DATA) -> list[Path]:
    """data/claim_overrides.yaml (the seeds) and one claim_overrides_<corpus>.yaml per labelled corpus."""
    return sorted(data.glob("claim_overrides*.yaml"))


def curated_claims(texts: dict[str, str], sources: pd.DataFrame) -> pd.DataFrame:
    """Build the claims table: the extractor's claims with every override file applied, conformed."""
    rows = machine_claims(texts, sources)
    for path in override_files():
        rows = apply_overrides(rows, texts, path)
    spec = resource("claims")
    df = pd.DataFrame(rows, columns=spec.field_names)
    return conform(df, spec, origin="extractor + data/claim_overrides.yaml")
