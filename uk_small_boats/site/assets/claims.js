// Claims explorer: filter, search, sort (keyboard-operable headings), export, state in the URL.
// Source text only ever goes in as text nodes.
(function () {
  const data = JSON.parse(document.getElementById("claims-data").textContent);
  const cfg = JSON.parse(document.getElementById("claims-config").textContent);
  const tbody = document.querySelector("#claims-table tbody");
  const ctl = { source: "#f-source", metric: "#f-metric", verdict: "#f-verdict", q: "#f-text" };
  const el = (css) => document.querySelector(css);
  const human = (s) => (s || "").replaceAll("_", " ");
  // one formatter each, built once: a locale lookup per cell costs more than the rest of a row
  const numFmt = new Intl.NumberFormat("en-GB", { maximumFractionDigits: 2 });
  const dayFmt = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });
  const num = (n) => numFmt.format(Number(n));
  let sortKey = "period", sortDir = 1;
  // Rows drawn at once: laying out every claim's quote and explanation is what made the first
  // render slow; the rest follow on "Show more"/"Show all" (filters, sort and export use them all).
  const PAGE = 100;
  let shown = PAGE;

  function money(n, code) {
    const sym = { GBP: "£", EUR: "€", USD: "$" }[code] || code + " ";
    if (n >= 1e9) return `${sym}${num(n / 1e9)}bn`;
    if (n >= 1e6) return `${sym}${num(n / 1e6)}m`;
    return `${sym}${num(n)}`;
  }
  function withUnit(v, unit) {
    if (v === null || v === undefined) return "";
    switch (unit) {
      case "GBP": case "EUR": case "USD": return money(v, unit);
      case "percent": return `${num(v)}%`;
      case "people": return `${num(v)} ${v === 1 ? "person" : "people"}`;
      case "boats": return `${num(v)} boat${v === 1 ? "" : "s"}`;
      case "countries": return `${num(v)} countr${v === 1 ? "y" : "ies"}`;
      default: return num(v);
    }
  }
  const figure = (d) => `${d.qualifier && d.qualifier !== "exact" ? human(d.qualifier) + " " : ""}${withUnit(d.value, d.unit)}`;
  const day = (iso) => iso ? dayFmt.format(new Date(iso + "T00:00:00Z")) : "";
  const sourceLabel = (d) => [d._source.publisher || "no publisher", day(d._source.published)].filter(Boolean).join(", ");
  const keys = {
    source: (d) => (d._source.publisher || "") + (d._source.published || "") + d.claim_id, quote: (d) => d.quote, figure: (d) => [d.metric, d.value ?? -Infinity],  // by metric, then numerically
    period: (d) => (d.period_start ? d.period_start + (d.period_end || "") : null), official: (d) => d.official_value ?? null,
    verdict: (d) => `${cfg.verdicts.indexOf(d.verdict)}`.padStart(3, "0"),
  };

  // Options from the data (verdicts in the schema's order).
  const options = {
    source: [...new Map(data.map((d) => [d.source_id, d._source.title])).entries()].sort((a, b) => a[1].localeCompare(b[1])),
    metric: [...new Set(data.map((d) => d.metric))].sort().map((m) => [m, human(m)]),
    verdict: cfg.verdicts.filter((v) => data.some((d) => d.verdict === v)).map((v) => [v, human(v)]),
  };
  for (const [key, opts] of Object.entries(options)) {
    for (const [value, label] of opts) {
      const o = document.createElement("option"); o.value = value; o.textContent = label; el(ctl[key]).appendChild(o);
    }
  }

  // State <-> URL.
  function readUrl() {
    const p = new URLSearchParams(location.search);
    for (const [k, css] of Object.entries(ctl)) el(css).value = p.get(k) || "";
    if (keys[p.get("sort")]) sortKey = p.get("sort");
    sortDir = p.get("dir") === "desc" ? -1 : 1;
    shown = p.get("rows") === "all" ? Infinity : PAGE;
  }
  function writeUrl() {
    const p = new URLSearchParams(location.search);
    for (const [k, css] of Object.entries(ctl)) { const v = el(css).value; v ? p.set(k, v) : p.delete(k); }
    p.set("sort", sortKey); p.set("dir", sortDir < 0 ? "desc" : "asc");
    shown === Infinity ? p.set("rows", "all") : p.delete("rows");
    history.replaceState(null, "", `${location.pathname}?${p}${location.hash}`);
  }

  function filtered() {
    const f = Object.fromEntries(Object.entries(ctl).map(([k, css]) => [k, el(css).value]));
    const q = f.q.trim().toLowerCase();
    const rows = data.filter((d) => (!f.source || d.source_id === f.source) && (!f.metric || d.metric === f.metric)
      && (!f.verdict || d.verdict === f.verdict)
      && (!q || [d.quote, d.source_id, d._source.title, d._source.publisher, d.figure_text].join(" ").toLowerCase().includes(q)));
    const key = keys[sortKey];
    const cmp = (x, y) => (Array.isArray(x) ? cmp(x[0], y[0]) || cmp(x[1], y[1]) : x > y ? 1 : x < y ? -1 : 0);
    // rows without the value (no period, no official figure) stay last whichever the direction
    return rows.sort((a, b) => {
      const x = key(a), y = key(b);
      if (x === null || y === null) return (x === null) - (y === null);
      return cmp(x, y) * sortDir;
    });
  }

  function text(tag, content, cls) { const e = document.createElement(tag); e.textContent = content; if (cls) e.className = cls; return e; }
  function cell(tr, ...content) { const td = document.createElement("td"); td.append(...content); tr.appendChild(td); return td; }

  function reportLink(d) {
    if (!cfg.issues) return "";
    const a = document.createElement("a");
    const body = `Claim ${d.claim_id} (${cfg.page}?q=${encodeURIComponent(d.claim_id)})\n\nQuote: ${d.quote}\n\n` +
      `Verdict: ${d.verdict} (rule ${d.rule})\nExplanation: ${d.explanation}\n\nWhat is wrong, and the evidence:\n`;
    a.href = `${cfg.issues}?${new URLSearchParams({ title: `Wrong verdict: ${d.claim_id}`, body, labels: "wrong-verdict" })}`;
    a.textContent = "Report a wrong verdict"; a.className = "report"; a.rel = "noopener";
    return a;
  }

  // Every field of a claim, behind a disclosure button and built when first opened: a <details>
  // per row would have the theme mount a component on each, most of the first render.
  function allFields(d) {
    const wrap = text("div", "", "all-fields");
    const btn = text("button", "All fields", "fields-toggle");
    btn.type = "button";
    btn.setAttribute("aria-expanded", "false");
    wrap.append(btn);
    btn.addEventListener("click", () => {
      let dl = wrap.querySelector("dl");
      if (!dl) {
        dl = document.createElement("dl");
        for (const f of cfg.fields) {
          const v = d[f.name];
          if (v === null || v === undefined || v === "") continue;
          const dt = text("dt", f.name); dt.title = f.description;
          dl.append(dt, text("dd", String(v)));
        }
        wrap.append(dl);
      }
      const open = btn.getAttribute("aria-expanded") !== "true";
      btn.setAttribute("aria-expanded", String(open));
      dl.hidden = !open;
    });
    return wrap;
  }

  function verdictCell(d) {
    const parts = [];
    const b = text("span", human(d.verdict), `verdict verdict-${d.verdict}`);
    parts.push(b);
    const facts = cfg.details.filter((k) => d[k] !== null && d[k] !== undefined)
      .map((k) => `${human(k)}: ${typeof d[k] === "boolean" ? (d[k] ? "yes" : "no") : human(String(d[k]))}`);
    if (facts.length) parts.push(text("span", facts.join(" · "), "verdict-facts"));
    if (d.explanation) parts.push(text("p", d.explanation, "explanation"));
    return parts;
  }

  function render() {
    const rows = filtered();
    const frag = document.createDocumentFragment();
    for (const d of rows.slice(0, shown)) {
      const tr = document.createElement("tr");
      tr.id = `row-${d.claim_id}`;
      const a = document.createElement("a");
      a.href = `sources/${encodeURIComponent(d.source_id)}.html#${encodeURIComponent(d.claim_id)}`;
      a.textContent = sourceLabel(d);
      cell(tr, a, text("span", d._source.title, "source-title"));
      const q = document.createElement("q");
      const fs = d.figure_start - d.char_start, fe = d.figure_end - d.char_start;
      q.append(d.quote.slice(0, fs), text("mark", d.quote.slice(fs, fe)), d.quote.slice(fe));
      cell(tr, q, allFields(d), reportLink(d));
      cell(tr, text("span", human(d.metric), "metric"), text("strong", figure(d)));
      cell(tr, d._period || "");
      cell(tr, d.official_value === null ? "" : withUnit(d.official_value, d.unit));
      cell(tr, ...verdictCell(d));
      frag.appendChild(tr);
    }
    tbody.replaceChildren(frag);
    document.querySelectorAll("#claims-table th[data-key]").forEach((th) => {
      th.setAttribute("aria-sort", th.dataset.key === sortKey ? (sortDir > 0 ? "ascending" : "descending") : "none");
    });
    const drawn = Math.min(rows.length, shown);
    el("#f-count").textContent = `${rows.length} of ${data.length} claims` +
      (drawn < rows.length ? ` (showing the first ${drawn})` : "");
    el("#more").hidden = el("#all").hidden = drawn >= rows.length;
    return rows;
  }

  function update() { writeUrl(); render(); }
  function filterChanged() { shown = shown === Infinity ? Infinity : PAGE; update(); }

  function save(textContent, name, type) {
    const a = document.createElement("a");
    a.href = URL.createObjectURL(new Blob([textContent], { type }));
    a.download = name; document.body.appendChild(a); a.click(); a.remove();
  }
  function exportRows(format) {
    const rows = filtered();
    const names = cfg.fields.map((f) => f.name);
    if (format === "json") {
      save(JSON.stringify(rows.map((d) => Object.fromEntries(names.map((n) => [n, d[n]]))), null, 1) + "\n",
        "uk-small-boats-claims.json", "application/json");
      return;
    }
    const c = (v) => { const s = v === null || v === undefined ? "" : String(v); return /[",\n\r]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s; };
    save([names.join(","), ...rows.map((d) => names.map((n) => c(d[n])).join(","))].join("\r\n") + "\r\n",
      "uk-small-boats-claims.csv", "text/csv");
  }

  for (const css of Object.values(ctl)) el(css).addEventListener(css === ctl.q ? "input" : "change", filterChanged);
  el(".filters").addEventListener("submit", (e) => e.preventDefault());
  el("#f-clear").addEventListener("click", () => { for (const css of Object.values(ctl)) el(css).value = ""; filterChanged(); });
  el("#more").addEventListener("click", () => { shown += PAGE; update(); });
  el("#all").addEventListener("click", () => { shown = Infinity; update(); });
  document.querySelectorAll("#claims-table th[data-key] button").forEach((btn) => btn.addEventListener("click", () => {
    const key = btn.parentElement.dataset.key;
    sortDir = sortKey === key ? -sortDir : 1; sortKey = key; update();
  }));
  el("#export-csv").addEventListener("click", () => exportRows("csv"));
  el("#export-json").addEventListener("click", () => exportRows("json"));
  readUrl();
  render();
})();
