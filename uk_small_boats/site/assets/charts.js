// Charts (Vega-Lite through vega-embed, all served from this site).
(function () {
  const opts = { actions: { export: true, source: false, compiled: false, editor: false }, renderer: "svg" };
  const data = (name) => ({ url: `assets/data/${name}.json` });
  const colours = { scale: { domain: ["match", "consistent", "revised", "discrepancy", "different_measure", "not_checkable"],
    range: ["#2e7d32", "#558b2f", "#f9a825", "#c62828", "#6a1b9a", "#757575"] } };
  vegaEmbed("#chart-daily", {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json", width: "container", height: 260,
    layer: [
      { data: data("claim_periods"), mark: { type: "rect", opacity: 0.35 },
        encoding: { x: { field: "period_start", type: "temporal" }, x2: { field: "period_end" },
          color: { field: "verdict", type: "nominal", ...colours },
          tooltip: [{ field: "figure_text" }, { field: "metric" }, { field: "verdict" },
            { field: "period_start", type: "temporal" }, { field: "period_end", type: "temporal" }] } },
      { data: data("daily"), mark: { type: "line", strokeWidth: 0.7 },
        encoding: { x: { field: "date", type: "temporal", title: "date" },
          y: { field: "people_arrived", type: "quantitative", title: "people arrived per day" },
          tooltip: [{ field: "date", type: "temporal" }, { field: "people_arrived" }, { field: "boats_arrived" }] } },
    ],
  }, opts);
  vegaEmbed("#chart-weekly", {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json", data: data("weekly"),
    transform: [{ fold: ["people_arrived", "boats_arrived", "people_per_boat", "people_prevented"], as: ["series", "value"] }],
    facet: { row: { field: "series", type: "nominal", title: null } },
    spec: { width: "container", height: 110, mark: { type: "line", strokeWidth: 0.8 },
      encoding: { x: { field: "week_ending", type: "temporal", title: "week ending" },
        y: { field: "value", type: "quantitative", title: null },
        tooltip: [{ field: "week_ending", type: "temporal" }, { field: "series" }, { field: "value" }] } },
    resolve: { scale: { y: "independent" } },
  }, opts);
  vegaEmbed("#chart-verdicts", {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json", data: data("verdicts"), width: "container", height: 160,
    mark: "bar", encoding: { y: { field: "verdict", type: "nominal", sort: "-x" },
      x: { field: "claims", type: "quantitative" }, color: { field: "verdict", type: "nominal", ...colours, legend: null },
      tooltip: [{ field: "verdict" }, { field: "claims" }] },
  }, opts);
  vegaEmbed("#chart-timeline", {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json", data: data("timeline"), width: "container", height: 160,
    mark: { type: "point", filled: true, size: 90 },
    encoding: { x: { field: "date", type: "temporal" }, y: { field: "kind", type: "nominal", title: null },
      color: { field: "kind", type: "nominal", legend: null }, tooltip: [{ field: "date", type: "temporal" }, { field: "kind" }, { field: "what" }] },
  }, opts);
})();
