"""The "Why it matters" paragraph of a rule's doc, when `traceview.rules` exposes docs.

`traceview.rules` is optional here: the report must render even while the catalogue is being
written. Accepted shapes: `rule_doc(name) -> str`, or an `ALL_RULES`/`RULES` collection whose
items have `name` and a docstring (or `doc`). Docs are Markdown with `## ` sections.
"""

from __future__ import annotations

import importlib
import re
from functools import cache
from typing import Any

_WHY_HEADINGS = ("why it matters", "why is this bad?", "why is this bad")


def why_it_matters(rule: str) -> str | None:
    doc = _docs().get(rule)
    return _section(doc, _WHY_HEADINGS) if doc else None


@cache
def _docs() -> dict[str, str]:
    try:
        rules: Any = importlib.import_module("traceview.rules")
    except Exception:  # the catalogue is optional; a broken one must not break the report
        return {}
    lookup = getattr(rules, "rule_doc", None)
    if callable(lookup):
        return _LookupDocs(lookup)
    collection = getattr(rules, "ALL_RULES", None) or getattr(rules, "RULES", None) or ()
    if isinstance(collection, dict):
        collection = collection.values()
    docs = {}
    for item in collection:
        name = getattr(item, "name", None)
        doc = getattr(item, "doc", None) or getattr(item, "__doc__", None)
        if isinstance(name, str) and isinstance(doc, str):
            docs[name] = doc
    return docs


class _LookupDocs(dict[str, str]):
    """Asks `rule_doc` lazily; unknown rules give None instead of raising."""

    def __init__(self, lookup: Any) -> None:
        super().__init__()
        self._lookup = lookup

    def get(self, key: str, default: Any = None) -> Any:
        try:
            doc = self._lookup(key)
        except Exception:
            return default
        return doc if isinstance(doc, str) else default


def _section(doc: str, headings: tuple[str, ...]) -> str | None:
    """The text under the first `## <heading>` that matches, up to the next heading."""
    parts = re.split(r"^\s*#{2,3}\s+(.+?)\s*$", doc, flags=re.MULTILINE)
    for heading, body in zip(parts[1::2], parts[2::2], strict=False):
        if heading.strip().lower() in headings:
            text = " ".join(line.strip() for line in body.strip().splitlines())
            return text or None
    return None
