"""Charts (Vega-Lite) of the official series and of the claims: each with its title and units, a
'data to' date, a source line, its data as CSV, a citation, and a text summary.

The data of a chart is written once, as the CSV the chart reads and readers download. Titles,
units, dates and credits are in the spec itself, so exported images carry them too.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from ..context import SiteData, fmt_day
from ..html import block, esc, href, json_script, page

HOME_OFFICE = "Source: Home Office, small-boat arrivals time series (OGL v3)"
POLICY_TABLES = "Source: uk-small-boats policy tables, from news reports"
CLAIMS = "Source: uk-small-boats claims, checked against the Home Office series"
CREDIT = "Chart: uk-small-boats (CC BY 4.0)"
DATA_DIR = "assets/data/charts"
SCHEMA = "https://vega.github.io/schema/vega-lite/v6.json"
VERDICT_COLOURS = {"match": "#2e7d32", "consistent": "#558b2f", "revised": "#f9a825", "discrepancy": "#c62828",
                   "different_measure": "#6a1b9a", "not_checkable": "#616161", "unresolved": "#0277bd"}


@dataclass
class Chart:
    """A chart: its data, its Vega-Lite encoding, and the words that go with it."""

    id: str
    title: str
    units: str  # what the numbers are, in words ("people per year")
    source: str
    data: pd.DataFrame
    spec: dict  # mark/encoding/layer/transform: everything but data and titles
    summary: str  # one or two sentences a reader gets without the picture
    data_to: pd.Timestamp
    parse: dict = field(default_factory=dict)  # Vega's CSV parse: column -> "date" | "number"
    height: int = 260

    @property
    def data_url(self) -> str:
        """Where the chart's CSV is, relative to the site root."""
        return f"{DATA_DIR}/{self.id}.csv"

    def vega_lite(self) -> dict:
        """The full Vega-Lite spec: titles, units, date, source and credit, data URL, then the encoding."""
        return {"$schema": SCHEMA, "description": f"{self.title}. {self.summary}",
                "title": {"text": self.title, "anchor": "start", "fontSize": 15,
                          "subtitle": [f"{self.units[:1].upper()}{self.units[1:]}, data to {fmt_day(self.data_to)}",
                                       self.source, CREDIT],
                          "subtitleColor": "#444", "subtitleFontSize": 11},
                "width": "container", "height": self.height,
                "autosize": {"type": "fit-x", "contains": "padding"},
                "data": {"url": self.data_url, "format": {"type": "csv", "parse": self.parse}},
                "config": {"axis": {"labelFontSize": 11, "titleFontSize": 11}, "legend": {"labelFontSize": 11}},
                **self.spec}


def _people_axis(field: str, title: str) -> dict:
    return {"field": field, "type": "quantitative", "title": title, "axis": {"format": "~s"}}


def build_charts(site: SiteData) -> dict[str, Chart]:
    """Every chart of the series and the claims, by id."""
    daily = site.frames["official_daily"][["date", "people_arrived", "boats_arrived"]].copy()
    daily["date"] = pd.to_datetime(daily["date"])
    to = site.data_to
    charts = [_year_to_date(daily, to), _yearly(daily, to), _monthly(daily, to), _seven_day(daily, to),
              _per_boat(daily, to), _weekly_prevented(site, to), _claim_periods(site, daily, to),
              _verdicts(site), _timeline(site)]
    return {c.id: c for c in charts}


