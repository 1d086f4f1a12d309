"""TV205 upload_from_data_or_stream."""
# ruff: noqa: E501  (the doc quotes log lines verbatim)

from __future__ import annotations

import polars as pl

from traceview.lifecycle.expressions import kind_is
from traceview.model import Severity
from traceview.rules.base import Context, Rule, app_name, clock, say, signal_subject, task_name
from traceview.signals.kinds import SignalKind as K


class UploadFromDataOrStream(Rule):
    """
    ## What it does
    Flags uploads whose body is `Data` or a stream in a background session (the exception
    `Upload tasks from NSData are not supported in background sessions.`, critical) and data
    tasks in a background session (`BackgroundDataTask`, error).

    ## Why it matters
    Background sessions only upload from files; the exception crashes the app, and a data task
    dies when the app is suspended (`-997 Lost connection to background transfer service`).

    ## Example
    ```log
    //    2023-05-24 21:52:42.937529-0700 ChatGPT for Monocle[9390:1683226] Task <107143F9-1572-4564-86F0-92A731E9BF91>.<3> finished with error [-997] Error Domain=NSURLErrorDomain Code=-997 "Lost connection to background transfer service" UserInfo={NSErrorFailingURLStringKey=https://api.openai.com/v1/chat/completions, NSErrorFailingURLKey=https://api.openai.com/v1/chat/completions, _NSURLErrorRelatedURLSessionTaskErrorKey=(
    //        "BackgroundDataTask <107143F9-1572-4564-86F0-92A731E9BF91>.<3>",
    ```

    ## What to do
    Write the body (with any multipart framing) to a file and use `uploadTask(with:fromFile:)`;
    keep the file until `didCompleteWithError` says no retry is needed.

    ## Known false positives
    A data task an app runs on purpose in a background session while it stays in the foreground.

    ## References
    urlsession_rules.md §5.2 [DTS Q-KRUMELUR] [A-TASK] [B-LIVEFRONT] [GH-AF2038] [GH-SWIFTHTTP118] [A-DISCONN]
    """

    name = "upload_from_data_or_stream"
    code = "TV205"
    severity = Severity.CRITICAL
    title = "upload body from Data/stream, or a data task, in a background session"
    advice = "Write the upload body to a file and use uploadTask(with:fromFile:)."

    def check(self, ctx: Context) -> pl.LazyFrame:
        thrown = signal_subject(ctx.signals.filter(kind_is(K.UPLOAD_FROM_DATA_EXCEPTION)))
        thrown = thrown.with_columns(
            message=say(
                "{} (pid {}) created an upload from NSData in a background session at {}",
                app_name(),
                pl.col("pid"),
                clock("at"),
            )
        )
        data = ctx.tasks.filter(pl.col("kind") == "data").select(
            "bundle_id",
            "session_identifier",
            "task_uuid",
            "task_number",
            "evidence",
            "tz_known",
            at="first_seen",
            pid=pl.coalesce("created_pid", "delivered_pid"),
            severity=pl.lit("error"),
            message=say(
                "{} is a data task in background session {} of {} (first seen {})",
                task_name(),
                pl.col("session_identifier").fill_null("<unknown>"),
                app_name(),
                clock("first_seen"),
            ),
        )
        return pl.concat([thrown, data], how="diagonal_relaxed")


RULE = UploadFromDataOrStream()
