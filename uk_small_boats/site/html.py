"""Small HTML helpers. Everything that came from a source is escaped here, on every page."""

from __future__ import annotations

import html
import json
import numbers

import pandas as pd


def esc(value) -> str:
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return ""
    if isinstance(value, pd.Timestamp):
        return value.strftime("%Y-%m-%d")
    if isinstance(value, numbers.Real) and not isinstance(value, bool):
        value = float(value)
        return html.escape(f"{int(value):,}" if value.is_integer() else f"{value:,}")
    return html.escape(str(value))


def highlight(quote: str, start: int, end: int) -> str:
    """The quote with the figure marked, every part escaped."""
    return f"{esc(quote[:start])}<mark>{esc(quote[start:end])}</mark>{esc(quote[end:])}"


def badge(verdict) -> str:
    if verdict is None or pd.isna(verdict):
        return ""
    return f'<span class="verdict verdict-{esc(verdict)}">{esc(str(verdict).replace("_", " "))}</span>'


def table(headers: list[str], rows: list[list[str]], cls: str = "") -> str:
    """An HTML table; cells must already be escaped HTML."""
    head = "".join(f"<th>{esc(h)}</th>" for h in headers)
    body = "\n".join("<tr>" + "".join(f"<td>{c}</td>" for c in r) + "</tr>" for r in rows)
    return f'<table class="{cls}">\n<thead><tr>{head}</tr></thead>\n<tbody>\n{body}\n</tbody>\n</table>\n'


def json_script(element_id: str, data) -> str:
    """Data for page scripts; '</' is escaped so a quote cannot close the script element."""
    text = json.dumps(data, ensure_ascii=False, default=str).replace("</", "<\\/")
    return f'<script type="application/json" id="{element_id}">{text}</script>\n'
