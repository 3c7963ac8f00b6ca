"""HTML for generated pages. Data never passes through Markdown: pages are raw HTML blocks (which
Python-Markdown leaves alone) and every value is escaped for the context it lands in here.

Contexts: element text and attribute values (``esc``), URLs built from ids (``href``), external
links (``external_link``: http and https only), JSON inside <script> (``json_script``). Page titles
reach the theme through the nav (escaped once by ``nav_title``) and the theme's <title> re-escapes
after its ``striptags`` (site/theme/main.html).
"""

from __future__ import annotations

import html
import json
import numbers
from urllib.parse import quote, urlsplit

import pandas as pd


def missing(value: object) -> bool:
    """Whether a value is absent: None, NaN, NA or NaT (a string, list or dict never is)."""
    return value is None or (not isinstance(value, (str, list, dict)) and pd.isna(value))


def esc(value: object) -> str:
    """Text or attribute value: escaped (quotes too); numbers with thousands separators."""
    if missing(value):
        return ""
    if isinstance(value, pd.Timestamp):
        return value.strftime("%Y-%m-%d")
    if isinstance(value, bool):  # a bool is a number to Python, not to a reader
        return html.escape(str(value), quote=True)
    if isinstance(value, numbers.Real):
        value = float(value)
        return html.escape(f"{int(value):,}" if value.is_integer() else f"{value:,}")
    return html.escape(str(value), quote=True)


def href(*parts: str, anchor: str | None = None) -> str:
    """A relative URL from path parts (ids are percent-encoded), escaped for an attribute."""
    url = "/".join(quote(str(p), safe="./") for p in parts)
    if anchor:
        url += "#" + quote(str(anchor), safe="")
    return html.escape(url, quote=True)


def external_link(url: object, text: str | None = None) -> str:
    """A link only for http(s) URLs; anything else (javascript:, data:) is shown as text."""
    if missing(url):
        return ""
    parts = urlsplit(str(url).strip())
    if parts.scheme not in ("http", "https") or not parts.netloc:
        return f"<code>{esc(url)}</code>"
    return f'<a href="{esc(parts.geturl())}" rel="noopener">{text if text is not None else esc(url)}</a>'


def nav_title(text: str) -> str:
    """mkdocs puts nav titles into pages as HTML: escape once here."""
    return html.escape(text, quote=True)


def highlight(quote_text: str, start: int, end: int) -> str:
    """The quote with the figure marked, every part escaped."""
    return f"{esc(quote_text[:start])}<mark>{esc(quote_text[start:end])}</mark>{esc(quote_text[end:])}"


def badge(verdict: object) -> str:
    """A verdict as a coloured label (empty when there is none)."""
    if missing(verdict):
        return ""
    return f'<span class="verdict verdict-{esc(verdict)}">{esc(str(verdict).replace("_", " "))}</span>'


def table(headers: list[str], rows: list[list[str]], caption: str | None = None) -> str:
    """An HTML table styled by the theme, which styles (and makes scrollable on narrow screens)
    only tables without a class. Headers are text; cells must already be HTML."""
    head = "".join(f'<th scope="col">{esc(h)}</th>' for h in headers)
    body = "\n".join("<tr>" + "".join(f"<td>{c}</td>" for c in r) + "</tr>" for r in rows)
    cap = f"<caption>{esc(caption)}</caption>" if caption else ""
    return f"<table>{cap}\n<thead><tr>{head}</tr></thead>\n<tbody>\n{body}\n</tbody>\n</table>\n"


def definition_table(rows: list[tuple[str, str]]) -> str:
    """Two-column key/value table: keys are text, values HTML."""
    body = "\n".join(f'<tr><th scope="row">{esc(k)}</th><td>{v}</td></tr>' for k, v in rows if v != "")
    return f"<table>\n<tbody>\n{body}\n</tbody>\n</table>\n"


def block(inner: str, cls: str = "generated") -> str:
    """One raw HTML block: Markdown leaves everything inside untouched."""
    return f'\n<div class="{esc(cls)}">\n{inner}\n</div>\n'


def heading(level: int, text: str, anchor: str | None = None) -> str:
    """A heading whose text is data (raw HTML, so Markdown's attribute lists cannot reach it)."""
    ident = f' id="{esc(anchor)}"' if anchor else ""
    return f"<h{level}{ident}>{esc(text)}</h{level}>"


def page(title: str, *parts: str, front: str = "") -> str:
    """A generated page: optional front matter, an <h1> from data, then parts. A part is either
    a raw block from ``block`` or static Markdown written in this package (never data)."""
    head = f"---\n{front}---\n\n" if front else ""
    return head + block(heading(1, title), "page-title") + "\n" + "\n\n".join(parts) + "\n"


def json_script(element_id: str, data: object) -> str:
    """Data for page scripts. '<', '>' and '&' are \\u-escaped, so nothing in the data can close
    the element or open a comment ('<!--' makes the HTML parser swallow the rest of the page)."""
    text = json.dumps(data, ensure_ascii=False, default=str, allow_nan=False)
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    text = text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
    return f'<script type="application/json" id="{esc(element_id)}">{text}</script>\n'
