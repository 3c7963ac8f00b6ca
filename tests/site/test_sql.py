"""The SQL console: DuckDB-WASM over the published database, every Arrow type shown as DuckDB shows it."""

from __future__ import annotations

import csv
import io
import json
import re
import time
from urllib.parse import parse_qs, quote, urlparse

import duckdb
import pytest

from .conftest import AXE, SERVED, new_page
from .test_pages import AXE_RUN, PHONE

pytestmark = pytest.mark.browser

READY = "() => { const b = document.querySelector('#run'); return b && !b.disabled; }"


def wait_ready(pg) -> None:
    pg.wait_for_function(READY, timeout=60000)


def run_sql(pg, sql: str) -> str:
    """Run ``sql`` in the console and return the status line once it has finished."""
    wait_ready(pg)
    pg.evaluate("() => { document.querySelector('#status').textContent = ''; }")
    pg.fill("#sql", sql)
    pg.click("#run")
    pg.wait_for_function("() => { const t = document.querySelector('#status').textContent;"
                         " return t !== '' && !t.startsWith('Running'); }")
    return pg.locator("#status").inner_text()


def first_cell(pg) -> str:
    return pg.locator("#result tbody td").first.inner_text()


@pytest.fixture(scope="module")
def console(browser, site):
    """One console page, engine loaded once, for the many single-query tests."""
    _, base = site
    with new_page(browser, base) as pg:
        pg.goto(base + "sql.html")
        wait_ready(pg)
        yield pg


@pytest.fixture(scope="module")
def db(site):
    out, _ = site
    con = duckdb.connect(str(out / "uk_small_boats.duckdb"), read_only=True)
    yield con
    con.close()


