"""Source pages: an index of every source, a page for the Home Office series, and a page per text
with its metadata, every claim and every evidence quote the policy tables rest on."""

from __future__ import annotations

import pandas as pd

from ..context import SiteData, fmt_day, fmt_period
from ..html import badge, block, definition_table, esc, external_link, highlight, href, page, table
from .policy import PAGES, Links, evidence_users, with_unit

SOURCE_LABEL = {"news": "news article", "official": "official statistics",
                "unattributed_rewrite": "unattributed rewrite"}
DETAILS = ["reading", "period_basis", "date_from_series"]  # shown with a verdict when the schema has them


def sources_index(site: SiteData) -> str:
    """The index of every source with its kind, publisher, date, counts and archive status."""
    claims = site.frames["claims"]["source_id"].value_counts()
    evidence = site.frames["evidence"]["source_id"].value_counts()
    missing = site.report.get("archive", {}).get("not_reverified", {})
    rows = []
    for sid, s in sorted(site.sources.items(), key=lambda kv: (str(kv[1]["published_date"]), kv[0])):
        rows.append([f'<a href="{href("sources", sid + ".html")}">{esc(site.source_title(sid))}</a>',
                     esc(SOURCE_LABEL.get(s["kind"], s["kind"])),
                     esc(s["publisher"]) or "<em>not established</em>",
                     esc(fmt_day(s["published_date"])) or "<em>not established</em>",
                     esc(int(claims.get(sid, 0))), esc(int(evidence.get(sid, 0))),
                     "not on this build's archive path" if sid in missing else "sha256 verified"])
    intro = ("<p>Every document the dataset draws on. News texts are third-party: only short quotes are "
             "published, each with its character offsets in the archived file, whose SHA-256 the build checks. "
             'The same list is the <a href="dictionary/sources.html"><code>sources</code></a> table.</p>')
    return page("Sources", block(intro + table(["source", "kind", "publisher", "published", "claims",
                                                "evidence quotes", "archive"], rows)), front="hide:\n  - toc\n")


def _claim(site: SiteData, r: dict) -> str:
    q = highlight(r["quote"], int(r["figure_start"] - r["char_start"]), int(r["figure_end"] - r["char_start"]))
    unit = r.get("unit")
    official = "" if pd.isna(r.get("official_value")) else esc(with_unit(r["official_value"], unit))
    qual = "" if r["qualifier"] == "exact" else r["qualifier"].replace("_", " ") + " "
    facts = [f"{d.replace('_', ' ')}: {esc(str(r[d]).replace('_', ' '))}" for d in DETAILS
             if d in r and not pd.isna(r[d])]
    period = esc(fmt_period(r["period_start"], r["period_end"]))
    if isinstance(r.get("period_text"), str):
        period += f" <em>({esc(r['period_text'])})</em>"
    report = site.issue_url(f"Wrong verdict: {r['claim_id']}",
                            f"Claim {r['claim_id']} ({site.page_url('sources/' + r['source_id'] + '.html')}#{r['claim_id']})\n\n"
                            f"Quote: {r['quote']}\n\nVerdict: {r.get('verdict')} (rule {r.get('rule')})\n"
                            f"Explanation: {r.get('explanation')}\n\nWhat is wrong, and the evidence:\n")
    review = f'<p class="review">Corrected by hand: {esc(r["review"])}</p>' if isinstance(r.get("review"), str) else ""
    return f"""<div class="claim" id="{esc(r['claim_id'])}">
<blockquote>{q}</blockquote>
<p>{badge(r.get('verdict'))} <strong>{esc(r['metric'].replace('_', ' '))}</strong>: {esc(qual)}{esc(with_unit(r['value'], unit))}
· period {period}{' · official ' + official if official else ''} · characters {int(r['char_start']):,}–{int(r['char_end']):,}</p>
<p class="explanation">{esc(r.get('explanation'))}{' <span class="verdict-facts">(' + '; '.join(facts) + ')</span>' if facts else ''}</p>
{review}<p class="claim-links"><a href="{href('../claims.html')}?q={esc(r['claim_id'])}">In the claims explorer</a> ·
<a class="report" href="{esc(report)}" rel="noopener">Report a wrong verdict</a></p>
</div>"""


def _evidence(site: SiteData, links: Links, ev: dict, users: list[tuple[str, str, str]]) -> str:
    used = "".join(f'<li>{esc(PAGES.get(res, (None, res))[1] if res in PAGES else "Participants")}: '
                   f'<a href="{links.url(res, key)}">{esc(label)}</a></li>' for res, key, label in users)
    claim = ""
    if isinstance(ev.get("claim_id"), str):
        claim = f' · states claim <a href="#{esc(ev["claim_id"])}"><code>{esc(ev["claim_id"])}</code></a>'
    return f"""<div class="evidence" id="{esc(ev['evidence_id'])}">
<blockquote>{esc(ev['quote'])}</blockquote>
<p><code>{esc(ev['evidence_id'])}</code> · characters {int(ev['char_start']):,}–{int(ev['char_end']):,}{claim}</p>
{'<ul class="used-by">' + used + '</ul>' if used else '<p><em>Not cited by a policy row.</em></p>'}
</div>"""


