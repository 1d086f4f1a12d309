"""The `traceview` command: a thin typer shell over traceview's library API."""

from __future__ import annotations

import sys

import typer

from traceview.cli.console import EXIT_USAGE, err
from traceview.errors import TraceviewError

app = typer.Typer(
    no_args_is_help=True,
    pretty_exceptions_show_locals=False,
    add_completion=False,
    help="Rebuild what happened to an iOS app's background URLSession transfers from device logs.",
)


def _register() -> None:
    # Each module adds its command(s) to `app`; imported here so `app` is complete on use.
    from traceview.cli import compare  # noqa: F401
    from traceview.cli import coverage  # noqa: F401
    from traceview.cli import events  # noqa: F401
    from traceview.cli import rules  # noqa: F401
    from traceview.cli import simulate  # noqa: F401


def main() -> None:
    """Entry point: runs the app, turning TraceviewError into a one-line message and exit 2."""
    _register()
    try:
        returned = app(standalone_mode=False)  # non-standalone click returns typer.Exit's code
        sys.exit(returned if isinstance(returned, int) else 0)
    except TraceviewError as error:
        err.print(f"traceview: {error}", markup=False, highlight=False, soft_wrap=True)
        sys.exit(error.exit_code)
    except typer.Exit as done:
        sys.exit(done.exit_code)
    except typer.Abort:
        err.print("traceview: aborted", markup=False)
        sys.exit(EXIT_USAGE)
    except Exception as error:  # click usage errors arrive here in non-standalone mode
        import click

        # typer vendors click: its usage errors are typer._click classes, not click's.
        usage_error = isinstance(error, click.ClickException | typer.TyperException)
        if usage_error and hasattr(error, "show"):
            error.show()
            sys.exit(EXIT_USAGE)
        raise
