"""Fast period sums over the official daily series: prefix sums + binary search (vectorised).

A claim's period is summed only when the series covers every day of it and no day in it is
missing ('-'); otherwise the sum is NaN (a missing day is not a zero).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import TypeAlias

import numpy as np
import pandas as pd

DAILY_MEASURES = ("people_arrived", "boats_arrived")

# A day as the checker receives it: a Timestamp or date from a frame, a datetime64 from an array, or
# an ISO string. Many days: a Series, an array or a list of these.
DateLike: TypeAlias = pd.Timestamp | dt.date | np.datetime64 | str
DatesLike: TypeAlias = pd.Series | np.ndarray | Iterable[DateLike]


def _days(values: DatesLike) -> np.ndarray:
    """Dates (datetime64, date, Timestamp or strings) as int64 day numbers; NaT -> min int."""
    arr = pd.to_datetime(pd.Series(values)).to_numpy(dtype="datetime64[D]")
    return arr.astype("int64")


class OfficialSeriesIndex:
    """The official daily series as prefix sums, for period sums, coverage and running totals.

    ``weekly`` (SB_02, one row per week ending) answers preventions, which are only published per week.
    """

    def __init__(self, daily: pd.DataFrame, weekly: pd.DataFrame | None = None):
        d = daily.sort_values("date")
        self.days = _days(d["date"])
        self.first, self.last = int(self.days[0]), int(self.days[-1])
        if not np.all(np.diff(self.days) == 1):
            raise ValueError("the daily series must be contiguous (one row per day)")
        self.values: dict[str, np.ndarray] = {}
        self.prefix: dict[str, np.ndarray] = {}
        self.gaps: dict[str, np.ndarray] = {}
        for m in DAILY_MEASURES:
            v = d[m].astype("Float64").to_numpy(dtype="float64", na_value=np.nan)
            self.values[m] = v
            self.prefix[m] = np.concatenate([[0.0], np.cumsum(np.nan_to_num(v))])
            self.gaps[m] = np.concatenate([[0], np.cumsum(np.isnan(v))])
        self.revised = np.concatenate([[0], np.cumsum(d["revised"].astype(bool).to_numpy())])
        self.weekly = weekly

    def _bounds(self, starts: DatesLike, ends: DatesLike) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Which periods lie inside the series, and each period's prefix-sum positions [i, j)."""
        s, e = _days(starts), _days(ends)
        ok = (s >= self.first) & (e <= self.last) & (s <= e)
        i = np.clip(s - self.first, 0, len(self.days))
        j = np.clip(e - self.first + 1, 0, len(self.days))
        return ok, i, j

    @property
    def first_date(self) -> dt.date:
        """The first day of the series."""
        return np.datetime64(self.first, "D").astype(object)

    @property
    def last_date(self) -> dt.date:
        """The last day of the series."""
        return np.datetime64(self.last, "D").astype(object)

    def covers(self, starts: DatesLike, ends: DatesLike) -> np.ndarray:
        """Whether the series has every day of each period (start <= end)."""
        return self._bounds(starts, ends)[0]

    def period_sums(self, starts: DatesLike, ends: DatesLike, measure: str) -> np.ndarray:
        """Each period's total of ``measure``; NaN where the series lacks a day of it."""
        ok, i, j = self._bounds(starts, ends)
        total = self.prefix[measure][j] - self.prefix[measure][i]
        complete = (self.gaps[measure][j] - self.gaps[measure][i]) == 0
        return np.where(ok & complete, total, np.nan)

    def revised_days(self, starts: DatesLike, ends: DatesLike) -> np.ndarray:
        """How many days of each period the series marks Revised (0 outside the series)."""
        ok, i, j = self._bounds(starts, ends)
        return np.where(ok, self.revised[j] - self.revised[i], 0)

    def naive_sum(self, start: DateLike, end: DateLike, measure: str) -> float:
        """The per-claim loop the vectorised pass replaces (kept for the benchmark's ratio)."""
        s, e = int(_days([start])[0]), int(_days([end])[0])
        if s < self.first or e > self.last or s > e:
            return float("nan")
        total = 0.0
        for k in range(s - self.first, e - self.first + 1):
            v = self.values[measure][k]
            if np.isnan(v):
                return float("nan")
            total += v
        return total

    def first_day_reaching(self, year_start: DateLike, threshold: float, measure: str) -> dt.date | None:
        """First day on which the running total from year_start reaches more than ``threshold``."""
        s = int(_days([year_start])[0]) - self.first
        if s < 0:
            return None
        run = self.prefix[measure][s + 1:] - self.prefix[measure][s]
        k = int(np.searchsorted(run, threshold, side="right"))
        if k >= len(run):
            return None
        return (np.datetime64(self.first + s + k, "D")).astype(object)

    def max_day(self, start: DateLike, end: DateLike, measure: str) -> float:
        """The highest daily ``measure`` over [start, end]; NaN outside the series."""
        ok, i, j = self._bounds([start], [end])
        if not ok[0] or j[0] <= i[0]:
            return float("nan")
        return float(np.nanmax(self.values[measure][i[0]:j[0]]))

    def prevented_in(self, start: DateLike, end: DateLike) -> float:
        """People prevented over [start, end] when it is made of whole SB_02 weeks (NaN otherwise)."""
        if self.weekly is None:
            return float("nan")
        w = self.weekly
        ends = pd.to_datetime(w["week_ending"])
        start, end = pd.Timestamp(start), pd.Timestamp(end)
        if not ((ends - pd.Timedelta(days=6) == start).any() and (ends == end).any()):
            return float("nan")
        inside = (ends - pd.Timedelta(days=6) >= start) & (ends <= end)
        vals = w.loc[inside, "people_prevented"]
        return float(vals.sum()) if inside.any() and vals.notna().all() else float("nan")
