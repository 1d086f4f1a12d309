"""The message vocabulary: recognise background-transfer messages as typed signals.

    result = extract_signals(events)      # events: traceview.schema.EVENTS
    result.signals                        # traceview.schema.SIGNALS, one row per recognised event
    result.coverage                       # what was relevant but not recognised

    parse_message("Task <…>.<1> will begin", "nsurlsessiond")  # -> {"kind": "task_will_begin", ...}

Grammars: grammars/*.lark (one per message family); the family table: signals/families.py.
"""

from __future__ import annotations

from dataclasses import dataclass

import polars as pl

from traceview.model import Coverage
from traceview.signals.coverage import build_coverage
from traceview.signals.extract import recognise
from traceview.signals.kinds import SignalKind
from traceview.signals.parse import parse_message

__all__ = ["SignalKind", "SignalResult", "extract_signals", "parse_message"]


@dataclass(frozen=True)
class SignalResult:
    signals: pl.DataFrame  # traceview.schema.SIGNALS, one row per recognised event, event order
    recognized: int
    coverage: Coverage


def extract_signals(events: pl.DataFrame) -> SignalResult:
    """Recognise every relevant event of `events` (traceview.schema.EVENTS)."""
    recognition = recognise(events)
    return SignalResult(
        signals=recognition.signals,
        recognized=recognition.signals.height,
        coverage=build_coverage(recognition.signals, recognition.unrecognized),
    )
