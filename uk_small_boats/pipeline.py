"""The whole build: inputs -> archive -> official series -> derived tables -> validate -> write -> swap.

The build writes into a sibling temporary directory and swaps it in only after validation passed,
so a failed or interrupted build leaves the previous build/ intact (publish/outdir.py: lock, swap).
"""

from __future__ import annotations

import dataclasses
import json
import os
import shutil
import time
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager, nullcontext
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from .archive.registry import Archive, open_archive
from .check.dates import source_date_checks
from .check.series import OfficialSeriesIndex
from .check.verdicts import check_claims
from .curate.evidence import evidence_spans, verify_offsets
from .curate.regenerate import REGENERATORS, drift
from .errors import PipelineError
from .metadata.schemas import ResourceSpec, committed_csv, conform, read_csv_text, read_csv_typed, resource, resources
from .metadata.tables import sort_by_key, write_csv
from .official import ods
from .paths import DUCKDB_NAME, INSTALLED, REPORT_NAME
from .pause import pause_point
from .publish import descriptor as desc
from .publish import outdir
from .publish.duckdb_db import write_duckdb
from .publish.writers import write_parquet
from .site.build import build_site
from .validate.keys import check_foreign_keys
from .validate.package import validate_package
from .validate.pandera_models import validate_frame
from .validate.rules import cross_table

# A table losing more than this share of its rows since the previous build needs confirming.
ROW_DROP_LIMIT = 0.10
# A progress display: step(label) is entered around each stage of the build.
Step = Callable[[str], AbstractContextManager[None]]


@dataclass
class Context:
    """What the stages of one build share: the archive, the frames so far, and the report."""

    archive: Archive
    frames: dict[str, pd.DataFrame]
    series: ods.OfficialSeries | None = None
    report: dict = field(default_factory=dict)
    descriptions: dict[str, str] = field(default_factory=dict)


# Derived resources, in the order they are made: name -> function(Context) -> DataFrame.
Deriver = Callable[[Context], pd.DataFrame]
DERIVERS: dict[str, Deriver] = {}


def deriver(name: str) -> Callable[[Deriver], Deriver]:
    """Register the decorated function as the maker of the derived resource ``name``."""
    def register(fn: Deriver) -> Deriver:
        DERIVERS[name] = fn
        return fn
    return register


def _series(ctx: Context) -> ods.OfficialSeries:
    """The official series, read once (with its sheet notes as the tables' descriptions)."""
    if ctx.series is None:
        path = ctx.archive.found.get(ods.SOURCE_ID)
        if path is None:
            raise PipelineError("the official series is not on the archive search path "
                                f"({', '.join(map(str, ctx.archive.search_path))})",
                                file=ods.FILE_NAME, rule="official-series-present")
        ctx.series = ods.read_series(path)
        notes = ("From the Home Office cover sheet: " + "; ".join(ctx.series.cover) + "\n\n"
                 "Home Office notes (from the sheet):\n" + "\n".join(ctx.series.notes[1:]))
        ctx.descriptions["official_daily"] = ctx.descriptions["official_weekly"] = notes
    return ctx.series


@deriver("official_daily")
def _official_daily(ctx: Context) -> pd.DataFrame:
    return _series(ctx).daily


@deriver("official_weekly")
def _official_weekly(ctx: Context) -> pd.DataFrame:
    series = _series(ctx)
    weekly = ods.add_daily_sums(series.weekly, series.daily)
    diff = ods.reconcile(weekly)
    ctx.report["official_reconciliation"] = {
        "weeks_compared": int(weekly["people_arrived_daily_sum"].notna().sum()),
        "weeks_differing": json.loads(diff.to_json(orient="records", date_format="iso"))}
    return weekly


def verify_evidence(ctx: Context, specs: list[ResourceSpec]) -> None:
    """Check every quote at its offsets in the texts found; report what could not be re-verified."""
    texts = ctx.archive.texts()
    verified: dict[str, dict[str, int]] = {}
    for s in specs:
        if s.name in ctx.frames and evidence_spans(s):
            verified[s.name] = verify_offsets(ctx.frames[s.name], s, origin=str(s.data_path),
                                              texts=texts)
    ctx.report["evidence_verified"] = verified
    claims = ctx.frames.get("claims")
    if claims is not None:
        unverified = claims[~claims["source_id"].isin(list(texts))]
        ctx.report["claims_not_reverified"] = int(len(unverified))
        if len(unverified):
            ctx.report.setdefault("warnings", []).append(
                f"{len(unverified)} claims from {unverified['source_id'].nunique()} source(s) not "
                f"re-verified against their text (text not on the archive search path)")


def check_drift(ctx: Context) -> None:
    """Re-derive the re-derivable curated tables from the texts found and report where data/ differs."""
    texts = ctx.archive.texts()
    found = []
    for name, regenerate in REGENERATORS.items():
        if name in ctx.frames and texts:
            found += drift(name, ctx.frames[name], regenerate(texts, ctx.frames["sources"]), set(texts))
    ctx.report["curation_drift"] = found if texts else None
    if found:
        ctx.report.setdefault("warnings", []).append(
            f"re-deriving from the archive differs from data/ in {len(found)} place(s); review and "
            f"run `uk-small-boats curate` (see build_report.json: curation_drift)")


