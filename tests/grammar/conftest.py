"""Helpers for the grammar tests: parse one message and compare every signal field."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pytest

sys.path.insert(0, str(Path(__file__).parent))  # corpus.py, templates.py

from traceview.signals import parse_message


def signal_of(message: str, process: str) -> dict[str, Any]:
    """The parsed signal with None fields dropped (absent and null mean the same)."""
    fields = parse_message(message, process)
    assert fields is not None, f"not recognised: {message!r}"
    return {name: value for name, value in fields.items() if value is not None}


@pytest.fixture
def signal():
    return signal_of
