"""Parse trees -> dicts of SIGNAL_FIELDS, driven by the grammars' rule names.

The grammars name things after the signal contract, so one generic shaper covers almost all
rules (see grammars/common.lark):
- a rule named after a SIGNAL_FIELDS column yields that field from its tokens, converted to the
  column's dtype (`<private>` and `(null)` become None);
- a rule named after a SignalKind value marks the message's kind;
- any other rule merges its children's fields (the first value of a field wins).
The few rules that need more than that (key=value bodies, identities, markers) have a shaper in
SHAPERS below.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import Any

import polars as pl
from lark import Token, Transformer, Tree

from traceview.schema import SIGNAL_FIELDS
from traceview.signals.kinds import SignalKind

Fields = dict[str, Any]

KINDS = frozenset(kind.value for kind in SignalKind)
TASK_KINDS = ("upload", "download", "data")
COMMON_NAMESPACE = "common__"
ABSENT = frozenset({"<private>", "(null)", ""})
_ESCAPE = re.compile(r"\\(.)", re.S)


# ---- Values ------------------------------------------------------------------------------------
def unquote(text: str) -> str:
    """`"a \\"b\\""` -> `a "b"`; unquoted text is returned as is."""
    if len(text) >= 2 and text[0] == text[-1] == '"':
        return _ESCAPE.sub(r"\1", text[1:-1])
    return text


INT64_MIN, INT64_MAX = -(2**63), 2**63 - 1


def to_int(text: str) -> int | None:
    """Decimal, hex (`0xdeadfa11`) or `:pid`; None when it is not a number or not an Int64."""
    text = text.strip().lstrip(":")
    try:
        number = int(text, 16) if text.lower().lstrip("-").startswith("0x") else int(text)
    except ValueError:
        return None
    return number if INT64_MIN <= number <= INT64_MAX else None


def to_float(text: str) -> float | None:
    try:
        return float(text.strip())
    except ValueError:
        return None


def convert(field: str, text: str | None) -> Any:
    """`text` as the dtype of SIGNAL_FIELDS[field]; None for absent or redacted values."""
    if text is None:
        return None
    text = text.strip()
    if text in ABSENT:
        return None
    dtype = SIGNAL_FIELDS[field]
    if dtype == pl.Int64:
        return to_int(text)
    if dtype == pl.Float64:
        return to_float(text)
    return unquote(text) or None


def token_text(children: Iterable[Any]) -> str | None:
    """The tokens of a field rule joined by spaces; None if any of them is `<private>`."""
    tokens = [child for child in children if isinstance(child, Token)]
    if any(token.type.endswith("PRIVATE") for token in tokens):
        return None
    return " ".join(token.value for token in tokens)


def merge(children: Iterable[Any]) -> Fields:
    """Fields of the child rules; the first non-null value of a field wins."""
    merged: Fields = {}
    for child in children:
        if isinstance(child, dict):
            for name, value in child.items():
                if value is not None and merged.get(name) is None:
                    merged[name] = value
    return merged


# ---- Rule-specific shapers ----------------------------------------------------------------------
def _app_bundle(children: list[Any]) -> Fields:
    """macOS prints `application.<bundle>.<n>.<n>`; iOS the bundle itself."""
    text = token_text(children) or ""
    parts = text.split(".")
    if len(parts) > 3 and parts[0] == "application" and parts[-1].isdigit() and parts[-2].isdigit():
        text = ".".join(parts[1:-2])
    return {"bundle_id": convert("bundle_id", text)}


def _originator(children: list[Any]) -> Fields:
    return {"requester": merge(children).get("bundle_id")}


def _pair(children: list[Any]) -> tuple[str, str]:
    """`key: value` as two tokens, or `key=value` as one (markers); the value may be empty."""
    tokens = [token.value for token in children if isinstance(token, Token)]
    if len(tokens) == 1:
        key, _, value = tokens[0].partition("=")
        return key, value
    key, value = tokens
    return key, value.strip()


def _pairs(children: list[Any]) -> list[tuple[str, str]]:
    return [child for child in children if isinstance(child, tuple)]


def _config_detail(children: list[Any]) -> Fields:
    """The daemon's session configuration, normalised to `key: value, ...`."""
    request_timeout = next(c.value for c in children if isinstance(c, Token))
    pairs = [("request timeout", request_timeout), *_pairs(children)]
    return {"detail": ", ".join(f"{key}: {value}" for key, value in pairs)}


