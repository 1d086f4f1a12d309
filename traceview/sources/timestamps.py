"""Timestamp parsing shared by the readers, plus day/year rollover for formats without a date.

Console.app copies print only a time of day and the device syslog relay prints `Mon dd` without a
year. Their rows are first dated on PLACEHOLDER_DATE (2000-01-01, a leap year so `Feb 29` parses)
and shifted once the real date is known (traceview.sources.dating).
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

import polars as pl

PLACEHOLDER_DATE = datetime.date(2000, 1, 1)
US_PER_HOUR = 3_600_000_000
US_PER_DAY = 24 * US_PER_HOUR
# A clock that goes back more than this has crossed midnight (Console) or New Year (relay).
DAY_ROLLOVER_US = 12 * US_PER_HOUR
YEAR_ROLLOVER_US = 180 * US_PER_DAY


def with_offset(column: str) -> pl.Expr:
    """`2023-07-01 20:44:27.214238+1000` -> naive UTC datetime (null when unparseable)."""
    return (
        pl.col(column)
        .str.strptime(pl.Datetime("us", "UTC"), "%Y-%m-%d %H:%M:%S%.f%z", strict=False)
        .dt.replace_time_zone(None)
    )


def local(column: str) -> pl.Expr:
    """`2020-05-29 12:06:43.858` (no offset) -> naive local datetime."""
    return pl.col(column).str.strptime(pl.Datetime("us"), "%Y-%m-%d %H:%M:%S%.f", strict=False)


def time_of_day_us(column: str) -> pl.Expr:
    """`16:31:49.591651` -> microseconds since midnight."""
    parsed = pl.col(column).str.to_time("%H:%M:%S%.f", strict=False)
    return (parsed.cast(pl.Int64) // 1000).alias(column)


def offset_us(column: str) -> pl.Expr:
    """`+0200` / `-0700` -> microseconds east of UTC (0 when absent)."""
    text = pl.col(column)
    hours = text.str.slice(1, 2).cast(pl.Int64, strict=False)
    minutes = text.str.slice(3, 2).cast(pl.Int64, strict=False)
    sign = pl.when(text.str.starts_with("-")).then(-1).otherwise(1)
    return (sign * (hours * 60 + minutes) * 60_000_000).fill_null(0)


@dataclass
class Rollover:
    """Counts clock jumps backwards across chunks of one input, vectorised per chunk."""

    threshold_us: int
    last: int | None = None  # last clock value seen (microseconds)
    crossed: int = 0  # rollovers seen so far

    def count(self, clock: pl.Series) -> pl.Series:
        """For each row, how many rollovers happened up to it (nulls keep the previous clock)."""
        filled = clock.forward_fill()
        if self.last is not None:
            filled = filled.fill_null(self.last)
        previous = filled.shift(1)
        if self.last is not None:
            previous = previous.fill_null(self.last)
        went_back = ((filled - previous) < -self.threshold_us).fill_null(False)
        counts = went_back.cast(pl.Int64).cum_sum() + self.crossed
        if len(clock):
            tail = filled[-1]
            self.last = tail if tail is not None else self.last
            self.crossed = int(counts[-1])
        return counts
