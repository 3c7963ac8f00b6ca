"""The claims explorer: every claim with its explanation and reading visible, units, periods sorted
by date, filters and search kept in the URL, keyboard-sortable headings, export of what is shown."""

from __future__ import annotations

import csv
import io
import json
from urllib.parse import parse_qs, urlparse

import pandas as pd
import pytest

from uk_small_boats.metadata.schemas import resource

from .conftest import AXE, shot
from .test_pages import AXE_RUN

pytestmark = pytest.mark.browser
ROWS = "#claims-table tbody tr"


@pytest.fixture(scope="module")
def claims(site) -> pd.DataFrame:
    out, _ = site
    c = pd.read_csv(out / "data" / "claims.csv", dtype=str, keep_default_na=False)
    k = pd.read_csv(out / "data" / "claim_checks.csv", dtype=str, keep_default_na=False)
    s = pd.read_csv(out / "data" / "sources.csv", dtype=str, keep_default_na=False)
    return c.merge(k, on="claim_id").merge(s[["source_id", "publisher"]], on="source_id")


def open_explorer(page, base, query: str = "?rows=all"):
    page.goto(base + "claims.html" + query, wait_until="load")
    page.wait_for_function("document.querySelector('#f-count').textContent !== ''")


def test_every_claim_is_listed_with_its_explanation_visible(site, page, claims):
    _, base = site
    open_explorer(page, base)
    assert page.locator(ROWS).count() == len(claims)
    for _, c in claims.iterrows():
        row = page.locator(f"tr#row-{c['claim_id']}")
        verdict = row.locator("td").nth(5)
        assert c["explanation"] in verdict.inner_text()  # shown, not only in a tooltip
        assert verdict.locator(".verdict").inner_text() == c["verdict"].replace("_", " ")
    shot(page, "claims")
    assert page.problems == []


def test_verdict_details_follow_the_schema(site, page, claims):
    """The rule, and the reading and period basis where the schemas have them, beside each verdict."""
    _, base = site
    fields = set(resource("claims").field_names) | set(resource("claim_checks").field_names)
    shown = [f for f in ("rule", "reading", "period_basis", "date_from_series") if f in fields]
    assert "rule" in shown
    open_explorer(page, base)
    c = claims.iloc[0]
    facts = page.locator(f"tr#row-{c['claim_id']} .verdict-facts").inner_text()
    for f in shown:
        if c.get(f):
            value = {"true": "yes", "false": "no"}.get(c[f], c[f].replace("_", " "))
            assert f"{f.replace('_', ' ')}: {value}" in facts
    box = page.locator(f"tr#row-{c['claim_id']} .all-fields")
    toggle = box.locator("button")
    assert toggle.get_attribute("aria-expanded") == "false" and box.locator("dt").count() == 0
    toggle.click()
    assert toggle.get_attribute("aria-expanded") == "true"
    listed = box.locator("dt").all_inner_texts()
    assert set(listed) == {f for f in fields if c.get(f, "") != ""}  # every column the schemas have


def test_drawn_rows_and_an_opened_claim_pass_axe(site, page):
    """The page survey runs axe on the explorer as loaded; here with a claim's fields open (the
    first page of rows: every row is built the same way)."""
    _, base = site
    open_explorer(page, base, "")
    page.locator(".fields-toggle").first.click()
    page.add_script_tag(path=str(AXE))
    assert page.evaluate(AXE_RUN) == []


def test_values_carry_their_units(site, page, claims):
    _, base = site
    open_explorer(page, base)
    for unit, mark in (("GBP", "£"), ("percent", "%"), ("people", "people"), ("boats", "boat")):
        mine = claims[claims["unit"] == unit]
        if len(mine):
            cell = page.locator(f"tr#row-{mine.iloc[0]['claim_id']} td").nth(2).inner_text()
            assert mark in cell, (unit, cell)


def test_filters_and_search_live_in_the_url(site, page, claims):
    _, base = site
    open_explorer(page, base)
    page.select_option("#f-verdict", "match")
    matched = (claims["verdict"] == "match").sum()
    assert 0 < page.locator(ROWS).count() == matched < len(claims)
    publisher = next(p for p in claims["publisher"] if " " in p)  # a name that is no source id's part
    page.select_option("#f-verdict", "")
    page.fill("#f-text", publisher.lower())
    expected = claims[claims["publisher"].str.lower().str.contains(publisher.lower())
                      | claims["quote"].str.lower().str.contains(publisher.lower())]
    assert page.locator(ROWS).count() == len(expected) > 0  # search covers the publisher
    query = parse_qs(urlparse(page.url).query)
    assert query["q"] == [publisher.lower()]
    page.reload(wait_until="load")
    assert page.locator("#f-text").input_value() == publisher.lower()
    assert page.locator(ROWS).count() == len(expected)
    open_explorer(page, base, "?verdict=match&sort=official&dir=desc&rows=all")
    assert page.locator("#f-verdict").input_value() == "match"
    assert page.locator(ROWS).count() == matched
    # the source and metric filters come back from the address too
    sid, metric = claims.groupby(["source_id", "metric"]).size().idxmax()
    open_explorer(page, base, f"?source={sid}&metric={metric}&rows=all")
    assert page.locator("#f-source").input_value() == sid and page.locator("#f-metric").input_value() == metric
    assert page.locator(ROWS).count() == ((claims["source_id"] == sid) & (claims["metric"] == metric)).sum()


