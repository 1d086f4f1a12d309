"""The `traceview` command: a thin typer shell over traceview's library API."""

from __future__ import annotations

import os
import sys

import typer

from traceview.cli.console import EXIT_INTERNAL, EXIT_INTERRUPTED, EXIT_USAGE, err
from traceview.errors import TraceviewError

app = typer.Typer(
    no_args_is_help=True,
    pretty_exceptions_show_locals=False,
    add_completion=False,
    help="Rebuild what happened to an iOS app's background URLSession transfers from device logs.",
)


def _register() -> None:
    # Each module adds its command(s) to `app`; imported here so `app` is complete on use.
    from traceview.cli import (
        analyze,  # noqa: F401
        compare,  # noqa: F401
        coverage,  # noqa: F401
        events,  # noqa: F401
        rules,  # noqa: F401
        simulate,  # noqa: F401
    )


# polars allocates through jemalloc, which by default keeps freed pages for 0.5-1 s: the
# reconstruction's short-lived copies then pile up in RSS. Returning them after 0.1 s cut the
# peak on the 1 GB ndjson bench from ~730 MB to ~545 MB for ~7% more time; returning them at
# once reached ~480 MB but cost ~30% (bench/README.md). polars appends this variable to its own
# defaults when it loads (later options win), so it is set before the commands import polars in
# _register; a value the user set is left alone.
ALLOCATOR_ENV = "_RJEM_MALLOC_CONF"
ALLOCATOR_CONF = "dirty_decay_ms:100,muzzy_decay_ms:0"


def main() -> None:
    """Entry point: runs the app, turning TraceviewError into a one-line message and exit 2."""
    os.environ.setdefault(ALLOCATOR_ENV, ALLOCATOR_CONF)
    _register()
    try:
        returned = app(standalone_mode=False)  # non-standalone click returns typer.Exit's code
        code = returned if isinstance(returned, int) else 0
        if code == EXIT_INTERRUPTED:  # typer turns Ctrl-C into a silent Exit(130)
            err.print("traceview: interrupted", markup=False)
        sys.exit(code)
    except TraceviewError as error:
        err.print(f"traceview: {error}", markup=False, highlight=False, soft_wrap=True)
        sys.exit(error.exit_code)
    except typer.Exit as done:
        sys.exit(done.exit_code)
    except (typer.Abort, KeyboardInterrupt):
        err.print("traceview: interrupted", markup=False)
        sys.exit(EXIT_INTERRUPTED)
    except Exception as error:
        # typer vendors click: its usage errors are TyperException subclasses with `show()`.
        if isinstance(error, typer.TyperException) and hasattr(error, "show"):
            error.show()
            sys.exit(EXIT_USAGE)
        _report_bug(error)
    except BaseException as error:
        if isinstance(error, (SystemExit, GeneratorExit)):
            raise
        _report_bug(error)  # a panic inside polars (pyo3's PanicException) is a BaseException


def _report_bug(error: BaseException) -> None:
    """A bug, not bad input: one line by default, the traceback with TRACEVIEW_DEBUG=1."""
    if os.environ.get("TRACEVIEW_DEBUG"):
        raise error
    err.print(
        f"traceview: internal error ({type(error).__name__}: {error}); please report it with "
        "the input that caused it (TRACEVIEW_DEBUG=1 shows the traceback).",
        markup=False,
        highlight=False,
        soft_wrap=True,
    )
    sys.exit(EXIT_INTERNAL)
