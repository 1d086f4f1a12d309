"""The readers (traceview.sources) parse every rendering with zero malformed lines."""

from __future__ import annotations

import pytest

from traceview.simulate import ERAS, NAMED_SCENARIOS, STYLES, render, scenario
from traceview.simulate.engine import play

from .conftest import STYLE_FILE_NAMES


@pytest.mark.parametrize("name", NAMED_SCENARIOS)
@pytest.mark.parametrize("era", ERAS)
@pytest.mark.parametrize("style", STYLES)
def test_readers_parse_every_rendering(name: str, era: str, style: str) -> None:
    from traceview.sources import parse_text

    scn = scenario(name, era=era)
    result = parse_text(render(scn, style, seed=4, noise=0.5), STYLE_FILE_NAMES[style])
    assert result.counts.malformed == 0
    own = len(play(scn)[0])
    assert result.counts.events == own + round(0.5 * own)
