// Claims explorer: filter, search and sort. Source text only ever goes in as text nodes.
(function () {
  const data = JSON.parse(document.getElementById("claims-data").textContent);
  const tbody = document.querySelector("#claims-table tbody");
  const sel = { source: "#f-source", metric: "#f-metric", verdict: "#f-verdict" };
  let sortKey = "source", sortDir = 1;
  for (const [key, css] of Object.entries(sel)) {
    const el = document.querySelector(css);
    [...new Set(data.map((d) => d[key]).filter((v) => v))].sort().forEach((v) => {
      const o = document.createElement("option"); o.value = v; o.textContent = v; el.appendChild(o);
    });
    el.addEventListener("change", render);
  }
  document.querySelector("#f-text").addEventListener("input", render);
  document.querySelectorAll("#claims-table th").forEach((th) => th.addEventListener("click", () => {
    sortDir = sortKey === th.dataset.key ? -sortDir : 1; sortKey = th.dataset.key; render();
  }));
  function cell(tr, content) { const td = document.createElement("td"); td.append(content); tr.appendChild(td); return td; }
  function render() {
    const f = Object.fromEntries(Object.entries(sel).map(([k, css]) => [k, document.querySelector(css).value]));
    const text = document.querySelector("#f-text").value.toLowerCase();
    const rows = data.filter((d) => (!f.source || d.source === f.source) && (!f.metric || d.metric === f.metric)
      && (!f.verdict || d.verdict === f.verdict) && (!text || d.quote.toLowerCase().includes(text)));
    rows.sort((a, b) => { const x = a[sortKey] ?? "", y = b[sortKey] ?? ""; return (x > y ? 1 : x < y ? -1 : 0) * sortDir; });
    tbody.replaceChildren();
    for (const d of rows) {
      const tr = document.createElement("tr");
      const a = document.createElement("a"); a.href = `sources/${d.source}.html#${d.id}`; a.textContent = d.source;
      cell(tr, a);
      const q = document.createElement("span"); const m = document.createElement("mark");
      m.textContent = d.quote.slice(d.fs, d.fe);
      q.append(d.quote.slice(0, d.fs), m, d.quote.slice(d.fe)); cell(tr, q);
      cell(tr, d.metric.replaceAll("_", " ")); cell(tr, `${d.qualifier === "exact" ? "" : d.qualifier.replaceAll("_", " ") + " "}${d.value.toLocaleString("en-GB")}`);
      cell(tr, d.period); cell(tr, d.official === null ? "" : d.official.toLocaleString("en-GB"));
      const b = document.createElement("span"); b.className = `verdict verdict-${d.verdict}`; b.textContent = (d.verdict || "").replaceAll("_", " ");
      b.title = d.explanation || ""; cell(tr, b);
      tbody.appendChild(tr);
    }
    document.querySelector("#f-count").textContent = `${rows.length} of ${data.length} claims`;
  }
  render();
})();
