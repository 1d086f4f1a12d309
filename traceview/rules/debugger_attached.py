"""TV701 debugger_attached."""
# ruff: noqa: E501  (the doc quotes log lines verbatim)

from __future__ import annotations

import polars as pl

from traceview.lifecycle.expressions import evidence, kind_is
from traceview.model import Severity
from traceview.rules.base import Context, Rule, clock, say, text_has
from traceview.signals.kinds import SignalKind as K


class DebuggerAttached(Rule):
    """
    ## What it does
    Notes a trace taken while the app ran under Xcode's debugger (the catalogue's
    `debugger_attached_prevents_suspension`), from nsurlsessiond's discretionary decision.

    ## Why it matters
    "Xcode's debugger prevents the system from suspending your app" and disables the launch
    watchdog; transfers become non-discretionary. The trace does not show production behaviour.

    ## Example
    ```log
    default	16:31:59.337504 +0200	nsurlsessiond	Current discretionary status for <private> is non-discretionary, since the app is being debugged
    ```

    ## What to do
    Test on a device, launched from the Home screen, without the debugger and without force
    quit; observe background code with logging, not breakpoints.

    ## Known false positives
    None known: nsurlsessiond states the reason.

    ## References
    urlsession_rules.md §5.6 [DTS Q-TEST] [DTS Q-796528] [W-2020-10078] [GH-MACIOS560]
    """

    name = "debugger_attached"
    code = "TV701"
    severity = Severity.INFO
    title = "trace taken under Xcode's debugger; not representative"
    advice = "Reproduce without the debugger: launch from the Home screen on a device."

    def check(self, ctx: Context) -> pl.LazyFrame:
        debugged = ctx.signals.filter(
            kind_is(K.DISCRETIONARY_STATUS)
            & (text_has("detail", "being debugged") | text_has("state", "being debugged"))
        )
        per_app = (
            debugged.sort("timestamp")
            .group_by("bundle")
            .agg(
                at=pl.col("timestamp").first(),
                tz_known=pl.col("tz_known").first(),
                evidence=evidence().head(5),
            )
        )
        return per_app.select(
            "at",
            "tz_known",
            "evidence",
            bundle_id="bundle",
            message=say(
                "{} ran under the debugger (nsurlsessiond at {}): the trace is not representative",
                pl.col("bundle").fill_null("The app"),
                clock("at"),
            ),
        )


RULE = DebuggerAttached()
