"""Every relevant message the simulator writes (real templates, every scenario, era and export
style) is recognised: the simulator and the grammars speak the same vocabulary."""

from __future__ import annotations

import polars as pl
import pytest

simulate = pytest.importorskip("traceview.simulate")

from traceview.signals.coverage import shape_table  # noqa: E402
from traceview.signals.extract import recognise  # noqa: E402
from traceview.sources import parse_text  # noqa: E402


@pytest.mark.parametrize("era", simulate.ERAS)
def test_simulated_scenarios_are_fully_recognised(era):
    frames = []
    for index, name in enumerate(simulate.NAMED_SCENARIOS):
        style = sorted(simulate.STYLES)[index % len(simulate.STYLES)]  # every style, in turn
        text = simulate.render(simulate.scenario(name, era=era, seed=7), style, noise=0.2)
        frames.append(parse_text(text, f"{name}.{era}.{style}").events)
    recognition = recognise(pl.concat(frames, how="vertical_relaxed"))
    assert recognition.signals.height > 500
    assert shape_table(recognition.unrecognized).select("process", "shape").rows() == []
