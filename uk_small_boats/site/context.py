"""What every page generator needs: the built frames and descriptor, the database catalogue, the
citation, and dates and links shared by all pages."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from urllib.parse import urlencode

import duckdb
import pandas as pd
import yaml

from ..metadata.schemas import ResourceSpec
from ..paths import REPO

CITATION = REPO / "CITATION.cff"


def fmt_day(d: object) -> str:
    """A day as "5 March 2024" (empty when missing)."""
    return "" if d is None or pd.isna(d) else pd.Timestamp(d).strftime("%-d %B %Y")


def fmt_period(start: object, end: object) -> str:
    """A period as one day or "start – end" (empty without a start)."""
    if start is None or pd.isna(start):
        return ""
    return fmt_day(start) if end is None or pd.isna(end) or start == end else f"{fmt_day(start)} – {fmt_day(end)}"


def catalogue(db_path: Path) -> list[dict]:
    """Tables and views of the published DuckDB file with their columns and comments, so that the
    site describes exactly what a user gets (and the browser console opens)."""
    con = duckdb.connect(str(db_path), read_only=True)
    try:
        rels = con.execute("SELECT table_name, comment, 'table' FROM duckdb_tables() "
                           "UNION ALL SELECT view_name, comment, 'view' FROM duckdb_views() WHERE NOT internal "
                           "ORDER BY 3, 1").fetchall()
        cols = con.execute("SELECT table_name, column_name, data_type, comment FROM duckdb_columns() "
                           "ORDER BY table_name, column_index").fetchall()
    finally:
        con.close()
    by_rel: dict[str, list[dict]] = {}
    for t, c, ty, comment in cols:
        by_rel.setdefault(t, []).append({"name": c, "type": ty, "comment": comment or ""})
    return [{"name": n, "comment": c or "", "kind": k, "columns": by_rel.get(n, [])} for n, c, k in rels]


@dataclass
class SiteData:
    """What the page generators read: the built frames, descriptor, report, specs and file facts."""

    frames: dict[str, pd.DataFrame]
    package: dict
    report: dict
    specs: dict[str, ResourceSpec]
    site_url: str
    built: dt.date
    files: dict[str, dict] = field(default_factory=dict)  # downloads beside the resources: hash, bytes
    catalogue: list[dict] = field(default_factory=list)

    def entry(self, name: str) -> dict:
        """The published descriptor's entry for resource ``name``."""
        return next(r for r in self.package["resources"] if r["name"] == name)

    @cached_property
    def citation(self) -> dict:
        """CITATION.cff, read once."""
        return yaml.safe_load(CITATION.read_text(encoding="utf-8"))

    @cached_property
    def data_to(self) -> pd.Timestamp:
        """The last day of the official daily series."""
        return pd.Timestamp(self.frames["official_daily"]["date"].max())

    @property
    def version(self) -> str:
        """The dataset's version, from the descriptor."""
        return str(self.package.get("version", ""))

    @property
    def repository(self) -> str:
        """The project's repository URL (the descriptor's homepage), without a trailing slash."""
        return str(self.package.get("homepage", "")).rstrip("/")

    def issue_url(self, title: str, body: str) -> str:
        """A prefilled 'new issue' link on the project's repository (not escaped for HTML)."""
        return f"{self.repository}/issues/new?" + urlencode({"title": title, "body": body, "labels": "wrong-verdict"})

    def page_url(self, rel: str) -> str:
        """The absolute URL of a page when the site URL is known, else ``rel``."""
        return self.site_url.rstrip("/") + "/" + rel if self.site_url else rel

    @cached_property
    def sources(self) -> dict[str, dict]:
        """The sources rows by source_id."""
        return {r["source_id"]: r for r in self.frames["sources"].to_dict("records")}

    def source_title(self, source_id: str) -> str:
        """A readable title for every source: its own, or what it is (never a slug)."""
        src = self.sources.get(source_id)
        if src is None:
            return source_id
        if isinstance(src["title"], str) and src["title"].strip():
            return src["title"]
        if src["kind"] == "unattributed_rewrite" and isinstance(src["derived_from"], str):
            return f"Unattributed rewrite of “{self.source_title(src['derived_from'])}”"
        who = src["publisher"] if isinstance(src["publisher"], str) else "Untitled text"
        when = fmt_day(src["published_date"])
        return f"{who}, {when}" if when else who

    def cite_text(self, what: str | None = None, rel: str = "") -> str:
        """The suggested citation, from CITATION.cff (optionally of one chart or page)."""
        c = self.citation
        authors = "; ".join(a.get("name") or f"{a.get('family-names', '')}, {a.get('given-names', '')}"
                            for a in c.get("authors", []))
        text = f"{authors} ({self.built.year}). {c['title']} (version {c.get('version', self.version)}) [Data set]"
        if what:
            text += f", {what}"
        url = self.page_url(rel) if (rel or self.site_url) else ""
        return text + (f". {url}" if url else "") + ". Contains public sector information licensed under the Open Government Licence v3.0."
