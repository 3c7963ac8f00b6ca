"""The ``uk-small-boats`` console script."""

from __future__ import annotations

import datetime as dt
import json
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn, TypeVar

import typer
from rich.console import Console
from rich.table import Table
from rich.text import Text

from . import __version__
from .errors import PipelineError
from .paths import DEFAULT_BUILD, INSTALLED

if TYPE_CHECKING:  # the commands import the stages only when they run (a fast --help)
    from .corpus.run import Result as CorpusResult
    from .pipeline import Step

app = typer.Typer(add_completion=False, no_args_is_help=True, pretty_exceptions_enable=False)
# Markup and emoji codes off: messages and tables carry data (article text, file names, curated
# cells), and a '[/x]' or ':smile:' in them must print as it is, never as style (or a MarkupError).
err = Console(stderr=True, markup=False, emoji=False)
out = Console(width=None if sys.stdout.isatty() else 140, markup=False, emoji=False)


def _styled(*parts: str | tuple[str, str]) -> Text:
    """A line whose styled parts are ours and whose data parts stay text."""
    return Text.assemble(*parts)

ARCHIVE_OPT = typer.Option(None, "--archive", help="Archive directory searched first (then "
                           "$UK_SMALL_BOATS_ARCHIVE, the vendored archive/, ../shared/archive).")
ONLY_OPT = typer.Option(False, "--archive-only", help="Search only --archive DIR (see what a "
                        "machine without the news texts would build).")
OUT_OPT = typer.Option(DEFAULT_BUILD, "--out", help="Build directory.")


def _print_version(value: bool) -> None:
    if value:
        out.print(f"uk-small-boats {__version__}", highlight=False)
        raise typer.Exit()


@app.callback()
def _main(version: bool = typer.Option(False, "--version", callback=_print_version, is_eager=True,
                                       help="Print the version and exit.")) -> None:
    """Build, validate and query the uk-small-boats open dataset."""


def _error_line(exc: Exception) -> None:
    """The one located line (not wrapped at the terminal's width, data never read as markup)."""
    err.print(_styled(("error:", "bold red"), f" {exc}"), highlight=False, soft_wrap=True)


T = TypeVar("T")


def _located(file: Path, read: Callable[[], T]) -> T:
    """Run ``read`` on an article; a refusal that names no file names this one."""
    try:
        return read()
    except PipelineError as exc:
        if exc.file is None:
            exc.file = str(file)
        raise


def _fail(exc: Exception) -> NoReturn:
    _error_line(exc)
    raise typer.Exit(1)


@contextmanager
def _steps() -> Iterator[Step]:
    with err.status("building") as status:
        @contextmanager
        def step(label: str) -> Iterator[None]:
            status.update(_styled((label, "bold"), "…"))
            yield
            err.print(_styled(("✓", "green"), f" {label}"))
        yield step


@app.command()
def build(archive: Path | None = ARCHIVE_OPT, archive_only: bool = ONLY_OPT,
          out_dir: Path = OUT_OPT,
          data_dir: Path | None = typer.Option(None, "--data", help="Curated data directory (default: the repo's data/)."),
          site: bool = typer.Option(False, "--site/--no-site", help="Also build the documentation site."),
          allow_row_drop: bool = typer.Option(False, "--allow-row-drop", help="Confirm that a table may "
                                              "lose more than 10% of the previous build's rows."),
          ) -> None:
    """Build the Data Package, CSV, Parquet and DuckDB (and the site) atomically into build/."""
    from .pipeline import build as run_build
    try:
        with _steps() as step:
            report = run_build(out_dir, archive, archive_only=archive_only, site=site,
                               progress=step, data_dir=data_dir, allow_row_drop=allow_row_drop)
    except PipelineError as exc:
        _fail(exc)
    _print_summary(report, out_dir)


def _print_summary(report: dict, out_dir: Path) -> None:
    table = Table(title=f"built {out_dir}", show_edge=False)
    table.add_column("resource")
    table.add_column("rows", justify="right")
    for name, n in report.get("rows", {}).items():
        table.add_row(name, f"{n:,}")
    out.print(table)
    missing = report.get("archive", {}).get("not_reverified", {})
    if missing:
        out.print(_styled(("not re-verified", "yellow"), " (text not on the archive search path; built "
                          f"from committed data): {', '.join(f'{k} ({v})' for k, v in missing.items())}"))
    for line in report.get("warnings", []):
        out.print(_styled(("warning:", "yellow"), f" {line}"))
    if "seconds" in report:
        out.print(f"done in {report['seconds']:.2f} s")


