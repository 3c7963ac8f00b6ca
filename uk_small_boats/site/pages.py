"""Generate the site's Markdown pages from the Table Schemas and the built frames.

Nothing here types a column list: field tables come from schemas, resource lists from the
descriptor, verdict rules from check/rules.py.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd

from ..check import rules as verdict_rules
from ..extract import metrics as metric_docs
from ..extract import periods as period_docs
from ..metadata.schemas import ResourceSpec
from ..publish.duckdb_db import SQL_TYPES
from .html import badge, esc, highlight, json_script, table

SOURCE_LABEL = {"news": "news article", "official": "official statistics",
                "unattributed_rewrite": "unattributed rewrite"}


def _fmt_day(d) -> str:
    return "" if d is None or pd.isna(d) else pd.Timestamp(d).strftime("%-d %B %Y")


def _period(s, e) -> str:
    if pd.isna(s):
        return ""
    return _fmt_day(s) if s == e else f"{_fmt_day(s)} – {_fmt_day(e)}"


def home(frames: dict[str, pd.DataFrame], package: dict, report: dict) -> str:
    daily, weekly = frames["official_daily"], frames["official_weekly"]
    last = pd.Timestamp(daily["date"].max())
    ytd = daily[(daily["date"] >= pd.Timestamp(last.year, 1, 1)) & (daily["date"] <= last)]["people_arrived"].sum()
    ly_end = last.replace(year=last.year - 1)
    ly = daily[(daily["date"] >= pd.Timestamp(last.year - 1, 1, 1)) & (daily["date"] <= ly_end)]["people_arrived"].sum()
    wk = weekly.iloc[-1]
    change = (ytd / ly - 1) * 100 if ly else float("nan")
    checks = frames["claim_checks"]["verdict"].value_counts()
    rows = [[f'<a href="dictionary/{esc(r["name"])}.html">{esc(r["name"])}</a>', esc(r.get("title", "")),
             esc(report["rows"][r["name"]]), esc(r["licenses"][0]["name"])] for r in package["resources"]]
    return f"""# UK small boats open data

Small-boat crossings of the English Channel, the UK–France policy around them, and **every figure
reported about them checked against the Home Office's official series** — each with the exact words
it came from.

<div class="headline" markdown="1">

| | |
|---|---|
| Latest week in the official series (to {_fmt_day(wk['week_ending'])}) | **{esc(wk['people_arrived'])} people** in {esc(wk['boats_arrived'])} boats |
| {last.year} to {_fmt_day(last)} | **{esc(ytd)} people**, against {esc(ly)} to {_fmt_day(ly_end)} ({change:+.0f}%) |
| Official series last updated | {_fmt_day(last)} (Home Office, provisional, revised weekly) |
| Reported figures checked | {len(frames['claim_checks'])} claims: {', '.join(f'{n} {v.replace("_", " ")}' for v, n in checks.items())} |

</div>

## What the dataset holds

{table(["resource", "title", "rows", "licence"], rows)}

## Use it

- **Download** CSV, Parquet, the DuckDB file or the Data Package: [Downloads](downloads.md).
- **Query** it in your browser with SQL, nothing to install: [SQL console](sql.md).
- **Find a claim** a minister or a newspaper made, with its quote and verdict: [Claims explorer](claims.md).
- **Read** how figures are extracted and checked: [Methodology](methodology.md) and [Verdict rules](verdict-rules.md).
- **Cite** it: [Cite and licence](cite.md).
"""


def dictionary(spec: ResourceSpec, frame: pd.DataFrame, entry: dict) -> str:
    c_rows = []
    for f in spec.fields:
        c = f.get("constraints", {})
        cons = [k if v is True else f"{k}: {', '.join(map(str, v)) if isinstance(v, list) else v}"
                for k, v in c.items() if k != "required"]
        if "x-codelist" in f:
            cons.append(f"code list: {f['x-codelist']}")
        c_rows.append([f"<code>{esc(f['name'])}</code>", esc(f["type"]), esc(f.get("unit", "")),
                       "yes" if c.get("required") else "", esc("; ".join(cons)), esc(f.get("description", ""))])
    fks = "".join(f"<li><code>{esc(', '.join(fk['fields'] if isinstance(fk['fields'], list) else [fk['fields']]))}</code> → "
                  f"<code>{esc(spec.referenced_resource(fk))}</code></li>" for fk in spec.foreign_keys)
    example = frame.head(5)
    ex_rows = [[esc(v)[:160] for v in row] for row in example.astype(object).itertuples(index=False)]
    lic = entry["licenses"][0]
    return f"""# {esc(spec.title)} (`{spec.name}`)