def test_search_finds_a_source_by_its_title(site, page, claims):
    _, base = site
    sources = pd.read_csv(site[0] / "data" / "sources.csv", dtype=str, keep_default_na=False).set_index("source_id")
    sid = next(s for s in claims["source_id"] if sources.loc[s, "title"] and sources.loc[s, "title"].lower()
               not in " ".join(claims.loc[claims["source_id"] == s, "quote"]).lower())
    title = sources.loc[sid, "title"]
    open_explorer(page, base, "?rows=all")
    page.fill("#f-text", title)
    ids = {i.removeprefix("row-") for i in page.locator(ROWS).evaluate_all("rows => rows.map(r => r.id)")}
    assert ids >= set(claims.loc[claims["source_id"] == sid, "claim_id"])  # found by the title alone


def test_headings_sort_from_the_keyboard_and_periods_sort_by_date(site, page, claims):
    _, base = site
    open_explorer(page, base)
    button = page.locator("th[data-key=period] button")
    button.focus()
    page.keyboard.press("Enter")
    assert page.locator("th[data-key=period]").get_attribute("aria-sort") == "descending"
    ids = [i.removeprefix("row-") for i in page.locator(ROWS).evaluate_all("rows => rows.map(r => r.id)")]
    starts = list(claims.set_index("claim_id").loc[ids, "period_start"])
    dated = [s for s in starts if s]
    assert dated == sorted(dated, reverse=True) and starts == dated + [""] * (len(starts) - len(dated))  # undated last
    page.keyboard.press("Space")
    assert page.locator("th[data-key=period]").get_attribute("aria-sort") == "ascending"
    assert "sort=period" in page.url and "dir=asc" in page.url


def test_figures_sort_by_metric_then_numerically(site, page, claims):
    """Values sort as numbers (negative changes, decimals), not as text, within each metric."""
    _, base = site
    open_explorer(page, base, "?rows=all&sort=figure&dir=asc")
    ids = [i.removeprefix("row-") for i in page.locator(ROWS).evaluate_all("rows => rows.map(r => r.id)")]
    got = [(m, float(v)) for m, v in claims.set_index("claim_id").loc[ids, ["metric", "value"]].itertuples(index=False)]
    assert any(v < 0 for _, v in got) and any(v != int(v) for _, v in got)  # the cases text order gets wrong
    assert got == sorted(got)
    page.locator("th[data-key=figure] button").click()
    ids = [i.removeprefix("row-") for i in page.locator(ROWS).evaluate_all("rows => rows.map(r => r.id)")]
    assert [(m, float(v)) for m, v in claims.set_index("claim_id").loc[ids, ["metric", "value"]].itertuples(index=False)] \
        == sorted(got, reverse=True)


def test_export_gives_the_filtered_rows_with_every_field(site, page, claims):
    _, base = site
    open_explorer(page, base, "?verdict=match")  # drawn a page at a time: the export has every filtered row
    shown = int((claims["verdict"] == "match").sum())
    assert page.locator("#f-count").inner_text().startswith(f"{shown} of {len(claims)} claims")
    with page.expect_download() as d:
        page.click("#export-csv")
    rows = list(csv.DictReader(io.StringIO(open(d.value.path(), encoding="utf-8").read())))
    assert len(rows) == shown and {r["verdict"] for r in rows} == {"match"}
    assert set(rows[0]) == set(resource("claims").field_names) | set(resource("claim_checks").field_names)
    with page.expect_download() as d:
        page.click("#export-json")
    data = json.load(open(d.value.path(), encoding="utf-8"))
    assert len(data) == shown and isinstance(data[0]["value"], (int, float))


def test_each_claim_links_to_its_source_and_a_report(site, page, claims):
    _, base = site
    open_explorer(page, base)
    c = claims.iloc[0]
    row = page.locator(f"tr#row-{c['claim_id']}")
    report = row.locator("a.report").get_attribute("href")
    assert report.startswith("https://github.com/") and "/issues/new?" in report
    assert c["claim_id"] in parse_qs(urlparse(report).query)["title"][0]
    row.locator("td").first.locator("a").click()
    page.wait_for_load_state("load")
    assert page.url.endswith(f"sources/{c['source_id']}.html#{c['claim_id']}")
    assert page.locator(f"[id='{c['claim_id']}'] mark").first.inner_text() == c["figure_text"]


def test_a_long_list_is_drawn_a_page_at_a_time(site, page, claims):
    """The first render draws 100 rows; "Show more" adds 100, "Show all" the rest (kept in the URL)."""
    _, base = site
    if len(claims) <= 100:
        pytest.skip("fewer claims than a page")
    open_explorer(page, base, "")
    assert page.locator(ROWS).count() == 100
    assert f"{len(claims)} of {len(claims)} claims (showing the first 100)" == page.locator("#f-count").inner_text()
    page.click("#more")
    assert page.locator(ROWS).count() == min(200, len(claims))
    page.click("#all")
    assert page.locator(ROWS).count() == len(claims) and page.locator("#all").is_hidden()
    assert "rows=all" in page.url
    page.fill("#f-text", "zzzz-no-such-claim")
    assert page.locator(ROWS).count() == 0 and page.locator("#more").is_hidden()
