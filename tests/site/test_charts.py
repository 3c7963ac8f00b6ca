"""Charts: each drawn, titled with units, dated, sourced, downloadable as data and images, cited;
the toolbar never covers the plot; the data behind each is what the database says."""

from __future__ import annotations

import csv
import io
import re

import duckdb
import pytest

from .conftest import AXE, new_page, shot
from .test_pages import AXE_RUN, PHONE

pytestmark = pytest.mark.browser
ALL_DRAWN = ("() => { const c = [...document.querySelectorAll('.chart[data-chart]')];"
             " return c.length > 0 && c.every(e => e.dataset.rendered); }")


@pytest.fixture(scope="module")
def charts_page(browser, site):
    _, base = site
    with new_page(browser, base) as pg:
        pg.goto(base + "charts.html", wait_until="load")
        pg.wait_for_function(ALL_DRAWN, timeout=30000)
        yield pg


def csv_rows(pg, url: str) -> list[dict]:
    resp = pg.request.get(url)
    assert resp.ok, url
    return list(csv.DictReader(io.StringIO(resp.text())))


def test_every_chart_is_titled_dated_sourced_and_described(charts_page):
    pg = charts_page
    figures = pg.locator("figure.chart-figure")
    assert figures.count() >= 9
    ids = figures.evaluate_all("fs => fs.map(f => f.id)")
    # the charts readers of the series expect (issue 13), each with its own figure
    assert {"yearly", "year-to-date", "monthly", "seven-day-average", "people-per-boat"} <= set(ids)
    for i in range(figures.count()):
        fig = figures.nth(i)
        assert fig.evaluate("f => f.querySelector('.chart').dataset.rendered") == "true"
        title = fig.locator("figcaption strong").inner_text()
        svg = fig.locator(".chart svg").first
        drawn = svg.evaluate("s => s.textContent")
        assert title in drawn, title  # title, units line, date and credits are part of the image
        assert "data to" in drawn and "Source:" in drawn and "CC BY 4.0" in drawn, title
        subtitle = fig.evaluate("f => JSON.parse(document.getElementById('spec-' + f.id).textContent).title.subtitle[0]")
        assert re.fullmatch(r"[A-Z][a-z][^,]*(, [^,]+)*, data to \d{1,2} [A-Z][a-z]+ \d{4}", subtitle), title
        assert subtitle in drawn, title  # its units in words, then the date, drawn under the title
        label = fig.locator(".chart").get_attribute("aria-label") or ""
        assert label.startswith(title), title  # the accessible name says what the chart is
        assert svg.evaluate("s => s.querySelectorAll('path, rect, line').length") > 5, title
        assert "data to" in fig.locator("figcaption").inner_text(), title
        fig.locator(".chart-cite summary").click()
        assert "uk-small-boats contributors" in fig.locator(".chart-cite p").inner_text()
    assert pg.problems == []


def test_drawn_charts_pass_axe(charts_page):
    """The page survey runs axe before the charts are drawn; here they are, one citation open."""
    charts_page.locator("figure#yearly .chart-cite summary").click()
    charts_page.add_script_tag(path=str(AXE))
    assert charts_page.evaluate(AXE_RUN) == []


def test_drawn_charts_fit_a_phone(browser, site):
    """Drawn at 390 px (the page survey measures before the charts are drawn), no chart is wider
    than the page."""
    _, base = site
    with new_page(browser, base) as pg:
        pg.set_viewport_size({"width": PHONE, "height": 844})
        pg.goto(base + "charts.html", wait_until="load")
        pg.wait_for_function(ALL_DRAWN, timeout=30000)
        widths = pg.evaluate("[...document.querySelectorAll('.chart svg')].map(s => s.getBoundingClientRect().right)")
        assert max(widths) <= PHONE and pg.evaluate("document.documentElement.scrollWidth") <= PHONE


def test_toolbar_sits_below_the_plot(charts_page):
    boxes = charts_page.evaluate("""() => [...document.querySelectorAll('figure.chart-figure')].map(f => {
        const plot = f.querySelector('.chart svg').getBoundingClientRect();
        const tools = f.querySelector('.chart-tools').getBoundingClientRect();
        return {id: f.id, gap: tools.top - plot.bottom};
    })""")
    assert [b for b in boxes if b["gap"] < 0] == []


def test_data_and_images_download(charts_page, site):
    _, base = site
    pg = charts_page
    fig = pg.locator("figure#yearly")
    rows = csv_rows(pg, base + fig.locator("a[download]").get_attribute("href"))
    assert rows and {"year", "people"} <= set(rows[0])
    for kind in ("png", "svg"):
        with pg.expect_download() as d:
            fig.locator(f"button[data-export={kind}]").click()
        assert d.value.suggested_filename == f"uk-small-boats-yearly.{kind}"
        data = open(d.value.path(), "rb").read()
        assert len(data) > 2000
        if kind == "svg":  # the exported image carries its title and credits
            text = data.decode("utf-8")
            assert "Arrivals each year" in text and "CC BY 4.0" in text and "Source:" in text
    shot(pg, "charts")


def test_chart_data_agrees_with_the_database(charts_page, site):
    out, base = site
    pg = charts_page
    con = duckdb.connect(str(out / "uk_small_boats.duckdb"), read_only=True)
    q = lambda sql: con.execute(sql).fetchall()  # noqa: E731
    yearly = {int(r["year"]): int(r["people"]) for r in csv_rows(pg, base + "assets/data/charts/yearly.csv")}
    assert yearly == {y: int(p) for y, p, *_ in q("SELECT year, people_arrived FROM official_yearly")}
    ytd = csv_rows(pg, base + "assets/data/charts/year-to-date.csv")
    last = ytd[-1]
    assert int(last["people_to_date"]) == q(f"SELECT sum(people_arrived) FROM official_daily WHERE year(date) = {last['year']}")[0][0]
    monthly = csv_rows(pg, base + "assets/data/charts/monthly.csv")
    assert len(monthly) == q("SELECT count(*) FROM official_monthly")[0][0]
    week = csv_rows(pg, base + "assets/data/charts/seven-day-average.csv")[-1]
    avg = q(f"SELECT avg(people_arrived) FROM official_daily WHERE date > DATE '{week['date']}' - 7")[0][0]
    assert float(week["average_7_days"]) == pytest.approx(avg, abs=0.05)
    per_boat = csv_rows(pg, base + "assets/data/charts/people-per-boat.csv")[-1]
    p, b = q(f"SELECT sum(people_arrived), sum(boats_arrived) FROM official_daily WHERE year(date) = {per_boat['year']}")[0]
    assert float(per_boat["people_per_boat"]) == pytest.approx(p / b, abs=0.05)
    con.close()


def test_home_page_leads_with_a_chart(site, page):
    _, base = site
    page.goto(base + "index.html", wait_until="load")
    page.wait_for_function(ALL_DRAWN, timeout=30000)
    assert page.locator("figure.chart-figure .chart svg").count() == 1
    assert page.locator("figure.chart-figure figcaption").inner_text().startswith("Arrivals so far each year")
    assert page.problems == []
