"""Logs in, report out: every sample and every simulator scenario matches its ground truth."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import jsonschema
import pytest
from hypothesis import HealthCheck, given, settings
from truthcheck import analyze_against_truth

from traceview.simulate import NAMED_SCENARIOS, STYLES, render, scenario, truth
from traceview.simulate.strategies import scenarios
from traceview.simulate.timeline import Scenario

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples"
SCHEMA = json.loads((ROOT / "schema" / "report.schema.json").read_text())
TRUTHS = sorted(SAMPLES.glob("*.truth.json"))
ERAS = ("12", "13-16", "17+")


def sample_for(truth_path: Path) -> Path:
    return SAMPLES / json.loads(truth_path.read_text())["sample"]


@pytest.mark.parametrize("truth_path", TRUTHS, ids=lambda p: p.name.removesuffix(".truth.json"))
def test_every_sample_matches_its_truth_and_the_schema(truth_path: Path) -> None:
    expected = json.loads(truth_path.read_text())
    report = analyze_against_truth(sample_for(truth_path), expected)
    jsonschema.validate(report, SCHEMA)
    assert report["stats"]["malformed"] == 0


def truth_for(scn: Scenario, style: str) -> dict:
    """The scenario's truth as that style prints times, with the device's local date."""
    local = dt.datetime.fromtimestamp(scn.start_epoch, dt.UTC) + dt.timedelta(
        minutes=scn.tz_minutes
    )
    return {**truth(scn, style), "local_date": local.date().isoformat()}


def _check_rendering(tmp_path: Path, name: str, era: str, style: str, seed: int = 0) -> None:
    scn = scenario(name, era=era, seed=seed)
    path = tmp_path / f"{name}.{style}"
    path.write_text(render(scn, style, seed=seed, noise=0.2), encoding="utf-8")
    analyze_against_truth(path, truth_for(scn, style), style)


@pytest.mark.parametrize("style", STYLES)
@pytest.mark.parametrize("name", NAMED_SCENARIOS)
def test_each_scenario_in_each_style(tmp_path: Path, name: str, style: str) -> None:
    _check_rendering(tmp_path, name, "17+", style)


@pytest.mark.parametrize("era", ERAS)
@pytest.mark.parametrize("name", NAMED_SCENARIOS)
def test_each_scenario_in_each_era(tmp_path: Path, name: str, era: str) -> None:
    _check_rendering(tmp_path, name, era, "ndjson")


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(scn=scenarios())
def test_random_scenarios_match_their_truth(tmp_path: Path, scn) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "random.log"
    path.write_text(render(scn, "default", noise=0.1), encoding="utf-8")
    analyze_against_truth(path, truth_for(scn, "default"))
