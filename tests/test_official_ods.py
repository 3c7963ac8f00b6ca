"""Unit tests of the ODS ingest: nulls stay null, and every malformed sheet is refused with a location."""

import datetime as dt

import pandas as pd
import pytest

from uk_small_boats.errors import PipelineError
from uk_small_boats.official.ods import add_daily_sums, read_series, reconcile

from .conftest import ODS

DAILY_HEAD = ["Date", "Migrants arrived", "Boats arrived",
              "Boats arrived - involved in uncontrolled landings", "Notes"]
WEEKLY_HEAD = ["Week ending", "Migrants arrived", "Boats arrived",
               "Boats arrived - involved in uncontrolled landings", "Migrants prevented",
               "Events prevented", "Notes"]


def write_ods(path, daily_rows, weekly_rows=None, daily_head=DAILY_HEAD, sheets=("SB_01", "SB_02")):
    weekly_rows = weekly_rows or [[dt.datetime(2024, 1, 7), 10, 1, "-", "-", "-", None]]
    with pd.ExcelWriter(path, engine="odf") as xw:
        if "SB_01" in sheets:
            pd.DataFrame(daily_rows, columns=daily_head).to_excel(xw, sheet_name="SB_01", index=False)
        if "SB_02" in sheets:
            pd.DataFrame(weekly_rows, columns=WEEKLY_HEAD).to_excel(xw, sheet_name="SB_02", index=False)
    return path


def day(n, people=5, boats=1, unc="-", note=None):
    return [dt.datetime(2024, 1, n), people, boats, unc, note]


def test_real_series_reads_and_dash_is_null():
    s = read_series(ODS)
    assert s.daily["date"].iloc[0] == dt.date(2018, 1, 1)
    # '-' for uncontrolled landings before they were recorded: null, never 0
    assert s.daily["boats_uncontrolled"].isna().iloc[0]
    assert s.daily["people_arrived"].notna().all()
    assert "Notes" not in s.daily.columns


@pytest.mark.parametrize("sheet, frame, date_col", [("SB_01", "daily", "date"),
                                                    ("SB_02", "weekly", "week_ending")])
def test_revised_flags_are_the_rows_the_sheet_notes_as_revised(sheet, frame, date_col):
    """Read independently (odfpy, not calamine): the rows whose Notes cell says 'Revised'."""
    raw = pd.read_excel(ODS, sheet_name=sheet, engine="odf", header=None)
    head = raw.index[raw[0].astype(str).str.strip().isin(["Date", "Week ending"])][0]
    columns = [str(c).strip() for c in raw.iloc[head]]
    body = raw.iloc[head + 1:]
    notes = body[columns.index("Notes")].astype("string").str.strip().str.lower()
    expected = sorted(pd.to_datetime(body.loc[notes.str.startswith("revised").fillna(False), 0]).dt.date)
    assert expected  # the vendored series has revised rows in both sheets: the comparison has rows
    got = getattr(read_series(ODS), frame)
    assert sorted(got.loc[got["revised"], date_col]) == expected


def test_weekly_equals_daily_sums_in_real_series():
    s = read_series(ODS)
    weekly = add_daily_sums(s.weekly, s.daily)
    both = weekly["people_arrived_daily_sum"].notna()
    assert both.sum() > 400
    assert reconcile(weekly).empty


def test_reconcile_reports_a_difference(tmp_path):
    rows = [day(n) for n in range(1, 8)]
    weekly = [[dt.datetime(2024, 1, 7), 36, 7, "-", "-", "-", None]]  # daily sum is 35
    s = read_series(write_ods(tmp_path / "x.ods", rows, weekly))
    diff = reconcile(add_daily_sums(s.weekly, s.daily))
    assert diff.to_dict("records")[0]["daily_sum"] == 35


def test_dash_in_gap_column_is_null_not_zero(tmp_path):
    s = read_series(write_ods(tmp_path / "x.ods", [day(1, unc=0), day(2, unc="-")]))
    assert s.daily["boats_uncontrolled"].iloc[0] == 0 and pd.isna(s.daily["boats_uncontrolled"].iloc[1])


def test_dash_where_number_is_required_is_refused(tmp_path):
    with pytest.raises(PipelineError) as e:
        read_series(write_ods(tmp_path / "x.ods", [day(1), day(2, people="-")]))
    assert (e.value.rule, e.value.row, e.value.column) == ("ods-required-value", 3, "Migrants arrived")
    assert "SB_01" in e.value.file


@pytest.mark.parametrize("rows, rule, row, column", [
    ([day(1), day(1)], "ods-date-unique", 3, "Date"),
    ([day(2), day(1)], "ods-date-increasing", 3, "Date"),
    ([day(1), day(2, people=-3)], "ods-count-non-negative", 3, "Migrants arrived"),
    ([day(1), day(2, boats="n/a")], "ods-count-numeric", 3, "Boats arrived"),
    # a count cell formatted as a date was a TypeError traceback, not a located refusal
    ([day(1), day(2, people=dt.datetime(2024, 1, 3))], "ods-count-numeric", 3, "Migrants arrived"),
    ([day(1), day(2, people=2.5)], "ods-count-integer", 3, "Migrants arrived"),
    ([day(1), ["soon", 1, 1, "-", None]], "ods-date", 3, "Date"),
])
def test_malformed_rows_are_refused_with_location(tmp_path, rows, rule, row, column):
    with pytest.raises(PipelineError) as e:
        read_series(write_ods(tmp_path / "x.ods", rows))
    assert (e.value.rule, e.value.row, e.value.column) == (rule, row, column)
    assert "SB_01" in e.value.file


def test_renamed_column_is_refused(tmp_path):
    head = DAILY_HEAD[:1] + ["People arrived"] + DAILY_HEAD[2:]
    with pytest.raises(PipelineError) as e:
        read_series(write_ods(tmp_path / "x.ods", [day(1)], daily_head=head))
    assert e.value.rule == "ods-header" and e.value.column == "Migrants arrived"


def test_missing_sheet_is_refused(tmp_path):
    with pytest.raises(PipelineError) as e:
        read_series(write_ods(tmp_path / "x.ods", [day(1)], sheets=("SB_01",)))
    assert e.value.rule == "ods-sheet-present" and "SB_02" in str(e.value)


def test_truncated_file_is_refused(tmp_path):
    bad = tmp_path / "bad.ods"
    bad.write_bytes(ODS.read_bytes()[:5000])
    with pytest.raises(PipelineError) as e:
        read_series(bad)
    assert e.value.rule == "ods-readable" and str(bad) in str(e.value)
