"""``graphkit view``: the interactive page of a text, one self-contained HTML file."""

from __future__ import annotations

import click

from graphkit.cli.options import CONTEXT, output_file, run_analysis, text_options

__all__ = ["COMMANDS"]


@click.command(context_settings=CONTEXT)
@click.argument("path", type=click.Path())
@text_options
@output_file("HTML file to write (one self-contained page; opens with no network).")
def view(path, output, options) -> None:
    """Write the interactive view of a text: search, hover, filters, evidence, time slider.

    \b
    Example:
      graphkit view data/her.txt -o her.html
      graphkit view novel.txt --no-cast --until 10 -o novel.html
    """

    result = run_analysis(path, options)
    result.to_html(output)
    click.echo(
        f"Wrote {output} ({result.graph.number_of_nodes()} nodes, "
        f"{result.graph.number_of_edges()} edges)",
        err=True,
    )


COMMANDS = [view]
