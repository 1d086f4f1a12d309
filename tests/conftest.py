"""Test-wide settings: CI explores the same hypothesis examples on every run."""

from __future__ import annotations

import os

from hypothesis import settings

# Locally hypothesis explores new examples each run; on CI (CI=true) the examples are derived
# from each test's name, so a green commit stays green and a failure reproduces exactly.
settings.register_profile("ci", derandomize=True, print_blob=True)
if os.environ.get("CI"):
    settings.load_profile("ci")
