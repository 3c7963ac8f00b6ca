"""Site figures (printed, not asserted), in headless Chromium, each run in a fresh browser context
(nothing cached): the claims explorer's first render with every claim (issue 17: under 1 s), and
the SQL console's time to the first result and bytes transferred over localhost and over an
emulated 50 Mbit/s link.

    .venv/bin/python bench/site.py [--site DIR] [--runs 3]

Without --site it builds the site into a temporary directory first.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from uk_small_boats.site.serve import CHROMIUM, CHROMIUM_ARGS, SiteServer  # noqa: E402

LINKS = {"localhost": None, "50 Mbit/s, 20 ms": {"offline": False, "latency": 20,
                                                   "downloadThroughput": 50e6 / 8, "uploadThroughput": 10e6 / 8}}
DONE = ("() => window.__firstQueryMs !== undefined || "
        "(document.querySelector('#result td') && document.querySelector('#result td').textContent !== '')")


def first_result(browser, server: SiteServer, link: dict | None) -> tuple[float, int, dict]:
    ctx = browser.new_context()
    page = ctx.new_page()
    if link:
        ctx.new_cdp_session(page).send("Network.emulateNetworkConditions", link)
    server.log.clear()
    t = time.perf_counter()
    page.goto(server.base + "sql.html")
    page.wait_for_function(DONE, timeout=300_000, polling=20)
    wall = time.perf_counter() - t
    stages = page.evaluate("window.__timings || {}")
    ctx.close()
    return wall, sum(n for _, n in server.log), stages


EXPLORER_READY = "() => document.querySelector('#f-count') && document.querySelector('#f-count').textContent !== ''"


def bench_claims_explorer(site: Path, runs: int) -> None:
    """Navigation to the explorer's rows all in the table, and the script's own share of it."""
    from playwright.sync_api import sync_playwright
    server = SiteServer(site)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        walls, rows, count = [], 0, ""
        for _ in range(runs):
            ctx = browser.new_context()
            page = ctx.new_page()
            t = time.perf_counter()
            page.goto(server.base + "claims.html")
            page.wait_for_function(EXPLORER_READY, timeout=60_000, polling=10)
            walls.append(time.perf_counter() - t)
            rows = page.locator("#claims-table tbody tr").count()
            count = page.locator("#f-count").inner_text()
            ctx.close()
        browser.close()
    server.stop()
    print(f"claims explorer: {rows:,} rows drawn ({count}) {statistics.median(walls):.2f} s after "
          f"navigation (median of {runs}; max {max(walls):.2f} s)")


def bench_sql_console(site: Path, runs: int) -> None:
    from playwright.sync_api import sync_playwright
    server = SiteServer(site)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        for name, link in LINKS.items():
            results = [first_result(browser, server, link) for _ in range(runs)]
            wall = statistics.median(r[0] for r in results)
            stages = ", ".join(f"{k} {statistics.median(r[2][k] for r in results) / 1000:.2f} s"
                               for k in results[0][2])
            print(f"SQL console over {name}: first result {wall:.2f} s after navigation (median of {runs}), "
                  f"{results[0][1] / 1e6:.1f} MB transferred" + (f" [from script start: {stages}]" if stages else ""))
        browser.close()
    server.stop()


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--site", type=Path, help="a built site (default: build one into a temp dir)")
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args()
    if args.site:
        bench_claims_explorer(args.site, args.runs)
        bench_sql_console(args.site, args.runs)
        return
    from uk_small_boats.pipeline import build
    with tempfile.TemporaryDirectory() as d:
        build(Path(d) / "build", site=True)
        bench_claims_explorer(Path(d) / "build" / "site", args.runs)
        bench_sql_console(Path(d) / "build" / "site", args.runs)


if __name__ == "__main__":
    main()
