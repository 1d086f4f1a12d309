"""The reports people read for the bundled samples, pinned as gold files (times stay: they are
the sample's own; the repo path and tool version are scrubbed)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from truthcheck import options_for

from report.golden import assert_golden, console_text, fixed_console
from traceview.api import analyze
from traceview.report import render_html, render_terminal

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
MAIN = (SAMPLES / "MAIN_SAMPLE").read_text().strip()
PINNED = (
    MAIN,
    "force_quit_then_user_launch_ios16.ndjson",
    "uploads_after_jetsam_ios12_console.txt",
)


@pytest.fixture(autouse=True)
def _from_the_repo_root(monkeypatch: pytest.MonkeyPatch) -> None:
    # Inputs are named as a user types them (samples/...), so the text does not depend on where
    # the checkout lives (its length would change how rich wraps the lines).
    monkeypatch.chdir(SAMPLES.parent)


def _report(sample: str):  # type: ignore[no-untyped-def]
    truth_path = SAMPLES / (sample.split(".")[0] + ".truth.json")
    truth = json.loads(truth_path.read_text())
    return analyze([f"samples/{sample}"], options_for(truth)).report


@pytest.mark.parametrize("sample", PINNED)
def test_sample_terminal_report_matches_gold(sample: str) -> None:
    console = fixed_console()
    render_terminal(_report(sample), console)
    assert_golden(f"samples/{sample}", "report.txt", console_text(console))


@pytest.mark.parametrize("sample", PINNED)
def test_sample_html_report_matches_gold(sample: str) -> None:
    assert_golden(f"samples/{sample}", "report.html", render_html(_report(sample)))
