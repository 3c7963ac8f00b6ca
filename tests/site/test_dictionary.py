"""The data dictionary: hashes of every published file, foreign keys both ways, coverage, the column
index and the relationship diagram."""

from __future__ import annotations

import hashlib
import json

import pytest

from uk_small_boats.metadata.schemas import resources

pytestmark = pytest.mark.browser


def sha(path) -> str:
    return "sha256:" + hashlib.sha256(path.read_bytes()).hexdigest()


def test_each_table_page_has_its_files_hashes_coverage_and_keys(site, page):
    out, base = site
    package = json.loads((out / "datapackage.json").read_text(encoding="utf-8"))
    specs = {s.name: s for s in resources()}
    referenced_by, references = {}, {}
    for s in specs.values():
        for fk in s.foreign_keys:
            referenced_by.setdefault(s.referenced_resource(fk), set()).add(s.name)
            references.setdefault(s.name, set()).add(s.referenced_resource(fk))
    for r in package["resources"]:
        page.goto(base + f"dictionary/{r['name']}.html", wait_until="load")
        text = page.locator("article").inner_text()
        assert r["hash"] in text and r["x-parquet"]["hash"] in text, r["name"]
        keys = page.locator("h2#foreign-keys + div")
        refs_in = {a.removesuffix(".html") for a in keys.locator("h3:has-text('Referenced by') + ul a").evaluate_all(
            "as => as.map(a => a.getAttribute('href'))")}
        assert refs_in == referenced_by.get(r["name"], set()), r["name"]
        refs_out = {a.removesuffix(".html") for a in keys.locator("h3:has-text('References') + ul a").evaluate_all(
            "as => as.map(a => a.getAttribute('href'))")}
        assert refs_out == references.get(r["name"], set()), r["name"]
        if any(f["type"] == "date" for f in specs[r["name"]].fields):
            assert "rows)" in page.locator("th:has-text('coverage') + td").inner_text(), r["name"]
    assert page.problems == []


def test_index_has_hashes_of_the_package_database_and_zip(site, page):
    out, base = site
    page.goto(base + "dictionary/index.html", wait_until="load")
    text = page.locator("article").inner_text()
    dl = out / "site" / "downloads"
    for name in ("datapackage.json", "uk_small_boats.duckdb", "uk-small-boats-datapackage.zip"):
        assert sha(dl / name) in text, name
    page.goto(base + "downloads.html", wait_until="load")
    assert sha(dl / "uk_small_boats.duckdb") in page.locator("article").inner_text()


def test_relationship_diagram_links_every_table_and_key(site, page):
    _, base = site
    specs = list(resources())
    pairs = {(s.name, s.referenced_resource(fk)) for s in specs for fk in s.foreign_keys
             if s.referenced_resource(fk) != s.name}
    page.goto(base + "dictionary/index.html", wait_until="load")
    svg = page.locator("svg.er-diagram")
    assert svg.locator("a").count() == len(specs)
    assert svg.locator("line").count() == len(pairs)
    svg.locator("a", has_text="claim_checks").click()
    page.wait_for_load_state("load")
    assert page.url.endswith("dictionary/claim_checks.html")
    assert page.problems == []


def test_column_index_lists_every_column_with_a_working_anchor(site, page):
    _, base = site
    page.goto(base + "dictionary/columns.html", wait_until="load")
    links = page.locator("article table tbody tr td:first-child a")
    assert links.count() == sum(len(s.fields) for s in resources())
    href = links.first.get_attribute("href")
    links.first.click()
    page.wait_for_load_state("load")
    anchor = href.split("#")[1]
    assert page.locator(f"[id='{anchor}']").count() == 1
