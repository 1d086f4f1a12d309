"""TV305 http_error_status."""
# ruff: noqa: E501  (the doc quotes log lines verbatim)

from __future__ import annotations

import polars as pl

from traceview.model import Severity
from traceview.rules.base import Context, Rule, app_name, clock, say, task_name, task_subject


class HttpErrorStatus(Rule):
    """
    ## What it does
    Flags tasks delivered to the app with no transport error but an HTTP status >= 400 (the
    catalogue's `http_error_reported_as_success`): `didCompleteWithError` got `error == nil`.

    ## Why it matters
    Server-side errors never arrive in `error`; an app that only checks `error` marks the upload
    as done although the server rejected it (e.g. 413, 500).

    ## Example
    ```log
    default	21:07:03.939307+0000	MeetingMind	Task <10FF4858-9F5E-413B-98DC-692D754F3B42>.<1> summary for task success {transaction_duration_ms=3, response_status=200, connection=17, protocol="http/1.1", domain_lookup_duration_ms=0, connect_duration_ms=0, secure_connection_duration_ms=0, private_relay=false, request_start_ms=1, request_duration_ms=0, response_start_ms=2, response_duration_ms=0, request_bytes=217, request_throughput_kbps=34755, response_bytes=124, response_throughput_kbps=6614, cache_hit=false}
    ```
    with `response_status=413` instead of 200, or `TVMARK v1 task.complete id=com.example.upload tid=7 error=none code=0 http=413`.

    ## What to do
    Inspect `task.response` (`HTTPURLResponse.statusCode`) in `didCompleteWithError`; treat 4xx/5xx
    as failures and retry only the retryable ones (5xx, 429).

    ## Known false positives
    Apps that do check the status and handle the error correctly (the log cannot show that).

    ## References
    urlsession_rules.md §5.5 [A-DIDCOMPLETE] [DTS Q-114119]; json_report.md (final_state)
    """

    name = "http_error_status"
    code = "TV305"
    severity = Severity.ERROR
    title = "delivered without a transport error but with HTTP >= 400"
    advice = "Check the HTTP status in didCompleteWithError; error == nil does not mean the server accepted it."

    def check(self, ctx: Context) -> pl.LazyFrame:
        rejected = ctx.tasks.filter(
            pl.col("delivered").fill_null(False)
            & (pl.col("http_status") >= 400)
            & (pl.col("error_code").fill_null(0) == 0)
        )
        message = say(
            "{} of {} was delivered at {} without a transport error but with HTTP status {}",
            task_name(),
            app_name(),
            clock("delivered_at"),
            pl.col("http_status"),
        )
        return task_subject(rejected, "delivered_at", message)


RULE = HttpErrorStatus()
