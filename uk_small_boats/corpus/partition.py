"""Extract and check one partition of articles, and write its files (the unit every engine runs).

Each output file is written under a temporary name and renamed into place; the partition's
``done/part-N.json`` marker (its counts, for the summary) is written last, so a partition either
has its marker and all its files or is redone by the next run.
"""

from __future__ import annotations

import dataclasses
import json
import os
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd

from ..check.series import OfficialSeriesIndex
from ..check.verdicts import check_claims
from ..extract.claims import extract_claims
from ..metadata.schemas import conform, empty_frame
from ..metadata.specs import ResourceSpec, resource
from ..pause import pause_point
from ..publish.writers import write_parquet
from .inputs import Article, BadRecord, Partition, read_partition

ARTICLE_ID = {"name": "article_id", "type": "string", "constraints": {"required": True},
              "description": "The id of the input article the row comes from."}
ERRORS = ResourceSpec("errors", "Articles not checked", "derived", {
    "description": "Input records that could not be checked, each with the rule it broke and why.",
    "fields": [{**ARTICLE_ID, "constraints": {}},
               {"name": "file", "type": "string", "description": "Input file of the record."},
               {"name": "row", "type": "integer",
                "description": "1-based row (Parquet) or line (JSON Lines); empty for a .txt file."},
               {"name": "rule", "type": "string", "description": "The rule the record broke."},
               {"name": "reason", "type": "string", "description": "What was wrong, in one sentence."}]},
    {}, None)
OUTPUTS = ("claims", "claim_checks", "errors")
DONE = "done"


def output_spec(name: str) -> ResourceSpec:
    """The published resource's columns after ``article_id`` (the errors table is ours alone)."""
    if name == "errors":
        return ERRORS
    spec = resource(name)
    schema = {k: v for k, v in spec.schema.items() if k != "foreignKeys"}
    return dataclasses.replace(spec, schema={**schema, "fields": [ARTICLE_ID, *spec.fields]})


@dataclass(frozen=True)
class Official:
    """The series a worker checks against; ``token`` (the ODS sha256) keys its index cache."""
    token: str
    daily: pd.DataFrame
    weekly: pd.DataFrame


_INDEXES: dict[str, OfficialSeriesIndex] = {}


def series_index(official: Official) -> OfficialSeriesIndex:
    """Built once per worker process and reused for every partition it runs."""
    if official.token not in _INDEXES:
        _INDEXES[official.token] = OfficialSeriesIndex(official.daily, official.weekly)
    return _INDEXES[official.token]


STAGE_NAMES = {"extract": "extractor", "check": "checker"}


def _raised(a: Article, stage: str, exc: Exception) -> BadRecord:
    return BadRecord(a.id, a.file, a.row, f"{stage}-raised",
                     f"the {STAGE_NAMES[stage]} raised {type(exc).__name__}: {str(exc)[:300]}", a.publisher,
                     a.published.year)


def _extract(articles: list[Article], bad: list[BadRecord]) -> tuple[pd.DataFrame, list[Article]]:
    spec = resource("claims")
    rows: list[dict] = []
    kept: list[Article] = []
    first: dict[str, str] = {}  # id -> where it first appeared
    for a in articles:
        if a.id in first:
            bad.append(BadRecord(a.id, a.file, a.row, "article-id-unique",
                                 f"id repeated in the input (first at {first[a.id]})", a.publisher,
                                 a.published.year))
            continue
        first[a.id] = f"row {a.row}" if a.row is not None else a.file
        try:
            found = extract_claims(a.text, a.published)
        except Exception as exc:  # one article's failure must not stop the run
            bad.append(_raised(a, "extract", exc))
            continue
        for r in found:
            r.update(claim_id=f"{a.id}-{r['figure_start']}", source_id=a.id, review=None)
            rows.append(r)
        kept.append(a)
    return conform(pd.DataFrame(rows, columns=spec.field_names), spec, origin="extracted claims"), kept