@app.command()
def curate(archive: Path | None = ARCHIVE_OPT,
           corpus: Path | None = typer.Option(None, "--corpus", help="A labelled corpus folder (articles/, "
                                                 "gold.csv, README.md) to register as sources, its gold "
                                                 "becoming the review of their claims.")) -> None:
    """Regenerate data/claims.csv (extractor + data/claim_overrides*.yaml) and
    data/source_differences.csv (rewrite alignment) from the archived news texts, and fill the
    offsets of new quotes in data/evidence.csv (write source_id and quote, leave offsets blank)."""
    from .archive.registry import open_archive
    from .curate.regenerate import REGENERATORS
    from .metadata.schemas import committed_csv, read_csv_typed, resource
    from .metadata.tables import sort_by_key, write_csv
    try:
        if INSTALLED:
            raise PipelineError("curate rewrites the repository's data/: run it in a checkout, not "
                                "from an installed package", rule="curate-needs-checkout")
        src = resource("sources")
        if corpus is not None:
            from .curate.press import register
            n_sources, n_overrides = register(corpus, src)
            out.print(f"registered {n_sources} sources from {corpus}; {n_overrides} reviewed overrides")
        sources = read_csv_typed(committed_csv(src), src)
        arc = open_archive(sources, archive)
        news = set(sources.loc[sources["kind"] != "official", "source_id"])
        missing = sorted(news - set(arc.found))
        if missing:
            raise PipelineError(f"curating needs every news text; not found: {', '.join(missing)}",
                                rule="curate-needs-archive")
        from .curate.evidence import locate_quotes
        filled = locate_quotes(committed_csv(resource("evidence")), arc.texts())
        if filled:
            out.print(f"located {filled} new quote(s) in data/evidence.csv")
        for name, regenerate in REGENERATORS.items():
            spec = resource(name)
            df = sort_by_key(regenerate(arc.texts(), sources), spec)
            write_csv(df, spec, committed_csv(spec))
            reviewed = int(df["review"].notna().sum()) if "review" in df else 0
            out.print(f"wrote {committed_csv(spec)}: {len(df)} rows"
                      + (f", {reviewed} corrected by hand" if reviewed else ""))
    except PipelineError as exc:
        _fail(exc)


FORMATS = ("table", "csv", "json")
FORMAT_OPT = typer.Option("table", "--format", help="table, csv or json.")
FIRST_PUBLISHED = "2018-01-01"  # the Home Office series starts in 2018


def _official_ods(archive: Path | None) -> Path:
    """The series ODS on the archive search path, its sha256 checked against the registry as a build does."""
    from .archive.registry import open_archive
    from .metadata.schemas import committed_csv, read_csv_typed, resource
    from .official import ods
    src = resource("sources")
    sources = read_csv_typed(committed_csv(src), src)
    found = open_archive(sources[sources["source_id"] == ods.SOURCE_ID], archive).found
    if ods.SOURCE_ID not in found:
        raise PipelineError("the official series ODS is not on the archive search path",
                            file=ods.FILE_NAME, rule="official-series-present")
    return found[ods.SOURCE_ID]


def _article_options(published: str, fmt: str) -> dt.date:
    """--published and --format, each refused in one line naming the option."""
    if fmt not in FORMATS:
        raise PipelineError(f"option --format: {fmt!r} is not one of {', '.join(FORMATS)}",
                            rule="option-format")
    try:
        day = dt.date.fromisoformat(published)
    except ValueError:
        raise PipelineError(f"option --published: {published!r} is not a date YYYY-MM-DD",
                            rule="option-published") from None
    first, last = dt.date.fromisoformat(FIRST_PUBLISHED), dt.date.today() + dt.timedelta(days=1)
    if not first <= day <= last:
        raise PipelineError(f"option --published: {published} is outside {first}..{last} (the Home Office "
                            f"series starts in 2018; an article is not published in the future)",
                            rule="option-published")
    return day


def _emit(rows: list[dict], columns: list[str], fmt: str, title: str) -> None:
    import csv
    import io
    if fmt == "json":
        out.print_json(data=[{c: r.get(c) for c in columns} for r in rows], default=str)
    elif fmt == "csv":
        buf = io.StringIO()
        w = csv.DictWriter(buf, fieldnames=columns, extrasaction="ignore", lineterminator="\n")
        w.writeheader()
        w.writerows(rows)
        sys.stdout.write(buf.getvalue())
    else:
        table = Table(title=title, show_lines=False)
        for c in columns:
            table.add_column(c, overflow="fold")
        for r in rows:
            table.add_row(*["" if r.get(c) is None else str(r.get(c)) for c in columns])
        out.print(table)


