"""One message -> one signal dict: the families' grammars tried in table order."""

from __future__ import annotations

import functools
from typing import Any

from lark.exceptions import LarkError

from traceview.parsing.grammar import load
from traceview.parsing.transform import SignalShaper, shape
from traceview.signals.families import FAMILIES, Family
from traceview.signals.refine import refine

Fields = dict[str, Any]


@functools.lru_cache(maxsize=1 << 16)
def parse_with(family: str, message: str) -> Fields | None:
    """The signal fields of `message` under grammars/<family>.lark, or None if it is not one.

    Cached: repeated messages (and the same message in several files) are parsed once.
    Callers must not mutate the returned dict.
    """
    try:
        tree = load(family).parse(message)
    except LarkError:
        return None
    fields = shape(tree, _SHAPER)
    if "kind" not in fields:
        return None
    fields = refine(fields)
    fields["family"] = family
    return fields


@functools.lru_cache(maxsize=1 << 12)
def parse_nested(grammar: str, text: str) -> Fields | None:
    """Fields found by a helper grammar (e.g. nserror) inside part of a message."""
    try:
        return shape(load(grammar).parse(text), _SHAPER)
    except LarkError:
        return None


_SHAPER = SignalShaper(nested=parse_nested)


def families_for(process: str, message: str) -> list[Family]:
    return [family for family in FAMILIES if family.accepts(message, process)]


def parse_message(message: str, process: str = "") -> Fields | None:
    """SIGNAL_FIELDS of one message (`kind` set), or None when no grammar recognises it.

    `process` picks the families (daemon name, or anything else for the app); an empty
    process counts as the app.
    """
    if not isinstance(message, str):
        return None
    for family in families_for(process, message):
        fields = parse_with(family.name, message)
        if fields is not None:
            return dict(fields)
    return None
