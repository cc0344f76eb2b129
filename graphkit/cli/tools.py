"""``graphkit explain``, ``merge`` and ``mentions``: evidence, several graphs, every name found."""

from __future__ import annotations

from pathlib import Path

import click

from graphkit.cli.options import CONTEXT, mention_options, output_file, run_analysis, text_options

__all__ = ["COMMANDS"]


@click.command(context_settings=CONTEXT)
@click.argument("path", type=click.Path())
@click.argument("a")
@click.argument("b")
@text_options
def explain(path, a, b, options) -> None:
    """Print every sentence that links A and B, with the relation types it states.

    \b
    Example:
      graphkit explain data/her.txt Theodore Samantha
      graphkit explain data/her.txt Jonze Coppola --no-cast
    """

    click.echo(run_analysis(path, options).explain(a, b))


@click.command(context_settings=CONTEXT)
@click.argument("graphs", nargs=-1, required=True, type=click.Path())
@output_file("Merged graph file (.graphml, .gexf or .json).")
def merge(graphs, output) -> None:
    """Merge exported graphs (GraphML, GEXF, JSON) into one: same name, same node.

    \b
    Example:
      graphkit merge out/her/graph.graphml out/lost/graph.graphml -o both.graphml
    """
    from graphkit.graph.merge import merge_files

    g = merge_files(graphs, output)
    held = len(graphs) - len(g.graph["sources"])
    again = f" ({held} already in the merge, counted once)" if held else ""
    click.echo(
        f"Merged {len(graphs)} graphs{again}: {g.number_of_nodes()} nodes, "
        f"{g.number_of_edges()} edges -> {output}",
        err=True,
    )


def _mention_lines(records: list[dict], fmt: str) -> str:
    import csv
    import io
    import json

    if fmt == "jsonl":
        return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)
    buf = io.StringIO()
    writer = csv.DictWriter(buf, ["start", "end", "text", "character", "kind"], lineterminator="\n")
    writer.writeheader()
    from graphkit.exporters.tables import csv_cell

    writer.writerows({k: csv_cell(v) for k, v in r.items()} for r in records)
    return buf.getvalue()


@click.command(context_settings=CONTEXT)
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@mention_options
@click.option(
    "--format", "-f", "fmt", type=click.Choice(["jsonl", "csv"]), default="jsonl", show_default=True
)
@click.option(
    "--output", "-o", "output", metavar="OUT", help="Output file (one PATH) or folder (several)."
)
def mentions(paths, fmt, output, options) -> None:
    """List every name mention: start, end (offsets into the file as read), text, character, kind.

    One PATH writes to stdout or to OUT; several PATHs write OUT/<stem>.jsonl (or .csv) each.
    Mentions are those of ``graphkit analyze`` on the same text read as prose, before
    rare names are left out (--min-mentions 1).

    \b
    Example:
      graphkit mentions novel.txt --no-cast | head
      graphkit mentions a.txt b.txt --format csv -o mentions/
      graphkit mentions novel.txt --no-cast --ner spacy --spacy-model en_core_web_sm
    """
    import graphkit
    from graphkit.exporters import write_atomic

    if len(paths) > 1 and not output:
        raise click.UsageError("several PATHs need -o OUT (a folder)")
    for path in paths:
        result = graphkit.analyze(path, input_format="text", min_mentions=1, **options)
        data = _mention_lines(result.mention_records(), fmt)
        if len(paths) > 1:
            # write_atomic makes the folder, or says in one line why it cannot
            write_atomic(Path(output) / f"{Path(path).stem}.{fmt}", data.encode("utf-8"))
        elif output:
            write_atomic(output, data.encode("utf-8"))
        else:
            click.echo(data, nl=False)


COMMANDS = [explain, merge, mentions]