@app.command()
def extract(file: Path = typer.Argument(..., help="Plain-text English news article (UTF-8)."),
            published: str = typer.Option(..., "--published", help="Publication date YYYY-MM-DD."),
            fmt: str = FORMAT_OPT) -> None:
    """Extract every figure in an article as claim rows (the claims columns, source-free)."""
    from .metadata.specs import light_schema_checks, resource
    light_schema_checks()  # before the stages read the schemas: no frictionless import
    from .extract.claims import extract_claims
    from .extract.reader import read_article
    try:
        day = _article_options(published, fmt)  # options first: they need no file
        rows = _located(file, lambda: extract_claims(read_article(file), day))
        cols = [c for c in resource("claims").field_names if c not in {"claim_id", "source_id", "review"}]
    except PipelineError as exc:
        _fail(exc)
    if fmt == "table":
        cols = ["figure_text", "metric", "value", "qualifier", "period_start", "period_end",
                "period_text"]
    _emit(rows, cols, fmt, f"{len(rows)} figures in {file.name}")


@app.command()
def check(file: Path = typer.Argument(..., help="Plain-text English news article (UTF-8)."),
          published: str = typer.Option(..., "--published", help="Publication date YYYY-MM-DD."),
          archive: Path | None = ARCHIVE_OPT, fmt: str = FORMAT_OPT) -> None:
    """Extract an article's figures and check each against the Home Office series (needs only the ODS)."""
    import pandas as pd

    from .metadata.specs import light_schema_checks
    light_schema_checks()  # before the stages read the schemas: no frictionless import
    from .check.series import OfficialSeriesIndex
    from .check.verdicts import check_claims
    from .extract.claims import extract_claims
    from .extract.reader import read_article
    from .metadata.schemas import conform, resource
    from .official.ods import read_series
    try:
        day = _article_options(published, fmt)  # options first: they need no file
        rows = _located(file, lambda: extract_claims(read_article(file), day))
        series = read_series(_official_ods(archive))
        spec = resource("claims")
        for r in rows:
            r.update(claim_id=f"article-{r['figure_start']}", source_id="article", review=None)
        claims = conform(pd.DataFrame(rows, columns=spec.field_names), spec, origin=str(file))
        checks = check_claims(claims, OfficialSeriesIndex(series.daily, series.weekly),
                              published=pd.Series([pd.Timestamp(day)] * len(claims)))
    except PipelineError as exc:
        _fail(exc)
    merged = claims.merge(checks, on="claim_id")
    records = merged.astype(object).where(merged.notna(), None).to_dict("records")
    for r in records:
        for k in ("period_start", "period_end", "compare_start", "compare_end", "matched_start", "matched_end"):
            r[k] = r[k].date().isoformat() if r.get(k) is not None else None
        r["period"] = r["period_start"] if r["period_start"] == r["period_end"] else f"{r['period_start']}..{r['period_end']}"
    cols = (["quote", "figure_text", "period", "official_value", "verdict", "explanation"] if fmt == "table"
            else spec.field_names + [c for c in checks.columns if c != "claim_id"])
    _emit(records, cols, fmt, f"{len(records)} figures in {file.name} checked against the Home Office series")


@app.command("check-corpus")
def check_corpus(
        source: Path = typer.Argument(..., metavar="INPUT", help="A Parquet or JSON Lines file (columns "
                                      "id, published, text; optional publisher, url, title), or a "
                                      "folder of them or of ID_YYYY-MM-DD.txt files."),
        out_dir: Path = typer.Option(..., "--out", help="Output folder (a rerun into it resumes)."),
        workers: int = typer.Option(0, "--workers", help="Worker processes (default: one per core; "
                                    "1 runs in this process)."),
        engine: str = typer.Option("local", "--engine", help="local (a process pool) or dask."),
        scheduler: str | None = typer.Option(None, "--scheduler", help="Dask scheduler address, "
                                                "e.g. tcp://10.0.0.5:8786 (without it --engine dask "
                                                "starts a local cluster of --workers processes)."),
        partition_size: int = typer.Option(1000, "--partition-size", help="Articles per partition "
                                           "(the unit of work, of output files and of resuming)."),
        archive: Path | None = ARCHIVE_OPT) -> None:
    """Check every article of a news archive: claims, checks and errors as partitioned Parquet in
    --out, and verdict counts per publisher and year in --out/summary.csv."""
    import os

    from .corpus.progress import Bar, LogLines
    from .corpus.run import check_corpus as run
    try:
        ods = _official_ods(archive)
        n = workers or os.cpu_count() or 1
        show = Bar(err) if err.is_terminal else LogLines(sys.stderr)
        with show:
            result = run(source, out_dir, ods=ods, engine=engine, workers=n, scheduler=scheduler,
                         partition_size=partition_size, progress=show)
    except (PipelineError, ImportError) as exc:
        _fail(exc)
    except OSError as exc:  # a worker could not write its partition (disk full, folder removed)
        _fail(PipelineError(f"cannot write the output: {exc.strerror or exc}; finished partitions are "
                            f"kept, run the same command again to resume",
                            file=exc.filename or str(out_dir), rule="corpus-write"))
    except KeyboardInterrupt:
        err.print("interrupted: finished partitions are kept; run the same command again to resume")
        raise typer.Exit(130) from None
    _print_corpus_summary(result, out_dir)