def _year_to_date(daily: pd.DataFrame, to: pd.Timestamp) -> Chart:
    d = daily.sort_values("date").assign(year=lambda x: x["date"].dt.year)
    d["people_to_date"] = d.groupby("year")["people_arrived"].cumsum()
    # Every year on one calendar (2000 is a leap year, so 29 February has a place).
    d["day"] = pd.to_datetime("2000-" + d["date"].dt.strftime("%m-%d"))
    data = d[["year", "day", "date", "people_to_date"]].copy()
    years = sorted(data["year"].unique())
    latest, previous = years[-1], years[-2]
    same_day = data[data["day"] == pd.Timestamp(2000, to.month, to.day)].set_index("year")["people_to_date"]
    best = int(same_day.idxmax())
    palette = ["#c5cae9"] * (len(years) - 2) + ["#5c6bc0", "#c62828"]
    summary = (f"By {to.strftime('%-d %B')}, {int(same_day[latest]):,} people had arrived in {latest}, against "
               f"{int(same_day.get(previous, 0)):,} by the same day of {previous}. The most by this point in any "
               f"year was {int(same_day[best]):,} in {best}.")
    spec = {"mark": {"type": "line", "interpolate": "step-after"},
            "encoding": {
                "x": {"field": "day", "type": "temporal", "title": None, "axis": {"format": "%b", "tickCount": 12}},
                "y": _people_axis("people_to_date", "people, cumulative"),
                "color": {"field": "year", "type": "ordinal", "title": "year",
                          "scale": {"domain": [int(y) for y in years], "range": palette},
                          "legend": {"orient": "bottom", "columns": 5}},
                "strokeWidth": {"condition": {"test": f"datum.year >= {previous}", "value": 2.6}, "value": 1.2},
                "tooltip": [{"field": "year", "type": "ordinal"}, {"field": "date", "type": "temporal", "title": "date"},
                            {"field": "people_to_date", "type": "quantitative", "title": "people so far", "format": ","}]}}
    data["date"] = data["date"].dt.strftime("%Y-%m-%d")
    data["day"] = data["day"].dt.strftime("%Y-%m-%d")
    return Chart("year-to-date", "Arrivals so far each year", "people, cumulative from 1 January", HOME_OFFICE,
                 data, spec, summary, to, {"day": "date", "people_to_date": "number", "year": "number"}, 300)


def _yearly(daily: pd.DataFrame, to: pd.Timestamp) -> Chart:
    y = daily.groupby(daily["date"].dt.year).agg(people=("people_arrived", "sum"), days=("date", "size"),
                                                 last_day=("date", "max")).reset_index(names="year")
    y["coverage"] = ["full year" if d.month == 12 and d.day == 31 else f"to {fmt_day(d)}" for d in y["last_day"]]
    y["last_day"] = y["last_day"].dt.strftime("%Y-%m-%d")
    top = y.loc[y["people"].idxmax()]
    summary = (f"The most in one year was {int(top['people']):,} in {int(top['year'])}. "
               f"{int(y.iloc[-1]['year'])} is shown to {fmt_day(to)}.")
    spec = {"mark": {"type": "bar"},
            "encoding": {"x": {"field": "year", "type": "ordinal", "title": None, "axis": {"labelAngle": 0}},
                         "y": _people_axis("people", "people"),
                         "color": {"condition": {"test": "datum.coverage !== 'full year'", "value": "#9fa8da"},
                                   "value": "#3949ab"},
                         "tooltip": [{"field": "year", "type": "ordinal"},
                                     {"field": "people", "type": "quantitative", "format": ","},
                                     {"field": "coverage", "type": "nominal"}]}}
    return Chart("yearly", "Arrivals each year", "people per calendar year", HOME_OFFICE, y, spec, summary, to,
                 {"people": "number", "year": "number"})


def _monthly(daily: pd.DataFrame, to: pd.Timestamp) -> Chart:
    m = daily.groupby(daily["date"].dt.to_period("M")).agg(people=("people_arrived", "sum"),
                                                           boats=("boats_arrived", "sum")).reset_index(names="month")
    m["month"] = m["month"].dt.strftime("%Y-%m-01")
    top = m.loc[m["people"].idxmax()]
    summary = (f"The busiest month was {pd.Timestamp(top['month']).strftime('%B %Y')} with {int(top['people']):,} "
               f"people. The last month is partial when the series ends before its last day.")
    spec = {"mark": {"type": "bar"},
            "encoding": {"x": {"field": "month", "type": "temporal", "title": None, "timeUnit": "yearmonth",
                               "axis": {"format": "%Y", "tickCount": "year"}},
                         "y": _people_axis("people", "people"),
                         "tooltip": [{"field": "month", "type": "temporal", "timeUnit": "yearmonth", "title": "month"},
                                     {"field": "people", "type": "quantitative", "format": ","},
                                     {"field": "boats", "type": "quantitative", "format": ","}]}}
    return Chart("monthly", "Arrivals each month", "people per calendar month", HOME_OFFICE, m, spec, summary, to,
                 {"month": "date", "people": "number", "boats": "number"})


