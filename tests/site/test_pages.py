"""Every page of the built site in a real browser: loads cleanly, fits a phone, passes axe-core,
carries its dates, and the 404 page works where the site is deployed.

Each page is visited once (``survey``) and what the tests need is recorded, so that adding a check
does not add a pass over the whole site.
"""

from __future__ import annotations

import re

import pytest

from .conftest import AXE, new_page, shot

pytestmark = pytest.mark.browser
PHONE = 390
AXE_RUN = ("async () => (await axe.run(document, {resultTypes: ['violations']})).violations"
           ".filter(v => ['serious', 'critical'].includes(v.impact))"
           ".map(v => v.id + ': ' + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(' | '))")
TABLES = r"""() => {
  const root = parseFloat(getComputedStyle(document.documentElement).fontSize);
  const tables = [...document.querySelectorAll('article table')];
  return {
    tables: tables.length,
    unstyled: tables.filter(t => Math.abs(parseFloat(getComputedStyle(t).fontSize) / root - 0.64) > 0.01)
                    .map(t => t.outerHTML.slice(0, 80)),
    broken: [...document.querySelectorAll('article td code:not(.hash)')]
              .filter(c => !/\s/.test(c.textContent) && c.getClientRects().length > 1).map(c => c.textContent),
  };
}"""


# Key/value tables (a <th scope=row> per row) that scroll sideways on a phone: their values would
# be cut off at the edge of the screen.
KV_SCROLL = r"""() => [...document.querySelectorAll('article table')]
  .filter(t => t.querySelector('th[scope=row]'))
  .filter(t => { const w = t.closest('.md-typeset__scrollwrap') || t; return w.scrollWidth > w.clientWidth + 1 || t.scrollWidth > t.clientWidth + 1; })
  .map(t => t.querySelector('th[scope=row]').textContent)"""


# Tables that scroll sideways on a desktop (1280 px), other than a table's example rows (one
# column per field): a description cut off at the right edge.
DESKTOP_SCROLL = r"""() => [...document.querySelectorAll('article .md-typeset__scrollwrap')]
  .filter(w => !w.closest('.examples') && w.scrollWidth > w.clientWidth + 1)
  .map(w => (w.querySelector('th') || {}).textContent + ' +' + (w.scrollWidth - w.clientWidth) + ' px')"""


def real_problems(problems: list[str]) -> list[str]:
    # A request cut off by navigating to the next page is not a fault of the page.
    return [p for p in problems if "net::ERR_ABORTED" not in p]


@pytest.fixture(scope="module")
def survey(site, site_pages, browser) -> dict[str, dict]:
    _, base = site
    facts = {}
    with new_page(browser, base) as pg:
        survey_pages(pg, base, site_pages, facts)
    return facts


def survey_pages(pg, base: str, site_pages: list[str], facts: dict) -> None:
    for rel in site_pages + ["404"]:
        pg.problems.clear()
        if rel == "404":
            pg.goto(base + "missing.html", wait_until="load")
        else:
            pg.goto(base + rel, wait_until="load")
        if rel == "sql.html":  # let the engine load: its requests belong to this page
            pg.wait_for_function("document.querySelector('#sql-app').dataset.state !== 'loading'", timeout=60000)
        f = {"h1": pg.locator("h1").count(), "footer": pg.locator("footer").inner_text(), "tables": pg.evaluate(TABLES),
             "desktop_scroll": pg.evaluate(DESKTOP_SCROLL)}
        pg.add_script_tag(path=str(AXE))
        f["axe"] = pg.evaluate(AXE_RUN)
        pg.set_viewport_size({"width": PHONE, "height": 844})
        f["phone_width"] = pg.evaluate("document.documentElement.scrollWidth")
        f["phone_kv_scroll"] = pg.evaluate(KV_SCROLL)
        pg.set_viewport_size({"width": 1280, "height": 900})
        f["problems"] = real_problems([p for p in pg.problems if not (rel == "404" and "missing.html" in p)])
        facts[rel] = f


def test_every_page_loads_cleanly(survey):
    assert len(survey) > 30
    assert {rel: f["problems"] for rel, f in survey.items() if f["problems"]} == {}
    assert {rel: f["h1"] for rel, f in survey.items() if f["h1"] != 1} == {}


def test_no_page_is_wider_than_a_phone(survey):
    assert {rel: f["phone_width"] for rel, f in survey.items() if f["phone_width"] > PHONE} == {}


def test_tables_fit_a_desktop_without_scrolling(survey):
    assert {rel: f["desktop_scroll"] for rel, f in survey.items() if f["desktop_scroll"]} == {}


def test_key_value_tables_fit_a_phone_without_scrolling(survey):
    assert {rel: f["phone_kv_scroll"] for rel, f in survey.items() if f["phone_kv_scroll"]} == {}


def test_tables_are_styled_and_identifiers_do_not_break(survey):
    pages = [rel for rel in survey if rel.startswith("dictionary/")] + ["verdict-rules.html", "downloads.html"]
    for rel in pages:
        t = survey[rel]["tables"]
        assert t["tables"] > 0, rel
        assert t["unstyled"] == [], rel
        assert t["broken"] == [], rel


def test_axe_finds_no_serious_or_critical_violation(survey):
    assert {rel: f["axe"] for rel, f in survey.items() if f["axe"]} == {}


def test_every_page_shows_the_build_and_data_to_dates(survey):
    for rel, f in survey.items():
        assert re.search(r"Built \d{1,2} \w+ \d{4}", f["footer"]), rel
        assert re.search(r"Data to \d{1,2} \w+ \d{4}", f["footer"]), rel
        assert "Cite this dataset" in f["footer"] and "Report a wrong verdict" in f["footer"], rel


def test_404_page_works_under_the_deploy_subpath(site, page):
    _, base = site
    missing = base + "no/such/deep/page.html"
    resp = page.goto(missing, wait_until="networkidle")
    assert resp.status == 404
    # Styled by the theme (its stylesheet loaded from the deploy prefix), with links that work.
    assert page.evaluate("getComputedStyle(document.querySelector('.md-header')).position") in ("sticky", "fixed")
    assert "404" in page.locator("h1").inner_text()
    page.locator("article a", has_text="Claims explorer").click()
    page.wait_for_load_state("load")
    assert page.url == base + "claims.html"
    assert page.locator("h1").first.inner_text() == "Claims explorer"
    # The only failed load is the missing page itself.
    assert [p for p in real_problems(page.problems) if not p.endswith(f"at {missing}")] == []


def test_citation_files_are_published(site, page):
    _, base = site
    for rel in ("CITATION.cff", "uk_small_boats.bib"):
        resp = page.request.get(base + rel)
        assert resp.ok, rel
    assert "cff-version" in page.request.get(base + "CITATION.cff").text()
    page.goto(base + "cite.html")
    bib = page.locator("pre code").first.inner_text()
    assert bib.startswith("@misc{") and "title = {{UK small boats" in bib and "version = {" in bib
    assert page.locator("footer a", has_text="CITATION.cff").count() == 1
    assert page.problems == []


def test_search_finds_a_term(site, page):
    _, base = site
    page.goto(base + "index.html", wait_until="networkidle")
    page.click("input.md-search__input")
    page.keyboard.type("Lancaster")
    page.wait_for_selector(".md-search-result__item", timeout=15000)
    assert page.locator(".md-search-result__item").count() >= 1
    shot(page, "search")
    page.goto(base + "index.html", wait_until="networkidle")
    shot(page, "home")
    assert page.problems == []
