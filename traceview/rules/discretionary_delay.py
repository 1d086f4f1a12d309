"""TV503 discretionary_delay."""
# ruff: noqa: E501  (the doc quotes log lines verbatim)

from __future__ import annotations

import polars as pl

from traceview.lifecycle.expressions import marker
from traceview.model import Severity
from traceview.rules.base import Context, Rule, app_name, clock, say, task_name, task_subject


class DiscretionaryDelay(Rule):
    """
    ## What it does
    Notes tasks that waited more than `discretionary_wait_s` (1 h) between being resumed and
    `will begin`, or that were resumed that long before the end of the log and never began.

    ## Why it matters
    Discretionary transfers (and every transfer created while the app is in the background) start
    "at the discretion of the system", often only on Wi-Fi and power: hours later.

    ## Example
    ```log
    Task <B22D34D2-4EEB-475E-B233-AC2F67086EC4>.<489> resuming, QOS(0x19)
    ```
    and `Task <B22D34D2-…>.<489> will begin` more than an hour later.

    ## What to do
    Create user-initiated uploads in the foreground with `isDiscretionary = false`; set
    `countOfBytesClientExpectsToSend`; use `earliestBeginDate` only on purpose.

    ## Known false positives
    Tasks waiting for connectivity (those reported by `waiting_for_connectivity` are excluded) and
    tasks with a deliberate `earliestBeginDate`.

    ## References
    urlsession_rules.md §5.4 [A-DISC] [A-CBES] [A-EBD] [GH-FB147] [GH-VIM118] [GH-OWNCLOUD46] [F-124450] [DTS Q-71207]
    """

    name = "discretionary_delay"
    code = "TV503"
    severity = Severity.INFO
    title = "transfer waited hours between resume and start"
    advice = "Create user-initiated transfers in the foreground with isDiscretionary = false."

    def check(self, ctx: Context) -> pl.LazyFrame:
        wait = ctx.config.discretionary_wait_s
        waiting = ctx.signals.filter(marker("task.waiting")).select("task_key").unique()
        late_start = pl.col("start_delay_s") > wait
        never = (
            pl.col("resumed_at").is_not_null()
            & pl.col("began_at").is_null()
            & (pl.col("final_state") == "unknown")
            & ctx.before_end("resumed_at", wait)
        )
        slow = ctx.tasks.filter(late_start | never).join(waiting, on="task_key", how="anti")
        message = say(
            "{} of {} was resumed at {} and {}",
            task_name(),
            app_name(),
            clock("resumed_at"),
            pl.when(pl.col("began_at").is_not_null())
            .then(say("began only {} min later", (pl.col("start_delay_s") / 60).round(0)))
            .otherwise(pl.lit("had not begun when the log ends")),
        )
        return task_subject(slow, "resumed_at", message)


RULE = DiscretionaryDelay()