{esc(spec.schema.get('description', ''))}

| | |
|---|---|
| Rows | {len(frame):,} |
| Primary key | `{', '.join(spec.primary_key)}` |
| Licence | {esc(lic.get('title', lic['name']))} |
| Files | [CSV](../downloads/{spec.name}.csv) ({entry['bytes']:,} bytes, `{entry['hash']}`) · [Parquet](../downloads/{spec.name}.parquet) ({entry['x-parquet']['bytes']:,} bytes) |
| In DuckDB | `SELECT * FROM {spec.name}` |

## Fields

{table(["field", "type", "unit", "required", "constraints", "description"], c_rows, "fields")}

{"## Foreign keys" + chr(10) + chr(10) + "<ul>" + fks + "</ul>" if fks else ""}

## Example rows

<div class="scroll">
{table(spec.field_names, ex_rows, "examples")}
</div>
"""


def source_page(src: dict, claims: pd.DataFrame, checks: pd.DataFrame, diffs: pd.DataFrame,
                not_reverified: dict, date_check: dict | None = None) -> str:
    merged = claims.merge(checks, on="claim_id", how="left").sort_values("figure_start")
    meta = [["kind", esc(SOURCE_LABEL.get(src["kind"], src["kind"]))],
            ["publisher", esc(src["publisher"]) or "<em>not established (none is invented)</em>"],
            ["how the publisher was established", esc(src["publisher_basis"])],
            ["title", esc(src["title"]) or "<em>none in the text</em>"],
            ["author", esc(src["author"])],
            ["published", esc(_fmt_day(src["published_date"])) or "<em>not established</em>"],
            ["how the date was established", esc(src["date_basis"])],
            ["date held against the series", (esc(date_check["result"].replace("_", " ")) + ": " + esc(date_check["explanation"])) if date_check else ""],
            ["file", f"<code>{esc(src['file_name'])}</code>"], ["sha256", f"<code>{esc(src['sha256'])}</code>"],
            ["licence of the text", esc(src["licence"])]]
    if isinstance(src["derived_from"], str):
        meta.append(["rewrites", f'<a href="{esc(src["derived_from"])}.html">{esc(src["derived_from"])}</a>'])
    warn = ""
    if src["source_id"] in not_reverified:
        warn = ('!!! warning "Not re-verified in this build"\n    The archived text was not on the build '
                "machine's archive search path, so these quotes were published from committed data "
                "without re-checking their offsets.\n")
    items = []
    for r in merged.to_dict("records"):
        q = highlight(r["quote"], r["figure_start"] - r["char_start"], r["figure_end"] - r["char_start"])
        official = "" if pd.isna(r.get("official_value")) else esc(r["official_value"])
        items.append(f"""<div class="claim" id="{esc(r['claim_id'])}">
<blockquote>{q}</blockquote>
<p>{badge(r.get('verdict'))} <strong>{esc(r['metric'].replace('_', ' '))}</strong> {esc(r['value'])} ({esc(r['qualifier'].replace('_', ' '))})
· period {esc(_period(r['period_start'], r['period_end']))}{' <em>(' + esc(r['period_text']) + ')</em>' if isinstance(r['period_text'], str) else ''}
{'· official ' + official if official else ''} · characters {r['char_start']}–{r['char_end']}</p>
<p class="explanation">{esc(r.get('explanation'))}</p>
{'<p class="review">Corrected by hand: ' + esc(r['review']) + '</p>' if isinstance(r.get('review'), str) else ''}
</div>""")
    diff_html = ""
    mine = diffs[diffs["source_id"] == src["source_id"]]
    if len(mine):
        rows = [[esc(d["change"].replace("_", " ")), esc(d["original_quote"]), esc(d["quote"]),
                 esc(d["description"]) + "".join(f"<br><em>{label}: {esc(d[col])}</em>" for col, label in
                                                 (("phrase_changes", "phrases"), ("review", "reviewed by hand"))
                                                 if isinstance(d.get(col), str))]
                for d in mine.sort_values(["original_char_start", "char_start"], na_position="last").to_dict("records")]
        diff_html = ("## Differences from the original\n\nEach sentence of this text aligned in order with the "
                     "original's by the content words they share (page furniture cut away); pairs where a "
                     "figure, date word or name differs, added and omitted sentences, and differences "
                     "stated by a reviewer:\n\n"
                     + table(["change", "original", "this text", "what changed"], rows, "side-by-side"))
    title = src["title"] if isinstance(src["title"], str) else src["source_id"]
    return f"""# {esc(title)}

