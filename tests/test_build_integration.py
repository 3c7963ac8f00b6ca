"""Build the whole package into a temp dir and query what was published."""

import json
import shutil

import duckdb
import pytest

from uk_small_boats.pipeline import build
from uk_small_boats.errors import PipelineError
from uk_small_boats.validate.package import validate_package

from .conftest import news_archive_present


def q(path, sql):
    con = duckdb.connect(str(path / "uk_small_boats.duckdb"), read_only=True)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


def test_known_yearly_totals(built):
    rows = dict(q(built, "SELECT year, people_arrived FROM official_yearly"))
    assert rows[2022] == 45_755
    assert rows[2024] == 36_816


def test_duckdb_has_keys_and_comments(built):
    cons = q(built, "SELECT table_name, constraint_type FROM duckdb_constraints() "
                    "WHERE constraint_type IN ('PRIMARY KEY', 'FOREIGN KEY')")
    assert ("official_daily", "PRIMARY KEY") in cons
    comments = q(built, "SELECT comment FROM duckdb_columns() WHERE table_name='official_daily' "
                        "AND column_name='people_arrived'")
    assert "Migrants arrived" in comments[0][0]


def test_dash_is_null_in_published_outputs(built):
    n_null = q(built, "SELECT count(*) FROM official_daily WHERE boats_uncontrolled IS NULL")[0][0]
    n_zero = q(built, "SELECT count(*) FROM official_daily WHERE boats_uncontrolled = 0")[0][0]
    assert n_null > 1000 and n_zero > 1000


def test_descriptor_hashes_and_validates(built):
    dp = json.loads((built / "datapackage.json").read_text())
    names = {r["name"] for r in dp["resources"]}
    assert {"sources", "official_daily", "official_weekly"} <= names
    for r in dp["resources"]:
        assert r["hash"].startswith("sha256:") and r["bytes"] > 0
        assert r["x-parquet"]["hash"].startswith("sha256:")
        assert all(f.get("description") for f in r["schema"]["fields"]), r["name"]
    lic = {r["name"]: r["licenses"][0]["name"] for r in dp["resources"]}
    assert lic["official_daily"] == "OGL-UK-3.0" and lic["sources"] == "CC-BY-4.0"
    validate_package(built / "datapackage.json", built, label="built")


def test_tampered_csv_fails_frictionless(built, tmp_path):
    copy = tmp_path / "b"
    shutil.copytree(built, copy)
    csv = copy / "data" / "official_daily.csv"
    csv.write_text(csv.read_text().replace("2022-06-01,", "2022-06-01x,", 1))
    with pytest.raises(PipelineError) as e:
        validate_package(copy / "datapackage.json", copy, label="tampered")
    assert "official_daily" in str(e.value)


def test_deterministic_outputs(built, tmp_path):
    again = tmp_path / "again"
    build(again)
    files = sorted(p.relative_to(built) for p in (built / "data").iterdir())
    files += [built.joinpath(name).relative_to(built) for name in ("datapackage.json", "uk_small_boats.duckdb")]
    for rel in files:
        assert (built / rel).read_bytes() == (again / rel).read_bytes(), rel


def test_failed_build_keeps_previous(built, tmp_path, monkeypatch):
    out = tmp_path / "out"
    shutil.copytree(built, out)
    before = {p.name: p.read_bytes() for p in (out / "data").iterdir()}
    from uk_small_boats import pipeline

    def boom(*a, **k):
        raise PipelineError("injected failure", rule="test")
    monkeypatch.setattr(pipeline, "write_duckdb", boom)
    with pytest.raises(PipelineError):
        build(out)
    assert {p.name: p.read_bytes() for p in (out / "data").iterdir()} == before
    assert not list(tmp_path.glob(".out.tmp-*"))


def test_build_without_news_texts(empty_archive, tmp_path):
    report = build(tmp_path / "b", empty_archive, archive_only=True)
    assert "bbc-2025-09-19" in report["archive"]["not_reverified"]
    assert report["archive"]["verified"] == ["homeoffice-small-boats-ts"]


def test_nonexistent_archive_dir_is_a_clear_error(tmp_path):
    with pytest.raises(PipelineError) as e:
        build(tmp_path / "b", tmp_path / "nope")
    assert e.value.rule == "archive-dir-exists"


@pytest.mark.skipif(not news_archive_present(), reason="news archive not beside the repo")
def test_changed_news_text_names_file_and_hashes(tmp_path):
    from .conftest import SHARED_ARCHIVE
    arc = tmp_path / "arc"
    shutil.copytree(SHARED_ARCHIVE, arc)
    f = arc / "002_9223fa14c5c78315.txt"
    f.chmod(0o644)
    text = f.read_text()
    f.write_text(text.replace("705", "706", 1))
    with pytest.raises(PipelineError) as e:
        build(tmp_path / "b", arc)
    msg = str(e.value)
    assert e.value.rule == "archive-sha256" and "002_9223fa14c5c78315.txt" in msg
    assert "11fb25eb190561608b384d024a8dc48d7d77173e70c7064279e445d96a6d3db6" in msg


def test_duckdb_identifier_is_derived_from_the_contents(built, tmp_path):
    """The header edit recognises the layout this DuckDB writes, is idempotent, and leaves a header
    it does not recognise alone."""
    from uk_small_boats.publish.duckdb_db import stable_identifier
    db = tmp_path / "copy.duckdb"
    shutil.copy(built / "uk_small_boats.duckdb", db)
    assert stable_identifier(db)
    assert db.read_bytes() == (built / "uk_small_boats.duckdb").read_bytes()
    odd = bytearray(db.read_bytes())
    odd[200] ^= 1  # inside the header: its checksum no longer matches
    db.write_bytes(bytes(odd))
    assert not stable_identifier(db) and db.read_bytes() == bytes(odd)
