"""Device syslog relay (idevicesyslog, Xcode Devices console, old iOS syslog; log_formats.md §9.2).

`Mon dd HH:MM:SS[.ffffff] [host] process(sender)[pid] <Level>: message`, also without host and,
before iOS 10, without `<Level>`. There is no year: rows are dated in PLACEHOLDER_DATE's year and
a clock going back by more than half a year is a New Year rollover.
"""

from __future__ import annotations

import polars as pl

from traceview.sources.textpipe import TextFormat
from traceview.sources.timestamps import PLACEHOLDER_DATE, YEAR_ROLLOVER_US
from traceview.sources.vis import unvis

MONTHS = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)"
WEEKDAY = r"(?:[A-Z][a-z]{2} )?"
NAME = r"[^\s\[\]()]+"

RELAY_START = rf"^{WEEKDAY}{MONTHS} +\d{{1,2}} \d{{2}}:\d{{2}}:\d{{2}}(?:\.\d+)? \S+"
RELAY_CLOCK = (
    rf"^{WEEKDAY}(?P<mon>{MONTHS}) +(?P<day>\d{{1,2}}) "
    r"(?P<time>\d{2}:\d{2}:\d{2}(?:\.\d+)?) "
)
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


def _placeholder_stamp() -> pl.Expr:
    text = pl.format("{} {} {} {}", pl.lit(PLACEHOLDER_DATE.year), "mon", "day", "time")
    return text.str.strptime(pl.Datetime("us"), "%Y %b %d %H:%M:%S%.f", strict=False)


def _clock(texts: pl.Series) -> pl.Series:
    """Microseconds since the epoch, in PLACEHOLDER_DATE's year, of each entry."""
    groups = texts.rechunk().str.extract_groups(RELAY_CLOCK).struct.unnest().rechunk()
    stamps = groups.select(_placeholder_stamp())
    return stamps.to_series().dt.epoch("us")


def _build(fields: pl.DataFrame) -> pl.DataFrame:
    dated = fields.with_columns(
        timestamp=_placeholder_stamp().dt.offset_by(pl.format("{}y", "rollovers")),
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
    "relay",
    RELAY_START,
    RELAY_FIELDS,
    _build,
    dated=False,
    clock=_clock,
    rollover_us=YEAR_ROLLOVER_US,
)
