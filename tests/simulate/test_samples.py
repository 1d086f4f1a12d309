"""samples/ is exactly what `python3 -m traceview.simulate.make_samples` writes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from traceview.simulate.make_samples import MAIN_SAMPLE, SAMPLES, Sample, sample_bytes

from .conftest import REPO

SAMPLES_DIR = REPO / "samples"


@pytest.mark.parametrize("sample", SAMPLES, ids=lambda s: s.file)
def test_committed_sample_equals_a_fresh_regeneration(sample: Sample) -> None:
    data, truth_json = sample_bytes(sample)
    assert (SAMPLES_DIR / sample.file).read_bytes() == data
    assert (SAMPLES_DIR / f"{sample.stem}.truth.json").read_bytes() == truth_json


@pytest.mark.parametrize("sample", SAMPLES, ids=lambda s: s.file)
def test_samples_are_small_and_documented(sample: Sample) -> None:
    assert (SAMPLES_DIR / sample.file).stat().st_size < 200_000
    readme = (SAMPLES_DIR / "README.md").read_text(encoding="utf-8")
    assert f"`{sample.file}`" in readme
    truth = json.loads((SAMPLES_DIR / f"{sample.stem}.truth.json").read_text(encoding="utf-8"))
    assert truth["synthetic"] is True and truth["style"] == sample.style


def test_main_sample_is_named_and_present(tmp_path: Path) -> None:
    name = (SAMPLES_DIR / "MAIN_SAMPLE").read_text(encoding="utf-8").strip()
    assert name == MAIN_SAMPLE and (SAMPLES_DIR / name).is_file()
    assert any(s.file == name and s.style == "default" for s in SAMPLES)
    assert len({s.style for s in SAMPLES}) == 7 and any(s.file.endswith(".gz") for s in SAMPLES)
