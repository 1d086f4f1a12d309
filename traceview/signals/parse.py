"""One message -> one signal dict: the families' grammars tried in table order."""

from __future__ import annotations

import functools
from typing import Any

from lark import Lark
from lark.exceptions import LarkError

from traceview.parsing.grammar import build
from traceview.parsing.transform import SignalShaper
from traceview.signals.families import FAMILIES, Family
from traceview.signals.refine import refine

Fields = dict[str, Any]


@functools.lru_cache(maxsize=1 << 12)
def parse_with(family: str, message: str) -> Fields | None:
    """The signal fields of `message` under grammars/<family>.lark, or None if it is not one.

    Cached: repeated messages (and the same message in several files) are parsed once.
    Callers must not mutate the returned dict.
    """
    fields = _shaped(family, message)
    if fields is None or "kind" not in fields:
        return None
    fields = refine(fields)
    fields["family"] = family
    return fields


@functools.lru_cache(maxsize=1 << 12)
def parse_nested(grammar: str, text: str) -> Fields | None:
    """Fields found by a helper grammar (e.g. nserror) inside part of a message."""
    return _shaped(grammar, text)


def _shaped(grammar: str, text: str) -> Fields | None:
    parser = _shaping_parser(grammar)  # a broken grammar is a bug, not an unknown message
    try:
        result = parser.parse(text)
    except LarkError:
        return None
    return result if isinstance(result, dict) else None


_SHAPER = SignalShaper(nested=parse_nested)


@functools.cache
def _shaping_parser(grammar: str) -> Lark:
    """The tree-less parser of a grammar: the shaper runs during LALR reductions."""
    return build(grammar, transformer=_SHAPER, cached=True)


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
