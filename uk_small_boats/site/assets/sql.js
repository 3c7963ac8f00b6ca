// SQL console: DuckDB-WASM (this site's own gzipped copy, unpacked here with DecompressionStream)
// over the published database file, attached read-only. Values are formatted by their Arrow field
// type, as DuckDB's own shell shows them; nothing from a result is ever inserted as HTML.
import * as duckdb from "./vendor/duckdb/duckdb-browser.mjs";
import { Type, TimeUnit, IntervalUnit } from "apache-arrow";

const t0 = performance.now();
const $ = (id) => document.getElementById(id);
const app = $("sql-app"), editor = $("sql"), run = $("run"), status = $("status"), result = $("result");
const errorBox = $("error"), notice = $("notice"), share = $("share");
const exportCsv = $("export-csv"), exportJson = $("export-json");
const cfg = JSON.parse($("sql-config").textContent);
const MAX_ROWS = 1000;
const base = new URL("./", document.baseURI);
let conn = null, last = null;
window.__progress = [];
window.__timings = {};  // ms from the script's start to each stage (read by the bench)

// ---- loading ---------------------------------------------------------------------------------
const mb = (n) => `${(n / 1e6).toFixed(1)} MB`;

async function gunzip(file, onBytes) {
  const res = await fetch(new URL(file.url, base));
  if (!res.ok) throw new Error(`${file.url}: HTTP ${res.status}`);
  let seen = 0;
  const count = new TransformStream({ transform(chunk, ctl) { seen += chunk.byteLength; onBytes(seen); ctl.enqueue(chunk); } });
  return res.body.pipeThrough(count).pipeThrough(new DecompressionStream("gzip"));
}

async function start() {
  const files = [cfg.worker, cfg.wasm, cfg.db];
  const total = files.reduce((s, f) => s + f.packed, 0);
  const seen = files.map(() => 0);
  const bar = $("load-progress"), text = $("load-text");
  const progress = (i) => (n) => {
    seen[i] = n;
    const done = seen.reduce((a, b) => a + b, 0);
    bar.value = Math.min(done, total);
    window.__progress.push(done);
    text.textContent = `Downloading DuckDB: ${mb(done)} of ${mb(total)} (${mb(cfg.wasm.unpacked)} unpacked)…`;
  };
  const blob = async (stream, type) => new Response(stream, { headers: { "Content-Type": type } }).blob();
  const [workerJs, wasm, dbFile] = await Promise.all([
    gunzip(cfg.worker, progress(0)).then((s) => blob(s, "text/javascript")),
    gunzip(cfg.wasm, progress(1)).then((s) => blob(s, "application/wasm")),
    gunzip(cfg.db, progress(2)).then((s) => new Response(s).arrayBuffer()),
  ]);
  window.__timings.downloaded = performance.now() - t0;
  text.textContent = "Starting DuckDB…";
  const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), new Worker(URL.createObjectURL(workerJs)));
  await db.instantiate(URL.createObjectURL(wasm));
  window.__timings.instantiated = performance.now() - t0;
  await db.registerFileBuffer(cfg.db.name, new Uint8Array(dbFile));
  window.__timings.registered = performance.now() - t0;
  conn = await db.connect();
  // Open the published file as a reader would, then shut every door to the outside: no extension
  // downloads, no file access, and a locked configuration (so no query can open them again).
  await conn.query(`ATTACH '${cfg.db.name}' AS uk_small_boats (READ_ONLY); USE uk_small_boats;
    SET autoinstall_known_extensions = false; SET autoload_known_extensions = false;
    SET enable_external_access = false; SET lock_configuration = true;`);
  window.__duckdbReadyMs = window.__timings.opened = performance.now() - t0;
  $("progress").hidden = true;
  run.disabled = false;
  app.dataset.state = "ready";
  status.textContent = `DuckDB ready: ${cfg.db.tables} tables and ${cfg.db.views} views, loaded in ${(window.__duckdbReadyMs / 1000).toFixed(1)} s.`;
}

// ---- formatting by Arrow type ----------------------------------------------------------------
const pad = (n, w = 2) => String(n).padStart(w, "0");
const plural = (n, word) => `${n} ${word}${Math.abs(n) === 1 ? "" : "s"}`;