{warn}
{table(["", ""], meta, "meta")}

Only short quotes are published; the full text is third-party and is not redistributed.

{diff_html}

## Claims ({len(merged)})

{chr(10).join(items)}
"""


def claims_explorer(claims: pd.DataFrame, checks: pd.DataFrame, sources: pd.DataFrame) -> str:
    m = claims.merge(checks, on="claim_id", how="left").merge(sources[["source_id", "publisher"]], on="source_id")
    records = [{"id": r["claim_id"], "source": r["source_id"], "publisher": r["publisher"] if isinstance(r["publisher"], str) else "",
                "quote": r["quote"], "fs": int(r["figure_start"] - r["char_start"]), "fe": int(r["figure_end"] - r["char_start"]),
                "figure": r["figure_text"], "metric": r["metric"], "value": r["value"], "qualifier": r["qualifier"],
                "period": _period(r["period_start"], r["period_end"]),
                "official": None if pd.isna(r["official_value"]) else r["official_value"],
                "verdict": r["verdict"], "explanation": r["explanation"]} for r in m.to_dict("records")]
    return f"""# Claims explorer

Every figure in every source, with its verdict against the official series. Filter by source,
metric or verdict, search the quotes, and click a column heading to sort. Each quote links to its
source page. [Verdict rules](verdict-rules.md) explains each verdict.

<div id="claims-app">
<div class="filters">
<label>Source <select id="f-source"><option value="">all</option></select></label>
<label>Metric <select id="f-metric"><option value="">all</option></select></label>
<label>Verdict <select id="f-verdict"><option value="">all</option></select></label>
<label>Search <input id="f-text" type="search" placeholder="words in the quote"></label>
<span id="f-count" aria-live="polite"></span>
</div>
<table id="claims-table" class="claims">
<thead><tr><th data-key="source">source</th><th data-key="quote">quote</th><th data-key="metric">metric</th>
<th data-key="value">value</th><th data-key="period">period</th><th data-key="official">official</th>
<th data-key="verdict">verdict</th></tr></thead>
<tbody></tbody>
</table>
</div>
{json_script("claims-data", records)}
<script src="assets/claims.js"></script>
"""


def verdict_rules_page() -> str:
    rows = [[f"<code>{esc(name)}</code>", esc(text)] for name, text in verdict_rules.RULE_DOCS.items()]
    bands = [[esc(k.replace("_", " ")), esc(f"{a:,} – {b:,}")] for k, (a, b) in verdict_rules.VAGUE_BANDS.items()]
    return f"""# Verdict rules

Every claim in `claim_checks` carries the name of the rule that gave its verdict. The rules and
their tolerances live in one module (`uk_small_boats/check/rules.py`); this page is generated from it.

| verdict | meaning |
|---|---|
| {badge('match')} | The official figure for exactly the claim's dates equals the stated figure (a percentage rounds to it). |
| {badge('consistent')} | Within what the wording allows ("about", "more than", a vague word, rounding), or one day off. |
| {badge('revised')} | A small difference of the size provisional figures are revised by, or a period with a day the series marks Revised. |
| {badge('discrepancy')} | Outside all of those: worth a journalist's look. |
| {badge('different_measure')} | Counts something the series does not (boats setting off, attempts); the nearest official figure is shown. |
| {badge('not_checkable')} | No official counterpart (returns, money, rescues), or dates outside the series. |

