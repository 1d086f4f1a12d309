"""Console.app "Copy" (log_formats.md §9.1): TAB-separated columns, a time of day without a date.

Variants seen in real pastes: an optional Library column, an optional leading PID column, the time
as the last column, a space before the offset (iOS 12 era), and re-pastes with runs of spaces
instead of TABs. The layout is decided once per input from its first lines (`layout_for`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

import polars as pl

from traceview.sources.textpipe import TextFormat
from traceview.sources.timestamps import (
    DAY_ROLLOVER_US,
    PLACEHOLDER_DATE,
    US_PER_DAY,
    offset_us,
    time_of_day_us,
)

TYPES = r"(?:default|info|debug|error|fault)"
TIME = r"\d{1,2}:\d{2}:\d{2}\.\d+"
TIME_FIELDS = rf"(?P<time>{TIME})(?: ?(?P<offset>[+-]\d{{4}}))?"
TYPE_FIELD = rf"(?P<type>{TYPES})"


@dataclass(frozen=True)
class ConsoleLayout:
    tabs: bool = True
    time_last: bool = False
    library: bool = False

    def entry_start(self) -> str:
        if self.tabs:
            head = rf"^(?:\d+\t)?{TYPES}\t"
            return head + (r"[^\t]*\t" if self.time_last else TIME)
        head = rf"^(?:\d+ +)?{TYPES} +"
        return head + (rf"\S+ +.* {TIME}(?: ?[+-]\d{{4}})?\s*$" if self.time_last else TIME)

    def clock(self) -> str:
        """A regex whose first group is the entry's time of day (cheaper than `fields`)."""
        if self.time_last:
            return rf"({TIME})(?: ?[+-]\d{{4}})?\s*$"
        return rf"^(?:\d+[\t ]+)?{TYPES}[\t ]+({TIME})"

    def fields(self) -> str:
        if self.tabs:
            pid = r"(?:(?P<pid>\d+)\t)?"
            library = r"(?P<sender>[^\t\n]*)\t" if self.library else ""
            if self.time_last:
                body = rf"(?P<process>[^\t\n]*)\t{library}(?P<message>.*)\t{TIME_FIELDS}\s*"
                return rf"(?s)^{pid}{TYPE_FIELD}\t{body}$"
            body = rf"{TIME_FIELDS}\t(?P<process>[^\t\n]*)\t{library}(?P<message>.*)"
            return rf"(?s)^{pid}{TYPE_FIELD}\t{body}$"
        pid = r"(?:(?P<pid>\d+) +)?"
        if self.time_last:
            return rf"(?s)^{pid}{TYPE_FIELD} +(?P<process>\S+) +(?P<message>.*?) +{TIME_FIELDS}\s*$"
        return rf"(?s)^{pid}{TYPE_FIELD} +{TIME_FIELDS} +(?P<process>\S+) +(?P<message>.*)$"


def layout_for(sample: Sequence[str]) -> ConsoleLayout:
    """Pick the layout that the most of the first lines agree on."""
    tabbed = [line for line in sample if _starts(line, ConsoleLayout(tabs=True))]
    # Any tabbed entry line fits the time-last start; it is that layout only if none has the
    # time in its second column.
    tabbed_last = [line for line in sample if _starts(line, ConsoleLayout(True, True))]
    if tabbed or tabbed_last:
        time_last = not tabbed
        lines = tabbed_last if time_last else tabbed
        widths = [
            len(line.split("\t")) - (1 if line.split("\t")[0].isdigit() else 0) for line in lines
        ]
        library = sum(width >= 5 for width in widths) * 5 >= len(widths) * 4
        return ConsoleLayout(tabs=True, time_last=time_last, library=library)
    spaced = sum(_starts(line, ConsoleLayout(tabs=False)) for line in sample)
    spaced_last = sum(_starts(line, ConsoleLayout(False, True)) for line in sample)
    return ConsoleLayout(tabs=False, time_last=spaced_last > spaced)


def _starts(line: str, layout: ConsoleLayout) -> bool:
    return re.match(layout.entry_start(), line) is not None


def looks_like_console(line: str) -> bool:
    return any(
        _starts(line, layout)
        for layout in (ConsoleLayout(), ConsoleLayout(True, True), ConsoleLayout(False))
    )


def _build(fields: pl.DataFrame) -> pl.DataFrame:
    start = pl.lit(PLACEHOLDER_DATE).cast(pl.Datetime("us"))
    shift = pl.col("rollovers") * US_PER_DAY + time_of_day_us("time")
    return fields.with_columns(shift=shift).select(
        (start + pl.duration(microseconds=pl.col("shift") - offset_us("offset"))).alias(
            "timestamp"
        ),
        pl.col("offset").is_not_null().alias("tz_known"),
        pl.col("process").str.strip_chars(" "),
        pl.col("pid").cast(pl.Int64, strict=False),
        pl.col("sender") if "sender" in fields.columns else pl.lit(None, pl.String).alias("sender"),
        pl.col("type").alias("level"),
        pl.lit("logEvent").alias("event_type"),
        pl.col("message"),
        pl.col("line"),
    )


def console_format(sample: Sequence[str]) -> TextFormat:
    layout = layout_for(sample)
    clock = layout.clock()

    def time_of_day(texts: pl.Series) -> pl.Series:
        times = pl.DataFrame({"time": texts.str.extract(clock, 1)})
        return times.select(time_of_day_us("time")).to_series()

    return TextFormat(
        "console",
        layout.entry_start(),
        layout.fields(),
        _build,
        dated=False,
        clock=time_of_day,
        rollover_us=DAY_ROLLOVER_US,
    )
