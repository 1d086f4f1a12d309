"""TV201 duplicate_session_identifier."""
# ruff: noqa: E501  (the doc quotes log lines verbatim)

from __future__ import annotations

import polars as pl

from traceview.lifecycle.expressions import evidence, kind_is, marker
from traceview.model import Severity
from traceview.rules.base import (
    Context,
    Rule,
    app_name,
    clock,
    first_per,
    say,
    signal_subject,
    without,
)
from traceview.signals.kinds import SignalKind as K

KEY = ["bundle", "run_pid", "sid"]


class DuplicateSessionIdentifier(Rule):
    """
    ## What it does
    Flags one process creating two background sessions with the same identifier: the app warning
    `A background URLSession with identifier … already exists!`, or two `background session
    setup` lines / `session.create` markers for one identifier in one pid with no invalidation
    between them.

    ## Why it matters
    "The behavior of multiple sessions sharing the same identifier is undefined": callbacks go to
    the first instance's delegate and the new one never hears of its tasks.

    ## Example
    ```log
    default	04:57:06.750758+0100	RunnerStage	BackgroundSession <585CDBB1-9CD2-4150-AFCF-109678004019> background session setup will wait for reply: session <__NSURLBackgroundSession: 0x10a96d750> with identifier com.bbflight.background_downloader.Downloader
    ```
    twice in one process (a second `__NSURLBackgroundSession` object for the same identifier).

    ## What to do
    Keep exactly one long-lived session object (a singleton) per identifier; do not create a
    session per request or per upload batch.

    ## Known false positives
    A session invalidated and recreated on purpose when the app's markers do not show the
    invalidation.

    ## References
    urlsession_rules.md §5.2 [A-ULSPG] [GH-AFN3573] [GH-EKO88] [GH-TUS190] [GH-THUNDER45] [GH-BOOKPLAYER986]
    """

    name = "duplicate_session_identifier"
    code = "TV201"
    severity = Severity.ERROR
    title = "same identifier created twice in one process"
    advice = (
        "Create exactly one session object per identifier and keep it for the process lifetime."
    )

    def check(self, ctx: Context) -> pl.LazyFrame:
        warned = signal_subject(ctx.signals.filter(kind_is(K.DUPLICATE_SESSION_WARNING)))
        warned = warned.with_columns(
            message=say(
                "{} (pid {}) created a second background session with identifier {} at {}",
                app_name(),
                pl.col("pid"),
                pl.col("session_identifier").fill_null("<unknown>"),
                clock("at"),
            )
        )
        twice = without(
            self._created_twice(ctx), warned, ["bundle_id", "pid", "session_identifier"]
        )
        return pl.concat(
            [first_per(warned, ["bundle_id", "pid", "session_identifier"]), twice],
            how="diagonal_relaxed",
        )

    def _created_twice(self, ctx: Context) -> pl.LazyFrame:
        app_made = ctx.signals.filter(
            (kind_is(K.BG_SESSION_SETUP) | marker("session.create"))
            & pl.col("run_pid").is_not_null()
        )
        invalidated = ctx.signals.filter(marker("session.invalidate")).select(KEY).unique()
        counted = (
            app_made.join(invalidated, on=KEY, how="anti", nulls_equal=True)
            .group_by(*KEY, "kind", "tz_known")
            .agg(
                n=pl.len(),
                at=pl.col("timestamp").sort().slice(1, 1).first(),
                evidence=evidence().head(10),
            )
            .filter(pl.col("n") >= 2)
        )
        return first_per(
            counted.select(
                "at",
                "tz_known",
                "evidence",
                bundle_id="bundle",
                pid="run_pid",
                session_identifier="sid",
                message=say(
                    "{} (pid {}) created background session {} {} times; the second at {}",
                    app_name("bundle"),
                    pl.col("run_pid"),
                    pl.col("sid").fill_null("<unknown>"),
                    pl.col("n"),
                    clock("at"),
                ),
            ),
            ["bundle_id", "pid", "session_identifier"],
        )


RULE = DuplicateSessionIdentifier()
