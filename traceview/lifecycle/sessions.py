"""Background sessions: one row per (bundle, identifier), with every creation and the daemon's view.

SESSIONS frame:
    bundle_id str?, identifier str?, created_at list[datetime] (one per creation: the app's
    `background session setup` / `session.create` marker and the daemon's `Creating session`
    within 2 s count once), creation_pids list[i64], pids list[i64] (app runs that created or
    connected it), daemon_uuids list[str], invalidated_at list[datetime] (app markers),
    removed_at list[datetime] (daemon `removing session`), config str? (the daemon's
    `using resource timeout: …` text), resource_timeout_s f64?, allows_cellular bool?,
    first_seen / last_seen datetime, evidence list[struct{path, line}], tz_known bool.
"""

from __future__ import annotations

import polars as pl

from traceview.lifecycle.expressions import evidence, is_session_creation, kind_is, marker
from traceview.signals.kinds import SignalKind as K

SAME_CREATION_S = 2  # the app's and the daemon's line of one creation arrive within ms

SESSION_KINDS = (
    K.BG_SESSION_SETUP,
    K.BG_SESSION_NOTICE,
    K.SESSION_CREATED,
    K.SESSION_CONFIGURED,
    K.CLIENT_CONNECTED,
    K.CLIENT_DISCONNECTED,
    K.CLIENT_LOST_CONNECTION,
    K.SESSION_REMOVED,
    K.SESSION_OUTSTANDING_TASKS,
    K.WAKE_REQUESTED,
    K.WAKE_ASSERTION_RELEASED,
)
SESSION_MARKERS = ("session.create", "session.invalidate", "handleEvents", "didFinishEvents")
KEY = ["bundle", "sid"]


def session_rows(rows: pl.LazyFrame) -> pl.LazyFrame:
    """Rows that speak about a session (not about one task of it)."""
    about_session = kind_is(*SESSION_KINDS) | (
        (pl.col("kind") == str(K.MARKER)) & pl.col("name").is_in(SESSION_MARKERS)
    )
    named = pl.col("sid").is_not_null() | pl.col("session_uuid").is_not_null()
    return rows.filter(about_session & named)


def creations(rows: pl.LazyFrame) -> pl.LazyFrame:
    """One row per session creation: bundle, sid, timestamp, run_pid, evidence of its lines."""
    lines = session_rows(rows).filter(is_session_creation()).sort("timestamp")
    gap = pl.col("timestamp") - pl.col("timestamp").shift(1).over(KEY)
    new = gap.is_null() | (gap > pl.duration(seconds=SAME_CREATION_S))
    numbered = lines.with_columns(_creation=new.cum_sum().over(KEY))
    return numbered.group_by(*KEY, "_creation").agg(
        timestamp=pl.col("timestamp").min(),
        run_pid=pl.col("run_pid").drop_nulls().first(),
        tz_known=pl.col("tz_known").first(),
        evidence=evidence(),
    )


def build_sessions(rows: pl.LazyFrame) -> pl.LazyFrame:
    """Enriched signals -> SESSIONS (see the module docstring)."""
    made = (
        creations(rows)
        .sort("timestamp")
        .group_by(KEY)
        .agg(created_at=pl.col("timestamp"), creation_pids=pl.col("run_pid").drop_nulls())
    )
    config = kind_is(K.SESSION_CONFIGURED)
    connected = is_session_creation() | kind_is(K.CLIENT_CONNECTED)
    seen = session_rows(rows).sort("timestamp").group_by(KEY)
    view = seen.agg(
        pids=pl.col("run_pid").filter(connected).drop_nulls().unique(maintain_order=True),
        daemon_uuids=pl.col("session_uuid").drop_nulls().unique(maintain_order=True),
        invalidated_at=pl.col("timestamp").filter(marker("session.invalidate")),
        removed_at=pl.col("timestamp").filter(kind_is(K.SESSION_REMOVED)),
        config=pl.col("detail").filter(config).drop_nulls().first(),
        resource_timeout_s=pl.col("duration_seconds").filter(config).drop_nulls().first(),
        first_seen=pl.col("timestamp").min(),
        last_seen=pl.col("timestamp").max(),
        evidence=evidence().head(40),
        tz_known=pl.col("tz_known").drop_nulls().first(),
    )
    cellular = pl.col("config").str.extract(r"allowsCellularAccess: (\d)", 1)
    return (
        view.join(made, on=KEY, how="left", nulls_equal=True)
        .with_columns(
            created_at=pl.col("created_at").fill_null([]),
            creation_pids=pl.col("creation_pids").fill_null([]),
            allows_cellular=cellular.cast(pl.Int64) != 0,
            tz_known=pl.col("tz_known").fill_null(False),
        )
        .rename({"bundle": "bundle_id", "sid": "identifier"})
        .sort("first_seen")
    )
