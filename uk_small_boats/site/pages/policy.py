"""Readable pages for the policy tables (policies, events with their participants, returns, funding,
actors): one card per row, every field of its schema in words, references as links, and the
evidence quote each row rests on.

``Links`` resolves a reference to any resource into a page and anchor; source pages and the
dictionary use it too, so a row is linked the same way everywhere.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pycountry

from ...metadata.schemas import ResourceSpec
from ..context import SiteData, fmt_day
from ..html import block, esc, heading, href, missing, page

PAGES = {  # resource -> (page file, nav title, intro)
    "policies": ("policies.html", "Policies", "Schemes, agreements and measures the sources describe, with the dates they give."),
    "events": ("events.html", "Events", "Summits, visits, meetings and announcements, with who took part as the sources name them."),
    "returns": ("returns.html", "Returns", "People returned, deported or removed (or planned to be), as the sources report them."),
    "funding": ("funding.html", "Funding", "Money committed to tackle Channel crossings and smuggling: who pays whom, how much, for what."),
    "actors": ("actors.html", "Actors", "People, governments and bodies named in the policy tables."),
}
NESTED = {"participants": "events"}  # shown on the page of the resource they belong to
LABEL_FIELDS = ["name", "title", "purpose", "description"]
CURRENCY = {"GBP": "£", "EUR": "€", "USD": "$"}


def with_unit(value: Any, unit: str | None) -> str:
    """A number with its unit in words or symbols (text, not HTML)."""
    if missing(value):
        return ""
    v = float(value)
    n = f"{int(v):,}" if v.is_integer() else f"{v:,}"
    if unit in CURRENCY:
        for size, suffix in ((1e9, "bn"), (1e6, "m")):
            if v >= size:
                return f"{CURRENCY[unit]}{v / size:,.4g}{suffix}"
        return f"{CURRENCY[unit]}{n}"
    return {"percent": f"{n}%", "people": f"{n} {'person' if v == 1 else 'people'}",
            "boats": f"{n} boat{'' if v == 1 else 's'}", "countries": f"{n} countr{'y' if v == 1 else 'ies'}"}.get(unit or "", n)


def country(code: str) -> str:
    """A country's name with its ISO code, "France (FR)" (the code alone if unknown)."""
    c = pycountry.countries.get(alpha_2=code)
    return f"{c.name} ({code})" if c else code


@dataclass
class Links:
    """Where each row of each resource is shown, for pages at depth ``root`` ("" or "../")."""
    site: SiteData
    root: str = ""

    def __post_init__(self) -> None:
        f = self.site.frames
        self._source_of = {"claims": dict(zip(f["claims"]["claim_id"], f["claims"]["source_id"], strict=True)),
                           "evidence": dict(zip(f["evidence"]["evidence_id"], f["evidence"]["source_id"],
                                                strict=True))}

    def url(self, resource: str, key: str) -> str | None:
        """The link to the row ``key`` of ``resource``: its source page for claims and evidence,
        else its card on the policy page that shows it (None if no page shows it)."""
        if resource in self._source_of:
            sid = self._source_of[resource].get(key)
            return href(self.root + "sources", f"{sid}.html", anchor=key) if sid else None
        if resource == "sources":
            return href(self.root + "sources", f"{key}.html")
        target = NESTED.get(resource, resource)
        if target in PAGES:
            return href(self.root + PAGES[target][0], anchor=key)
        return None

    def label(self, resource: str, key: str) -> str:
        """A readable name for the row ``key`` of ``resource`` (the key when there is none)."""
        if resource == "sources":
            return self.site.source_title(key)
        df = self.site.frames.get(resource)
        spec = self.site.specs.get(resource)
        if df is None or spec is None or not spec.primary_key:
            return key
        row = df[df[spec.primary_key[0]] == key]
        return row_label(spec, row.iloc[0].to_dict(), actor_names(self.site)) if len(row) else key


def row_label(spec: ResourceSpec, row: dict, actors: dict[str, str] | None = None) -> str:
    """A heading for a row: its name (or title, purpose, description); for a row about an actor or
    a country without a name of its own (a participant), who or where it is comes first."""
    text = str(row[spec.primary_key[0]])
    for name in LABEL_FIELDS:
        if name in spec.field_names and isinstance(row.get(name), str) and row[name].strip():
            text = row[name].strip()
            text = text if len(text) <= 110 else text[:107].rstrip() + "…"
            break
    if "name" in spec.field_names:
        return text
    actor = row.get("actor_id")
    who = actors.get(actor) if actors and isinstance(actor, str) else None
    if who:
        return f"{who}, {text}"
    if isinstance(row.get("country_code"), str) and "actor_id" in spec.field_names:
        return f"{text} ({country(row['country_code']).rsplit(' (', 1)[0]})"
    return text


def actor_names(site: SiteData) -> dict[str, str]:
    """actor_id -> name."""
    a = site.frames["actors"]
    return dict(zip(a["actor_id"], a["name"], strict=True))


