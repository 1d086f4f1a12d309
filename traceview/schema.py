"""Column names and dtypes of every table traceview builds: the single source of truth.

Every reader produces EVENTS, the grammar stage produces SIGNALS, and later stages only add
columns they document here. Column names follow Apple's NDJSON fields in snake_case.
"""

from __future__ import annotations

from typing import Literal

import polars as pl

# One row per log entry, whatever the input format.
EVENTS: dict[str, pl.DataType] = {
    # Wall-clock time. UTC when `tz_known` (the input carried an offset), else local time.
    "timestamp": pl.Datetime("us"),
    "tz_known": pl.Boolean(),
    "process": pl.String(),  # basename of processImagePath, may contain spaces
    "pid": pl.Int64(),
    "thread": pl.Int64(),
    "sender": pl.String(),  # basename of senderImagePath, or the Console "library" column
    "subsystem": pl.String(),
    "category": pl.String(),
    # default | info | debug | error | fault | notice (relay) | null for activity rows
    "level": pl.String(),
    # logEvent | activityCreateEvent | ... (log_formats.md §7); text styles give those two only
    "event_type": pl.String(),
    "activity_id": pl.UInt64(),  # 64-bit, kept exact
    "message": pl.String(),  # the composed message; continuation lines joined with "\n"
    "boot_id": pl.String(),
    "source": pl.String(),  # the input path (archive members as "archive!member")
    "line": pl.Int64(),  # 1-based physical line where the entry starts
}

# One row per recognised message of a relevant process (see traceview.signals).
SIGNAL_FIELDS: dict[str, pl.DataType] = {
    "kind": pl.String(),  # a traceview.signals.kinds.SignalKind value
    "family": pl.String(),  # grammar family that recognised it: nsurlsessiond, cfnetwork, ...
    "task_uuid": pl.String(),  # upper-case UUID inside `Task <...>`
    "task_number": pl.Int64(),  # integer inside `.<n>`
    "task_kind": pl.String(),  # upload | download | data | null
    "session_uuid": pl.String(),  # NDSession / BackgroundSession UUID
    "session_id": pl.String(),  # background session identifier (null when <private>)
    "bundle_id": pl.String(),  # null when <private>
    "target_pid": pl.Int64(),  # pid of the app process the line is about
    "error_code": pl.Int64(),
    "error_domain": pl.String(),
    "cancel_reason": pl.Int64(),  # NSURLErrorBackgroundTaskCancelledReasonKey (0, 1, 2)
    "http_status": pl.Int64(),
    "bytes_sent": pl.Int64(),
    "bytes_received": pl.Int64(),
    "bytes_expected": pl.Int64(),
    "exit_namespace": pl.Int64(),
    "exit_code": pl.Int64(),  # may exceed 2**31 (0xdeadfa11); fits in Int64
    "exit_status": pl.Int64(),
    "exit_reason": pl.String(),  # decoded END reason candidate (see signals.exits)
    "assertion_name": pl.String(),  # explanation / name of an assertion
    "assertion_reason": pl.String(),  # assertiond reason or RunningBoard domain name
    "state": pl.String(),  # running-active, Background, Running, ... as logged
    "role": pl.String(),
    "requester": pl.String(),  # process that asked for a launch/kill (e.g. nsurlsessiond)
    "delay_seconds": pl.Float64(),
    "duration_seconds": pl.Float64(),
    "bg_task_id": pl.Int64(),  # UIKit background task identifier
    "name": pl.String(),  # UIKit background task name, marker event, ...
    "detail": pl.String(),  # free text worth showing (error description, explanation)
}

# Columns of EVENTS carried into SIGNALS (so a signal remembers when, who and where).
SIGNAL_EVENT_COLUMNS = ("timestamp", "tz_known", "process", "pid", "subsystem", "source", "line")

SIGNALS: dict[str, pl.DataType] = {
    **{name: EVENTS[name] for name in SIGNAL_EVENT_COLUMNS},
    **SIGNAL_FIELDS,
}


def empty(schema: dict[str, pl.DataType]) -> pl.DataFrame:
    """An empty frame with exactly `schema`'s columns."""
    return pl.DataFrame(schema=schema)


# The polars engine for traceview's collect_all calls. polars 2.1's "auto" picks the streaming
# engine there, which panics on some string expressions over real-size inputs (pl.format in a
# when/then, seen at ~100 k signals); the frames are signal-sized, so in-memory costs nothing.
ENGINE: Literal["in-memory"] = "in-memory"


def conform(frame: pl.DataFrame | pl.LazyFrame, schema: dict[str, pl.DataType]):
    """Select `schema`'s columns in order, adding missing ones as nulls and casting the rest."""
    present = set(frame.collect_schema().names())
    return frame.select(
        [
            (pl.col(name) if name in present else pl.lit(None)).cast(dtype).alias(name)
            for name, dtype in schema.items()
        ]
    )
