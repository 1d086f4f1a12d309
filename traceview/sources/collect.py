"""Where parsed EVENTS chunks go: prefilter, per-file bookkeeping, dating, de-duplication."""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import dataclass, field

import polars as pl

from traceview.relevance import is_relevant
from traceview.schema import EVENTS, conform
from traceview.sources.results import ReadOptions, Tally
from traceview.sources.timestamps import PLACEHOLDER_DATE

DEDUP_KEY = ("timestamp", "pid", "process", "thread", "message")
ASSUMED = "assumed (pass --date)"


@dataclass
class Leaf:
    """One file read (a path, stdin, or a member of an archive or folder)."""

    index: int
    input_index: int
    source: str
    format: str
    dated: bool
    earliest: datetime.datetime | None = None


@dataclass
class Collector:
    options: ReadOptions
    leaves: list[Leaf] = field(default_factory=list)
    frames: list[pl.DataFrame] = field(default_factory=list)
    sysdiagnose_dates: dict[int, tuple[datetime.date, str]] = field(default_factory=dict)

    def open_leaf(
        self, input_index: int, source: str, fmt: str, dated: bool, tally: Tally
    ) -> Callable[[pl.DataFrame], None]:
        leaf = Leaf(len(self.leaves), input_index, source, fmt, dated)
        self.leaves.append(leaf)

        def emit(frame: pl.DataFrame) -> None:
            frame = conform(frame, EVENTS)
            earliest = frame["timestamp"].min()
            if isinstance(earliest, datetime.datetime):
                leaf.earliest = min(earliest, leaf.earliest or earliest)
            relevant = frame.filter(is_relevant())
            tally.irrelevant += len(frame) - len(relevant)
            kept = relevant if self.options.relevant_only else frame
            if len(kept):
                self.frames.append(kept.with_columns(_leaf=pl.lit(leaf.index, pl.Int32)))

        return emit

    def date_sources(self) -> dict[int, str]:
        """Date the undated leaves in place; returns {input_index: where the date came from}."""
        sources: dict[int, str] = {}
        shifts: dict[int, pl.Expr] = {}
        for leaf in self.leaves:
            if leaf.dated:
                continue
            date, source = self._date_for(leaf)
            sources.setdefault(leaf.input_index, source)
            shifts[leaf.index] = _shift(leaf.format, date)
        if shifts:
            self.frames = [self._shifted(frame, shifts) for frame in self.frames]
        return sources

    def _date_for(self, leaf: Leaf) -> tuple[datetime.date, str]:
        options = self.options
        if options.date is not None:
            return options.date, "--date"
        if options.year is not None and leaf.format == "relay":
            return datetime.date(options.year, 1, 1), "--year"
        dated = [other for other in self.leaves if other.dated and other.earliest is not None]
        if dated:
            first = min(dated, key=lambda other: other.earliest or datetime.datetime.max)
            assert first.earliest is not None
            return first.earliest.date(), f"from {first.source}"
        if self.sysdiagnose_dates:  # its own archive's first, else any read in the same call
            own = self.sysdiagnose_dates.get(leaf.input_index)
            date, name = own or next(iter(self.sysdiagnose_dates.values()))
            return date, f"from sysdiagnose name {name}"
        return PLACEHOLDER_DATE, ASSUMED

    def _shifted(self, frame: pl.DataFrame, shifts: dict[int, pl.Expr]) -> pl.DataFrame:
        leaves = frame["_leaf"].unique().to_list()
        if not any(index in shifts for index in leaves):
            return frame
        stamp = pl.col("timestamp")
        for index in leaves:
            if index in shifts:
                stamp = pl.when(pl.col("_leaf") == index).then(shifts[index]).otherwise(stamp)
        return frame.with_columns(timestamp=stamp)

    def result(self) -> tuple[pl.DataFrame, dict[int, int]]:
        """All kept events, de-duplicated across files and sorted; duplicates per input."""
        schema = {**EVENTS, "_leaf": pl.Int32()}
        frame = pl.concat(self.frames) if self.frames else pl.DataFrame(schema=schema)
        inputs = pl.Series([leaf.input_index for leaf in self.leaves], dtype=pl.Int32)
        frame = frame.with_columns(
            _input=pl.col("_leaf").replace_strict(
                pl.Series(range(len(inputs)), dtype=pl.Int32),
                inputs,
                default=0,
                return_dtype=pl.Int32,
            )
            if len(inputs)
            else pl.lit(0, pl.Int32)
        )
        first_leaf = pl.col("_leaf").min().over(list(DEDUP_KEY))
        duplicate = pl.col("_leaf") != first_leaf
        dropped = frame.filter(duplicate).group_by("_input").len()
        per_input = dict(zip(dropped["_input"].to_list(), dropped["len"].to_list(), strict=True))
        frame = frame.filter(~duplicate).sort("timestamp", "source", "line", nulls_last=True)
        return conform(frame, EVENTS), per_input


def _shift(fmt: str, date: datetime.date) -> pl.Expr:
    """Move PLACEHOLDER_DATE-based times onto the real date (Console) or year (relay)."""
    stamp = pl.col("timestamp")
    if fmt == "relay":
        return stamp.dt.offset_by(f"{date.year - PLACEHOLDER_DATE.year}y")
    return stamp + pl.duration(days=(date - PLACEHOLDER_DATE).days)
