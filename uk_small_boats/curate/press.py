"""The press record: real articles of a labelled corpus as sources, their gold as the claims' review.

A corpus folder (``articles/<stem>.txt``, ``gold.csv``, and a README table of file, publisher, URL
and how each date was established) becomes ``sources`` rows, and its hand-labelled gold becomes
reviewed overrides of the extractor's claims (``data/claim_overrides_<name>.yaml``): where a gold
row and the extractor's claim for the same figure differ, the claim takes the gold's metric, period
and hedge, with the gold's note as the reason; a gold figure the extractor missed is added; a figure
the extractor gave as an arrival that the gold deliberately leaves out (averages, forecasts, groups
within a day's count) is set to ``people_other`` with the convention as the reason. The texts stay
out of the repository: only their hashes, sizes and short quotes are committed.

Run through ``uk-small-boats curate --corpus DIR``.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from pathlib import Path

import pandas as pd
import yaml

from ..extract.claims import CROSSING, extract_claims
from ..extract.context import headline_end
from ..extract.evaluate import GOLD_METRICS, gold_metric, load_corpus, match_gold, unlabelled_by_convention
from ..metadata.schemas import ResourceSpec, committed_csv, conform, read_csv_typed
from ..metadata.tables import sort_by_key, write_csv

LICENCE = "Third-party news text, not redistributed: the dataset keeps short quotes, the hash and the size."
QUALIFIER = {"exact": "exact", "about": "about", "more_than": "more_than", "almost": "almost",
             "at_least": "at_least", "up_to": "up_to", "fewer_than": "fewer_than"}
NOT_A_TITLE = re.compile(r"^(?:skip\s+to|subscription|\[\[|.*\|.*\||[A-Z][a-z]+ \d{1,2}, \d{4})|picture:|\(picture", re.I)


def readme_table(folder: Path) -> list[dict]:
    """The corpus README's table: file, publisher, URL, how the date was established."""
    rows = []
    for line in (folder / "README.md").read_text(encoding="utf-8").splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) >= 4 and re.fullmatch(r"[a-z]\d\d_\d{4}-\d\d-\d\d\.txt", cells[0]):
            rows.append({"file": cells[0], "publisher": cells[1], "url": cells[2], "how": cells[3]})
    return rows


def date_method(how: str) -> str:
    """The sources.date_method vocabulary from the README's words (the strongest evidence named)."""
    h = how.lower()
    if h.startswith("inferred"):
        return "inferred_from_series" if "series" in h else "inferred_from_text"
    if re.search(r"dateline|byline|published\s*[:\d]|\"published", h):
        return "stated"
    if "url" in h:
        return "url"
    if "stored page date" in h:
        return "stored_page_date"
    return "inferred_from_text"


