"""Shared consoles and exit codes for every command."""

from __future__ import annotations

from rich.console import Console

EXIT_OK = 0
EXIT_FINDINGS = 1  # findings at or above --fail-on
EXIT_USAGE = 2  # usage or input error
EXIT_INTERNAL = 3  # a bug in traceview (reported in one line; TRACEVIEW_DEBUG=1 for the traceback)
EXIT_INTERRUPTED = 130  # Ctrl-C: the shell convention (128 + SIGINT)

out = Console()
err = Console(stderr=True)
