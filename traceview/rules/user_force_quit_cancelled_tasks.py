"""TV302 user_force_quit_cancelled_tasks."""
# ruff: noqa: E501  (the doc quotes log lines verbatim)

from __future__ import annotations

import polars as pl

from traceview.model import Severity
from traceview.rules.base import Context, Rule, cancelled_tasks


class UserForceQuitCancelledTasks(Rule):
    """
    ## What it does
    Flags tasks that ended with `-999` and `NSURLErrorBackgroundTaskCancelledReasonKey=0`:
    the system cancelled them because the user force-quit the app from the app switcher.

    ## Why it matters
    After a force quit the system cancels every background transfer of the app and does not
    relaunch it; nothing reaches the app until the user opens it, and the uploads are not done.

    ## Example
    ```log
    Task <AD3AD8D1-EC64-4E2E-95C8-FBA0A12585A2>.<7> load failed with error Error Domain=NSURLErrorDomain Code=-999 "(null)" UserInfo={NSURLErrorBackgroundTaskCancelledReasonKey=0,
    ```

    ## What to do
    Report these tasks as cancelled by a force quit, not as network failures; re-enqueue them on
    the next launch (downloads: use resume data) and tell users that force-quitting stops uploads.

    ## Known false positives
    None known: the reason key says who cancelled. (Never test relaunch with force quit.)

    ## References
    urlsession_rules.md §5.3 [A-BGCFG] [A-REASON] [F-740564] [GH-TUS200] [GH-AWS1224] [GH-HTT10] [DTS Q-TEST]
    """

    name = "user_force_quit_cancelled_tasks"
    code = "TV302"
    severity = Severity.WARNING
    title = "-999 with reason 0 after the user force-quit the app"
    advice = "Re-enqueue force-quit cancellations on the next launch and report them as such, not as failures."

    def check(self, ctx: Context) -> pl.LazyFrame:
        return cancelled_tasks(
            ctx, "user_force_quit", "because the user force-quit the app (-999, reason 0)"
        )


RULE = UserForceQuitCancelledTasks()
