"""TV103 slow_background_wake."""
# ruff: noqa: E501  (the doc quotes log lines verbatim)

from __future__ import annotations

import polars as pl

from traceview.model import Severity
from traceview.rules.base import Context, Rule, app_name, clock, say


class SlowBackgroundWake(Rule):
    """
    ## What it does
    Flags background wakes where more than `slow_wake_s` (10 s) pass between
    `handleEventsForBackgroundURLSession` and the call of its completion handler (the catalogue's
    `completion_handler_called_late` / `slow_delegate_processing`). From the app's markers, or
    without them from the handlesession wake assertion to nsurlsessiond's `Invalidating assertion
    for bundleID: … sessionID: …` (released when the handler is called).

    ## Why it matters
    A background wake has roughly 30 s; long work in it gets the app killed before the remaining
    tasks are delivered (error when the process then died of a timeout or watchdog).

    ## Example
    ```log
    TVMARK v1 handleEvents id=com.example.upload
    TVMARK v1 didFinishEvents id=com.example.upload
    TVMARK v1 handleEvents.completion.called id=com.example.upload
    ```
    with 25 s between the first and the last line.

    ## What to do
    Keep background-wake work short; move heavy processing to a `BGProcessingTask`.

    ## Known false positives
    A debugger paused at a breakpoint during the wake.

    ## References
    urlsession_rules.md §5.1 [GH-OR23478912] [GH-RNFS1213] [DTS Q-FEWER] [W-2020-10063]
    """

    name = "slow_background_wake"
    code = "TV103"
    severity = Severity.WARNING
    title = "long work in a background wake before the completion handler"
    advice = "Keep the background wake short; defer heavy work to a BGProcessingTask."

    def check(self, ctx: Context) -> pl.LazyFrame:
        slow = ctx.wakes.filter(pl.col("wake_to_handler_s") > ctx.config.slow_wake_s)
        ends = ctx.processes.select(bundle="bundle_id", run_pid="pid", _end="end_reason")
        died = pl.col("_end").is_in(["assertion_timeout", "watchdog", "crash"]).fill_null(False)
        return slow.join(ends, on=["bundle", "run_pid"], how="left", nulls_equal=True).select(
            "at",
            "tz_known",
            "evidence",
            bundle_id="bundle",
            session_identifier="sid",
            pid="run_pid",
            severity=pl.when(died).then(pl.lit("error")),
            message=say(
                "{} (pid {}) took {} s from handleEvents for {} at {} to calling its completion handler",
                app_name("bundle"),
                pl.col("run_pid"),
                pl.col("wake_to_handler_s").round(1),
                pl.col("sid").fill_null("<unknown>"),
                clock("at"),
            ),
        )


RULE = SlowBackgroundWake()
