"""App runs: one row per (bundle, pid), with how it started, how it ended and its suspensions.

PROCESSES frame (one row per run):
    bundle_id str, process str, pid i64, first_seen / last_seen datetime, launched_at datetime?,
    launch_reason str (LaunchReason), launch_evidence list[struct{path, line}],
    ended_at datetime?, end_reason str (EndReason),
    end_detail str?, end_evidence struct{path, line}?, suspended list[struct{suspended_at,
    resumed_at}], evidence list[struct{path, line}], tz_known bool.
"""

from __future__ import annotations

import polars as pl

from traceview.lifecycle.enrich import runs_of
from traceview.lifecycle.expressions import (
    EXIT_KINDS,
    LAUNCH_KINDS,
    decoded_end_reason,
    evidence,
    is_exit,
    is_foreground,
    is_resumption,
    is_suspension,
    is_wake_assertion,
    is_wake_request,
    kind_is,
)
from traceview.signals.kinds import SignalKind as K

WAKE_WINDOW_S = 60  # semantics: the wake comes "within 60 s before the process appears"
FOREGROUND_WINDOW_S = 10  # a user launch shows a foreground role right after the launch
_GENERIC_ENDS = ("system_other", "unknown")


def _nearest_before(
    runs: pl.LazyFrame, events: pl.LazyFrame, at: str, alias: str, slack_s: int
) -> pl.LazyFrame:
    """Latest `events` time of the run's bundle in [at - window, at + slack] as column `alias`
    (and its evidence as `<alias>_ev`)."""
    moments = events.select(
        "bundle", pl.col("timestamp").alias(alias), evidence().alias(f"{alias}_ev")
    )
    moments = moments.sort(alias)
    probe = runs.with_columns(_probe=pl.col(at) + pl.duration(seconds=slack_s)).sort("_probe")
    joined = probe.join_asof(
        moments,
        left_on="_probe",
        right_on=alias,
        by="bundle",
        strategy="backward",
        check_sortedness=False,
    )
    too_old = pl.col(alias) < pl.col(at) - pl.duration(seconds=WAKE_WINDOW_S)
    return joined.with_columns(
        pl.when(too_old).then(None).otherwise(pl.col(name)).alias(name)
        for name in (alias, f"{alias}_ev")
    )


def _first_after(
    runs: pl.LazyFrame, events: pl.LazyFrame, at: str, alias: str, window_s: int
) -> pl.LazyFrame:
    moments = events.select("bundle", pl.col("timestamp").alias(alias)).sort(alias)
    joined = runs.sort(at).join_asof(
        moments, left_on=at, right_on=alias, by="bundle", strategy="forward", check_sortedness=False
    )
    too_late = pl.col(alias) > pl.col(at) + pl.duration(seconds=window_s)
    return joined.with_columns(pl.when(too_late).then(None).otherwise(pl.col(alias)).alias(alias))


def _launch_lines() -> pl.Expr:
    """Lines printed while a process is being launched (FrontBoard's `visibility: Unknown` state
    is the iOS 12 launch, where RunningBoard does not exist yet)."""
    bootstrapping = kind_is(K.FB_PROCESS_STATE) & (pl.col("role") == "Unknown").fill_null(False)
    return kind_is(*LAUNCH_KINDS) | bootstrapping


def _launch(rows: pl.LazyFrame, runs: pl.LazyFrame) -> pl.LazyFrame:
    runs = _nearest_before(runs, rows.filter(_launch_lines()), "first_seen", "launch_at", 2)
    wakes = rows.filter(is_wake_request() | is_wake_assertion())
    runs = _nearest_before(runs, wakes, "first_seen", "wake_at", 5)
    runs = _first_after(
        runs, rows.filter(is_foreground()), "first_seen", "fg_at", FOREGROUND_WINDOW_S
    )
    launched = pl.col("launch_at").is_not_null()
    reason = (
        pl.when(pl.col("wake_at").is_not_null())
        .then(pl.lit("background_urlsession"))
        .when(launched & pl.col("fg_at").is_not_null())
        .then(pl.lit("user"))
        .when(launched)
        .then(pl.lit("background_other"))
        .otherwise(pl.lit("unknown"))
    )
    # launched_at: when the new process first shows up (its first line with the pid)
    seen_launching = launched | pl.col("wake_at").is_not_null()
    return runs.with_columns(
        launch_reason=reason,
        launched_at=pl.when(seen_launching).then(pl.col("first_seen")),
        launch_evidence=pl.concat_list("launch_at_ev", "wake_at_ev").list.drop_nulls(),
    ).drop("wake_at", "fg_at", "launch_at", "launch_at_ev", "wake_at_ev")


