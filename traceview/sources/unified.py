"""Field maps from the JSON flavours of the unified log to EVENTS (as polars expressions).

Apple's `log show --style json|ndjson` keys (log_formats.md §5) and the JSONL of mandiant's
`unifiedlog_iterator` (`LogData` in macos-UnifiedLogs src/unified_log.rs: `time` = float ns since
the epoch, newer versions add an RFC 3339 `timestamp`; `process`/`library` are full paths).
Key order never matters and any key may be missing.
"""

from __future__ import annotations

from typing import Any

import polars as pl

from traceview.sources.timestamps import with_offset

APPLE_FIELDS: dict[str, pl.DataType] = {
    "timestamp": pl.String(),
    "processImagePath": pl.String(),
    "processID": pl.Int64(),
    "threadID": pl.Int64(),
    "senderImagePath": pl.String(),
    "subsystem": pl.String(),
    "category": pl.String(),
    "messageType": pl.String(),
    "eventType": pl.String(),
    "activityIdentifier": pl.UInt64(),
    "activityID": pl.UInt64(),  # macOS 10.13 name (log_formats.md §5.1)
    "eventMessage": pl.String(),
    "bootUUID": pl.String(),
}

ITERATOR_FIELDS: dict[str, pl.DataType] = {
    "time": pl.Float64(),
    "timestamp": pl.String(),
    "process": pl.String(),
    "pid": pl.Int64(),
    "thread_id": pl.Int64(),
    "library": pl.String(),
    "subsystem": pl.String(),
    "category": pl.String(),
    "log_type": pl.String(),
    "event_type": pl.String(),
    "activity_id": pl.UInt64(),
    "message": pl.String(),
    "boot_uuid": pl.String(),
}

APPLE_MARKERS = ("eventMessage", "processImagePath", "messageType", "eventType", "machTimestamp")
ITERATOR_MARKERS = ("thread_id", "log_type", "raw_message", "message_entries", "library_uuid")
LEVELS = ("default", "info", "debug", "error", "fault")
ITERATOR_EVENT_TYPES = {
    "Log": "logEvent",
    "Activity": "activityCreateEvent",
    "Trace": "traceEvent",
    "Signpost": "signpostEvent",
    "Loss": "lossEvent",
}


def kind_of(obj: Any) -> str | None:
    """'ndjson' for Apple's keys, 'unifiedlog_jsonl' for mandiant's, else None."""
    if not isinstance(obj, dict):
        return None
    if any(key in obj for key in APPLE_MARKERS):
        return "ndjson"
    if "process" in obj and any(key in obj for key in ITERATOR_MARKERS):
        return "unifiedlog_jsonl"
    return None


def coerce(obj: Any, fields: dict[str, pl.DataType]) -> dict[str, Any] | None:
    """Keep the known keys of a decoded object, dropping values of the wrong JSON type."""
    if not isinstance(obj, dict):
        return None
    row: dict[str, Any] = {}
    for key, dtype in fields.items():
        value = obj.get(key)
        if dtype == pl.String():
            ok = isinstance(value, str)
        elif dtype == pl.Float64():
            ok = isinstance(value, (int, float)) and not isinstance(value, bool)
        else:
            low, high = (0, 2**64) if dtype == pl.UInt64() else (-(2**63), 2**63)
            ok = isinstance(value, int) and not isinstance(value, bool) and low <= value < high
        row[key] = value if ok else None
    return row


def _basename(column: str) -> pl.Expr:
    return pl.col(column).str.split("/").list.last()


def _blank_to_null(column: str) -> pl.Expr:
    text = pl.col(column)
    return pl.when(text == "").then(None).otherwise(text).alias(column)


def apple_events(frame: pl.DataFrame) -> pl.DataFrame:
    """Apple JSON keys (plus `line`) -> EVENTS columns."""
    return frame.select(
        with_offset("timestamp").alias("timestamp"),
        pl.lit(True).alias("tz_known"),
        _basename("processImagePath").alias("process"),
        pl.col("processID").alias("pid"),
        pl.col("threadID").alias("thread"),
        _basename("senderImagePath").alias("sender"),
        _blank_to_null("subsystem"),
        _blank_to_null("category"),
        pl.col("messageType").str.to_lowercase().alias("level"),
        pl.col("eventType").fill_null("logEvent").alias("event_type"),
        pl.coalesce("activityIdentifier", "activityID").alias("activity_id"),
        pl.col("eventMessage").alias("message"),
        _blank_to_null("bootUUID").alias("boot_id"),
        pl.col("line"),
    )


def iterator_events(frame: pl.DataFrame) -> pl.DataFrame:
    """mandiant unifiedlog_iterator keys (plus `line`) -> EVENTS columns."""
    from_string = pl.col("timestamp").str.strptime(
        pl.Datetime("us", "UTC"), "%Y-%m-%dT%H:%M:%S%.fZ", strict=False
    )
    from_float = pl.from_epoch((pl.col("time") / 1000).round().cast(pl.Int64), "us")
    level = pl.col("log_type").str.to_lowercase()
    return frame.select(
        pl.coalesce(from_string.dt.replace_time_zone(None), from_float).alias("timestamp"),
        pl.lit(True).alias("tz_known"),
        _basename("process").alias("process"),
        pl.col("pid"),
        pl.col("thread_id").alias("thread"),
        _basename("library").alias("sender"),
        _blank_to_null("subsystem"),
        _blank_to_null("category"),
        pl.when(level.is_in(LEVELS)).then(level).otherwise(None).alias("level"),
        pl.col("event_type").replace(ITERATOR_EVENT_TYPES).alias("event_type"),
        pl.col("activity_id"),
        pl.col("message"),
        _blank_to_null("boot_uuid").alias("boot_id"),
        pl.col("line"),
    )