# Each Arrow type as DuckDB writes it (the console must not show epoch milliseconds, unscaled
# decimals, NaN dates or [object] for any of them): (id, SQL expression, expected text). The test
# also holds the console to the engine's own `expr::VARCHAR` in the same page, so a newer DuckDB
# that writes a type differently fails here instead of drifting.
TYPES = [
    ("date", "DATE '2024-02-29'", "2024-02-29"),
    ("date_before_1970", "DATE '1850-03-01'", "1850-03-01"),
    ("date_bc", "DATE '0044-03-15 (BC)'", "0044-03-15 (BC)"),
    ("date_far_future", "DATE '5881580-07-10'", "5881580-07-10"),
    ("date_infinity", "DATE 'infinity'", "infinity"),
    ("date_minus_infinity", "DATE '-infinity'", "-infinity"),
    ("timestamp_us", "TIMESTAMP '2024-01-02 03:04:05.123456'", "2024-01-02 03:04:05.123456"),
    ("timestamp_before_1970", "TIMESTAMP '1969-12-31 23:59:59.25'", "1969-12-31 23:59:59.25"),
    ("timestamp_bc", "TIMESTAMP '0044-03-15 (BC) 10:00:00'", "0044-03-15 (BC) 10:00:00"),
    ("timestamp_infinity", "'infinity'::TIMESTAMP", "infinity"),
    ("timestamp_s", "TIMESTAMP_S '2024-01-02 03:04:05'", "2024-01-02 03:04:05"),
    ("timestamp_ms", "TIMESTAMP_MS '2024-01-02 03:04:05.123'", "2024-01-02 03:04:05.123"),
    ("timestamp_ns", "TIMESTAMP_NS '2024-01-02 03:04:05.123456789'", "2024-01-02 03:04:05.123456789"),
    ("timestamptz", "TIMESTAMPTZ '2024-01-02 03:04:05+00'", "2024-01-02 03:04:05+00"),
    ("time", "TIME '12:34:56.789'", "12:34:56.789"),
    ("decimal_scale", "1.5::DECIMAL(10,2)", "1.50"),
    ("decimal_negative", "-0.05::DECIMAL(4,2)", "-0.05"),
    ("decimal_wide", "123456789012345678.123::DECIMAL(38,3)", "123456789012345678.123"),
    ("decimal_wide_negative", "-123456789012345678.123::DECIMAL(38,3)", "-123456789012345678.123"),
    ("decimal_product", "0.5 * 15897", "7948.5"),
    ("bigint_beyond_2_53", "9007199254740993::BIGINT", "9007199254740993"),
    ("bigint_min", "(-9223372036854775808)::BIGINT", "-9223372036854775808"),
    ("ubigint_max", "18446744073709551615::UBIGINT", "18446744073709551615"),
    ("hugeint", "170141183460469231731687303715884105727::HUGEINT", "170141183460469231731687303715884105727"),
    ("uhugeint", "340282366920938463463374607431768211455::UHUGEINT", "340282366920938463463374607431768211455"),
    ("varint_negative", "-12345678901234567890123::VARINT", "-12345678901234567890123"),
    ("tinyint", "(-128)::TINYINT", "-128"),
    ("interval", "INTERVAL '1 year 2 months 3 days 04:05:06.5'", "1 year 2 months 3 days 04:05:06.5"),
    ("interval_negative", "- INTERVAL '2 hours'", "-02:00:00"),
    ("interval_days", "to_days(29)", "29 days"),
    ("interval_mixed_signs", "INTERVAL '-1 day 2 hours'", "-1 day 02:00:00"),
    ("interval_over_a_day", "INTERVAL 36 HOURS", "36:00:00"),
    ("null", "NULL", "NULL"),
    ("list", "[1, 2, NULL]", "[1, 2, NULL]"),
    ("list_of_dates", "[DATE '2024-01-01', NULL]", "[2024-01-01, NULL]"),
    ("list_of_intervals", "[INTERVAL 1 DAY, INTERVAL 90 MINUTES, NULL]", "[1 day, '01:30:00', NULL]"),
    ("list_of_timestamps", "[TIMESTAMP '2020-01-01 10:00:00.123456']", "['2020-01-01 10:00:00.123456']"),
    ("list_of_lists", "[[1, 2], [], NULL]", "[[1, 2], [], NULL]"),
    ("list_of_text_quoted_as_needed", "['a b', 'a,b', '', 'NULL', 'it''s']", "[a b, 'a,b', '', 'NULL', 'it\\'s']"),
    ("fixed_size_array", "[1, 2, 3]::INTEGER[3]", "[1, 2, 3]"),
    ("struct", "{'a': 1, 'b': 'x', 'd': DATE '2024-01-01', 'm': 1.5::DECIMAL(4,1)}",
     "{'a': 1, 'b': x, 'd': 2024-01-01, 'm': 1.5}"),
    ("struct_nested", "{'s': {'t': [1.25::DECIMAL(5,2)]}, 'i': INTERVAL 90 MINUTES}", "{'s': {'t': [1.25]}, 'i': '01:30:00'}"),
    ("map", "MAP {'k': 1}", "{k=1}"),
    ("map_of_dates", "MAP {DATE '2020-01-01': 1.5::DECIMAL(3,1)}", "{2020-01-01=1.5}"),
    ("union", "union_value(num := 2)::UNION(num INT, str VARCHAR)", "2"),
    ("boolean", "true", "true"),
    ("double", "0.1::DOUBLE + 0.2::DOUBLE", "0.30000000000000004"),
    ("double_whole", "100::DOUBLE", "100.0"),
    ("double_large", "1e16::DOUBLE", "1e+16"),
    ("double_small", "2.5e-5::DOUBLE", "2.5e-05"),
    ("double_nan", "'nan'::DOUBLE", "nan"),
    ("double_infinity", "'-inf'::DOUBLE", "-inf"),
    ("float", "0.1::FLOAT", "0.1"),
    ("float_rounded", "16777217::FLOAT", "16777216.0"),
    ("blob", "'\\xAA\\x41'::BLOB", "\\xAAA"),
    ("enum", "'b'::ENUM('a', 'b')", "b"),
    ("uuid", "'b5b5d7b4-0f1a-4e5e-9c1e-2b6a1a9e7c11'::UUID", "b5b5d7b4-0f1a-4e5e-9c1e-2b6a1a9e7c11"),
    ("text_with_a_newline", "'a' || chr(10) || 'b'", "a\nb"),
]


@pytest.mark.parametrize("expr,expected", [t[1:] for t in TYPES], ids=[t[0] for t in TYPES])
def test_each_arrow_type_is_shown_as_duckdb_writes_it(console, expr, expected):
    status = run_sql(console, f"SELECT {expr} AS v, ({expr})::VARCHAR AS duckdb_text")
    assert "rror" not in status, status
    shown, engine = console.evaluate("() => [...document.querySelectorAll('#result tbody td')].map(td => td.textContent)")
    assert shown == expected
    assert shown == engine  # DuckDB's own text for the value, from the same engine


