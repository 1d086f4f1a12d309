"""The vectorised prefilter: which events can matter to a background transfer.

Only events passing `is_relevant()` reach the Lark grammars; the rest are counted as
irrelevant. It must stay a pure polars expression (no per-line Python).
"""

from __future__ import annotations

import re

import polars as pl

# Processes whose every message is examined (the daemons of the background-transfer story).
DAEMON_PROCESSES: tuple[str, ...] = (
    "nsurlsessiond",
    "runningboardd",
    "SpringBoard",
    "FrontBoard",
    "assertiond",
    "dasd",
    "powerd",
)

# Fragments that make a message of any other process (the app) worth parsing.
MESSAGE_KEYWORDS: tuple[str, ...] = (
    "Task <",
    "BackgroundSession <",
    "background URLSession",
    "background sessions",
    "handleEventsForBackgroundURLSession",
    "session that has been invalidated",
    "backgroundTask",
    "background task",
    "Background Task",
    "BackgroundTask",
    "background assertion",
    "Deactivation reason",
    "transitioned to background",
    "no longer foreground",
    "appDidSuspend",
    "TVMARK ",
    "Hit the server for a process handle",  # RunningBoardServices in any process: pid -> bundle
    "BKSProcessAssertion",  # UIKit: Will invalidate assertion: <BKSProcessAssertion: ..>
)


def literal_alternation(words: list[str]) -> str:
    """A regex matching any of `words` literally.

    polars' `str.contains` runs a literal alternation through a SIMD multi-literal search,
    several times faster than `str.contains_any` on the same words (bench/README.md).
    """
    return "|".join(re.sub(r"([\\.+*?()|\[\]{}^$#&~-])", r"\\\1", word) for word in words)


def is_relevant() -> pl.Expr:
    """True for events whose message should be offered to the grammars."""
    process = pl.col("process").fill_null("")
    message = pl.col("message").fill_null("")
    return process.is_in(DAEMON_PROCESSES) | message.str.contains_any(list(MESSAGE_KEYWORDS))
