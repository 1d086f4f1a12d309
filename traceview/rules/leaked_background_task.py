"""TV403 leaked_background_task."""
# ruff: noqa: E501  (the doc quotes log lines verbatim)

from __future__ import annotations

import polars as pl

from traceview.lifecycle.expressions import kind_is
from traceview.model import Severity
from traceview.rules.base import (
    Context,
    Rule,
    app_name,
    clock,
    exit_rows,
    first_per,
    say,
    signal_subject,
    text_has,
)
from traceview.signals.kinds import SignalKind as K

_BACKGROUND_TASK_TIMEOUT = 0x2182BAD2


class LeakedBackgroundTask(Rule):
    """
    ## What it does
    Flags UIKit background tasks (`beginBackgroundTask`) kept too long: UIKit's
    `[BackgroundTask] … was created over 30 seconds ago` warning, and processes killed with
    `0x2182bad2` (a `Shared Background Assertion` outlived its budget).

    ## Why it matters
    A leaked background task gets the app terminated in the background; a terminated app loses
    in-memory state around its background transfers and must be relaunched to receive events.

    ## Example
    ```log
    2021-04-06 18:22:37.504670+0200 deltachat-ios[5801:4433962] [BackgroundTask] Background Task 1 ("Called by deltachat-ios, from $s13deltachat_ios11AppDelegateC19installEventHandleryyFyycfU_"), was created over 30 seconds ago. In applications running in the background, this creates a risk of termination. Remember to call UIApplication.endBackgroundTask(_:) for your task in a timely manner to avoid this.
    ```

    ## What to do
    Call `UIApplication.endBackgroundTask(_:)` for every task, also from its expiration handler.

    ## Known false positives
    A task ended shortly after the warning (still worth fixing, but it did not cause a kill).

    ## References
    urlsession_rules.md §4; real_lines.md §5.2, §11.5; log_formats.md §12 (0x2182bad2)
    """

    name = "leaked_background_task"
    code = "TV403"
    severity = Severity.WARNING
    title = "UIKit background task kept over 30 s, or killed for it (0x2182bad2)"
    advice = "End every UIKit background task with endBackgroundTask(_:), including in its expiration handler."

    def check(self, ctx: Context) -> pl.LazyFrame:
        overdue = signal_subject(ctx.signals.filter(kind_is(K.UI_BG_TASK_OVERDUE)))
        overdue = first_per(
            overdue.with_columns(
                message=say(
                    "{} (pid {}) kept background task {} ({}) for over 30 s (warned at {})",
                    app_name(),
                    pl.col("pid"),
                    pl.col("bg_task_id"),
                    pl.col("name").fill_null("unnamed"),
                    clock("at"),
                )
            ),
            ["bundle_id", "pid", "bg_task_id"],
        )
        timed_out = (pl.col("exit_code") == _BACKGROUND_TASK_TIMEOUT) | text_has(
            "detail", "0x2182bad2"
        )
        killed = signal_subject(exit_rows(ctx).filter(timed_out)).with_columns(
            severity=pl.lit("error"),
            message=say(
                "{} (pid {}) was killed at {} for a background task that outlived its time (0x2182bad2)",
                app_name(),
                pl.col("pid"),
                clock("at"),
            ),
        )
        return pl.concat([overdue, first_per(killed, ["bundle_id", "pid"])], how="diagonal_relaxed")


RULE = LeakedBackgroundTask()
