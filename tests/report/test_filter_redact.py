"""filter_report and redact_report: pure transformations every renderer shares."""

from __future__ import annotations

import dataclasses

import pytest

from report.fixtures import BUNDLE, SESSION, seed_report
from traceview.errors import TraceviewError
from traceview.model import Finding, InputInfo, Origin, Severity
from traceview.report import filter_report, redact_report, render_html, report_to_json
from traceview.report.redact import redact_text


def test_min_severity_keeps_only_findings_at_or_above() -> None:
    kept = filter_report(seed_report(), min_severity=Severity.WARNING)
    assert {f.severity for f in kept.findings} == {Severity.ERROR, Severity.WARNING}
    assert (
        filter_report(seed_report(), min_severity="error").findings[0].rule == "http_error_status"
    )


def test_app_and_session_filters() -> None:
    assert filter_report(seed_report(), app="com.other.app").tasks == ()
    assert len(filter_report(seed_report(), app=BUNDLE, session=SESSION).tasks) == 5
    assert filter_report(seed_report(), session="nope").findings == ()


def test_time_window_keeps_overlapping_items() -> None:
    late = filter_report(seed_report(), since="2024-05-14T10:32:00Z")
    assert [t.task_number for t in late.tasks] == [5]  # only task 5 lasts past 10:32
    assert [p.pid for p in late.processes] == [987]
    early = filter_report(seed_report(), until="2024-05-14T10:04:00")
    assert [p.pid for p in early.processes] == [412]
    assert [m.kind for m in early.marks] == []


def test_filter_keeps_what_describes_the_input() -> None:
    kept = filter_report(seed_report(), app="com.other.app")
    assert kept.stats == seed_report().stats and kept.inputs == seed_report().inputs


def test_bad_filter_values_raise_one_line_errors() -> None:
    with pytest.raises(TraceviewError, match="--since"):
        filter_report(seed_report(), since="yesterday")
    with pytest.raises(TraceviewError, match="--severity"):
        filter_report(seed_report(), min_severity="loud")


@pytest.mark.parametrize(
    ("raw", "secret"),
    [
        ("PUT https://uploads.example.com/v1/files/42?sig=abc123 failed", "uploads.example.com"),
        ("token=eyJhbGciOi in header", "eyJhbGciOi"),
        ("Authorization: Bearer abcdef0123456789", "abcdef0123456789"),
        ("owner jane.doe@example.org", "jane.doe"),
        ("/Users/jane/Desktop/sysdiagnose.tar.gz", "jane"),
        ("/private/var/mobile/Containers/Data/Application/9F1C/Documents/IMG_0042.jpg", "IMG_0042"),
        ("connect api.example.net:443 ok", "api.example.net"),
        ("peer 10.0.0.12 refused", "10.0.0.12"),
    ],
)
def test_redact_text_hides_sensitive_fragments(raw: str, secret: str) -> None:
    assert secret not in redact_text(raw)


@pytest.mark.parametrize(
    "kept",
    [
        "com.example.uploads.background",
        "Task <0F6A3C1E-5D2B-4C8A-9E71-3B8D2F4A6C10>.<1> completed with error (null) [0]",
        "2024-05-14T10:31:02.480Z",
        "Uploader.app",
        "termination reported by launchd (2, 10, 10)",
    ],
)
def test_redact_text_keeps_identifiers_traceview_needs(kept: str) -> None:
    assert redact_text(kept) == kept


def test_redact_report_reaches_every_field_every_renderer_shows() -> None:
    secret = "/Users/jane/Library/x?token=s3cr3t https://h.example.com/a jane@example.com"
    finding = Finding(
        "http_error_status", Severity.ERROR, f"msg {secret}", bundle_id=BUNDLE,
        session_identifier=f"id {secret}", evidence=(Origin(f"/Users/jane/{secret}", 3),),
        advice=secret,
    )  # fmt: skip
    report = dataclasses.replace(
        seed_report(),
        findings=(finding,),
        inputs=(InputInfo(f"/Users/jane/logs/{secret}", "log_show", "17.5", None, 3),),
    )
    redacted = redact_report(report)
    for text in (report_to_json(redacted), render_html(redacted)):
        assert "jane" not in text and "s3cr3t" not in text and "h.example.com" not in text
    assert redacted.tasks == report.tasks  # nothing sensitive there: unchanged
