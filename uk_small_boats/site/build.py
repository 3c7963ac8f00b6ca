"""Assemble and build the documentation site into <build>/site with mkdocs-material (--strict).

Pages are generated into a scratch docs dir beside the hand-written ones in docs/; data files and
front-end packages (from node_modules, installed from npm at pinned versions) are copied in, so
the site makes no request outside its own origin. The published files sit under downloads/ exactly
as datapackage.json names them (downloads/datapackage.json, downloads/data/...).
"""

from __future__ import annotations

import datetime as dt
import gzip
import logging
import os
import shutil
import zipfile
from pathlib import Path

import pandas as pd

from ..errors import PipelineError
from ..metadata.schemas import resources
from ..paths import REPO
from ..publish.descriptor import file_stats
from .context import CITATION, SiteData, catalogue, fmt_day
from .html import nav_title
from .pages import charts, claims, dictionary, home, policy, press, sources
from .pages import sql as sql_page
from .vendor import vendor

ASSETS = Path(__file__).with_name("assets")
DB_NAME = "uk_small_boats.duckdb"
SITE_URL_ENV = "UK_SMALL_BOATS_SITE_URL"


def _zip_package(out: Path, dest: Path) -> None:
    """The Data Package folder as one deterministic zip (fixed timestamps, sorted names)."""
    names = ["datapackage.json"] + sorted(f"data/{p.name}" for p in (out / "data").iterdir())
    with zipfile.ZipFile(dest, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        for name in names:
            info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type, info.external_attr = zipfile.ZIP_DEFLATED, 0o644 << 16
            z.writestr(info, (out / name).read_bytes())


def _downloads(out: Path, docs: Path) -> dict[str, dict]:
    dl = docs / "downloads"
    shutil.copytree(out / "data", dl / "data")
    shutil.copyfile(out / "datapackage.json", dl / "datapackage.json")
    shutil.copyfile(out / DB_NAME, dl / DB_NAME)
    _zip_package(out, dl / home.ZIP_NAME)
    (docs / "assets" / "data").mkdir(parents=True, exist_ok=True)
    (docs / sql_page.DB_GZ).write_bytes(gzip.compress((out / DB_NAME).read_bytes(), compresslevel=9, mtime=0))
    shutil.copyfile(CITATION, docs / "CITATION.cff")
    return {name: file_stats(dl / name) for name in ("datapackage.json", DB_NAME, home.ZIP_NAME)}


def build_date() -> dt.date:
    """The site's date: SOURCE_DATE_EPOCH's day when set (as mkdocs dates the sitemap), else today."""
    from mkdocs.utils import get_build_datetime  # honours SOURCE_DATE_EPOCH, as the sitemap does
    return get_build_datetime().date()


def build_site(out: Path, frames: dict[str, pd.DataFrame], package: dict, report: dict) -> None:
    """Generate the pages from the build in ``out`` and build the site into ``out/site`` (strict)."""
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config

    scratch = out / ".site-src"
    docs = scratch / "docs"
    shutil.copytree(REPO / "docs", docs)
    shutil.copytree(ASSETS, docs / "assets", dirs_exist_ok=True)
    engine = vendor(docs / "assets" / "vendor")
    files = _downloads(out, docs)
    cfg = load_config(str(REPO / "mkdocs.yml"), docs_dir=str(docs), site_dir=str(out / "site"), strict=True)
    site_url = os.environ.get(SITE_URL_ENV) or cfg["site_url"] or ""
    site = SiteData(frames=frames, package=package, report=report, specs={s.name: s for s in resources()},
                    site_url=site_url, built=build_date(), files=files, catalogue=catalogue(out / DB_NAME))
    built_charts = charts.build_charts(site)
    built_charts["press-verdicts"] = press.press_chart(site)  # drawn on the press page and with the others
    charts.write_chart_data(built_charts, docs)

    def write(rel: str, text: str) -> None:
        (docs / rel).parent.mkdir(parents=True, exist_ok=True)
        (docs / rel).write_text(text, encoding="utf-8")

    write("index.md", home.home(site, built_charts["year-to-date"]))
    write("charts.md", charts.charts_page(site, built_charts))
    write("claims.md", claims.claims_explorer(site))
    write("press.md", press.press_page(site, built_charts["press-verdicts"]))
    write("verdict-rules.md", claims.verdict_rules_page(site))
    write("sql.md", sql_page.sql_page(site, engine, (docs / sql_page.DB_GZ).stat().st_size))
    write("downloads.md", home.downloads(site))
    write("cite.md", home.cite(site))
    write("uk_small_boats.bib", home.bibtex(site))
    write("sources/index.md", sources.sources_index(site))
    for sid, src in site.sources.items():
        write(f"sources/{sid}.md", sources.series_page(site, sid) if src["kind"] == "official"
              else sources.source_page(site, sid))
    for resource in policy.PAGES:
        write(policy.PAGES[resource][0].replace(".html", ".md"), policy.policy_page(site, resource))
    write("dictionary/index.md", dictionary.dictionary_index(site))
    write("dictionary/columns.md", dictionary.column_index(site))
    for name in site.specs:
        write(f"dictionary/{name}.md", dictionary.dictionary_page(site, name))
    method = docs / "methodology.md"
    method.write_text(method.read_text(encoding="utf-8") + claims.methodology_tables(), encoding="utf-8")

    official = [sid for sid, s in site.sources.items() if s["kind"] == "official"]
    texts = sorted((sid for sid, s in site.sources.items() if s["kind"] != "official"),
                   key=lambda sid: (str(site.sources[sid]["published_date"]), sid))
    cfg["nav"] = [
        {"Home": "index.md"}, {"Claims": "claims.md"}, {"Press accuracy": "press.md"}, {"Charts": "charts.md"},
        {"SQL": "sql.md"},
        {"Sources": [{"All sources": "sources/index.md"}]
         + [{nav_title(site.source_title(sid)): f"sources/{sid}.md"} for sid in official + texts]},
        {"Policy": [{title: file.replace(".html", ".md")} for file, title, _ in policy.PAGES.values()]},
        {"Data dictionary": [{"All tables": "dictionary/index.md"}, {"Column index": "dictionary/columns.md"}]
         + [{nav_title(s.title): f"dictionary/{n}.md"} for n, s in site.specs.items()]},
        {"Downloads": "downloads.md"},
        {"Methodology": [{"Methodology": "methodology.md"}, {"Verdict rules": "verdict-rules.md"}]},
        {"Cite and licence": [{"Cite and licence": "cite.md"}, {"Changelog": "changelog.md"}]}]
    cfg["site_url"] = site_url or None
    cfg["extra"]["build"] = {"built": fmt_day(site.built), "data_to": fmt_day(site.data_to), "version": site.version,
                             "report_url": site.issue_url("Wrong verdict: CLAIM_ID", "Claim: \n\nWhat is wrong:\n")}
    logging.getLogger("mkdocs").setLevel(logging.WARNING)
    try:
        mkdocs_build(cfg)
    except Exception as exc:  # mkdocs raises Abort with the strict-mode warnings
        raise PipelineError(f"mkdocs build --strict failed: {exc}", file="mkdocs.yml", rule="site-strict") from None
    shutil.rmtree(scratch)
