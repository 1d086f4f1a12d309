"""Undo vis(3) escaping of the device syslog relay: `\\M-x`, `\\M^x`, `\\^x`, `\\\\`.

The relay escapes every non-ASCII byte, so `…` (E2 80 A6) arrives as `\\M-b\\M^@\\M-&`. Only rows
that contain a backslash are passed here (selected vectorised by the caller).
"""

from __future__ import annotations

import re

ESCAPE = re.compile(rb"\\(M-.|M\^.|\^.|\\)", re.DOTALL)


def _control(char: int) -> int:
    return 0x7F if char == ord("?") else char & 0x1F


def _byte(match: re.Match[bytes]) -> bytes:
    code = match.group(1)
    if code == b"\\":
        return b"\\"
    if code.startswith(b"M-"):
        return bytes([0x80 | code[2]])
    if code.startswith(b"M^"):
        return bytes([0x80 | _control(code[2])])
    return bytes([_control(code[1])])


def unvis(text: str) -> str:
    """The original text, with escaped bytes decoded as UTF-8 (invalid sequences replaced)."""
    raw = text.encode("utf-8", "surrogateescape")
    return ESCAPE.sub(_byte, raw).decode("utf-8", "replace")
