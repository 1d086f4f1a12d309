"""The scenario simulator: synthetic device logs with known ground truth.

Every message comes from a real template (`templates.py`, checked against
shared/reference/real_lines.md by the tests); the timeline is data (`scenario.py`); the truth
is computed from the timeline (`truth.py`).
"""

from __future__ import annotations

import dataclasses
import random
import zlib

from traceview.simulate.catalog import BUILDERS
from traceview.simulate.styles import STYLES
from traceview.simulate.timeline import ERAS, Scenario
from traceview.simulate.truth import truth
from traceview.simulate.writer import render, write

NAMED_SCENARIOS: tuple[str, ...] = tuple(BUILDERS)


def scenario(name: str, *, era: str = "17+", seed: int = 0, markers: bool = True) -> Scenario:
    """The named scenario for an iOS era; `seed` varies its UUIDs and sizes; `markers=False`
    drops the app's TVMARK lines (an app that does not log them)."""
    if name not in BUILDERS:
        raise ValueError(f"unknown scenario {name!r}; choose one of {', '.join(NAMED_SCENARIOS)}")
    if era not in ERAS:
        raise ValueError(f"unknown era {era!r}; choose one of {', '.join(ERAS)}")
    rng = random.Random(zlib.crc32(f"{name}/{era}/{seed}".encode()))
    built = BUILDERS[name](era, rng)
    return built if markers else dataclasses.replace(built, markers=False)


__all__ = ["ERAS", "NAMED_SCENARIOS", "STYLES", "Scenario", "render", "scenario", "truth", "write"]
