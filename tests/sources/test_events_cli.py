"""`traceview events`: the parsed table on stdout, errors as one line and exit 2."""

from __future__ import annotations

import json
import subprocess
import sys

from sources import specimens as s


def run(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    # Through the real entry point, as a user runs it.
    code = "from traceview.cli import main; main()"
    argv = [sys.executable, "-c", code, "events", *args]
    done = subprocess.run(argv, input=stdin, capture_output=True, check=False)
    if done.returncode == 2 and b"No such command 'events'" in done.stderr:
        # With a single registered command typer runs it without its name.
        argv.remove("events")
        done = subprocess.run(argv, input=stdin, capture_output=True, check=False)
    return done


def test_ndjson_output_of_all_events(tmp_path):
    path = tmp_path / "relay.log"
    path.write_text(s.RELAY_CFNETWORK)
    done = run(str(path), "--format", "ndjson", "--year", "2024")
    assert done.returncode == 0, done.stderr
    rows = [json.loads(line) for line in done.stdout.decode().splitlines()]
    assert [row["pid"] for row in rows] == [2146, 2146, 2146]
    assert rows[0]["timestamp"].startswith("2024-10-11 09:21:10")
    assert b"3 events from 3 lines" in done.stderr


def test_limit_relevant_and_csv(tmp_path):
    path = tmp_path / "console.txt"
    path.write_text(s.CONSOLE_UNICODE_CONTINUATION)
    done = run(str(path), "--relevant", "--limit", "2", "--format", "csv")
    assert done.returncode == 0, done.stderr
    lines = done.stdout.decode().splitlines()
    assert lines[0].startswith("timestamp,tz_known,process") and len(lines) == 3


def test_table_from_stdin():
    done = run("-", stdin=s.XCODE_TRUSTKIT.encode())
    assert done.returncode == 0, done.stderr
    assert "AppName" in done.stdout.decode() and "7281" in done.stdout.decode()


def test_bad_input_is_one_line_and_exit_2(tmp_path):
    path = tmp_path / "blob.bin"
    path.write_bytes(bytes(range(256)))
    done = run(str(path))
    assert done.returncode == 2
    assert done.stderr.decode().strip().count("\n") == 0
    assert "binary data" in done.stderr.decode()
    bad_date = run(str(path), "--date", "05/01/2024")
    assert bad_date.returncode == 2 and "expected YYYY-MM-DD" in bad_date.stderr.decode()