function dateText(ms) {
  const d = new Date(ms);
  const y = d.getUTCFullYear();
  return `${y < 0 ? "-" + pad(-y, 4) : pad(y, 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

// A time of day from an integer count of `perSecond` units since midnight (BigInt).
function clockText(units, perSecond, digits) {
  const secs = units / perSecond, frac = units % perSecond;
  const s = Number(secs);
  let out = `${pad(Math.floor(s / 3600))}:${pad(Math.floor(s / 60) % 60)}:${pad(s % 60)}`;
  if (frac !== 0n) out += "." + frac.toString().padStart(digits, "0").replace(/0+$/, "");
  return out;
}

const PER_SECOND = { [TimeUnit.SECOND]: [1n, 0], [TimeUnit.MILLISECOND]: [1000n, 3],
  [TimeUnit.MICROSECOND]: [1000000n, 6], [TimeUnit.NANOSECOND]: [1000000000n, 9] };

function timestampText(value, type) {  // value: BigInt in the type's unit
  const [per, digits] = PER_SECOND[type.unit];
  let secs = value / per, frac = value % per;
  if (frac < 0n) { frac += per; secs -= 1n; }
  const day = secs >= 0n ? secs / 86400n : -((-secs + 86399n) / 86400n);
  const tod = (secs - day * 86400n) * per + frac;
  return `${dateText(Number(day) * 86400000)} ${clockText(tod, per, digits)}${type.timezone ? "+00" : ""}`;
}

function decimalText(value, scale) {
  let s = String(value);
  if (!scale) return s;
  const neg = s.startsWith("-");
  if (neg) s = s.slice(1);
  s = s.padStart(scale + 1, "0");
  return `${neg ? "-" : ""}${s.slice(0, -scale)}.${s.slice(-scale)}`;
}

function intervalText(months, days, nanos) {  // nanos: BigInt
  const parts = [];
  const years = Math.trunc(months / 12), mo = months % 12;
  if (years) parts.push(plural(years, "year"));
  if (mo) parts.push(plural(mo, "month"));
  if (days) parts.push(plural(days, "day"));
  if (nanos !== 0n || parts.length === 0) {
    const neg = nanos < 0n, n = neg ? -nanos : nanos;
    parts.push((neg ? "-" : "") + clockText(n / 1000n, 1000000n, 6));
  }
  return parts.join(" ");
}

function blobText(bytes) {
  let s = "";
  for (const b of bytes) s += b >= 32 && b < 127 && b !== 92 ? String.fromCharCode(b) : "\\x" + b.toString(16).toUpperCase().padStart(2, "0");
  return s;
}

// A value as Arrow's row API gives it (used inside lists, structs and maps).
function valueText(v, type) {
  if (v === null || v === undefined) return "NULL";
  switch (type.typeId) {
    case Type.Date: return dateText(Number(v));
    case Type.Timestamp:  // the row API gives milliseconds: enough inside a nested value
      return timestampText(BigInt(Math.round(Number(v) * 1000)), { unit: TimeUnit.MICROSECOND, timezone: type.timezone });
    case Type.Time: return clockText(BigInt(v), PER_SECOND[type.unit][0], PER_SECOND[type.unit][1]);
    case Type.Decimal: return decimalText(v, type.scale);
    case Type.Binary: case Type.LargeBinary: case Type.FixedSizeBinary: return blobText(v);
    case Type.List: case Type.FixedSizeList:
      return "[" + [...v].map((x) => valueText(x, type.children[0].type)).join(", ") + "]";
    case Type.Struct:
      return "{" + type.children.map((f) => `'${f.name}': ${valueText(v[f.name], f.type)}`).join(", ") + "}";
    case Type.Map: {
      const [kf, vf] = type.children[0].type.children;
      return "{" + [...v].map(([k, x]) => `${valueText(k, kf.type)}=${valueText(x, vf.type)}`).join(", ") + "}";
    }
    case Type.Dictionary: return valueText(v, type.dictionary);
    default: return String(v);
  }
}

// Raw buffer access where Arrow's row API loses information (timestamps to microseconds and
// nanoseconds; MONTH_DAY_NANO intervals, which apache-arrow 17 decodes wrongly).
function column(vec, type) {
  const starts = [];
  let n = 0;
  for (const d of vec.data) { starts.push(n); n += d.length; }
  const locate = (i) => {
    let k = starts.length - 1;
    while (starts[k] > i) k--;
    return [vec.data[k], i - starts[k]];
  };
  return (i) => {
    if (!vec.isValid(i)) return null;
    switch (type.typeId) {
      case Type.Timestamp: { const [d, j] = locate(i); return timestampText(BigInt(d.values[d.offset + j]), type); }
      case Type.Interval: {
        const [d, j] = locate(i), v = d.values, k = d.offset + j;
        if (type.unit === IntervalUnit.MONTH_DAY_NANO) {
          const nanos = (BigInt(v[4 * k + 3]) << 32n) + BigInt(v[4 * k + 2] >>> 0);
          return intervalText(v[4 * k], v[4 * k + 1], nanos);
        }
        if (type.unit === IntervalUnit.DAY_TIME) return intervalText(0, v[2 * k], BigInt(v[2 * k + 1]) * 1000000n);
        return intervalText(v[k], 0, 0n);
      }
      default: return valueText(vec.get(i), type);
    }
  };
}

const NUMERIC = new Set([Type.Int, Type.Float, Type.Decimal]);
const jsonOf = (text, type) => text === null ? "null"
  : NUMERIC.has(type.typeId) && /^-?\d+(\.\d+)?(e[+-]?\d+)?$/i.test(text) ? text
  : type.typeId === Type.Bool ? text : JSON.stringify(text);

// ---- running ---------------------------------------------------------------------------------
function localToday() {
  const d = new Date();
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

// `current_date` and `today()` need the time-zone extension, which DuckDB-WASM does not bundle:
// they become today's date on this computer. Strings, quoted names and comments are left alone.
function supplyToday(sql) {
  const today = `DATE '${localToday()}'`;
  let out = "", i = 0, replaced = false;
  const word = /[A-Za-z0-9_$]/;
  while (i < sql.length) {
    const c = sql[i], two = sql.slice(i, i + 2);
    let j = i + 1;
    if (c === "'" || c === '"') { while (j < sql.length && !(sql[j] === c && sql[j + 1] !== c)) j += sql[j] === c ? 2 : 1; j++; }
    else if (two === "--") { j = sql.indexOf("\n", i); j = j < 0 ? sql.length : j; }
    else if (two === "/*") { j = sql.indexOf("*/", i + 2); j = j < 0 ? sql.length : j + 2; }
    else if (word.test(c) && (i === 0 || !word.test(sql[i - 1]) && sql[i - 1] !== ".")) {
      while (j < sql.length && word.test(sql[j])) j++;
      const w = sql.slice(i, j).toLowerCase();
      const call = sql.slice(j).match(/^\s*\(\s*\)/);
      if (w === "current_date" || (w === "today" && call)) {
        out += today; replaced = true;
        i = j + (call ? call[0].length : 0);
        continue;
      }
    }
    out += sql.slice(i, j); i = j;
  }
  return { sql: out, replaced };
}

const NO_ICU = /\bicu\b|time ?zone|table index is out of bounds|function signature mismatch|unreachable/i;
// DuckDB's own advice for these errors is to download an extension: not possible here, so it is dropped.
const NETWORK_ADVICE = /^(Please try installing|Alternatively, consider enabling|INSTALL |LOAD |SET auto)/;

function explain(message) {
  if (NO_ICU.test(message)) {
    return "DuckDB-WASM has no time-zone (ICU) support, which this needs. Use current_date (taken from this " +
      "computer's clock), DATE and TIMESTAMP literals, or timestamps without a time zone (now()::TIMESTAMP does " +
      "not work either: write TIMESTAMP '2025-01-01 00:00:00').";
  }
  if (/extension/i.test(message)) {
    return "Extensions are not available here: this page never downloads anything from outside this site. " +
      "Everything in the published database works with DuckDB's built-in functions.";
  }
  if (/Permission Error/.test(message)) {
    return "This console reads the published database only: reading or writing files is switched off.";
  }
  return "";
}

function showError(message, sql) {
  // DuckDB repeats the LINE/caret block; show it once, in a monospace block so the caret lines up.
  const blocks = message.split(/\n\n/).filter((b) => !NETWORK_ADVICE.test(b.trim()));
  const text = blocks.filter((b, i) => blocks.indexOf(b) === i).join("\n\n").trim();
  const strong = document.createElement("strong"); strong.textContent = "Error";
  const pre = document.createElement("pre"); pre.textContent = text;
  const parts = [strong, pre];
  const hint = explain(message);
  if (hint) { const p = document.createElement("p"); p.textContent = hint; parts.push(p); }
  errorBox.replaceChildren(...parts);
  errorBox.hidden = false;
  editor.setAttribute("aria-invalid", "true");
  // Put the editor's caret where DuckDB's points.
  const m = text.match(/LINE (\d+): (.*)\n( *)\^/);
  if (m && sql === editor.value) {
    const [, lineNo, shown, spaces] = m;
    const prefix = `LINE ${lineNo}: `.length;
    const lead = shown.startsWith("...") ? 3 : 0;
    const line = sql.split("\n")[Number(lineNo) - 1] || "";
    const at = line.indexOf(shown.slice(lead).replace(/\.\.\.$/, ""));
    if (at >= 0) {
      const col = at + spaces.length - prefix - lead;
      const pos = sql.split("\n").slice(0, Number(lineNo) - 1).reduce((s, l) => s + l.length + 1, 0) + col;
      editor.setSelectionRange(pos, pos);
    }
  }
}

function render(table) {
  const fields = table.schema.fields;
  const cols = fields.map((f, i) => column(table.getChildAt(i), f.type));
  const el = document.createElement("table");
  const head = el.createTHead().insertRow();
  fields.forEach((f) => {
    const th = document.createElement("th");
    th.scope = "col"; th.textContent = f.name; th.title = String(f.type);
    head.appendChild(th);
  });
  const body = el.createTBody();
  const shown = Math.min(table.numRows, MAX_ROWS);
  for (let i = 0; i < shown; i++) {
    const tr = body.insertRow();
    cols.forEach((col, c) => {
      const td = tr.insertCell();
      const text = col(i);
      if (text === null) { td.textContent = "NULL"; td.className = "null"; }
      else td.textContent = text;  // text, never HTML
      if (NUMERIC.has(fields[c].type.typeId)) td.classList.add("num");
    });
  }
  result.replaceChildren(el);
  return shown;
}

async function query(sql = editor.value) {
  if (!conn) return;
  const t = performance.now();
  app.dataset.state = "running";
  status.textContent = "Running…";
  errorBox.hidden = true; notice.hidden = true;
  editor.removeAttribute("aria-invalid");
  const url = new URL(location.href);
  url.searchParams.set("sql", sql);
  history.replaceState(null, "", url);
  share.href = url.href;
  const supplied = supplyToday(sql);
  try {
    const table = await conn.query(supplied.sql);
    last = table;
    const shown = render(table);
    const ms = Math.round(performance.now() - t);
    status.textContent = `${table.numRows.toLocaleString("en-GB")} row${table.numRows === 1 ? "" : "s"} in ${ms} ms`;
    const notes = [];
    if (shown < table.numRows) {
      notes.push(`Showing the first ${shown.toLocaleString("en-GB")} of ${table.numRows.toLocaleString("en-GB")} rows; ` +
        "Export CSV or JSON for all of them.");
    }
    if (supplied.replaced) {
      notes.push(`current_date is today's date on this computer (${localToday()}): DuckDB-WASM has no time-zone ` +
        "support, so the page supplies it.");
    }
    notice.textContent = notes.join(" ");
    notice.hidden = notes.length === 0;
    exportCsv.disabled = exportJson.disabled = false;
    app.dataset.state = "done";
    if (window.__firstQueryMs === undefined) window.__firstQueryMs = window.__timings.firstResult = performance.now() - t0;
  } catch (e) {
    last = null;
    result.replaceChildren();
    exportCsv.disabled = exportJson.disabled = true;
    status.textContent = "Error: the query did not run (details below).";
    showError(String(e.message || e), sql);
    app.dataset.state = "error";
  }
}