def _seven_day(daily: pd.DataFrame, to: pd.Timestamp) -> Chart:
    s = daily.set_index("date")["people_arrived"].astype("float64")
    avg = s.rolling("7D", min_periods=7).mean() if len(s) else s
    data = pd.DataFrame({"date": s.index.strftime("%Y-%m-%d"), "people": s.to_numpy(),
                         "average_7_days": avg.round(1).to_numpy()})
    data.loc[s.index < s.index.min() + pd.Timedelta(days=6), "average_7_days"] = None
    peak = avg.idxmax()
    summary = (f"The highest 7-day average was {avg.max():,.1f} people a day, in the week to {fmt_day(peak)}. "
               f"Crossings come in bursts: most days have none, a calm day can be followed by over a thousand.")
    spec = {"layer": [
        {"mark": {"type": "bar", "color": "#c5cae9", "width": 1},
         "encoding": {"x": {"field": "date", "type": "temporal", "title": None},
                      "y": _people_axis("people", "people a day"),
                      "tooltip": [{"field": "date", "type": "temporal"},
                                  {"field": "people", "type": "quantitative", "format": ","}]}},
        {"mark": {"type": "line", "color": "#1a237e", "strokeWidth": 1.4},
         "encoding": {"x": {"field": "date", "type": "temporal"},
                      "y": {"field": "average_7_days", "type": "quantitative"},
                      "tooltip": [{"field": "date", "type": "temporal"},
                                  {"field": "average_7_days", "type": "quantitative", "title": "7-day average"}]}}]}
    return Chart("seven-day-average", "Daily arrivals and their 7-day average", "people a day", HOME_OFFICE, data,
                 spec, summary, to, {"date": "date", "people": "number", "average_7_days": "number"})


def _per_boat(daily: pd.DataFrame, to: pd.Timestamp) -> Chart:
    y = daily.groupby(daily["date"].dt.year)[["people_arrived", "boats_arrived"]].sum().reset_index(names="year")
    y = y[y["boats_arrived"] > 0]
    y["people_per_boat"] = (y["people_arrived"] / y["boats_arrived"]).round(1)
    first, last = y.iloc[0], y.iloc[-1]
    summary = (f"Boats carried {first['people_per_boat']:.1f} people on average in {int(first['year'])} and "
               f"{last['people_per_boat']:.1f} in {int(last['year'])} (people arrived divided by boats arrived).")
    spec = {"mark": {"type": "line", "point": True, "color": "#3949ab"},
            "encoding": {"x": {"field": "year", "type": "ordinal", "title": None, "axis": {"labelAngle": 0}},
                         "y": {"field": "people_per_boat", "type": "quantitative", "title": "people per boat"},
                         "tooltip": [{"field": "year", "type": "ordinal"},
                                     {"field": "people_per_boat", "type": "quantitative", "title": "people per boat"},
                                     {"field": "people_arrived", "type": "quantitative", "format": ","},
                                     {"field": "boats_arrived", "type": "quantitative", "format": ","}]}}
    return Chart("people-per-boat", "People per boat each year", "people per boat, yearly average", HOME_OFFICE,
                 y, spec, summary, to, {"year": "number", "people_per_boat": "number"})


def _weekly_prevented(site: SiteData, to: pd.Timestamp) -> Chart:
    w = site.frames["official_weekly"][["week_ending", "people_arrived", "people_prevented"]].copy()
    long = w.melt("week_ending", var_name="series", value_name="people").dropna(subset=["people"])
    long["series"] = long["series"].map({"people_arrived": "arrived in the UK",
                                         "people_prevented": "prevented by the French authorities"})
    long["week_ending"] = pd.to_datetime(long["week_ending"]).dt.strftime("%Y-%m-%d")
    long = long.sort_values(["week_ending", "series"]).reset_index(drop=True)
    first_prev = w.loc[w["people_prevented"].notna(), "week_ending"].min()
    summary = (f"People arriving each week beside people the French authorities prevented from crossing "
               f"(published from the week ending {fmt_day(first_prev)}; missing weeks are gaps, not zeros).")
    spec = {"mark": {"type": "line", "strokeWidth": 1.2},
            "encoding": {"x": {"field": "week_ending", "type": "temporal", "title": "week ending"},
                         "y": _people_axis("people", "people a week"),
                         "color": {"field": "series", "type": "nominal", "title": None,
                                   "scale": {"range": ["#3949ab", "#ef6c00"]}, "legend": {"orient": "bottom"}},
                         "tooltip": [{"field": "week_ending", "type": "temporal", "title": "week ending"},
                                     {"field": "series", "type": "nominal"},
                                     {"field": "people", "type": "quantitative", "format": ","}]}}
    weekly_to = pd.Timestamp(site.frames["official_weekly"]["week_ending"].max())
    return Chart("weekly-prevented", "Weekly arrivals and preventions", "people a week", HOME_OFFICE, long, spec,
                 summary, weekly_to, {"week_ending": "date", "people": "number"})


