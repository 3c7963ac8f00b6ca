// SQL console: DuckDB-WASM from this site's own files over the published CSV files, with the
// column types of the Table Schemas (DuckDB-WASM's Parquet reader is an extension it would download).
import * as duckdb from "./vendor/duckdb/duckdb-browser.mjs";

const t0 = performance.now();
const status = document.getElementById("status");
const run = document.getElementById("run");
const result = document.getElementById("result");
const tables = JSON.parse(document.getElementById("sql-tables").textContent);
const vendor = new URL("./vendor/duckdb/", import.meta.url).href;
let conn;

async function start() {
  const worker = new Worker(vendor + "duckdb-browser-eh.worker.js");
  const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker);
  await db.instantiate(vendor + "duckdb-eh.wasm");
  conn = await db.connect();
  // Never reach for extensions over the network: everything needed is built in.
  await conn.query("SET autoinstall_known_extensions = false; SET autoload_known_extensions = false;");
  await Promise.all(Object.keys(tables).map(async (t) => {
    const res = await fetch(new URL(`../downloads/${t}.csv`, import.meta.url));
    await db.registerFileBuffer(`${t}.csv`, new Uint8Array(await res.arrayBuffer()));
  }));
  for (const [t, cols] of Object.entries(tables)) {
    const struct = Object.entries(cols).map(([c, ty]) => `'${c}': '${ty}'`).join(", ");
    await conn.query(`CREATE TABLE "${t}" AS SELECT * FROM read_csv('${t}.csv', header = true, ` +
                     `auto_detect = false, delim = ',', quote = '"', escape = '"', columns = {${struct}})`);
  }
  window.__duckdbReadyMs = performance.now() - t0;
  run.disabled = false; run.textContent = "Run";
  status.textContent = `DuckDB ready (${Object.keys(tables).length} tables, ${Math.round(window.__duckdbReadyMs)} ms).`;
}

function render(table) {
  const cols = table.schema.fields.map((f) => f.name);
  const el = document.createElement("table");
  const head = el.createTHead().insertRow();
  cols.forEach((c) => { const th = document.createElement("th"); th.textContent = c; head.appendChild(th); });
  const body = el.createTBody();
  for (const row of table.toArray().slice(0, 1000)) {
    const tr = body.insertRow();
    for (const c of cols) {
      let v = row[c];
      if (typeof v === "bigint") v = v.toString();
      else if (v instanceof Date) v = v.toISOString().slice(0, 10);
      tr.insertCell().textContent = v === null || v === undefined ? "" : String(v);  // text, never HTML
    }
  }
  result.replaceChildren(el);
  return table.numRows;
}

async function query() {
  const sql = document.getElementById("sql").value;
  const t = performance.now();
  status.textContent = "Running…";
  try {
    const table = await conn.query(sql);
    const n = render(table);
    status.textContent = `${n} row(s) in ${Math.round(performance.now() - t)} ms`;
    if (window.__firstQueryMs === undefined) window.__firstQueryMs = performance.now() - t0;
  } catch (e) {
    result.replaceChildren();
    status.textContent = `Error: ${e.message}`;
  }
}

run.addEventListener("click", query);
document.querySelectorAll("button.example").forEach((b) => b.addEventListener("click", () => {
  document.getElementById("sql").value = b.dataset.sql;
  if (!run.disabled) query();
}));
start().then(query).catch((e) => { status.textContent = `Could not start DuckDB: ${e.message}`; });
