"""Recognise an input's format from its content (never from its name alone)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import orjson

from traceview.errors import UnknownFormatError
from traceview.sources import console, logshow, relay
from traceview.sources.ndjson import TRAILER
from traceview.sources.textpipe import TextFormat
from traceview.sources.unified import kind_of

SAMPLE_LINES = 200
HEADERS = (
    (r"^Timestamp +Thread +Type +Activity +PID", "default"),
    (r"^Timestamp +Ty +Process\[PID:TID\]", "compact"),
    (r"^Timestamp +\(process\)\[PID\]", "syslog"),
)
TAR_MAGIC_OFFSET = 257
LINE_FORMATS: tuple[TextFormat, ...] = (
    logshow.DEFAULT,
    logshow.SYSLOG,
    logshow.COMPACT,
    logshow.XCODE,
    relay.RELAY,
)


def sample_lines(head: bytes) -> list[str]:
    text = head.decode("utf-8", errors="replace")
    return [line.rstrip("\r") for line in text.split("\n")[:SAMPLE_LINES]]


def is_tar(head: bytes) -> bool:
    return head[TAR_MAGIC_OFFSET : TAR_MAGIC_OFFSET + 5] == b"ustar"


def sniff_head(head: bytes, name: str) -> str:
    """Format name of a (decompressed) file from its first bytes; raises UnknownFormatError."""
    if not head.strip():
        return "empty"
    if is_tar(head):
        return "sysdiagnose"
    if b"\x00" in head:
        raise UnknownFormatError(
            f"{name}: binary data, not a log export; pass text from `log show`, Console.app, "
            "a device syslog, JSON/NDJSON, a .logarchive or a sysdiagnose"
        )
    lines = sample_lines(head)
    json_kind = _json_kind(head, lines)
    if json_kind not in (None, "unknown"):
        return json_kind
    text_kind = _text_kind(lines)
    if text_kind:
        return text_kind
    if json_kind == "unknown":
        raise UnknownFormatError(
            f"{name}: JSON but not unified-log events; export with "
            "`log show --style ndjson` (or --style json)"
        )
    raise UnknownFormatError(
        f"{name}: text but no log timestamps in the first {SAMPLE_LINES} lines; "
        "pass a `log show`/`log stream` export, a Console.app copy or a device syslog"
    )


def _text_kind(lines: list[str]) -> str | None:
    scores = {
        fmt.name: sum(bool(re.match(fmt.entry_start, line)) for line in lines)
        for fmt in LINE_FORMATS
    }
    scores["console"] = sum(console.looks_like_console(line) for line in lines)
    best = max(scores, key=lambda name: scores[name])
    if scores[best]:
        return best
    # `log show` prints its header (and trailer) even when nothing matched: a valid empty export.
    for line in lines:
        for header, fmt in HEADERS:
            if re.match(header, line):
                return fmt
    return None


def _json_kind(head: bytes, lines: list[str]) -> str | None:
    """'json', 'ndjson', 'unifiedlog_jsonl', 'unknown' (JSON of another kind) or None."""
    stripped = head.lstrip()
    if stripped.startswith(b"["):
        rest = stripped[1:].lstrip()
        if rest.startswith(b"]"):
            return "json"
        if rest.startswith(b"{"):
            return "json" if _array_kind(rest.decode("utf-8", "replace")) else "unknown"
        return "unknown" if rest[:1].isdigit() or rest[:1] in (b'"', b"[") else None
    if (
        stripped.startswith(b"{")
        and not _is_json(lines[0])
        and _array_kind(stripped.decode("utf-8", "replace"))
    ):
        return "json"  # one pretty-printed object, as people paste them
    objects = [line for line in lines if line.lstrip().startswith("{")]
    for line in objects[:20]:
        try:
            obj = orjson.loads(line)
        except orjson.JSONDecodeError:
            continue
        kind = kind_of(obj)
        if kind:
            return kind
    if any(re.match(TRAILER, line) for line in objects[:20]):
        return "ndjson"  # only the `{"count":0,"finished":1}` trailer: an empty NDJSON export
    return "unknown" if objects and all(_is_json(line) for line in objects[:20]) else None


def _array_kind(text: str) -> bool:
    """Does the array's first object carry Apple's keys (True also when it is cut by the head)?"""
    try:
        obj, _ = json.JSONDecoder().raw_decode(text)
    except json.JSONDecodeError as error:
        return (
            error.pos >= len(text) - 2 or '"eventMessage"' in text or '"processImagePath"' in text
        )
    return kind_of(obj) == "ndjson"


def _is_json(line: str) -> bool:
    try:
        orjson.loads(line)
    except orjson.JSONDecodeError:
        return False
    return True


def looks_like_logarchive(path: Path) -> bool:
    """tracev3 files at the top or one level down (Persist/, Special/, ...), or a bundle's
    Info.plist: by content, not by the `.logarchive` name alone."""
    if any(path.glob("*.tracev3")) or any(path.glob("*/*.tracev3")):
        return True
    return path.suffix == ".logarchive" and (path / "Info.plist").is_file()


def looks_like_sysdiagnose(path: Path) -> bool:
    return (
        path.name.startswith("sysdiagnose_")
        or any(path.glob("*/system_logs.logarchive"))
        or (path / "system_logs.logarchive").is_dir()
    )
