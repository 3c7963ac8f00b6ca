"""The claims explorer and the verdict rules page.

The explorer carries every column of ``claims`` and ``claim_checks`` (whatever the schemas hold),
so new columns such as a verdict's reading show up without a change here; the verdict cell shows
the explanation and, where the schemas have them, the reading and period basis.
"""

from __future__ import annotations

from typing import Any

import pandas as pd

from ...check import rules as verdict_rules
from ...extract import metrics as metric_docs
from ...extract import periods as period_docs
from ..context import SiteData, fmt_period
from ..html import badge, block, esc, json_script, page, table

# Shown in the verdict cell when the schemas have them (the rest are under "all fields").
VERDICT_DETAILS = ["rule", "reading", "period_basis", "date_from_series"]


def _jsonable(value: Any, ftype: str) -> str | int | float | bool | None:
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return None
    if ftype == "date":
        return pd.Timestamp(value).strftime("%Y-%m-%d")
    if ftype == "integer":
        return int(value)
    if ftype == "number":
        return float(value)
    if ftype == "boolean":
        return bool(value)
    return str(value)


def explorer_fields(site: SiteData) -> list[dict]:
    """Every field of claims then claim_checks (claim_id once), with type and description."""
    fields, seen = [], set()
    for name in ("claims", "claim_checks"):
        for f in site.specs[name].fields:
            if f["name"] not in seen:
                seen.add(f["name"])
                fields.append({"name": f["name"], "type": f["type"], "description": f.get("description", ""),
                               "table": name})
    return fields


def claims_explorer(site: SiteData) -> str:
    """The claims explorer page: every claim with its check as JSON for the page's script."""
    fields = explorer_fields(site)
    m = site.frames["claims"].merge(site.frames["claim_checks"], on="claim_id", how="left")
    records = []
    for r in m.to_dict("records"):
        rec: dict[str, object] = {f["name"]: _jsonable(r.get(f["name"]), f["type"]) for f in fields}
        src = site.sources.get(r["source_id"], {})
        rec["_source"] = {"title": site.source_title(r["source_id"]),
                          "publisher": src.get("publisher") if isinstance(src.get("publisher"), str) else "",
                          "published": _jsonable(src.get("published_date"), "date")}
        rec["_period"] = fmt_period(r["period_start"], r["period_end"])
        records.append(rec)
    verdicts = next(f for f in site.specs["claim_checks"].fields if f["name"] == "verdict")
    config = {"fields": fields, "details": [d for d in VERDICT_DETAILS if d in {f["name"] for f in fields}],
              "verdicts": verdicts.get("constraints", {}).get("enum", []),
              "issues": site.repository + "/issues/new" if site.repository.startswith("https://") else "",
              "page": site.page_url("claims.html")}
    intro = """<p>Every figure in every source, with its verdict against the official series and the explanation
behind it. Filter by source, metric or verdict, search the quotes, sources and publishers, and sort by any column
(the headings are buttons). The filters are kept in the address, so a filtered view can be shared. Each quote links
to its source page; <a href="verdict-rules.html">Verdict rules</a> explains each verdict.</p>"""
    app = f"""<div id="claims-app">
<form class="filters" role="search" aria-label="Filter claims">
<label>Source <select id="f-source"><option value="">all</option></select></label>
<label>Metric <select id="f-metric"><option value="">all</option></select></label>
<label>Verdict <select id="f-verdict"><option value="">all</option></select></label>
<label>Search <input id="f-text" type="search" placeholder="quote, source or publisher"></label>
<button type="button" id="f-clear" class="md-button">Clear</button>
</form>
<p class="explorer-actions"><span id="f-count" role="status" aria-live="polite"></span>
<button type="button" id="export-csv" class="md-button">Export CSV</button>
<button type="button" id="export-json" class="md-button">Export JSON</button></p>
<table id="claims-table">
<caption class="visually-hidden">Claims and their verdicts</caption>
<thead><tr>
<th scope="col" data-key="source"><button type="button">Source</button></th>
<th scope="col" data-key="quote"><button type="button">Quote</button></th>
<th scope="col" data-key="figure"><button type="button">Figure</button></th>
<th scope="col" data-key="period"><button type="button">Period</button></th>
<th scope="col" data-key="official"><button type="button">Official</button></th>
<th scope="col" data-key="verdict"><button type="button">Verdict</button></th>
</tr></thead>
<tbody></tbody>
</table>
<p class="explorer-more"><button type="button" id="more" class="md-button" hidden>Show 100 more</button>
<button type="button" id="all" class="md-button" hidden>Show all</button></p>
</div>
{json_script("claims-data", records)}{json_script("claims-config", config)}<script src="assets/claims.js"></script>"""
    return page("Claims explorer", block(intro), block(app, "claims-explorer"), front="hide:\n  - navigation\n  - toc\n")


