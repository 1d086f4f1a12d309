"""Streams a scenario, interleaved with noise, in one export style."""

from __future__ import annotations

import io
import random
from collections import Counter
from collections.abc import Iterator
from typing import IO

import numpy as np
import polars as pl

from traceview.simulate import styles
from traceview.simulate.engine import play
from traceview.simulate.entries import Entry
from traceview.simulate.noise import NoisePlan, noise_plan
from traceview.simulate.timeline import Scenario

CHUNK_ROWS = 100_000
SPAN_MARGIN_US = 5_000_000  # noise also before the first and after the last scenario line


def scenario_frame(scn: Scenario, entries: list[Entry], seed: int) -> pl.DataFrame:
    start_us = int(scn.start_epoch * 1_000_000)
    rng = random.Random(seed ^ 0x5EED)
    threads: dict[tuple[str, int], list[int]] = {}
    tids = []
    for entry in entries:
        pool = threads.setdefault(
            (entry.process, entry.pid), [rng.randint(0x1000, 0x3FFFFF) for _ in range(3)]
        )
        tids.append(rng.choice(pool))
    return pl.DataFrame(
        {
            "t_us": [start_us + round(entry.t * 1_000_000) for entry in entries],
            "process": [entry.process for entry in entries],
            "pid": [entry.pid for entry in entries],
            "tid": tids,
            "tid_hex": [f"{tid:x}" for tid in tids],
            "level": [entry.level for entry in entries],
            "sender": [entry.sender for entry in entries],
            "subsystem": [entry.subsystem for entry in entries],
            "category": [entry.category for entry in entries],
            "message": [entry.message for entry in entries],
        },
        schema=styles.FRAME_SCHEMA,
    )


def _plan(scenario: pl.DataFrame, count: int, seed: int) -> NoisePlan:
    if scenario.is_empty():
        first = last = 0
    else:
        first, last = int(scenario["t_us"].min()), int(scenario["t_us"].max())  # type: ignore[arg-type]
    return noise_plan(max(count, 0), first - SPAN_MARGIN_US, last + SPAN_MARGIN_US, seed)


def _frames(scn_frame: pl.DataFrame, plan: NoisePlan) -> Iterator[pl.DataFrame]:
    """Scenario and noise rows merged in time order, CHUNK_ROWS noise lines at a time."""
    columns = list(styles.FRAME_SCHEMA)
    scn_times = scn_frame["t_us"].to_numpy()
    taken = 0
    for lo in range(0, max(plan.count, 1), CHUNK_ROWS):
        hi = min(lo + CHUNK_ROWS, plan.count)
        last_chunk = hi >= plan.count
        bound = len(scn_times) if last_chunk else int(np.searchsorted(scn_times, plan.times[hi]))
        parts = [scn_frame.slice(taken, bound - taken)]
        if hi > lo:
            parts.append(plan.rows(lo, hi).select(columns))
        taken = bound
        yield pl.concat(parts).sort("t_us", maintain_order=True)


def _noise_count(
    scn_frame: pl.DataFrame,
    style: str,
    scn: Scenario,
    noise: float,
    target_bytes: int | None,
    seed: int,
) -> int:
    if target_bytes is None:
        return round(noise * scn_frame.height)
    sample = _plan(scn_frame, 4000, seed + 1).rows(0, 4000)
    per_line = (
        sum(len(x) + 1 for x in styles.format_lines(sample, style, scn.tz_minutes, scn.era)) / 4000
    )
    scenario_bytes = sum(
        len(x) + 1 for x in styles.format_lines(scn_frame, style, scn.tz_minutes, scn.era)
    )
    return max(0, int((target_bytes - scenario_bytes) / per_line))


def write(
    scn: Scenario,
    style: str,
    out: IO[str],
    *,
    seed: int = 0,
    noise: float = 0.0,
    target_bytes: int | None = None,
) -> None:
    """Write the scenario's log in `style` to `out`, streaming in chunks.

    `noise` is unrelated lines per scenario line; `target_bytes` instead pads the file with
    noise up to about that size (for benchmarks)."""
    if style not in styles.STYLES:
        raise ValueError(f"unknown style {style!r}; choose one of {', '.join(styles.STYLES)}")
    entries, _ = play(scn)
    scn_frame = scenario_frame(scn, entries, seed)
    count = _noise_count(scn_frame, style, scn, noise, target_bytes, seed)
    _write_frames(scn, style, out, _frames(scn_frame, _plan(scn_frame, count, seed)))


def _write_frames(scn: Scenario, style: str, out: IO[str], frames: Iterator[pl.DataFrame]) -> None:
    header = {
        "default": styles.DEFAULT_HEADER,
        "compact": styles.COMPACT_HEADER,
        "syslog": styles.SYSLOG_HEADER,
    }
    if style in header:
        out.write(header[style] + "\n")
    counts: Counter[str] = Counter()
    total = 0
    for chunk in frames:
        if chunk.is_empty():
            continue
        lines = styles.format_lines(chunk, style, scn.tz_minutes, scn.era)
        if style == "json":
            out.write(("[" if total == 0 else ",") + ",".join(lines))
        else:
            out.write("\n".join(lines) + "\n")
        total += chunk.height
        if style == "default":
            counts.update(dict(chunk["level"].value_counts().iter_rows()))
    _write_end(style, out, total, counts, total == 0)


def _write_end(style: str, out: IO[str], total: int, counts: Counter[str], empty: bool) -> None:
    if style == "default":
        out.write(styles.trailer_default(dict(counts)))
    elif style == "ndjson":
        out.write(f'{{"count":{total},"finished":1}}\n')
    elif style == "json":
        out.write("[]\n" if empty else "]\n")


def render(scn: Scenario, style: str, *, seed: int = 0, noise: float = 0.0) -> str:
    """The whole log as one string (small scenarios, tests)."""
    buffer = io.StringIO()
    write(scn, style, buffer, seed=seed, noise=noise)
    return buffer.getvalue()