# summary for task success {k=v, ...}: the keys that are signal fields, the rest stays text
SUMMARY_FIELDS = {"request_bytes": "bytes_sent", "response_bytes": "bytes_received"}


def _summary_body(children: list[Any]) -> Fields:
    values = dict(_pairs(children))
    status = to_int(values.get("response_status", ""))  # -1 when there was no response
    milliseconds = to_float(values.get("transaction_duration_ms", ""))
    fields: Fields = {
        field: convert(field, values.get(key)) for key, field in SUMMARY_FIELDS.items()
    }
    fields["http_status"] = status if status is not None and status > 0 else None
    fields["duration_seconds"] = None if milliseconds is None else milliseconds / 1000
    rest = [f"{key}={value}" for key, value in values.items() if key not in SUMMARY_FIELDS]
    fields["detail"] = ", ".join(rest) or None
    return fields


# TVMARK v1 keys -> signal fields (docs/markers.md)
MARKER_FIELDS = {
    "id": "session_id",
    "tid": "task_number",
    "kind": "task_kind",
    "code": "error_code",
    "error": "error_domain",
    "http": "http_status",
    "reason": "cancel_reason",
}


def _marker(children: list[Any]) -> Fields:
    fields: Fields = {"kind": SignalKind.MARKER.value, **merge(children)}
    extra = []
    for key, raw in _pairs(children):
        value = unquote(raw)
        field = MARKER_FIELDS.get(key)
        if field is None:
            extra.append(f"{key}={value}")
        elif not (field == "error_domain" and value == "none"):
            fields[field] = convert(field, value)
    if fields.get("task_kind") not in (None, *TASK_KINDS):
        fields["task_kind"] = None
    fields["detail"] = " ".join(extra) or None
    return fields


def _task_kind(children: list[Any]) -> Fields:
    """`BackgroundDownloadTask`, `LocalDataTask`, `uploadTaskWithRequest:` -> the task kind."""
    text = (token_text(children) or "").lower()
    kind = next((kind for kind in TASK_KINDS if kind in text), None)
    return {"task_kind": kind}


def _drop(children: list[Any]) -> Fields:
    return {}


SHAPERS: dict[str, Callable[[list[Any]], Any]] = {
    "app_bundle": _app_bundle,
    "originator": _originator,
    "service_parent": _drop,  # the parent app of a helper is not the helper
    "config_pair": _pair,
    "config_detail": _config_detail,
    "summary_pair": _pair,
    "summary_body": _summary_body,
    "marker_pair": _pair,
    "marker": _marker,
    "task_kind": _task_kind,
}


def rule_base(name: str) -> str:
    """A rule's own name: rules imported from common.lark are namespaced `common__<name>`."""
    return name.removeprefix(COMMON_NAMESPACE)


class SignalShaper(Transformer):
    """Bottom-up: every rule becomes a dict of fields (see the module docstring)."""

    def __init__(self, nested: Callable[[str, str], Fields | None] | None = None) -> None:
        super().__init__()
        self._nested = nested

    def __default__(self, data: Any, children: list[Any], meta: Any) -> Any:
        name = rule_base(str(data))
        if name.startswith("_"):
            # tree-less LALR: a hidden rule must stay a Tree so that its parent inlines it
            return Tree(data, children)
        shaper = SHAPERS.get(name)
        if shaper is not None:
            return shaper(children)
        if name == "nserror" and self._nested is not None:
            return self._nested("nserror", token_text(children) or "") or {}
        if name in SIGNAL_FIELDS:
            return {name: convert(name, token_text(children))}
        fields = merge(children)
        if name in KINDS:
            fields.setdefault("kind", name)
        return fields