## Rules

{table(["rule", "what it checks"], rows)}

## Tolerances

| setting | value |
|---|---|
| "about" | ±{verdict_rules.ABOUT:.0%} |
| "almost" / "nearly" | {1 - verdict_rules.NEARLY:.0%} – 100% of the figure |
| small revision | {verdict_rules.REVISION_REL:.0%} or {verdict_rules.REVISION_ABS}, whichever is larger |
| with a Revised day in the period | {verdict_rules.REVISED_DAY_REL:.0%} or {verdict_rules.REVISED_DAY_ABS} |
| percentage rounding | {verdict_rules.PCT_ROUNDING} point ({verdict_rules.PCT_ABOUT} for "about"); revised within {verdict_rules.PCT_REVISION} |

## Vague quantity words

{table(["word", "official values it can describe"], bands)}

## Which official figure

{table(["claim metric", "held as", "against"], [[f"<code>{esc(k)}</code>", esc(kind), f"<code>{esc(v or '')}</code>"] for k, (kind, v) in verdict_rules.MEASURES.items()])}
"""


def methodology_tables() -> str:
    """Metric vocabulary and period rules, appended to the hand-written methodology page."""
    metrics = [[f"<code>{esc(k)}</code>", esc(v)] for k, v in metric_docs.METRIC_DOCS.items()]
    periods = [[f"<code>{esc(k)}</code>", esc(v)] for k, v in period_docs.RULE_DOCS.items()]
    return f"""
## Metric vocabulary

{table(["metric", "what it counts"], metrics)}

## Period rules

{table(["period_rule", "how the dates are set"], periods)}
"""


def downloads(package: dict, report: dict) -> str:
    rows = []
    for r in package["resources"]:
        pq = r["x-parquet"]
        rows.append([f'<a href="dictionary/{esc(r["name"])}.html">{esc(r["name"])}</a>',
                     f'<a href="downloads/{esc(r["name"])}.csv">CSV</a> ({r["bytes"]:,} B)',
                     f'<a href="downloads/{esc(r["name"])}.parquet">Parquet</a> ({pq["bytes"]:,} B)',
                     f'<code class="hash">{esc(r["hash"])}</code>', esc(r["licenses"][0]["name"])])
    db = report["duckdb"]
    return f"""# Downloads

Every resource as CSV and Parquet, with the size and SHA-256 recorded in the Data Package
descriptor. CSV and Parquet files are byte-identical from one build to the next for the same inputs.

CSV cells are verbatim: a text cell may begin with `=`, `+`, `-` or `@` (a quote as written, a
negative difference), which a spreadsheet opening the CSV directly may run as a formula. The files
are not altered to prevent it, because every program that reads the CSV as data would then get
altered quotes: import the CSV with its columns as text, or use the Parquet or DuckDB files.

{table(["resource", "CSV", "Parquet", "CSV sha256", "licence"], rows, "downloads")}

- [datapackage.json](downloads/datapackage.json): the Frictionless Data Package descriptor (schemas, licences, hashes).
- [uk_small_boats.duckdb](downloads/uk_small_boats.duckdb) ({db['bytes']:,} bytes): every table with keys, comments and views.

## Open them

=== "Python"

    ```python
    import pandas as pd
    claims = pd.read_parquet("claims.parquet")

    import duckdb
    con = duckdb.connect("uk_small_boats.duckdb", read_only=True)
    con.sql("SELECT verdict, count(*) FROM claim_checks GROUP BY ALL").show()

    from frictionless import Package
    package = Package("datapackage.json")  # validate with package.validate()
    ```