def _ends(rows: pl.LazyFrame) -> pl.LazyFrame:
    """The exit evidence chosen per run: specific reasons first, then the semantics' trust order."""
    trust = pl.col("kind").replace_strict(
        [str(kind) for kind in EXIT_KINDS], list(range(len(EXIT_KINDS))), default=99
    )
    exits = rows.filter(is_exit() & pl.col("app_pid").is_not_null()).with_columns(
        _reason=decoded_end_reason(),
        _trust=trust,
    )
    exits = exits.filter(pl.col("_reason").is_not_null()).with_columns(
        _generic=pl.col("_reason").is_in(_GENERIC_ENDS)
    )
    best = exits.sort("_generic", "_trust", "timestamp").group_by("bundle", "app_pid")
    return best.agg(
        ended_at=pl.col("timestamp").min(),  # the first sign of the end; the reason by trust
        end_reason=pl.col("_reason").first(),
        end_detail=pl.col("detail").first(),
        end_evidence=evidence().first(),
    )


def _suspensions(rows: pl.LazyFrame) -> pl.LazyFrame:
    """(suspended_at, resumed_at) pairs per run from the state changes in time order
    (`Calculated state for application<b>: …` names no pid: it counts for the run alive then)."""
    changes = rows.filter(
        pl.col("run_pid").is_not_null() & (is_suspension() | is_resumption())
    ).select("bundle", "timestamp", app_pid="run_pid", suspended=is_suspension())
    run = ["bundle", "app_pid"]
    flips = changes.sort("timestamp", maintain_order=True).filter(
        pl.col("suspended") != pl.col("suspended").shift(1).over(run).fill_null(False)
    )
    pairs = flips.with_columns(resumed_at=pl.col("timestamp").shift(-1).over(run)).filter(
        pl.col("suspended")
    )
    return pairs.group_by(run).agg(
        suspended=pl.struct(suspended_at=pl.col("timestamp"), resumed_at=pl.col("resumed_at"))
    )


def _identity(rows: pl.LazyFrame) -> pl.LazyFrame:
    """Name and evidence of each run, from its own lines and the app's lines without a pid."""
    own = rows.filter(pl.col("run_pid").is_not_null()).group_by("bundle", "run_pid")
    return own.agg(
        process=pl.col("process").filter(pl.col("app_side")).drop_nulls().first(),
        tz_known=pl.col("tz_known").drop_nulls().first(),
        evidence=evidence()
        .filter(is_exit() | kind_is(*LAUNCH_KINDS) | is_suspension() | pl.col("app_side"))
        .head(40),
    ).rename({"run_pid": "app_pid"})


def build_processes(rows: pl.LazyFrame) -> pl.LazyFrame:
    """Enriched signals -> PROCESSES (see the module docstring)."""
    runs = _launch(rows, runs_of(rows))
    run = ["bundle", "app_pid"]
    joined = (
        runs.join(_identity(rows), on=run, how="left", nulls_equal=True)
        .join(_ends(rows), on=run, how="left", nulls_equal=True)
        .join(_suspensions(rows), on=run, how="left", nulls_equal=True)
    )
    named = pl.col("bundle").is_not_null() | pl.col("process").is_not_null()
    return (
        joined.filter(named)
        .select(
            bundle_id=pl.col("bundle"),
            process=pl.coalesce(
                "process", pl.col("bundle").str.split(".").list.last(), pl.lit("?")
            ),
            pid=pl.col("app_pid"),
            first_seen="first_seen",
            last_seen="last_seen",
            launched_at="launched_at",
            launch_reason="launch_reason",
            launch_evidence="launch_evidence",
            ended_at="ended_at",
            end_reason=pl.col("end_reason").fill_null("running_at_end_of_log"),
            end_detail="end_detail",
            end_evidence="end_evidence",
            suspended="suspended",
            evidence="evidence",
            tz_known=pl.col("tz_known").fill_null(False),
        )
        .sort("first_seen")
    )