def verdict_rules_page(site: SiteData) -> str:
    """The verdict rules page, generated from the checker's rule, reading and tolerance tables."""
    verdicts = table(["verdict", "meaning"], [[badge(v), esc(text)] for v, text in verdict_rules.VERDICT_DOCS.items()])
    readings = table(["reading", "the dates the official figure is computed for"],
                     [[f"<code>{esc(name)}</code>", esc(text)] for name, text in verdict_rules.READING_DOCS.items()])
    rules = table(["rule", "what it checks"],
                  [[f"<code>{esc(name)}</code>", esc(text)] for name, text in verdict_rules.RULE_DOCS.items()])
    r = verdict_rules
    tolerances = table(["setting", "value"], [
        ['"about"', esc(f"±{r.ABOUT:.0%}")],
        ['"almost" / "nearly"', esc(f"{1 - r.NEARLY:.0%} – 100% of the figure")],
        ["small revision", esc(f"{r.REVISION_REL:.0%} or {r.REVISION_ABS}, whichever is larger")],
        ["with a Revised day in the period", esc(f"{r.REVISED_DAY_REL:.0%} or {r.REVISED_DAY_ABS}")],
        ["provisional era (days of " + esc(f"{r.PROVISIONAL_ERA[0]} to {r.PROVISIONAL_ERA[1]}") + ")", esc(f"{r.PROVISIONAL_REL:.0%}")],
        ["boat counts", esc(f"{r.BOATS_REL:.0%} or {r.BOATS_ABS} boats")],
        ["no revision below", esc(f"{r.REVISION_FROM} (small counts must match)")],
        ["a gap too large for an error (unresolved)", esc(f"official / stated below {r.IMPLAUSIBLE_RATIO[0]:.2f} or above {r.IMPLAUSIBLE_RATIO[1]:.0f}")],
        ["percentage rounding", esc(f"{r.PCT_ROUNDING} point ({r.PCT_ABOUT} for \"about\"); revised within {r.PCT_REVISION}")]])
    bands = table(["word", "official values it can describe"],
                  [[esc(k.replace("_", " ")), esc(f"{a:,} – {b:,}")] for k, (a, b) in r.VAGUE_BANDS.items()])
    checked = table(["claim metric", "held as", "against"],
                    [[f"<code>{esc(k)}</code>", esc(kind), f"<code>{esc(v or '')}</code>"] for k, (kind, v) in r.MEASURES.items()])
    intro = ("<p>Every claim in <code>claim_checks</code> carries the name of the rule that gave its verdict. The "
             "rules and their tolerances live in one module (<code>uk_small_boats/check/rules.py</code>); this page "
             "is generated from it.</p>")
    return page("Verdict rules", block(intro + verdicts), "## Readings", block(readings), "## Rules", block(rules),
                "## Tolerances", block(tolerances),
                "## Vague quantity words", block(bands), "## Which official figure", block(checked))


def methodology_tables() -> str:
    """Metric vocabulary and period rules, appended to the hand-written methodology page."""
    metrics = [[f"<code>{esc(k)}</code>", esc(v)] for k, v in metric_docs.METRIC_DOCS.items()]
    periods = [[f"<code>{esc(k)}</code>", esc(v)] for k, v in period_docs.RULE_DOCS.items()]
    return ("\n\n## Metric vocabulary\n" + block(table(["metric", "what it counts"], metrics))
            + "\n\n## Period rules\n" + block(table(["period_rule", "how the dates are set"], periods)) + "\n")
