"""The rule catalogue matches the JSON contract and the house template, and every rule is tested."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import traceview.rules as rules_package
from tests.rules.cases import CASES
from traceview.model import Severity
from traceview.rules import ALL_RULES
from traceview.rules.base import DOC_SECTIONS, Rule

CONTRACT = Path("/work/shared/reference/json_report.md")
# The contract's list, copied for checkouts without the shared reference.
CONTRACT_NAMES = [
    "completion_handler_never_called",
    "completion_handler_called_early",
    "slow_background_wake",
    "session_not_recreated_on_relaunch",
    "session_identifier_mismatch",
    "duplicate_session_identifier",
    "user_relaunch_no_handle_events",
    "task_created_in_invalidated_session",
    "session_invalidated_with_tasks_in_flight",
    "extension_session_conflict",
    "upload_from_data_or_stream",
    "background_session_convenience_api",
    "task_never_resumed",
    "user_force_quit_cancelled_tasks",
    "system_cancelled_background_updates_disabled",
    "system_cancelled_insufficient_resources",
    "app_terminated_by_system",
    "background_launch_crash_or_watchdog",
    "lost_connection_to_background_service",
    "resume_rate_limiter_delay",
    "excessive_retries",
    "discretionary_delay",
    "waiting_for_connectivity",
    "too_many_tasks",
    "leaked_background_task",
    "task_final_state_unknown",
    "http_error_status",
    "delivery_latency",
    "debugger_attached",
    "simulator_trace",
]
HELPERS = {"__init__", "base", "engine", "relaunch"}


def contract_names() -> list[str]:
    if not CONTRACT.exists():
        return CONTRACT_NAMES
    section = CONTRACT.read_text().split("## Rule names", 1)[1]
    return re.findall(r"[a-z][a-z_]+[a-z]", section.split("\n", 1)[1])


def test_contract_copy_is_current() -> None:
    assert sorted(contract_names()) == sorted(CONTRACT_NAMES)


def test_every_contract_rule_is_registered_once() -> None:
    names = [rule.name for rule in ALL_RULES]
    assert len(names) == len(set(names)) == 30
    assert set(names) == set(contract_names())


def test_every_rule_module_is_registered() -> None:
    folder = Path(rules_package.__file__).parent
    modules = {path.stem for path in folder.glob("*.py")} - HELPERS
    registered = {type(rule).__module__.rsplit(".", 1)[1] for rule in ALL_RULES}
    assert modules == registered
    assert all(type(rule).__module__.endswith(rule.name) for rule in ALL_RULES)


def test_codes_are_unique_and_well_formed() -> None:
    codes = [rule.code for rule in ALL_RULES]
    assert len(set(codes)) == len(codes)
    assert all(re.fullmatch(r"TV\d{3}", code) for code in codes)


@pytest.mark.parametrize("rule", ALL_RULES, ids=lambda rule: rule.name)
def test_doc_follows_the_template(rule: Rule) -> None:
    doc = rule.doc
    positions = [doc.find(section) for section in DOC_SECTIONS]
    assert all(position >= 0 for position in positions), f"{rule.name}: missing a section"
    assert positions == sorted(positions), f"{rule.name}: sections out of order"
    example = doc.split("## Example", 1)[1].split("## What to do", 1)[0]
    assert "```log" in example, f"{rule.name}: the example is not a log excerpt"
    references = doc.split("## References", 1)[1]
    assert "urlsession_rules.md" in references or "semantics" in references


@pytest.mark.parametrize("rule", ALL_RULES, ids=lambda rule: rule.name)
def test_rule_says_what_to_do_in_one_line(rule: Rule) -> None:
    assert isinstance(rule.severity, Severity)
    for text in (rule.advice, rule.summary):
        assert text and "\n" not in text and len(text) <= 120


@pytest.mark.parametrize("rule", ALL_RULES, ids=lambda rule: rule.name)
def test_rule_has_failing_and_passing_cases(rule: Rule) -> None:
    failing, passing = CASES[rule.name]
    assert failing and passing


@pytest.mark.parametrize("rule", ALL_RULES, ids=lambda rule: rule.name)
def test_rule_module_is_small(rule: Rule) -> None:
    source = Path(rules_package.__file__).parent / f"{rule.name}.py"
    assert len(source.read_text().splitlines()) <= 150
