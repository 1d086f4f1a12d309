"""TV105 session_identifier_mismatch."""
# ruff: noqa: E501  (the doc quotes log lines verbatim)

from __future__ import annotations

import polars as pl

from traceview.model import Severity
from traceview.rules.base import Context, Rule, app_name, clock, run_subject, say
from traceview.rules.relaunch import RUN, created_in_runs, woken_for

_UUID = r"[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}"


class SessionIdentifierMismatch(Rule):
    """
    ## What it does
    Flags a relaunch woken for session identifier X in which the app created sessions, but none
    with X; and apps whose session identifiers contain a fresh UUID in each process.

    ## Why it matters
    Events of X are only delivered to a session with identifier X; X's tasks stay completed in
    the daemon forever while the app keeps creating new, empty sessions.

    ## Example
    ```log
    TVMARK v1 handleEvents id=com.example.upload
    ```
    followed in the same process by
    ```log
    default	04:57:06.752407+0100	nsurlsessiond	Creating session with identifier: com.bbflight.background_downloader.Downloader for bundle id: chat.glib.groupchat.stage
    ```
    (an identifier other than the one the wake was for).

    ## What to do
    Use a fixed, hard-coded identifier per session; one distinct identifier for the app and each
    extension, and recreate the extension's session when relaunched with its identifier.

    ## Known false positives
    Apps that own several sessions and create the woken one lazily after the log ends.

    ## References
    urlsession_rules.md §5.1 [DTS Q-74730] [GH-APOLLO1362] [GH-OPENAI81] [A-EXTPG] [GH-HA778]
    """

    name = "session_identifier_mismatch"
    code = "TV105"
    severity = Severity.CRITICAL
    title = "woken for session X, the app created Y (e.g. a new UUID per launch)"
    advice = "Recreate the session with exactly the identifier you were woken for (a fixed string)."

    def check(self, ctx: Context) -> pl.LazyFrame:
        made = created_in_runs(ctx)
        return pl.concat(
            [self._woken_other(ctx, made), self._fresh_uuids(made)], how="diagonal_relaxed"
        )

    def _woken_other(self, ctx: Context, made: pl.LazyFrame) -> pl.LazyFrame:
        per_run = made.group_by(RUN).agg(created=pl.col("sid").drop_nulls().unique())
        woken = woken_for(ctx).join(per_run, on=RUN, how="inner", nulls_equal=True)
        wrong = woken.filter(
            (pl.col("created").list.len() > 0) & ~pl.col("created").list.contains(pl.col("sid"))
        )
        message = say(
            "{} (pid {}) was woken at {} for session {} but created {}",
            app_name("bundle"),
            pl.col("run_pid"),
            clock("timestamp"),
            pl.col("sid"),
            pl.col("created").list.join(", "),
        )
        return run_subject(wrong, "timestamp", message)

    def _fresh_uuids(self, made: pl.LazyFrame) -> pl.LazyFrame:
        uuid_named = made.filter(pl.col("sid").str.contains(_UUID).fill_null(False))
        ordered = uuid_named.sort("timestamp").with_columns(
            _earlier=pl.col("sid").first().over("bundle"),
        )
        later = ordered.filter(pl.col("sid") != pl.col("_earlier")).unique(
            subset=["bundle", "sid"], keep="first", maintain_order=True
        )
        message = say(
            "{} created session {} at {} although it used {} before: a new UUID identifier per process",
            app_name("bundle"),
            pl.col("sid"),
            clock("timestamp"),
            pl.col("_earlier"),
        )
        return run_subject(later, "timestamp", message)


RULE = SessionIdentifierMismatch()
