"""The home page (headline figures and chart), the downloads page and the citation page."""

from __future__ import annotations

import pandas as pd

from ..context import SiteData, fmt_day
from ..html import block, definition_table, esc, external_link, href, page, table
from .charts import SCRIPTS, Chart, figure

ZIP_NAME = "uk-small-boats-datapackage.zip"


def home(site: SiteData, headline: Chart) -> str:
    """The home page: the latest figures, the headline chart, and what the dataset holds."""
    f = site.frames
    daily, weekly = f["official_daily"], f["official_weekly"]
    last = site.data_to
    ytd = daily[(daily["date"] >= pd.Timestamp(last.year, 1, 1)) & (daily["date"] <= last)]["people_arrived"].sum()
    ly_end = last - pd.DateOffset(years=1)
    ly = daily[(daily["date"] >= pd.Timestamp(last.year - 1, 1, 1)) & (daily["date"] <= ly_end)]["people_arrived"].sum()
    wk = weekly.iloc[-1]
    change = f" ({(ytd / ly - 1) * 100:+.0f}%)" if ly else ""
    checks = f["claim_checks"]["verdict"].value_counts()
    facts = definition_table([
        (f"Latest week in the series (to {fmt_day(wk['week_ending'])})",
         f"<strong>{esc(wk['people_arrived'])} people</strong> in {esc(wk['boats_arrived'])} boats"),
        (f"{last.year} to {fmt_day(last)}",
         f"<strong>{esc(ytd)} people</strong>, against {esc(ly)} to {esc(fmt_day(ly_end))}{esc(change)}"),
        ("Official series last updated", f"{esc(fmt_day(last))} (Home Office, provisional, revised weekly)"),
        ("Reported figures checked", f"{len(f['claim_checks']):,} claims: " +
         esc(", ".join(f"{n} {v.replace('_', ' ')}" for v, n in checks.items())))])
    rows = [[f'<a href="{href("dictionary", r["name"] + ".html")}"><code>{esc(r["name"])}</code></a>', esc(r.get("title", "")),
             esc(site.report["rows"][r["name"]]), esc(r["licenses"][0]["name"])] for r in site.package["resources"]]
    intro = ("<p>Small-boat crossings of the English Channel, the UK–France policy around them, and <strong>every "
             "figure reported about them checked against the Home Office's official series</strong>, each with the "
             "exact words it came from.</p>")
    use = """<ul>
<li><strong>Find a claim</strong> a minister or a newspaper made, with its quote, verdict and explanation: <a href="claims.html">Claims explorer</a>.</li>
<li><strong>See the series</strong>: <a href="charts.html">Charts</a>, and the <a href="sources/homeoffice-small-boats-ts.html">Home Office series</a> itself.</li>
<li><strong>Query</strong> it in your browser with SQL, nothing to install: <a href="sql.html">SQL console</a>.</li>
<li><strong>Download</strong> CSV, Parquet, the DuckDB file or the Data Package: <a href="downloads.html">Downloads</a>.</li>
<li><strong>Read</strong> how figures are extracted and checked: <a href="methodology.html">Methodology</a> and <a href="verdict-rules.html">Verdict rules</a>.</li>
<li><strong>Cite</strong> it: <a href="cite.html">Cite and licence</a>.</li>
</ul>"""
    return page("UK small boats open data", block(intro + facts, "headline"),
                block(figure(site, headline, "index.html") + "\n" + SCRIPTS, "charts"),
                "## Use it", block(use), "## What the dataset holds",
                block(table(["resource", "title", "rows", "licence"], rows)))


def downloads(site: SiteData) -> str:
    """The downloads page: every file with its size and sha256, and how to open and check them."""
    rows = []
    for r in site.package["resources"]:
        pq = r["x-parquet"]
        rows.append([f'<a href="{href("dictionary", r["name"] + ".html")}"><code>{esc(r["name"])}</code></a>',
                     f'<a href="{href("downloads", r["path"])}">CSV</a> ({r["bytes"]:,} B)<br><code class="hash">{esc(r["hash"])}</code>',
                     f'<a href="{href("downloads", pq["path"])}">Parquet</a> ({pq["bytes"]:,} B)<br><code class="hash">{esc(pq["hash"])}</code>',
                     esc(r["licenses"][0]["name"])])
    files = table(["file", "what", "bytes", "sha256"], [
        [f'<a href="{href("downloads", name)}">{esc(name)}</a>', esc(what), esc(f"{site.files[name]['bytes']:,}"),
         f'<code class="hash">{esc(site.files[name]["hash"])}</code>'] for name, what in (
            ("datapackage.json", "Frictionless Data Package descriptor: schemas, licences, sizes and hashes of every file"),
            ("uk_small_boats.duckdb", "every table with keys, comments and views (DuckDB 1.4 or later)"),
            (ZIP_NAME, "the Data Package folder: datapackage.json and data/ (CSV and Parquet)"))])
    url = site.page_url("downloads/datapackage.json")
    intro = ("<p>Every resource as CSV and Parquet, with the size and SHA-256 recorded in the Data Package "
             "descriptor. CSV, Parquet and <code>datapackage.json</code> are byte-identical from one build to the "
             "next for the same inputs. The descriptor's paths are relative to it (<code>data/…</code>), so it "
             "opens from this site's address and from a saved copy of the folder alike.</p>"
             "<p>CSV cells are verbatim: a text cell may begin with <code>=</code>, <code>+</code>, <code>-</code> or "
             "<code>@</code> (a quote as written, a negative difference), which a spreadsheet opening the CSV directly "
             "may run as a formula. The files are not altered to prevent it, because every program that reads the CSV "
             "as data would then get altered quotes: import the CSV with its columns as text, or use the Parquet or "
             "DuckDB files.</p>")
    return page("Downloads", block(intro + files), "## Tables", block(table(["resource", "CSV", "Parquet", "licence"], rows)),
                "## Open them", _snippets(url), "## Check them",
                block("<p>Validate the package from its address, or after saving the folder, with "
                      f"<a href=\"https://framework.frictionlessdata.io/\">frictionless</a>:</p>"
                      f"<pre><code>frictionless validate {esc(url)}\nfrictionless validate datapackage.json</code></pre>"))


