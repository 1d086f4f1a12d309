"""Shared helpers for the simulator tests."""

from __future__ import annotations

from pathlib import Path

import pytest

REFERENCE = Path(__file__).resolve().parents[3] / "shared" / "reference"
REPO = Path(__file__).resolve().parents[2]

# File names the readers sniff each style by.
STYLE_FILE_NAMES = {
    "default": "capture.log",
    "compact": "capture.log",
    "syslog": "capture.log",
    "json": "capture.json",
    "ndjson": "capture.ndjson",
    "console": "capture.txt",
    "relay": "capture.txt",
}


@pytest.fixture(scope="session")
def reference_dir() -> Path:
    if not (REFERENCE / "real_lines.md").exists():
        pytest.skip("shared/reference/real_lines.md is not available")
    return REFERENCE
