"""The ``graphkit quotes`` command: every quotation with its speaker and addressees.

:data:`COMMANDS` is added to :data:`graphkit.cli.main` by :mod:`graphkit.cli`.
"""

from __future__ import annotations

import click

from graphkit.cli.options import CONTEXT, run_analysis, text_options

__all__ = ["COMMANDS"]

#: The fields of one record, in order.
FIELDS = ("start", "end", "text", "speaker", "addressees", "type", "cue")


def quote_records(analysis) -> list[dict]:
    """The quotations of an :class:`~graphkit.analysis.Analysis` as dicts (``Analysis.quotes``)."""
    return [{**r, "cue": r["cue"] or None} for r in analysis.quotes.to_dict(orient="records")]


def _lines(analysis, fmt: str) -> str:
    import json

    if fmt == "jsonl":
        records = quote_records(analysis)
        return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)
    from graphkit.exporters.tables import csv_text
    from graphkit.pipeline.dialogue import quotes_csv_frame

    return csv_text(quotes_csv_frame(analysis.quotes))  # as quotes.csv: formula-like cells guarded


@click.command(context_settings=CONTEXT)
@click.argument("path", type=click.Path())
@text_options
@click.option(
    "--format", "-f", "fmt", type=click.Choice(["jsonl", "csv"]), default="jsonl", show_default=True
)
@click.option("--output", "-o", "output", metavar="FILE", help="Output file; - or none for stdout.")
def quotes(path, options, fmt, output) -> None:
    """List every quotation: start, end (offsets into the file as read), text, speaker, addressees, type, cue.

    Speakers and addressees are node ids as ``graphkit characters`` gives them on
    the same file and options; type is explicit, anaphoric, implicit or none.

    \b
    Example:
      graphkit quotes novel.txt --no-cast | head
      graphkit quotes novel.txt --no-cast -f csv -o quotes.csv
    """
    from graphkit.exporters.atomic import write_atomic

    result = run_analysis(path, options)
    data = _lines(result, fmt)
    if output and output != "-":
        write_atomic(output, data.encode("utf-8"))
    else:
        click.echo(data, nl=False)


COMMANDS = [quotes]
