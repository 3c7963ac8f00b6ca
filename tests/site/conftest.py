"""The built site served as it is deployed: under the sub-path of mkdocs.yml's site_url, with
404.html for every missing path (as GitHub Pages does), to Debian's Chromium driven by Playwright."""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import subprocess
import threading
import time
from pathlib import Path
from urllib.parse import unquote, urlparse

import pytest
import yaml

from uk_small_boats.paths import REPO
from uk_small_boats.pipeline import build

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--no-sandbox", "--headless", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--no-first-run", "--disable-sync", "--disable-quic"]
AXE = REPO / "node_modules" / "axe-core" / "axe.min.js"


def deploy_prefix() -> str:
    """The path the site is deployed under ("/uk-small-boats/"); "/sub/path/" when none is set,
    so that the tests never see a site served from the server's root by accident."""
    url = yaml.safe_load((REPO / "mkdocs.yml").read_text(encoding="utf-8")).get("site_url") or ""
    path = urlparse(url).path or "/sub/path/"
    return path if path.endswith("/") else path + "/"


SERVED: dict[str, list[tuple[str, int]]] = {}  # base URL -> (path, bytes sent) for each file served


class SiteHandler(http.server.SimpleHTTPRequestHandler):
    """Files of ``directory`` under ``prefix``; anything else is 404 with the site's 404.html."""

    prefix = "/"
    log: list[tuple[str, int]] = []
    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map,
                      ".mjs": "text/javascript", ".js": "text/javascript", ".wasm": "application/wasm",
                      ".json": "application/json", ".gz": "application/gzip",
                      ".parquet": "application/vnd.apache.parquet", ".cff": "text/plain"}

    def translate_path(self, path):
        path = unquote(urlparse(path).path)
        if not path.startswith(self.prefix):
            return os.path.join(self.directory, ".outside-the-deploy-prefix")
        return super().translate_path("/" + path[len(self.prefix):])

    def send_error(self, code, message=None, explain=None):
        page = Path(self.directory) / "404.html"
        if code != 404 or not page.is_file():
            return super().send_error(code, message, explain)
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def copyfile(self, source, outputfile):
        start = source.tell()
        super().copyfile(source, outputfile)
        self.log.append((urlparse(self.path).path, source.tell() - start))

    def log_message(self, *args):
        pass


def serve(root: Path):
    """Start a server for ``root``; returns (base URL, shutdown)."""
    prefix = deploy_prefix()
    handler = type("Handler", (SiteHandler,), {"prefix": prefix, "log": []})
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(root)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}{prefix}"
    SERVED[base] = handler.log
    return base, server.shutdown


def ensure_node_modules() -> None:
    if not (REPO / "node_modules" / "@duckdb" / "duckdb-wasm").is_dir() or not AXE.is_file():
        subprocess.run(["npm", "ci", "--no-audit", "--no-fund"], cwd=REPO, check=True)


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
        b = p.chromium.launch(executable_path=str(path), args=ARGS)
        yield b
        b.close()


def watch(pg, base: str) -> None:
    """Collect everything that should not happen on a page into pg.problems."""
    pg.problems = []
    host = urlparse(base).netloc
    pg.on("console", lambda m: m.type == "error" and pg.problems.append(f"console: {m.text} at {m.location.get('url')}"))
    pg.on("pageerror", lambda e: pg.problems.append(f"pageerror: {e}"))
    pg.on("requestfailed", lambda r: pg.problems.append(f"failed: {r.url} {r.failure}"))
    pg.on("request", lambda r: urlparse(r.url).scheme in ("http", "https") and urlparse(r.url).netloc != host
          and pg.problems.append(f"outside origin: {r.url}"))
    pg.on("dialog", lambda d: (pg.problems.append(f"dialog: {d.message}"), d.dismiss()))


@pytest.fixture
def page(browser, site):
    _, base = site
    ctx = browser.new_context(viewport={"width": 1280, "height": 900}, accept_downloads=True)
    pg = ctx.new_page()
    watch(pg, base)
    yield pg
    ctx.close()


SCREENSHOTS = REPO / "build" / "screenshots"


def shot(pg, name: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    pg.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=False)
