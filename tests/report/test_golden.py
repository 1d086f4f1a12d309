"""The terminal and HTML reports of the hand-built scenarios, exactly as a person reads them."""

from __future__ import annotations

import pytest

from report.fixtures import legacy_report, seed_report
from report.golden import assert_golden, console_text, fixed_console
from traceview.report import render_html, render_terminal

SCENARIOS = {"seed_ios17_jetsam_relaunch": seed_report, "ios12_force_quit": legacy_report}
# The rule catalogue's wording belongs to traceview.rules; the goldens pin a fixed stand-in.
WHY = {
    "http_error_status": "The server refused the upload although URLSession reports no error.",
    "delivery_latency": "Until delivery the app does not know the transfer finished.",
}


@pytest.fixture(autouse=True)
def _fixed_rule_docs(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("traceview.report.html.why_it_matters", WHY.get)


@pytest.mark.parametrize("scenario", SCENARIOS)
def test_terminal_report_matches_gold(scenario: str) -> None:
    console = fixed_console()
    render_terminal(SCENARIOS[scenario](), console)
    assert_golden(scenario, "report.txt", console_text(console))


@pytest.mark.parametrize("scenario", SCENARIOS)
def test_html_report_matches_gold(scenario: str) -> None:
    assert_golden(scenario, "report.html", render_html(SCENARIOS[scenario]()))
