"""`--parquet DIR`: the tables behind a report, one Parquet file each."""

from __future__ import annotations

from pathlib import Path

import polars as pl

from traceview.errors import TraceviewError


def write_parquet(frames: dict[str, pl.DataFrame], directory: Path) -> list[Path]:
    """Write `<name>.parquet` per frame into `directory` (created if needed); return the paths."""
    try:
        directory.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise TraceviewError(f"cannot create {directory}: {error.strerror}") from error
    written = []
    for name, frame in frames.items():
        path = directory / f"{name}.parquet"
        try:
            frame.write_parquet(path)
        except OSError as error:
            raise TraceviewError(f"cannot write {path}: {error.strerror}") from error
        written.append(path)
    return written
