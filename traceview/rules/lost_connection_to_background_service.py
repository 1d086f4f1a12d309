"""TV207 lost_connection_to_background_service."""
# ruff: noqa: E501  (the doc quotes log lines verbatim)

from __future__ import annotations

import polars as pl

from traceview.model import Severity
from traceview.rules.base import Context, Rule, app_name, clock, first_per, say, signal_subject

_LOST_CONNECTION = -997


class LostConnectionToBackgroundService(Rule):
    """
    ## What it does
    Flags tasks that ended with `-997` (`NSURLErrorBackgroundSessionWasDisconnected`, "Lost
    connection to background transfer service").

    ## Why it matters
    The app lost its connection to nsurlsessiond: a data task of a background session when the
    app was suspended, a streamed upload, or the daemon restarting. The transfer is gone.

    ## Example
    ```log
    //    2023-05-24 21:52:42.937529-0700 ChatGPT for Monocle[9390:1683226] Task <107143F9-1572-4564-86F0-92A731E9BF91>.<3> finished with error [-997] Error Domain=NSURLErrorDomain Code=-997 "Lost connection to background transfer service" UserInfo={NSErrorFailingURLStringKey=https://api.openai.com/v1/chat/completions, NSErrorFailingURLKey=https://api.openai.com/v1/chat/completions, _NSURLErrorRelatedURLSessionTaskErrorKey=(
    ```

    ## What to do
    Use upload/download tasks from files in background sessions (no data tasks, no streams);
    re-enqueue the transfer when the app is next in the foreground.

    ## Known false positives
    nsurlsessiond crashing or restarting on its own (rare; then every app's tasks show it).

    ## References
    urlsession_rules.md §4, §5.2 [A-DISCONN] [GH-SWIFTHTTP98] [GH-RNBU92] [GH-RNBU155]
    """

    name = "lost_connection_to_background_service"
    code = "TV207"
    severity = Severity.ERROR
    title = "task ended with -997, lost connection to nsurlsessiond"
    advice = (
        "Use file-based upload/download tasks in background sessions; re-enqueue in the foreground."
    )

    def check(self, ctx: Context) -> pl.LazyFrame:
        lost = signal_subject(ctx.signals.filter(pl.col("error_code") == _LOST_CONNECTION))
        lost = lost.with_columns(
            message=say(
                "Task <{}>.<{}> of {} lost its connection to the background transfer service (-997) at {}",
                pl.col("task_uuid").fill_null("?"),
                pl.col("task_number"),
                app_name(),
                clock("at"),
            )
        )
        return first_per(lost, ["bundle_id", "task_uuid", "task_number"])


RULE = LostConnectionToBackgroundService()
