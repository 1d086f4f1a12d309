"""The real lines of shared/reference/real_lines.md as (section, process, message) triples.

Each fenced block is read with traceview.sources.parse_text when it is a log export; blocks the
readers do not take (message-only pastes, the author-reduced `HH:MM:SS process message` form of
§1.10, abridged notes) are split here, one message per line, with an empty process.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

REAL_LINES = Path(__file__).resolve().parents[3] / "shared" / "reference" / "real_lines.md"
_FENCE = re.compile(r"^```[a-z]*\n(.*?)^```", re.M | re.S)
_SECTION = re.compile(r"^#{2,3} (\d+(?:\.\d+)?)", re.M)
_REDUCED = re.compile(r"^\d\d:\d\d:\d\d (\S+) (.*)$")  # §1.10: HH:MM:SS process message


@dataclass(frozen=True)
class RealLine:
    section: str
    process: str  # "" when the block does not say
    message: str


def blocks(text: str) -> list[tuple[str, str]]:
    """(section number, block text) for every fenced block."""
    found = []
    for match in _FENCE.finditer(text):
        headings = _SECTION.findall(text, 0, match.start())
        found.append((headings[-1] if headings else "", match.group(1)))
    return found


def _from_reader(block: str) -> list[tuple[str, str]]:
    from traceview.sources import parse_text

    try:
        events = parse_text(block, "real_lines.md").events
    except Exception:  # a block no reader takes is split by hand below
        return []
    rows = events.select("process", "message").drop_nulls("message").rows()
    return [(process or "", message) for process, message in rows]


def _by_hand(block: str) -> list[tuple[str, str]]:
    lines = []
    for line in block.splitlines():
        reduced = _REDUCED.match(line)
        lines.append((reduced.group(1), reduced.group(2)) if reduced else ("", line))
    return [(process, message) for process, message in lines if message.strip()]


def real_lines(path: Path = REAL_LINES) -> list[RealLine]:
    text = path.read_text(encoding="utf-8")
    found = []
    for section, block in blocks(text):
        rows = _from_reader(block) if not _REDUCED.match(block) else []
        for process, message in rows or _by_hand(block):
            found.append(RealLine(section, process, message))
    return found
