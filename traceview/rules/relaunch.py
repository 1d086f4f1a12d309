"""Shared views for the relaunch rules: which runs were woken, for which identifier, what they made.

Not a rule module: `ALL_RULES` lists rules explicitly and this file defines none.
"""

from __future__ import annotations

import polars as pl

from traceview.lifecycle.expressions import HANDLESESSION, is_wake_assertion, kind_is, marker
from traceview.lifecycle.processes import WAKE_WINDOW_S
from traceview.lifecycle.sessions import creations
from traceview.rules.base import Context, one
from traceview.signals.kinds import SignalKind as K

RUN = ["bundle", "run_pid"]


def relaunches(ctx: Context) -> pl.LazyFrame:
    """Runs started for background URLSession events that lived long enough to set up."""
    started = ctx.processes.filter(pl.col("launch_reason") == "background_urlsession")
    settled = pl.col("ended_at").is_not_null() | ctx.before_end(
        "launched_at", ctx.config.relaunch_grace_s
    )
    return started.filter(settled).select(
        "launched_at", "ended_at", "tz_known", "launch_evidence", bundle="bundle_id", run_pid="pid"
    )


def _from_assertions(ctx: Context) -> pl.LazyFrame:
    """`com.apple.nsurlsessiond.handlesession <X>`: X is the identifier (iOS 12) or a UUID."""
    named = ctx.signals.filter(is_wake_assertion()).with_columns(
        _named=pl.col("assertion_name").str.extract(HANDLESESSION + r" ([^\"\s;]+)", 1)
    )
    uuids = ctx.sessions.select(
        bundle="bundle_id", _uuid="daemon_uuids", _sid="identifier"
    ).explode("_uuid")
    resolved = named.join(
        uuids, left_on=["bundle", "_named"], right_on=["bundle", "_uuid"], how="left"
    )
    return resolved.select(*RUN, "timestamp", sid=pl.coalesce("_sid", "_named"), evidence=one())


def _from_wake_requests(ctx: Context, runs: pl.LazyFrame) -> pl.LazyFrame:
    """`Will request wake of app <b> for NDSession <S> with identifier <sid>` before the launch."""
    asked = ctx.signals.filter(kind_is(K.WAKE_REQUESTED) & pl.col("sid").is_not_null())
    asked = asked.select("bundle", "sid", "timestamp", evidence=one())
    near = asked.join(runs.select(*RUN, "launched_at"), on="bundle").filter(
        (pl.col("timestamp") >= pl.col("launched_at") - pl.duration(seconds=WAKE_WINDOW_S))
        & (pl.col("timestamp") <= pl.col("launched_at") + pl.duration(seconds=5))
    )
    return near.select(*RUN, "timestamp", "sid", "evidence")


def woken_for(ctx: Context) -> pl.LazyFrame:
    """(bundle, run_pid, sid, timestamp, evidence): identifiers each relaunch was woken for."""
    runs = relaunches(ctx)
    handled = ctx.signals.filter(marker("handleEvents")).select(
        *RUN, "timestamp", "sid", evidence=one()
    )
    reasons = pl.concat(
        [handled, _from_assertions(ctx), _from_wake_requests(ctx, runs)], how="vertical_relaxed"
    ).filter(pl.col("sid").is_not_null())
    return (
        reasons.join(runs.select(RUN), on=RUN)
        .sort("timestamp")
        .unique(subset=[*RUN, "sid"], keep="first", maintain_order=True)
    )


def created_in_runs(ctx: Context) -> pl.LazyFrame:
    """(bundle, run_pid, sid, timestamp, evidence) for every session creation."""
    return creations(ctx.signals).select(*RUN, "sid", "timestamp", "evidence")


def with_process_end(ctx: Context, wakes: pl.LazyFrame) -> pl.LazyFrame:
    """`_gone`: the wake's process died after it (an exit, or nsurlsessiond's `Lost connection
    to app -- connection invalidated`, the only trace of a crash on iOS 12)."""
    lost = ctx.signals.filter(kind_is(K.CLIENT_LOST_CONNECTION)).select(*RUN, _t="timestamp")
    ended = ctx.processes.select(bundle="bundle_id", run_pid="pid", _t="ended_at")
    ends = pl.concat([lost, ended]).filter(pl.col("_t").is_not_null())
    after = wakes.join(ends, on=RUN).filter(pl.col("_t") >= pl.col("at"))
    gone = after.select(*RUN, "at").unique().with_columns(_gone=pl.lit(True))
    found = wakes.join(gone, on=[*RUN, "at"], how="left")
    return found.with_columns(pl.col("_gone").fill_null(False))


def unanswered_wakes(ctx: Context) -> pl.LazyFrame:
    """handleEvents markers with no handler call, except in runs that crashed or hit the watchdog
    (that story is background_launch_crash_or_watchdog). Markers only: nsurlsessiond's release
    line is not seen on every iOS version."""
    open_wakes = ctx.wakes.filter((pl.col("source") == "marker") & pl.col("called_at").is_null())
    crashed = ctx.processes.filter(pl.col("end_reason").is_in(["crash", "watchdog"]))
    crashed = crashed.select(bundle="bundle_id", run_pid="pid")
    return open_wakes.join(crashed, on=RUN, how="anti")
