// SQL console: DuckDB-WASM (this site's own gzipped copy, unpacked here with DecompressionStream)
// over the published database file, attached read-only. Values are formatted by their Arrow field
// type, as DuckDB's own shell shows them; nothing from a result is ever inserted as HTML.
import * as duckdb from "./vendor/duckdb/duckdb-browser.mjs";
import { Type, TimeUnit, IntervalUnit, DateUnit, UnionMode, makeVector } from "apache-arrow";

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
// Every value is read from the Arrow buffers themselves (apache-arrow's row API loses precision
// on timestamps and decodes MONTH_DAY_NANO intervals wrongly, also inside lists and structs) and
// written as DuckDB writes it (`value::VARCHAR`): 2024-02-29, 0044-03-15 (BC), infinity,
// 1.50 for DECIMAL(10,2), 0.1 for a FLOAT, 100.0 for a DOUBLE, 1 year 2 months, [1, NULL], {'a': 1}.
const pad = (n, w = 2) => String(n).padStart(w, "0");
const plural = (n, word) => `${n} ${word}${Math.abs(n) === 1 ? "" : "s"}`;
const fdiv = (a, b) => Math.floor(a / b);

// Days since 1970-01-01 to a proleptic Gregorian [year, month, day], for any 32-bit day count
// (H. Hinnant's civil_from_days; year 0 is 1 BC).
function civil(days) {
  const z = days + 719468, era = fdiv(z, 146097), doe = z - era * 146097;
  const yoe = fdiv(doe - fdiv(doe, 1460) + fdiv(doe, 36524) - fdiv(doe, 146096), 365);
  const doy = doe - (365 * yoe + fdiv(yoe, 4) - fdiv(yoe, 100)), mp = fdiv(5 * doy + 2, 153);
  const m = mp < 10 ? mp + 3 : mp - 9;
  return [yoe + era * 400 + (m <= 2 ? 1 : 0), m, doy - fdiv(153 * mp + 2, 5) + 1];
}
const DATE_INFINITY = 2147483647, TIMESTAMP_INFINITY = 9223372036854775807n;

function dayText(days, time = "") {  // the date, (BC) before Christ, then the time of day
  if (days === DATE_INFINITY) return "infinity";
  if (days === -DATE_INFINITY) return "-infinity";
  const [y, m, d] = civil(days);
  return `${pad(y > 0 ? y : 1 - y, 4)}-${pad(m)}-${pad(d)}${y > 0 ? "" : " (BC)"}${time ? " " + time : ""}`;
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
  if (value === TIMESTAMP_INFINITY) return "infinity";
  if (value === -TIMESTAMP_INFINITY) return "-infinity";
  const [per, digits] = PER_SECOND[type.unit];
  const perDay = 86400n * per;
  let day = value / perDay, rest = value % perDay;
  if (rest < 0n) { rest += perDay; day -= 1n; }
  return dayText(Number(day), clockText(rest, per, digits) + (type.timezone ? "+00" : ""));
}

function decimalText(value, scale) {  // value: BigInt of the unscaled integer
  let s = (value < 0n ? -value : value).toString();
  if (scale > 0) { s = s.padStart(scale + 1, "0"); s = `${s.slice(0, -scale)}.${s.slice(-scale)}`; }
  return (value < 0n ? "-" : "") + s;
}

// A two's-complement (or unsigned) little-endian integer from `n` 32-bit words at `words[k]`.
function wordsInt(words, k, n, signed = true) {
  let x = 0n;
  for (let w = n - 1; w >= 0; w--) x = (x << 32n) | BigInt(words[k + w] >>> 0);
  return signed && x >> BigInt(32 * n - 1) ? x - (1n << BigInt(32 * n)) : x;
}

// As DuckDB writes a float: shortest digits that read back as the same value (of 32 bits for a
// FLOAT), positional from 1e-4 up to 1e16 (with ".0" when whole), else 1.5e+16 / 2.5e-05.
function floatText(x, single) {
  if (Number.isNaN(x)) return "nan";
  if (!Number.isFinite(x)) return x > 0 ? "inf" : "-inf";
  if (x === 0) return Object.is(x, -0) ? "-0.0" : "0.0";
  let sci = x.toExponential();
  if (single) {
    for (let p = 0; p < 9; p++) { const s = x.toExponential(p); if (Math.fround(Number(s)) === x) { sci = s; break; } }
  }
  const [mant, e] = sci.split("e"), exp = Number(e), neg = mant.startsWith("-");
  const ds = mant.replace("-", "").replace(".", "");
  let out;
  if (exp < -4 || exp >= 16) out = `${ds[0]}${ds.length > 1 ? "." + ds.slice(1) : ""}e${exp < 0 ? "-" : "+"}${pad(Math.abs(exp))}`;
  else if (exp < 0) out = `0.${"0".repeat(-exp - 1)}${ds}`;
  else if (exp >= ds.length - 1) out = `${ds}${"0".repeat(exp - ds.length + 1)}.0`;
  else out = `${ds.slice(0, exp + 1)}.${ds.slice(exp + 1)}`;
  return (neg ? "-" : "") + out;
}

