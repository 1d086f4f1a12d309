"""Terminal report: summary first, plain words, evidence lines, log text never read as markup."""

from __future__ import annotations

import dataclasses

from report.fixtures import SEED_LOG, legacy_report, seed_report
from report.golden import console_text, fixed_console
from traceview.model import Finding, Severity
from traceview.report import render_terminal


def _render(report, **kwargs) -> str:
    # Wide, so table cells do not wrap the phrases under test (the goldens cover width 100).
    console = fixed_console()
    console.width = 240
    render_terminal(report, console, **kwargs)
    return console_text(console)


def test_summary_comes_first_and_speaks_plainly() -> None:
    text = _render(seed_report())
    summary = text.split("App com.example.uploads")[0]
    assert "iOS 17.5 (21F79)" in summary and "iPhone15,2" in summary
    assert "53,018 read" in summary and "3 malformed" in summary
    assert "3 of 5 uploads succeeded (1 failed, 1 unknown)" in summary
    assert "1 error, 2 warning, 1 info" in summary


def test_tasks_show_delivery_delay_in_words() -> None:
    text = _render(seed_report())
    assert "delivered to the app 21 min" in text and "after the daemon finished" in text
    assert "killed by the system for memory (jetsam)" in text
    assert "launched in the background for session events" in text


def test_findings_are_worst_first_with_advice_and_file_line_evidence() -> None:
    text = _render(seed_report())
    order = [
        text.index(rule)
        for rule in ("http_error_status", "delivery_latency", "app_terminated_by_system")
    ]
    assert order == sorted(order)
    assert f"{SEED_LOG}:48216" in text
    assert "What to do: Check task.response" in text


def test_cancel_reason_and_malformed_and_coverage_sections() -> None:
    text = _render(legacy_report())
    assert "0 of 3 uploads succeeded (3 cancelled)" in text
    assert "cancelled: user force quit" in text
    assert "Malformed lines (1; first 1 shown)" in text
    assert "Triggering periodic update to powerlog" in text


def test_quiet_prints_only_the_summary() -> None:
    text = _render(seed_report(), quiet=True)
    assert (
        "3 of 5 uploads succeeded" in text
        and "Findings (" not in text
        and "App processes" not in text
    )


def test_rich_markup_in_log_text_is_printed_literally() -> None:
    finding = Finding(
        "http_error_status", Severity.ERROR, "body [bold red]413[/] and [link=x]y[/link]"
    )
    report = dataclasses.replace(seed_report(), findings=(finding,))
    assert "body [bold red]413[/] and [link=x]y[/link]" in _render(report)


def test_sections_without_data_are_left_out() -> None:
    report = dataclasses.replace(
        seed_report(),
        findings=(),
        malformed_lines=(),
        coverage=legacy_report().coverage.__class__(),
    )
    text = _render(report)
    assert (
        "No rule fired." in text and "Malformed lines" not in text and "Parser coverage" not in text
    )


def test_long_sessions_list_troubled_tasks_first_and_summarise_the_rest() -> None:
    report = seed_report()
    succeeded, failed = report.tasks[0], report.tasks[3]
    tasks = tuple(
        dataclasses.replace(failed if i % 30 == 29 else succeeded, task_number=i)
        for i in range(100)
    )
    text = _render(dataclasses.replace(report, tasks=tasks))
    assert text.count("failed (-1001)") == 3
    assert (
        "60 more tasks not listed (60 of 60 uploads succeeded); --html or --json lists all" in text
    )


def test_times_on_a_later_day_keep_their_date() -> None:
    report = seed_report()
    overnight = dataclasses.replace(report.processes[1], launched_at="2024-05-15T08:00:03.000Z")
    text = _render(dataclasses.replace(report, processes=(report.processes[0], overnight)))
    assert "05-15 08:00:03.000" in text  # the next morning
    assert "10:02:05.310" in text and "05-14 10:02:05.310" not in text  # the capture's own day