def _fk_targets(spec: ResourceSpec) -> dict[str, str]:
    out = {}
    for fk in spec.foreign_keys:
        fields = fk["fields"] if isinstance(fk["fields"], list) else [fk["fields"]]
        if len(fields) == 1:
            out[fields[0]] = spec.referenced_resource(fk)
    return out


def value_html(site: SiteData, links: Links, spec: ResourceSpec, field: dict, row: dict) -> str:
    """One field's value as HTML: references linked, codes named, dates and units in words."""
    name, value = field["name"], row.get(field["name"])
    if missing(value) or value == "":
        return ""
    target = _fk_targets(spec).get(name)
    if target == "evidence":
        return evidence_html(site, links, str(value))
    if target:
        url = links.url(target, str(value))
        text = esc(links.label(target, str(value)))
        return f'<a href="{url}">{text}</a>' if url else text
    if field["type"] == "date":
        return esc(fmt_day(value))
    if field.get("x-codelist", "").startswith("ISO-3166"):
        return esc(", ".join(country(c) for c in str(value).split(field.get("x-codelist-separator") or "\0")))
    if field["type"] in ("integer", "number"):
        unit = field.get("unit") or (row.get("currency") if name == "amount" else None)
        return esc(with_unit(value, unit))
    if field["type"] == "boolean":
        return "yes" if value else "no"
    if "enum" in field.get("constraints", {}):
        return esc(str(value).replace("_", " "))
    return esc(value)


def evidence_html(site: SiteData, links: Links, evidence_id: str) -> str:
    """The evidence quote a row rests on, with a link to it on its source page and its offsets."""
    ev = site.frames["evidence"]
    row = ev[ev["evidence_id"] == evidence_id]
    if not len(row):
        return esc(evidence_id)
    r = row.iloc[0]
    return (f'<blockquote class="evidence">{esc(r["quote"])}</blockquote>'
            f'<a href="{links.url("evidence", evidence_id)}">{esc(site.source_title(r["source_id"]))}</a>, '
            f'characters {int(r["char_start"]):,}–{int(r["char_end"]):,}')


def card(site: SiteData, links: Links, spec: ResourceSpec, row: dict, level: int = 2) -> str:
    """One row as a section: its label as heading, its key, and every other field in words."""
    key = str(row[spec.primary_key[0]])
    label = row_label(spec, row, actor_names(site))
    rows = []
    for f in spec.fields:
        if f["name"] in spec.primary_key or (f["name"] in LABEL_FIELDS and row.get(f["name"]) == label):
            continue
        v = value_html(site, links, spec, f, row)
        if v:
            rows.append(f'<dt title="{esc(f.get("description", ""))}">{esc(f["name"].replace("_", " "))}</dt><dd>{v}</dd>')
    return (f'<section class="record" id="{esc(key)}" aria-labelledby="{esc(key)}-h">'
            f'{heading(level, label, key + "-h")}<p class="record-id"><code>{esc(key)}</code></p>'
            f'<dl class="record-fields">{"".join(rows)}</dl></section>')


def policy_page(site: SiteData, resource: str) -> str:
    """The page of a policy table: an index of its rows, then a card per row (events with their participants)."""
    spec = site.specs[resource]
    links = Links(site)
    df = site.frames[resource]
    cards = []
    for row in df.to_dict("records"):
        html = card(site, links, spec, row)
        if resource == "events":
            parts = site.frames["participants"]
            mine = parts[parts["event_id"] == row["event_id"]]
            if len(mine):
                html = html.replace("</section>", '<h3>Taking part</h3><div class="participants">' + "".join(
                    card(site, links, site.specs["participants"], p, 4) for p in mine.to_dict("records")) + "</div></section>")
        cards.append(html)
    index = "".join(f'<li><a href="#{esc(r[spec.primary_key[0]])}">{esc(row_label(spec, r, actor_names(site)))}</a></li>'
                    for r in df.to_dict("records"))
    file, title, intro = PAGES[resource]
    head = (f"<p>{esc(intro)} Every row rests on a quote from a source, shown with it. The table is "
            f'<a href="dictionary/{esc(resource)}.html"><code>{esc(resource)}</code></a> in the downloads.</p>'
            f'<nav aria-label="{esc(title)} on this page"><ul>{index}</ul></nav>')
    return page(title, block(head), block("\n".join(cards), "records"))


def evidence_users(site: SiteData) -> dict[str, list[tuple[str, str, str]]]:
    """evidence_id -> [(resource, key, label)] of the policy rows that cite it."""
    out: dict[str, list[tuple[str, str, str]]] = {}
    for resource in list(PAGES) + list(NESTED):
        spec = site.specs[resource]
        if "evidence_id" not in spec.field_names:
            continue
        for r in site.frames[resource].to_dict("records"):
            if isinstance(r["evidence_id"], str):
                out.setdefault(r["evidence_id"], []).append(
                    (resource, str(r[spec.primary_key[0]]), row_label(spec, r, actor_names(site))))
    return out

