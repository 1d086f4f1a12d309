"""TV506 delivery_latency."""
# ruff: noqa: E501  (the doc quotes log lines verbatim)

from __future__ import annotations

import polars as pl

from traceview.lifecycle.expressions import kind_is
from traceview.model import Severity
from traceview.rules.base import Context, Rule, app_name, clock, say, task_name, task_subject
from traceview.signals.kinds import SignalKind as K


class DeliveryLatency(Rule):
    """
    ## What it does
    Flags tasks delivered to the app more than `delivery_latency_s` (300 s) after nsurlsessiond
    completed them, with the cause when the log shows it: a force quit (delivered at the next user
    launch) or the resume rate limiter (`Set request delay …` in between) make it info; otherwise
    it is a warning.

    ## Why it matters
    Until delivery the app does not know the upload finished; long gaps point at a missing
    relaunch, a session not recreated, a handler called early, or system policy.

    ## Example
    ```log
    Task <30768301-CCBD-47EA-90CD-FBD5AC72F6C4>.<1605> completed with error (null) [0]
    Task <30768301-CCBD-47EA-90CD-FBD5AC72F6C4>.<1605> client acknowledged completion
    ```
    (built from the nsurlsessiond templates) 25 minutes apart.

    ## What to do
    Depends on the cause: recreate the session at launch, call the handler only after
    `urlSessionDidFinishEvents`, keep `sessionSendsLaunchEvents` true, avoid wake chains.

    ## Known false positives
    Tasks that completed while the app was suspended for unrelated reasons the log does not show.

    ## References
    urlsession_rules.md §5.5 [F-128813] [A-BGCFG] [A-SENDS]
    """

    name = "delivery_latency"
    code = "TV506"
    severity = Severity.WARNING
    title = "long gap between daemon completion and delivery to the app"
    advice = "Find what held the delivery back: relaunch, session recreation, handler timing, rate limiter."

    def check(self, ctx: Context) -> pl.LazyFrame:
        late = ctx.tasks.filter(pl.col("delivery_latency_s") > ctx.config.delivery_latency_s)
        delays = ctx.signals.filter(kind_is(K.REQUEST_DELAY_SET)).select(
            bundle_id="bundle", _delay_at="timestamp"
        )
        limited = (
            late.join(delays, on="bundle_id")
            .filter(pl.col("_delay_at").is_between(pl.col("completed_at"), pl.col("delivered_at")))
            .select("task_key")
            .unique()
            .with_columns(_limited=pl.lit(True))
        )
        late = late.join(limited, on="task_key", how="left")
        cause = (
            pl.when(pl.col("cancel_reason") == "user_force_quit")
            .then(pl.lit(" (the user force-quit the app)"))
            .when(pl.col("_limited").fill_null(False))
            .then(pl.lit(" (resume rate limiter)"))
            .otherwise(pl.lit(""))
        )
        message = say(
            "{} of {} completed in nsurlsessiond at {} and reached the app {} min later{}",
            task_name(),
            app_name(),
            clock("completed_at"),
            (pl.col("delivery_latency_s") / 60).round(1),
            cause,
        )
        explained = pl.when(cause != "").then(pl.lit("info"))
        return task_subject(late, "delivered_at", message, severity=explained)


RULE = DeliveryLatency()
