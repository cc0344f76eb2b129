"""More ``graphkit`` commands: ``explain``, ``merge`` and ``mentions``.

Importing this module registers them on :data:`graphkit.cli.main`.
"""

from __future__ import annotations

from pathlib import Path

import click

from graphkit.cli import CONTEXT, _analyze, _rules_option, _text_options, main, ner_options


@main.command(context_settings=CONTEXT)
@click.argument("path", type=click.Path())
@click.argument("a")
@click.argument("b")
@_text_options
@_rules_option
def explain(path, a, b, cast_path, no_cast, window, min_mentions, encoding) -> None:
    """Print every sentence that links A and B, with the relation types it states.

    \b
    Example:
      graphkit explain data/her.txt Theodore Samantha
      graphkit explain data/her.txt Jonze Coppola --no-cast
    """
    result = _analyze(path, cast_path, no_cast, window, min_mentions, encoding)
    click.echo(result.explain(a, b))


@main.command(context_settings=CONTEXT)
@click.argument("graphs", nargs=-1, required=True, type=click.Path())
@click.option(
    "--output",
    "-o",
    "output",
    required=True,
    type=click.Path(dir_okay=False),
    help="Merged graph file (.graphml, .gexf or .json).",
)
def merge(graphs, output) -> None:
    """Merge exported graphs (GraphML, GEXF, JSON) into one: same name, same node.

    \b
    Example:
      graphkit merge out/her/graph.graphml out/lost/graph.graphml -o both.graphml
    """
    from graphkit.graph.merge import merge_files

    g = merge_files(graphs, output)
    click.echo(
        f"Merged {len(graphs)} graphs: {g.number_of_nodes()} nodes, "
        f"{g.number_of_edges()} edges -> {output}",
        err=True,
    )


def _mention_records(
    path: str,
    cast_path: str | None,
    no_cast: bool,
    encoding: str | None,
    ner: str = "rules",
    spacy_model: str = "en_core_web_sm",
):
    """Mentions of one file as dicts, with offsets into the text as read (after decoding)."""
    from graphkit.analysis import detect_mentions, resolve_cast
    from graphkit.pipeline.characters import merge_characters
    from graphkit.pipeline.document import build_document
    from graphkit.io.text import read_text

    doc = build_document(read_text(path, encoding=encoding))
    cast = resolve_cast(False if no_cast else cast_path, path)
    found = detect_mentions(doc, cast, ner, spacy_model)
    _, mentions = merge_characters(doc, found, cast)
    raw = doc.offsets.to_raw([x for m in mentions for x in (m.start, m.end)]).tolist()
    return [
        {
            "start": raw[2 * i],
            "end": raw[2 * i + 1],
            "text": m.text,
            "character": m.character,
            "kind": m.kind,
        }
        for i, m in enumerate(mentions)
    ]


def _mention_lines(records: list[dict], fmt: str) -> str:
    import csv
    import io
    import json

    if fmt == "jsonl":
        return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)
    buf = io.StringIO()
    writer = csv.DictWriter(buf, ["start", "end", "text", "character", "kind"], lineterminator="\n")
    writer.writeheader()
    writer.writerows(records)
    return buf.getvalue()


@main.command(context_settings=CONTEXT)
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option("--cast", "cast_path", type=click.Path(dir_okay=False), metavar="FILE")
@click.option("--no-cast", is_flag=True, help="Ignore any cast file; discover names.")
@click.option("--encoding", metavar="NAME", help="Force the text encoding (default: detect).")
@click.option(
    "--format", "-f", "fmt", type=click.Choice(["jsonl", "csv"]), default="jsonl", show_default=True
)
@click.option(
    "--output", "-o", "output", metavar="OUT", help="Output file (one PATH) or folder (several)."
)
@ner_options
def mentions(paths, cast_path, no_cast, encoding, fmt, output, ner, spacy_model) -> None:
    """List every name mention: start, end (offsets into the file as read), text, character, kind.

    One PATH writes to stdout or to OUT; several PATHs write OUT/<stem>.jsonl (or .csv) each.

    \b
    Example:
      graphkit mentions novel.txt --no-cast | head
      graphkit mentions a.txt b.txt --format csv -o mentions/
      graphkit mentions novel.txt --no-cast --ner spacy --spacy-model en_core_web_sm
    """
    from graphkit.exporters.formats import write_atomic

    if cast_path and no_cast:
        raise click.UsageError("--cast and --no-cast cannot be used together")
    if len(paths) > 1 and not output:
        raise click.UsageError("several PATHs need -o OUT (a folder)")
    for path in paths:
        records = _mention_records(path, cast_path, no_cast, encoding, ner, spacy_model)
        data = _mention_lines(records, fmt)
        if len(paths) > 1:
            folder = Path(output)
            folder.mkdir(parents=True, exist_ok=True)
            write_atomic(folder / f"{Path(path).stem}.{fmt}", data.encode("utf-8"))
        elif output:
            write_atomic(output, data.encode("utf-8"))
        else:
            click.echo(data, nl=False)
