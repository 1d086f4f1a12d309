"""Every rule fires on its failing cases and stays silent on its passing ones."""

from __future__ import annotations

import pytest

from tests.lifecycle.builders import frame
from tests.rules.cases import CASES, Case
from traceview.lifecycle import reconstruct
from traceview.model import Finding, Severity
from traceview.rules import RuleConfig, by_name
from traceview.rules.engine import run


def findings_of(rule_name: str, case: Case) -> tuple[Finding, ...]:
    rule = by_name(rule_name)
    assert rule is not None, rule_name
    return run([rule], reconstruct(frame(case[1])), RuleConfig())


FAILING = [(name, case) for name, (failing, _) in CASES.items() for case in failing]
PASSING = [(name, case) for name, (_, passing) in CASES.items() for case in passing]


@pytest.mark.parametrize(
    ("rule_name", "case"), FAILING, ids=lambda v: v if isinstance(v, str) else v[0]
)
def test_rule_fires(rule_name: str, case: Case) -> None:
    found = findings_of(rule_name, case)
    assert found, f"{rule_name} should fire on: {case[0]}"
    rule = by_name(rule_name)
    assert rule is not None
    expected = Severity(case[2]) if case[2] else rule.severity
    for finding in found:
        assert finding.rule == rule_name
        assert finding.severity == expected
        assert finding.message and finding.advice == rule.advice
        assert finding.evidence, f"{rule_name}: a finding without evidence"
        sources = {row.get("source", "test.log") for row in case[1]}
        assert all(origin.path in sources and origin.line >= 1 for origin in finding.evidence)
        assert finding.at is not None and finding.at.endswith("Z")


@pytest.mark.parametrize(
    ("rule_name", "case"), PASSING, ids=lambda v: v if isinstance(v, str) else v[0]
)
def test_rule_stays_silent(rule_name: str, case: Case) -> None:
    assert findings_of(rule_name, case) == (), f"{rule_name} should not fire on: {case[0]}"
