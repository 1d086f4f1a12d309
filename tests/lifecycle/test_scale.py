"""Reconstruction and rules at the size of a day-long log (~100 k signals).

polars 2.1's streaming engine panicked in `build_marks` at this size (pl.format in a when/then);
traceview collects its plans in memory (schema.ENGINE). A sample's signals, repeated with
shifted times and pids, are that size without running the grammars 100 k times.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import polars as pl

from traceview.api import analyze
from traceview.lifecycle import reconstruct
from traceview.rules import run_rules

SAMPLE = Path(__file__).resolve().parents[2] / "samples" / "uploads_after_jetsam_ios17.log"
TARGET_ROWS = 100_000


def test_a_hundred_thousand_signals_rebuild_without_a_panic():
    one = analyze([SAMPLE])
    signals = one.signals
    span = signals["timestamp"].max() - signals["timestamp"].min() + dt.timedelta(hours=1)
    copies = TARGET_ROWS // signals.height + 1
    shifted = [
        signals.with_columns(
            pl.col("timestamp") + span * n,
            pl.col("pid") + 100_000 * n,
            (pl.lit(f"{n:08X}") + pl.col("task_uuid").str.slice(8)).alias("task_uuid"),
        )
        for n in range(copies)
    ]
    rec = reconstruct(pl.concat(shifted))
    assert rec.tasks.height == copies * one.reconstruction.tasks.height
    assert rec.processes.height == copies * one.reconstruction.processes.height
    states = rec.tasks.group_by("final_state").len().sort("final_state")
    alone = one.reconstruction.tasks.group_by("final_state").len().sort("final_state")
    assert states["len"].to_list() == [n * copies for n in alone["len"].to_list()]
    findings = run_rules(rec, rec.signals)
    assert {f.rule for f in findings} >= {f.rule for f in one.report.findings}
