"""Curated text is inert on every page: a build whose free-text fields carry HTML, Markdown, attribute
lists, entity-escaped tags and comment openers, driven in Chromium. No dialog fires, no live element
or attribute comes from the data, the text shows as text, and the claims explorer lists every claim."""

from __future__ import annotations

import csv

import shutil

import pytest

from uk_small_boats.metadata.schemas import resources
from uk_small_boats.paths import DATA, REPO
from uk_small_boats.pipeline import build

from .conftest import new_page, serve

pytestmark = pytest.mark.browser

VECTORS = [
    " {: tabindex=1 autofocus onfocus=alert('attr_list') }",   # Markdown attr_list at the end of a heading
    "</title><script>alert('title')</script>",                  # escapes <title> after striptags
    "[x](javascript:alert('md-link'))",                         # a Markdown link
    "<!--<script>",                                             # empties a <script> holding JSON
    '<script>alert("script")</script><img src=x onerror=alert("img")><b class="xss">',
    '"><svg onload=alert("attr")>',                              # breaks out of an attribute
    "&lt;img src=x onerror=alert('entity')&gt;",               # un-escaped by a second pass
]
# Every vector at once, the attribute list last (it only works at the end of a line).
PAYLOAD = " ".join(VECTORS[1:]) + VECTORS[0]
OFFSET_FIELDS = {"quote", "original_quote"}  # their length is fixed by char offsets


def free_text_fields(spec) -> list[str]:
    """String fields with no pattern or enum that nothing refers to: what a curator types freely
    (ids without a pattern included, such as participant_id)."""
    keys = set()
    for s in resources():
        for fk in s.foreign_keys:
            fields = fk["fields"] if isinstance(fk["fields"], list) else [fk["fields"]]
            keys |= set(fields) if s.name == spec.name else set()
            if s.referenced_resource(fk) == spec.name:
                keys |= set(fk["reference"]["fields"] if isinstance(fk["reference"]["fields"], list)
                            else [fk["reference"]["fields"]])
    return [f["name"] for f in spec.fields if f["type"] == "string" and f["name"] not in keys
            and not {"pattern", "enum"} & set(f.get("constraints", {})) and f["name"] != "file_name"]


def poison(row: dict, field: str, vector: str) -> None:
    value = row[field]
    if not value:  # empty stays empty (some rules need a field absent)
        return
    if field in OFFSET_FIELDS:  # one vector, where it fits before the figure
        room = int(row["figure_start"]) - int(row["char_start"]) if row.get("figure_start") else len(value)
        if len(vector) <= room:  # same length, figure untouched
            row[field] = vector + value[len(vector):]
    elif field == "url":
        row[field] = "javascript:alert('url')"
    else:
        row[field] = value + " " + PAYLOAD


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory):
    root = tmp_path_factory.mktemp("hostile")
    data = root / "data"
    shutil.copytree(DATA, data)
    poisoned = 0
    for spec in resources():
        if spec.data_path is None:
            continue
        path = data / spec.data_path.name
        rows = list(csv.DictReader(path.open(encoding="utf-8")))
        fields = free_text_fields(spec)
        for i, r in enumerate(rows):
            for j, field in enumerate(fields):
                before = r[field]
                poison(r, field, VECTORS[(i + j) % len(VECTORS)])
                poisoned += r[field] != before
        with path.open("w", encoding="utf-8", newline="") as f:
            w = csv.DictWriter(f, fieldnames=list(rows[0]), lineterminator="\n")
            w.writeheader()
            w.writerows(rows)
    assert poisoned > 100
    arc = root / "arc"
    arc.mkdir()
    shutil.copy(REPO / "archive" / "data_small_boats_time_series.ods", arc)
    out = root / "build"
    build(out, arc, archive_only=True, site=True, data_dir=data)
    base, stop = serve(out / "site")
    yield out, base
    stop()


LIVE = r"""() => ({
  handlers: [...document.querySelectorAll('*')].flatMap(e => [...e.attributes].map(a => a.name))
               .filter(n => /^on/i.test(n)).length,
  xss: document.querySelectorAll('b.xss, svg[onload], img[onerror]').length,
  jsLinks: [...document.querySelectorAll('a[href]')].filter(a => /^\s*javascript:/i.test(a.getAttribute('href'))).length,
  autofocus: document.querySelectorAll('[autofocus]').length,
  scripts: [...document.scripts].filter(s => !s.type || /javascript|module/.test(s.type))
             .filter(s => /alert\(/.test(s.textContent)).length,
})"""


@pytest.fixture
def hostile_page(browser, hostile_site):
    with new_page(browser, hostile_site[1]) as pg:
        yield pg


CLEAN = {"handlers": 0, "xss": 0, "jsLinks": 0, "autofocus": 0, "scripts": 0}


def test_curated_text_is_inert_on_every_page(hostile_site, hostile_page):
    pg = hostile_page
    out, base = hostile_site
    pages = sorted(p.relative_to(out / "site").as_posix() for p in (out / "site").rglob("*.html"))
    shown = set()
    for rel in pages:
        pg.goto(base + rel, wait_until="load")
        pg.keyboard.press("Tab")  # focus handlers would fire here
        assert pg.evaluate(LIVE) == CLEAN, rel
        text = pg.locator("body").inner_text() + pg.title()
        shown |= {v for v in VECTORS if v.strip() in text}
    dialogs = [p for p in pg.problems if p.startswith("dialog")]
    assert dialogs == []
    # Every vector is visible as the text it is, somewhere (nothing was dropped or interpreted).
    assert shown == set(VECTORS)


def test_titles_stay_text_in_title_nav_and_heading(hostile_site, hostile_page):
    pg = hostile_page
    out, base = hostile_site
    sources = {r["source_id"]: r for r in csv.DictReader((out / "data" / "sources.csv").open(encoding="utf-8"))}
    checked = 0
    for sid, src in sources.items():
        if src["kind"] == "official" or not src["title"]:
            continue
        pg.goto(base + f"sources/{sid}.html", wait_until="load")
        assert pg.locator("h1").inner_text().strip() == src["title"].strip()
        assert src["title"].strip() in pg.title()
        assert pg.evaluate(LIVE) == CLEAN
        checked += 1
    assert checked >= 3 and [p for p in pg.problems if p.startswith("dialog")] == []


def test_claims_explorer_lists_every_claim_despite_hostile_quotes(hostile_site, hostile_page):
    pg = hostile_page
    out, base = hostile_site
    claims = list(csv.DictReader((out / "data" / "claims.csv").open(encoding="utf-8")))
    assert any("<!--<script>" in c["quote"] for c in claims)
    pg.goto(base + "claims.html?rows=all", wait_until="load")
    pg.wait_for_function(f"document.querySelectorAll('#claims-table tbody tr').length === {len(claims)}",
                         timeout=10000)
    assert [p for p in pg.problems if p.startswith(("dialog", "pageerror"))] == []


def test_search_results_are_text(hostile_site, hostile_page):
    pg = hostile_page
    _, base = hostile_site
    pg.goto(base + "index.html", wait_until="load")
    pg.click("input.md-search__input")
    for term in ("autofocus", "migrants", "France"):
        pg.keyboard.press("Control+A")
        pg.keyboard.type(term)
        pg.wait_for_selector(".md-search-result__item", timeout=15000)
        assert pg.evaluate(LIVE) == CLEAN, term
        if term == "autofocus":  # the attribute-list vector is found, and shown as text
            assert "onfocus=alert" in pg.locator(".md-search-result").inner_text()
    assert [p for p in pg.problems if p.startswith("dialog")] == []
