"""`validate` proves every published file: its sha256, and that it opens (Parquet, DuckDB, CSV)."""

import hashlib
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from uk_small_boats.errors import PipelineError
from uk_small_boats.paths import REPO
from uk_small_boats.validate.built import verify_build

from .conftest import ODS


@pytest.fixture
def copy(built, tmp_path) -> Path:
    out = tmp_path / "b"
    shutil.copytree(built, out)
    return out


def cli(*args):
    return subprocess.run([sys.executable, "-m", "uk_small_boats.cli", *args], cwd=REPO,
                          capture_output=True, text=True, timeout=120)


def flip(path: Path, at: int) -> None:
    data = bytearray(path.read_bytes())
    data[at] ^= 0xFF
    path.write_bytes(bytes(data))


def test_a_good_build_is_valid(copy):
    verify_build(copy)
    r = cli("validate", "--out", str(copy))
    assert r.returncode == 0 and "valid" in r.stdout


@pytest.mark.parametrize("rel", ["data/claims.parquet", "data/official_daily.parquet", "data/claims.csv",
                                 "uk_small_boats.duckdb"])
def test_a_changed_byte_is_caught(copy, rel):
    path = copy / rel
    flip(path, path.stat().st_size // 2)
    with pytest.raises(PipelineError) as e:
        verify_build(copy)
    assert (e.value.file, e.value.rule) == (str(path), "sha256")


def test_truncated_duckdb_is_caught_by_the_cli(copy):
    db = copy / "uk_small_boats.duckdb"
    db.write_bytes(db.read_bytes()[: db.stat().st_size // 2])
    r = cli("validate", "--out", str(copy))
    assert r.returncode == 1 and "Traceback" not in r.stderr and str(db) in r.stderr


def rehash(entry: dict, path: Path) -> None:
    data = path.read_bytes()
    entry.update(hash="sha256:" + hashlib.sha256(data).hexdigest(), bytes=len(data))


def test_parquet_that_matches_its_recorded_hash_but_does_not_open(copy):
    """Hash and opening are separate proofs: a descriptor rewritten to fit a broken file still fails."""
    pq_path = copy / "data" / "claims.parquet"
    pq_path.write_bytes(b"PAR1 this is not a parquet file PAR1")
    dp = json.loads((copy / "datapackage.json").read_text(encoding="utf-8"))
    rehash(next(r for r in dp["resources"] if r["name"] == "claims")["x-parquet"], pq_path)
    (copy / "datapackage.json").write_text(json.dumps(dp), encoding="utf-8")
    with pytest.raises(PipelineError) as e:
        verify_build(copy)
    assert (e.value.file, e.value.rule) == (str(pq_path), "parquet-readable")


def test_duckdb_that_matches_its_recorded_hash_but_does_not_open(copy):
    db = copy / "uk_small_boats.duckdb"
    db.write_bytes(db.read_bytes()[:8192])
    report = json.loads((copy / "build_report.json").read_text(encoding="utf-8"))
    rehash(report["duckdb"], db)
    (copy / "build_report.json").write_text(json.dumps(report), encoding="utf-8")
    with pytest.raises(PipelineError) as e:
        verify_build(copy)
    assert (e.value.file, e.value.rule) == (str(db), "duckdb-readable")


@pytest.mark.parametrize("key, ref", [("schema", "http://127.0.0.1:9/schema.json"),
                                      ("dialect", "http://127.0.0.1:9/dialect.json"),
                                      ("schema", "/etc/passwd")])
def test_validate_follows_no_reference_out_of_the_build(copy, key, ref):
    """A doctored descriptor must not make validate fetch a URL or read a file outside the build
    (frictionless would): schemas and dialects are inline in every build."""
    dp = json.loads((copy / "datapackage.json").read_text(encoding="utf-8"))
    dp["resources"][1][key] = ref
    (copy / "datapackage.json").write_text(json.dumps(dp), encoding="utf-8")
    with pytest.raises(PipelineError) as e:
        verify_build(copy)
    assert (e.value.file, e.value.rule) == (str(copy / "datapackage.json"), "descriptor-inline")


def test_missing_published_file(copy):
    (copy / "data" / "events.parquet").unlink()
    with pytest.raises(PipelineError) as e:
        verify_build(copy)
    assert (e.value.file, e.value.rule) == (str(copy / "data" / "events.parquet"), "file-present")


def test_check_verifies_the_ods_against_the_registry(tmp_path):
    """A doctored series (here: bytes appended, which the spreadsheet reader ignores) is refused."""
    arc = tmp_path / "arc"
    arc.mkdir()
    (arc / ODS.name).write_bytes(ODS.read_bytes() + b"\0" * 64)
    article = REPO / "tests" / "data" / "article_2025-04-16.txt"
    r = cli("check", str(article), "--published", "2024-08-12", "--archive", str(arc))
    assert r.returncode == 1 and "Traceback" not in r.stderr
    assert "archive-sha256" in r.stderr and str(arc / ODS.name) in r.stderr
