"""Ingest the Home Office ODS (SB_01 daily, SB_02 weekly) with python-calamine.

The sheet is checked, not trusted: headers by name, dates strictly increasing, counts whole and
non-negative. '-' means "not available" and becomes null, never 0. Every refusal names the sheet,
the spreadsheet row and the column.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TypedDict

import pandas as pd
from python_calamine import CalamineWorkbook

from ..errors import PipelineError

SOURCE_ID = "homeoffice-small-boats-ts"  # its row in data/sources.csv (file name, sha256)
FILE_NAME = "data_small_boats_time_series.ods"
NOT_AVAILABLE = {"-", "–", "—", ".."}

# Sheet header (as published) -> column name in our schemas. The schema owns types and docs;
# this map only says which published heading feeds which field.
SB_01 = {"Date": "date", "Migrants arrived": "people_arrived", "Boats arrived": "boats_arrived",
         "Boats arrived - involved in uncontrolled landings": "boats_uncontrolled", "Notes": "revised"}
SB_02 = {"Week ending": "week_ending", "Migrants arrived": "people_arrived",
         "Boats arrived": "boats_arrived",
         "Boats arrived - involved in uncontrolled landings": "boats_uncontrolled",
         "Migrants prevented": "people_prevented", "Events prevented": "events_prevented",
         "Notes": "revised"}


@dataclass
class OfficialSeries:
    """The two published tables, with the cover sheet's and the notes sheet's text."""

    daily: pd.DataFrame
    weekly: pd.DataFrame
    cover: list[str]
    notes: list[str]


# A cell as python-calamine returns it (an empty cell is "" or, past a row's end, None).
Cell = int | float | str | bool | dt.time | dt.date | dt.datetime | dt.timedelta | None
DATE_COLUMNS = ("date", "week_ending")


class Where(TypedDict):
    """A cell's place, as PipelineError names it."""

    file: str
    row: int
    column: str


def _cells_text(rows: Sequence[Sequence[Cell]]) -> list[str]:
    return [str(c).strip() for r in rows for c in r if c not in (None, "") and str(c).strip()]


def _to_date(value: Cell, where: Where) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip()[:10])
        except ValueError:
            pass
    raise PipelineError(f"expected a date, found {value!r}", **where, rule="ods-date")


def _to_count(value: Cell, where: Where) -> int | None:
    if value is None or (isinstance(value, str) and value.strip() in NOT_AVAILABLE):
        return None
    if isinstance(value, str):
        try:
            value = float(value.replace(",", ""))
        except ValueError:
            raise PipelineError(f"expected a count or '-', found {value!r}", **where,
                                rule="ods-count-numeric") from None
    if not isinstance(value, (int, float)):  # a cell formatted as a date or a time
        raise PipelineError(f"expected a count or '-', found {value!r}", **where, rule="ods-count-numeric")
    if isinstance(value, bool) or not float(value).is_integer():
        raise PipelineError(f"expected a whole number, found {value!r}", **where,
                            rule="ods-count-integer")
    if value < 0:
        raise PipelineError(f"negative count {value!r}", **where, rule="ods-count-non-negative")
    return int(value)


def _required(resource_name: str) -> set[str]:
    from ..metadata.schemas import resource
    return {f["name"] for f in resource(resource_name).fields if f.get("constraints", {}).get("required")}


def _header_row(rows: Sequence[Sequence[Cell]], place: str, header_map: dict[str, str]) -> int:
    """The index of the header: the first row whose first cell names the date column, with every
    heading where the map expects it."""
    first_heading = next(iter(header_map))
    try:
        h = next(i for i, r in enumerate(rows) if r and str(r[0]).strip() == first_heading)
    except StopIteration:
        raise PipelineError(f"no header row starting with {first_heading!r}", file=place, row=1,
                            column=first_heading, rule="ods-header") from None
    header = [str(c).strip() for c in rows[h]]
    for i, expected in enumerate(header_map):
        found = header[i] if i < len(header) else None
        if found != expected:
            raise PipelineError(f"expected heading {expected!r}, found {found!r} (renamed column?)",
                                file=place, row=h + 1, column=expected, rule="ods-header")
    return h


