"""Parse many distinct messages on every core.

The grammars run in pure Python, so one process parses on one core. When a log holds thousands
of distinct relevant messages, worker processes (`python -m traceview.signals.worker`, fed
through pipes) take batches from the front of the list while this process takes them from the
back; the two meet in the middle, so a worker still starting up (~0.35 s) costs nothing. Plain
subprocesses rather than multiprocessing: a spawned multiprocessing child re-imports the
caller's main script, which a library must not do to its users.

A worker that cannot start or dies leaves its batch to this process. `TRACEVIEW_JOBS=N` caps
the processes used, this one included (1: no workers).
"""

from __future__ import annotations

import os
import pickle
import select
import subprocess
import sys
from pathlib import Path
from typing import Any, BinaryIO, cast

from traceview.signals.parse import parse_with

Fields = dict[str, Any]
Batch = list[str]

BATCH = 400  # messages per worker request: ~30 ms of parsing, well under 1 ms to ship
STEP = 50  # messages this process parses between looks at the workers (~4 ms)
MIN_MESSAGES = 4000  # below this a worker starts up for less than it saves
MAX_JOBS = 8
WORKER = [sys.executable, "-m", "traceview.signals.worker"]
# The directory holding this traceview package: a worker runs there, so `-m` (which looks in the
# working directory first) imports this same traceview, never another one beside the user.
PACKAGE_ROOT = Path(__file__).resolve().parents[2]


def parse_batch(family: str, messages: Batch) -> list[Fields | None]:
    """Each message's fields under one family (the workers run exactly this)."""
    return [parse_with(family, message) for message in messages]


def jobs() -> int:
    """Processes to parse with, this one included."""
    if os.name != "posix" or not sys.executable:  # select() on pipes is POSIX only
        return 1
    configured = os.environ.get("TRACEVIEW_JOBS", "")
    if configured.isdigit() and int(configured) >= 1:
        return int(configured)
    return max(1, min(os.cpu_count() or 1, MAX_JOBS))


class Worker:
    """One worker process and the slice of messages it is parsing (None when idle)."""

    def __init__(self) -> None:
        self.process = subprocess.Popen(
            WORKER,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            cwd=PACKAGE_ROOT,
        )
        self.span: tuple[int, int] | None = None

    def send(self, span: tuple[int, int], family: str, messages: Batch) -> None:
        stdin = cast(BinaryIO, self.process.stdin)
        pickle.dump((family, messages), stdin, protocol=pickle.HIGHEST_PROTOCOL)
        stdin.flush()
        self.span = span

    def ready(self) -> bool:
        return bool(select.select([cast(BinaryIO, self.process.stdout)], [], [], 0)[0])

    def receive(self) -> list[Fields | None]:
        self.span = None
        return cast(list, pickle.load(cast(BinaryIO, self.process.stdout)))

    def close(self) -> None:
        try:
            cast(BinaryIO, self.process.stdin).close()
            self.process.wait(timeout=5)
        except (OSError, subprocess.TimeoutExpired):
            self.process.kill()
            self.process.wait()


class MessageParser:
    """Parses lists of messages, with workers when `expected` distinct messages make it pay."""

    def __init__(self, expected: int = 0) -> None:
        self.wanted_workers = 0
        self.workers: list[Worker] = []
        self.expect(expected)

    def expect(self, expected: int) -> None:
        """Allow workers once `expected` distinct messages are known (or estimated) to come."""
        if expected >= MIN_MESSAGES and not self.wanted_workers:
            self.wanted_workers = jobs() - 1

    def warm_up(self) -> None:
        """Start the workers now, so they load while the caller still reads the log."""
        if self.wanted_workers:
            self._start_workers()

    def __enter__(self) -> MessageParser:
        return self

    def __exit__(self, *exc: object) -> None:
        for worker in self.workers:
            worker.close()
        self.workers = []

    def parse(self, family: str, messages: Batch) -> list[Fields | None]:
        """Fields (or None) for each of `messages`, in order."""
        if not self.wanted_workers or len(messages) < 2 * BATCH:
            return parse_batch(family, messages)
        self._start_workers()
        return _Round(family, messages, self.workers).run()

    def _start_workers(self) -> None:
        while len(self.workers) < self.wanted_workers:
            try:
                self.workers.append(Worker())
            except OSError:
                self.wanted_workers = len(self.workers)  # cannot start more: go on with these


class _Round:
    """One family's messages shared out: workers from the front, this process from the back.

    This process takes small steps so that it notices a worker's answer soon after it comes
    (a worker waits idle until then).
    """

    def __init__(self, family: str, messages: Batch, workers: list[Worker]) -> None:
        self.family = family
        self.messages = messages
        self.workers = workers
        self.results: list[Fields | None] = [None] * len(messages)
        self.front, self.back = 0, len(messages)

    def run(self) -> list[Fields | None]:
        for worker in self.workers:
            self._hand_out(worker)
        while self.front < self.back:
            start = max(self.front, self.back - STEP)
            self._parse_here(start, self.back)
            self.back = start
            for worker in self.workers:
                if worker.span is not None and worker.ready():
                    self._collect(worker)
                    self._hand_out(worker)
        for worker in self.workers:
            if worker.span is not None:
                self._collect(worker)
        return self.results

    def _parse_here(self, start: int, end: int) -> None:
        self.results[start:end] = parse_batch(self.family, self.messages[start:end])

    def _hand_out(self, worker: Worker) -> None:
        if self.front >= self.back or worker.process.poll() is not None:
            return
        span = (self.front, min(self.front + BATCH, self.back))
        try:
            worker.send(span, self.family, self.messages[span[0] : span[1]])
        except OSError:  # the worker is gone: its slice stays with this process
            worker.span = None
            return
        self.front = span[1]

    def _collect(self, worker: Worker) -> None:
        span = worker.span
        assert span is not None
        try:
            self.results[span[0] : span[1]] = worker.receive()
        except (OSError, EOFError, pickle.UnpicklingError):  # it died: parse its slice here
            worker.process.kill()
            self._parse_here(*span)
