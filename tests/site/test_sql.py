"""The SQL console: DuckDB-WASM over the published database, every Arrow type shown as DuckDB shows it."""

from __future__ import annotations

import csv
import io
import json
import re
import time
from urllib.parse import quote

import duckdb
import pytest

from .conftest import shot, watch

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
    ctx = browser.new_context(viewport={"width": 1280, "height": 900}, accept_downloads=True)
    pg = ctx.new_page()
    watch(pg, base)
    pg.goto(base + "sql.html")
    wait_ready(pg)
    yield pg
    ctx.close()


@pytest.fixture(scope="module")
def db(site):
    out, _ = site
    con = duckdb.connect(str(out / "uk_small_boats.duckdb"), read_only=True)
    yield con
    con.close()


# Each Arrow type as DuckDB's own shell shows it (the console must not show epoch milliseconds,
# unscaled decimals or [object] for any of them).
TYPES = [
    ("date", "SELECT DATE '2024-02-29' AS v", "2024-02-29"),
    ("date_before_1970", "SELECT DATE '1850-03-01' AS v", "1850-03-01"),
    ("timestamp_us", "SELECT TIMESTAMP '2024-01-02 03:04:05.123456' AS v", "2024-01-02 03:04:05.123456"),
    ("timestamp_s", "SELECT TIMESTAMP_S '2024-01-02 03:04:05' AS v", "2024-01-02 03:04:05"),
    ("timestamp_ns", "SELECT TIMESTAMP_NS '2024-01-02 03:04:05.123456789' AS v", "2024-01-02 03:04:05.123456789"),
    ("timestamptz", "SELECT TIMESTAMPTZ '2024-01-02 03:04:05+00' AS v", "2024-01-02 03:04:05+00"),
    ("time", "SELECT TIME '12:34:56.789' AS v", "12:34:56.789"),
    ("decimal_scale", "SELECT 1.5::DECIMAL(10,2) AS v", "1.50"),
    ("decimal_negative", "SELECT -0.05::DECIMAL(4,2) AS v", "-0.05"),
    ("decimal_wide", "SELECT 123456789012345678.123::DECIMAL(38,3) AS v", "123456789012345678.123"),
    ("bigint_beyond_2_53", "SELECT 9007199254740993::BIGINT AS v", "9007199254740993"),
    ("hugeint", "SELECT 170141183460469231731687303715884105727::HUGEINT AS v",
     "170141183460469231731687303715884105727"),
    ("interval", "SELECT INTERVAL '1 year 2 months 3 days 04:05:06.5' AS v", "1 year 2 months 3 days 04:05:06.5"),
    ("interval_negative", "SELECT - INTERVAL '2 hours' AS v", "-02:00:00"),
    ("interval_days", "SELECT to_days(29) AS v", "29 days"),
    ("null", "SELECT NULL AS v", "NULL"),
    ("list", "SELECT [1, 2, NULL] AS v", "[1, 2, NULL]"),
    ("list_of_dates", "SELECT [DATE '2024-01-01', NULL] AS v", "[2024-01-01, NULL]"),
    ("struct", "SELECT {'a': 1, 'b': 'x', 'd': DATE '2024-01-01', 'm': 1.5::DECIMAL(4,1)} AS v",
     "{'a': 1, 'b': x, 'd': 2024-01-01, 'm': 1.5}"),
    ("map", "SELECT MAP {'k': 1} AS v", "{k=1}"),
    ("boolean", "SELECT true AS v", "true"),
    ("double", "SELECT 0.1::DOUBLE + 0.2::DOUBLE AS v", "0.30000000000000004"),
    ("blob", "SELECT '\\xAA\\x41'::BLOB AS v", "\\xAAA"),
    ("enum", "SELECT 'b'::ENUM('a', 'b') AS v", "b"),
]


@pytest.mark.parametrize("sql,expected", [t[1:] for t in TYPES], ids=[t[0] for t in TYPES])
def test_each_arrow_type_is_shown_as_duckdb_shows_it(console, sql, expected):
    status = run_sql(console, sql)
    assert "rror" not in status, status
    assert first_cell(console) == expected


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
