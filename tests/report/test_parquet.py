"""--parquet DIR: one Parquet file per table, readable back unchanged."""

from __future__ import annotations

from pathlib import Path

import polars as pl
import pytest
from polars.testing import assert_frame_equal

from traceview.errors import TraceviewError
from traceview.report import write_parquet


def test_writes_one_file_per_frame_into_a_new_directory(tmp_path: Path) -> None:
    frames = {
        "tasks": pl.DataFrame(
            {"task_uuid": ["A", "B"], "task_number": [1, 2], "delivered": [True, None]}
        ),
        "findings": pl.DataFrame(
            {"rule": ["http_error_status"], "evidence": [["x.log:3", "x.log:9"]]}
        ),
    }
    target = tmp_path / "out" / "tables"
    written = write_parquet(frames, target)
    assert written == [target / "tasks.parquet", target / "findings.parquet"]
    for name, frame in frames.items():
        assert_frame_equal(pl.read_parquet(target / f"{name}.parquet"), frame)


def test_unwritable_directory_is_a_one_line_error(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a directory")
    with pytest.raises(TraceviewError, match="cannot create"):
        write_parquet({"t": pl.DataFrame({"a": [1]})}, blocker / "sub")
