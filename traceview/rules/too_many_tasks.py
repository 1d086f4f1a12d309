"""TV505 too_many_tasks."""
# ruff: noqa: E501  (the doc quotes log lines verbatim)

from __future__ import annotations

import polars as pl

from traceview.model import Severity
from traceview.rules.base import Context, Rule, app_name, clock, say


class TooManyTasks(Rule):
    """
    ## What it does
    Flags a background session that got more than `too_many_tasks` (100) tasks within
    `task_burst_s` (10 min).

    ## Why it matters
    Background sessions are "optimised for transferring a small number of large resources";
    hundreds of tasks take seconds to create ("3.7 seconds to create 400 tasks"), hit the
    watchdog at background entry, and load nsurlsessiond ("Thousands is definitely bad").

    ## Example
    ```log
    Task <B22D34D2-4EEB-475E-B233-AC2F67086EC4>.<396> is for <<private>>.<<private>>.<396>
    Task <B22D34D2-4EEB-475E-B233-AC2F67086EC4>.<489> uploadTaskWithRequest: <private> fromFile: <private>
    ```
    (task numbers in the hundreds within one session).

    ## What to do
    Prefer a single large (resumable) transfer, or batch the items into a few archives.

    ## Known false positives
    A batch the app deliberately spreads over a few minutes only to stay under the limit.

    ## References
    urlsession_rules.md §5.4 [DTS Q-699462] [DTS Q-FEWER] [F-32659] [GH-BD153]
    """

    name = "too_many_tasks"
    code = "TV505"
    severity = Severity.WARNING
    title = "hundreds of tasks in one background session"
    advice = "Use a few large transfers instead of hundreds of small tasks in a background session."

    def check(self, ctx: Context) -> pl.LazyFrame:
        session = ["bundle_id", "session_identifier"]
        window = f"{int(ctx.config.task_burst_s)}s"
        bursts = (
            ctx.tasks.filter(pl.col("first_seen").is_not_null())
            .sort("first_seen")
            .rolling("first_seen", period=window, group_by=session)
            .agg(
                tasks=pl.len(),
                at=pl.col("first_seen").first(),
                until=pl.col("first_seen").last(),
                tz_known=pl.col("tz_known").first(),
                evidence=pl.col("evidence").list.first().sort().head(20),
            )
        )
        worst = bursts.filter(pl.col("tasks") > ctx.config.too_many_tasks).sort(
            "tasks", descending=True
        )
        return worst.unique(subset=session, keep="first").select(
            *session,
            "at",
            "tz_known",
            evidence=pl.col("evidence").list.drop_nulls(),
            message=say(
                "Session {} of {} got {} tasks between {} and {}",
                pl.col("session_identifier").fill_null("<unknown>"),
                app_name(),
                pl.col("tasks"),
                clock("at"),
                clock("until"),
            ),
        )


RULE = TooManyTasks()
