"""Readers: every real iOS log export -> one EVENTS table (traceview.schema.EVENTS).

    result = read_inputs(["device.log.gz", "sysdiagnose_….tar.gz"], ReadOptions(date=...))
    result.events, result.inputs, result.counts, result.malformed

Formats are recognised by content (`sniff`); see docs in each module and log_formats.md.
"""

from __future__ import annotations

from traceview.sources.api import parse_text, read_inputs, sniff
from traceview.sources.results import LineCounts, ReadOptions, ReadResult

__all__ = ["LineCounts", "ReadOptions", "ReadResult", "parse_text", "read_inputs", "sniff"]
