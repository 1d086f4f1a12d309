"""The "Why it matters" paragraph comes from the rule catalogue's docs when it has them."""

from __future__ import annotations

import pytest

from report.fixtures import seed_report
from traceview.report import render_html
from traceview.report.ruledocs import _section, why_it_matters

DOC = """Flags tasks delivered long after the daemon finished.

## What it does
Compares completion and delivery.

## Why it matters
Until delivery the app
does not know the upload finished.

## What to do
Check the relaunch.
"""


def test_section_returns_the_paragraph_under_its_heading_only() -> None:
    assert (
        _section(DOC, ("why it matters",))
        == "Until delivery the app does not know the upload finished."
    )
    assert _section(DOC, ("known false positives",)) is None


def test_unknown_rule_has_no_why() -> None:
    assert why_it_matters("no_such_rule_anywhere") is None


def test_card_shows_why_from_the_catalogue_when_present() -> None:
    rules = pytest.importorskip("traceview.rules")
    if not getattr(rules, "ALL_RULES", None):
        pytest.skip("traceview.rules has no catalogue yet")
    why = why_it_matters("http_error_status")
    if why is None:
        pytest.skip("the catalogue has no 'Why it matters' section for http_error_status")
    page = render_html(seed_report())
    assert "<h4>Why it matters</h4>" in page
