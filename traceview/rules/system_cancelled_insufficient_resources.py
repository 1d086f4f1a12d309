"""TV304 system_cancelled_insufficient_resources."""
# ruff: noqa: E501  (the doc quotes log lines verbatim)

from __future__ import annotations

import polars as pl

from traceview.model import Severity
from traceview.rules.base import Context, Rule, cancelled_tasks


class SystemCancelledInsufficientResources(Rule):
    """
    ## What it does
    Flags tasks that ended with `-999` and `NSURLErrorBackgroundTaskCancelledReasonKey=2`:
    the system cancelled them for lack of resources.

    ## Why it matters
    The cause includes "battery capacity, thermal condition, network connectivity, and cellular
    data plan"; the transfer did not happen.

    ## Example
    ```log
    Task <AD3AD8D1-EC64-4E2E-95C8-FBA0A12585A2>.<7> load failed with error Error Domain=NSURLErrorDomain Code=-999 "(null)" UserInfo={NSURLErrorBackgroundTaskCancelledReasonKey=2,
    ```

    ## What to do
    Retry later (ideally when the app is next in the foreground), prefer fewer larger transfers,
    set `countOfBytesClientExpectsToSend`.

    ## Known false positives
    None known: the reason key says who cancelled.

    ## References
    urlsession_rules.md §5.3 [A-REASON-2] [A-CBES] [DTS Q-FEWER]
    """

    name = "system_cancelled_insufficient_resources"
    code = "TV304"
    severity = Severity.WARNING
    title = "-999 with reason 2: insufficient system resources"
    advice = "Retry later, preferably in the foreground; set countOfBytesClientExpectsToSend."

    def check(self, ctx: Context) -> pl.LazyFrame:
        return cancelled_tasks(
            ctx,
            "insufficient_system_resources",
            "for insufficient system resources (-999, reason 2)",
        )


RULE = SystemCancelledInsufficientResources()
