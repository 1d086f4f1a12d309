"""Signals per second of traceview.signals.extract_signals over a large event frame.

The frame repeats the template corpus (tests/grammar/templates.py: real lines and lines built
from real templates), giving every repetition its own task/session UUIDs and task numbers, so
most messages are distinct as in a real log, and mixes in irrelevant lines of other processes.

    python3 bench/grammar_bench.py [--repeats 400] [--noise 2]
"""

from __future__ import annotations

import argparse
import re
import sys
import time
import uuid
from pathlib import Path

import polars as pl

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests" / "grammar"))

from templates import all_lines  # noqa: E402

from traceview.schema import EVENTS, conform  # noqa: E402
from traceview.signals import extract_signals  # noqa: E402
from traceview.signals.parse import parse_nested, parse_with  # noqa: E402

UUID = re.compile(r"[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}")
TASK_NUMBER = re.compile(r">\.<(\d+)>")
NOISE = [
    ("wifid", "EAP: eapState=2"),
    ("kernel", "action=READ_ATTRIBUTES, uid=501, vp=/Users/x/Desktop, dvp=<null>, pid=65"),
    ("MeetingMind", "[C17] event: client:connection_idle @0.002s"),
]


def distinct_copy(message: str, repeat: int) -> str:
    """The message with fresh UUIDs and task numbers for this repetition."""
    fresh = UUID.sub(lambda _: str(uuid.uuid4()).upper(), message)
    return TASK_NUMBER.sub(f">.<{repeat}>", fresh)


def build_events(repeats: int, noise: int) -> pl.DataFrame:
    processes, messages = [], []
    for repeat in range(repeats):
        for process, message, _ in all_lines():
            processes.append(process)
            messages.append(distinct_copy(message, repeat))
            for index in range(noise):
                noise_process, noise_message = NOISE[index % len(NOISE)]
                processes.append(noise_process)
                messages.append(noise_message)
    frame = pl.DataFrame({"process": processes, "message": messages})
    frame = frame.with_columns(line=pl.int_range(1, pl.len() + 1), source=pl.lit("bench.log"))
    return conform(frame, EVENTS)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=400)
    parser.add_argument("--noise", type=int, default=2, help="irrelevant lines per relevant line")
    args = parser.parse_args()
    events = build_events(args.repeats, args.noise)
    extract_signals(events.head(1000))  # build the parsers first: loading is not parsing
    for label in ("cold cache", "warm cache"):
        if label == "cold cache":
            parse_with.cache_clear()
            parse_nested.cache_clear()
        started = time.perf_counter()
        result = extract_signals(events)
        seconds = time.perf_counter() - started
        distinct = events.get_column("message").n_unique()
        print(
            f"{label}: {events.height} events ({distinct} distinct messages) -> "
            f"{result.recognized} signals in {seconds:.2f} s = "
            f"{result.recognized / seconds:,.0f} signals/s, {events.height / seconds:,.0f} events/s"
        )


if __name__ == "__main__":
    main()
