"""check-corpus end to end: plan the partitions, resume, run them on an engine, summarise.

``DIR/run.json`` records what a run is of (input fingerprint, partition size, series, version); a
rerun into the same DIR resumes it, skipping every partition whose ``done/`` marker exists, and
refuses if any of those changed (mixing two runs' partitions would publish neither).
"""

from __future__ import annotations

import csv
import hashlib
import json
import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from .. import __version__
from ..errors import PipelineError
from ..metadata.specs import resource
from ..official.ods import read_series
from ..publish import outdir
from . import engines
from .inputs import Partition, plan
from .partition import DONE, OUTPUTS, Official

RUN = "run.json"
SUMMARY = "summary.csv"
ENGINES = ("local", "dask")


class Progress(Protocol):
    """What check_corpus reports its progress to (the CLI's bar or log lines)."""

    def start(self, *, partitions: int, articles: int, done_partitions: int, done_articles: int) -> None:
        """Take the run's size and what an earlier run had done, before any partition runs."""

    def advance(self, stats: dict) -> None:
        """Take one finished partition's counts (its ``done/`` marker)."""


class _Quiet:
    """Progress that shows nothing (check_corpus called without one)."""

    def start(self, *, partitions: int, articles: int, done_partitions: int, done_articles: int) -> None:
        pass

    def advance(self, stats: dict) -> None:
        pass


@dataclass
class Result:
    """What a check_corpus run did: its partitions, those skipped, and the summary rows."""

    partitions: int
    skipped: int  # partitions a previous run had finished
    summary: list[dict] = field(default_factory=list)


def _official(ods: Path) -> Official:
    series = read_series(ods)
    return Official(hashlib.sha256(ods.read_bytes()).hexdigest(), series.daily, series.weekly)


def _open_run(out: Path, manifest: dict) -> None:
    try:
        _open_run_folder(out, manifest)
    except OSError as exc:  # a read-only or missing parent, a full disk
        raise PipelineError(f"cannot write the output folder: {exc.strerror or exc}",
                            file=exc.filename or str(out), rule="corpus-write") from None


def _open_run_folder(out: Path, manifest: dict) -> None:
    path = out / RUN
    if path.is_file():
        old = json.loads(path.read_text(encoding="utf-8"))
        changed = [k for k in manifest if old.get(k) != manifest[k]]
        if changed:
            raise PipelineError(f"this folder holds another run (its {', '.join(changed)} differ); a "
                                f"rerun resumes only the same input, partition size, series and "
                                f"version: choose another --out", file=str(path), rule="corpus-resume")
    else:
        if out.exists() and any(out.iterdir()):
            raise PipelineError("--out is a folder that is not empty and holds no check-corpus run; "
                                "choose an empty or new folder", file=str(out), rule="corpus-out-empty")
        out.mkdir(parents=True, exist_ok=True)
        tmp = out / f".{RUN}.tmp-{os.getpid()}"
        tmp.write_text(json.dumps(manifest, indent=2, sort_keys=True) + "\n", encoding="utf-8")
        os.replace(tmp, path)
    for d in (*OUTPUTS, DONE):
        (out / d).mkdir(exist_ok=True)
    for stale in out.glob("*/.part-*.tmp-*"):  # files of a partition an interrupted run had in flight
        stale.unlink()


def verdicts() -> list[str]:
    """List the verdicts claim_checks allows, in the schema's order (the summary's columns)."""
    return next(f for f in resource("claim_checks").fields if f["name"] == "verdict")["constraints"]["enum"]