def _record(cells: list[Cell], header_map: dict[str, str], required: set[str], place: str, row: int,
            previous: dt.date | None) -> tuple[dict[str, object], dt.date | None]:
    """One data row as column -> value, and the row's date (which must follow ``previous``)."""
    rec: dict[str, object] = {}
    for (heading, col), value in zip(header_map.items(), cells, strict=True):
        here = Where(file=place, row=row, column=heading)
        if col in DATE_COLUMNS:
            day = _to_date(value, here)
            if previous is not None and day <= previous:
                rule = "ods-date-unique" if day == previous else "ods-date-increasing"
                raise PipelineError(f"date {day} follows {previous}: dates must be unique "
                                    f"and increasing", **here, rule=rule)
            rec[col] = previous = day
        elif col == "revised":
            rec[col] = isinstance(value, str) and value.strip().lower().startswith("revised")
        else:
            rec[col] = count = _to_count(value, here)
            if count is None and col in required:
                raise PipelineError(f"{value!r} where a number is required (the schema makes this "
                                    f"column required: '-' is accepted only where the series has gaps)",
                                    **here, rule="ods-required-value")
    return rec, previous


def _sheet(wb: CalamineWorkbook, path: Path, name: str, header_map: dict[str, str],
           required: set[str]) -> pd.DataFrame:
    if name not in wb.sheet_names:
        raise PipelineError(f"sheet {name!r} is missing (sheets: {wb.sheet_names})",
                            file=str(path), rule="ods-sheet-present")
    rows = wb.get_sheet_by_name(name).to_python(skip_empty_area=False)
    place = f"{path} [{name}]"
    h = _header_row(rows, place, header_map)
    width = len(header_map)
    records, previous = [], None
    for i, r in enumerate(rows[h + 1:], start=h + 2):  # i: the spreadsheet's 1-based row number
        cells: list[Cell] = [*r, *[None] * width][:width]
        if all(c in (None, "") for c in cells):
            continue
        rec, previous = _record(cells, header_map, required, place, i, previous)
        records.append(rec)
    if not records:
        raise PipelineError("sheet has a header but no data rows", file=place, rule="ods-not-empty")
    return pd.DataFrame.from_records(records, columns=list(header_map.values()))


def read_series(path: Path) -> OfficialSeries:
    """Read and check SB_01 (daily) and SB_02 (weekly), each refusal located in the sheet."""
    try:
        wb = CalamineWorkbook.from_path(str(path))
    except Exception as exc:  # calamine raises several types for corrupt/truncated files
        raise PipelineError(f"cannot read the spreadsheet ({type(exc).__name__}: {exc}); is the "
                            f"file corrupt or truncated?", file=str(path), rule="ods-readable") from None
    daily = _sheet(wb, path, "SB_01", SB_01, _required("official_daily"))
    weekly = _sheet(wb, path, "SB_02", SB_02, _required("official_weekly"))
    cover = _cells_text(wb.get_sheet_by_name("Cover_sheet").to_python()) if "Cover_sheet" in wb.sheet_names else []
    notes = _cells_text(wb.get_sheet_by_name("Notes").to_python()) if "Notes" in wb.sheet_names else []
    return OfficialSeries(daily, weekly, cover, notes)


def add_daily_sums(weekly: pd.DataFrame, daily: pd.DataFrame) -> pd.DataFrame:
    """Put the sum of SB_01 over each SB_02 week beside the weekly figure (null if SB_01 lacks days)."""
    d = daily.set_index(pd.to_datetime(daily["date"]))
    out = weekly.copy()
    ends = pd.to_datetime(out["week_ending"])
    for col in ("people_arrived", "boats_arrived"):
        roll_sum = d[col].astype("Float64").rolling("7D").sum()
        roll_n = d[col].astype("Float64").rolling("7D").count()
        full = roll_sum.where(roll_n == 7)
        out[f"{col}_daily_sum"] = full.reindex(ends).to_numpy()
    return out


def reconcile(weekly: pd.DataFrame) -> pd.DataFrame:
    """Weeks where SB_02 disagrees with the sum of SB_01 (reported, never silently fixed)."""
    rows = []
    for col in ("people_arrived", "boats_arrived"):
        s = weekly[f"{col}_daily_sum"]
        m = s.notna() & weekly[col].notna() & (s != weekly[col])
        for r in weekly[m].itertuples(index=False):
            rows.append({"week_ending": r.week_ending, "measure": col,
                         "weekly": getattr(r, col), "daily_sum": getattr(r, f"{col}_daily_sum")})
    return pd.DataFrame(rows, columns=["week_ending", "measure", "weekly", "daily_sum"])
