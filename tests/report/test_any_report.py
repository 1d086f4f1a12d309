"""Every renderer copes with any Report the model allows (empty, odd timestamps, hostile text)."""

from __future__ import annotations

import re

from hypothesis import HealthCheck, given, settings

from report.golden import console_text, fixed_console
from report.strategies import REPORTS
from traceview.model import InputInfo, Report, Stats
from traceview.report import filter_report, redact_report, render_html, render_terminal

EMPTY = Report(inputs=(InputInfo("empty.log", "log_show", None, None, 0),), stats=Stats(0, 0, 0, 0))


def test_an_empty_report_renders_plain_statements() -> None:
    console = fixed_console()
    render_terminal(EMPTY, console)
    text = console_text(console)
    assert re.search(r"Tasks\s+none found", text) and "No rule fired." in text
    page = render_html(EMPTY)
    assert "No timestamps in this report, so no timeline." in page and "Tasks (0)" in page


@given(REPORTS)
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_any_report_renders_in_both_formats(report: Report) -> None:
    console = fixed_console()
    render_terminal(report, console)
    assert console_text(console).startswith("─")
    page = render_html(report)
    assert page.count("<script") == 2 and page.rstrip().endswith("</html>")


@given(REPORTS)
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_filter_and_redact_accept_any_report(report: Report) -> None:
    assert filter_report(report, min_severity="info").findings == report.findings
    redacted = redact_report(report)
    assert len(redacted.tasks) == len(report.tasks)
