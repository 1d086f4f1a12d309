"""The grammar loader finds grammars in the source tree and in the installed-wheel layout."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from traceview.errors import TraceviewError
from traceview.parsing import grammar

LINE = "Task <30768301-CCBD-47EA-90CD-FBD5AC72F6C4>.<1605> will begin"


@pytest.fixture
def fresh_caches():
    grammar.grammar_dir.cache_clear()
    grammar.load.cache_clear()
    yield
    grammar.grammar_dir.cache_clear()
    grammar.load.cache_clear()


def test_source_tree_layout(fresh_caches):
    assert grammar.grammar_dir() == grammar.REPO_GRAMMARS
    assert (grammar.grammar_dir() / "common.lark").is_file()


def test_installed_layout_comes_first(fresh_caches, tmp_path, monkeypatch):
    installed = tmp_path / "traceview" / "grammars"
    shutil.copytree(grammar.REPO_GRAMMARS, installed)
    monkeypatch.setattr(grammar.resources, "files", lambda package: tmp_path / package)
    assert grammar.grammar_dir() == installed
    tree = grammar.load("nsurlsessiond").parse(LINE)
    assert tree.data == "start"
    assert Path(grammar.load("nsurlsessiond").source_path).parent == installed


def test_missing_grammars_is_a_one_line_error(fresh_caches, tmp_path, monkeypatch):
    monkeypatch.setattr(grammar.resources, "files", lambda package: tmp_path / package)
    monkeypatch.setattr(grammar, "REPO_GRAMMARS", tmp_path / "nowhere")
    with pytest.raises(TraceviewError, match="grammars"):
        grammar.grammar_dir()


def test_each_parser_is_built_once(fresh_caches):
    assert grammar.load("cfnetwork") is grammar.load("cfnetwork")
    assert grammar.load("cfnetwork").options.parser == "lalr"
    assert grammar.load("cfnetwork").options.lexer == "contextual"
