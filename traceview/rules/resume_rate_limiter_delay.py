"""TV501 resume_rate_limiter_delay."""

from __future__ import annotations

import polars as pl

from traceview.lifecycle.expressions import evidence, kind_is
from traceview.model import Severity
from traceview.rules.base import Context, Rule, app_name, clock, say
from traceview.signals.kinds import SignalKind as K


class ResumeRateLimiterDelay(Rule):
    """
    ## What it does
    Flags apps whose resume rate-limiter delay in nsurlsessiond grew to `rate_limiter_delay_s`
    (120 s, i.e. it doubled at least once): `Set request delay for <bundle> to 60.000000` →
    `120.000000` → … across consecutive background wakes.

    ## Why it matters
    The limiter "doubles that delay every time it resumes (or relaunches) your app", and a task
    created in the background does not start until the delay expires: a one-task-per-wake chain
    of uploads slows down exponentially.

    ## Example
    ```log
    Set request delay for com.example.uploads to 60.000000
    Set request delay for com.example.uploads to 120.000000
    ```
    (built from the nsurlsessiond template `Set request delay for <bundle> to 60.000000`).

    ## What to do
    Enqueue the whole group of uploads at once while in the foreground; use one session and
    fewer, larger transfers; do not create the next task from each completion wake.

    ## Known false positives
    An app with many legitimately separate wakes (e.g. periodic downloads) shows the same growth.

    ## References
    urlsession_rules.md §5.4 [DTS Q-RRL] [F-128813] [A-BGDL] [GH-TIERCEL128] [GH-HF61] [DTS Q-FEWER]
    """

    name = "resume_rate_limiter_delay"
    code = "TV501"
    severity = Severity.WARNING
    title = "the per-app rate-limiter delay doubled across background wakes"
    advice = "Create all tasks at once in the foreground; avoid one-task-per-wake chains."

    def check(self, ctx: Context) -> pl.LazyFrame:
        limit = ctx.config.rate_limiter_delay_s
        delays = ctx.signals.filter(
            kind_is(K.REQUEST_DELAY_SET) & pl.col("delay_seconds").is_not_null()
        )
        per_app = (
            delays.sort("timestamp")
            .group_by("bundle")
            .agg(
                at=pl.col("timestamp").filter(pl.col("delay_seconds") >= limit).first(),
                first_at=pl.col("timestamp").first(),
                top=pl.col("delay_seconds").max(),
                steps=pl.col("delay_seconds").cast(pl.Int64).cast(pl.String).head(8),
                tz_known=pl.col("tz_known").first(),
                evidence=evidence().sort().head(20),
            )
        )
        return per_app.filter(pl.col("top") >= limit).select(
            "at",
            "tz_known",
            "evidence",
            bundle_id="bundle",
            message=say(
                "nsurlsessiond raised the request delay for {} to {} s ({} s) from {} to {}",
                app_name("bundle"),
                pl.col("top").cast(pl.Int64),
                pl.col("steps").list.join(" → "),
                clock("first_at"),
                clock("at"),
            ),
        )


RULE = ResumeRateLimiterDelay()
