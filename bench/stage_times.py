"""Where `traceview analyze` spends its time: seconds per stage, and grammar throughput.

Usage:
    python3 bench/stage_times.py FILE [FILE...]

Prints, per input, the wall time of each pipeline stage (reading, recognising = the Lark
grammars, reconstructing, checking rules), the grammars' share of the total, and how many
signals per second the recognising stage produced.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # run from a checkout

from traceview.api import analyze


def stage_times(path: str) -> tuple[dict[str, float], int]:
    marks: list[tuple[str, float]] = []
    analysis = analyze([path], progress=lambda stage: marks.append((stage, time.perf_counter())))
    marks.append(("done", time.perf_counter()))
    seconds = {stage: marks[i + 1][1] - at for i, (stage, at) in enumerate(marks[:-1])}
    return seconds, analysis.signals.height


def main(paths: list[str]) -> None:
    for path in paths:
        seconds, signals = stage_times(path)
        total = sum(seconds.values())
        print(f"{path}: {total:.1f} s in all, {signals} signals")
        for stage, spent in seconds.items():
            print(f"  {stage:<16} {spent:7.2f} s  {100 * spent / total:5.1f} %")
        grammar = seconds.get("recognising", 0.0)
        if grammar:
            print(f"  grammars: {signals / grammar:,.0f} signals/s")


if __name__ == "__main__":
    main(sys.argv[1:])
