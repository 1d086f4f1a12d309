"""Which grammar reads which messages: a table, not an if-ladder.

A family is one grammars/<name>.lark file plus the processes whose messages it reads and the
literals (anchors) a message must contain to be worth parsing. Daemon families read every
message of their daemon; app families only messages holding one of their anchors (a vectorised
`str.contains_any` keeps all other messages away from Lark).
"""

from __future__ import annotations

from dataclasses import dataclass

import polars as pl

from traceview.relevance import DAEMON_PROCESSES

APP = "<app>"  # any process that is not one of the daemons
ANY = "<any>"  # every process


@dataclass(frozen=True)
class Family:
    name: str  # grammars/<name>.lark
    processes: tuple[str, ...]  # process names, APP or ANY
    anchors: tuple[str, ...] = ()  # empty: every message of those processes

    def process_expr(self) -> pl.Expr:
        process = pl.col("process").fill_null("")
        if ANY in self.processes:
            return pl.lit(True)
        names = [name for name in self.processes if name != APP]
        selected = process.is_in(names)
        if APP in self.processes:
            selected = selected | ~process.is_in(list(DAEMON_PROCESSES))
        return selected

    def selects(self) -> pl.Expr:
        """Rows this family should try (vectorised)."""
        if not self.anchors:
            return self.process_expr()
        return self.process_expr() & pl.col("message").str.contains_any(list(self.anchors))

    def accepts(self, message: str, process: str) -> bool:
        """The same test as `selects`, for one message."""
        if ANY in self.processes:
            in_scope = True
        else:
            in_scope = process in self.processes or (
                APP in self.processes and process not in DAEMON_PROCESSES
            )
        return in_scope and (not self.anchors or any(a in message for a in self.anchors))


NSURLSESSIOND_ANCHORS = (
    "Creating session",
    "NDSession <",
    "Task ",
    "Current discretionary",
    "powerlog",
    "[C",
    "TIC ",
    "[FBSSystemService]",
    "wake of app",
    "woke application",
    "Failed to",
    "Couldn't create process assertion",
    "took assertion",
    "already have an assertion",
    "Invalidating assertion for bundleID",
    "request delay",
)
WARNING_ANCHORS = (
    "A background URLSession with identifier",
    "Warning: Application delegate received",
    "Upload tasks from NSData",
    "Upload tasks in background sessions",
    "Completion handler blocks are not supported",
    "Task created in a session that has been invalidated",
)
CFNETWORK_ANCHORS = ("Task <", "BackgroundSession <", "ProxySession <")
UIKIT_ANCHORS = (
    "backgroundTask",
    "background task",
    "BackgroundTask",
    "background assertion",
    "for assertion <BKSProcessAssertion",
    "Will invalidate assertion",
    "Deactivation reason",
    "App transitioned to background",
    "is no longer foreground",
    "invalidateConnection (appDidSuspend)",
)

# Order matters: a message goes to the first family (in this order) that recognises it.
FAMILIES: tuple[Family, ...] = (
    Family("nsurlsessiond", ("nsurlsessiond",), NSURLSESSIOND_ANCHORS),
    Family("marker", (APP,), ("TVMARK v1 ",)),
    Family("warnings", (APP,), WARNING_ANCHORS),
    Family("cfnetwork", ("nsurlsessiond", APP), CFNETWORK_ANCHORS),
    Family("uikit", (APP,), UIKIT_ANCHORS),
    Family("runningboard", ("runningboardd",)),
    Family("frontboard", ("SpringBoard", "FrontBoard")),
    Family("assertiond", ("assertiond",)),
    Family("dasd", ("dasd", "powerd")),
    Family("process_handle", (ANY,), ("Hit the server for a process handle",)),
)

# Grammars only called from another family's shaper (on part of a message).
NESTED_GRAMMARS = ("nserror",)