function intervalText(months, days, micros) {  // micros: BigInt
  const parts = [];
  const years = Math.trunc(months / 12), mo = months % 12;
  if (years) parts.push(plural(years, "year"));
  if (mo) parts.push(plural(mo, "month"));
  if (days) parts.push(plural(days, "day"));
  if (micros !== 0n || parts.length === 0) {
    const neg = micros < 0n, n = neg ? -micros : micros;
    parts.push((neg ? "-" : "") + clockText(n, 1000000n, 6));
  }
  return parts.join(" ");
}

function blobText(bytes) {
  let s = "";
  for (const b of bytes) s += b >= 32 && b < 127 && b !== 92 ? String.fromCharCode(b) : "\\x" + b.toString(16).toUpperCase().padStart(2, "0");
  return s;
}

// DuckDB's own types Arrow has no type for travel as arrow.opaque with the DuckDB name.
function opaqueName(field) {
  if (field?.metadata?.get("ARROW:extension:name") !== "arrow.opaque") return "";
  try { return JSON.parse(field.metadata.get("ARROW:extension:metadata")).type_name || ""; } catch { return ""; }
}

// BIGNUM (VARINT): a 3-byte header (top bit set for a positive number; all bits inverted for a
// negative one, as are the digits) then the magnitude, big-endian.
function bignumText(bytes) {
  const neg = (bytes[0] & 0x80) === 0;
  let x = 0n;
  for (let j = 3; j < bytes.length; j++) x = (x << 8n) | BigInt(neg ? ~bytes[j] & 0xff : bytes[j]);
  return (neg ? "-" : "") + x.toString();
}

const NUMERIC = new Set([Type.Int, Type.Float, Type.Decimal]);
const NUMERIC_OPAQUE = new Set(["uhugeint", "hugeint", "bignum", "varint"]);
const isNumeric = (field) => NUMERIC.has(field.type.typeId) || NUMERIC_OPAQUE.has(opaqueName(field));

