"""TV401 app_terminated_by_system."""
# ruff: noqa: E501  (the doc quotes log lines verbatim)

from __future__ import annotations

import polars as pl

from traceview.model import Severity
from traceview.rules.base import Context, Rule, app_name, clock, say

_SYSTEM_ENDS = ("system_jetsam", "system_other", "crash", "watchdog", "assertion_timeout")
_SERIOUS = ("crash", "watchdog")


class AppTerminatedBySystem(Rule):
    """
    ## What it does
    Notes an app process that ended by the system (jetsam, a kill, a crash, a watchdog or an
    assertion timeout) while background tasks of the app were not yet delivered.

    ## Why it matters
    Transfers continue in nsurlsessiond and a background relaunch is expected when they finish;
    a crash or a watchdog kill is a bug (error), a memory-pressure kill is normal (info).

    ## Example
    ```log
    default	08:00:54.700689-0600	runningboardd	RunningBoard	[application<com.AppCo.MyApp>:432] termination reported by launchd (2, 10, 10)
    default	08:00:54.702044-0600	runningboardd	RunningBoard	Removing process: [application<com.AppCo.MyApp>:432]
    ```

    ## What to do
    For jetsam keep background memory small; for crashes read the crash report; in both cases check
    that a relaunch follows when the tasks finish.

    ## Known false positives
    Tasks whose outcome the app already had but the log does not show being delivered.

    ## References
    urlsession_rules.md §5.3, §2.3 [A-BGCFG] [W-2020-10078] [GH-INTUNE137] [B-DEAD10CC] [XNU-REASON]
    """

    name = "app_terminated_by_system"
    code = "TV401"
    severity = Severity.INFO
    title = "process killed (jetsam, crash, watchdog) with tasks not yet delivered"
    advice = "Expect a background relaunch when the tasks finish; fix crashes, keep background memory low."

    def check(self, ctx: Context) -> pl.LazyFrame:
        ended = ctx.processes.filter(pl.col("end_reason").is_in(_SYSTEM_ENDS))
        pending = ctx.tasks.select("bundle_id", "first_seen", "delivered_at")
        hit = ended.join(pending, on="bundle_id", suffix="_task").filter(
            (pl.col("first_seen_task") <= pl.col("ended_at"))
            & (pl.col("delivered_at").is_null() | (pl.col("delivered_at") > pl.col("ended_at")))
        )
        per_run = hit.group_by(
            "bundle_id",
            "pid",
            "process",
            "ended_at",
            "end_reason",
            "end_detail",
            "end_evidence",
            "tz_known",
        ).agg(tasks=pl.len())
        return per_run.select(
            "bundle_id",
            "pid",
            "tz_known",
            at="ended_at",
            evidence=pl.concat_list("end_evidence").list.drop_nulls(),
            severity=pl.when(pl.col("end_reason").is_in(_SERIOUS)).then(pl.lit("error")),
            message=say(
                "{} (pid {}) of {} ended at {}: {}{} with {} task(s) not yet delivered",
                pl.col("process"),
                pl.col("pid"),
                app_name(),
                clock("ended_at"),
                pl.col("end_reason"),
                pl.when(pl.col("end_detail").is_not_null())
                .then(say(" ({})", pl.col("end_detail")))
                .otherwise(pl.lit("")),
                pl.col("tasks"),
            ),
        )


RULE = AppTerminatedBySystem()
