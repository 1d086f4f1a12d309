"""Parsing on several processes gives exactly what one process gives, and survives workers
that cannot start or die."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from traceview.signals import pool
from traceview.signals.extract import recognise
from traceview.sources import read_inputs

SAMPLES = Path(__file__).resolve().parents[2] / "samples"


@pytest.fixture(scope="module")
def events():
    return read_inputs([SAMPLES / "uploads_after_jetsam_ios17.log"]).events


@pytest.fixture
def small_batches(monkeypatch):
    """Workers even for a sample: tiny thresholds, two extra processes."""
    monkeypatch.setattr(pool, "MIN_MESSAGES", 1)
    monkeypatch.setattr(pool, "BATCH", 7)
    monkeypatch.setattr(pool, "STEP", 2)
    monkeypatch.setenv("TRACEVIEW_JOBS", "3")


def _alone(events, monkeypatch):
    monkeypatch.setenv("TRACEVIEW_JOBS", "1")
    result = recognise(events)
    monkeypatch.setenv("TRACEVIEW_JOBS", "3")
    return result


def test_workers_recognise_exactly_what_one_process_does(events, small_batches, monkeypatch):
    started = []
    real_worker = pool.Worker

    def counting_worker():
        started.append(1)
        return real_worker()

    monkeypatch.setattr(pool, "Worker", counting_worker)
    shared = recognise(events)
    assert len(started) == 2  # the workers really ran
    alone = _alone(events, monkeypatch)
    assert shared.signals.height > 100
    assert shared.signals.equals(alone.signals)
    assert shared.unrecognized.equals(alone.unrecognized)


def test_a_worker_that_dies_leaves_its_messages_to_this_process(events, small_batches, monkeypatch):
    monkeypatch.setattr(
        pool, "WORKER", [sys.executable, "-c", "import sys; sys.stdin.buffer.read(1)"]
    )
    shared = recognise(events)
    assert shared.signals.equals(_alone(events, monkeypatch).signals)


def test_a_worker_that_cannot_start_is_not_needed(events, small_batches, monkeypatch):
    monkeypatch.setattr(pool, "WORKER", ["/nonexistent/python3"])
    shared = recognise(events)
    assert shared.signals.equals(_alone(events, monkeypatch).signals)


def test_one_job_or_few_messages_start_no_worker(events, monkeypatch):
    def no_worker():
        raise AssertionError("a worker was started")

    monkeypatch.setattr(pool, "Worker", no_worker)
    monkeypatch.setenv("TRACEVIEW_JOBS", "1")
    monkeypatch.setattr(pool, "MIN_MESSAGES", 1)
    assert recognise(events).signals.height > 100
    monkeypatch.setenv("TRACEVIEW_JOBS", "4")
    monkeypatch.setattr(pool, "MIN_MESSAGES", 10**9)
    assert recognise(events).signals.height > 100


def test_jobs_reads_the_environment(monkeypatch):
    monkeypatch.setenv("TRACEVIEW_JOBS", "3")
    assert pool.jobs() == 3
    monkeypatch.setenv("TRACEVIEW_JOBS", "zero")
    assert 1 <= pool.jobs() <= pool.MAX_JOBS


def test_workers_never_re_run_the_callers_script(tmp_path):
    """A script without a __main__ guard analyses once (multiprocessing spawn would re-run it)."""
    script = tmp_path / "no_guard.py"
    script.write_text(
        textwrap.dedent(
            f"""
            import traceview.signals.pool as pool
            pool.MIN_MESSAGES, pool.BATCH, pool.STEP = 1, 7, 2
            from traceview.api import analyze
            print("ran")
            print(len(analyze([{str(SAMPLES / "uploads_after_jetsam_ios17.log")!r}]).signals))
            """
        )
    )
    env = {**__import__("os").environ, "TRACEVIEW_JOBS": "2"}
    done = subprocess.run(
        [sys.executable, str(script)], capture_output=True, text=True, env=env, timeout=120
    )
    assert done.returncode == 0, done.stderr
    lines = done.stdout.split()
    assert lines[0] == "ran" and lines.count("ran") == 1 and int(lines[1]) > 100


def test_analyze_warms_workers_before_reading_and_closes_them(small_batches, monkeypatch):
    import traceview.api as api

    order: list[str] = []
    started: list[pool.Worker] = []
    real_worker, real_read = pool.Worker, api.read_inputs

    def tracked_worker():
        order.append("worker")
        started.append(real_worker())
        return started[-1]

    def tracked_read(*args, **kwargs):
        order.append("read")
        return real_read(*args, **kwargs)

    monkeypatch.setattr(pool, "Worker", tracked_worker)
    monkeypatch.setattr(api, "read_inputs", tracked_read)
    monkeypatch.setattr(api, "BYTES_PER_MESSAGE", 1)  # the sample looks big enough
    shared = api.analyze([SAMPLES / "uploads_after_jetsam_ios17.log"])
    assert order == ["worker", "worker", "read"]
    assert all(worker.process.poll() is not None for worker in started)  # closed after
    monkeypatch.setenv("TRACEVIEW_JOBS", "1")
    alone = api.analyze([SAMPLES / "uploads_after_jetsam_ios17.log"])
    assert shared.signals.equals(alone.signals)
    assert shared.report == alone.report


def test_estimated_messages_sizes_files_and_folders(tmp_path, monkeypatch):
    from traceview.api import BYTES_PER_MESSAGE, estimated_messages

    (tmp_path / "a.log").write_bytes(b"x" * BYTES_PER_MESSAGE * 3)
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.log").write_bytes(b"x" * BYTES_PER_MESSAGE * 2)
    assert estimated_messages([tmp_path / "a.log"]) == 3
    assert estimated_messages([tmp_path]) == 5
    assert estimated_messages(["-", tmp_path / "missing.log"]) == 0


def test_workers_import_this_traceview_not_one_in_the_working_directory(
    events, small_batches, monkeypatch, tmp_path
):
    decoy = tmp_path / "traceview" / "signals"
    decoy.mkdir(parents=True)
    for package in (decoy.parent, decoy):
        (package / "__init__.py").write_text("")
    (decoy / "worker.py").write_text("import sys\nsys.exit(7)\n")
    monkeypatch.chdir(tmp_path)
    started: list[pool.Worker] = []
    real_worker = pool.Worker

    def tracked_worker():
        started.append(real_worker())
        return started[-1]

    monkeypatch.setattr(pool, "Worker", tracked_worker)
    recognise(events)
    assert started and all(worker.process.returncode == 0 for worker in started)
