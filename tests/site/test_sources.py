"""Sources and the policy tables: an index, the Home Office series page, every evidence quote on its
source page, readable pages for policies, events, returns, funding and actors, titles not slugs."""

from __future__ import annotations

import re

import pandas as pd
import pytest

from .conftest import shot

pytestmark = pytest.mark.browser


def frame(site, name: str) -> pd.DataFrame:
    out, _ = site
    return pd.read_csv(out / "data" / f"{name}.csv", dtype=str, keep_default_na=False)


def test_sources_index_and_nav_use_titles_not_slugs(site, page):
    _, base = site
    sources = frame(site, "sources")
    page.goto(base + "sources/index.html", wait_until="load")
    links = page.locator("article table a")
    assert links.count() == len(sources)
    texts = links.all_inner_texts()
    assert not set(texts) & set(sources["source_id"])
    nav_texts = {t.strip() for t in page.locator(".md-nav__link").all_inner_texts()}
    assert not nav_texts & set(sources["source_id"])  # no source is listed by its id
    out, _ = site
    for sid in sources["source_id"]:  # each page's <title> and heading name the source, never by its id
        html = (out / "site" / "sources" / f"{sid}.html").read_text(encoding="utf-8")
        title = re.search(r"<title>(.*?)</title>", html, re.S).group(1)
        h1 = re.search(r"<h1[^>]*>(.*?)</h1>", html, re.S).group(1)
        assert sid not in title and sid not in h1, sid
    nav = page.locator(".md-nav__link", has_text="Unattributed rewrite")
    assert nav.count() >= 1  # the untitled rewrite is named by what it is
    assert page.problems == []


def test_home_office_series_has_its_page(site, page):
    _, base = site
    src = frame(site, "sources").query("kind == 'official'").iloc[0]
    daily = frame(site, "official_daily")
    page.goto(base + f"sources/{src['source_id']}.html", wait_until="load")
    text = page.locator("article").inner_text()
    assert src["sha256"] in text and f"{len(daily):,} days" in text
    last = pd.Timestamp(daily["date"].max()).strftime("%-d %B %Y")
    assert last in text
    assert "provisional operational data" in text  # the Home Office's own notes
    assert page.problems == []


def test_every_evidence_quote_is_on_its_source_page(site, page):
    _, base = site
    evidence = frame(site, "evidence")
    for sid, quotes in evidence.groupby("source_id"):
        page.goto(base + f"sources/{sid}.html", wait_until="load")
        for _, e in quotes.iterrows():
            block = page.locator(f"[id='{e['evidence_id']}']")
            assert block.count() == 1, e["evidence_id"]
            assert block.locator("blockquote").inner_text().strip() == e["quote"].strip()
    assert page.problems == []


def test_source_page_shows_quote_verdict_and_rewrite_differences(site, page):
    _, base = site
    page.goto(base + "sources/bbc-2025-04-16.html", wait_until="load")
    claim = page.locator(".claim", has_text="705 migrants in 12 boats").first
    assert claim.locator("mark").first.inner_text() == "705"
    assert claim.locator(".verdict").first.inner_text() == "match"
    assert claim.locator("a.report").count() == 1
    page.goto(base + "sources/rewrite-of-bbc-2025-09-19.html", wait_until="load")
    assert "Hundreds" in page.locator(".side-by-side table").inner_text()
    shot(page, "source-rewrite")
    assert page.problems == []


@pytest.mark.parametrize("name,page_file", [("policies", "policies.html"), ("events", "events.html"),
                                            ("returns", "returns.html"), ("funding", "funding.html"),
                                            ("actors", "actors.html")])
def test_policy_tables_read_as_pages_with_their_evidence(site, page, name, page_file):
    _, base = site
    rows = frame(site, name)
    evidence = frame(site, "evidence").set_index("evidence_id")
    key = rows.columns[0]
    page.goto(base + page_file, wait_until="load")
    for _, r in rows.iterrows():
        card = page.locator(f"section.record[id='{r[key]}']")
        assert card.count() == 1, r[key]
        if r.get("evidence_id"):
            assert evidence.loc[r["evidence_id"], "quote"].strip() in card.inner_text()
    assert page.problems == []


def test_references_between_policy_pages_are_links(site, page):
    _, base = site
    funding = frame(site, "funding").iloc[0]
    actors = frame(site, "actors").set_index("actor_id")
    page.goto(base + "funding.html", wait_until="load")
    link = page.locator(f"section.record[id='{funding['funding_id']}'] a", has_text=actors.loc[funding["payer_actor_id"], "name"])
    link.first.click()
    page.wait_for_load_state("load")
    assert page.url.endswith(f"actors.html#{funding['payer_actor_id']}")
    assert page.locator(f"section.record[id='{funding['payer_actor_id']}']").is_visible()
    assert page.problems == []