def test_types_arrow_does_not_carry_are_explained(console):
    """BIT reaches the page as bytes and TIME WITH TIME ZONE without its offset (DuckDB's Arrow
    export): the page says so and how to see them, and the cast it suggests works."""
    intro = console.locator("article").inner_text()
    assert "BIT" in intro and "TIME WITH TIME ZONE" in intro and "::VARCHAR" in intro
    run_sql(console, "SELECT '10101'::BIT::VARCHAR AS b, TIMETZ '12:00:00+02'::VARCHAR AS t")
    assert console.locator("#result tbody td").all_inner_texts() == ["10101", "12:00:00+02"]


def test_null_is_marked_apart_from_empty_text(console):
    run_sql(console, "SELECT NULL AS a, '' AS b")
    cells = console.locator("#result tbody td")
    assert "null" in (cells.nth(0).get_attribute("class") or "")
    assert cells.nth(1).inner_text() == "" and "null" not in (cells.nth(1).get_attribute("class") or "")


def test_dates_in_the_series_are_dates(console, db):
    run_sql(console, "select * from official_daily order by date desc limit 10")
    latest = db.execute("select max(date) from official_daily").fetchall()[0][0]
    assert first_cell(console) == latest.isoformat()


def test_decimal_arithmetic_on_the_series(console, db):
    year = db.execute("select max(year(date)) from official_daily").fetchall()[0][0]
    sql = f"select 0.5*sum(people_arrived) AS half from official_daily where year(date)={year}"
    expected = db.execute(sql).fetchall()[0][0]
    run_sql(console, sql)
    assert first_cell(console) == str(expected)


def test_example_queries_show_no_epoch_milliseconds(console):
    examples = console.locator("button.example")
    assert examples.count() >= 5
    for i in range(examples.count()):
        console.evaluate("() => { document.querySelector('#status').textContent = ''; }")
        examples.nth(i).click()
        console.wait_for_function("() => { const t = document.querySelector('#status').textContent;"
                                  " return t !== '' && !t.startsWith('Running'); }")
        label = examples.nth(i).inner_text()
        assert "rror" not in console.locator("#status").inner_text(), label
        text = console.locator("#result").inner_text()
        assert console.locator("#result tbody tr").count() > 0, label
        assert not re.search(r"\b1[0-9]{12}\b", text), f"epoch milliseconds in {label!r}"


def test_console_has_the_published_databases_views_and_keys(console, db):
    views = [r[0] for r in db.execute("select view_name from duckdb_views() where not internal").fetchall()]
    assert {"claims_checked", "official_monthly", "official_yearly"} <= set(views)
    for v in views:
        status = run_sql(console, f"SELECT count(*) AS n FROM {v}")
        assert "rror" not in status, (v, status)
        assert first_cell(console) == str(db.execute(f"SELECT count(*) FROM {v}").fetchall()[0][0]), v
    run_sql(console, "SELECT count(*) AS n FROM duckdb_constraints() WHERE constraint_type IN ('PRIMARY KEY', 'FOREIGN KEY')")
    keys = db.execute("SELECT count(*) FROM duckdb_constraints() WHERE constraint_type IN ('PRIMARY KEY', 'FOREIGN KEY')").fetchall()[0][0]
    assert int(first_cell(console)) == keys > 0


def test_nothing_the_user_runs_changes_the_published_data(console, db):
    expected = db.execute("SELECT count(*) FROM claims").fetchall()[0][0]
    status = run_sql(console, "DELETE FROM claims")
    assert "rror" in status
    run_sql(console, "SELECT count(*) AS n FROM claims")
    assert first_cell(console) == str(expected)


def read_download(pg, selector: str) -> str:
    with pg.expect_download() as d:
        pg.click(selector)
    return open(d.value.path(), encoding="utf-8").read()


def test_row_cap_is_announced_and_exports_hold_every_row(console, db):
    rows = db.execute("select * from official_daily order by date").fetchall()
    run_sql(console, "select * from official_daily order by date")
    assert console.locator("#result tbody tr").count() == 1000
    notice = console.locator("#notice")
    assert notice.is_visible() and f"first 1,000 of {len(rows):,} rows" in notice.inner_text()
    got = list(csv.reader(io.StringIO(read_download(console, "#export-csv"))))
    assert got[0] == [d[0] for d in db.execute("select * from official_daily limit 0").description]
    assert len(got) == len(rows) + 1
    assert got[1][0] == rows[0][0].isoformat() and got[-1][1] == str(rows[-1][1])
    data = json.loads(read_download(console, "#export-json"))
    assert len(data) == len(rows)
    assert data[-1]["date"] == rows[-1][0].isoformat() and data[-1]["people_arrived"] == rows[-1][1]