def _snippets(url: str) -> str:
    # Static Markdown (tabs); the only value in it is the site's own address, inside code blocks.
    return f'''=== "Python"

    ```python
    # In the folder where you saved datapackage.json, data/ and uk_small_boats.duckdb
    from frictionless import Package
    package = Package("datapackage.json")  # or Package("{url}")
    print("valid:", package.validate().valid)

    import pandas as pd
    claims = pd.read_parquet("data/claims.parquet")
    print(claims[["claim_id", "figure_text", "metric"]].head())

    import duckdb
    con = duckdb.connect("uk_small_boats.duckdb", read_only=True)
    con.sql("SELECT verdict, count(*) AS claims FROM claim_checks GROUP BY ALL").show()
    ```

=== "R"

    ```r
    library(arrow)
    claims <- read_parquet("data/claims.parquet")
    daily <- readr::read_csv("data/official_daily.csv")
    ```

=== "DuckDB CLI"

    ```sql
    -- duckdb uk_small_boats.duckdb
    SELECT * FROM claims_checked WHERE verdict = 'discrepancy';
    SELECT * FROM official_monthly ORDER BY month DESC LIMIT 12;
    ```

=== "Spreadsheet"

    Open any `.csv` file in LibreOffice Calc, Excel or Google Sheets: UTF-8, comma-separated,
    dates as `YYYY-MM-DD`, empty cells mean *not available* (never zero).
'''


def bibtex(site: SiteData) -> str:
    """A BibTeX @misc entry from CITATION.cff."""
    c = site.citation
    authors = " and ".join("{" + a["name"] + "}" if "name" in a else f"{a.get('family-names', '')}, {a.get('given-names', '')}"
                           for a in c.get("authors", []))
    fields = {"author": authors, "title": "{" + c["title"] + "}", "year": str(site.built.year),
              "version": str(c.get("version", site.version)), "publisher": c.get("publisher", {}).get("name", "")
              if isinstance(c.get("publisher"), dict) else "", "url": site.site_url or site.repository,
              "note": "Data set. Contains public sector information licensed under the Open Government Licence v3.0."}
    body = ",\n".join(f"  {k} = {{{v}}}" for k, v in fields.items() if v)
    return f"@misc{{uk_small_boats_{site.built.year},\n{body}\n}}\n"


def cite(site: SiteData) -> str:
    """The citation and licence page."""
    lic = [[esc(lic_.get("scope", "")), external_link(lic_.get("path"), esc(lic_.get("title", lic_["name"])))]
           for lic_ in site.package["licenses"]]
    lic.append([esc("quotes from news articles"),
                esc("short quotations for criticism and review; the articles themselves are not redistributed")])
    lic.append(["code", "MIT"])
    report = site.issue_url("Wrong verdict: CLAIM_ID", "Claim: (link from the claims explorer)\n\nWhat is wrong, and the evidence:\n")
    return page("Cite and licence",
                block(f"<p>Version {esc(site.version)}, built {esc(fmt_day(site.built))}, official series to "
                      f"{esc(fmt_day(site.data_to))}.</p>"),
                "## Suggested citation", block(f"<blockquote>{esc(site.cite_text())}</blockquote>"),
                "## BibTeX", block(f"<pre><code>{esc(bibtex(site))}</code></pre>"
                                   '<p><a href="uk_small_boats.bib" download>uk_small_boats.bib</a> · '
                                   '<a href="CITATION.cff">CITATION.cff</a> (Citation File Format, the same metadata; '
                                   "GitHub and Zenodo read it)</p>"),
                "## Licences", block(table(["what", "licence"], lic)),
                "## Corrections", block(f'<p>A verdict you think is wrong: <a class="report" href="{esc(report)}" rel="noopener">'
                                        "report it</a> with the claim's link and your evidence (each claim in the "
                                        "explorer and on its source page has its own report link). The official series "
                                        "is provisional and revised over time; verdicts say where a difference is of "
                                        "the size such revisions make.</p>"))
