"""Bad input, faults and tampering: one clear located message each, and nothing published is lost."""

import csv
import hashlib
import random
import os
import shutil
import signal
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from uk_small_boats.pause import PAUSE_ENV
from uk_small_boats.pipeline import build
from uk_small_boats.publish import outdir
from uk_small_boats.errors import PipelineError
from uk_small_boats.paths import DATA, REPO

from .conftest import ODS, ctrl_c_default


@pytest.fixture
def data(tmp_path) -> Path:
    d = tmp_path / "data"
    shutil.copytree(DATA, d)
    return d


@pytest.fixture
def published(built, tmp_path) -> Path:
    """A previous, complete build that a failing build must leave exactly as it was."""
    out = tmp_path / "published"
    shutil.copytree(built, out)
    return out


def digest(tree: Path) -> dict[str, str]:
    return {p.relative_to(tree).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(tree.rglob("*")) if p.is_file()}


def edit(path: Path, row: int, column: str, value: str) -> None:
    """Set one cell of a CSV file (row numbered as in the file, header = 1)."""
    rows = list(csv.DictReader(path.open(encoding="utf-8")))
    rows[row - 2][column] = value
    with path.open("w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, fieldnames=list(rows[0]), lineterminator="\n")
        w.writeheader()
        w.writerows(rows)


def fails(published: Path, data: Path, **kw) -> PipelineError:
    before = digest(published)
    with pytest.raises(PipelineError) as e:
        build(published, data_dir=data, **kw)
    assert digest(published) == before  # nothing published is lost or half-written
    assert not list(published.parent.glob(f".{published.name}.tmp-*"))
    return e.value


@pytest.mark.parametrize("file, row, column, value, rule", [
    ("claims.csv", 3, "period_start", "2025-13-45", "type-error"),
    ("claims.csv", 3, "value", "seven hundred", "type-error"),
    ("claims.csv", 3, "metric", "people_teleported", "constraint-error"),
    ("claims.csv", 3, "source_id", "no-such-source", "foreign-key"),
    ("returns.csv", 2, "evidence_id", "", "constraint-error"),  # a policy row with no evidence
    ("funding.csv", 2, "currency", "gbp", "constraint-error"),
])
def test_malformed_curated_rows_are_located(published, data, file, row, column, value, rule):
    edit(data / file, row, column, value)
    err = fails(published, data)
    assert err.file.endswith(file) or file.split(".")[0] in err.file
    assert (err.row, err.column, err.rule) == (row, column, rule)


def test_duplicate_primary_key(published, data):
    rows = (data / "claims.csv").read_text(encoding="utf-8").splitlines()
    (data / "claims.csv").write_text("\n".join(rows + [rows[1]]) + "\n", encoding="utf-8")
    err = fails(published, data)
    assert err.rule in {"primary-key", "unique-error"} and err.row == len(rows) + 1


def test_offsets_that_do_not_match_the_quote(published, data):
    edit(data / "claims.csv", 4, "quote", "A quote that is not in the text at those offsets at all.")
    err = fails(published, data)
    assert err.rule in {"quote-at-offsets", "figure-inside-quote"} and err.row == 4


def test_period_ending_before_it_starts(published, data):
    edit(data / "claims.csv", 5, "period_end", "2001-01-01")
    err = fails(published, data)
    assert (err.row, err.rule) == (5, "period_start<=period_end")


def test_invalid_country_code(published, data):
    edit(data / "returns.csv", 2, "nationality", "XX")
    err = fails(published, data)
    assert (err.row, err.column, err.rule) == (2, "nationality", "ISO-3166-1-alpha-2")


def test_policy_row_citing_the_rewrite(published, data):
    rows = list(csv.DictReader((data / "evidence.csv").open(encoding="utf-8")))
    target = next(i for i, r in enumerate(rows) if r["evidence_id"] == "bbc-2025-09-19-2513")
    edit(data / "evidence.csv", target + 2, "source_id", "rewrite-of-bbc-2025-09-19")
    err = fails(published, data, archive_dir=REPO / "archive", archive_only=True)
    assert err.rule in {"no-evidence-from-rewrite", "evidence_id=source_id-char_start"}


def test_every_failure_is_reported_not_just_the_first(published, data):
    edit(data / "returns.csv", 2, "nationality", "XX")
    edit(data / "returns.csv", 3, "nationality", "YY")
    err = fails(published, data)
    assert len(err.details) == 2 and "XX" in err.details[0] and "YY" in err.details[1]


def test_bad_ods_publishes_nothing(published, data, tmp_path):
    arc = tmp_path / "arc"
    arc.mkdir()
    (arc / ODS.name).write_bytes(ODS.read_bytes()[:20000])
    err = fails(published, data, archive_dir=arc, archive_only=True)
    assert err.rule == "archive-sha256" and ODS.name in str(err)  # the registry's hash catches it first


def test_shuffled_rows_give_identical_outputs(built, data, tmp_path):
    for name in ("claims.csv", "evidence.csv", "participants.csv"):
        lines = (data / name).read_text(encoding="utf-8").splitlines()
        body = lines[1:]
        random.Random(3).shuffle(body)
        (data / name).write_text("\n".join([lines[0]] + body) + "\n", encoding="utf-8")
    out = tmp_path / "shuffled"
    build(out, data_dir=data)
    for rel in ["datapackage.json"] + [f"data/{p.name}" for p in (built / "data").iterdir()]:
        assert (out / rel).read_bytes() == (built / rel).read_bytes(), rel


def paused_build(out: Path, point: str) -> subprocess.Popen:
    """A CLI build of ``out`` blocked at a named pause point of the pipeline (it waits for a signal)."""
    cmd = [sys.executable, "-m", "uk_small_boats.cli", "build", "--out", str(out)]
    proc = subprocess.Popen(cmd, cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, preexec_fn=ctrl_c_default,
                            text=True, env={**os.environ, PAUSE_ENV: point})
    watchdog = threading.Timer(120, proc.kill)  # a build that never pauses must not hang the suite
    watchdog.start()
    try:
        for line in proc.stderr:
            if line.strip() == f"paused at {point}":
                return proc
    finally:
        watchdog.cancel()
    pytest.fail(f"the build never reached pause point {point!r} (exit code {proc.wait()})")


@pytest.mark.parametrize("point", ["files-written"])  # between the renames: tests/test_output_dir.py
@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGKILL], ids=lambda s: s.name)
def test_interrupted_build_leaves_previous_intact(published, sig, point):
    (published / "marker").write_text("the previous build")  # a finished build would drop this
    before = digest(published)
    proc = paused_build(published, point)
    try:
        tmp, = published.parent.glob(f".{published.name}.tmp-*")
        if point == "files-written":  # the new build is half written beside the published one
            assert (tmp / "datapackage.json").is_file() and digest(published) == before
        else:  # the published build is renamed away, the new one not yet in its place
            assert not published.exists()
            assert list(published.parent.glob(f".{published.name}.old-*"))
        proc.send_signal(sig)
        assert proc.wait(timeout=60) == (128 + sig if sig == signal.SIGINT else -sig)  # 130: Ctrl-C
    finally:
        proc.kill()
        proc.stderr.close()
    with outdir.locked(published):  # what the next build does first
        outdir.prepare(published)
    assert digest(published) == before
    assert not [p for kind in ("tmp", "old") for p in published.parent.glob(f".{published.name}.{kind}-*")]
    build(published)
    assert (published / "uk_small_boats.duckdb").exists() and not (published / "marker").exists()


