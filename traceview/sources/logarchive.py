"""A `.logarchive` bundle (log_formats.md §10): tracev3 needs Apple's `log` tool.

On macOS the archive is streamed through `log show --style ndjson`; elsewhere a text/NDJSON export
found in the folder is read instead, or the user is told the exact command to run on a Mac.
"""

from __future__ import annotations

import shlex
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import BinaryIO, cast

from traceview.errors import InputError
from traceview.sources.collect import Collector
from traceview.sources.ndjson import NdjsonReader
from traceview.sources.reader import InputState
from traceview.sources.streams import line_chunks, peek

LOG_TOOL = Path("/usr/bin/log")


def can_run_log() -> bool:
    return sys.platform == "darwin" and LOG_TOOL.exists()


def log_show_command(archive: Path) -> list[str]:
    return [
        str(LOG_TOOL),
        "show",
        "--archive",
        str(archive),
        "--style",
        "ndjson",
        "--info",
        "--debug",
    ]


def needs_mac(archive: Path, shown_as: str | None = None) -> InputError:
    """The one-line error telling exactly what to run on a Mac."""
    quoted = shlex.quote(str(archive))
    output = f"{archive.name}.ndjson"
    prefix = (
        f"{shown_as} holds {archive.name}, a .logarchive"
        if shown_as
        else f"{archive} is a .logarchive"
    )
    return InputError(
        f"{prefix}; reading tracev3 needs macOS: run  log show --archive {quoted} --style ndjson "
        f"--info --debug > {shlex.quote(output)}  on a Mac, "
        f"then: traceview analyze {shlex.quote(output)}"
    )


def stream_with_log(archive: Path, source: str, state: InputState, collector: Collector) -> None:
    """macOS only: `log show --archive` piped through the NDJSON reader."""
    # stderr goes to a file: a full stderr pipe would block `log` while we read stdout.
    command = log_show_command(archive)
    with (
        tempfile.TemporaryFile() as errors,
        subprocess.Popen(command, stdout=subprocess.PIPE, stderr=errors) as process,
    ):
        assert process.stdout is not None
        emit = collector.open_leaf(state.index, source, "ndjson", True, state.tally)
        reader = NdjsonReader("ndjson", source, state.tally, emit, collector.options.relevant_only)
        for lines, first, final in line_chunks(peek(cast(BinaryIO, process.stdout), source)):
            reader.feed(lines, first, final)
        process.wait()
        errors.seek(0)
        error = errors.read().decode("utf-8", "replace").strip().splitlines()
    if process.returncode:
        detail = error[0] if error else f"exit status {process.returncode}"
        raise InputError(f"{archive}: `log show --archive` failed: {detail}")
