"""TV702 simulator_trace."""
# ruff: noqa: E501  (the doc quotes log lines verbatim)

from __future__ import annotations

import polars as pl

from traceview.lifecycle.expressions import evidence
from traceview.model import Severity
from traceview.rules.base import Context, Rule, clock, say

_COLUMNS = ("source", "detail", "assertion_name", "state", "requester", "process")


def _simulator() -> pl.Expr:
    """CoreSimulator paths, `launchd_sim`, or the simulator identity `app<bundle((null))>`."""
    marks = [
        pl.col(name).str.contains(r"/CoreSimulator/|launchd_sim|\(\(null\)\)>").fill_null(False)
        for name in _COLUMNS
    ]
    return pl.any_horizontal(marks)


class SimulatorTrace(Rule):
    """
    ## What it does
    Notes a trace that comes from the iOS Simulator: CoreSimulator paths in log lines or input
    paths, `launchd_sim`, or RunningBoard's simulator identity `app<bundle((null))>`.

    ## Why it matters
    "Simulator may not accurately simulate app suspend and resume" (r. 16532261): background
    relaunch, suspension and rate-limiter behaviour differ from a device.

    ## Example
    ```log
    default	04:39:27.319417+0100	mobileassetd	-[DownloaderSessionDelegate URLSession:downloadTask:didFinishDownloadingToURL:]: Moving file in didFinishDownloadingToURL, extractor: 1. Session <__NSURLBackgroundSession: 0x105506a50> task BackgroundDownloadTask <A6041672-3251-43EA-B1A3-263A86FF1E5E>.<55> type com.apple.MobileAsset.TTSAXResourceModelAssets repository /Users/johnsonejezie/Library/Developer/CoreSimulator/Devices/A10A3A14-68FB-4560-884F-D3EE8B21E915/data/private/var/MobileAsset/AssetsV2
    2026-10-01 15:02:11.404 Df runningboardd[5993:db8454] [com.apple.runningboard:ttl] [app<com.example.app((null))>:6256] termination reported by launchd (2, 5, 5)
    ```

    ## What to do
    Confirm background-transfer behaviour on a real device.

    ## Known false positives
    None known; only lines the grammar keeps (detail, identities, paths) can show it.

    ## References
    urlsession_rules.md §5.6 [DTS Q-TEST] [GH-BD300]; real_lines.md §11.3 (simulator identity)
    """

    name = "simulator_trace"
    code = "TV702"
    severity = Severity.INFO
    title = "trace from the Simulator; not representative"
    advice = (
        "Confirm the behaviour on a real device; the Simulator does not suspend apps faithfully."
    )

    def check(self, ctx: Context) -> pl.LazyFrame:
        seen = ctx.signals.filter(_simulator()).sort("timestamp")
        whole_trace = seen.select(
            at=pl.col("timestamp").first(),
            tz_known=pl.col("tz_known").first(),
            bundle_id=pl.col("bundle").drop_nulls().first(),
            evidence=evidence().head(5).implode(),
            lines=pl.len(),
        )
        return whole_trace.filter(pl.col("lines") > 0).select(
            "at",
            "tz_known",
            "evidence",
            "bundle_id",
            message=say(
                "The trace comes from the iOS Simulator ({} line(s), first at {}): not representative of a device",
                pl.col("lines"),
                clock("at"),
            ),
        )


RULE = SimulatorTrace()
