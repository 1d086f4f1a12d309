"""The renderers on real pipeline output: every sample analysed, saved as JSON, read back, drawn.

Guards the seam between analysis and outputs: a Report the pipeline builds must satisfy the
JSON contract and round-trip exactly, and both renderers must draw it.
"""

from __future__ import annotations

from pathlib import Path

import jsonschema
import orjson
import pytest

from report.contract import REPORT_SCHEMA
from report.golden import console_text, fixed_console
from traceview.report import (
    redact_report,
    render_html,
    render_terminal,
    report_from_json,
    report_to_json,
)

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
NOT_LOGS = (".truth.json", ".md", "MAIN_SAMPLE")
LOGS = sorted(p for p in SAMPLES.glob("*") if p.is_file() and not p.name.endswith(NOT_LOGS))


@pytest.mark.skipif(not LOGS, reason="no samples/ in this checkout")
@pytest.mark.parametrize("sample", LOGS, ids=lambda p: p.name)
def test_sample_report_round_trips_and_renders(sample: Path) -> None:
    from traceview.api import analyze

    report = analyze([str(sample)]).report
    text = report_to_json(report)
    jsonschema.validate(orjson.loads(text), REPORT_SCHEMA)
    assert report_from_json(text, sample.name) == report
    console = fixed_console()
    render_terminal(report, console)
    assert "traceview report" in console_text(console)
    page = render_html(redact_report(report))
    assert page.count('class="lane lane-task') == len(report.tasks)