@deriver("claim_checks")
def _claim_checks(ctx: Context) -> pd.DataFrame:
    idx = OfficialSeriesIndex(ctx.frames["official_daily"], ctx.frames["official_weekly"])
    claims, sources = ctx.frames["claims"], ctx.frames["sources"].set_index("source_id")
    # a source dated by matching its own figures to the series cannot confirm those figures
    from_series = claims["source_id"].map(sources["date_method"]).eq("inferred_from_series")
    checks = check_claims(claims, idx, date_from_series=from_series,
                          published=claims["source_id"].map(sources["published_date"]))
    ctx.report["verdicts"] = {k: int(v) for k, v in checks["verdict"].value_counts().sort_index().items()}
    return checks


@deriver("source_date_checks")
def _source_date_checks(ctx: Context) -> pd.DataFrame:
    # In key order: the explanations list a source's figures in the order they come.
    claims = sort_by_key(ctx.frames["claims"], resource("claims"))
    return source_date_checks(ctx.frames["sources"], claims, ctx.frames["claim_checks"],
                              ctx.frames["official_daily"])


def load_inputs(specs: list[ResourceSpec]) -> dict[str, pd.DataFrame]:
    """The curated tables, read from their CSVs and validated (frictionless, foreign keys, pandera)."""
    curated = [s for s in specs if s.data_path is not None]
    paths = {s.name: committed_csv(s) for s in curated}
    base = paths[curated[0].name].parent.parent
    for s in curated:
        if not paths[s.name].is_file():
            raise PipelineError("curated data file is missing", file=str(paths[s.name]),
                                rule="input-present")
    texts = {s.name: read_csv_text(paths[s.name], s) for s in curated}  # UTF-8, every column present
    validate_package(desc.input_descriptor(curated), base, label="curated inputs in data/")
    # typed once (from the text already read); keys across tables, then each table's own rules
    frames = {s.name: read_csv_typed(paths[s.name], s, texts[s.name]) for s in curated}
    check_foreign_keys(frames, curated, {name: str(path) for name, path in paths.items()})
    for s in curated:
        validate_frame(frames[s.name], s, origin=str(paths[s.name]))
    return frames


def _dependants(frames: dict[str, pd.DataFrame]) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    claims = frames.get("claims")
    if claims is not None:
        for sid, cid in zip(claims["source_id"], claims["claim_id"], strict=True):
            out.setdefault(sid, []).append(cid)
    return out


@contextmanager
def _dated_by_inputs(frames: dict[str, pd.DataFrame]) -> Iterator[None]:
    """mkdocs dates pages, sitemap.xml and the sitemap.xml.gz header by SOURCE_DATE_EPOCH when it is
    set: the newest dated input (official day or source), so the site is the same for the same inputs."""
    if "SOURCE_DATE_EPOCH" in os.environ:  # the caller's choice wins
        yield
        return
    newest = pd.concat([frames["official_daily"]["date"], frames["sources"]["published_date"]]).max()
    os.environ["SOURCE_DATE_EPOCH"] = str(int(pd.Timestamp(newest).tz_localize("UTC").timestamp()))
    try:
        yield
    finally:
        del os.environ["SOURCE_DATE_EPOCH"]


def check_row_counts(frames: dict[str, pd.DataFrame], specs: list[ResourceSpec], out: Path,
                     report: dict, origins: dict[str, str]) -> None:
    """Refuse a table that lost more than ROW_DROP_LIMIT of the previous build's rows (a truncated
    or emptied input would otherwise replace a good build); --allow-row-drop confirms it."""
    try:
        before = json.loads((out / REPORT_NAME).read_text(encoding="utf-8"))["rows"]
    except FileNotFoundError:
        return
    except (OSError, ValueError, KeyError, TypeError):
        before = None
    if not isinstance(before, dict):
        report.setdefault("warnings", []).append(
            f"the previous {REPORT_NAME} is unreadable; row counts were not compared with it")
        return
    drops = [(s.name, int(before[s.name]), len(frames[s.name])) for s in specs
             if isinstance(before.get(s.name), int)
             and len(frames[s.name]) < before[s.name] * (1 - ROW_DROP_LIMIT)]
    if drops:
        name, was, now = drops[0]
        raise PipelineError(
            f"{name} has {now} rows, the previous build had {was}: a drop of more than "
            f"{ROW_DROP_LIMIT:.0%} is refused unless confirmed with --allow-row-drop",
            file=origins[name], rule="row-count-drop",
            details=[f"{n}: {w} -> {c} rows" for n, w, c in drops])


