"""Streams a scenario, interleaved with noise, in one export style."""

from __future__ import annotations

import io
import random
from collections import Counter
from typing import IO

import polars as pl

from traceview.simulate import styles
from traceview.simulate.engine import play
from traceview.simulate.entries import Entry
from traceview.simulate.noise import noise_frame
from traceview.simulate.timeline import Scenario

CHUNK_ROWS = 200_000
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


def _noise(scenario: pl.DataFrame, count: int, seed: int) -> pl.DataFrame:
    if count <= 0:
        return pl.DataFrame(schema=styles.FRAME_SCHEMA)
    if scenario.is_empty():
        first = last = 0
    else:
        first, last = int(scenario["t_us"].min()), int(scenario["t_us"].max())  # type: ignore[arg-type]
    frame = noise_frame(count, first - SPAN_MARGIN_US, last + SPAN_MARGIN_US, seed)
    return frame.with_columns(_tid_hex_bulk(frame["tid"])).select(list(styles.FRAME_SCHEMA))


def _tid_hex_bulk(tids: pl.Series) -> pl.Expr:
    # Noise tids come from a small table: format each distinct value once.
    distinct = tids.unique().to_list()
    return (
        pl.col("tid")
        .replace_strict({v: f"{v:x}" for v in distinct}, return_dtype=pl.String)
        .alias("tid_hex")
    )


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
    sample = _noise(scn_frame, 4000, seed + 1)
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
    noise_rows = _noise(scn_frame, count, seed)
    merged = pl.concat([scn_frame, noise_rows]).sort("t_us", maintain_order=True)
    _write_frames(scn, style, out, merged)


def _write_frames(scn: Scenario, style: str, out: IO[str], merged: pl.DataFrame) -> None:
    header = {
        "default": styles.DEFAULT_HEADER,
        "compact": styles.COMPACT_HEADER,
        "syslog": styles.SYSLOG_HEADER,
    }
    if style in header:
        out.write(header[style] + "\n")
    counts: Counter[str] = Counter()
    first = True
    for offset in range(0, max(merged.height, 1), CHUNK_ROWS):
        chunk = merged.slice(offset, CHUNK_ROWS)
        if chunk.is_empty():
            break
        lines = styles.format_lines(chunk, style, scn.tz_minutes, scn.era)
        if style == "json":
            out.write(("[" if first else ",") + ",".join(lines))
        else:
            out.write("\n".join(lines) + "\n")
        first = False
        if style == "default":
            counts.update(dict(chunk["level"].value_counts().iter_rows()))
    _write_end(style, out, merged.height, counts, first)


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
