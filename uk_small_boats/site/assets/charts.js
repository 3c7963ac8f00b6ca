// Charts: each figure carries its Vega-Lite spec (titles, units, dates and credits inside it, so an
// exported image is titled and credited). Rendered with vega-embed from this site's own files; the
// export buttons sit below the plot instead of vega-embed's menu over it.
(function () {
  const views = {};
  const download = (url, name) => {
    const a = document.createElement("a");
    a.href = url; a.download = name; document.body.appendChild(a); a.click(); a.remove();
  };
  document.querySelectorAll("[data-chart].chart").forEach((el) => {
    const id = el.dataset.chart;
    const spec = JSON.parse(document.getElementById(`spec-${id}`).textContent);
    vegaEmbed(el, spec, { actions: false, renderer: "svg" })
      .then((res) => { views[id] = res.view; el.dataset.rendered = "true"; })
      .catch((err) => { el.textContent = `The chart could not be drawn: ${err.message}`; el.dataset.rendered = "error"; });
  });
  document.querySelectorAll("button[data-export]").forEach((b) => b.addEventListener("click", async () => {
    const view = views[b.dataset.chart];
    if (!view) return;
    const type = b.dataset.export;
    const url = await view.toImageURL(type, type === "png" ? 2 : 1);
    download(url, `uk-small-boats-${b.dataset.chart}.${type}`);
  }));
})();
