"""Shared checks for the reader tests."""

from __future__ import annotations

from traceview.sources import ReadResult


def assert_accounted(result: ReadResult) -> None:
    """Every physical line is exactly one of: event, continuation, banner, malformed."""
    c = result.counts
    assert c.lines_total == c.events + c.continuation + c.banner + c.malformed, c
    assert c.lines_total == sum(info.lines for info in result.inputs)


def physical_lines(text: str) -> int:
    if not text:
        return 0
    return text.count("\n") + (0 if text.endswith("\n") else 1)
