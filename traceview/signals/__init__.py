"""The message vocabulary: recognise background-transfer messages as typed signals.

    result = extract_signals(events)      # events: traceview.schema.EVENTS
    result.signals                        # traceview.schema.SIGNALS, one row per recognised event
    result.coverage                       # what was relevant but not recognised

    parse_message("Task <…>.<1> will begin", "nsurlsessiond")  # -> {"kind": "task_will_begin", ...}

Grammars: grammars/*.lark (one per message family); the family table: signals/families.py.

Field conventions beyond the obvious (tests/grammar/ pin every one with real lines):
- `bundle_id`/`target_pid` name the process a line is about (RunningBoard identities keep only
  the bundle: persona, `((null))` and the macOS `application.<b>.<n>.<n>(<uid>)` are dropped;
  helpers such as `xpcservice<WebContent(...)>` give the helper's own name and pid).
- `requester` is whoever asked: RunningBoard originator (`com.apple.SpringBoard`), FrontBoard
  requester (`nsurlsessiond`), assertiond owner, powerd's `runningboardd`.
- RunningBoard assertion kinds put the assertion id (`32-59-4103`) in `detail`, the explanation
  in `assertion_name`, the attribute reason as logged in `assertion_reason`
  (`runningReason:10000`, `reason:FinishTask`, `domain:"…" name:"…"`) and `role` from the CPU grant.
- `fb_process_state`: `state` = taskState (`Running`/`Not Running`), `role` = visibility.
- `fb_bootstrapping`: `state` = the intent as logged (`background`, `BACKGROUND`, …).
- exit kinds: `exit_namespace`/`exit_code`/`exit_status` as logged, `exit_reason` an EndReason
  value from signals.exits, `detail` the human reading (`signal 10 (SIGBUS)`).
- `task_summary`: `http_status` only when response_status > 0; the other keys stay in `detail`.
- `connection_event`: `name` = the connection id (`C3794`), `state` = start|cancel|cancelled.
- `wake_failed` from `Failed to open application …`: `state` = the logged timeout (YES|NO).
- markers: `name` = the marker event; keys mapped as docs/markers.md says.
"""

from __future__ import annotations

from dataclasses import dataclass

import polars as pl

from traceview.model import Coverage
from traceview.signals.coverage import build_coverage
from traceview.signals.extract import recognise
from traceview.signals.kinds import SignalKind
from traceview.signals.parse import parse_message
from traceview.signals.pool import MessageParser

__all__ = ["SignalKind", "SignalResult", "extract_signals", "parse_message"]


@dataclass(frozen=True)
class SignalResult:
    signals: pl.DataFrame  # traceview.schema.SIGNALS, one row per recognised event, event order
    recognized: int
    coverage: Coverage


def extract_signals(events: pl.DataFrame, parser: MessageParser | None = None) -> SignalResult:
    """Recognise every relevant event of `events` (traceview.schema.EVENTS).

    `parser`: an open MessageParser to share (see traceview.signals.pool), else one per call.
    """
    recognition = recognise(events, parser)
    return SignalResult(
        signals=recognition.signals,
        recognized=recognition.signals.height,
        coverage=build_coverage(recognition.signals, recognition.unrecognized),
    )
