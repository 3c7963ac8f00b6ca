"""The SQL console page: DuckDB-WASM opens the published database file read-only, so the browser has
exactly the tables, keys, comments and views of the download. Tables and columns are listed beside
the editor from that file's own catalogue."""

from __future__ import annotations

from ..context import SiteData
from ..html import block, esc, json_script, page

DB_GZ = "assets/data/uk_small_boats.duckdb.gz"
ENGINE = "assets/vendor/duckdb/"

EXAMPLES = {
    "Claims not matching exactly": "SELECT verdict, source_id, figure_text, quote, explanation\nFROM claims_checked\n"
                                   "WHERE verdict <> 'match'\nORDER BY verdict, source_id;",
    "Verdicts": "SELECT verdict, count(*) AS claims\nFROM claim_checks GROUP BY verdict ORDER BY claims DESC;",
    "Crossings by month": "SELECT * FROM official_monthly ORDER BY month DESC LIMIT 24;",
    "This point in each year": "-- People arrived from 1 January to the series' last day-of-year, every year\n"
                               "SELECT year(date) AS year, sum(people_arrived) AS people\nFROM official_daily\n"
                               "WHERE strftime(date, '%m-%d') <= (SELECT strftime(max(date), '%m-%d') FROM official_daily)\n"
                               "GROUP BY ALL ORDER BY year;",
    "Last 30 days of the series": "SELECT * FROM official_daily\n"
                                  "WHERE date > (SELECT max(date) FROM official_daily) - INTERVAL 30 DAY\nORDER BY date DESC;",
    "Returns under the pilot": "SELECT period_start, count, nationality, status, quote\nFROM returns_with_evidence\n"
                               "WHERE policy_id = 'one-in-one-out';",
    "Count claims": "SELECT count(*) AS n FROM claims;",
}
DEFAULT = EXAMPLES["Count claims"]


def _schema_list(site: SiteData) -> str:
    """Each table and view with its description in view; its columns, with theirs, on opening it."""
    items = []
    for rel in site.catalogue:
        cols = "".join(f'<li><code>{esc(c["name"])}</code> <span class="type">{esc(c["type"])}</span>'
                       f'{" – " + esc(c["comment"]) if c["comment"] else ""}</li>' for c in rel["columns"])
        items.append(f"""<li data-relation="{esc(rel['name'])}"><details class="plain"><summary><code>{esc(rel['name'])}</code> <span class="kind">{esc(rel['kind'])}, {len(rel['columns'])} columns</span>
<span class="comment">{esc(rel['comment'])}</span></summary>
<p><button type="button" class="md-button insert" data-sql="SELECT * FROM {esc(rel['name'])} LIMIT 100;">Query <code>{esc(rel['name'])}</code></button></p>
<ul class="columns">{cols}</ul></details></li>""")
    return "\n".join(items)


def sql_page(site: SiteData, engine_sizes: dict[str, dict[str, int]], db_gz_bytes: int) -> str:
    """The SQL console page, with the download sizes of the engine and the database."""
    wasm, worker = engine_sizes["duckdb/duckdb-eh.wasm"], engine_sizes["duckdb/duckdb-browser-eh.worker.js"]
    config = {"wasm": {"url": ENGINE + "duckdb-eh.wasm.gz", "packed": wasm["packed"], "unpacked": wasm["unpacked"]},
              "worker": {"url": ENGINE + "duckdb-browser-eh.worker.js.gz", "packed": worker["packed"],
                         "unpacked": worker["unpacked"]},
              "db": {"url": DB_GZ, "packed": db_gz_bytes, "name": "uk_small_boats.duckdb",
                     "tables": sum(r["kind"] == "table" for r in site.catalogue),
                     "views": sum(r["kind"] == "view" for r in site.catalogue)}}
    mb = lambda n: f"{n / 1e6:.1f} MB"  # noqa: E731
    total = wasm["packed"] + worker["packed"] + db_gz_bytes
    buttons = " ".join(f'<button type="button" class="md-button example" data-sql="{esc(sql)}">{esc(label)}</button>'
                       for label, sql in EXAMPLES.items())
    n_tables = sum(r["kind"] == "table" for r in site.catalogue)
    n_views = len(site.catalogue) - n_tables
    intro = f"""<p>DuckDB runs in this page over the published database file
(<a href="downloads/uk_small_boats.duckdb">uk_small_boats.duckdb</a>), opened read-only: the same
{n_tables} tables, keys, comments and {n_views} views as the download. Nothing is sent anywhere and nothing you
run changes the published files; <code>CREATE TEMP TABLE</code> works for scratch tables.</p>
<p>The engine is DuckDB-WASM, served from this site: {mb(total)} to download ({mb(wasm['unpacked'])} once
unpacked), fetched only on this page and kept by your browser's cache. It has no time-zone support:
<code>current_date</code> is taken from this computer's clock, and functions that need time zones say so.
Values are shown as DuckDB writes them, except two types its Arrow results do not carry: <code>BIT</code>
arrives as bytes and <code>TIME WITH TIME ZONE</code> without its offset; add <code>::VARCHAR</code> to see them.</p>"""
    # The engine and the database start downloading as the page is parsed, not once the scripts
    # before sql.js have loaded and run (its fetch() picks up these responses).
    preload = "".join(f'<link rel="preload" href="{esc(f["url"])}" as="fetch" crossorigin="anonymous">'
                      for f in (config["wasm"], config["worker"], config["db"]))
    app = f"""{preload}
<div id="sql-app" class="sql-app" data-state="loading">
<div class="sql-main">
<p class="examples"><span>Examples:</span> {buttons}</p>
<label for="sql" class="sql-label">SQL query</label>
<textarea id="sql" rows="7" spellcheck="false" autocapitalize="off" aria-describedby="sql-help">{esc(DEFAULT)}</textarea>
<p class="sql-actions"><button type="button" id="run" class="md-button md-button--primary" disabled>Run</button>
<span id="sql-help" class="hint">or <kbd>Ctrl</kbd>+<kbd>Enter</kbd> (<kbd>⌘</kbd>+<kbd>Enter</kbd> on a Mac)</span>
<button type="button" id="export-csv" class="md-button" disabled>Export CSV</button>
<button type="button" id="export-json" class="md-button" disabled>Export JSON</button>
<a id="share" href="sql.html">Link to this query</a></p>
<div id="progress" class="sql-progress"><label for="load-progress" id="load-text">Loading DuckDB ({mb(total)} download,
{mb(wasm['unpacked'])} unpacked)…</label> <progress id="load-progress" max="{total}" value="0"></progress></div>
<p id="status" role="status" aria-live="polite"></p>
<div id="error" class="sql-error" role="alert" hidden></div>
<p id="notice" class="sql-notice" hidden></p>
<div id="result" class="sql-result" role="region" aria-label="Query result" tabindex="0"></div>
</div>
<aside class="sql-schema" aria-labelledby="schema-heading" tabindex="0">
<h2 id="schema-heading">Tables and views</h2>
<p class="hint">Open one for its columns.</p>
<ul class="relations">
{_schema_list(site)}
</ul>
</aside>
</div>
{json_script("sql-config", config)}
<script type="importmap">{{"imports": {{"apache-arrow": "./assets/vendor/arrow-shim.mjs"}}}}</script>
<script src="assets/vendor/Arrow.es2015.min.js"></script>
<script type="module" src="assets/sql.js"></script>"""
    return page("SQL in the browser", block(intro), block(app, "sql"), front="hide:\n  - navigation\n  - toc\n")
