"""Collected frames -> the frozen report model (`traceview.model`), timestamps as ISO text."""

from __future__ import annotations

from typing import Any

import polars as pl

from traceview.lifecycle.expressions import iso
from traceview.model import (
    CancelReason,
    EndReason,
    FinalState,
    LaunchReason,
    Mark,
    Origin,
    ProcessRun,
    SessionInfo,
    TaskInfo,
    TaskKind,
    UnknownReason,
)


def origins(items: list[dict[str, Any]] | None) -> tuple[Origin, ...]:
    """Evidence structs -> sorted, de-duplicated `Origin`s."""
    found = {Origin(str(item["path"]), int(item["line"])) for item in items or () if item}
    return tuple(sorted(found))


def _with_iso(frame: pl.DataFrame, columns: tuple[str, ...]) -> pl.DataFrame:
    return frame.with_columns(iso(name).alias(name) for name in columns)


def _suspension_pairs(frame: pl.DataFrame) -> pl.DataFrame:
    at = pl.element().struct.field("suspended_at").dt.to_string("%Y-%m-%dT%H:%M:%S%.6f")
    back = pl.element().struct.field("resumed_at").dt.to_string("%Y-%m-%dT%H:%M:%S%.6f")
    z = pl.when(pl.col("tz_known")).then(pl.lit("Z")).otherwise(pl.lit(""))
    return frame.with_columns(
        _susp_at=pl.col("suspended").list.eval(at),
        _susp_back=pl.col("suspended").list.eval(back),
        _z=z,
    )


def processes_model(frame: pl.DataFrame) -> tuple[ProcessRun, ...]:
    rows = _suspension_pairs(_with_iso(frame, ("launched_at", "ended_at")))
    runs = []
    for row in rows.iter_rows(named=True):
        z = row["_z"]
        pairs = zip(row["_susp_at"] or (), row["_susp_back"] or (), strict=True)
        runs.append(
            ProcessRun(
                bundle_id=row["bundle_id"],
                process=row["process"],
                pid=row["pid"],
                launched_at=row["launched_at"],
                launch_reason=LaunchReason(row["launch_reason"]),
                ended_at=row["ended_at"],
                end_reason=EndReason(row["end_reason"]),
                end_detail=row["end_detail"],
                suspended=tuple((a + z, b + z if b else None) for a, b in pairs if a),
                evidence=origins(row["evidence"]),
            )
        )
    return tuple(runs)


def sessions_model(frame: pl.DataFrame) -> tuple[SessionInfo, ...]:
    text = pl.element().dt.to_string("%Y-%m-%dT%H:%M:%S%.6f")
    z = pl.when(pl.col("tz_known")).then(pl.lit("Z")).otherwise(pl.lit(""))
    rows = frame.with_columns(_created=pl.col("created_at").list.eval(text), _z=z)
    return tuple(
        SessionInfo(
            bundle_id=row["bundle_id"],
            identifier=row["identifier"],
            created_at=tuple(at + row["_z"] for at in row["_created"] or () if at),
            pids=tuple(row["pids"] or ()),
            daemon_uuids=tuple(row["daemon_uuids"] or ()),
            evidence=origins(row["evidence"]),
        )
        for row in rows.iter_rows(named=True)
    )


_TASK_TIMES = ("created_at", "resumed_at", "began_at", "completed_at", "delivered_at")


def _task(row: dict[str, Any]) -> TaskInfo:
    reason, unknown = row["cancel_reason"], row["unknown_reason"]
    return TaskInfo(
        task_uuid=row["task_uuid"],
        task_number=row["task_number"],
        bundle_id=row["bundle_id"],
        session_identifier=row["session_identifier"],
        kind=TaskKind(row["kind"]),
        final_state=FinalState(row["final_state"]),
        error_code=row["error_code"],
        cancel_reason=CancelReason(reason) if reason else None,
        http_status=row["http_status"],
        delivered=row["delivered"],
        unknown_reason=UnknownReason(unknown) if unknown else None,
        evidence=origins(row["evidence"]),
        bytes_sent=row["bytes_sent"],
        bytes_expected=row["bytes_expected"],
        start_delay_s=row["start_delay_s"],
        delivery_latency_s=row["delivery_latency_s"],
        **{name: row[name] for name in _TASK_TIMES},
    )


def tasks_model(frame: pl.DataFrame) -> tuple[TaskInfo, ...]:
    """Tasks the log names by `Task <UUID>.<n>` (marker-only tasks have no UUID to report)."""
    named = frame.filter(pl.col("task_uuid").is_not_null())
    return tuple(_task(row) for row in _with_iso(named, _TASK_TIMES).iter_rows(named=True))


def marks_model(frame: pl.DataFrame) -> tuple[Mark, ...]:
    return tuple(
        Mark(
            at=row["at"],
            kind=row["kind"],
            label=row["label"],
            bundle_id=row["bundle_id"],
            pid=row["pid"],
            evidence=origins(row["evidence"]),
        )
        for row in _with_iso(frame, ("at",)).iter_rows(named=True)
    )
