"""The `log show` / `log stream` text styles (default, compact, syslog) and the Xcode console.

Layouts and real specimens: log_formats.md §2–§4 and §9.3. Every regex is anchored on the
timestamp that starts an entry; `(?s)` lets the message run over continuation lines.
"""

from __future__ import annotations

import polars as pl

from traceview.sources.textpipe import TextFormat
from traceview.sources.timestamps import local, with_offset

TS_OFFSET = r"\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}\.\d+[+-]\d{4}"
TS_MILLIS = r"\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}\.\d{3}"
# `[subsystem:category]`. A subsystem is a reverse-DNS name (a letter first, at least one dot), so
# the message prefixes `[application<…>:12]`, assertiond's `[BackgroundDemo:12648]` and
# FrontBoard's `[0x86d0e3a80:(FBSceneManager):…]` stay in the message where they belong.
SUBSYSTEM = (
    r"(?:\[(?P<subsystem>[A-Za-z][A-Za-z0-9_\-]*(?:\.[A-Za-z0-9_\-]+)+)"
    r":(?P<category>[^\]\n]*)\](?: |$))?"
)
SENDER = r"(?:\((?P<sender>[^()\n]*)\)(?: |$))?"

DEFAULT_START = rf"^{TS_OFFSET} +0x[0-9a-fA-F]+ +[A-Za-z]+ +0x[0-9a-fA-F]+ +\d+ "
DEFAULT_FIELDS = (
    rf"(?s)^(?P<ts>{TS_OFFSET}) +0x(?P<thread>[0-9a-fA-F]+) +(?P<type>[A-Za-z]+) +"
    r"0x(?P<activity>[0-9a-fA-F]+) +(?P<pid>\d+) +(?:(?P<ttl>\d+) +)?"
    rf"(?P<process>[^\n]*?):(?: |$){SENDER}{SUBSYSTEM}(?P<message>.*)$"
)

COMPACT_START = rf"^{TS_MILLIS} [A-Z][a-z]? +\S"
COMPACT_FIELDS = (
    rf"(?s)^(?P<ts>{TS_MILLIS}) (?P<type>[A-Z][a-z]?) +"
    r"(?P<process>[^\n]+?)\[(?P<pid>\d+):(?P<thread>[0-9a-fA-F]+)\](?: |$)"
    rf"{SUBSYSTEM}{SENDER}(?P<message>.*)$"
)

SYSLOG_START = rf"^{TS_OFFSET}  \S+ "
SYSLOG_FIELDS = (
    rf"(?s)^(?P<ts>{TS_OFFSET})  (?P<host>\S+) (?P<process>[^\n]+?)\[(?P<pid>\d+)\]:(?: |$)"
    rf"{SENDER}{SUBSYSTEM}(?P<message>.*)$"
)

XCODE_START = rf"^{TS_OFFSET} [^\s\[][^\n]*?\[\d+:\d+\] "
XCODE_FIELDS = (
    rf"(?s)^(?P<ts>{TS_OFFSET}) (?P<process>[^\n]+?)\[(?P<pid>\d+):(?P<thread>\d+)\] "
    r"(?P<message>.*)$"
)

# Compact's 2-letter type column, matched on its letters (log_formats.md §3).
COMPACT_LEVELS = {"Df": "default", "I": "info", "Db": "debug", "E": "error", "Er": "error"}
COMPACT_LEVELS |= {"F": "fault", "Fa": "fault", "Ft": "fault"}
ACTIVITY_TYPES = ("A", "Ac", "Activity")


def _level_and_event_type(type_column: str, levels: dict[str, str] | None) -> list[pl.Expr]:
    kind = pl.col(type_column)
    is_activity = kind.is_in(ACTIVITY_TYPES)
    level = kind.replace_strict(levels, default=None) if levels else kind.str.to_lowercase()
    return [
        pl.when(is_activity).then(None).otherwise(level).alias("level"),
        pl.when(is_activity)
        .then(pl.lit("activityCreateEvent"))
        .otherwise(pl.lit("logEvent"))
        .alias("event_type"),
    ]


def _common(process: str = "process") -> list[pl.Expr]:
    return [
        pl.col(process).str.strip_chars(" ").alias("process"),
        pl.col("pid").cast(pl.Int64, strict=False),
        pl.col("message"),
        pl.col("line"),
    ]


def _build_default(fields: pl.DataFrame) -> pl.DataFrame:
    return fields.select(
        with_offset("ts").alias("timestamp"),
        pl.lit(True).alias("tz_known"),
        *_common(),
        pl.col("thread").str.to_integer(base=16, strict=False),
        pl.col("sender"),
        pl.col("subsystem"),
        pl.col("category"),
        *_level_and_event_type("type", None),
        pl.col("activity")
        .str.to_integer(base=16, dtype=pl.UInt64, strict=False)
        .alias("activity_id"),
    )


def _build_compact(fields: pl.DataFrame) -> pl.DataFrame:
    return fields.select(
        local("ts").alias("timestamp"),
        pl.lit(False).alias("tz_known"),
        *_common(),
        pl.col("thread").str.to_integer(base=16, strict=False),
        pl.col("sender"),
        pl.col("subsystem"),
        pl.col("category"),
        *_level_and_event_type("type", COMPACT_LEVELS),
    )


def _build_syslog(fields: pl.DataFrame) -> pl.DataFrame:
    return fields.select(
        with_offset("ts").alias("timestamp"),
        pl.lit(True).alias("tz_known"),
        *_common(),
        pl.col("sender"),
        pl.col("subsystem"),
        pl.col("category"),
        pl.lit("logEvent").alias("event_type"),
    )


def _build_xcode(fields: pl.DataFrame) -> pl.DataFrame:
    return fields.select(
        with_offset("ts").alias("timestamp"),
        pl.lit(True).alias("tz_known"),
        *_common(),
        pl.col("thread").cast(pl.Int64, strict=False),
        pl.lit("logEvent").alias("event_type"),
    )


DEFAULT = TextFormat("default", DEFAULT_START, DEFAULT_FIELDS, _build_default)
COMPACT = TextFormat("compact", COMPACT_START, COMPACT_FIELDS, _build_compact)
SYSLOG = TextFormat("syslog", SYSLOG_START, SYSLOG_FIELDS, _build_syslog)
XCODE = TextFormat("xcode", XCODE_START, XCODE_FIELDS, _build_xcode)
