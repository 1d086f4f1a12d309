"""Every §11 template row of real_lines.md is recognised, and every grammar rule is used.

The checklist (templates.py) maps each row to real or template-built lines; this test reads
the §11 tables themselves, so a row added to the reference without a checklist entry fails.
"""

from __future__ import annotations

import re

import polars as pl
import pytest
from corpus import REAL_LINES
from lark import Tree
from templates import CHECKLIST, all_lines

from traceview.parsing.grammar import grammar_dir, load
from traceview.relevance import is_relevant
from traceview.signals import parse_message
from traceview.signals.families import FAMILIES, NESTED_GRAMMARS


def template_rows(text: str) -> list[str]:
    """The first cell of every table row of §11.1–§11.6."""
    summary = text[text.index("## 11. Summary") : text.index("### 11.7")]
    cells = []
    for line in summary.splitlines():
        if line.startswith("|") and not line.startswith(("|---", "| template")):
            cells.append(re.split(r"(?<!\\)\|", line)[1].strip())
    return cells


@pytest.mark.skipif(not REAL_LINES.exists(), reason="shared/reference/real_lines.md is absent")
def test_every_summary_row_has_checklist_lines():
    rows = template_rows(REAL_LINES.read_text(encoding="utf-8"))
    assert len(rows) >= 70
    keys_of = {row: [key for key in CHECKLIST if row.startswith(key)] for row in rows}
    assert [row for row, keys in keys_of.items() if len(keys) != 1] == []
    assert set(CHECKLIST) == {keys[0] for keys in keys_of.values()}  # no stale entries
    assert all(CHECKLIST[key] for key in CHECKLIST)


@pytest.mark.parametrize(("process", "message", "kind"), all_lines())
def test_template_line_is_recognised_as_its_kind(process, message, kind):
    fields = parse_message(message, process)
    assert fields is not None, message
    assert fields["kind"] == kind
    assert "<private>" not in {str(value) for value in fields.values()}


def test_every_template_line_passes_the_prefilter():
    frame = pl.DataFrame(
        {"process": [p for p, _, _ in all_lines()], "message": [m for _, m, _ in all_lines()]}
    )
    assert frame.filter(~is_relevant()).rows() == []


# ---- every rule of every grammar is exercised by the template corpus -------------------------
def rule_names(name: str) -> set[str]:
    """Named rules and aliases of grammars/<name>.lark (hidden `_rules` and `start` excluded)."""
    names = set()
    for rule in load(name).rules:
        origin = str(rule.alias or rule.origin.name)
        if not origin.startswith("_") and origin != "start":
            names.add(origin.rsplit("__", 1)[-1])
    return names


def used_rule_names() -> dict[str, set[str]]:
    """Rule names appearing in the parse trees of the template corpus, per grammar."""
    used: dict[str, set[str]] = {family.name: set() for family in FAMILIES}
    used.update({name: set() for name in NESTED_GRAMMARS})
    for process, message, _ in all_lines():
        fields = parse_message(message, process)
        assert fields is not None
        tree = load(fields["family"]).parse(message)
        used[fields["family"]] |= {str(t.data).rsplit("__", 1)[-1] for t in tree.iter_subtrees()}
        for token in tree.scan_values(lambda v: getattr(v, "type", "").endswith("NSERROR_TEXT")):
            nested = load("nserror").parse(str(token))
            used["nserror"] |= {str(t.data).rsplit("__", 1)[-1] for t in nested.iter_subtrees()}
    return used


def test_every_grammar_file_belongs_to_a_family():
    files = {path.stem for path in grammar_dir().glob("*.lark")}
    assert files == {f.name for f in FAMILIES} | set(NESTED_GRAMMARS) | {"common"}


def common_rule_names() -> set[str]:
    """Rules and aliases defined in common.lark (shared, so checked over all grammars)."""
    text = (grammar_dir() / "common.lark").read_text(encoding="utf-8")
    defined = re.findall(r"^\??([a-z][a-z0-9_]*)\s*:", text, re.M)
    aliases = re.findall(r"->\s*([a-z][a-z0-9_]*)", text)
    return set(defined) | set(aliases)


def test_every_rule_is_exercised_by_the_template_corpus():
    used = used_rule_names()
    common = common_rule_names()
    unused = {name: sorted(rule_names(name) - common - used[name]) for name in used}
    assert {name: rules for name, rules in unused.items() if rules} == {}
    shared = set().union(*(rule_names(name) & common for name in used))
    assert sorted(shared - set().union(*used.values())) == []


def test_rule_listing_sees_the_rules():
    # guards the test above against an empty listing
    assert {"task_resuming", "task_summary", "summary_pair"} <= rule_names("cfnetwork")
    assert isinstance(load("nserror").parse("Error Domain=D Code=1"), Tree)


def test_every_signal_kind_is_produced_by_the_template_corpus():
    from traceview.signals import SignalKind

    produced = {kind for _, _, kind in all_lines()}
    assert {kind.value for kind in SignalKind} == produced
