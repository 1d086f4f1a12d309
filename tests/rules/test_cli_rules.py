"""`traceview rules` and `traceview explain RULE` through the real entry point."""

from __future__ import annotations

import subprocess
import sys

from traceview.rules import ALL_RULES


def traceview(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "traceview", *args], capture_output=True, text=True, timeout=120
    )


def test_rules_lists_every_rule_on_one_line() -> None:
    done = traceview("rules")
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert len(lines) == len(ALL_RULES)
    for line, rule in zip(lines, ALL_RULES, strict=True):
        assert line.split()[:3] == [rule.code, rule.severity.value, rule.name]
        assert line.endswith(rule.summary)


def test_explain_prints_the_doc_by_name_or_code() -> None:
    for key in ("delivery_latency", "TV506", "tv506"):
        done = traceview("explain", key)
        assert done.returncode == 0, done.stderr
        assert done.stdout.startswith("TV506 delivery_latency (warning)")
        for heading in ("What it does", "Why it matters", "Example", "What to do", "References"):
            assert heading in done.stdout
        assert "Advice:" in done.stdout


def test_explain_unknown_rule_is_a_one_line_usage_error() -> None:
    done = traceview("explain", "no_such_rule")
    assert done.returncode == 2
    assert done.stdout == ""
    assert done.stderr.strip().splitlines() == [
        "traceview: unknown rule 'no_such_rule' (see `traceview rules`)"
    ]
