"""Background wakes as the app saw them, timeline marks, and the named metrics.

WAKES frame (one row per background wake): bundle, sid, run_pid, at, next_at (the next wake of
that identifier in that process), called_at (the first `handleEvents.completion.called` for that
identifier in that process within the wake), finished_at (the first `didFinishEvents`),
wake_to_handler_s, source (`marker`: the app's handleEvents markers; `daemon`: without markers,
the handlesession wake assertion and nsurlsessiond's `Invalidating assertion for bundleID:` when
the handler was called), evidence list[struct{path, line}], tz_known.

MARKS frame: at, kind, label, bundle_id, pid, evidence list[struct{path, line}], tz_known —
kinds: wake_requested, wake_assertion, launch, relaunch, kill, force_quit, crash, suspend,
request_delay.

Metrics (documented keys, `Reconstruction.metrics`):
    delivery_latency_s  list[float]  daemon completion -> delivery, per delivered task
    wake_to_handler_s   list[float]  handleEvents -> completion handler called (markers)
    request_delays_s    list[float]  nsurlsessiond `Set request delay` values in time order
    request_delay_resets int         `Resetting request delay` lines (app came to the foreground)
    relaunches          int          runs launched for background URLSession events
    start_delay_s       list[float]  resumed -> will begin, per task that began
    tasks               int          tasks reconstructed
    tasks_by_state      dict         final_state -> count
    processes           int          app runs
    sessions            int          (bundle, identifier) sessions
"""

from __future__ import annotations

from typing import Any

import polars as pl

from traceview.lifecycle.expressions import (
    HANDLESESSION,
    evidence,
    is_wake_assertion,
    kind_is,
    marker,
)
from traceview.signals.kinds import SignalKind as K

_END_MARKS = {
    "user_force_quit": "force_quit",
    "crash": "crash",
    "watchdog": "crash",
    "system_jetsam": "kill",
    "system_other": "kill",
    "assertion_timeout": "kill",
}
_MARK_COLUMNS = ("at", "kind", "label", "bundle_id", "pid", "evidence", "tz_known")


def _within_wake() -> pl.Expr:
    """`_t` falls in the wake: at or after its start, before the next wake's start."""
    before_next = pl.col("next_at").is_null() | (pl.col("_t") < pl.col("next_at"))
    return (pl.col("_t") >= pl.col("at")) & before_next


def _first_in_wake(wakes: pl.LazyFrame, later: pl.LazyFrame, key: list[str]) -> pl.LazyFrame:
    """Per wake (`_wake`), the first `later` row (`_t`, `_ev`, `_sid`) within it."""
    pairs = wakes.join(later, on=key, how="inner").filter(_within_wake())
    return pairs.sort("_t").group_by("_wake").agg(pl.all().exclude(key, "_wake").first())


def _numbered(wakes: pl.LazyFrame, key: list[str]) -> pl.LazyFrame:
    # a wake ends where the next wake in the same process (same identifier) begins
    ordered = wakes.sort("at").with_columns(next_at=pl.col("at").shift(-1).over(key))
    return ordered.with_row_index("_wake")


def _marker_wakes(rows: pl.LazyFrame) -> pl.LazyFrame:
    """The app's own account: handleEvents, didFinishEvents, handleEvents.completion.called."""
    key = ["run_pid", "sid"]
    wakes = rows.filter(marker("handleEvents")).select(
        "bundle", *key, "tz_known", at="timestamp", evidence=pl.concat_list(evidence())
    )
    wakes = _numbered(wakes, key)

    def first(name: str, alias: str) -> pl.LazyFrame:
        later = rows.filter(marker(name)).select(*key, _t="timestamp", _ev=evidence())
        found = _first_in_wake(wakes.select("_wake", *key, "at", "next_at"), later, key)
        return found.select("_wake", pl.col("_t").alias(alias), pl.col("_ev").alias(f"{alias}_ev"))

    called = first("handleEvents.completion.called", "called_at")
    finished = first("didFinishEvents", "finished_at")
    joined = wakes.join(called, on="_wake", how="left").join(finished, on="_wake", how="left")
    extra = pl.concat_list("called_at_ev", "finished_at_ev").list.drop_nulls()
    return joined.with_columns(
        source=pl.lit("marker"), evidence=pl.concat_list("evidence", extra.fill_null([]))
    ).drop("_wake", "called_at_ev", "finished_at_ev")


def _daemon_wakes(rows: pl.LazyFrame, by_markers: pl.LazyFrame) -> pl.LazyFrame:
    """Without markers: the handlesession wake assertion taken for a process, and nsurlsessiond's
    `Invalidating assertion for bundleID: <b>. sessionID: <sid>` when the handler was called."""
    key = ["bundle", "run_pid"]
    taken = is_wake_assertion() & kind_is(K.RB_ASSERTION_ACQUIRING, K.AD_ASSERTION_ADDED)
    named = pl.col("assertion_name").str.extract(HANDLESESSION + r" ([^\"\s;]+)", 1)
    starts = rows.filter(taken & pl.col("run_pid").is_not_null()).select(
        *key, "tz_known", at="timestamp", sid=named, evidence=pl.concat_list(evidence())
    )
    starts = _numbered(starts.join(by_markers.select(key).unique(), on=key, how="anti"), key)
    released = rows.filter(kind_is(K.WAKE_ASSERTION_RELEASED)).select(
        *key, _t="timestamp", _ev=evidence(), _sid="sid"
    )
    found = _first_in_wake(starts.select("_wake", *key, "at", "next_at"), released, key)
    joined = starts.join(found, on="_wake", how="left")
    return joined.select(
        *key,
        "tz_known",
        "at",
        "next_at",
        sid=pl.coalesce("_sid", "sid"),
        called_at="_t",
        finished_at=pl.lit(None, pl.Datetime("us")),
        source=pl.lit("daemon"),
        evidence=pl.concat_list("evidence", pl.concat_list("_ev").list.drop_nulls()),
    )


