"""Gold files: render → scrub → compare; on mismatch write tests/actual/ and fail.

`TRACEVIEW_BLESS=1` rewrites the gold instead. Scrubs remove what legitimately changes
between runs and machines (the tool version, absolute paths) and the inline CSS/JS assets.
"""

from __future__ import annotations

import io
import os
import re
from pathlib import Path

from rich.console import Console

TESTS = Path(__file__).resolve().parents[1]
GOLDEN = TESTS / "golden"
ACTUAL = TESTS / "actual"

SCRUBS = (
    # The static assets are not report content; their own tests (browser) cover them.
    (re.compile(r"<style>\n.*?</style>", re.S), "<style>/* report.css */</style>"),
    (re.compile(r"<script>\n.*?</script>", re.S), "<script>/* report.js */</script>"),
    (re.compile(r"traceview \d+\.\d+\.\d+(?:[.+-][\w.]+)?"), "traceview VERSION"),
    (re.compile(re.escape(str(TESTS.parent))), "<repo>"),
    (re.compile(r"/tmp/[^\s\"'<>]*"), "<tmp>"),
    (re.compile(r"[ \t]+$", re.MULTILINE), ""),
)


def scrub(text: str) -> str:
    for pattern, replacement in SCRUBS:
        text = pattern.sub(replacement, text)
    return text


def fixed_console() -> Console:
    """The golden console: fixed width, no colour, plain text."""
    return Console(
        width=100, color_system=None, file=io.StringIO(), legacy_windows=False, _environ={}
    )


def console_text(console: Console) -> str:
    file = console.file
    assert isinstance(file, io.StringIO)
    return file.getvalue()


def assert_golden(scenario: str, name: str, actual: str) -> None:
    __tracebackhide__ = True
    actual = scrub(actual)
    gold = GOLDEN / scenario / name
    if os.environ.get("TRACEVIEW_BLESS") == "1":
        gold.parent.mkdir(parents=True, exist_ok=True)
        gold.write_text(actual, encoding="utf-8")
        return
    expected = gold.read_text(encoding="utf-8") if gold.exists() else None
    if expected != actual:
        out = ACTUAL / scenario / name
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(actual, encoding="utf-8")
        raise AssertionError(
            f"{gold} differs from the rendering (saved to {out}); "
            "review it and run with TRACEVIEW_BLESS=1 to accept"
        )