def source_page(site: SiteData, sid: str) -> str:
    """A text's page: its metadata, differences from its original, its claims and its evidence quotes."""
    src = site.sources[sid]
    f = site.frames
    links = Links(site, "../")
    merged = f["claims"][f["claims"]["source_id"] == sid].merge(f["claim_checks"], on="claim_id", how="left") \
        .sort_values("figure_start")
    checks = f["source_date_checks"]
    date_check = checks[checks["source_id"] == sid].to_dict("records")
    meta = [("kind", esc(SOURCE_LABEL.get(src["kind"], src["kind"]))),
            ("publisher", esc(src["publisher"]) or "<em>not established (none is invented)</em>"),
            ("how the publisher was established", esc(src["publisher_basis"])),
            ("title", esc(src["title"]) or "<em>none in the text</em>"),
            ("author", esc(src["author"])),
            ("published", esc(fmt_day(src["published_date"])) or "<em>not established</em>"),
            ("how the date was established", esc(src["date_basis"])),
            ("date held against the series", (esc(date_check[0]["result"].replace("_", " ")) + ": "
                                              + esc(date_check[0]["explanation"])) if date_check else ""),
            ("address", external_link(src["url"])),
            ("file", f"<code>{esc(src['file_name'])}</code>"), ("sha256", f'<code class="hash">{esc(src["sha256"])}</code>'),
            ("licence of the text", esc(src["licence"]))]
    if isinstance(src["derived_from"], str):
        meta.append(("rewrites", f'<a href="{href(src["derived_from"] + ".html")}">{esc(site.source_title(src["derived_from"]))}</a>'))
    warn = ""
    if sid in site.report.get("archive", {}).get("not_reverified", {}):
        warn = ('<div class="admonition warning"><p class="admonition-title">Not re-verified in this build</p>'
                "<p>The archived text was not on the build machine's archive search path, so these quotes were "
                "published from committed data without re-checking their offsets.</p></div>")
    parts = [block(warn + definition_table(meta) +
                   "<p>Only short quotes are published; the full text is third-party and is not redistributed.</p>")]
    diffs = f["source_differences"]
    mine = diffs[diffs["source_id"] == sid]
    if len(mine):
        rows = [[esc(d["change"].replace("_", " ")), esc(d["original_quote"]), esc(d["quote"]),
                 esc(d["description"]) + "".join(f"<br><em>{label}: {esc(d[col])}</em>" for col, label in
                                                 (("phrase_changes", "phrases"), ("review", "reviewed by hand"))
                                                 if isinstance(d.get(col), str))]
                for d in mine.sort_values(["original_char_start", "char_start"], na_position="last").to_dict("records")]
        parts += ["## Differences from the original",
                  block("<p>Each sentence of this text aligned in order with the original's by the content words they "
                        "share (page furniture cut away); pairs where a figure, date word or name differs, added and "
                        "omitted sentences, and differences stated by a reviewer:</p>"
                        + table(["change", "original", "this text", "what changed"], rows),
                        "side-by-side")]
    parts += [f"## Claims ({len(merged)})", block("\n".join(_claim(site, r) for r in merged.to_dict("records"))
                                                  or "<p>No figures in this text.</p>", "claims")]
    ev = f["evidence"][f["evidence"]["source_id"] == sid].sort_values("char_start")
    if len(ev):
        users = evidence_users(site)
        parts += [f"## Evidence for the policy tables ({len(ev)})",
                  block("<p>Every quote from this text that a row of the policy tables rests on, with the rows "
                        "that cite it.</p>" + "\n".join(_evidence(site, links, e, users.get(e["evidence_id"], []))
                                                         for e in ev.to_dict("records")), "evidence-list")]
    return page(site.source_title(sid), *parts)


def series_page(site: SiteData, sid: str) -> str:
    """The Home Office series: what it is, its file, coverage, notes, and where it is used."""
    src = site.sources[sid]
    daily, weekly = site.frames["official_daily"], site.frames["official_weekly"]
    entry = site.entry("official_daily")
    notes = entry["description"].split("\n\n", 1)[1] if "\n\n" in entry["description"] else ""
    recon = site.report.get("official_reconciliation", {})
    meta = [("publisher", esc(src["publisher"])), ("title", esc(src["title"])),
            ("address", external_link(src["url"])),
            ("file", f"<code>{esc(src['file_name'])}</code> ({int(src['bytes']):,} bytes)"),
            ("sha256", f'<code class="hash">{esc(src["sha256"])}</code>'),
            ("licence", esc(src["licence"])),
            ("daily table SB_01", f'<a href="../dictionary/official_daily.html"><code>official_daily</code></a>: '
                                  f"{len(daily):,} days, {esc(fmt_period(daily['date'].min(), daily['date'].max()))}"),
            ("weekly table SB_02", f'<a href="../dictionary/official_weekly.html"><code>official_weekly</code></a>: '
                                   f"{len(weekly):,} weeks ending {esc(fmt_period(weekly['week_ending'].min(), weekly['week_ending'].max()))}"),
            ("weekly against daily", esc(f"{recon.get('weeks_compared', 0):,} weeks compared, "
                                         f"{len(recon.get('weeks_differing', [])):,} differ") if recon else ""),
            ("how the date was established", esc(src["date_basis"]))]
    intro = ("<p>The official series every claim is checked against: provisional operational data, revised "
             "weekly, vendored in this repository under the Open Government Licence v3.0. Zero and missing are "
             "different facts: a '-' in the sheet is empty in the data, never 0. "
             '<a href="../charts.html">Charts</a> show it; <a href="../sql.html">SQL</a> queries it.</p>')
    notes_html = "".join(f"<p>{esc(p)}</p>" for p in notes.split("\n") if p.strip())
    return page(site.source_title(sid), block(intro + definition_table(meta)),
                "## What the Home Office says about the series", block(notes_html, "series-notes"))
