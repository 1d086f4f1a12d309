"""TV204 extension_session_conflict."""
# ruff: noqa: E501  (the doc quotes log lines verbatim)

from __future__ import annotations

import polars as pl

from traceview.lifecycle.sessions import creations
from traceview.model import Severity
from traceview.rules.base import Context, Rule, app_name, clock, first_per, say, signal_subject

_IN_USE, _NEEDS_CONTAINER = -996, -995


class ExtensionSessionConflict(Rule):
    """
    ## What it does
    Flags two processes fighting over one background identifier: errors `-996`
    (NSURLErrorBackgroundSessionInUseByAnotherProcess) or `-995`
    (NSURLErrorBackgroundSessionRequiresSharedContainer), or one identifier created by two
    different bundles (an app and its extension).

    ## Why it matters
    "The session only allows one process to 'connect' to it at a time"; the second process has
    its session invalidated at once, and which process gets `didComplete` is non-deterministic.

    ## Example
    ```log
    default	04:57:06.752407+0100	nsurlsessiond	Creating session with identifier: com.bbflight.background_downloader.Downloader for bundle id: chat.glib.groupchat.stage
    ```
    and the same identifier created for the extension's bundle id; or an app line
    `… finished with error [-996] Error Domain=NSURLErrorDomain Code=-996 …`.

    ## What to do
    Give each extension its own identifier and an app-group `sharedContainerIdentifier`; when the
    host app is woken for an extension's identifier, handle its events, invalidate it after
    `urlSessionDidFinishEvents`, then call the completion handler.

    ## Known false positives
    An app and extension that deliberately share an identifier and never run at the same time.

    ## References
    urlsession_rules.md §5.2 [DTS Q-EXT] [A-SHARED] [A-EXTPG] [GH-HA778] [B-AVDL]
    """

    name = "extension_session_conflict"
    code = "TV204"
    severity = Severity.ERROR
    title = "app and extension fight over one identifier (-996, -995)"
    advice = "Give the app and each extension their own identifier and a shared container."

    def check(self, ctx: Context) -> pl.LazyFrame:
        errors = signal_subject(
            ctx.signals.filter(pl.col("error_code").is_in([_IN_USE, _NEEDS_CONTAINER]))
        )
        errors = errors.with_columns(
            message=say(
                "{} got error {} for session {} at {}: {}",
                app_name(),
                pl.col("error_code"),
                pl.col("session_identifier").fill_null("<unknown>"),
                clock("at"),
                pl.when(pl.col("error_code") == _IN_USE)
                .then(pl.lit("the session is in use by another process"))
                .otherwise(pl.lit("an extension's session needs a shared container")),
            )
        )
        subject = ["bundle_id", "session_identifier", "task_uuid", "task_number"]
        return pl.concat([first_per(errors, subject), self._shared(ctx)], how="diagonal_relaxed")

    def _shared(self, ctx: Context) -> pl.LazyFrame:
        made = creations(ctx.signals).filter(
            pl.col("bundle").is_not_null() & pl.col("sid").is_not_null()
        )
        per_id = (
            made.sort("timestamp")
            .group_by("sid")
            .agg(
                bundles=pl.col("bundle").unique(maintain_order=True),
                at=pl.col("timestamp").first(),
                tz_known=pl.col("tz_known").first(),
                evidence=pl.col("evidence")
                .list.explode(keep_nulls=False, empty_as_null=False)
                .sort()
                .head(20),
            )
        )
        return per_id.filter(pl.col("bundles").list.len() >= 2).select(
            "at",
            "tz_known",
            "evidence",
            session_identifier="sid",
            bundle_id=pl.col("bundles").list.first(),
            message=say(
                "Background session identifier {} is used by {} (first at {})",
                pl.col("sid"),
                pl.col("bundles").list.join(" and "),
                clock("at"),
            ),
        )


RULE = ExtensionSessionConflict()
