"""schema/report.schema.json accepts the reports the reconstruction and rules produce, and
rejects what the contract forbids."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from tests.lifecycle.builders import force_quit, frame, seed_jetsam_relaunch
from tests.rules.cases import CASES
from traceview.lifecycle import reconstruct, to_model
from traceview.model import InputInfo, Report, Stats, to_dict
from traceview.rules import run_rules

SCHEMA = json.loads((Path(__file__).parents[2] / "schema" / "report.schema.json").read_text())
VALIDATOR = jsonschema.Draft202012Validator(SCHEMA)


def report_of(rows: list[dict[str, Any]]) -> dict[str, Any]:
    signals = frame(rows)
    rec = reconstruct(signals)
    processes, sessions, tasks = to_model(rec)
    report = Report(
        inputs=(
            InputInfo(
                path="test.log", format="console", os_version=None, os_build=None, lines=len(rows)
            ),
        ),
        stats=Stats(lines_total=len(rows), events=len(rows), recognized=len(rows), malformed=0),
        processes=processes,
        sessions=sessions,
        tasks=tasks,
        findings=run_rules(rec, signals),
        marks=rec.marks,
        metrics=rec.metrics,
    )
    return to_dict(report)


def test_schema_is_valid_draft_2020_12() -> None:
    jsonschema.Draft202012Validator.check_schema(SCHEMA)


@pytest.mark.parametrize("scenario", [seed_jetsam_relaunch, force_quit], ids=lambda f: f.__name__)
def test_scenario_reports_validate(scenario) -> None:
    report = report_of(scenario())
    VALIDATOR.validate(report)
    assert report["processes"] and report["tasks"] and report["findings"]


def test_every_rule_finding_validates() -> None:
    seen: set[str] = set()
    for failing, _ in CASES.values():
        for _, rows, _ in failing:
            report = report_of(rows)
            VALIDATOR.validate(report)
            seen.update(finding["rule"] for finding in report["findings"])
    assert seen >= set(CASES)


@pytest.mark.parametrize(
    ("path", "bad"),
    [
        (("findings", 0, "rule"), "not_a_rule"),
        (("findings", 0, "severity"), "fatal"),
        (("tasks", 0, "final_state"), "done"),
        (("tasks", 0, "task_uuid"), "30768301-ccbd-47ea-90cd-fbd5ac72f6c4"),
        (("tasks", 0, "unknown_reason"), "in_flight_at_end_of_log"),
        (("processes", 0, "end_reason"), "killed"),
        (("processes", 0, "launched_at"), "yesterday"),
        (("schema_version",), 2),
    ],
)
def test_contract_violations_are_rejected(path: tuple[Any, ...], bad: Any) -> None:
    report = copy.deepcopy(report_of(force_quit()))
    target = report
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = bad
    assert not VALIDATOR.is_valid(report)


def test_extra_keys_are_allowed() -> None:
    report = report_of(seed_jetsam_relaunch())
    report["tasks"][0]["extra_field"] = 1
    report["anything"] = {"new": True}
    VALIDATOR.validate(report)
