"""``graphkit characters``, ``metrics``, ``export`` and ``plot``: one table, file or picture each."""

from __future__ import annotations

import sys

import click

from graphkit.cli.options import (
    CONTEXT,
    colour_option,
    emit,
    output_file,
    run_analysis,
    table_format,
    text_options,
)

__all__ = ["COMMANDS"]


@click.command(context_settings=CONTEXT)
@click.argument("path", type=click.Path())
@text_options
@table_format
def characters(path, fmt, options) -> None:
    """List the characters found in a text, with kinds, aliases and mention counts.

    \b
    Example:
      graphkit characters data/her.txt --no-cast
    """
    df = run_analysis(path, options).characters.copy()
    df["aliases"] = df["aliases"].map(";".join)
    df["aliases_reason"] = df["aliases_reason"].map(";".join)
    emit(df, fmt)


@click.command(context_settings=CONTEXT)
@click.argument("path", type=click.Path())
@text_options
@table_format
@click.option("--summary", is_flag=True, help="Print the one-row network summary instead.")
def metrics(path, fmt, summary, options) -> None:
    """Print centrality metrics (degree, strength, betweenness, closeness, ...) per character.

    \b
    Example:
      graphkit metrics data/her.txt --format csv > metrics.csv
    """
    result = run_analysis(path, options)
    emit(result.summary if summary else result.metrics, fmt)


def _export_formats() -> list[str]:
    from graphkit.exporters import EXPORTERS

    return list(EXPORTERS)


@click.command(context_settings=CONTEXT)
@click.argument("path", type=click.Path())
@text_options
@click.option(
    "--format",
    "-f",
    "fmt",
    type=click.Choice(_export_formats()),
    required=True,
    help="Export format.",
)
@click.option(
    "--output", "-o", "output", required=True, metavar="FILE", help="Output file, or - for stdout."
)
def export(path, fmt, output, options) -> None:
    """Export the graph in one format (GraphML, GEXF, node-link JSON or CSV).

    \b
    Example:
      graphkit export data/her.txt -f gexf -o her.gexf     # open in Gephi
      graphkit export data/her.txt -f json -o -            # to stdout
    """
    from graphkit.exporters import render_result, write_atomic

    data = render_result(run_analysis(path, options), fmt)
    if output == "-":
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
    else:
        write_atomic(output, data)
        click.echo(f"Wrote {output}", err=True)


@click.command(context_settings=CONTEXT)
@click.argument("path", type=click.Path())
@text_options
@output_file("Picture file to write: .png, .svg or .pdf.")
@click.option(
    "--kind",
    "kind",
    type=click.Choice(["network", "centrality"]),
    default="network",
    show_default=True,
)
@click.option(
    "--top",
    type=click.IntRange(min=1),
    default=40,
    show_default=True,
    help="Most central nodes to draw.",
)
@click.option("--relations-only", is_flag=True, help="Draw only typed relations.")
@colour_option
def plot(path, output, kind, top, relations_only, colour, options) -> None:
    """Draw the network (or the centrality chart) as a PNG, SVG or PDF (by the file's suffix).

    \b
    Example:
      graphkit plot data/her.txt -o her.png
      graphkit plot data/her.txt -o her.svg
      graphkit plot novel.txt --no-cast --top 25 -o novel.png
      graphkit plot novel.txt --colour kind -o novel.svg
    """
    from pathlib import Path

    from graphkit.exporters import write_atomic
    from graphkit.views.figure import figure_bytes, picture_format

    suffix = picture_format(Path(output).suffix)  # before the work, not after it
    result = run_analysis(path, options)
    if kind == "network":
        fig = result.plot(top=top, relations_only=relations_only, colour=colour)
    else:
        fig = result.plot_centrality(top=min(top, 15))
    write_atomic(output, figure_bytes(fig, suffix))
    click.echo(f"Wrote {output}", err=True)


COMMANDS = [characters, metrics, export, plot]