// The values of one Arrow Data (one batch of a column, or the child of a list) as
// (i) => text, or null for NULL. `i` counts within this Data, whose buffers start at its first
// value (apache-arrow slices them); only the validity bitmap is read at data.offset + i.
function reader(data, field) {
  const type = data.type, v = data.values;
  if (type.typeId === Type.Null) return () => null;
  const text = leaf(data, field, type, v);
  return (i) => (data.getValid(i) ? text(i) : null);
}
// Inside a list, struct or map, DuckDB quotes a value's text when it could not be read back
// otherwise (empty, 'null', space at either end, or one of "'(),:=[]{}), with ' and \ escaped.
const CONTAINERS = new Set([Type.List, Type.LargeList, Type.FixedSizeList, Type.Struct, Type.Map, Type.Union]);
const SPECIAL = /["'(),:=[\]{}]/, SPACE = /[ \t\n\v\f\r]/;
const quote = (s) => `'${s.replace(/['\\]/g, "\\$&")}'`;
function nestedReader(data, field) {
  const read = reader(data, field);
  if (CONTAINERS.has(data.type.typeId)) return (i) => read(i) ?? "NULL";
  return (i) => {
    const s = read(i);
    if (s === null) return "NULL";
    const bare = s !== "" && !SPACE.test(s[0]) && !(s.length > 1 && SPACE.test(s[s.length - 1]))
      && s.toLowerCase() !== "null" && !SPECIAL.test(s);
    return bare ? s : quote(s);
  };
}

function leaf(data, field, type, v) {
  const child = (k) => nestedReader(data.children[k], type.children[k]);
  switch (type.typeId) {
    case Type.Int: return (i) => String(v[i]);
    case Type.Float: return type.precision === 0 ? (i) => floatText(makeVector(data).get(i), false)  // HALF
      : (i) => floatText(v[i], type.precision === 1);
    case Type.Bool: return (i) => String(Boolean((v[(data.offset + i) >> 3] >> ((data.offset + i) & 7)) & 1));
    case Type.Decimal: {
      const n = type.bitWidth / 32;
      return (i) => decimalText(wordsInt(v, i * n, n), type.scale);
    }
    case Type.Date: return type.unit === DateUnit.DAY ? (i) => dayText(v[i])
      : (i) => dayText(Number(BigInt(v[i]) / 86400000n - (BigInt(v[i]) % 86400000n < 0n ? 1n : 0n)));
    case Type.Timestamp: return (i) => timestampText(BigInt(v[i]), type);
    case Type.Time: return (i) => clockText(BigInt(v[i]), ...PER_SECOND[type.unit]);
    case Type.Interval:
      if (type.unit === IntervalUnit.MONTH_DAY_NANO) {
        return (i) => intervalText(v[4 * i], v[4 * i + 1], wordsInt(v, 4 * i + 2, 2) / 1000n);
      }
      if (type.unit === IntervalUnit.DAY_TIME) return (i) => intervalText(0, v[2 * i], BigInt(v[2 * i + 1]) * 1000n);
      return (i) => intervalText(v[i], 0, 0n);
    case Type.Binary: case Type.LargeBinary: {
      const o = data.valueOffsets, name = opaqueName(field);
      const bytes = (i) => v.subarray(Number(o[i]), Number(o[i + 1]));
      return name === "bignum" || name === "varint" ? (i) => bignumText(bytes(i)) : (i) => blobText(bytes(i));
    }
    case Type.FixedSizeBinary: {
      const w = type.byteWidth, name = opaqueName(field);
      if ((name === "uhugeint" || name === "hugeint") && w === 16) {  // little-endian
        return (i) => {
          let x = 0n;
          for (let j = 15; j >= 0; j--) x = (x << 8n) | BigInt(v[16 * i + j]);
          return String(name === "hugeint" && x >> 127n ? x - (1n << 128n) : x);
        };
      }
      return (i) => blobText(v.subarray(i * w, (i + 1) * w));
    }
    case Type.List: case Type.LargeList: {
      const o = data.valueOffsets, c = child(0);
      return (i) => {
        const items = [];
        for (let j = Number(o[i]); j < Number(o[i + 1]); j++) items.push(c(j));
        return `[${items.join(", ")}]`;
      };
    }
    case Type.FixedSizeList: {
      const n = type.listSize, c = child(0);
      return (i) => `[${Array.from({ length: n }, (_, j) => c(i * n + j)).join(", ")}]`;
    }
    case Type.Struct: {
      const cs = type.children.map((_, k) => child(k));
      return (i) => `{${type.children.map((f, k) => `${quote(f.name)}: ${cs[k](i)}`).join(", ")}}`;
    }
    case Type.Map: {
      const o = data.valueOffsets, entries = data.children[0];
      const [keys, vals] = [0, 1].map((k) => nestedReader(entries.children[k], entries.type.children[k]));
      return (i) => {
        const items = [];
        for (let j = Number(o[i]); j < Number(o[i + 1]); j++) items.push(`${keys(j)}=${vals(j)}`);
        return `{${items.join(", ")}}`;
      };
    }
    case Type.Union: {
      const ids = data.typeIds, dense = type.mode === UnionMode.Dense;
      const cs = type.children.map((f, k) => reader(data.children[k], f));
      return (i) => cs[type.typeIdToChildIndex[ids[i]]](dense ? data.valueOffsets[i] : i) ?? "NULL";
    }
    case Type.Dictionary: {
      const dict = column(data.dictionary, { type: type.dictionary });
      return (i) => dict(Number(v[i])) ?? "NULL";
    }
    default: {  // text (Utf8, LargeUtf8) and anything else, through apache-arrow's own reading
      const vec = makeVector(data);
      return (i) => String(vec.get(i));
    }
  }
}

// A whole column (a Vector of one or more batches) as (row) => text or null.
function column(vec, field) {
  const readers = vec.data.map((d) => reader(d, field));
  const starts = [];
  let n = 0;
  for (const d of vec.data) { starts.push(n); n += d.length; }
  return (i) => {
    let k = starts.length - 1;
    while (starts[k] > i) k--;
    return readers[k](i - starts[k]);
  };
}

const jsonOf = (text, field) => text === null ? "null"
  : isNumeric(field) && /^-?\d+(\.\d+)?(e[+-]?\d+)?$/i.test(text) ? text
  : field.type.typeId === Type.Bool ? text : JSON.stringify(text);

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
  pre.tabIndex = 0;  // it scrolls sideways on a narrow screen (the caret lines must not wrap)
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
  const cols = fields.map((f, i) => column(table.getChildAt(i), f));
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
      else {
        td.textContent = text;  // text, never HTML
        if (text.length > 60) td.className = "long";
      }
      if (isNumeric(fields[c])) td.classList.add("num");
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
  const cols = fields.map((f, i) => column(last.getChildAt(i), f));
  const lines = [];
  if (format === "csv") {
    const cell = (s) => s === null ? "" : /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
    lines.push(fields.map((f) => cell(f.name)).join(","));
    for (let i = 0; i < last.numRows; i++) lines.push(cols.map((c) => cell(c(i))).join(","));
    save(lines.join("\r\n") + "\r\n", "uk-small-boats-query.csv", "text/csv");
  } else {
    for (let i = 0; i < last.numRows; i++) {
      lines.push("{" + fields.map((f, c) => `${JSON.stringify(f.name)}: ${jsonOf(cols[c](i), f)}`).join(", ") + "}");
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