def _verdict_scale(site: SiteData) -> dict:
    order = site.specs["claim_checks"].schema["fields"]
    enum = next(f for f in order if f["name"] == "verdict").get("constraints", {}).get("enum", list(VERDICT_COLOURS))
    return {"domain": enum, "range": [VERDICT_COLOURS.get(v, "#9e9e9e") for v in enum]}


def _claim_periods(site: SiteData, daily: pd.DataFrame, to: pd.Timestamp) -> Chart:
    claims = site.frames["claims"].merge(site.frames["claim_checks"], on="claim_id")
    checked = claims[claims["official_value"].notna() & claims["period_start"].notna()]
    periods = pd.DataFrame({"date": pd.to_datetime(checked["period_start"]).dt.strftime("%Y-%m-%d"),
                            "end": pd.to_datetime(checked["period_end"]).dt.strftime("%Y-%m-%d"),
                            "what": checked["figure_text"], "metric": checked["metric"], "verdict": checked["verdict"],
                            "claim_id": checked["claim_id"], "people": None, "kind": "claim period"})
    start = pd.Timestamp(checked["period_start"].min()) - pd.Timedelta(days=60) if len(checked) else daily["date"].min()
    recent = daily[daily["date"] >= start]
    line = pd.DataFrame({"date": recent["date"].dt.strftime("%Y-%m-%d"), "end": None, "what": None, "metric": None,
                         "verdict": None, "claim_id": None, "people": recent["people_arrived"], "kind": "arrivals"})
    data = pd.concat([periods, line], ignore_index=True)
    summary = (f"Daily people arrived from {fmt_day(start)}, with a band for each of the {len(checked)} claims held "
               f"against the series, coloured by verdict (the claims explorer lists them).")
    spec = {"layer": [
        {"transform": [{"filter": "datum.kind === 'claim period'"}],
         "mark": {"type": "rect", "opacity": 0.35},
         "encoding": {"x": {"field": "date", "type": "temporal", "title": None, "axis": {"format": "%b %Y", "tickCount": 6}},
                      "x2": {"field": "end"},
                      "color": {"field": "verdict", "type": "nominal", "scale": _verdict_scale(site),
                                "legend": {"orient": "bottom", "columns": 3}},
                      "tooltip": [{"field": "what", "title": "figure"}, {"field": "metric"}, {"field": "verdict"},
                                  {"field": "date", "type": "temporal", "title": "from"},
                                  {"field": "end", "type": "temporal", "title": "to"}]}},
        {"transform": [{"filter": "datum.kind === 'arrivals'"}],
         "mark": {"type": "line", "strokeWidth": 0.8, "color": "#1a237e"},
         "encoding": {"x": {"field": "date", "type": "temporal"}, "y": _people_axis("people", "people a day"),
                      "tooltip": [{"field": "date", "type": "temporal"},
                                  {"field": "people", "type": "quantitative", "format": ","}]}}]}
    return Chart("claim-periods", "Checked claims over daily arrivals", "people a day", CLAIMS, data, spec,
                 summary, to, {"date": "date", "end": "date", "people": "number"})


def _verdicts(site: SiteData) -> Chart:
    counts = site.frames["claim_checks"]["verdict"].value_counts().rename_axis("verdict").reset_index(name="claims")
    summary = "; ".join(f"{n} {v.replace('_', ' ')}" for v, n in zip(counts["verdict"], counts["claims"], strict=True)) + "."
    spec = {"mark": "bar",
            "encoding": {"y": {"field": "verdict", "type": "nominal", "sort": "-x", "title": None},
                         "x": {"field": "claims", "type": "quantitative", "title": "claims", "axis": {"tickMinStep": 1}},
                         "color": {"field": "verdict", "type": "nominal", "scale": _verdict_scale(site), "legend": None},
                         "tooltip": [{"field": "verdict"}, {"field": "claims", "type": "quantitative"}]}}
    checked_to = pd.Timestamp(site.frames["sources"]["published_date"].max())
    return Chart("verdicts", "Verdicts on reported figures", "claims", CLAIMS, counts, spec, summary,
                 checked_to, {"claims": "number"}, 180)


