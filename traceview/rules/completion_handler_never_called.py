"""TV101 completion_handler_never_called."""
# ruff: noqa: E501  (the doc quotes log lines verbatim)

from __future__ import annotations

import polars as pl

from traceview.lifecycle.expressions import (
    HANDLESESSION,
    decoded_end_reason,
    is_wake_assertion,
    kind_is,
)
from traceview.model import Severity
from traceview.rules.base import (
    Context,
    Rule,
    app_name,
    clock,
    exit_rows,
    first_per,
    say,
    signal_subject,
    text_has,
    without,
)
from traceview.rules.relaunch import unanswered_wakes, with_process_end
from traceview.signals.kinds import SignalKind as K

_URLSESSION_TIMEOUT = 0x2182BAD3
_OTHER_TIMEOUTS = (0x2182BAD2, 0x2182BAD4, 0x2182BAAD)  # background task, fetch, other


class CompletionHandlerNeverCalled(Rule):
    """
    ## What it does
    Flags background wakes whose `handleEventsForBackgroundURLSession` completion handler was
    never called: an app marker `handleEvents` with no later `handleEvents.completion.called` for
    that identifier in that process, UIKit's warning, or a background-URLSession relaunch killed
    for holding its `com.apple.nsurlsessiond.handlesession` assertion too long (`0x2182bad3`).

    ## Why it matters
    The system keeps the app running until the handler is called; when it never is, the app is
    killed for exceeding its background time and the next wakes come later (rate limiter).

    ## Example
    ```log
    18:14:31 assertiond [BackgroundDemo:12648] Add assertion: <BKProcessAssertion: 0x1046029b0; id: 94-679EF71C-A8E3-42E4-B679-DE0D01BDBB0F; name: "com.apple.nsurlsessiond.handlesession com.mycompany.backgrounddemo.background1" ; state: active; reason: backgroundDownload; duration: 30.0s>
    18:15:12 assertiond [BackgroundDemo:12648] Forcing crash report with description: BackgroundDemo:12648 has active assertions beyond permitted time
    ```
    With markers: `TVMARK v1 handleEvents id=com.example.upload` and no
    `TVMARK v1 handleEvents.completion.called id=com.example.upload` after it.

    ## What to do
    Store the handler keyed by identifier and call it exactly once, on the main queue, from
    `urlSessionDidFinishEvents(forBackgroundURLSession:)` after your own processing.

    ## Known false positives
    None while the process is alive: a log that ends within `handler_grace_s` (30 s) of the wake
    is only judged when the process died (exit, or nsurlsessiond's `Lost connection to app`).

    ## References
    urlsession_rules.md §5.1 [A-HANDLE] [A-FINISH] [DTS Q-EXT] [GH-AF804] [GH-EXPO8599]
    [GH-AFN2076]; log_formats.md §12 (0x2182bad3).
    """

    name = "completion_handler_never_called"
    code = "TV101"
    severity = Severity.ERROR
    title = "handleEvents received, its completion handler never called"
    advice = "Call the stored completion handler once, on the main queue, from urlSessionDidFinishEvents."

    def check(self, ctx: Context) -> pl.LazyFrame:
        open_wakes = unanswered_wakes(ctx)
        settled = ctx.before_end("at", ctx.config.handler_grace_s) | pl.col("_gone")
        uncalled = (
            with_process_end(ctx, open_wakes)
            .filter(settled)
            .select(
                "at",
                "tz_known",
                "evidence",
                bundle_id="bundle",
                session_identifier="sid",
                pid="run_pid",
                message=say(
                    "{} (pid {}) received handleEvents for {} at {} and never called its completion handler",
                    app_name("bundle"),
                    pl.col("run_pid"),
                    pl.col("sid").fill_null("<unknown>"),
                    clock("at"),
                ),
            )
        )
        others = without(
            pl.concat([self._killed(ctx), self._warned(ctx)], how="diagonal_relaxed"),
            uncalled,
            ["bundle_id", "pid"],
        )
        return pl.concat(
            [uncalled, first_per(others, ["bundle_id", "pid"])], how="diagonal_relaxed"
        )

    def _warned(self, ctx: Context) -> pl.LazyFrame:
        lines = signal_subject(ctx.signals.filter(kind_is(K.HANDLER_NEVER_CALLED_WARNING)))
        return lines.with_columns(
            message=say(
                "UIKit warned at {} that {} (pid {}) never called the handleEvents completion handler",
                clock("at"),
                app_name(),
                pl.col("pid"),
            ),
        )

    def _killed(self, ctx: Context) -> pl.LazyFrame:
        """Assertion-timeout kills of relaunches: named 0x2182bad3 / handlesession, or (iOS 12
        assertiond) a kill of a run that held the handlesession wake assertion."""
        named = (
            (pl.col("exit_code") == _URLSESSION_TIMEOUT).fill_null(False)
            | text_has("detail", "0x2182bad3")
            | text_has("detail", HANDLESESSION)
            | text_has("assertion_name", HANDLESESSION)
        )
        other = pl.col("exit_code").is_in(_OTHER_TIMEOUTS).fill_null(False)
        other = other | text_has("detail", "0x2182bad2")
        held = ctx.signals.filter(is_wake_assertion()).select("bundle", "run_pid").unique()
        timeouts = exit_rows(ctx).filter(decoded_end_reason() == "assertion_timeout")
        timeouts = timeouts.join(
            held.with_columns(_held=pl.lit(True)), on=["bundle", "run_pid"], how="left"
        )
        kills = signal_subject(timeouts.filter(named | (pl.col("_held").fill_null(False) & ~other)))
        relaunches = ctx.processes.filter(pl.col("launch_reason") == "background_urlsession")
        killed = kills.join(relaunches.select("bundle_id", "pid"), on=["bundle_id", "pid"])
        return killed.with_columns(
            message=say(
                "{} (pid {}), relaunched for URLSession events, was killed at {} for not "
                "calling the completion handler in time",
                app_name(),
                pl.col("pid"),
                clock("at"),
            ),
        )


RULE = CompletionHandlerNeverCalled()
