"""Tiny HTML builders that escape by default: only `Safe` strings pass through unescaped.

Every piece of log text reaches the page through `tag()` (children and attribute values are
escaped with html.escape(quote=True)) or through `json_script()` for data read by scripts.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable
from importlib import resources
from typing import Any

import orjson


class Safe(str):
    """Markup built by these helpers (already escaped)."""

    __slots__ = ()


Child = "str | Safe | int | float | None | Iterable[Any]"

# A newline after these closing tags keeps the page (and its gold file diffs) readable.
_BLOCKS = frozenset(
    [
        "section",
        "article",
        "header",
        "details",
        "dl",
        "ul",
        "table",
        "thead",
        "tbody",
        "tr",
        "li",
        "p",
        "h1",
        "h2",
        "h3",
        "h4",
        "div",
        "g",
        "svg",
    ]
)
_NAME = re.compile(r"^[a-zA-Z][a-zA-Z0-9-]*$")  # SVG has camelCase names
# Characters that are legal in text but break or spoof a page: NUL, other C0 controls, and
# bidi overrides/isolates (U+202A-U+202E, U+2066-U+2069) shown as visible escapes instead.
_UNSAFE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u202a-\u202e\u2066-\u2069]")


def esc(value: object) -> str:
    """Escaped text with control and bidi-override characters made visible (`\\u202e`)."""
    text = _UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", str(value))
    return html.escape(text, quote=True)


def inline_code(text: str) -> Safe:
    """Escaped text where `backticked` spans (Markdown in rule docs) become <code>."""
    return Safe(re.sub(r"`([^`]+)`", r"<code>\1</code>", esc(text)))


def tag(name: str, attrs: dict[str, object] | None = None, *children: Any) -> Safe:
    """`<name attr="…">children</name>`; attribute values and string children are escaped."""
    if not _NAME.match(name):
        raise ValueError(f"bad tag name {name!r}")
    end = "\n" if name in _BLOCKS else ""
    return Safe(f"<{name}{_attrs(attrs)}>{join(children)}</{name}>{end}")


def void(name: str, attrs: dict[str, object] | None = None) -> Safe:
    """A void element (`<input …>`, `<meta …>`)."""
    return Safe(f"<{name}{_attrs(attrs)}>")


def join(children: Iterable[Any]) -> Safe:
    parts: list[str] = []
    for child in children:
        if child is None:
            continue
        if isinstance(child, Safe):
            parts.append(child)
        elif isinstance(child, str | int | float):
            parts.append(esc(child))
        else:
            parts.append(join(child))
    return Safe("".join(parts))


def _attrs(attrs: dict[str, object] | None) -> str:
    out = []
    for key, value in (attrs or {}).items():
        if value is None or value is False:
            continue
        if not _NAME.match(key.rstrip("_")):
            raise ValueError(f"bad attribute name {key!r}")
        name = key.rstrip("_")  # class_ -> class
        out.append(f" {name}" if value is True else f' {name}="{esc(value)}"')
    return "".join(out)


def json_script(element_id: str, data: object) -> Safe:
    """Data for the inline script: JSON with `<`, `>`, `&` escaped so it cannot end the tag."""
    text = orjson.dumps(data).decode("utf-8")
    for char, escape in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026")):
        text = text.replace(char, escape)
    text = text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
    return Safe(f'<script type="application/json" id="{esc(element_id)}">{text}</script>')


def asset(name: str) -> str:
    """A file shipped next to this module (template, CSS, JS)."""
    return resources.files("traceview.report").joinpath("assets", name).read_text(encoding="utf-8")