def _print_corpus_summary(result: CorpusResult, out_dir: Path) -> None:
    rows = result.summary
    table = Table(title=f"{out_dir}: {result.partitions:,} partitions "
                        f"({result.skipped:,} from an earlier run)", show_edge=False)
    columns = list(rows[0]) if rows else ["publisher", "year", "articles"]
    for c in columns:
        table.add_column(c, justify="left" if c == "publisher" else "right")
    for r in rows:
        table.add_row(*[f"{v:,}" if isinstance(v, int) and c != "year" else str(v or "")
                        for c, v in r.items()])
    total = {c: sum(r[c] for r in rows) for c in columns[2:]}
    table.add_row(Text("all", style="bold"), "", *[f"{total[c]:,}" for c in columns[2:]])
    out.print(table)
    out.print(f"claims, claim_checks and errors in {out_dir}/<table>/part-*.parquet; "
              f"this table in {out_dir}/summary.csv")


def _finished_build(out_dir: Path) -> Path:
    """The build directory, put back first if a kill interrupted a build's swap."""
    from .publish import outdir
    out_dir = out_dir.resolve()
    if not out_dir.exists() and out_dir.parent.is_dir():
        try:
            with outdir.locked(out_dir):
                outdir.restore_interrupted(out_dir)
        except PipelineError:
            pass  # a build is writing it (and restores it first) or the folder is read-only
    return out_dir


@app.command()
def validate(out_dir: Path = OUT_OPT) -> None:
    """Re-validate a build: every file's sha256, CSV with frictionless (types, keys, foreign keys),
    and that each Parquet and the DuckDB file open and hold the reported rows."""
    from .validate.built import verify_build
    out_dir = _finished_build(out_dir)
    try:
        if not (out_dir / "datapackage.json").is_file():
            raise PipelineError("no built package; run `uk-small-boats build` first",
                                file=str(out_dir / "datapackage.json"), rule="build-present")
        verify_build(out_dir)
    except PipelineError as exc:
        _fail(exc)
    out.print(_styled(("valid", "green"), f": {out_dir} (every file's sha256, CSV, Parquet and DuckDB)"))


@app.command()
def info(out_dir: Path = OUT_OPT) -> None:
    """What was built: resources, rows, hashes, and what could not be re-verified."""
    from .metadata.schemas import load_json
    from .paths import REPORT_NAME
    out_dir = _finished_build(out_dir)
    try:
        if not (out_dir / REPORT_NAME).is_file():
            raise PipelineError("no build found; run `uk-small-boats build` first", file=str(out_dir),
                                rule="build-present")
        report = load_json(out_dir / REPORT_NAME, what="report")
        package = load_json(out_dir / "datapackage.json", what="descriptor")
        rows = report.get("rows")
        rows = rows if isinstance(rows, dict) else {}
        table = Table(title=f"{package.get('title', '?')} v{package.get('version', '?')}", show_edge=False)
        for col in ("resource", "rows", "licence", "csv bytes", "sha256"):
            table.add_column(col)
        for r in package.get("resources", []):
            if not isinstance(r, dict):
                raise PipelineError("a resource entry is not an object", file=str(out_dir / "datapackage.json"),
                                    rule="descriptor-shape")
            table.add_row(str(r.get("name")), f"{rows.get(r.get('name'), 0):,}",
                          ", ".join(str(lic.get("name")) for lic in r.get("licenses", []) if isinstance(lic, dict)),
                          f"{r.get('bytes', 0):,}", str(r.get("hash", "")).split(":")[-1][:12])
    except PipelineError as exc:
        _fail(exc)
    out.print(table)
    arc = report.get("archive", {})
    out.print(f"archive search path: {', '.join(arc.get('search_path', []))}")
    out.print(f"re-verified sources: {', '.join(arc.get('verified', [])) or 'none'}")
    missing = arc.get("not_reverified", {})
    out.print("not re-verified: " + (", ".join(f"{k} ({v})" for k, v in missing.items())
                                     if missing else "none (every source was found and its sha256 matched)"))
    for key, val in report.items():
        if key not in {"archive", "rows", "duckdb"}:
            out.print(f"{key}: {json.dumps(val)[:400]}")


def main() -> None:
    """Run the console script; a PipelineError ends it with its one located line and status 1."""
    try:
        app()
    except PipelineError as exc:  # raised outside a command's own handler (e.g. a broken schema
        _error_line(exc)           # met while importing the stages): the same one line
        sys.exit(1)


if __name__ == "__main__":
    main()
