"""The real lines of shared/reference/real_lines.md as (section, process, message) rows.

Each fenced block is read with traceview.sources.parse_text when it is a log export. Blocks the
readers do not take are split here, as real_lines.md describes them:
- `message only` pastes: one message per line, continuation lines (indented, or starting with
  `)` / `_`) joined to the previous one with "\\n", as the readers join them;
- §1.10, reduced by its author to `HH:MM:SS process message` (the flattened one-line copies of
  the same blocks are skipped: they are the blog's rendering, not log lines);
- a pager prefix (`1323   :`, §4.4) and a `//    ` code-comment prefix (§2.7) are removed first;
- §4.8 (a) is a template whose `${signal}` the source fills with four signals; all four are used.
Rows from abridged or re-wrapped blocks and from §10 format strings are labelled, so tests can
require recognition only of real lines.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

REAL_LINES = Path(__file__).resolve().parents[3] / "shared" / "reference" / "real_lines.md"
_FENCE = re.compile(r"^```[a-z]*\n(.*?)^```", re.M | re.S)
_SECTION = re.compile(r"^#{2,3} (\d+(?:\.\d+)?)", re.M)
_REDUCED = re.compile(r"^\d\d:\d\d:\d\d (\S+) (.*)$")  # §1.10: HH:MM:SS process message
_FLATTENED = re.compile(r" \d\d:\d\d:\d\d \S+ ")  # a second reduced timestamp on one line
_PAGER = re.compile(r"^\d+\s+:", re.M)
_COMMENT = re.compile(r"^//(?: {4})?", re.M)
_HOSTED = re.compile(r"^\S+\[\d+\] \[[\w.]+:\w+\] ")  # `ControlCenter[617] [subsystem:category] `
_CONTINUATION = re.compile(r"^(?:\s|\)|_)")
ABRIDGED_SECTIONS = {"3.16", "4.6", "7"}  # re-wrapped / fragments / not a lifecycle line
SIGNAL_FILLS = ("SIGSEGV(11)", "SIGABRT(6)", "SIGKILL(9)", "SIGTERM(15)")  # §4.8 (a)


@dataclass(frozen=True)
class RealLine:
    section: str
    process: str  # "" when the block does not say
    message: str
    label: str  # "real", "abridged" or "format string"


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
    messages: list[tuple[str, str]] = []
    for line in block.splitlines():
        if _FLATTENED.search(line):
            continue
        reduced = _REDUCED.match(line)
        if reduced:
            messages.append((reduced.group(1), reduced.group(2)))
        elif messages and (_CONTINUATION.match(line) or not line.strip()):
            process, message = messages[-1]
            messages[-1] = (process, f"{message}\n{line}")
        elif line.strip():
            messages.append(("", _HOSTED.sub("", line)))
    return messages


def _label(section: str, block: str) -> str:
    if section.startswith("10"):
        return "format string"
    if section in ABRIDGED_SECTIONS or block.startswith(("…", "launchd_sim")):
        return "abridged"
    return "real"


def _variants(block: str) -> list[str]:
    block = _COMMENT.sub("", _PAGER.sub("", block))
    if "${signal}" in block:
        return [block.replace("${signal}", fill) for fill in SIGNAL_FILLS]
    return [block]


def real_lines(path: Path = REAL_LINES) -> list[RealLine]:
    text = path.read_text(encoding="utf-8")
    found = []
    for section, raw in blocks(text):
        label = _label(section, raw)
        for block in _variants(raw):
            rows = [] if _REDUCED.match(block) else _from_reader(block)
            for process, message in rows or _by_hand(block):
                found.append(RealLine(section, process, message, label))
    return found
