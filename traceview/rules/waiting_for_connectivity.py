"""TV504 waiting_for_connectivity."""
# ruff: noqa: E501  (the doc quotes log lines verbatim)

from __future__ import annotations

import polars as pl

from traceview.lifecycle.expressions import marker
from traceview.model import Severity
from traceview.rules.base import Context, Rule, app_name, clock, say, task_name, task_subject


class WaitingForConnectivity(Rule):
    """
    ## What it does
    Notes tasks waiting for a usable network: the app's `task.waiting` marker
    (`urlSession(_:taskIsWaitingForConnectivity:)`), or tasks of a session configured with
    `allowsCellularAccess: 0` that were resumed `waiting_s` (10 min) before the end of the log
    and never began.

    ## Why it matters
    Background sessions always wait for connectivity, bounded by `timeoutIntervalForResource`
    (7 days by default); the transfer is not failing, it is waiting.

    ## Example
    ```log
    default	04:57:06.754343+0100	nsurlsessiond	NDSession <585CDBB1-9CD2-4150-AFCF-109678004019> Session <585CDBB1-9CD2-4150-AFCF-109678004019> is for <chat.glib.groupchat.stage>.<com.bbflight.background_downloader.Downloader> using resource timeout: 14400.000000, request timeout: 60.000000 allowsCellularAccess: 0, allowsExpensiveAccess: 1, _sourceApplicationBundleIdentifier: (null), _sourceApplicationSecondaryIdentifier: (null), hasSqliteSupport: 1
    ```
    (built from the real line with `allowsCellularAccess: 0`), or `TVMARK v1 task.waiting id=com.example.upload tid=7`.

    ## What to do
    Show "waiting for network" in the UI; do not cancel and recreate; reconsider
    `allowsCellularAccess` and the expensive/constrained flags.

    ## Known false positives
    A cellular-only session whose task is delayed for another reason (discretionary scheduling).

    ## References
    urlsession_rules.md §5.4 [A-WAIT] [W-2017-709] [A-TIMEOUT-RES] [B-UYL] [GH-AF1920] [GH-BD300]
    """

    name = "waiting_for_connectivity"
    code = "TV504"
    severity = Severity.INFO
    title = "task waiting for a usable network"
    advice = "Show 'waiting for network'; do not cancel and recreate waiting tasks."

    def check(self, ctx: Context) -> pl.LazyFrame:
        marked = (
            ctx.signals.filter(marker("task.waiting"))
            .group_by("task_key")
            .agg(_waiting_at=pl.col("timestamp").min())
        )
        told = ctx.tasks.join(marked, on="task_key")
        no_cellular = ctx.sessions.filter(pl.col("allows_cellular") == False).select(  # noqa: E712
            "bundle_id", session_identifier="identifier"
        )
        stuck = ctx.tasks.join(no_cellular, on=["bundle_id", "session_identifier"]).filter(
            pl.col("began_at").is_null()
            & pl.col("resumed_at").is_not_null()
            & (pl.col("final_state") == "unknown")
            & ctx.before_end("resumed_at", ctx.config.waiting_s)
        )
        stuck = stuck.join(marked, on="task_key", how="anti").with_columns(
            _waiting_at=pl.col("resumed_at")
        )
        both = pl.concat([told, stuck], how="diagonal_relaxed")
        message = say(
            "{} of {} is waiting for connectivity since {}",
            task_name(),
            app_name(),
            clock("_waiting_at"),
        )
        return task_subject(both, "_waiting_at", message)


RULE = WaitingForConnectivity()
