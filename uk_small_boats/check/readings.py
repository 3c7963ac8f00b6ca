"""Readings of a count's dates that a careful reader would try before calling a stated figure wrong.

``COUNT_READINGS`` is a table a reader can scan: each row names a reading (published in
``claim_checks.reading``, documented in schemas/fields.json), the claims it applies to, how it moves
their dates, and which fits it accepts. The checker tries them in order on the claims the stated
dates do not fit; the first that fits is published with its dates.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import pandas as pd

# Widening a single day to the year or the week only makes sense for two-sided wordings: any longer
# period would satisfy "more than N" or "hundreds". The same holds for a year earlier.
WIDEN_OK = ["exact", "about", "almost", "nearly"]
WORDING_FITS = ("match", "consistent", "rounded")  # another reading must fit the wording itself


@dataclass(frozen=True)
class Claims:
    """What a reading looks at: each claim's stated dates, wording and publication day (NaT if unknown)."""

    start: pd.Series
    end: pd.Series
    qualifier: np.ndarray
    published: pd.Series

    @property
    def single(self) -> np.ndarray:
        """Claims about one day."""
        return (self.start == self.end).to_numpy()


Dates = tuple[pd.Series, pd.Series]


@dataclass(frozen=True)
class Reading:
    """A named way of rereading stated dates."""

    name: str
    applies: Callable[[Claims], np.ndarray]
    reread: Callable[[Claims], Dates]
    fits: tuple[str, ...] = WORDING_FITS


def _days(n: int | np.ndarray) -> pd.Series | pd.TimedeltaIndex:
    return pd.to_timedelta(n, unit="D")


def _data_day(c: Claims) -> Dates:
    """A day one day earlier; a running total ending one day earlier."""
    return c.start - _days(np.where(c.single, 1, 0)), c.end - _days(1)


def _to_publication(c: Claims) -> Dates:
    """A running total that ends the day before publication, read to the publication day."""
    return c.start, c.end + _days(1)


def _year_to_date(c: Claims) -> Dates:
    """A single day read as 1 January to that day."""
    return pd.to_datetime(c.end.dt.year.astype(str) + "-01-01"), c.end


def _week_ending(c: Claims) -> Dates:
    """A single day read as the seven days ending on it."""
    return c.end - _days(6), c.end


def _year_before(c: Claims) -> Dates:
    """The same dates a year earlier: a figure given for comparison, read with the head's dates."""
    return c.start - pd.DateOffset(years=1), c.end - pd.DateOffset(years=1)


def _whole_months(c: Claims) -> Dates:
    """A running total from the first of a month to a day inside a later month, read to that month's end."""
    return c.start, c.end + pd.offsets.MonthEnd(0)


def _everything(c: Claims) -> np.ndarray:
    return np.ones(len(c.start), dtype=bool)


def _ends_before_publication(c: Claims) -> np.ndarray:
    return (~c.single & (c.end + _days(1) == c.published)).to_numpy(dtype=bool)


def _single_two_sided(c: Claims) -> np.ndarray:
    return c.single & np.isin(c.qualifier, WIDEN_OK)


def _two_sided(c: Claims) -> np.ndarray:
    return np.isin(c.qualifier, WIDEN_OK)


def _months_cut_short(c: Claims) -> np.ndarray:
    """Two-sided wordings of running totals that start on a first of the month and end inside a later
    month."""
    later_month = (c.end.dt.to_period("M") > c.start.dt.to_period("M")).to_numpy(dtype=bool)
    return _two_sided(c) & ~c.single & (c.start.dt.day == 1).to_numpy(dtype=bool) & later_month \
        & ~c.end.dt.is_month_end.to_numpy(dtype=bool)


COUNT_READINGS: list[Reading] = [
    # figures are published the morning after, so reports often date them a day late; only this
    # reading may also be a small revision
    Reading("data_day", _everything, _data_day, WORDING_FITS + ("revised",)),
    # a report can run its totals to the day it was written, never past it
    Reading("to_publication", _ends_before_publication, _to_publication),
    Reading("year_to_date", _single_two_sided, _year_to_date),
    Reading("week_ending", _single_two_sided, _week_ending),
    # only an exact fit: a year earlier is a guess at a misread date, and near figures abound
    Reading("year_before", _two_sided, _year_before, ("match",)),
    # "the same period last year" given as whole months (1 January to 30 April against a total to 12
    # April): only an exact fit, as above
    Reading("whole_months", _months_cut_short, _whole_months, ("match",)),
]


def reread(reading: Reading, c: Claims, todo: np.ndarray) -> tuple[np.ndarray, pd.Series, pd.Series]:
    """The claims ``reading`` applies to among ``todo`` (a mask), and their new dates."""
    at = todo & reading.applies(c)
    sub = Claims(c.start[at].reset_index(drop=True), c.end[at].reset_index(drop=True), c.qualifier[at],
                 c.published[at].reset_index(drop=True))
    s2, e2 = reading.reread(sub)
    return at, pd.Series(s2).reset_index(drop=True), pd.Series(e2).reset_index(drop=True)