def run_cli(*args, input_bytes: bytes | None = None, tmp: Path):
    return subprocess.run([sys.executable, "-m", "uk_small_boats.cli", *args], cwd=REPO,
                          capture_output=True, text=True, timeout=120)


@pytest.mark.parametrize("name, content, expect", [
    ("empty.txt", b"", "0 figures"),
    ("binary.txt", bytes(range(256)) * 40, "binary"),
    ("latin1.txt", "Caf\xe9 1,000 migrants crossed".encode("latin-1"), "not UTF-8"),
    ("html.txt", b"<html><script>alert(1)</script><p>About 705 migrants crossed on Tuesday.</p></html>", "705"),
])
@pytest.mark.parametrize("command", ["extract", "check"])
def test_hostile_files_get_a_message_not_a_traceback(tmp_path, name, content, expect, command):
    f = tmp_path / name
    f.write_bytes(content)
    r = run_cli(command, str(f), "--published", "2025-04-16", tmp=tmp_path)
    assert "Traceback" not in r.stderr
    assert expect in (r.stdout + r.stderr)


def test_huge_file_is_refused_clearly(tmp_path):
    f = tmp_path / "huge.txt"
    with f.open("wb") as fh:
        chunk = b"About 1,000 migrants crossed the Channel on Friday. " * 20000
        while fh.tell() < 50 * 1024 * 1024:
            fh.write(chunk)
    r = run_cli("extract", str(f), "--published", "2025-09-19", tmp=tmp_path)
    assert r.returncode == 1 and "Traceback" not in r.stderr and "split it into articles" in r.stderr