def handler_wakes(rows: pl.LazyFrame) -> pl.LazyFrame:
    """One row per background wake with its handler call (see WAKES above)."""
    by_markers = _marker_wakes(rows)
    wakes = pl.concat([by_markers, _daemon_wakes(rows, by_markers)], how="diagonal_relaxed")
    gap = (pl.col("called_at") - pl.col("at")).dt.total_microseconds() / 1_000_000
    return wakes.with_columns(wake_to_handler_s=gap)


def _row_marks(rows: pl.LazyFrame) -> pl.LazyFrame:
    wake = kind_is(K.WAKE_REQUESTED)
    assertion = is_wake_assertion() & kind_is(K.RB_ASSERTION_ACQUIRING, K.AD_ASSERTION_ADDED)
    delay = kind_is(K.REQUEST_DELAY_SET)
    kind = (
        pl.when(wake)
        .then(pl.lit("wake_requested"))
        .when(assertion)
        .then(pl.lit("wake_assertion"))
        .otherwise(pl.lit("request_delay"))
    )
    label = (
        pl.when(wake)
        .then(pl.format("nsurlsessiond asks to wake {}", pl.col("bundle").fill_null("the app")))
        .when(assertion)
        .then(pl.col("assertion_name"))
        .otherwise(
            pl.format("request delay {} s", pl.col("delay_seconds").cast(pl.String).fill_null("?"))
        )
    )
    return rows.filter(wake | assertion | delay).select(
        at="timestamp",
        kind=kind,
        label=label,
        bundle_id="bundle",
        pid="run_pid",
        evidence=pl.concat_list(evidence()),
        tz_known="tz_known",
    )


def _process_marks(processes: pl.LazyFrame) -> pl.LazyFrame:
    launch_kind = pl.when(pl.col("launch_reason") == "background_urlsession").then(
        pl.lit("relaunch")
    )
    launches = processes.filter(pl.col("launched_at").is_not_null()).select(
        at="launched_at",
        kind=launch_kind.otherwise(pl.lit("launch")),
        label=pl.format(
            "{} launched ({})", pl.col("process").fill_null("?"), pl.col("launch_reason")
        ),
        bundle_id="bundle_id",
        pid="pid",
        evidence="launch_evidence",
        tz_known="tz_known",
    )
    ends = processes.filter(pl.col("end_reason").is_in(list(_END_MARKS))).select(
        at="ended_at",
        kind=pl.col("end_reason").replace_strict(_END_MARKS, return_dtype=pl.String),
        label=pl.format(
            "{} ended: {} {}",
            pl.col("process"),
            pl.col("end_reason"),
            pl.col("end_detail").fill_null(""),
        ).str.strip_chars(),
        bundle_id="bundle_id",
        pid="pid",
        evidence=pl.concat_list("end_evidence").list.drop_nulls(),
        tz_known="tz_known",
    )
    suspends = (
        processes.select("bundle_id", "pid", "process", "tz_known", "suspended")
        .explode("suspended")
        .filter(pl.col("suspended").is_not_null())
        .select(
            at=pl.col("suspended").struct.field("suspended_at"),
            kind=pl.lit("suspend"),
            label=pl.format("{} suspended", pl.col("process").fill_null("?")),
            bundle_id="bundle_id",
            pid="pid",
            evidence=pl.lit([], dtype=pl.List(pl.Struct({"path": pl.String, "line": pl.Int64}))),
            tz_known="tz_known",
        )
    )
    return pl.concat([launches, ends, suspends], how="vertical_relaxed")


def build_marks(rows: pl.LazyFrame, processes: pl.LazyFrame) -> pl.LazyFrame:
    marks = pl.concat([_row_marks(rows), _process_marks(processes)], how="vertical_relaxed")
    return marks.select(_MARK_COLUMNS).sort("at")


def metrics(
    processes: pl.DataFrame,
    sessions: pl.DataFrame,
    tasks: pl.DataFrame,
    wakes: pl.DataFrame,
    rows: pl.DataFrame,
) -> dict[str, Any]:
    """The named numbers `compare` reads (keys documented in the module docstring)."""
    delays = rows.filter(kind_is(K.REQUEST_DELAY_SET))["delay_seconds"].drop_nulls()
    states = tasks.group_by("final_state").len().sort("final_state")
    relaunches = processes.filter(pl.col("launch_reason") == "background_urlsession").height
    return {
        "delivery_latency_s": tasks["delivery_latency_s"].drop_nulls().to_list(),
        "wake_to_handler_s": wakes["wake_to_handler_s"].drop_nulls().to_list(),
        "request_delays_s": delays.to_list(),
        "request_delay_resets": rows.filter(kind_is(K.REQUEST_DELAY_RESET)).height,
        "relaunches": relaunches,
        "start_delay_s": tasks["start_delay_s"].drop_nulls().to_list(),
        "tasks": tasks.height,
        "tasks_by_state": dict(zip(states["final_state"], states["len"], strict=True)),
        "processes": processes.height,
        "sessions": sessions.height,
    }