// ---- exports ---------------------------------------------------------------------------------
function save(text, name, type) {
  const a = document.createElement("a");
  a.href = URL.createObjectURL(new Blob([text], { type }));
  a.download = name;
  document.body.appendChild(a); a.click(); a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 10000);
}

function exportRows(format) {
  if (!last) return;
  const fields = last.schema.fields;
  const cols = fields.map((f, i) => column(last.getChildAt(i), f.type));
  const lines = [];
  if (format === "csv") {
    const cell = (s) => s === null ? "" : /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
    lines.push(fields.map((f) => cell(f.name)).join(","));
    for (let i = 0; i < last.numRows; i++) lines.push(cols.map((c) => cell(c(i))).join(","));
    save(lines.join("\r\n") + "\r\n", "uk-small-boats-query.csv", "text/csv");
  } else {
    for (let i = 0; i < last.numRows; i++) {
      lines.push("{" + fields.map((f, c) => `${JSON.stringify(f.name)}: ${jsonOf(cols[c](i), f.type)}`).join(", ") + "}");
    }
    save("[\n" + lines.join(",\n") + "\n]\n", "uk-small-boats-query.json", "application/json");
  }
}

// ---- wiring ----------------------------------------------------------------------------------
run.addEventListener("click", () => query());
editor.addEventListener("keydown", (e) => {
  if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) { e.preventDefault(); query(); }
});
exportCsv.addEventListener("click", () => exportRows("csv"));
exportJson.addEventListener("click", () => exportRows("json"));
document.querySelectorAll("button.example, button.insert").forEach((b) => b.addEventListener("click", () => {
  editor.value = b.dataset.sql;
  query();
}));
const fromUrl = new URLSearchParams(location.search).get("sql");
if (fromUrl) editor.value = fromUrl;
start().then(() => query()).catch((e) => {
  app.dataset.state = "failed";
  $("load-text").textContent = "DuckDB could not start.";
  status.textContent = `Error: DuckDB could not start: ${e.message}`;
});
