"""TV306 task_final_state_unknown."""
# ruff: noqa: E501  (the doc quotes log lines verbatim)

from __future__ import annotations

import polars as pl

from traceview.model import Severity
from traceview.rules.base import Context, Rule, app_name, clock, say, task_name, task_subject

_EXPLAINED = {
    "completed_not_delivered": "nsurlsessiond completed it but the app never received the outcome",
    "in_flight_at_end_of_log": "it was still in flight in nsurlsessiond when the log ends",
    "never_resumed": "it was created and never resumed",
    "no_terminal_event": "no line says how it ended",
}


class TaskFinalStateUnknown(Rule):
    """
    ## What it does
    Flags tasks with no delivered outcome at the end of the log, with the sub-case
    (`unknown_reason`): completed in the daemon but not delivered, or only the app's side seen
    (no terminal event: the app lost track) are warnings; still in flight or never resumed, info.

    ## Why it matters
    The app cannot know what happened to these uploads; `completed_not_delivered` usually means
    the app was not relaunched or did not recreate its session (or was force-quit).

    ## Example
    ```log
    default	16:53:26.616090 +0200	nsurlsessiond	Task <30768301-CCBD-47EA-90CD-FBD5AC72F6C4>.<1605> will begin
    ```
    as the task's last line, with no `completed with error` or `client acknowledged completion`.

    ## What to do
    Persist a task registry and reconcile it with `getAllTasks` on every launch: tasks in the
    registry, absent from `getAllTasks` and without a completion were lost and need re-enqueueing.

    ## Known false positives
    A log that simply ends while a long transfer is legitimately running (`in_flight_at_end_of_log`).

    ## References
    urlsession_rules.md §5.5 [A-GETTASKS] [DTS Q-11554] [GH-FD356] [F-740564]; docs/semantics.md
    """

    name = "task_final_state_unknown"
    code = "TV306"
    severity = Severity.INFO
    title = "no delivered outcome for a task at the end of the log"
    advice = "Reconcile a persisted task registry with getAllTasks on every launch."

    def check(self, ctx: Context) -> pl.LazyFrame:
        unknown = ctx.tasks.filter(pl.col("final_state") == "unknown")
        message = say(
            "{} of {}: final state unknown, {} (last seen {})",
            task_name(),
            app_name(),
            pl.col("unknown_reason").replace_strict(_EXPLAINED, default="unknown"),
            clock("last_seen"),
        )
        lost = pl.col("unknown_reason").is_in(["completed_not_delivered", "no_terminal_event"])
        warn = pl.when(lost).then(pl.lit("warning"))
        return task_subject(unknown, "last_seen", message, severity=warn)


RULE = TaskFinalStateUnknown()
