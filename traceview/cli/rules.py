"""`traceview rules` and `traceview explain RULE`: the rule catalogue from the rules' own docs."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.markdown import Markdown

from traceview.cli import app
from traceview.cli.console import out
from traceview.errors import TraceviewError
from traceview.rules import ALL_RULES, by_name


@app.command("rules")
def rules_command() -> None:
    """List every rule: code, name, severity and what it flags.

    Example: traceview rules
    """
    width = max(len(rule.name) for rule in ALL_RULES)
    for rule in ALL_RULES:
        line = f"{rule.code}  {rule.severity.value:<8}  {rule.name:<{width}}  {rule.summary}"
        out.print(line, markup=False, highlight=False, soft_wrap=True)


@app.command("explain")
def explain_command(
    rule: Annotated[str, typer.Argument(help="A rule name (delivery_latency) or code (TV506).")],
) -> None:
    """Print a rule's documentation: what it does, why, an example, what to do.

    Example: traceview explain completion_handler_never_called
    """
    found = by_name(rule)
    if found is None:
        raise TraceviewError(f"unknown rule {rule!r} (see `traceview rules`)")
    out.print(f"{found.code} {found.name} ({found.severity.value})", markup=False)
    out.print(Markdown(found.doc))
    out.print(f"Advice: {found.advice}", markup=False)
