"""User-facing errors: each carries a one-line message naming the file and the fix."""

from __future__ import annotations


class TraceviewError(Exception):
    """An input or usage problem. The CLI prints `str(error)` on one line and exits with 2."""

    exit_code = 2


class UnknownFormatError(TraceviewError):
    """No reader recognises the file's content."""


class InputError(TraceviewError):
    """The input exists but cannot be read (truncated, unsafe archive, needs a Mac, ...)."""
