"""Tasks: one row per `Task <UUID>.<n>` (or per marker-only task), with its outcome per semantics.

TASKS frame:
    task_key str, task_uuid str? (null for tasks only the app's markers name), task_number i64,
    bundle_id str?, session_identifier str?, kind str (TaskKind), final_state str (FinalState),
    error_code i64?, cancel_reason str? (CancelReason), http_status i64?, delivered bool?,
    unknown_reason str? (UnknownReason), created_at / resumed_at / began_at / completed_at /
    delivered_at / first_seen / last_seen datetime?, created_pid / delivered_pid i64?,
    bytes_sent / bytes_expected i64?, start_delay_s / delivery_latency_s f64?,
    evidence list[struct{path, line}], tz_known bool.
"""

from __future__ import annotations

import polars as pl

from traceview.lifecycle.expressions import (
    evidence,
    first_at,
    first_value,
    is_began,
    is_created,
    is_daemon_outcome,
    is_daemon_progress,
    is_delivered_outcome,
    is_resumed,
    kind_is,
    seconds_between,
)
from traceview.signals.kinds import SignalKind as K

_NOISE = (K.TASK_PROGRESS, K.TIC_EVENT, K.CONNECTION_EVENT, K.POWERLOG_UPDATE)
_CANCELLED = -999
# -997 lost connection, -996 in use by another process, -995 requires a shared container.
_BACKGROUND_ERRORS = (-997, -996, -995)


def _has(condition: pl.Expr) -> pl.Expr:
    return condition.any()


def _error_code(outcome: pl.Expr) -> pl.Expr:
    """The outcome's code: a non-zero code wins over 0 (a summary line carries none)."""
    code = pl.col("error_code")
    return pl.coalesce(code.filter(outcome & (code != 0)).first(), code.filter(outcome).first())


def _moved_on() -> pl.Expr:
    """A resume, enqueue or progress line (registration alone does not count, semantics rule 2)."""
    return is_resumed() | is_began() | (is_daemon_progress() & ~kind_is(K.TASK_REGISTERED))


def _kind() -> pl.Expr:
    kinds = pl.col("task_kind")
    upload = kind_is(K.TASK_UPLOAD_CREATED) | (kinds == "upload")
    return (
        pl.when(_has(upload))
        .then(pl.lit("upload"))
        .when(_has(kinds == "download"))
        .then(pl.lit("download"))
        .when(_has(kinds == "data"))
        .then(pl.lit("data"))
        .otherwise(pl.lit("unknown"))
    )


def _aggregate(rows: pl.LazyFrame) -> pl.LazyFrame:
    tasks = rows.filter(pl.col("task_key").is_not_null()).sort("seq").group_by("task_key")
    http = pl.col("http_status").filter(pl.col("http_status") > 0)
    return tasks.agg(
        task_uuid=first_value("task_uuid"),
        task_number=first_value("task_number"),
        bundle_id=first_value("bundle"),
        session_identifier=first_value("sid"),
        kind=_kind(),
        delivered_code=_error_code(is_delivered_outcome()),
        daemon_code=_error_code(is_daemon_outcome()),
        reason_key=first_value("cancel_reason"),
        http_status=http.drop_nulls().last(),
        created_at=first_at(is_created()),
        resumed_at=first_at(is_resumed()),
        began_at=first_at(is_began()),
        completed_at=first_at(is_daemon_outcome()),
        delivered_at=first_at(is_delivered_outcome()),
        # presence and order decide the outcome (timestamps can be missing): semantics
        has_delivery=is_delivered_outcome().any(),
        has_completion=is_daemon_outcome().any(),
        created_seq=pl.col("seq").filter(is_created()).min(),
        moved_seq=pl.col("seq").filter(_moved_on()).max(),
        last_daemon_progress=is_daemon_progress().last(),
        first_seen=pl.col("timestamp").min(),
        last_seen=pl.col("timestamp").max(),
        created_pid=first_value("run_pid", is_created()),
        delivered_pid=first_value("run_pid", is_delivered_outcome()),
        bytes_sent=pl.col("bytes_sent").max(),
        bytes_expected=pl.col("bytes_expected").max(),
        evidence=evidence().filter(~kind_is(*_NOISE)).head(40),
        tz_known=pl.col("tz_known").drop_nulls().first(),
        background=_background().any(),
    )


def _background() -> pl.Expr:
    """A line only a background-session task has: the daemon's, a marker, a background error."""
    codes = pl.col("error_code").is_in(_BACKGROUND_ERRORS).fill_null(False)
    reason = pl.col("cancel_reason").is_not_null()
    return ~pl.col("app_side") | (pl.col("kind") == str(K.MARKER)) | codes | reason


def _outcome() -> dict[str, pl.Expr]:
    was_delivered, was_completed = pl.col("has_delivery"), pl.col("has_completion")
    # An acknowledgement carries no code: the daemon's completion then says how it ended.
    code = pl.coalesce("delivered_code", "daemon_code")
    final = (
        pl.when(~was_delivered)
        .then(pl.lit("unknown"))
        .when(code.fill_null(0) == 0)
        .then(pl.lit("succeeded"))
        .when(code == _CANCELLED)
        .then(pl.lit("cancelled"))
        .otherwise(pl.lit("failed"))
    )
    delivered = pl.when(was_delivered).then(True).when(was_completed).then(False)
    never_resumed = pl.col("created_seq").is_not_null() & (
        pl.col("moved_seq").is_null() | (pl.col("moved_seq") < pl.col("created_seq"))
    )
    unknown = (
        pl.when(was_delivered)
        .then(None)
        .when(was_completed)
        .then(pl.lit("completed_not_delivered"))
        .when(never_resumed)
        .then(pl.lit("never_resumed"))
        .when(pl.col("last_daemon_progress"))
        .then(pl.lit("in_flight_at_end_of_log"))
        .otherwise(pl.lit("no_terminal_event"))
    )
    reason = pl.col("reason_key").replace_strict(
        [0, 1, 2],
        ["user_force_quit", "background_updates_disabled", "insufficient_system_resources"],
        default="app_or_unknown",
    )
    return {
        "final_state": final,
        "error_code": code,
        "delivered": delivered,
        "unknown_reason": unknown,
        "cancel_reason": pl.when(code == _CANCELLED).then(reason),
    }


def build_tasks(rows: pl.LazyFrame) -> pl.LazyFrame:
    """Enriched signals -> TASKS (see the module docstring)."""
    # The app's own URLSession.shared tasks print the same CFNetwork lines; keep background ones.
    tasks = _aggregate(rows).filter(pl.col("background")).drop("background")
    tasks = tasks.with_columns(**_outcome())
    latency = seconds_between("completed_at", "delivered_at")
    return (
        tasks.with_columns(
            start_delay_s=seconds_between("resumed_at", "began_at"),
            delivery_latency_s=pl.when(latency >= 0).then(latency),
            tz_known=pl.col("tz_known").fill_null(False),
        )
        .drop("delivered_code", "daemon_code", "reason_key", "created_seq", "moved_seq")
        .drop("has_delivery", "has_completion")
        .drop("last_daemon_progress")
        .sort("first_seen", "task_key")
    )
