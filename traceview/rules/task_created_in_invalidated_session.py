"""TV202 task_created_in_invalidated_session."""
# ruff: noqa: E501  (the doc quotes log lines verbatim)

from __future__ import annotations

import polars as pl

from traceview.lifecycle.expressions import evidence, kind_is, marker
from traceview.model import Severity
from traceview.rules.base import Context, Rule, app_name, clock, say, signal_subject
from traceview.signals.kinds import SignalKind as K

KEY = ["bundle", "run_pid", "sid"]


class TaskCreatedInInvalidatedSession(Rule):
    """
    ## What it does
    Flags the exception `Task created in a session that has been invalidated`, and a
    `session.invalidate` marker followed within `recreate_window_s` (5 s) by `session.create` of
    the same identifier in the same process (the invalidate-then-recreate pattern behind it).

    ## Why it matters
    After invalidation a session object cannot be reused; recreating the identifier too soon
    returns the same, already invalidated object, and the next task creation crashes the app.

    ## Example
    ```log
    TVMARK v1 session.invalidate id=com.example.upload
    TVMARK v1 session.create id=com.example.upload
    ```
    one second apart, then the app's exception `Task created in a session that has been invalidated`.

    ## What to do
    Do not invalidate the long-lived background session in normal operation; if you must, wait
    for `urlSession(_:didBecomeInvalidWithError:)` before creating the identifier again.

    ## Known false positives
    An app that waits for `didBecomeInvalidWithError` but logs its markers in a burst.

    ## References
    urlsession_rules.md §5.2 [A-INVAL] [GH-TIERCEL156] [GH-EKO31] [GH-SPT172] [GH-MACIOS24878] [B-WULF]
    """

    name = "task_created_in_invalidated_session"
    code = "TV202"
    severity = Severity.CRITICAL
    title = "task on an invalidated session (crash), invalidate-then-recreate"
    advice = "Wait for didBecomeInvalidWithError before recreating an identifier; keep one long-lived session."

    def check(self, ctx: Context) -> pl.LazyFrame:
        thrown = signal_subject(ctx.signals.filter(kind_is(K.INVALIDATED_SESSION_EXCEPTION)))
        thrown = thrown.with_columns(
            message=say(
                "{} (pid {}) created a task in an invalidated session at {}",
                app_name(),
                pl.col("pid"),
                clock("at"),
            )
        )
        return pl.concat([thrown, self._recreated(ctx)], how="diagonal_relaxed")

    def _recreated(self, ctx: Context) -> pl.LazyFrame:
        window = pl.duration(seconds=ctx.config.recreate_window_s)
        invalid = ctx.signals.filter(marker("session.invalidate")).select(
            *KEY, "tz_known", _gone="timestamp", _ev1=evidence()
        )
        made = ctx.signals.filter(marker("session.create")).select(
            *KEY, at="timestamp", _ev2=evidence()
        )
        soon = invalid.join(made, on=KEY, nulls_equal=True).filter(
            (pl.col("at") >= pl.col("_gone")) & (pl.col("at") <= pl.col("_gone") + window)
        )
        return soon.unique(subset=KEY, keep="first").select(
            "at",
            "tz_known",
            bundle_id="bundle",
            pid="run_pid",
            session_identifier="sid",
            evidence=pl.concat_list("_ev1", "_ev2"),
            message=say(
                "{} (pid {}) invalidated session {} at {} and created it again at {}",
                app_name("bundle"),
                pl.col("run_pid"),
                pl.col("sid").fill_null("<unknown>"),
                clock("_gone"),
                clock("at"),
            ),
        )


RULE = TaskCreatedInInvalidatedSession()
