"""The data dictionary, generated from the Table Schemas and the built files: a page per resource
(fields, keys both ways, coverage, files with their sha256), an index with the relationship
diagram, the views of the DuckDB file, and an index of every column."""

from __future__ import annotations

from urllib.parse import quote

import pandas as pd

from ...metadata.schemas import ResourceSpec
from ...publish.duckdb_db import dependency_order
from ..context import SiteData, fmt_period
from ..html import block, definition_table, esc, href, page, table


def _fields(fk: dict, key: str) -> list[str]:
    v = fk[key] if key == "fields" else fk["reference"]["fields"]
    return v if isinstance(v, list) else [v]


def relationships(site: SiteData) -> list[tuple[str, list[str], str, list[str]]]:
    """(resource, fields, referenced resource, referenced fields) for every foreign key."""
    return [(s.name, _fields(fk, "fields"), s.referenced_resource(fk), _fields(fk, "reference"))
            for s in site.specs.values() for fk in s.foreign_keys]


def coverage(spec: ResourceSpec, frame: pd.DataFrame) -> list[str]:
    """For each date column with values: the period it covers and how many rows have a date."""
    out = []
    for f in spec.fields:
        if f["type"] == "date" and frame[f["name"]].notna().any():
            col = frame[f["name"]].dropna()
            out.append(f"<code>{esc(f['name'])}</code>: {esc(fmt_period(col.min(), col.max()))} "
                       f"({len(col):,} of {len(frame):,} rows)")
    return out


def _file_cell(url: str, label: str, stats: dict) -> str:
    return (f'<a href="{url}">{esc(label)}</a> ({stats["bytes"]:,} bytes)<br>'
            f'<code class="hash">{esc(stats["hash"])}</code>')


def dictionary_page(site: SiteData, name: str) -> str:
    """A resource's page: facts and files, fields, foreign keys both ways, and example rows."""
    spec, frame, entry = site.specs[name], site.frames[name], site.entry(name)
    rels = relationships(site)
    field_rows = []
    for f in spec.fields:
        c = f.get("constraints", {})
        cons = [k if v is True else f"{k}: {', '.join(map(str, v)) if isinstance(v, list) else v}"
                for k, v in c.items() if k != "required"]
        if "x-codelist" in f:
            cons.append(f"code list: {f['x-codelist']}")
        refs = [f'→ <a href="{href(r + ".html", anchor="field-" + rf[0])}"><code>{esc(r)}.{esc(rf[0])}</code></a>'
                for res, fs, r, rf in rels if res == name and fs == [f["name"]]]
        field_rows.append([f'<code id="field-{esc(f["name"])}">{esc(f["name"])}</code>', esc(f["type"]),
                           esc(f.get("unit", "")), "yes" if c.get("required") or f["name"] in spec.primary_key else "",
                           esc("; ".join(cons)) + ("<br>" + " ".join(refs) if refs else ""),
                           esc(f.get("description", ""))])
    refs_out = [f'<li><code>{esc(", ".join(fs))}</code> → <a href="{href(r + ".html")}"><code>{esc(r)}</code></a>'
                f' (<code>{esc(", ".join(rf))}</code>)</li>' for res, fs, r, rf in rels if res == name]
    refs_in = [f'<li><a href="{href(res + ".html")}"><code>{esc(res)}</code></a>.<code>{esc(", ".join(fs))}</code> → '
               f'<code>{esc(", ".join(rf))}</code></li>' for res, fs, r, rf in rels if r == name]
    lic = entry["licenses"][0]
    pq = entry["x-parquet"]
    meta = [("rows", f"{len(frame):,}"), ("primary key", f"<code>{esc(', '.join(spec.primary_key))}</code>"),
            ("coverage", "<br>".join(coverage(spec, frame))),
            ("licence", esc(lic.get("title", lic["name"]))),
            ("CSV", _file_cell(href("..", "downloads", entry["path"]), f"{name}.csv", entry)),
            ("Parquet", _file_cell(href("..", "downloads", pq["path"]), f"{name}.parquet", pq)),
            ("in DuckDB", f"<code>SELECT * FROM {esc(name)}</code> (<a href=\"{href('..', 'sql.html')}?sql="
                          f"{esc(quote('SELECT * FROM ' + name + ' LIMIT 100;'))}\">try it</a>)")]
    example = frame.head(5).astype(object)
    ex_rows = [[esc(v)[:160] for v in row] for row in example.itertuples(index=False)]
    keys = (("<h3>References</h3><ul>" + "".join(refs_out) + "</ul>" if refs_out else "<p>References no other table.</p>")
            + ("<h3>Referenced by</h3><ul>" + "".join(refs_in) + "</ul>" if refs_in else "<p>No table refers to it.</p>"))
    return page(f"{spec.title} ({name})", block(f"<p>{esc(spec.schema.get('description', ''))}</p>" + definition_table(meta)),
                "## Fields", block(table(["field", "type", "unit", "required", "constraints", "description"], field_rows), "fields"),
                "## Foreign keys", block(keys),
                "## Example rows", block(table(spec.field_names, ex_rows), "examples"), front=WIDE)


