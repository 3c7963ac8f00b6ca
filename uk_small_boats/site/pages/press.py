"""Press accuracy: how accurately news sources reported the crossings, per publisher and year, with
every figure the series does not support listed with its quote, the official figure and why.

The same numbers are the DuckDB views ``press_accuracy`` and ``press_discrepancies``; this page is
computed from the same tables so that the site needs no database at build time.
"""

from __future__ import annotations

import pandas as pd

from ..context import SiteData, fmt_day
from ..html import block, esc, highlight, href, page, table
from .charts import CLAIMS, SCRIPTS, VERDICT_COLOURS, Chart, figure

CHECKED = ["match", "consistent", "revised", "discrepancy", "unresolved"]
SERIES_FROM = pd.Timestamp("2020-01-01")  # before this, papers kept their own tallies


def press_frame(site: SiteData) -> pd.DataFrame:
    """Every checked figure of a dated news source, with its publisher, year and verdict."""
    f = site.frames
    src = f["sources"]
    news = src[(src["kind"] == "news") & src["publisher"].notna() & src["published_date"].notna()]
    m = f["claims"].merge(f["claim_checks"], on="claim_id").merge(
        news[["source_id", "publisher", "published_date"]], on="source_id")
    m = m[m["verdict"].isin(CHECKED)].copy()
    m["year"] = pd.to_datetime(m["published_date"]).dt.year
    m["pre_series"] = pd.to_datetime(m["period_end"]) < SERIES_FROM
    return m


def press_chart(site: SiteData) -> Chart:
    """The share of each verdict among press figures, by year of publication."""
    m = press_frame(site)
    counts = m.groupby(["year", "verdict"]).size().reset_index(name="figures")
    order = {v: i for i, v in enumerate(CHECKED)}
    counts["order"] = counts["verdict"].map(order)
    summary = (f"{len(m)} figures from {m['source_id'].nunique()} news articles, {int(m['year'].min())}–"
               f"{int(m['year'].max())}: " + "; ".join(f"{int((m['verdict'] == v).sum())} {v}" for v in CHECKED) + ".")
    spec = {"mark": "bar",
            "encoding": {"x": {"field": "year", "type": "ordinal", "title": None},
                         "y": {"field": "figures", "type": "quantitative", "stack": "normalize",
                               "title": "share of figures checked", "axis": {"format": "%"}},
                         "color": {"field": "verdict", "type": "nominal", "title": "verdict",
                                   "scale": {"domain": CHECKED, "range": [VERDICT_COLOURS[v] for v in CHECKED]}},
                         "order": {"field": "order", "type": "quantitative"},
                         "tooltip": [{"field": "year"}, {"field": "verdict"}, {"field": "figures", "type": "quantitative"}]}}
    to = pd.Timestamp(m["published_date"].max())
    return Chart("press-verdicts", "Verdicts on press figures by year", "share of figures checked", CLAIMS,
                 counts, spec, summary, to, {"figures": "number"}, 240)


def press_page(site: SiteData, chart: Chart) -> str:
    """The press accuracy page: the chart, verdicts per publisher and year, and every discrepancy."""
    m = press_frame(site)
    by = m.groupby(["publisher", "year"])
    rows = []
    for (pub, year), g in sorted(by, key=lambda kv: (kv[0][1], kv[0][0])):
        v = g["verdict"]
        wrong = g[v == "discrepancy"]
        rows.append([esc(pub), esc(str(int(year))), esc(len(g)), esc(int((v == "match").sum())),
                     esc(int((v == "consistent").sum())), esc(int((v == "revised").sum())),
                     esc(int(wrong["pre_series"].sum())), esc(int((~wrong["pre_series"]).sum())),
                     esc(int((v == "unresolved").sum()))])
    totals = table(["publisher", "year", "checked", "match", "consistent", "since revised", "pre-2020 tally off",
                    "discrepancy", "unresolved"], rows)
    wrong = m[m["verdict"] == "discrepancy"].sort_values(["published_date", "publisher", "figure_start"])
    items = []
    for r in wrong.to_dict("records"):
        q = highlight(r["quote"], int(r["figure_start"] - r["char_start"]), int(r["figure_end"] - r["char_start"]))
        era = "pre-series press tally" if r["pre_series"] else "reported figure"
        items.append(f"""<div class="press-discrepancy">
<p><a href="{href('sources', r['source_id'] + '.html')}#{esc(r['claim_id'])}">{esc(r['publisher'])}, {esc(fmt_day(r['published_date']))}</a> · {esc(era)}</p>
<blockquote>{q}</blockquote>
<p>Official: {esc(f"{r['official_value']:,.0f}" if pd.notna(r['official_value']) else "none")}. {esc(r['explanation'])}</p>
</div>""")
    intro = ("<p>How accurately news sources reported small-boat crossings, figure by figure, against the Home "
             "Office series. A figure that differs only as much as provisional figures are revised by is counted as "
             "<em>since revised</em>, not wrong; before 2020 there was no published daily series and papers kept "
             "their own tallies, so those misses are shown apart. A figure whose dates the text does not state is "
             "<em>unresolved</em>, never wrong. The same numbers are the <code>press_accuracy</code> and "
             "<code>press_discrepancies</code> views of the DuckDB file.</p>")
    return page("Press accuracy", block(intro), block(figure(site, chart, "press.html") + "\n" + SCRIPTS, "charts"),
                "## By publisher and year", block(totals),
                f"## Figures the series does not support ({len(wrong)})",
                block("\n".join(items) or "<p>None.</p>"), front="hide:\n  - toc\n")  # room for the table
