"""Rebuild what happened to an app's background URLSession transfers from its signals.

`reconstruct(signals)` enriches the SIGNALS frame with identities (`enrich`, stage by stage),
then builds lazy plans for app runs (`processes`), sessions (`sessions`), tasks (`tasks`),
background wakes and timeline marks (`timeline`) and collects them together. The frame schemas
are documented in those modules, the `Reconstruction.metrics` keys in `timeline`. `to_model`
turns the frames into the report's frozen dataclasses.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

import polars as pl

from traceview.lifecycle.convert import marks_model, processes_model, sessions_model, tasks_model
from traceview.lifecycle.enrich import enrich
from traceview.lifecycle.processes import build_processes
from traceview.lifecycle.sessions import build_sessions
from traceview.lifecycle.tasks import build_tasks
from traceview.lifecycle.timeline import build_marks, handler_wakes, metrics
from traceview.model import Mark, ProcessRun, SessionInfo, TaskInfo
from traceview.schema import ENGINE, SIGNALS, conform, empty

__all__ = ["Reconstruction", "reconstruct", "to_model"]


@dataclass(frozen=True)
class Reconstruction:
    processes: pl.DataFrame
    sessions: pl.DataFrame
    tasks: pl.DataFrame
    marks: tuple[Mark, ...]
    metrics: dict[str, object]
    # For the rules: the enriched signals (SIGNALS + app_side, app_pid, bundle, sid, task_key,
    # run_pid), the background wakes seen through markers, and the end of the log.
    signals: pl.DataFrame = field(default_factory=lambda: empty(SIGNALS))
    wakes: pl.DataFrame = field(default_factory=pl.DataFrame)
    log_end: datetime | None = None


def _for_app(rows: pl.LazyFrame, app: str | None) -> pl.LazyFrame:
    """Keep `app`'s rows and the rows whose bundle the log does not reveal."""
    if app is None:
        return rows
    return rows.filter((pl.col("bundle") == app) | pl.col("bundle").is_null())


def reconstruct(
    signals: pl.DataFrame, *, log_end: datetime | None = None, app: str | None = None
) -> Reconstruction:
    """Signals -> app runs, sessions, tasks, marks and metrics (`app` = one bundle id or all)."""
    # The enriched signals are materialised first (enrich collects per stage): every later plan
    # reads them several times, and a shared lazy subplan is re-planned per reference.
    rows_df = _for_app(enrich(conform(signals.lazy(), SIGNALS)).lazy(), app).collect()
    rows = rows_df.lazy()
    processes = build_processes(rows)
    if app is not None:
        processes = processes.filter(pl.col("bundle_id") == app)
    plans = [
        processes,
        build_sessions(rows),
        build_tasks(rows),
        handler_wakes(rows),
        build_marks(rows, processes),
    ]
    processes_df, sessions_df, tasks_df, wakes_df, marks_df = pl.collect_all(plans, engine=ENGINE)
    end = log_end if log_end is not None else rows_df["timestamp"].max()
    return Reconstruction(
        processes=processes_df,
        sessions=sessions_df,
        tasks=tasks_df,
        marks=marks_model(marks_df),
        metrics=metrics(processes_df, sessions_df, tasks_df, wakes_df, rows_df),
        signals=rows_df,
        wakes=wakes_df,
        log_end=end if isinstance(end, datetime) else None,
    )


def to_model(
    rec: Reconstruction,
) -> tuple[tuple[ProcessRun, ...], tuple[SessionInfo, ...], tuple[TaskInfo, ...]]:
    """The reconstruction as the report's frozen dataclasses (timestamps as ISO text)."""
    return processes_model(rec.processes), sessions_model(rec.sessions), tasks_model(rec.tasks)
