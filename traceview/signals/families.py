"""Which grammar reads which messages: a table, not an if-ladder.

A family is one grammars/<name>.lark file plus the processes whose messages it reads and the
literals (anchors) a message must contain to be worth parsing: a vectorised `str.contains_any`
keeps every other message away from Lark (it is counted unrecognised). Each anchor list must
cover every message its grammar knows; the template checklist test proves it line by line.
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
    "looking for background",
    "assertion with name",
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

RUNNINGBOARD_ANCHORS = (
    "assertion",
    "Assertion ",
    "launch request",
    "Launch request",
    "launching job",
    "Setting client",
    "Calculated state",
    "Set jetsam",
    "Set darwin",
    "Set GPU",
    "gnoring",  # Ignoring ... / ignoring process state change
    "Error setting jetsam",
    "Suspending task",
    "Resuming task",
    "termination request",
    "Terminating with context",
    "terminate_with_reason",
    "termination reported",
    "exited with context",
    "Removing",
    "Removed",
    "Resolved pid",
    "Inserting mach service",
    "_mutateContextIfNeeded",
    "processStartTime",
    "Shutdown sockets",
    "removeJobWithInstance",
)
FRONTBOARD_ANCHORS = (
    "request to open",
    "open application request",
    "Executing request",
    "suspended-activation",
    "Bootstrap",
    "process state changed",
    "Setting process",
    "Connection",
    "created proxy",
    "Sending scene",
    "scene-update",
    "Process exited",
    "workspace",
    "Removing:",
    "application state changed",
    "deactivation reasons",
)
ASSERTIOND_ANCHORS = (
    "assertion",
    "BG permission",
    "permission expiration",
    "crash report",
    "Setting jetsam",
    "timedAssertionReferenceTime",
    "workspaceConnectedWithTaskPortRight",
    "SyscallError",
    "PowerAssertion",
)
DASD_ANCHORS = ("Received state update", "Running activities", "DAS Submitted", "Released ")

# Order matters: a message goes to the first family (in this order) that recognises it.
FAMILIES: tuple[Family, ...] = (
    Family("nsurlsessiond", ("nsurlsessiond",), NSURLSESSIOND_ANCHORS),
    Family("marker", (APP,), ("TVMARK v1 ",)),
    Family("warnings", (APP,), WARNING_ANCHORS),
    Family("cfnetwork", ("nsurlsessiond", APP), CFNETWORK_ANCHORS),
    Family("uikit", (APP,), UIKIT_ANCHORS),
    Family("runningboard", ("runningboardd",), RUNNINGBOARD_ANCHORS),
    Family("frontboard", ("SpringBoard", "FrontBoard"), FRONTBOARD_ANCHORS),
    Family("assertiond", ("assertiond",), ASSERTIOND_ANCHORS),
    Family("dasd", ("dasd", "powerd"), DASD_ANCHORS),
    Family("process_handle", (ANY,), ("Hit the server for a process handle",)),
)

# Grammars only called from another family's shaper (on part of a message).
NESTED_GRAMMARS = ("nserror",)