def summarise(out: Path, parts: list[Partition]) -> list[dict]:
    """Counts per publisher and year from every partition's marker, written to DIR/summary.csv."""
    names = verdicts()
    totals: dict[tuple, dict] = {}
    for part in parts:
        stats = json.loads((out / DONE / f"{part.name}.json").read_text(encoding="utf-8"))
        for publisher, year, n, errors, claims, by_verdict in stats["groups"]:
            row = totals.setdefault((publisher, year), dict.fromkeys(["articles", "errors", "claims", *names], 0))
            for k, v in (("articles", n), ("errors", errors), ("claims", claims), *by_verdict.items()):
                row[k] = row.get(k, 0) + v
    rows = [{"publisher": p, "year": y, **counts}
            for (p, y), counts in sorted(totals.items(), key=lambda kv: (kv[0][0], kv[0][1] or 0))]
    columns = ["publisher", "year", "articles", "errors", "claims", *names]
    columns += sorted({k for r in rows for k in r} - set(columns))  # a verdict new to the schema
    tmp = out / f".{SUMMARY}.tmp-{os.getpid()}"
    with open(tmp, "w", newline="", encoding="utf-8") as f:
        w = csv.DictWriter(f, columns, restval=0, lineterminator="\n")
        w.writeheader()
        w.writerows({**r, "year": "" if r["year"] is None else r["year"]} for r in rows)
    os.replace(tmp, out / SUMMARY)
    return rows


def check_corpus(source: Path, out: Path, *, ods: Path, engine: str = "local", workers: int = 1,
                 scheduler: str | None = None, partition_size: int = 1000,
                 progress: Progress | None = None) -> Result:
    """Check every article in ``source`` into ``out`` (resuming a run there) and summarise."""
    if engine not in ENGINES:
        raise PipelineError(f"no engine {engine!r}: use {' or '.join(ENGINES)}", rule="corpus-engine")
    if scheduler and engine != "dask":
        raise PipelineError("--scheduler is for --engine dask", rule="corpus-engine")
    if partition_size < 1 or workers < 1:
        raise PipelineError("--partition-size and --workers must be at least 1", rule="corpus-options")
    source, out = Path(source).resolve(), Path(out).resolve()
    if out.exists() and not out.is_dir():
        raise PipelineError("--out names a file; check-corpus writes a folder (choose a new or empty "
                            "one, or the folder of a run to resume)", file=str(out), rule="corpus-out-empty")
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise PipelineError(f"cannot write the output folder: {exc.strerror or exc}",
                            file=exc.filename or str(out), rule="corpus-write") from None
    # One run at a time writes to DIR: a second would sweep the first's files in flight and redo
    # its partitions. The lock (beside DIR, dropped by the kernel if the run dies) is the build's.
    with outdir.locked(out, what="check-corpus run"):
        return _check_corpus_locked(source, out, ods, engine, workers, scheduler, partition_size,
                                    progress or _Quiet())


def _check_corpus_locked(source: Path, out: Path, ods: Path, engine: str, workers: int,
                         scheduler: str | None, partition_size: int, progress: Progress) -> Result:
    parts, fingerprint = plan(source, partition_size, exclude=out)
    official = _official(ods)
    _open_run(out, {"input": str(source), "input_fingerprint": fingerprint,
                    "partition_size": partition_size, "partitions": len(parts),
                    "official_sha256": official.token, "version": __version__})
    done = {p.stem for p in (out / DONE).glob("part-*.json")}
    todo = [p for p in parts if p.name not in done]
    progress.start(partitions=len(parts), articles=sum(p.count for p in parts),
                   done_partitions=len(parts) - len(todo),
                   done_articles=sum(p.count for p in parts if p.name in done))
    workers = min(workers, len(todo))  # no more processes than partitions left
    finished: Iterator[dict]
    if not todo:
        finished = iter(())
    elif engine == "dask":
        finished = engines.dask_cluster(todo, str(out), official, scheduler=scheduler, workers=workers)
    elif workers == 1:
        finished = engines.serial(todo, str(out), official)
    else:
        finished = engines.process_pool(todo, str(out), official, workers)
    for stats in finished:
        progress.advance(stats)
    return Result(len(parts), len(parts) - len(todo), summarise(out, parts))
