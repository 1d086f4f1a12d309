"""JSON report: the contract's keys and enums, exact round trips, refusals with one-line errors."""

from __future__ import annotations

from pathlib import Path

import jsonschema
import orjson
import pytest
from hypothesis import HealthCheck, given, settings

from report.contract import REPORT_SCHEMA
from report.fixtures import legacy_report, seed_report
from report.strategies import REPORTS
from traceview.errors import TraceviewError
from traceview.model import Report
from traceview.report import report_from_json, report_to_json

CONTRACT_KEYS = {
    "inputs": {"path", "format", "os_version", "os_build", "lines"},
    "stats": {"lines_total", "events", "recognized", "malformed"},
    "processes": {
        "bundle_id", "process", "pid", "launched_at", "launch_reason", "ended_at", "end_reason",
    },
    "sessions": {"bundle_id", "identifier", "created_at"},
    "tasks": {
        "task_uuid", "task_number", "bundle_id", "session_identifier", "kind", "final_state",
        "error_code", "cancel_reason", "http_status", "delivered", "unknown_reason", "evidence",
    },
    "findings": {
        "rule", "severity", "message", "bundle_id", "session_identifier", "task_uuid",
        "task_number", "pid", "evidence",
    },
}  # fmt: skip


@given(REPORTS)
@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_any_report_is_valid_against_the_contract_schema(report: Report) -> None:
    jsonschema.validate(orjson.loads(report_to_json(report)), REPORT_SCHEMA)


PROJECT_SCHEMA = Path(__file__).resolve().parents[2] / "schema" / "report.schema.json"


@pytest.mark.parametrize("make", [seed_report, legacy_report])
def test_fixture_reports_are_valid_against_the_contract_schema(make) -> None:
    jsonschema.validate(orjson.loads(report_to_json(make())), REPORT_SCHEMA)


@pytest.mark.skipif(not PROJECT_SCHEMA.exists(), reason="schema/report.schema.json is absent")
@pytest.mark.parametrize("make", [seed_report, legacy_report])
def test_fixture_reports_are_valid_against_the_project_schema(make) -> None:
    schema = orjson.loads(PROJECT_SCHEMA.read_bytes())
    jsonschema.validate(orjson.loads(report_to_json(make())), schema)


def test_the_contract_schema_rejects_a_renamed_enum_value() -> None:
    data = orjson.loads(report_to_json(seed_report()))
    data["tasks"][0]["final_state"] = "success"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, REPORT_SCHEMA)


@given(REPORTS)
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_any_report_round_trips_exactly(report: Report) -> None:
    assert report_from_json(report_to_json(report), "r.json") == report


@pytest.mark.parametrize("make", [seed_report, legacy_report])
def test_written_json_has_the_contract_keys_and_enum_values(make) -> None:
    data = orjson.loads(report_to_json(make()))
    assert next(iter(data)) == "schema_version" and data["schema_version"] == 1
    for section, keys in CONTRACT_KEYS.items():
        rows = data[section] if isinstance(data[section], list) else [data[section]]
        assert rows, section
        for row in rows:
            assert keys <= set(row), (section, keys - set(row))
    for row in data["tasks"] + data["findings"]:
        assert all(set(origin) == {"path", "line"} for origin in row["evidence"])


def test_seed_task_states_are_written_as_contract_enums() -> None:
    tasks = orjson.loads(report_to_json(seed_report()))["tasks"]
    assert [t["final_state"] for t in tasks] == [
        "succeeded",
        "succeeded",
        "succeeded",
        "failed",
        "unknown",
    ]
    assert (
        tasks[4]["unknown_reason"] == "completed_not_delivered" and tasks[4]["delivered"] is False
    )


def test_extra_keys_are_ignored_when_reading() -> None:
    data = orjson.loads(report_to_json(seed_report()))
    data["written_by"] = "a newer traceview"
    data["tasks"][0]["future_field"] = [1, 2]
    assert report_from_json(orjson.dumps(data).decode(), "r.json") == seed_report()


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("not json at all", "not JSON"),
        ("[1, 2]", "no schema_version"),
        ('{"events": []}', "no schema_version"),
        ('{"schema_version": 2, "inputs": []}', "schema_version 2 is not supported"),
        ('{"schema_version": 1, "inputs": []}', "missing 'stats'"),
        ('{"schema_version": 1, "inputs": [], "stats": {"lines_total": "x"}}', "lines_total"),
    ],
)
def test_refuses_what_is_not_a_version_1_report_with_one_line_naming_the_file(
    text, fragment
) -> None:
    with pytest.raises(TraceviewError) as caught:
        report_from_json(text, "base.json")
    message = str(caught.value)
    assert message.startswith("base.json: ") and fragment in message and "\n" not in message


def test_unknown_enum_value_is_refused() -> None:
    data = orjson.loads(report_to_json(seed_report()))
    data["tasks"][0]["final_state"] = "exploded"
    with pytest.raises(TraceviewError, match="exploded"):
        report_from_json(orjson.dumps(data).decode(), "x.json")
