"""TV502 excessive_retries."""
# ruff: noqa: E501  (the doc quotes log lines verbatim)

from __future__ import annotations

import polars as pl

from traceview.lifecycle.expressions import evidence, marker
from traceview.model import Severity
from traceview.rules.base import Context, Rule, app_name, clock, say

# The marker grammar keeps `desc` unquoted in `detail` ("desc=photo 12.jpg old=..."): the value
# runs up to the next ` key=` or the end.
_DESC = r"desc=(.+?)(?:\s+[A-Za-z_]+=|$)"


class ExcessiveRetries(Rule):
    """
    ## What it does
    Flags an app re-creating tasks for the same item more than `max_retries` (3) times: more than
    3 `task.create` markers with one `desc` (taskDescription) in one session, or a `task.retry`
    marker with `attempt` above 3. Needs the app's markers.

    ## Why it matters
    Background sessions already retry request timeouts and wait for connectivity; app-level
    retries on top of that, created in the background, each pay the rate-limiter delay, and
    uncapped retries of permanent errors run forever.

    ## Example
    ```log
    TVMARK v1 task.create id=com.example.upload tid=7 kind=upload desc="photo 12.jpg"
    TVMARK v1 task.create id=com.example.upload tid=9 kind=upload desc="photo 12.jpg"
    TVMARK v1 task.create id=com.example.upload tid=11 kind=upload desc="photo 12.jpg"
    TVMARK v1 task.create id=com.example.upload tid=13 kind=upload desc="photo 12.jpg"
    ```

    ## What to do
    Retry from `didCompleteWithError` only for retryable outcomes (transport errors the session gave
    up on, HTTP 5xx/429), with a cap and backoff, preferably when the app is next in the foreground.

    ## Known false positives
    Apps reusing one `taskDescription` for different items. Silent without markers.

    ## References
    urlsession_rules.md §5.4 [A-TIMEOUT] [A-DIDCOMPLETE] [DTS Q-RRL] [DTS Q-114119] [GH-STREAMY2028] [GH-AF1920]
    """

    name = "excessive_retries"
    code = "TV502"
    severity = Severity.WARNING
    title = "too many re-creations of tasks for the same item"
    advice = "Cap retries with backoff, retry only retryable outcomes, and let the session retry timeouts."

    def check(self, ctx: Context) -> pl.LazyFrame:
        limit = ctx.config.max_retries
        made = ctx.signals.filter(marker("task.create")).with_columns(
            _desc=pl.col("detail").str.extract(_DESC, 1).str.strip_chars('"')
        )
        per_item = (
            made.filter(pl.col("_desc").is_not_null())
            .sort("timestamp")
            .group_by("bundle", "sid", "_desc")
            .agg(
                n=pl.len(),
                at=pl.col("timestamp").last(),
                pid=pl.col("run_pid").last(),
                tz_known=pl.col("tz_known").first(),
                evidence=evidence().sort().head(20),
            )
        )
        created = per_item.filter(pl.col("n") > limit).select(
            "at",
            "tz_known",
            "evidence",
            "pid",
            bundle_id="bundle",
            session_identifier="sid",
            message=say(
                "{} created {} tasks for {} in session {} (the last at {})",
                app_name("bundle"),
                pl.col("n"),
                pl.col("_desc"),
                pl.col("sid").fill_null("<unknown>"),
                clock("at"),
            ),
        )
        return pl.concat([created, self._attempts(ctx, limit)], how="diagonal_relaxed")

    def _attempts(self, ctx: Context, limit: int) -> pl.LazyFrame:
        attempt = pl.col("detail").str.extract(r"attempt=(\d+)", 1).cast(pl.Int64, strict=False)
        retries = ctx.signals.filter(marker("task.retry")).with_columns(_attempt=attempt)
        over = retries.filter(pl.col("_attempt") > limit).sort("timestamp")
        return over.unique(subset=["bundle", "sid", "task_number"], keep="last").select(
            "tz_known",
            "task_number",
            at="timestamp",
            pid="run_pid",
            bundle_id="bundle",
            session_identifier="sid",
            evidence=pl.concat_list(evidence()),
            message=say(
                "{} retried task {} of session {} for the {}th time at {}",
                app_name("bundle"),
                pl.col("task_number"),
                pl.col("sid").fill_null("<unknown>"),
                pl.col("_attempt"),
                clock("timestamp"),
            ),
        )


RULE = ExcessiveRetries()