def slug(text: str) -> str:
    """A publisher's name as an id part: lower case, hyphens, no notes in brackets, no leading "the"."""
    text = re.sub(r"\(.*?\)", "", text).split(" via ")[0]
    return re.sub(r"^the-", "", re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-"))


def title_of(text: str) -> str | None:
    """The headline, where the text starts with one (never invented)."""
    end = headline_end(text)
    first = text[:end].strip() if end else ""
    if len(first.split()) < 4 or NOT_A_TITLE.search(first):
        return None
    return first


def source_rows(folder: Path, collection: str) -> list[dict]:
    """One sources row per article of the corpus."""
    out = []
    for r in readme_table(folder):
        path = folder / "articles" / r["file"]
        data = path.read_bytes()
        publisher = re.sub(r"\s*\((?:copy|via)[^)]*\)", "", r["publisher"]).strip()
        out.append({
            "source_id": f"{slug(publisher)}-{r['file'][4:14]}", "file_name": r["file"],
            "sha256": hashlib.sha256(data).hexdigest(), "bytes": len(data), "kind": "news",
            "publisher": publisher,
            "publisher_basis": f"As the README of the labelled corpus `{collection}/` records it: \"{r['publisher']}\".",
            "title": title_of(data.decode("utf-8")), "author": None, "published_date": r["file"][4:14],
            "date_basis": r["how"], "date_method": date_method(r["how"]), "url": r["url"],
            "derived_from": None, "licence": LICENCE})
    return out


def _gold_period(g: dict) -> dict:
    if not g["period_start"]:
        return {"period_start": None, "period_end": None, "period_rule": "unresolved",
                "period_basis": "unresolved"}
    return {"period_start": g["period_start"], "period_end": g["period_end"], "period_rule": "manual",
            "period_basis": "stated"}


def _metric(g: dict) -> tuple[str, str]:
    metric, unit = GOLD_METRICS[g["metric"]]
    return metric, unit or {"percent_change": "percent", "boats_arrived": "boats"}.get(metric, "people")


def review_overrides(folder: Path, source_ids: dict[str, str], gold_file: Path | None = None) -> list[dict]:
    """Overrides that make the extractor's claims agree with the corpus gold, each with its reason."""
    texts, dates, gold = load_corpus(folder, gold_file)
    predicted = {a: extract_claims(texts[a], dates[a]) for a in texts}
    entries: list[dict] = []
    used: set[tuple[str, int]] = set()
    for g, k in match_gold(gold, texts, predicted):
        sid = source_ids[g["article"]]
        metric, unit = _metric(g)
        want = {"metric": metric, "unit": unit, "qualifier": QUALIFIER[g["qualifier"]], **_gold_period(g)}
        reason = f"Hand-labelled gold ({g['article']}): {g['note'] or 'as labelled'}"
        if k is None:
            entries.append({"source_id": sid, "action": "add", "figure_text": _figure_text(g, texts[g["article"]]),
                            "occurrence": _occurrence(g, texts[g["article"]]),
                            "set": {**want, "value": float(g["value"]), "extraction": "manual"},
                            "reason": reason + " (a figure the extractor missed)"})
            continue
        used.add((g["article"], k))
        p = predicted[g["article"]][k]
        got = {"metric": p["metric"], "unit": p["unit"], "qualifier": p["qualifier"],
               "period_start": _iso(p["period_start"]), "period_end": _iso(p["period_end"])}
        diff = {key: v for key, v in want.items() if key in got and got[key] != v}
        if float(g["value"]) != p["value"]:
            diff["value"] = float(g["value"])  # signed percentages
        if diff.keys() - {"qualifier"}:  # a hedge named differently is not worth an override
            if "period_start" in diff or "period_end" in diff:
                diff.update(period_rule=want["period_rule"], period_basis=want["period_basis"])
            entries.append({"claim_id": f"{sid}-{p['figure_start']}", "action": "set", "set": diff, "reason": reason})
    for a, rows in predicted.items():
        for k, p in enumerate(rows):
            checkable = p["metric"] in CROSSING  # a count of the crossings: a verdict would be published on it
            if (a, k) in used or unlabelled_by_convention(p) or (
                    gold_metric(p["metric"], p["unit"]) is None and not checkable):
                continue
            fix = ({"change_of": "count_other"} if p["metric"] == "percent_change" else
                   {"metric": "people_other" if p["unit"] == "people" else "count_other"})
            entries.append({"claim_id": f"{source_ids[a]}-{p['figure_start']}", "action": "set", "set": fix,
                            "reason": f"Not labelled by the corpus gold ({a}): by its conventions (README, NOTES) "
                                      f"this figure is not a count of arrivals, prevented or returned people "
                                      f"(an average, a forecast, a group within a day's count, or another measure)."})
    return entries


def _iso(d: object) -> str | None:
    return d.isoformat() if isinstance(d, dt.date) else None


def _figure_text(g: dict, text: str) -> str:
    """The figure as written inside the gold quote (the quote itself for an anaphoric row)."""
    quote = g["quote"]
    value = float(g["value"])
    for m in re.finditer(r"[£$€]?\d[\d,.]*(?:\s?(?:m|bn|million|billion))?%?|\b[A-Za-z-]+\b", quote):
        token = m.group(0)
        digits = re.sub(r"[^\d.]", "", token.replace(",", ""))
        if digits and digits.replace(".", "", 1).isdigit() and abs(float(digits) - abs(value)) < 1e-9:
            return token
    return quote


def _occurrence(g: dict, text: str) -> int:
    """Which occurrence of the figure text stands inside the gold quote."""
    fig = _figure_text(g, text)
    q = text.find(g["quote"])
    target = text.find(fig, q)
    n, pos = 0, -1
    while True:
        pos = text.find(fig, pos + 1)
        if pos < 0:
            return 1
        n += 1
        if pos == target:
            return n


def write_overrides(entries: list[dict], path: Path, collection: str) -> None:
    """Write the generated overrides as YAML under a header that says where they come from."""
    header = (f"# Reviewed corrections of the extractor's claims on the labelled corpus `{collection}/`, generated from its\n"
              f"# hand-labelled gold by `uk-small-boats curate --corpus` (see uk_small_boats/curate/press.py).\n"
              f"# Each entry's reason is the gold's note; edit the gold, not this file.\n")
    path.write_text(header + yaml.safe_dump(entries, sort_keys=False, allow_unicode=True, width=110),
                    encoding="utf-8")


def register(folder: Path, spec: ResourceSpec, data_dir: Path | None = None) -> tuple[int, int]:
    """Add (or refresh) a corpus's articles in ``sources.csv`` and write its reviewed overrides, in
    ``data_dir`` (the repository's data/ by default); returns (sources, overrides)."""
    committed = committed_csv(spec)
    data_dir = data_dir or committed.parent
    name = folder.resolve().name
    rows = source_rows(folder, name)
    current = read_csv_typed(data_dir / committed.name, spec)
    keep = current[~current["file_name"].isin([r["file_name"] for r in rows])]
    new = conform(pd.DataFrame(rows, columns=spec.field_names), spec, origin="corpus registration")
    write_csv(sort_by_key(pd.concat([keep, new], ignore_index=True), spec), spec, data_dir / committed.name)
    entries = review_overrides(folder, {r["file_name"][:-4]: r["source_id"] for r in rows})
    write_overrides(entries, data_dir / f"claim_overrides_{name}.yaml", name)
    return len(rows), len(entries)
