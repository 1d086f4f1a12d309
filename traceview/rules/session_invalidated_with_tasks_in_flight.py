"""TV203 session_invalidated_with_tasks_in_flight."""
# ruff: noqa: E501  (the doc quotes log lines verbatim)

from __future__ import annotations

import polars as pl

from traceview.lifecycle.expressions import evidence, marker
from traceview.model import Severity
from traceview.rules.base import Context, Rule, app_name, clock, say

KEY = ["bundle", "run_pid", "sid"]


class SessionInvalidatedWithTasksInFlight(Rule):
    """
    ## What it does
    Flags an app invalidating a background session (`session.invalidate` marker) while tasks of
    that session were resumed and not yet delivered, when those tasks then end cancelled without
    a reason key (the app's `invalidateAndCancel()`) or never end in the log. (Sessions
    invalidated at creation with -995/-996 are `extension_session_conflict`.)

    ## Why it matters
    `invalidateAndCancel()` cancels every task; uploads the app meant to keep are lost and show up
    as `-999` with no `NSURLErrorBackgroundTaskCancelledReasonKey`.

    ## Example
    ```log
    TVMARK v1 session.invalidate id=com.example.upload
    default	16:53:26.616090 +0200	nsurlsessiond	Task <30768301-CCBD-47EA-90CD-FBD5AC72F6C4>.<1605> will begin
    TVMARK v1 task.complete id=com.example.upload tid=1605 error=NSURLErrorDomain code=-999
    ```

    ## What to do
    Use `finishTasksAndInvalidate()` if you must invalidate; better, keep the background
    session for the life of the process.

    ## Known false positives
    The host app invalidating an extension's session after `urlSessionDidFinishEvents` (the
    documented hand-back) is excluded: an invalidation preceded by `didFinishEvents` for that
    identifier in the same process is not flagged.

    ## References
    urlsession_rules.md §5.2 [A-INVAL] [A-SHARED] [DTS Q-EXT]
    """

    name = "session_invalidated_with_tasks_in_flight"
    code = "TV203"
    severity = Severity.ERROR
    title = "invalidation cancelled tasks the app meant to keep"
    advice = "Use finishTasksAndInvalidate(), or keep the background session alive instead of invalidating it."

    def check(self, ctx: Context) -> pl.LazyFrame:
        gone = ctx.signals.filter(marker("session.invalidate")).select(
            *KEY, "tz_known", at="timestamp", _ev=evidence()
        )
        finished = ctx.signals.filter(marker("didFinishEvents")).select(*KEY, _fin="timestamp")
        handed_back = gone.join(finished, on=KEY, nulls_equal=True).filter(
            pl.col("_fin") <= pl.col("at")
        )
        gone = gone.join(handed_back.select(KEY).unique(), on=KEY, how="anti", nulls_equal=True)
        lost = (pl.col("final_state") == "unknown") | (pl.col("cancel_reason") == "app_or_unknown")
        tasks = ctx.tasks.filter(lost).select(
            "evidence",
            bundle="bundle_id",
            sid="session_identifier",
            _start=pl.coalesce("resumed_at", "first_seen"),
            _got="delivered_at",
        )
        in_flight = gone.join(tasks, on=["bundle", "sid"], nulls_equal=True).filter(
            (pl.col("_start") < pl.col("at"))
            & (pl.col("_got").is_null() | (pl.col("_got") >= pl.col("at")))
        )
        per_session = in_flight.group_by(*KEY, "at", "tz_known").agg(
            tasks=pl.len(),
            _ev=pl.col("_ev").first(),
            _tasks_ev=pl.col("evidence")
            .list.explode(keep_nulls=False, empty_as_null=False)
            .sort()
            .head(20),
        )
        return per_session.select(
            "at",
            "tz_known",
            bundle_id="bundle",
            pid="run_pid",
            session_identifier="sid",
            evidence=pl.concat_list("_ev", "_tasks_ev"),
            message=say(
                "{} (pid {}) invalidated session {} at {} with {} task(s) in flight; they were cancelled or lost",
                app_name("bundle"),
                pl.col("run_pid"),
                pl.col("sid").fill_null("<unknown>"),
                clock("at"),
                pl.col("tasks"),
            ),
        )


RULE = SessionInvalidatedWithTasksInFlight()