def test_json_export_keeps_decimals_and_big_integers_exact(console):
    run_sql(console, "SELECT 1.50::DECIMAL(4,2) AS d, 9007199254740993::BIGINT AS b, NULL AS n, [1, 2] AS l")
    text = read_download(console, "#export-json")
    assert '"d": 1.50' in text and '"b": 9007199254740993' in text and '"n": null' in text
    assert json.loads(text)[0]["d"] == 1.5


def test_query_in_the_url_runs_and_the_url_follows_the_query(page, site):
    _, base = site
    pg = page
    pg.goto(base + "sql.html?sql=" + quote("SELECT 6 * 7 AS answer"))
    pg.wait_for_function("document.querySelector('#sql-app').dataset.state === 'done'", timeout=60000)
    assert first_cell(pg) == "42"
    run_sql(pg, "SELECT 'a b&c' AS s")
    assert parse_qs(urlparse(pg.url).query)["sql"] == ["SELECT 'a b&c' AS s"]
    assert pg.locator("#share").get_attribute("href") == pg.url
    assert pg.problems == []


def test_ctrl_or_cmd_enter_runs_the_query(console):
    wait_ready(console)
    console.evaluate("() => { document.querySelector('#status').textContent = ''; }")
    console.fill("#sql", "SELECT 'by keyboard' AS how")
    console.focus("#sql")
    console.keyboard.press("Control+Enter")
    console.wait_for_function("document.querySelector('#status').textContent.includes('row')")
    assert first_cell(console) == "by keyboard"
    console.evaluate("() => { document.querySelector('#status').textContent = ''; }")
    console.fill("#sql", "SELECT 'by Cmd+Enter' AS how")
    console.keyboard.press("Meta+Enter")  # a Mac's Cmd
    console.wait_for_function("document.querySelector('#status').textContent.includes('row')")
    assert first_cell(console) == "by Cmd+Enter"


def test_errors_are_marked_with_the_caret_in_place(console):
    sql = "SELECT *\nFROM claimz"
    status = run_sql(console, sql)
    assert status.startswith("Error")
    box = console.locator("#error")
    assert box.is_visible() and box.get_attribute("role") == "alert"
    text = box.locator("pre").inner_text()
    lines = text.split("\n")
    i = next(k for k, line in enumerate(lines) if line.startswith("LINE 2:"))
    assert lines[i + 1].index("^") == lines[i].index("claimz")  # the caret under the bad name
    assert console.locator("#sql").get_attribute("aria-invalid") == "true"
    assert console.evaluate("document.querySelector('#sql').selectionStart") == sql.index("claimz")
    try:  # on a phone the message scrolls sideways in a region a keyboard can reach (axe)
        console.set_viewport_size({"width": PHONE, "height": 844})
        console.add_script_tag(path=str(AXE))
        assert console.evaluate(AXE_RUN) == []
        assert console.evaluate("document.documentElement.scrollWidth") <= PHONE
    finally:
        console.set_viewport_size({"width": 1280, "height": 900})
    run_sql(console, "SELECT 1 AS ok")  # and the console carries on
    assert first_cell(console) == "1" and not box.is_visible()


def test_current_date_works_and_time_zone_functions_are_explained(console):
    run_sql(console, "SELECT current_date AS today, 'current_date' AS literal -- current_date in a comment")
    today = console.evaluate("(() => { const d = new Date(); return d.getFullYear() + '-' + "
                             "String(d.getMonth() + 1).padStart(2, '0') + '-' + String(d.getDate()).padStart(2, '0'); })()")
    cells = console.locator("#result tbody td")
    assert cells.nth(0).inner_text() == today and cells.nth(1).inner_text() == "current_date"
    assert "current_date" in console.locator("#notice").inner_text()
    status = run_sql(console, "SELECT date_trunc('month', now()) AS m")
    assert status.startswith("Error")
    error = console.locator("#error").inner_text()
    assert "time-zone" in error and "INSTALL" not in error  # explained, with no advice that needs the network
    run_sql(console, "SELECT 2 AS still_working")
    assert first_cell(console) == "2"
    assert [p for p in console.problems if "outside origin" in p] == []


