"""The built site served as it is deployed (under the path of mkdocs.yml's site_url, with 404.html
for every missing path, as GitHub Pages does) to Debian's Chromium driven by Playwright."""

from __future__ import annotations

import contextlib
import subprocess
import time
from pathlib import Path
from urllib.parse import urlparse

import pytest

from uk_small_boats.paths import REPO
from uk_small_boats.pipeline import build
from uk_small_boats.site.serve import CHROMIUM, CHROMIUM_ARGS, SiteServer

AXE = REPO / "node_modules" / "axe-core" / "axe.min.js"


SERVED: dict[str, list[tuple[str, int]]] = {}  # base URL -> (path, bytes sent) for each file served


def serve(root: Path):
    """Start a server for ``root`` under the deploy prefix; returns (base URL, shutdown)."""
    server = SiteServer(root)
    SERVED[server.base] = server.log
    return server.base, server.stop


def ensure_node_modules() -> None:
    if not (REPO / "node_modules" / "@duckdb" / "duckdb-wasm").is_dir() or not AXE.is_file():
        subprocess.run(["npm", "ci", "--no-audit", "--no-fund"], cwd=REPO, check=True)


def ensure_chromium() -> Path:
    """Debian's chromium, which the set-up installs (`make test`: no browser downloads work here)."""
    if not CHROMIUM.exists():
        pytest.fail(f"no browser at {CHROMIUM}: the browser tests drive Debian's chromium; `make test` installs "
                    f"it (or: sudo apt-get install -y chromium)")
    return CHROMIUM


@pytest.fixture(scope="session")
def site(tmp_path_factory):
    """(build dir, base URL) of one full build with the site, served under its deploy prefix."""
    ensure_node_modules()
    out = tmp_path_factory.mktemp("sitebuild") / "build"
    t = time.perf_counter()
    build(out, site=True)
    print(f"\nsite build (whole build with site): {time.perf_counter() - t:.1f} s")
    base, stop = serve(out / "site")
    yield out, base
    stop()


@pytest.fixture(scope="session")
def site_pages(site) -> list[str]:
    out, _ = site
    return sorted(p.relative_to(out / "site").as_posix() for p in (out / "site").rglob("*.html")
                  if p.name != "404.html")


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright
    path = ensure_chromium()
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(path), args=CHROMIUM_ARGS)
        yield b
        b.close()


def watch(pg, base: str) -> None:
    """Collect everything that should not happen on a page into pg.problems."""
    pg.problems = []
    host = urlparse(base).netloc
    pg.on("console", lambda m: m.type == "error" and pg.problems.append(f"console: {m.text} at {m.location.get('url')}"))
    pg.on("pageerror", lambda e: pg.problems.append(f"pageerror: {e}"))
    # A request cut off by navigating to the next page (net::ERR_ABORTED, as a favicon still loading)
    # is not a fault of the page; a missing file is still caught, as a 404 on the console.
    pg.on("requestfailed", lambda r: r.failure != "net::ERR_ABORTED"
          and pg.problems.append(f"failed: {r.url} {r.failure}"))
    pg.on("request", lambda r: urlparse(r.url).scheme in ("http", "https") and urlparse(r.url).netloc != host
          and pg.problems.append(f"outside origin: {r.url}"))
    pg.on("dialog", lambda d: (pg.problems.append(f"dialog: {d.message}"), d.dismiss()))


@contextlib.contextmanager
def new_page(browser, base: str):
    """A page in a fresh context (nothing cached), desktop-sized, watched for problems."""
    ctx = browser.new_context(viewport={"width": 1280, "height": 900}, accept_downloads=True)
    pg = ctx.new_page()
    watch(pg, base)
    try:
        yield pg
    finally:
        ctx.close()


@pytest.fixture
def page(browser, site):
    with new_page(browser, site[1]) as pg:
        yield pg


SCREENSHOTS = REPO / "build" / "screenshots"


def shot(pg, name: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    pg.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=False)
