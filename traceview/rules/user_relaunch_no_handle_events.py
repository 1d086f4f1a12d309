"""TV106 user_relaunch_no_handle_events."""
# ruff: noqa: E501  (the doc quotes log lines verbatim)

from __future__ import annotations

import polars as pl

from traceview.lifecycle.expressions import marker
from traceview.model import Severity
from traceview.rules.base import Context, Rule, app_name, clock, say

RUN = ["bundle_id", "pid"]


class UserRelaunchNoHandleEvents(Rule):
    """
    ## What it does
    Notes a launch by the user while tasks from before the launch were in flight or finished:
    their outcomes reach the recreated session's delegate directly, without
    `handleEventsForBackgroundURLSession`. This is normal and explains where the events went.

    ## Why it matters
    `handleEvents` is only the background relaunch/resume entry point. Apps that do their
    bookkeeping only there miss these completions (e.g. `-999` after a force quit).

    ## Example
    ```log
    default	22:50:45.769715-0500	SpringBoard	Application process state changed for com.hightowerai.MobileJarvisNative: <SBApplicationProcessState: 0x86d065a00; pid: 1766; taskState: Running; visibility: Foreground>
    Task <AD3AD8D1-EC64-4E2E-95C8-FBA0A12585A2>.<7> load failed with error Error Domain=NSURLErrorDomain Code=-999 "(null)" UserInfo={NSURLErrorBackgroundTaskCancelledReasonKey=0, …} [-999]
    ```

    ## What to do
    Nothing if the session is created at launch; handle completions in the session delegate,
    not only in `handleEvents`.

    ## Known false positives
    None known: this is an informational note.

    ## References
    urlsession_rules.md §5.1, §2.3 [A-HANDLE] [A-ULSPG]
    """

    name = "user_relaunch_no_handle_events"
    code = "TV106"
    severity = Severity.INFO
    title = "user launch with tasks in flight; no handleEvents (normal)"
    advice = "Nothing to fix if sessions are created at launch; handle completions in the delegate."

    def check(self, ctx: Context) -> pl.LazyFrame:
        launches = ctx.processes.filter(
            (pl.col("launch_reason") == "user") & pl.col("launched_at").is_not_null()
        )
        handled = ctx.signals.filter(marker("handleEvents")).select(
            bundle_id="bundle", pid="run_pid"
        )
        quiet = launches.join(handled.unique(), on=RUN, how="anti", nulls_equal=True)
        earlier = ctx.tasks.filter(pl.col("delivered_pid").is_not_null()).select(
            "bundle_id", "first_seen", "evidence", pid="delivered_pid"
        )
        carried = quiet.join(earlier, on=RUN, suffix="_task").filter(
            pl.col("first_seen_task") < pl.col("launched_at")
        )
        per_run = carried.group_by(*RUN, "launched_at", "process", "tz_known").agg(
            tasks=pl.len(),
            evidence=pl.col("evidence_task")
            .list.explode(keep_nulls=False, empty_as_null=False)
            .sort()
            .head(20),
        )
        return per_run.select(
            "bundle_id",
            "pid",
            "tz_known",
            "evidence",
            at="launched_at",
            message=say(
                "The user launched {} (pid {}) at {}; {} task(s) from before the launch were delivered to it without handleEvents",
                app_name(),
                pl.col("pid"),
                clock("launched_at"),
                pl.col("tasks"),
            ),
        )


RULE = UserRelaunchNoHandleEvents()