def test_a_built_file_failing_its_schema_is_named_as_built(published, data, monkeypatch):
    """Were a written file to fail frictionless (a writer bug), the error names it as built, not
    in the temporary folder the failed build removes."""
    from uk_small_boats import pipeline
    real = pipeline.write_csv

    def broken(df, spec, path):
        real(df, spec, path)
        if spec.name == "actors":
            with open(path, "a", encoding="utf-8") as f:
                f.write("x" * 3 + "\n")
    monkeypatch.setattr(pipeline, "write_csv", broken)
    err = fails(published, data)
    assert err.file == "data/actors.csv as built (not published)" and ".tmp-" not in str(err)


def test_a_record_high_claim_after_the_series_is_not_checkable(data, tmp_path):
    """A curated record-high claim dated after the last official day (an article of today) is
    published as not_checkable with a plain explanation; it stopped the build in claim_checks."""
    import datetime as dt

    from uk_small_boats.official.ods import read_series
    last = read_series(ODS).daily["date"].max()
    day = min(last + dt.timedelta(days=3), dt.date.today())
    claims, sources = data / "claims.csv", data / "sources.csv"
    rows = list(csv.DictReader(claims.open(encoding="utf-8")))
    row = next(i for i, r in enumerate(rows, start=2) if r["assertion"] == "record_high")
    cid, sid = rows[row - 2]["claim_id"], rows[row - 2]["source_id"]
    edit(claims, row, "period_start", str(day))
    edit(claims, row, "period_end", str(day))
    srow = next(i for i, r in enumerate(csv.DictReader(sources.open(encoding="utf-8")), start=2)
                if r["source_id"] == sid)
    edit(sources, srow, "published_date", str(day))
    out = tmp_path / "out"
    build(out, data_dir=data)
    check = next(r for r in csv.DictReader((out / "data" / "claim_checks.csv").open(encoding="utf-8"))
                 if r["claim_id"] == cid)
    assert (check["verdict"], check["rule"], check["assertion_holds"]) == ("not_checkable", "outside_series", "")
    assert "The series covers" in check["explanation"] and "nan" not in check["explanation"]


def test_missing_data_file(published, data):
    (data / "funding.csv").unlink()
    err = fails(published, data)
    assert err.rule == "input-present" and err.file.endswith("funding.csv")


def test_table_emptied_to_its_header_needs_confirming(published, data):
    path = data / "funding.csv"
    path.write_text(path.read_text(encoding="utf-8").splitlines()[0] + "\n", encoding="utf-8")
    err = fails(published, data)
    assert (err.rule, err.file) == ("row-count-drop", str(path))
    assert "funding has 0 rows, the previous build had 3" in str(err) and "--allow-row-drop" in str(err)
    report = build(published, data_dir=data, allow_row_drop=True)
    assert report["rows"]["funding"] == 0
