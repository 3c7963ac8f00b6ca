"""The built site carries the data's date, not the build's, and the downloads page states the CSV choice."""

import datetime as dt
import gzip
import re
import struct

import pandas as pd
import pytest

from uk_small_boats.pipeline import build


@pytest.fixture(scope="module")
def site_build(tmp_path_factory):
    out = tmp_path_factory.mktemp("sitebuild") / "build"
    build(out, site=True)
    return out


def newest_input_day(out) -> dt.date:
    days = [pd.read_csv(out / "data" / "official_daily.csv")["date"].max(),
            pd.read_csv(out / "data" / "sources.csv")["published_date"].dropna().max()]
    return dt.date.fromisoformat(max(days))


def test_sitemap_is_dated_by_the_data_not_the_build(site_build):
    raw = (site_build / "site" / "sitemap.xml.gz").read_bytes()
    day = newest_input_day(site_build)
    assert day != dt.date.today()
    stamp = dt.datetime.fromtimestamp(struct.unpack("<I", raw[4:8])[0], dt.timezone.utc).date()
    text = gzip.decompress(raw).decode("utf-8")
    assert stamp == day
    assert str(dt.date.today()) not in text
    assert set(re.findall(r"<lastmod>(.*?)</lastmod>", text)) <= {str(day)}
    assert (site_build / "site" / "sitemap.xml").read_text(encoding="utf-8") == text


def test_downloads_page_explains_the_csv_cells_are_verbatim(site_build):
    page = (site_build / "site" / "downloads" / "index.html")
    page = page if page.exists() else site_build / "site" / "downloads.html"
    text = page.read_text(encoding="utf-8")
    assert "formula" in text and "verbatim" in text


def test_csv_text_cells_starting_with_formula_characters_stay_verbatim(tmp_path):
    """The documented choice: no apostrophe prefix, so the CSV still equals the archived quotes."""
    import csv

    from uk_small_boats.metadata.schemas import resource
    from uk_small_boats.metadata.tables import write_csv
    spec = resource("actors")
    names = ["=HYPERLINK(\"http://x\")", "+44 group", "-minus", "@handle"]
    df = pd.DataFrame({f: [None] * 4 for f in spec.field_names})
    df["actor_id"], df["name"] = [f"a{i}" for i in range(4)], names
    write_csv(df, spec, tmp_path / "actors.csv")
    assert [r["name"] for r in csv.DictReader((tmp_path / "actors.csv").open(encoding="utf-8"))] == names
