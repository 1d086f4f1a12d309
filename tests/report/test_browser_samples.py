"""Every bundled sample, analysed and drawn as HTML, opens clean in a real headless Chromium."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from truthcheck import options_for

from report.conftest import open_page
from traceview.api import AnalyzeOptions, analyze
from traceview.report import render_html

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
TRUTHS = sorted(SAMPLES.glob("*.truth.json"))
ARTIFACTS = Path(__file__).resolve().parents[2] / "artifacts"

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("truth_path", TRUTHS, ids=lambda p: p.name.removesuffix(".truth.json"))
def test_sample_report_opens_with_lanes_cards_and_no_errors(
    browser, tmp_path: Path, truth_path: Path
) -> None:
    truth = json.loads(truth_path.read_text())
    options: AnalyzeOptions = options_for(truth)
    report = analyze([SAMPLES / truth["sample"]], options).report
    page_path = tmp_path / "report.html"
    page_path.write_text(render_html(report), encoding="utf-8")
    page = open_page(browser, page_path)
    try:
        assert page.locator("#timeline .lane-task").count() == min(len(report.tasks), 300)
        assert page.locator("#timeline .lane-process").count() == len(report.processes)
        assert page.locator("article.card").count() == len(report.findings)
        assert page.locator("#task-table tbody tr").count() == len(report.tasks)
        assert page.problems == []
        if truth["sample"] == (SAMPLES / "MAIN_SAMPLE").read_text().strip():
            ARTIFACTS.mkdir(exist_ok=True)
            page.screenshot(path=str(ARTIFACTS / "main_sample.png"), full_page=True)
    finally:
        page.close()
