"""Assemble and build the documentation site into <build>/site with mkdocs-material (--strict).

Pages are generated into a scratch docs dir beside the hand-written ones in docs/; data files and
front-end packages (from node_modules, installed from npm at pinned versions) are copied in, so
the site makes no request outside its own origin.
"""

from __future__ import annotations

import html
import json
import logging
import shutil
import subprocess
from pathlib import Path

import pandas as pd

from ..errors import PipelineError
from ..metadata.schemas import resources
from ..paths import REPO
from . import pages

ASSETS = Path(__file__).with_name("assets")
NODE_MODULES = REPO / "node_modules"
VENDOR = {  # destination name -> path inside node_modules
    "vega.min.js": "vega/build/vega.min.js",
    "vega-lite.min.js": "vega-lite/build/vega-lite.min.js",
    "vega-embed.min.js": "vega-embed/build/vega-embed.min.js",
    "Arrow.es2015.min.js": "apache-arrow/Arrow.es2015.min.js",
    "duckdb/duckdb-browser.mjs": "@duckdb/duckdb-wasm/dist/duckdb-browser.mjs",
    "duckdb/duckdb-eh.wasm": "@duckdb/duckdb-wasm/dist/duckdb-eh.wasm",
    "duckdb/duckdb-browser-eh.worker.js": "@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js",
}


