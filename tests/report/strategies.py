"""Hypothesis strategies for any Report, derived from the model's type hints."""

from __future__ import annotations

import dataclasses
import types
import typing
from enum import Enum
from typing import Any

from hypothesis import strategies as st

from traceview.model import Report

# Any text a log can carry, including markup, quotes, NUL, bidi overrides and emoji.
HOSTILE = st.sampled_from(
    [
        "<script>alert(1)</script>",
        "\"quoted\" & 'single'",
        "a\u202eb",
        "zero\u200bwidth",
        "🦄",
        "nul\x00x",
    ]
)
TEXT = st.one_of(st.text(max_size=12), HOSTILE)
INTS = st.integers(min_value=-(2**53), max_value=2**53)
FLOATS = st.floats(allow_nan=False, allow_infinity=False, width=64)
JSON_VALUES = st.recursive(
    st.none() | st.booleans() | INTS | FLOATS | TEXT,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(TEXT, inner, max_size=3),
    max_leaves=6,
)


def for_hint(hint: Any) -> st.SearchStrategy[Any]:
    if hint is Any:
        return JSON_VALUES
    origin = typing.get_origin(hint)
    args = typing.get_args(hint)
    if origin in (typing.Union, types.UnionType):
        return st.one_of(*(st.none() if a is type(None) else for_hint(a) for a in args))
    if origin is tuple:
        if len(args) == 2 and args[1] is Ellipsis:
            return st.lists(for_hint(args[0]), max_size=3).map(tuple)
        return st.tuples(*(for_hint(a) for a in args))
    if origin is dict:
        return st.dictionaries(TEXT, for_hint(args[1]), max_size=3)
    if dataclasses.is_dataclass(hint):
        return for_dataclass(hint)
    if isinstance(hint, type) and issubclass(hint, Enum):
        return st.sampled_from(list(hint))
    return {str: TEXT, int: INTS, float: FLOATS, bool: st.booleans()}[hint]


def for_dataclass(cls: Any) -> st.SearchStrategy[Any]:
    hints = typing.get_type_hints(cls)
    fields = {f.name: for_hint(hints[f.name]) for f in dataclasses.fields(cls)}
    if cls is Report:
        fields["schema_version"] = st.just(1)
    return st.builds(cls, **fields)


REPORTS: st.SearchStrategy[Report] = for_dataclass(Report)
