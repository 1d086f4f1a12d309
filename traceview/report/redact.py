"""`redact_report`: hide URLs, hosts, user paths, tokens and e-mail addresses everywhere.

Every string in the Report goes through `redact_text`, so all renderers share one redaction.
Enum values, UUIDs, timestamps and bundle ids do not match the patterns and stay readable.
"""

from __future__ import annotations

import dataclasses
import re
from enum import Enum
from typing import Any

from traceview.model import Report

# Order matters: whole URLs first, so their hosts, paths and query strings go with them.
_PATTERNS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"\b[a-zA-Z][a-zA-Z0-9+.-]*://[^\s<>\"'`]+"), "<url>"),
    (re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}"), "<email>"),
    (re.compile(r"(/Users/)[^/\s]+"), r"\1<user>"),
    (re.compile(r"(/(?:private/)?var/mobile/Containers/)[^\s\"'<>]+"), r"\1<redacted>"),
    (re.compile(r"(?i)\b(bearer|basic)\s+[A-Za-z0-9._~+/=-]{8,}"), r"\1 <token>"),
    (
        re.compile(
            r"(?i)\b(access_token|refresh_token|token|api_?key|key|secret|password|passwd|sig|signature|auth)=[^\s&\"'<>]+"
        ),
        r"\1=<token>",
    ),
    (re.compile(r"\?[^\s\"'<>]*=[^\s\"'<>]*"), "?<query>"),
    (re.compile(r"\b(?:\d{1,3}\.){3}\d{1,3}\b"), "<ip>"),
    # Host names: dotted names ending in a common TLD that do not start like a reverse-DNS
    # bundle id (com.example.app stays, api.example.com goes).
    (
        re.compile(
            r"(?<![\w.-])(?!(?:com|org|net|io|de|uk|fr|co|edu|gov)\.)"
            r"(?:[A-Za-z0-9-]+\.)+(?:com|net|org|io|cloud|edu|gov|co|info|biz|uk|de|fr|jp|cn)\b"
            r"(?::\d+)?"
        ),
        "<host>",
    ),
    (re.compile(r"(?<![\w.-])[A-Za-z][A-Za-z0-9-]*(?:\.[A-Za-z0-9-]+)+:\d{2,5}\b"), "<host>"),
)


def redact_text(text: str) -> str:
    """`text` with every sensitive fragment replaced by a `<placeholder>`."""
    for pattern, replacement in _PATTERNS:
        text = pattern.sub(replacement, text)
    return text


def redact_report(report: Report) -> Report:
    """A copy of `report` with `redact_text` applied to every string it shows."""
    redacted: Report = _redact(report)
    return redacted


def _redact(value: Any) -> Any:
    if isinstance(value, Enum):
        return value
    if isinstance(value, str):
        return redact_text(value)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        changes = {f.name: _redact(getattr(value, f.name)) for f in dataclasses.fields(value)}
        return dataclasses.replace(value, **changes)
    if isinstance(value, tuple):
        return tuple(_redact(item) for item in value)
    if isinstance(value, list):
        return [_redact(item) for item in value]
    if isinstance(value, dict):
        return {_redact(key): _redact(item) for key, item in value.items()}
    return value
