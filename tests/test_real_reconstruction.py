"""What the real excerpts of shared/reference/real_lines.md prove, rebuilt by the whole pipeline.

The blocks are read from the reference file in place (the test skips when it is absent), so the
input is exactly what a developer pasted from a real device.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from traceview.api import AnalyzeOptions, analyze
from traceview.model import CancelReason, EndReason, FinalState, Report

REAL_LINES = Path(__file__).resolve().parents[2] / "shared" / "reference" / "real_lines.md"
pytestmark = pytest.mark.skipif(not REAL_LINES.is_file(), reason="shared/reference is absent")
CONSOLE_DATE = AnalyzeOptions(date=dt.date(2021, 1, 1))


def blocks(section: str) -> list[str]:
    """The code blocks under the heading `### <section> …`, verbatim."""
    text = REAL_LINES.read_text(encoding="utf-8")
    start = text.index(f"\n### {section} ")
    end = text.find("\n### ", start + 1)
    body = text[start:end]
    return re.findall(r"```[a-z]*\n(.*?)```", body, flags=re.S)


def analyse(tmp_path: Path, text: str, options: AnalyzeOptions = CONSOLE_DATE) -> Report:
    path = tmp_path / "excerpt.txt"
    path.write_text(text, encoding="utf-8")
    report = analyze([path], options).report
    assert report.stats.malformed == 0
    return report


def test_tasks_resumed_in_the_daemon_1_1_and_1_2(tmp_path: Path) -> None:
    report = analyse(tmp_path, blocks("1.1")[0] + blocks("1.2")[0])
    tasks = {(t.task_uuid, t.task_number): t for t in report.tasks}
    for key in [
        ("30768301-CCBD-47EA-90CD-FBD5AC72F6C4", 1605),
        ("A7D74A8B-C310-49FE-AE38-06832BB16E9E", 1541),
    ]:
        task = tasks[key]
        assert task.resumed_at is not None  # resumeTaskWithIdentifier / resuming in nsurlsessiond
        assert task.final_state is FinalState.UNKNOWN
        assert task.delivered is None  # the daemon never completed it within the excerpt
    # 1.2: the owner is redacted (`is for <<private>>.<<private>>.<1478>`): unknown, not guessed
    assert tasks[("A7D74A8B-C310-49FE-AE38-06832BB16E9E", 1478)].bundle_id is None
    assert any(f.rule == "debugger_attached" for f in report.findings)  # "being debugged", §1.2


def test_session_of_the_flutter_downloader_1_6(tmp_path: Path) -> None:
    report = analyse(tmp_path, "".join(blocks("1.6")))
    sessions = {(s.bundle_id, s.identifier) for s in report.sessions}
    downloader = "com.bbflight.background_downloader.Downloader"
    assert ("chat.glib.groupchat.stage", downloader) in sessions
    task = next(t for t in report.tasks if t.task_number == 1)
    assert task.task_uuid == "32C7D3A2-5DE5-44D9-A2B1-E8AE6D9B8CD1"
    assert task.bundle_id == "chat.glib.groupchat.stage"
    assert task.session_identifier == "com.bbflight.background_downloader.Downloader"


def test_cancellations_after_a_force_quit_carry_reason_0_2_7(tmp_path: Path) -> None:
    # The Xcode-console excerpt of aws-amplify/aws-sdk-ios#1224 (the only §2.7 block with its
    # envelope): -999 with NSURLErrorBackgroundTaskCancelledReasonKey=0.
    iris = next(b for b in blocks("2.7") if "IrisConnect_BETA" in b)
    report = analyse(tmp_path, iris, AnalyzeOptions())
    task = next(t for t in report.tasks if t.task_number == 219)
    assert task.final_state is FinalState.CANCELLED
    assert task.error_code == -999
    assert task.cancel_reason is CancelReason.USER_FORCE_QUIT
    assert task.delivered is True
    assert any(f.rule == "user_force_quit_cancelled_tasks" for f in report.findings)


def test_crash_with_signal_10_3_3(tmp_path: Path) -> None:
    report = analyse(tmp_path, "".join(blocks("3.3")))
    run = next(p for p in report.processes if p.pid == 432)
    assert run.bundle_id == "com.AppCo.MyApp"
    assert run.end_reason is EndReason.CRASH
    assert run.end_detail is not None and "SIGBUS" in run.end_detail
