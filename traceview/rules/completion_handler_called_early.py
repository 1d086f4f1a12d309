"""TV102 completion_handler_called_early."""
# ruff: noqa: E501  (the doc quotes log lines verbatim)

from __future__ import annotations

import polars as pl

from traceview.lifecycle.expressions import marker
from traceview.model import Severity
from traceview.rules.base import Context, Rule, app_name, clock, say


class CompletionHandlerCalledEarly(Rule):
    """
    ## What it does
    Flags a `handleEventsForBackgroundURLSession` completion handler called before the session
    delivered its events: before `urlSessionDidFinishEvents` of that wake, or with task
    completions still arriving after it in the same process. Needs the app's markers.

    ## Why it matters
    Calling the handler tells the system the app is done; it may suspend the app before the
    remaining delegate events arrive, which then show up late (see `delivery_latency`).

    ## Example
    ```log
    TVMARK v1 handleEvents id=com.example.upload
    TVMARK v1 handleEvents.completion.called id=com.example.upload
    TVMARK v1 task.complete id=com.example.upload tid=7 error=none code=0 http=201
    TVMARK v1 didFinishEvents id=com.example.upload
    ```

    ## What to do
    Keep the handler and call it from `urlSessionDidFinishEvents(forBackgroundURLSession:)`,
    "now safe to invoke the previously stored completion handler".

    ## Known false positives
    Apps that log `didFinishEvents` only after their own processing of it (marker placement).
    Silent without markers.

    ## References
    urlsession_rules.md §5.1 [A-FINISH] [GH-FD8] [F-101863]
    """

    name = "completion_handler_called_early"
    code = "TV102"
    severity = Severity.WARNING
    title = "completion handler called before the session delivered its events"
    advice = "Call the completion handler from urlSessionDidFinishEvents, not from handleEvents or getTasks."

    def check(self, ctx: Context) -> pl.LazyFrame:
        key = ["run_pid", "sid"]
        completes = ctx.signals.filter(marker("task.complete")).select(*key, _done="timestamp")
        wakes = ctx.wakes.filter((pl.col("source") == "marker") & pl.col("called_at").is_not_null())
        late = (
            wakes.join(completes, on=key, how="left")
            .group_by("bundle", *key, "at", "next_at", "called_at", "finished_at", "tz_known")
            .agg(
                pl.col("evidence").first(),
                completions_after=(
                    (pl.col("_done") > pl.col("called_at"))
                    & (pl.col("next_at").is_null() | (pl.col("_done") < pl.col("next_at")))
                ).sum(),
            )
        )
        early = (pl.col("finished_at") > pl.col("called_at")).fill_null(False) | (
            pl.col("completions_after") > 0
        )
        return late.filter(early).select(
            "tz_known",
            "evidence",
            at="called_at",
            bundle_id="bundle",
            session_identifier="sid",
            pid="run_pid",
            message=say(
                "{} (pid {}) called the handleEvents completion handler for {} at {}, before its events were delivered",
                app_name("bundle"),
                pl.col("run_pid"),
                pl.col("sid").fill_null("<unknown>"),
                clock("called_at"),
            ),
        )


RULE = CompletionHandlerCalledEarly()
