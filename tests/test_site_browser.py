"""The built site in a real browser: Debian's Chromium driven by Playwright, served on localhost."""

import functools
import http.server
import os
import shutil
import subprocess
import threading
import time
from pathlib import Path
from urllib.parse import urlparse

import duckdb
import pytest

from uk_small_boats.pipeline import build
from uk_small_boats.paths import REPO

pytestmark = pytest.mark.browser
CHROMIUM = Path("/usr/bin/chromium")
SCREENSHOTS = REPO / "screenshots"  # not inside build/: --out replaces only a previous build
ARGS = ["--no-sandbox", "--headless", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--no-first-run", "--disable-sync", "--disable-quic"]


def ensure_chromium() -> Path:
    """Install Debian's chromium when it is missing (no browser downloads work here)."""
    if not CHROMIUM.exists() and shutil.which("apt-get") and os.geteuid() == 0:
        env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
        subprocess.run(["apt-get", "update", "-qq"], check=False, env=env, capture_output=True)
        subprocess.run(["apt-get", "install", "-y", "-qq", "chromium"], check=False, env=env, capture_output=True)
    if not CHROMIUM.exists():
        if os.environ.get("CI"):
            pytest.fail("Debian's chromium could not be installed for the browser tests")
        pytest.skip("no /usr/bin/chromium and it cannot be installed here")
    return CHROMIUM


class Handler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map,
                      ".mjs": "text/javascript", ".js": "text/javascript", ".wasm": "application/wasm",
                      ".json": "application/json", ".parquet": "application/octet-stream"}

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    if not (REPO / "node_modules" / "@duckdb" / "duckdb-wasm").is_dir():
        subprocess.run(["npm", "ci", "--no-audit", "--no-fund"], cwd=REPO, check=True)
    out = tmp_path_factory.mktemp("sitebuild") / "build"
    t = time.perf_counter()
    build(out, site=True)
    print(f"\nsite build (whole build with site): {time.perf_counter() - t:.1f} s")
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Handler, directory=str(out / "site")))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield out, f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright
    path = ensure_chromium()
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(path), args=ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser, site):
    _, base = site
    ctx = browser.new_context(viewport={"width": 1280, "height": 900})
    pg = ctx.new_page()
    pg.problems = []
    host = urlparse(base).netloc
    pg.on("console", lambda m: m.type == "error" and pg.problems.append(f"console: {m.text}"))
    pg.on("pageerror", lambda e: pg.problems.append(f"pageerror: {e}"))
    pg.on("requestfailed", lambda r: pg.problems.append(f"failed: {r.url} {r.failure}"))
    pg.on("request", lambda r: urlparse(r.url).scheme in ("http", "https") and urlparse(r.url).netloc != host
          and pg.problems.append(f"outside origin: {r.url}"))
    yield pg
    ctx.close()


def shot(pg, name):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    pg.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=False)


def test_every_page_loads_cleanly(site, page):
    out, base = site
    pages = sorted(p.relative_to(out / "site").as_posix() for p in (out / "site").rglob("*.html")
                   if p.name != "404.html")
    assert len(pages) > 25
    for rel in pages:
        page.goto(base + rel, wait_until="networkidle")
        assert page.locator("h1").count() >= 1, rel
    assert page.problems == []


def test_chart_renders_marks(site, page):
    _, base = site
    page.goto(base + "charts.html", wait_until="networkidle")
    page.wait_for_selector("#chart-daily svg .mark-line path", timeout=20000)
    page.wait_for_selector("#chart-verdicts svg .mark-rect path", timeout=20000)
    assert page.locator("#chart-daily svg .mark-rect path").count() > 10  # claim periods
    assert page.locator("#sum-daily").inner_text().startswith("Daily people arrived")
    shot(page, "charts")
    assert page.problems == []


