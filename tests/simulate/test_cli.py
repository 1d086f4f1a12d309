"""`traceview simulate`: list, write a log and its truth, refuse bad names."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from traceview.cli import _register, app
from traceview.simulate import NAMED_SCENARIOS, render, scenario

_register()
runner = CliRunner()


def test_list_names_every_scenario() -> None:
    result = runner.invoke(app, ["simulate", "--list"])
    assert result.exit_code == 0
    assert [line.split("\t")[0] for line in result.output.splitlines()] == list(NAMED_SCENARIOS)


def test_writes_the_log_and_its_truth(tmp_path: Path) -> None:
    log, truth = tmp_path / "x.ndjson", tmp_path / "t.json"
    args = ["simulate", "upload_from_data", "--style", "ndjson", "--seed", "3", "--noise", "0.5"]
    result = runner.invoke(app, [*args, "--era", "13-16", "--out", str(log), "--truth", str(truth)])
    assert result.exit_code == 0, result.output
    expected = render(
        scenario("upload_from_data", era="13-16", seed=3), "ndjson", seed=3, noise=0.5
    )
    assert log.read_text(encoding="utf-8") == expected
    assert "upload_from_data_or_stream" in json.loads(truth.read_text())["rules"]


def test_unknown_scenario_or_style_is_a_usage_error() -> None:
    assert runner.invoke(app, ["simulate", "no_such_thing"]).exit_code != 0
    assert runner.invoke(app, ["simulate", "upload_from_data", "--style", "xml"]).exit_code != 0