def _timeline(site: SiteData) -> Chart:
    f = site.frames
    parts = [f["events"].rename(columns={"start_date": "date", "name": "what"}).assign(kind="event"),
             f["returns"].rename(columns={"period_end": "date", "description": "what"}).assign(kind="return"),
             f["funding"].rename(columns={"announced_date": "date", "purpose": "what"}).assign(kind="funding"),
             f["policies"].rename(columns={"start_date": "date", "name": "what"}).assign(kind="policy start")]
    t = pd.concat([p[["date", "what", "kind"]] for p in parts])
    t = t[t["date"].notna()].sort_values(["date", "kind"]).reset_index(drop=True)
    t["date"] = pd.to_datetime(t["date"]).dt.strftime("%Y-%m-%d")
    summary = (f"{len(t)} dated events, returns, funding announcements and policy starts from the sources "
               f"(the policy pages describe each).")
    spec = {"mark": {"type": "point", "filled": True, "size": 90},
            "encoding": {"x": {"field": "date", "type": "temporal", "title": None},
                         "y": {"field": "kind", "type": "nominal", "title": None},
                         "color": {"field": "kind", "type": "nominal", "legend": None},
                         "tooltip": [{"field": "date", "type": "temporal"}, {"field": "kind"}, {"field": "what"}]}}
    to = pd.Timestamp(t["date"].max()) if len(t) else pd.NaT
    return Chart("timeline", "Policy timeline", "dated events", POLICY_TABLES, t, spec, summary, to,
                 {"date": "date"}, 170)


def write_chart_data(charts: dict[str, Chart], docs: Path) -> None:
    """Write each chart's data as the CSV it reads (and readers download)."""
    (docs / DATA_DIR).mkdir(parents=True, exist_ok=True)
    for c in charts.values():
        c.data.to_csv(docs / c.data_url, index=False, lineterminator="\n")


def figure(site: SiteData, chart: Chart, page: str) -> str:
    """The chart, its summary, and its toolbar (below the plot, so nothing covers it)."""
    cite = site.cite_text(f"chart “{chart.title}”", f"{page}#{chart.id}")
    return f"""<figure class="chart-figure" id="{esc(chart.id)}" aria-labelledby="{esc(chart.id)}-caption">
<div class="chart" id="chart-{esc(chart.id)}" data-chart="{esc(chart.id)}"></div>
{json_script(f"spec-{chart.id}", chart.vega_lite())}<figcaption id="{esc(chart.id)}-caption"><strong>{esc(chart.title)}</strong>
({esc(chart.units)}; data to {esc(fmt_day(chart.data_to))}). {esc(chart.summary)} <span class="chart-source">{esc(chart.source)}.</span></figcaption>
<div class="chart-tools" role="group" aria-label="{esc(chart.title)}: downloads">
<a class="md-button" href="{href(chart.data_url)}" download>Data (CSV)</a>
<button type="button" class="md-button" data-export="png" data-chart="{esc(chart.id)}">Image (PNG)</button>
<button type="button" class="md-button" data-export="svg" data-chart="{esc(chart.id)}">Image (SVG)</button>
<details class="chart-cite plain"><summary>Cite this chart</summary><p>{esc(cite)}</p></details>
</div>
</figure>"""


SCRIPTS = """<script src="assets/vendor/vega.min.js"></script>
<script src="assets/vendor/vega-lite.min.js"></script>
<script src="assets/vendor/vega-embed.min.js"></script>
<script src="assets/charts.js"></script>"""

ORDER = ["year-to-date", "yearly", "monthly", "seven-day-average", "people-per-boat", "weekly-prevented",
         "claim-periods", "verdicts", "press-verdicts", "timeline"]


def charts_page(site: SiteData, charts: dict[str, Chart]) -> str:
    """The charts page: every chart in ORDER with an index."""
    figures = "\n\n".join(f"<h2 id=\"h-{esc(cid)}\">{esc(charts[cid].title)}</h2>\n{figure(site, charts[cid], 'charts.html')}"
                          for cid in ORDER if cid in charts)
    toc = "".join(f'<li><a href="#{esc(cid)}">{esc(charts[cid].title)}</a></li>' for cid in ORDER if cid in charts)
    intro = ("<p>The Home Office series (Open Government Licence v3.0) and this dataset's claims. Hover or tap a "
             "chart for values; each has a text summary, its data as CSV, images with its title and credits, and a "
             "citation.</p>")
    return page("Charts", block(intro + f'<nav aria-label="Charts on this page"><ul class="chart-index">{toc}</ul></nav>'),
                block(figures + "\n" + SCRIPTS, "charts"))
