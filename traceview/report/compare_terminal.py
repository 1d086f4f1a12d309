"""`traceview compare` in the terminal: side by side with deltas, then the verdict."""

from __future__ import annotations

from rich.console import Console, Group, RenderableType
from rich.rule import Rule
from rich.table import Table
from rich.text import Text

from traceview.compare import TIMINGS, Comparison, Matrix, Percentiles, Side
from traceview.report import words


def render_compare_terminal(comparison: Comparison, console: Console) -> None:
    """Print one base → new comparison."""
    title = f"traceview compare: {comparison.base.label} → {comparison.new.label}"
    console.print(Rule(Text(title, style="bold")))
    for part in comparison_parts(comparison):
        console.print(part)


def render_matrix_terminal(matrix: Matrix, console: Console) -> None:
    """Print the matrix (one column per group), then each step against the previous group."""
    console.print(Rule(Text(f"traceview compare --by {matrix.by}", style="bold")))
    console.print(matrix_table(matrix))
    for step in matrix.steps:
        console.print(Rule(Text(f"{step.base.label} → {step.new.label}"), align="left"))
        for part in comparison_parts(step)[2:]:  # findings, coverage, verdict
            console.print(part)


def comparison_parts(comparison: Comparison) -> list[RenderableType]:
    return [
        outcome_table(comparison),
        timing_table(comparison),
        rule_table(comparison),
        coverage_text(comparison),
        verdict_text(comparison),
    ]


def percent(value: float | None) -> str:
    return "—" if value is None else f"{value:.0f}%"


def points(value: float | None) -> str:
    return "—" if value is None else f"{value:+.0f} pts"


def seconds_text(value: float | None) -> str:
    return "—" if value is None else words.duration(value)


def spread(p: Percentiles) -> str:
    if not p.count:
        return "no data"
    return f"{seconds_text(p.p50)} / {seconds_text(p.p90)} / {seconds_text(p.max)} (n={p.count})"


def outcome_table(comparison: Comparison) -> Table:
    table = Table(title="Task outcomes", title_justify="left")
    for header in ("final state", comparison.base.label, comparison.new.label, "change"):
        table.add_column(header)
    for row in comparison.outcomes:
        table.add_row(
            row.state,
            f"{row.base_count} ({percent(row.base_share)})",
            f"{row.new_count} ({percent(row.new_share)})",
            points(row.points),
        )
    table.add_row(
        "all tasks", str(comparison.base.tasks), str(comparison.new.tasks), "", style="bold"
    )
    return table


def timing_table(comparison: Comparison) -> Table:
    table = Table(title="Timings: p50 / p90 / max", title_justify="left")
    for header in ("measure", comparison.base.label, comparison.new.label, "p90 change"):
        table.add_column(header)
    for row in comparison.timings:
        ratio = "—" if row.p90_ratio is None else f"×{row.p90_ratio:.2f}"
        table.add_row(row.label, spread(row.base), spread(row.new), ratio)
    table.add_row("background relaunches", _count(comparison.base), _count(comparison.new), "")
    return table


def _count(side: Side) -> str:
    return "—" if side.relaunches is None else str(side.relaunches)


def rule_table(comparison: Comparison) -> RenderableType:
    if not comparison.rules:
        return Text("No findings on either side.")
    table = Table(title="Findings by rule", title_justify="left")
    for header in ("rule", "severity", "base", "new", "status"):
        table.add_column(header)
    for row in comparison.rules:
        style = {"new": "bold red", "resolved": "green"}.get(row.status, "")
        table.add_row(
            row.rule, row.severity, str(row.base), str(row.new), Text(row.status, style=style)
        )
    return table


def coverage_text(comparison: Comparison) -> RenderableType:
    if not comparison.wording_drift:
        return Text(
            "Parser coverage: every message family seen on the base was also seen on the new side."
        )
    title = Text(
        "Possible Apple log wording drift (a parser blind spot, not a behaviour change): "
        "message families matched on the base, never on the new side",
        style="bold yellow",
    )
    table = Table()
    for header in ("message family", comparison.base.label, comparison.new.label):
        table.add_column(header)
    for family, count in comparison.wording_drift:
        table.add_row(family, f"matched {count}×", "never")
    return Group(title, table)


def verdict_text(comparison: Comparison) -> Text:
    new = len(comparison.new_findings)
    head = f"{words.plural(new, 'new finding rule')}. " if new else "No new finding rules. "
    if not comparison.regressions:
        return Text(head + "No regression by traceview's criteria.", style="green")
    return Text(head + "Regressions: " + "; ".join(comparison.regressions) + ".", style="bold red")


def matrix_table(matrix: Matrix) -> Table:
    table = Table(title=f"By {matrix.by}", title_justify="left")
    table.add_column("measure")
    for side in matrix.sides:
        table.add_column(f"{side.label} ({words.plural(side.reports, 'report')})")
    for state, _ in matrix.sides[0].outcomes if matrix.sides else ():
        table.add_row(
            state, *(f"{dict(s.outcomes)[state]} ({percent(s.share(state))})" for s in matrix.sides)
        )
    for key, label in TIMINGS:
        table.add_row(label, *(spread(dict(s.timings)[key]) for s in matrix.sides))
    table.add_row("background relaunches", *(_count(s) for s in matrix.sides))
    table.add_row("findings", *(str(s.finding_total) for s in matrix.sides))
    return table
