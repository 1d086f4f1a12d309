"""The one place grammars are found and parsers are built.

Grammars live in the repository's top-level `grammars/`; the wheel force-includes them as
`traceview/grammars` (pyproject.toml). Both layouts are supported, the installed one first.
"""

from __future__ import annotations

import functools
from importlib import resources
from pathlib import Path

from lark import Lark, Transformer

from traceview.errors import TraceviewError

REPO_GRAMMARS = Path(__file__).resolve().parents[2] / "grammars"


@functools.cache
def grammar_dir() -> Path:
    """The directory holding the .lark files (installed package first, then the source tree)."""
    packaged = resources.files("traceview") / "grammars"
    if packaged.is_dir():
        return Path(str(packaged))
    if REPO_GRAMMARS.is_dir():
        return REPO_GRAMMARS
    raise TraceviewError("traceview is installed without its grammars/; reinstall the package")


def grammar_path(name: str) -> Path:
    return grammar_dir() / f"{name}.lark"


def build(name: str, transformer: Transformer | None = None) -> Lark:
    """The LALR parser of grammars/<name>.lark.

    LALR with the contextual lexer: each parser state only lexes the terminals it can accept,
    which keeps free-text terminals (REST, error descriptions) from shadowing keywords. With a
    transformer, Lark runs it during the reductions and builds no tree (about twice as fast).
    """
    return Lark.open(
        str(grammar_path(name)), parser="lalr", lexer="contextual", transformer=transformer
    )


@functools.cache
def load(name: str) -> Lark:
    """The tree-building parser of grammars/<name>.lark, built once per process."""
    return build(name)
