"""Every line of shared/reference/real_lines.md: nothing raises, and every relevant real line of
the background-transfer processes is recognised (or is listed below with the reason it is not).
"""

from __future__ import annotations

import polars as pl
import pytest
from corpus import REAL_LINES, RealLine, real_lines

from traceview.relevance import is_relevant
from traceview.signals import extract_signals, parse_message
from traceview.signals.families import APP

pytestmark = pytest.mark.skipif(not REAL_LINES.exists(), reason="real_lines.md is absent")

# Processes a message-only line may come from (the block does not say)
CANDIDATES = ("nsurlsessiond", "runningboardd", "SpringBoard", "assertiond", "dasd", "powerd", APP)
# Real lines of relevant processes that carry no lifecycle meaning (not §11 templates)
NOT_TEMPLATES = {
    "Error linking upload file:": "iOS 8 file-linking error, not a task lifecycle line",
    "-[DownloaderSessionDelegate": "the app's own log line mentioning a task",
    "[com.AppCo.MyApp] Ignore becoming background": "notification-server bookkeeping",
    "9E14D7E1-BAC5-40E4-8DE3-67C4903BD10E monitor:": "RunningBoard monitor chatter",
    "RBSStateCapture": "RunningBoard diagnostics",
    "Periodic Run States": "RunningBoard diagnostics",
    "Checking PreventLaunch": "RunningBoard diagnostics",
    "WKProcessAssertionBackgroundTaskManager": "WebKit's own assertion bookkeeping",
    "0x1c424e8b0 - WKProcessAssertionBackgroundTaskManager": "WebKit's own assertion bookkeeping",
    "client <private> HWM increased": "assertiond client bookkeeping",
}


@pytest.fixture(scope="module")
def corpus() -> list[RealLine]:
    return real_lines()


def recognised(line: RealLine) -> dict | None:
    for process in [line.process] if line.process else CANDIDATES:
        fields = parse_message(line.message, process)
        if fields is not None:
            return fields
    return None


def relevant(lines: list[RealLine]) -> list[RealLine]:
    frame = pl.DataFrame(
        {"process": [line.process for line in lines], "message": [line.message for line in lines]}
    )
    mask = frame.select(is_relevant()).to_series().to_list()
    return [line for line, keep in zip(lines, mask, strict=True) if keep]


def test_corpus_is_read(corpus):
    assert len(corpus) > 250
    assert {line.label for line in corpus} == {"real", "abridged", "format string"}
    assert sum(line.process == "nsurlsessiond" for line in corpus) >= 20


def test_no_line_raises_under_any_process(corpus):
    for line in corpus:
        for process in (line.process, *CANDIDATES):
            parse_message(line.message, process)  # must not raise


def test_relevant_real_lines_are_recognised(corpus):
    real = [line for line in corpus if line.label == "real" and line.section[:1] in "123456"]
    candidates = relevant(real)
    assert len(candidates) > 150
    missed = [
        line.message[:80]
        for line in candidates
        if recognised(line) is None and not line.message.startswith(tuple(NOT_TEMPLATES))
    ]
    assert missed == []


def test_not_template_list_is_still_needed(corpus):
    # each exception above names a line that exists and is still not recognised
    for prefix in NOT_TEMPLATES:
        lines = [line for line in corpus if line.message.startswith(prefix)]
        assert lines, prefix
        assert all(recognised(line) is None for line in lines), prefix


def test_all_real_lines_through_extract_signals(corpus):
    events = pl.DataFrame(
        {
            "process": [line.process for line in corpus],
            "message": [line.message for line in corpus],
            "source": ["real_lines.md"] * len(corpus),
            "line": list(range(1, len(corpus) + 1)),
        }
    )
    result = extract_signals(events)
    assert result.recognized == result.signals.height > 200
    assert result.signals["line"].is_sorted()
    assert "<private>" not in set(
        result.signals.select(pl.col(pl.String)).unpivot()["value"].drop_nulls()
    )