def test_tables_and_views_are_listed_with_descriptions(console, db):
    rels = db.execute("SELECT table_name, comment FROM duckdb_tables() UNION ALL "
                      "SELECT view_name, comment FROM duckdb_views() WHERE NOT internal").fetchall()
    listed = console.locator(".sql-schema > ul > li")
    assert listed.count() == len(rels)
    for name, comment in rels:
        assert comment, f"{name} has no description in the database"
        item = console.locator(f".sql-schema li[data-relation='{name}']")
        assert item.locator("summary code").inner_text() == name
        assert " ".join(comment.split()) in " ".join(item.inner_text().split()), name  # in view, closed
    columns = db.execute("SELECT column_name, comment FROM duckdb_columns() WHERE table_name = 'claims' "
                         "ORDER BY column_index").fetchall()
    claims = console.locator(".sql-schema li[data-relation='claims']")
    assert claims.locator("ul.columns").is_hidden()
    claims.locator("summary").click()
    shown = claims.locator("ul.columns > li").all_inner_texts()
    assert [t.split()[0] for t in shown] == [c for c, _ in columns]
    for text, (name, comment) in zip(shown, columns):
        assert comment and " ".join(comment.split()) in " ".join(text.split()), name  # with its description
    claims.locator("button.insert").click()
    console.wait_for_function("document.querySelector('#sql-app').dataset.state === 'done'")
    assert console.locator("#sql").input_value().startswith("SELECT * FROM claims")
    assert console.locator("#result tbody tr").count() == db.execute("SELECT least(count(*), 100) FROM claims").fetchall()[0][0]


def test_a_wide_result_scrolls_in_its_own_region(console):
    """A result wider than the page scrolls inside a focusable region (keyboard users can scroll
    it), the page itself fits a phone, and axe finds nothing serious with the result shown."""
    run_sql(console, "SELECT * FROM claims_checked LIMIT 20")
    region = console.locator("#result")
    assert region.get_attribute("role") == "region" and region.get_attribute("tabindex") == "0"
    try:
        console.set_viewport_size({"width": PHONE, "height": 844})
        assert region.evaluate("r => r.scrollWidth > r.clientWidth")
        assert console.evaluate("document.documentElement.scrollWidth") <= PHONE
        console.add_script_tag(path=str(AXE))
        assert console.evaluate(AXE_RUN) == []
    finally:
        console.set_viewport_size({"width": 1280, "height": 900})


def test_engine_loads_with_progress_compressed_and_only_on_this_page(page, site):
    _, base = site
    log, pg = SERVED[base], page
    log.clear()
    pg.goto(base + "index.html", wait_until="networkidle")
    assert not [p for p, _ in log if "duckdb" in p], "the engine is fetched only by the SQL page"
    log.clear()
    requested = []
    pg.on("request", lambda r: requested.append(urlparse(r.url).path.rsplit("/", 1)[-1]))
    t = time.perf_counter()
    pg.goto(base + "sql.html")
    text = pg.locator("#load-text").inner_text()
    assert re.search(r"\d+\.\d MB download, \d+\.\d MB unpacked", text) or "Downloading DuckDB" in text
    pg.wait_for_function("window.__firstQueryMs !== undefined", timeout=60000)
    wall = time.perf_counter() - t
    progress = pg.evaluate("window.__progress")
    assert len(progress) > 3 and progress == sorted(progress)
    assert progress[-1] == int(pg.locator("#load-progress").get_attribute("max"))
    assert pg.locator("#progress").is_hidden()
    # the engine is asked for while the page is parsed, before the scripts that start DuckDB
    assert requested.index("duckdb-eh.wasm.gz") < requested.index("sql.js")
    assert requested.count("duckdb-eh.wasm.gz") == 1 and [p for p, _ in log].count(
        urlparse(base).path + "assets/vendor/duckdb/duckdb-eh.wasm.gz") == 1  # fetched once (the preload is used)
    sent = sum(n for _, n in log)
    assert not [p for p, _ in log if p.endswith(".wasm")], "the engine travels gzipped"
    first = pg.evaluate("window.__firstQueryMs")
    print(f"\nSQL console: first result {first:.0f} ms after the script started, {wall:.2f} s after navigation; "
          f"{sent / 1e6:.1f} MB transferred for the page ({len(log)} files)")
    assert sent < 12e6
    assert pg.problems == []
