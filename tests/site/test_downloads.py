"""The published Data Package opens where it is published and after saving the folder, and the
Downloads page's own snippets work."""

from __future__ import annotations

import json
import subprocess
import sys
import urllib.request
from pathlib import Path

import pytest

from .conftest import shot


def frictionless_validate(target: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "frictionless", "validate", target],
                          capture_output=True, text=True, cwd=cwd, timeout=300)


def fetch(url: str) -> bytes:
    with urllib.request.urlopen(url, timeout=30) as r:
        return r.read()


@pytest.fixture(scope="module")
def saved(site, tmp_path_factory) -> Path:
    """The Data Package folder saved from the site: datapackage.json and every file it names."""
    _, base = site
    url = base + "downloads/datapackage.json"
    folder = tmp_path_factory.mktemp("saved")
    (folder / "datapackage.json").write_bytes(fetch(url))
    package = json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))
    for r in package["resources"]:
        for rel in (r["path"], r["x-parquet"]["path"]):
            (folder / rel).parent.mkdir(parents=True, exist_ok=True)
            (folder / rel).write_bytes(fetch(url.rsplit("/", 1)[0] + "/" + rel))
    return folder


def test_datapackage_validates_from_its_url(site):
    _, base = site
    res = frictionless_validate(base + "downloads/datapackage.json")
    assert res.returncode == 0, res.stdout[-3000:] + res.stderr[-2000:]
    assert "VALID" in res.stdout.upper() and "INVALID" not in res.stdout.upper()


def test_datapackage_validates_after_saving_the_folder(saved):
    res = frictionless_validate("datapackage.json", cwd=saved)
    assert res.returncode == 0, res.stdout[-3000:] + res.stderr[-2000:]


def test_saved_files_match_their_recorded_hashes(saved, site):
    import hashlib
    package = json.loads((saved / "datapackage.json").read_text(encoding="utf-8"))
    for r in package["resources"]:
        for entry in (r, r["x-parquet"]):
            data = (saved / entry["path"]).read_bytes()
            assert entry["hash"] == "sha256:" + hashlib.sha256(data).hexdigest(), entry["path"]
            assert entry["bytes"] == len(data)


def test_zip_is_the_package_folder(site, tmp_path):
    import zipfile
    _, base = site
    (tmp_path / "p.zip").write_bytes(fetch(base + "downloads/uk-small-boats-datapackage.zip"))
    with zipfile.ZipFile(tmp_path / "p.zip") as z:
        z.extractall(tmp_path / "p")
    res = frictionless_validate("datapackage.json", cwd=tmp_path / "p")
    assert res.returncode == 0, res.stdout[-3000:]


@pytest.mark.browser
def test_downloads_page_shows_tabs_not_markdown_and_its_python_snippet_runs(site, page, saved):
    _, base = site
    page.goto(base + "downloads.html")
    text = page.locator("article").inner_text()
    assert '=== "' not in text and "```" not in text
    labels = page.locator(".tabbed-labels label")
    assert [labels.nth(i).inner_text() for i in range(labels.count())][:2] == ["Python", "R"]
    # The Python tab's code, run where the folder (and the DuckDB file, as it says) was saved.
    code = page.locator(".tabbed-block").first.locator("code").inner_text()
    (saved / "snippet.py").write_text(code, encoding="utf-8")
    (saved / "uk_small_boats.duckdb").write_bytes(fetch(base + "downloads/uk_small_boats.duckdb"))
    res = subprocess.run([sys.executable, "snippet.py"], cwd=saved, capture_output=True, text=True, timeout=120)
    assert res.returncode == 0, res.stdout[-2000:] + res.stderr[-2000:]
    assert "valid: True" in res.stdout
    shot(page, "downloads")
    assert page.problems == []
