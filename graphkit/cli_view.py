"""The ``graphkit view`` command: the interactive page of a text.

Importing this module registers it on :data:`graphkit.cli.main`.
"""

from __future__ import annotations

import click

from .cli import CONTEXT, _analyze, _rules_option, _text_options, main


@main.command(context_settings=CONTEXT)
@click.argument("path", type=click.Path())
@_text_options
@_rules_option
@click.option(
    "--output",
    "-o",
    "output",
    required=True,
    type=click.Path(dir_okay=False),
    help="HTML file to write (one self-contained page; opens with no network).",
)
def view(path, cast_path, no_cast, window, min_mentions, encoding, output) -> None:
    """Write the interactive view of a text: search, hover, filters, evidence, time slider.

    \b
    Example:
      graphkit view data/her.txt -o her.html
      graphkit view novel.txt --no-cast --until 10 -o novel.html
    """
    result = _analyze(path, cast_path, no_cast, window, min_mentions, encoding)
    result.to_html(output)
    click.echo(
        f"Wrote {output} ({result.graph.number_of_nodes()} nodes, "
        f"{result.graph.number_of_edges()} edges)",
        err=True,
    )
