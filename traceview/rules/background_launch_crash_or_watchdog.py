"""TV402 background_launch_crash_or_watchdog."""
# ruff: noqa: E501  (the doc quotes log lines verbatim)

from __future__ import annotations

import polars as pl

from traceview.lifecycle.expressions import marker
from traceview.model import Severity
from traceview.rules.base import Context, Rule, app_name, clock, say


class BackgroundLaunchCrashOrWatchdog(Rule):
    """
    ## What it does
    Flags a process launched for background URLSession events that crashed or was killed by the
    watchdog before `urlSessionDidFinishEvents` (a `didFinishEvents` marker) in that process.

    ## Why it matters
    The events of the wake are not delivered; the daemon will try again later, paying the
    rate-limiter delay, and the same crash can repeat on every relaunch.

    ## Example
    ```log
    18:14:31 SpringBoard Bootstrapping com.mycompany.backgrounddemo with intent background
    2026-10-01 15:02:11.404 Df runningboardd[5993:db8454] [com.apple.runningboard:ttl] [app<com.example.app((null))>:6256] termination reported by launchd (2, 5, 5)
    ```

    ## What to do
    Keep launch and background-entry work minimal; do not block in session setup; create tasks in
    batches from the foreground rather than hundreds at background entry.

    ## Known false positives
    Apps without markers that did deliver their events before crashing (the log cannot show it).

    ## References
    urlsession_rules.md §5.3 [GH-OR18576940] [GH-BD153] [DTS Q-699462] [W-2020-10078]
    """

    name = "background_launch_crash_or_watchdog"
    code = "TV402"
    severity = Severity.ERROR
    title = "app died during a background relaunch before delivering events"
    advice = "Keep background-launch work minimal; never block in session setup or create hundreds of tasks."

    def check(self, ctx: Context) -> pl.LazyFrame:
        died = ctx.processes.filter(
            (pl.col("launch_reason") == "background_urlsession")
            & pl.col("end_reason").is_in(["crash", "watchdog"])
        )
        finished = ctx.signals.filter(marker("didFinishEvents")).select(
            bundle_id="bundle", pid="run_pid"
        )
        early = died.join(finished.unique(), on=["bundle_id", "pid"], how="anti", nulls_equal=True)
        return early.select(
            "bundle_id",
            "pid",
            "tz_known",
            at="ended_at",
            evidence=pl.concat_list("end_evidence").list.drop_nulls(),
            message=say(
                "{} (pid {}), launched at {} for background URLSession events, ended at {} by {} before delivering them",
                app_name(),
                pl.col("pid"),
                clock("launched_at"),
                clock("ended_at"),
                pl.col("end_reason"),
            ),
        )


RULE = BackgroundLaunchCrashOrWatchdog()
