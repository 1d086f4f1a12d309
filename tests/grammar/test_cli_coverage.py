"""`traceview coverage`: the most frequent unrecognised shapes, with an example and file:line."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

# Console.app copy (real_lines.md §1.1, §3.4): two unrecognised runningboardd lines of one shape
EXPORT = "\n".join(
    [
        "default\t16:53:26.611899 +0200\tBackgroundBackup\tTask <30768301-CCBD-47EA-90CD-"
        "FBD5AC72F6C4>.<1605> resuming, QOS(0x9)",
        "default\t14:55:04.002671+0100\trunningboardd\t9E14D7E1-BAC5-40E4-8DE3-67C4903BD10E "
        "monitor: got an update with state 4",
        "default\t14:55:04.002699+0100\trunningboardd\t5514D7E1-BAC5-40E4-8DE3-67C4903BD10E "
        "monitor: got an update with state 5",
        "default\t14:55:04.002595+0100\trunningboardd\t[xpcservice<com.apple.WebKit.WebContent("
        "[application<com.xxx.xxx>:716])>:721:721] Suspending task.",
    ]
)


def run(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "COLUMNS": "240", "NO_COLOR": "1"}
    return subprocess.run(
        [sys.executable, "-m", "traceview", *args],
        capture_output=True,
        text=True,
        env=env,
        cwd=Path(__file__).resolve().parents[2],
        timeout=120,
    )


def test_coverage_lists_shapes_with_an_example(tmp_path):
    export = tmp_path / "console.txt"
    export.write_text(EXPORT + "\n", encoding="utf-8")
    done = run("coverage", str(export), "--top", "5")
    assert done.returncode == 0, done.stderr
    assert "<UUID> monitor: got an update with state <N>" in done.stdout
    assert f"{export}:2" in done.stdout
    assert "Suspending task" not in done.stdout  # recognised, so not listed
    assert "2 recognised, 2 unrecognised" in done.stderr


def test_coverage_of_a_missing_file_is_a_usage_error(tmp_path):
    done = run("coverage", str(tmp_path / "missing.log"))
    assert done.returncode == 2
    assert "Traceback" not in done.stderr
