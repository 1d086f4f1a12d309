"""Device syslog relay (idevicesyslog, Xcode Devices console, old iOS syslog; log_formats.md §9.2).

`Mon dd HH:MM:SS[.ffffff] [host] process(sender)[pid] <Level>: message`, also without host and,
before iOS 10, without `<Level>`. There is no year: rows are dated in PLACEHOLDER_DATE's year and
a clock going back by more than half a year is a New Year rollover.
"""

from __future__ import annotations

import polars as pl

from traceview.sources.textpipe import Clock, TextFormat
from traceview.sources.timestamps import PLACEHOLDER_DATE, YEAR_ROLLOVER_US
from traceview.sources.vis import unvis

MONTHS = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)"
WEEKDAY = r"(?:[A-Z][a-z]{2} )?"
NAME = r"[^\s\[\]()]+"

RELAY_START = rf"^{WEEKDAY}{MONTHS} +\d{{1,2}} \d{{2}}:\d{{2}}:\d{{2}}(?:\.\d+)? \S+"
RELAY_FIELDS = (
    rf"(?s)^{WEEKDAY}(?P<mon>{MONTHS}) +(?P<day>\d{{1,2}}) "
    r"(?P<time>\d{2}:\d{2}:\d{2}(?:\.\d+)?) "
    rf"(?:(?P<host>{NAME}) )?(?P<process>{NAME})(?:\((?P<sender>[^()\n]*)\))?\[(?P<pid>\d+)\]"
    r"(?: <(?P<level>[A-Za-z]+)>)? ?:(?: |$)(?P<message>.*)$"
)


def _unescape(messages: pl.Series) -> pl.Series:
    """vis(3)-decode only the rows containing a backslash."""
    escaped = messages.str.contains("\\", literal=True).fill_null(False)
    if not escaped.any():
        return messages
    rows = escaped.arg_true()
    decoded = pl.Series([unvis(text) for text in messages.filter(escaped)], dtype=pl.String)
    return messages.scatter(rows, decoded)


def _build(fields: pl.DataFrame, clock: Clock) -> pl.DataFrame:
    stamp = pl.format(
        "{} {} {} {}", pl.lit(PLACEHOLDER_DATE.year), "mon", "day", "time"
    ).str.strptime(pl.Datetime("us"), "%Y %b %d %H:%M:%S%.f", strict=False)
    dated = fields.with_columns(stamp=stamp)
    years = clock.rollover.count(dated["stamp"].dt.epoch("us"))
    dated = dated.with_columns(
        timestamp=pl.col("stamp").dt.offset_by(pl.format("{}y", years)),
        message=_unescape(fields["message"]),
    )
    return dated.select(
        "timestamp",
        pl.lit(False).alias("tz_known"),
        "process",
        pl.col("pid").cast(pl.Int64, strict=False),
        "sender",
        pl.col("level").str.to_lowercase(),
        pl.lit("logEvent").alias("event_type"),
        "message",
        "line",
    )


RELAY = TextFormat(
    "relay", RELAY_START, RELAY_FIELDS, _build, dated=False, rollover_us=YEAR_ROLLOVER_US
)
