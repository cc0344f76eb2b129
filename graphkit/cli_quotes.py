"""The ``graphkit quotes`` command: every quotation with its speaker and addressees.

Importing this module registers it on :data:`graphkit.cli.main`.
"""

from __future__ import annotations

import click

from .cli import CONTEXT, _analyze, _text_options, main

#: The fields of one record, in order.
FIELDS = ("start", "end", "text", "speaker", "addressees", "type", "cue")


def quote_records(analysis) -> list[dict]:
    """The quotations of an :class:`~graphkit.analysis.Analysis` as dicts, offsets into the text as read.

    ``text`` is the quoted text as read (its parts joined by a space),
    ``speaker`` a node id or ``None``, ``addressees`` a list of node ids.
    """
    from .quotations import find_quotations
    from .speakers import attribute

    doc = analysis.document
    quotes = attribute(doc, find_quotations(doc), analysis.mentions, analysis.character_list)
    flat = [x for q in quotes for a, b in q.parts for x in (a, b)]
    raw = doc.offsets.to_raw(flat).tolist() if flat else []
    source = doc.raw or doc.text
    records, k = [], 0
    for q in quotes:
        spans = []
        for _ in q.parts:
            spans.append((raw[k], raw[k + 1]))
            k += 2
        records.append(
            {
                "start": spans[0][0],
                "end": spans[-1][1],
                "text": " ".join(source[a:b] for a, b in spans),
                "speaker": q.speaker,
                "addressees": list(q.addressees),
                "type": q.type,
                "cue": q.cue or None,
            }
        )
    return records


def _lines(records: list[dict], fmt: str) -> str:
    import csv
    import io
    import json

    if fmt == "jsonl":
        return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)
    buf = io.StringIO()
    writer = csv.DictWriter(buf, FIELDS, lineterminator="\n")
    writer.writeheader()
    for r in records:
        writer.writerow({**r, "addressees": ";".join(r["addressees"])})
    return buf.getvalue()


@main.command(context_settings=CONTEXT)
@click.argument("path", type=click.Path())
@_text_options
@click.option(
    "--format", "-f", "fmt", type=click.Choice(["jsonl", "csv"]), default="jsonl", show_default=True
)
@click.option("--output", "-o", "output", metavar="FILE", help="Output file; - or none for stdout.")
def quotes(path, cast_path, no_cast, window, min_mentions, encoding, fmt, output) -> None:
    """List every quotation: start, end (offsets into the file as read), text, speaker, addressees, type, cue.

    Speakers and addressees are node ids as ``graphkit characters`` gives them on
    the same file and options; type is explicit, anaphoric, implicit or none.

    \b
    Example:
      graphkit quotes novel.txt --no-cast | head
      graphkit quotes novel.txt --no-cast -f csv -o quotes.csv
    """
    from .export import write_atomic

    result = _analyze(path, cast_path, no_cast, window, min_mentions, encoding)
    data = _lines(quote_records(result), fmt)
    if output and output != "-":
        write_atomic(output, data.encode("utf-8"))
    else:
        click.echo(data, nl=False)
