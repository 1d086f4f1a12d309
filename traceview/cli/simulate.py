"""`traceview simulate`: write a synthetic device log (and its ground truth) for a scenario."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import orjson
import typer

from traceview.cli import app
from traceview.errors import TraceviewError


@app.command("simulate")
def simulate_command(
    name: Annotated[str | None, typer.Argument(help="Scenario name (see --list).")] = None,
    style: Annotated[
        str, typer.Option(help="default, compact, syslog, json, ndjson, console, relay.")
    ] = "default",
    seed: Annotated[int, typer.Option(help="Seed for ids and noise (same seed, same bytes).")] = 0,
    noise: Annotated[float, typer.Option(help="Unrelated lines per scenario line.")] = 0.0,
    era: Annotated[str, typer.Option(help="iOS era: 12, 13-16 or 17+.")] = "17+",
    out_file: Annotated[
        Path | None, typer.Option("--out", help="Write the log here (default stdout).")
    ] = None,
    truth_file: Annotated[
        Path | None, typer.Option("--truth", help="Write the ground truth JSON here.")
    ] = None,
    markers: Annotated[bool, typer.Option(help="Include the app's TVMARK v1 marker lines.")] = True,
    list_names: Annotated[
        bool, typer.Option("--list", help="List the scenarios and exit.")
    ] = False,
) -> None:
    """Write a synthetic log built only from real message templates, with known ground truth.

    Example: traceview simulate uploads_after_jetsam --style ndjson --out x.ndjson --truth t.json
    """
    from traceview import simulate as sim

    if list_names:
        for scenario_name in sim.NAMED_SCENARIOS:
            typer.echo(f"{scenario_name}\t{sim.scenario(scenario_name).title}")
        return
    if name is None:
        raise TraceviewError("simulate: name a scenario (traceview simulate --list shows them)")
    try:
        scn = sim.scenario(name, era=era, seed=seed, markers=markers)
        if style not in sim.STYLES:
            raise ValueError(f"unknown style {style!r}; choose one of {', '.join(sim.STYLES)}")
    except ValueError as error:
        raise TraceviewError(f"simulate: {error}") from error
    if out_file is None:
        sim.write(scn, style, sys.stdout, seed=seed, noise=noise)
    else:
        with out_file.open("w", encoding="utf-8") as handle:
            sim.write(scn, style, handle, seed=seed, noise=noise)
    if truth_file is not None:
        truth_file.write_bytes(
            orjson.dumps(sim.truth(scn, style), option=orjson.OPT_INDENT_2) + b"\n"
        )
