"""TV303 system_cancelled_background_updates_disabled."""
# ruff: noqa: E501  (the doc quotes log lines verbatim)

from __future__ import annotations

import polars as pl

from traceview.model import Severity
from traceview.rules.base import Context, Rule, cancelled_tasks


class SystemCancelledBackgroundUpdatesDisabled(Rule):
    """
    ## What it does
    Flags tasks that ended with `-999` and `NSURLErrorBackgroundTaskCancelledReasonKey=1`:
    the system cancelled them because background tasks are disabled for the app.

    ## Why it matters
    The user (or a policy) turned off background work for the app; the transfers will not run
    in the background until it is allowed again.

    ## Example
    ```log
    Task <AD3AD8D1-EC64-4E2E-95C8-FBA0A12585A2>.<7> load failed with error Error Domain=NSURLErrorDomain Code=-999 "(null)" UserInfo={NSURLErrorBackgroundTaskCancelledReasonKey=1,
    ```

    ## What to do
    Re-enqueue while the app is in the foreground and explain to the user why uploads waited.

    ## Known false positives
    None known: the reason key says who cancelled.

    ## References
    urlsession_rules.md §5.3 [A-REASON] [B-VASARHELYI]
    """

    name = "system_cancelled_background_updates_disabled"
    code = "TV303"
    severity = Severity.WARNING
    title = "-999 with reason 1: background updates disabled"
    advice = "Re-enqueue in the foreground and tell the user background updates are off."

    def check(self, ctx: Context) -> pl.LazyFrame:
        return cancelled_tasks(
            ctx,
            "background_updates_disabled",
            "because background updates are disabled (-999, reason 1)",
        )


RULE = SystemCancelledBackgroundUpdatesDisabled()