=== "R"

    ```r
    library(arrow)
    claims <- read_parquet("claims.parquet")
    daily <- readr::read_csv("official_daily.csv")
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
"""


def sql_console(specs: list[ResourceSpec]) -> str:
    resources = [s.name for s in specs]
    types = {s.name: {f["name"]: SQL_TYPES[f["type"]] for f in s.fields} for s in specs}
    examples = {
        "Claims marked discrepancy": "SELECT source_id, figure_text, quote, explanation\nFROM claims JOIN claim_checks USING (claim_id)\nWHERE verdict = 'discrepancy';",
        "Verdicts": "SELECT verdict, count(*) AS claims FROM claim_checks GROUP BY verdict ORDER BY claims DESC;",
        "Crossings by month": "SELECT date_trunc('month', date) AS month, sum(people_arrived) AS people, sum(boats_arrived) AS boats\nFROM official_daily GROUP BY ALL ORDER BY month DESC LIMIT 24;",
        "Returns under the pilot": "SELECT r.period_start, r.count, r.nationality, r.status, e.quote\nFROM returns r JOIN evidence e USING (evidence_id)\nWHERE r.policy_id = 'one-in-one-out';",
        "Count claims": "SELECT count(*) AS n FROM claims;",
    }
    buttons = "".join(f'<button class="md-button example" data-sql="{esc(sql)}">{esc(label)}</button> '
                      for label, sql in examples.items())
    return f"""# SQL in the browser

DuckDB runs in this page (DuckDB-WASM, served from this site) over the published CSV files, typed by
the Table Schemas: no server, nothing to install. (DuckDB-WASM reads Parquet only through an extension
it downloads from DuckDB's servers; this site makes no request outside its own origin, so it reads the
CSV twins of the same tables.) Tables: {', '.join(f'<code>{esc(r)}</code>' for r in resources)}.
The database lives in this tab's memory; nothing you run can change the published files.

<div id="sql-app">
<p>{buttons}</p>
<textarea id="sql" rows="6" spellcheck="false" aria-label="SQL query">SELECT count(*) AS n FROM claims;</textarea>
<p><button id="run" class="md-button md-button--primary" disabled>Loading DuckDB…</button> <span id="status" aria-live="polite"></span></p>
<div id="result" class="scroll"></div>
</div>
{json_script("sql-tables", types)}
<script type="importmap">{{"imports": {{"apache-arrow": "./assets/vendor/arrow-shim.mjs"}}}}</script>
<script src="assets/vendor/Arrow.es2015.min.js"></script>
<script type="module" src="assets/sql.js"></script>
"""


def charts(frames: dict[str, pd.DataFrame]) -> str:
    daily = frames["official_daily"]
    peak = daily.loc[daily["people_arrived"].idxmax()]
    yearly = daily.groupby(pd.to_datetime(daily["date"]).dt.year)["people_arrived"].sum()
    top = yearly.idxmax()
    verdicts = frames["claim_checks"]["verdict"].value_counts()
    return f"""# Charts

Data: the Home Office series (OGL v3) and this dataset's claims. The charts are interactive
(hover for values); each has a text summary.

## Daily arrivals, with the periods of checked claims

<div id="chart-daily" class="chart" role="img" aria-describedby="sum-daily"></div>
<p id="sum-daily" class="summary">Daily people arrived from {_fmt_day(daily['date'].min())} to {_fmt_day(daily['date'].max())}.
The highest day was {_fmt_day(peak['date'])} ({esc(peak['people_arrived'])} people); the highest year was {top} ({esc(yearly[top])}).
Shaded bands mark the dates covered by each claim checked against the series, coloured by verdict.</p>

## Weekly arrivals, boats, people per boat and preventions

<div id="chart-weekly" class="chart" role="img" aria-describedby="sum-weekly"></div>
<p id="sum-weekly" class="summary">Four weekly series from table SB_02: people arrived, boats arrived, people per
boat (people divided by boats), and people prevented from crossing by the French authorities (published from
May 2024; missing weeks are gaps, not zeros).</p>

## Verdicts

<div id="chart-verdicts" class="chart" role="img" aria-describedby="sum-verdicts"></div>
<p id="sum-verdicts" class="summary">{'; '.join(f'{n} {v.replace("_", " ")}' for v, n in verdicts.items())}.</p>

## Policy timeline

<div id="chart-timeline" class="chart" role="img" aria-describedby="sum-timeline"></div>
<p id="sum-timeline" class="summary">Events, returns, funding announcements and policy starts that the sources date,
from the <code>timeline</code> view.</p>

<script src="assets/vendor/vega.min.js"></script>
<script src="assets/vendor/vega-lite.min.js"></script>
<script src="assets/vendor/vega-embed.min.js"></script>
<script src="assets/charts.js"></script>
"""
