"""TV301 task_never_resumed."""
# ruff: noqa: E501  (the doc quotes log lines verbatim)

from __future__ import annotations

import polars as pl

from traceview.model import Severity
from traceview.rules.base import Context, Rule, app_name, clock, say, task_name, task_subject


class TaskNeverResumed(Rule):
    """
    ## What it does
    Flags tasks that were created (`uploadTaskWithRequest: … fromFile: …`, or a `task.create`
    marker) with no resume, enqueue, progress or completion line after it (unknown_reason
    `never_resumed`).

    ## Why it matters
    A new task starts suspended; a suspended task gets "no further processing … until the task
    is resumed" and is not subject to timeouts, so it never completes on its own.

    ## Example
    ```log
    Task <B22D34D2-4EEB-475E-B233-AC2F67086EC4>.<489> uploadTaskWithRequest: <private> fromFile: <private>
    ```
    and no `Task <B22D34D2-…>.<489> enqueueing` / `resumeTaskWithIdentifier` / `resuming` after it.

    ## What to do
    Call `resume()` right after creating the task.

    ## Known false positives
    A log that ends within `never_resumed_grace_s` (10 s) of the creation is not judged.

    ## References
    urlsession_rules.md §5.2 [A-TASKSTATE]; docs/semantics.md (never_resumed)
    """

    name = "task_never_resumed"
    code = "TV301"
    severity = Severity.ERROR
    title = "task created, resume() never called"
    advice = "Call resume() right after creating each task."

    def check(self, ctx: Context) -> pl.LazyFrame:
        idle = ctx.tasks.filter(
            (pl.col("unknown_reason") == "never_resumed")
            & ctx.before_end("created_at", ctx.config.never_resumed_grace_s)
        )
        message = say(
            "{} of {} was created at {} and never resumed",
            task_name(),
            app_name(),
            clock("created_at"),
        )
        return task_subject(idle, "created_at", message)


RULE = TaskNeverResumed()