# Pages whose tables are the content: the width of the table of contents goes to them, so that
# descriptions are read without scrolling sideways on a desktop.
WIDE = "hide:\n  - toc\n"


def diagram(site: SiteData) -> str:
    """The resources and their foreign keys as an SVG: rows by depth (a table below every table it
    refers to, each row ordered near what it refers to), an arrow for each reference."""
    order = [s.name for s in dependency_order(list(site.specs.values()))]
    refs = {(a, b) for a, _, b, _ in relationships(site) if a != b}
    depth: dict[str, int] = {}
    for n in order:
        depth[n] = 1 + max((depth[b] for a, b in refs if a == n and b in depth), default=-1)
    rows: dict[int, list[str]] = {}
    slot: dict[str, float] = {}
    for d in sorted(set(depth.values())):
        names = [n for n in order if depth[n] == d]
        near = {n: sum(slot[b] for a, b in refs if a == n) / max(1, sum(1 for a, _ in refs if a == n)) for n in names}
        rows[d] = sorted(names, key=lambda n: (near[n], n))
        slot.update({n: i for i, n in enumerate(rows[d])})
    w, h, gx, gy = 170, 30, 24, 44
    widest = max(len(v) for v in rows.values())
    width = widest * (w + gx) - gx + 20
    pos = {}
    for d, names in rows.items():
        left = 10 + (widest - len(names)) * (w + gx) / 2
        pos.update({n: (left + i * (w + gx), 10 + d * (h + gy)) for i, n in enumerate(names)})
    height = len(rows) * (h + gy) - gy + 20
    lines = []
    for a, b in sorted(refs):
        (ax, ay), (bx, by) = pos[a], pos[b]
        lines.append(f'<line x1="{ax + w / 2}" y1="{ay}" x2="{bx + w / 2}" y2="{by + h}" marker-end="url(#arrow)"/>')
    boxes = [f'<a class="er-node" href="{href(n + ".html")}"><rect x="{x}" y="{y}" width="{w}" height="{h}" rx="4"/>'
             f'<text x="{x + w / 2}" y="{y + h / 2 + 4}">{esc(n)}</text></a>' for n, (x, y) in pos.items()]
    text = "; ".join(f"{a} refers to {b}" for a, b in sorted(refs))
    return (f'<svg class="er-diagram" viewBox="0 0 {width:.0f} {height}" width="{width:.0f}" role="group" '
            f'aria-labelledby="er-title" aria-describedby="er-desc" xmlns="http://www.w3.org/2000/svg">'
            f'<title id="er-title">Tables and their foreign keys</title><desc id="er-desc">{esc(text)}.</desc>'
            f'<defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" '
            f'orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z"/></marker></defs>'
            f'<g class="edges">{"".join(lines)}</g><g class="nodes">{"".join(boxes)}</g></svg>')


def dictionary_index(site: SiteData) -> str:
    """The dictionary's index: every table, the diagram, the DuckDB views and the files with their hashes."""
    rows = [[f'<a href="{href(n + ".html")}"><code>{esc(n)}</code></a>', esc(s.title), esc(f"{len(site.frames[n]):,}"),
             esc(s.schema.get("description", ""))] for n, s in site.specs.items()]
    views = [[f"<code>{esc(r['name'])}</code>", esc(r["comment"]),
              esc(", ".join(c["name"] for c in r["columns"]))] for r in site.catalogue if r["kind"] == "view"]
    files = table(["file", "bytes", "sha256"], [
        [f'<a href="{href("..", "downloads", n)}">{esc(n)}</a>', esc(f"{st['bytes']:,}"),
         f'<code class="hash">{esc(st["hash"])}</code>'] for n, st in site.files.items()])
    intro = ("<p>Every table in the dataset, generated from its Table Schema (the single source of truth for "
             'columns). Each table is in the <a href="../downloads.html">downloads</a> as CSV and Parquet, with '
             'their sha256 on its page; the <a href="columns.html">column index</a> lists every column.</p>')
    return page("Data dictionary", block(intro + table(["table", "title", "rows", "what it holds"], rows)),
                "## How the tables relate",
                block("<p>An arrow points from a table up to a table it refers to (a foreign key); select a "
                      "table to open its page.</p>" + f'<div class="diagram-scroll">{diagram(site)}</div>'),
                "## Views in the DuckDB file",
                block("<p>Defined in the published database (and the SQL console) over the tables above.</p>"
                      + table(["view", "what it shows", "columns"], views)),
                "## Files and their sha256", block(files))


def column_index(site: SiteData) -> str:
    """Every column of every table, by name."""
    rows = []
    for s in site.specs.values():
        for f in s.fields:
            rows.append([f'<a href="{href(s.name + ".html", anchor="field-" + f["name"])}"><code>{esc(f["name"])}</code></a>',
                         f"<code>{esc(s.name)}</code>", esc(f["type"]), esc(f.get("unit", "")), esc(f.get("description", ""))])
    rows.sort(key=lambda r: r[0])
    return page("Column index", block(f"<p>All {len(rows)} columns of all tables, by name.</p>"
                                      + table(["column", "table", "type", "unit", "description"], rows)), front=WIDE)