def _vendor(dest: Path) -> None:
    missing = [src for src in VENDOR.values() if not (NODE_MODULES / src).is_file()]
    if missing:
        raise PipelineError(f"front-end packages are not installed ({missing[0]} missing); run "
                            f"`npm ci` (make build does)", file=str(NODE_MODULES), rule="site-assets")
    for name, src in VENDOR.items():
        (dest / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(NODE_MODULES / src, dest / name)
    # DuckDB-WASM imports "apache-arrow" as an ES module; Arrow ships a UMD build. The shim re-exports
    # the UMD global under every name the package exports (listed by node, so none is typed here).
    names = subprocess.run(["node", "-e", "console.log(JSON.stringify(Object.keys(require("
                            f"{json.dumps(str(NODE_MODULES / VENDOR['Arrow.es2015.min.js']))}))))"],
                           capture_output=True, text=True, check=True).stdout
    exports = "\n".join(f"export const {n} = A.{n};" for n in json.loads(names) if n.isidentifier())
    (dest / "arrow-shim.mjs").write_text("const A = globalThis.Arrow;\n" + exports + "\nexport default A;\n",
                                         encoding="utf-8")


def _chart_data(frames: dict[str, pd.DataFrame], dest: Path) -> None:
    daily = frames["official_daily"][["date", "people_arrived", "boats_arrived"]]
    weekly = frames["official_weekly"][["week_ending", "people_arrived", "boats_arrived", "people_prevented"]].copy()
    weekly["people_per_boat"] = (weekly["people_arrived"] / weekly["boats_arrived"].where(weekly["boats_arrived"] > 0)).round(1)
    claims = frames["claims"].merge(frames["claim_checks"], on="claim_id")
    checked = claims[claims["verdict"].isin(["match", "consistent", "revised", "discrepancy"])]
    periods = checked[["claim_id", "figure_text", "metric", "period_start", "period_end", "verdict"]]
    verdicts = frames["claim_checks"]["verdict"].value_counts().rename_axis("verdict").reset_index(name="claims")
    timeline = _timeline(frames)
    for name, df in {"daily": daily, "weekly": weekly, "claim_periods": periods, "verdicts": verdicts,
                     "timeline": timeline}.items():
        (dest / f"{name}.json").write_text(df.to_json(orient="records", date_format="iso", date_unit="s"),
                                           encoding="utf-8")


def _timeline(frames) -> pd.DataFrame:
    ev = frames["events"].rename(columns={"start_date": "date", "name": "what"}).assign(kind="event")
    rt = frames["returns"].rename(columns={"period_end": "date", "description": "what"}).assign(kind="return")
    fu = frames["funding"].rename(columns={"announced_date": "date", "purpose": "what"}).assign(kind="funding")
    po = frames["policies"].rename(columns={"start_date": "date", "name": "what"}).assign(kind="policy start")
    t = pd.concat([d[["date", "what", "kind"]] for d in (ev, rt, fu, po)])
    return t[t["date"].notna()].sort_values(["date", "kind"]).reset_index(drop=True)


def build_site(out: Path, frames: dict[str, pd.DataFrame], package: dict, report: dict) -> None:
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config

    scratch = out / ".site-src"
    docs = scratch / "docs"
    shutil.copytree(REPO / "docs", docs)
    shutil.copytree(ASSETS, docs / "assets", dirs_exist_ok=True)
    (docs / "assets" / "data").mkdir(parents=True, exist_ok=True)
    _vendor(docs / "assets" / "vendor")
    _chart_data(frames, docs / "assets" / "data")
    dl = docs / "downloads"
    dl.mkdir()
    for f in (out / "data").iterdir():
        shutil.copyfile(f, dl / f.name)
    shutil.copyfile(out / "datapackage.json", dl / "datapackage.json")
    shutil.copyfile(out / "uk_small_boats.duckdb", dl / "uk_small_boats.duckdb")

    specs = {s.name: s for s in resources()}
    entries = {r["name"]: r for r in package["resources"]}
    write = lambda rel, text: (docs / rel).parent.mkdir(parents=True, exist_ok=True) or (docs / rel).write_text(text, encoding="utf-8")  # noqa: E731
    write("index.md", pages.home(frames, package, report))
    for name, spec in specs.items():
        write(f"dictionary/{name}.md", pages.dictionary(spec, frames[name], entries[name]))
    sources = frames["sources"]
    not_reverified = report.get("archive", {}).get("not_reverified", {})
    date_checks = {r["source_id"]: r for r in frames["source_date_checks"].to_dict("records")}
    for src in sources.to_dict("records"):
        if src["kind"] == "official":
            continue
        write(f"sources/{src['source_id']}.md", pages.source_page(
            src, frames["claims"][frames["claims"]["source_id"] == src["source_id"]],
            frames["claim_checks"], frames["source_differences"], not_reverified,
            date_checks.get(src["source_id"])))
    write("claims.md", pages.claims_explorer(frames["claims"], frames["claim_checks"], sources))
    write("charts.md", pages.charts(frames))
    write("sql.md", pages.sql_console(list(specs.values())))
    write("downloads.md", pages.downloads(package, report))
    write("verdict-rules.md", pages.verdict_rules_page())
    method = docs / "methodology.md"
    method.write_text(method.read_text(encoding="utf-8") + pages.methodology_tables(), encoding="utf-8")

    nav = [{"Home": "index.md"}, {"Claims": "claims.md"}, {"Charts": "charts.md"}, {"SQL": "sql.md"},
           # mkdocs puts nav titles into the page unescaped: source titles are escaped here.
           {"Sources": [{html.escape(s["title"] if isinstance(s["title"], str) else s["source_id"]): f"sources/{s['source_id']}.md"}
                        for s in sources.to_dict("records") if s["kind"] != "official"]},
           {"Data dictionary": [{n: f"dictionary/{n}.md"} for n in specs]},
           {"Downloads": "downloads.md"},
           {"Methodology": [{"Methodology": "methodology.md"}, {"Verdict rules": "verdict-rules.md"}]},
           {"Cite and licence": [{"Cite and licence": "cite.md"}, {"Changelog": "changelog.md"}]}]
    cfg = load_config(str(REPO / "mkdocs.yml"), docs_dir=str(docs), site_dir=str(out / "site"), strict=True)
    cfg["nav"] = nav
    logging.getLogger("mkdocs").setLevel(logging.WARNING)
    try:
        mkdocs_build(cfg)
    except Exception as exc:  # mkdocs raises Abort with the strict-mode warnings
        raise PipelineError(f"mkdocs build --strict failed: {exc}", file="mkdocs.yml", rule="site-strict") from None
    shutil.rmtree(scratch)
