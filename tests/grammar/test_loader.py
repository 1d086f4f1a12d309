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


@pytest.fixture
def private_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.delenv("TRACEVIEW_NO_CACHE", raising=False)
    grammar._private_cache_dir.cache_clear()
    yield tmp_path / "cache" / "traceview" / "grammars"
    grammar._private_cache_dir.cache_clear()


def _shaped(parser, line):
    return parser.parse(line)


def test_cached_tables_parse_exactly_like_fresh_ones(private_cache):
    from traceview.parsing.transform import SignalShaper

    shaper = SignalShaper()
    fresh = grammar.build("nsurlsessiond", transformer=shaper)
    first = grammar.build("nsurlsessiond", transformer=shaper, cached=True)  # writes the cache
    (written,) = private_cache.glob("nsurlsessiond-*.pickle")
    again = grammar.build("nsurlsessiond", transformer=shaper, cached=True)  # reads it
    assert again.source_path == "<deserialized>"  # really loaded from the cache
    assert _shaped(again, LINE) == _shaped(first, LINE) == _shaped(fresh, LINE)
    assert _shaped(again, LINE)["kind"] == "task_will_begin"
    assert oct(private_cache.stat().st_mode & 0o777) == "0o700"
    assert written.stat().st_uid == __import__("os").getuid()


def test_an_edited_grammar_gets_a_new_cache_file(private_cache, tmp_path):
    copy = tmp_path / "cfnetwork.lark"
    copy.write_text(grammar.grammar_path("cfnetwork").read_text())
    before = grammar.cache_file(copy)
    copy.write_text(copy.read_text() + "\n// edited\n")
    assert before is not None and grammar.cache_file(copy) not in (None, before)


def test_no_cache_in_a_directory_others_can_write(private_cache):
    private_cache.mkdir(parents=True)
    private_cache.chmod(0o777)
    assert grammar.cache_file(grammar.grammar_path("cfnetwork")) is None


def test_cache_can_be_turned_off(private_cache, monkeypatch):
    monkeypatch.setenv("TRACEVIEW_NO_CACHE", "1")
    assert grammar.cache_file(grammar.grammar_path("cfnetwork")) is None
    parser = grammar.build("nsurlsessiond", cached=True)
    assert parser.parse(LINE).data == "start"
    assert not private_cache.exists()
