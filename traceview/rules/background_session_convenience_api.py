"""TV206 background_session_convenience_api."""

from __future__ import annotations

import polars as pl

from traceview.lifecycle.expressions import kind_is
from traceview.model import Severity
from traceview.rules.base import Context, Rule, app_name, clock, say, signal_subject
from traceview.signals.kinds import SignalKind as K


class BackgroundSessionConvenienceApi(Rule):
    """
    ## What it does
    Flags the exception `Completion handler blocks are not supported in background sessions. Use
    a delegate instead.`: a completion-handler task API called on a background session.

    ## Why it matters
    The app crashes: such blocks "can capture arbitrary state from your process", and the process
    can be terminated while the task runs and relaunched to handle its completion.

    ## Example
    ```log
    'Completion handler blocks are not supported in background sessions. Use a delegate instead.'
    ```

    ## What to do
    Use the delegate-based task APIs with background sessions.

    ## Known false positives
    None known: the exception names the misuse.

    ## References
    urlsession_rules.md §5.2 [DTS Q-75851] [B-LIVEFRONT] [GH-MALIBU40] [GH-AF2917]
    """

    name = "background_session_convenience_api"
    code = "TV206"
    severity = Severity.CRITICAL
    title = "completion-handler task APIs on a background session"
    advice = "Use delegate-based task APIs with background sessions, not completion-handler blocks."

    def check(self, ctx: Context) -> pl.LazyFrame:
        thrown = signal_subject(ctx.signals.filter(kind_is(K.COMPLETION_BLOCKS_EXCEPTION)))
        return thrown.with_columns(
            message=say(
                "{} (pid {}) used a completion-handler task API on a background session at {}",
                app_name(),
                pl.col("pid"),
                clock("at"),
            )
        )


RULE = BackgroundSessionConvenienceApi()