def test_sql_console_counts_claims(site, page):
    out, base = site
    con = duckdb.connect(str(out / "uk_small_boats.duckdb"), read_only=True)
    expected = con.execute("SELECT count(*) FROM claims").fetchall()[0][0]
    con.close()
    t = time.perf_counter()
    page.goto(base + "sql.html")
    page.wait_for_function("window.__firstQueryMs !== undefined", timeout=30000)
    wall = time.perf_counter() - t
    first = page.evaluate("window.__firstQueryMs")
    print(f"\nSQL console: first query result {first:.0f} ms after script start, {wall:.2f} s after navigation")
    assert page.locator("#result td").first.inner_text() == str(expected)
    page.fill("#sql", "SELECT verdict, count(*) AS n FROM claim_checks GROUP BY verdict ORDER BY verdict")
    page.click("#run")
    page.wait_for_function("document.querySelector('#status').textContent.includes('row(s)')")
    assert "match" in page.locator("#result").inner_text()
    page.fill("#sql", "COPY claims TO '/tmp/x.csv'; DROP TABLE claims;")
    page.click("#run")
    page.wait_for_timeout(500)
    page.reload()
    page.wait_for_function("window.__firstQueryMs !== undefined", timeout=30000)
    assert page.locator("#result td").first.inner_text() == str(expected)  # nothing persisted
    shot(page, "sql")
    assert page.problems == []


def test_source_page_shows_quote_and_verdict(site, page):
    _, base = site
    page.goto(base + "sources/bbc-2025-04-16.html", wait_until="networkidle")
    claim = page.locator(".claim", has_text="705 migrants in 12 boats").first
    assert claim.locator("mark").first.inner_text() == "705"
    assert claim.locator(".verdict").first.inner_text() == "match"
    page.goto(base + "sources/rewrite-of-bbc-2025-09-19.html", wait_until="networkidle")
    assert "Hundreds" in page.locator("table.side-by-side").inner_text()
    shot(page, "source-rewrite")
    assert page.problems == []


def test_claims_explorer_filters(site, page):
    _, base = site
    page.goto(base + "claims.html", wait_until="networkidle")
    total = page.locator("#claims-table tbody tr").count()
    page.select_option("#f-verdict", "match")
    matched = page.locator("#claims-table tbody tr").count()
    assert 0 < matched < total
    shot(page, "claims")
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


PAYLOAD = '<script>window.__xss=1</script><img src=x onerror="window.__xss=2"><b class="xss">'


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory):
    """A build whose source texts carry HTML and scripts (quotes are not re-verified without the
    archive, so the payload reaches the pages as it would from a hostile source)."""
    import csv
    from uk_small_boats.paths import DATA
    root = tmp_path_factory.mktemp("hostile")
    data = root / "data"
    shutil.copytree(DATA, data)
    for name, column in (("claims.csv", "quote"), ("evidence.csv", "quote"), ("sources.csv", "title")):
        rows = list(csv.DictReader((data / name).open(encoding="utf-8")))
        for r in rows[:3]:
            if column == "quote":
                r[column] = PAYLOAD + r[column][len(PAYLOAD):] if len(r[column]) > len(PAYLOAD) else r[column]
            else:
                r[column] = PAYLOAD + " " + (r[column] or "")
        with (data / name).open("w", encoding="utf-8", newline="") as f:
            w = csv.DictWriter(f, fieldnames=list(rows[0]), lineterminator="\n")
            w.writeheader()
            w.writerows(rows)
    arc = root / "arc"
    arc.mkdir()
    shutil.copy(REPO / "archive" / "data_small_boats_time_series.ods", arc)
    out = root / "build"
    build(out, arc, archive_only=True, site=True, data_dir=data)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Handler, directory=str(out / "site")))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield out, f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


def test_source_text_is_escaped_on_every_page(hostile_site, browser):
    out, base = hostile_site
    pages = sorted(p.relative_to(out / "site").as_posix() for p in (out / "site").rglob("*.html"))
    ctx = browser.new_context()
    pg = ctx.new_page()
    shown = 0
    for rel in pages:
        pg.goto(base + rel, wait_until="networkidle")
        assert pg.evaluate("window.__xss") is None, rel
        assert pg.locator("b.xss").count() == 0, rel
        shown += "<script>window.__xss=1</script>" in pg.locator("body").inner_text()
    assert shown >= 3  # the payload is visible as text where quotes and titles are shown
    pg.goto(base + "claims.html", wait_until="networkidle")
    pg.click("input.md-search__input")
    pg.keyboard.type("xss")
    pg.wait_for_timeout(1500)
    assert pg.evaluate("window.__xss") is None and pg.locator("b.xss").count() == 0
    ctx.close()