def _validate_built(tmp: Path) -> None:
    """frictionless on the written package; an error names the file as built, not in ``tmp``
    (which a failed build removes)."""
    try:
        validate_package(tmp / "datapackage.json", tmp, label="build/datapackage.json")
    except PipelineError as exc:
        if exc.file and Path(exc.file).is_relative_to(tmp):
            exc.file = f"{Path(exc.file).relative_to(tmp).as_posix()} as built (not published)"
            exc.args = (exc.render(),)
        raise


def build(out: Path, archive_dir: str | Path | None = None, *, archive_only: bool = False,
          site: bool = False, progress: Step | None = None, data_dir: Path | None = None,
          allow_row_drop: bool = False) -> dict:
    """Build everything into ``out`` atomically and return the build report.

    ``data_dir`` replaces the repo's data/ (curated CSVs), for checking a copy before committing it.
    One build at a time writes to ``out`` (a lock); ``out`` must be absent, empty or a previous build.
    """
    if site and INSTALLED:
        raise PipelineError("the site is built from a checkout of the repository (docs/, mkdocs.yml "
                            "and the npm packages in node_modules/): run `make build` there",
                            rule="site-needs-checkout")
    out = Path(out).resolve()
    outdir.check_replaceable(out)  # at once, before a lock file is left beside a file or folder refused
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise PipelineError(f"cannot create the output's parent folder: {exc.strerror}",
                            file=str(out.parent), rule="output-write") from None
    with outdir.locked(out):
        try:
            outdir.prepare(out)
        except OSError as exc:
            raise PipelineError(f"cannot prepare the output folder: {exc.strerror or exc}",
                                file=exc.filename or str(out), rule="output-write") from None
        return _build_locked(out, archive_dir, archive_only, site, progress, data_dir, allow_row_drop)


def _build_locked(out: Path, archive_dir: str | Path | None, archive_only: bool, site: bool,
                  progress: Step | None, data_dir: Path | None, allow_row_drop: bool) -> dict:
    step: Step = progress or (lambda label: nullcontext())
    t0 = time.perf_counter()
    specs = list(resources())
    if data_dir is not None:
        specs = [dataclasses.replace(s, data_path=Path(data_dir) / s.data_path.name) if s.data_path else s
                 for s in specs]
    with step("validate curated inputs"):
        frames = load_inputs(specs)
    with step("verify archive"):
        archive = open_archive(frames["sources"], archive_dir, _dependants(frames), archive_only)
    ctx = Context(archive=archive, frames=frames)
    ctx.report["archive"] = {
        "search_path": [str(p) for p in archive.search_path],
        "verified": sorted(archive.found),
        "not_reverified": {sid: name for sid, name in sorted(archive.missing.items())}}
    with step("verify quotes at their offsets"):
        verify_evidence(ctx, specs)
    with step("re-run extractor and compare with committed claims"):
        check_drift(ctx)
    for name, fn in DERIVERS.items():
        with step(f"derive {name}"):
            spec = next(s for s in specs if s.name == name)
            frames[name] = conform(fn(ctx), spec, origin=f"derived {name}")
    origins = {s.name: str(s.data_path) if s.data_path else f"{s.name} (built)" for s in specs}
    with step("validate tables (pandera)"):
        for s in specs:
            if s.data_path is None:  # curated frames were validated as they were read
                validate_frame(frames[s.name], s, origin=origins[s.name])
        cross_table(frames, origins)
    if not allow_row_drop:
        check_row_counts(frames, specs, out, ctx.report, origins)
    tmp = outdir.temp_path(out)
    try:
        (tmp / "data").mkdir(parents=True)
        with step("write CSV and Parquet"):
            for s in specs:
                frames[s.name] = sort_by_key(frames[s.name], s)
                write_csv(frames[s.name], s, tmp / "data" / f"{s.name}.csv")
                write_parquet(frames[s.name], s, tmp / "data" / f"{s.name}.parquet")
            package = desc.output_descriptor(specs, tmp, ctx.descriptions)
            desc.dump(package, tmp / "datapackage.json")
        pause_point("files-written")
        with step("validate package (frictionless)"):
            _validate_built(tmp)
        with step("write DuckDB"):
            write_duckdb(frames, specs, tmp / DUCKDB_NAME)
        ctx.report["rows"] = {s.name: len(frames[s.name]) for s in specs}
        ctx.report["duckdb"] = {"path": DUCKDB_NAME, **desc.file_stats(tmp / DUCKDB_NAME)}
        if site:
            with step("build documentation site"), _dated_by_inputs(frames):
                build_site(tmp, frames, package, ctx.report)
        (tmp / REPORT_NAME).write_text(json.dumps(ctx.report, indent=2, sort_keys=True) + "\n",
                                       encoding="utf-8")
        outdir.swap(tmp, out)
    except OSError as exc:  # read-only folder, full disk, ...: the previous build stays
        shutil.rmtree(tmp, ignore_errors=True)
        raise PipelineError(f"cannot write the build: {exc.strerror or exc}",
                            file=exc.filename or str(tmp), rule="output-write") from None
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    ctx.report["seconds"] = round(time.perf_counter() - t0, 3)
    return ctx.report