def _check(claims: pd.DataFrame, articles: list[Article], idx: OfficialSeriesIndex,
           bad: list[BadRecord]) -> tuple[pd.DataFrame, pd.DataFrame, list[Article]]:
    """One vectorised call for the whole partition; if it raises, article by article to find which."""
    spec = resource("claim_checks")
    day = {a.id: pd.Timestamp(a.published) for a in articles}
    try:
        checks = check_claims(claims, idx, published=claims["source_id"].map(day))
        return claims, conform(checks, spec, origin="claim checks"), articles
    except Exception:
        pass
    ok, checks = [], [empty_frame(spec)]
    for a in articles:
        try:
            mine = claims[claims["source_id"] == a.id].reset_index(drop=True)
            checks.append(conform(check_claims(mine, idx, published=mine["source_id"].map(day)), spec,
                                  origin="claim checks"))
            ok.append(a)
        except Exception as exc:  # that article goes to errors with its claims
            bad.append(_raised(a, "check", exc))
    return (claims[claims["source_id"].isin([a.id for a in ok])].reset_index(drop=True),
            pd.concat(checks, ignore_index=True), ok)


def _write(df: pd.DataFrame, name: str, out: Path, part: Partition) -> None:
    path = out / name / f"{part.name}.parquet"
    tmp = path.with_name(f".{path.name}.tmp-{os.getpid()}")
    write_parquet(df, output_spec(name), tmp)
    os.replace(tmp, path)


def _counts(articles: list[Article], bad: list[BadRecord], claims: pd.DataFrame,
            checks: pd.DataFrame) -> list[list]:
    """[publisher, year, articles, errors, claims, {verdict: n}] per publisher and year."""
    key_of = {a.id: (a.publisher or "", a.published.year) for a in articles}
    groups: dict[tuple[str, int | None], list[Any]] = {}

    def group(key: tuple[str, int | None]) -> list[Any]:
        return groups.setdefault(key, [0, 0, 0, Counter()])

    for a in articles:
        group(key_of[a.id])[0] += 1
    for b in bad:
        g = group((b.publisher or "", b.year))
        g[0] += 1
        g[1] += 1
    for key, verdict in zip(checks["article_id"].map(key_of), checks["verdict"], strict=True):
        g = group(key)
        g[2] += 1
        g[3][verdict] += 1
    return [[p, y, n, e, c, dict(sorted(v.items()))]
            for (p, y), (n, e, c, v) in sorted(groups.items(), key=lambda kv: (kv[0][0], kv[0][1] or 0))]


def check_partition(part: Partition, out: str, official: Official) -> dict:
    """Read, extract, check and write one partition; return its counts (also in its marker)."""
    folder = Path(out)
    articles: list[Article] = []
    bad: list[BadRecord] = []
    for rec in read_partition(part):
        if isinstance(rec, Article):
            articles.append(rec)
        else:
            bad.append(rec)
    claims, articles = _extract(articles, bad)
    claims, checks, articles = _check(claims, articles, series_index(official), bad)
    article_of = dict(zip(claims["claim_id"], claims["source_id"], strict=True))
    checks.insert(0, "article_id", checks["claim_id"].map(article_of))
    claims.insert(0, "article_id", claims["source_id"])
    errors = pd.DataFrame([[b.id, b.file, b.row, b.rule, b.reason] for b in bad],
                          columns=ERRORS.field_names)
    for name, df in zip(OUTPUTS, (claims, checks, errors), strict=True):
        _write(conform(df, output_spec(name), origin=f"{part.name} {name}"), name, folder, part)
        if name == "claims":
            pause_point(f"corpus-{part.name}")  # tests interrupt a partition in flight here
    stats = {"partition": part.name, "articles": part.count, "errors": len(bad), "claims": len(claims),
             "groups": _counts(articles, bad, claims, checks)}
    marker = folder / DONE / f"{part.name}.json"
    tmp = marker.with_name(f".{marker.name}.tmp-{os.getpid()}")
    tmp.write_text(json.dumps(stats, sort_keys=True) + "\n", encoding="utf-8")
    os.replace(tmp, marker)
    return stats
