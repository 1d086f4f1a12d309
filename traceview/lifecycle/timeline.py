"""Background wakes as the app saw them, timeline marks, and the named metrics.

WAKES frame (one row per `handleEvents` marker): bundle, sid, run_pid, at, next_at (the next
wake of that identifier in that process), called_at (the first `handleEvents.completion.called`
for that identifier in that process within the wake), finished_at (the first `didFinishEvents`),
wake_to_handler_s, evidence list[struct{path, line}], tz_known.

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

from traceview.lifecycle.expressions import evidence, is_wake_assertion, kind_is, marker
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


def handler_wakes(rows: pl.LazyFrame) -> pl.LazyFrame:
    """One row per handleEvents marker with its handler call and didFinishEvents (see above)."""
    key = ["run_pid", "sid"]
    wakes = rows.filter(marker("handleEvents")).select(
        "bundle", *key, "tz_known", at="timestamp", evidence=pl.concat_list(evidence())
    )
    # a wake ends where the next wake for the same identifier in the same process begins
    wakes = wakes.sort("at").with_columns(next_at=pl.col("at").shift(-1).over(key))
    wakes = wakes.with_row_index("_wake")

    def first_after(name: str, alias: str) -> pl.LazyFrame:
        later = rows.filter(marker(name)).select(*key, _t="timestamp", _ev=evidence())
        within = (pl.col("_t") >= pl.col("at")) & (
            pl.col("next_at").is_null() | (pl.col("_t") < pl.col("next_at"))
        )
        pairs = wakes.join(later, on=key, how="inner").filter(within)
        firsts = pairs.sort("_t").group_by("_wake").agg(pl.col("_t").first(), pl.col("_ev").first())
        return firsts.rename({"_t": alias, "_ev": f"{alias}_evidence"})

    called = first_after("handleEvents.completion.called", "called_at")
    finished = first_after("didFinishEvents", "finished_at")
    joined = wakes.join(called, on="_wake", how="left").join(finished, on="_wake", how="left")
    gap = (pl.col("called_at") - pl.col("at")).dt.total_microseconds() / 1_000_000
    extra = pl.concat_list("called_at_evidence", "finished_at_evidence").list.drop_nulls()
    return joined.with_columns(
        wake_to_handler_s=gap,
        evidence=pl.concat_list("evidence", extra.fill_null([])),
    ).drop("_wake", "called_at_evidence", "finished_at_evidence")


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
