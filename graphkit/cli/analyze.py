"""``graphkit analyze``: the main job, every output file of one text (or several) and a summary."""

from __future__ import annotations

from pathlib import Path

import click

from graphkit.cli.options import CONTEXT, colour_option, run_analysis, text_options

__all__ = ["COMMANDS", "bundled_article", "capped_warning"]


def bundled_article() -> str:
    """The path of the article that ships with graphkit (analysed when no PATH is given)."""
    from graphkit.io.examples import example

    return example("her")


def capped_warning(titles: list[str]) -> str:
    """The stderr line saying which segments had their cliques capped.

    Examples
    --------
    >>> capped_warning(["Scene 1"])
    'Warning: 1 segment has over 50 members (Scene 1): only its 50 most present are linked pairwise, the others to the 3 most present (graph attribute capped)'
    """
    from graphkit.pipeline.structured import CLIQUE_LIMIT, SPOKES

    shown = "; ".join(titles[:3]) + ("; …" if len(titles) > 3 else "")
    many = "segments have" if len(titles) > 1 else "segment has"
    return (
        f"Warning: {len(titles)} {many} over {CLIQUE_LIMIT} members ({shown}): only its "
        f"{CLIQUE_LIMIT} most present are linked pairwise, the others to the {SPOKES} most "
        "present (graph attribute capped)"
    )


@click.command(context_settings=CONTEXT)
@click.argument("paths", nargs=-1, type=click.Path())
@text_options
@click.option(
    "--out",
    "-o",
    "out",
    type=click.Path(file_okay=False),
    help="Output folder [default: out/<stem>/].",
)
@click.option(
    "--top",
    type=click.IntRange(min=1),
    default=10,
    show_default=True,
    help="Characters listed in the summary.",
)
@click.option("--merge", is_flag=True, help="Several texts: build one graph of them all.")
@click.option("--relations-only", is_flag=True, help="Draw only typed relations in network.png.")
@colour_option
def analyze(paths, out, top, merge, relations_only, colour, options) -> None:
    """Analyse a text (or several) and write the graph, tables and pictures.

    Writes graph.graphml, graph.gexf (dynamic: spells by segment), graph.json,
    nodes.csv, edges.csv, metrics.csv, evidence.csv, quotes.csv, network.png,
    centrality.png and timeline.png into OUT and prints a summary.  With no
    PATH, analyses the bundled article (data/her.txt).  Plays (TEI, plain
    text), Fountain screenplays and SGB .dat tables are detected and give
    exact networks; --interaction conversation gives, on prose, the directed
    speaker -> addressee graph of the quotations.  With several PATHs and
    --merge, one graph spans them all (nodes and edges record their texts in
    `sources`); without --merge each text gets its own folder under OUT.

    \b
    Example:
      graphkit analyze                             # -> out/her/
      graphkit analyze book.txt --no-cast --window 15 --out results/book
      graphkit analyze romeo-and-juliet.xml --until 6      # prologue and act 1 only
      graphkit analyze her.txt lost.txt --merge --out out/both
    """

    paths = list(paths) or [bundled_article()]
    if merge and len(paths) > 1:
        folder = Path(out) if out else Path("out") / "+".join(Path(p).stem for p in paths)
        jobs = [(paths, folder)]
    elif out:
        jobs = [(p, Path(out) / Path(p).stem if len(paths) > 1 else Path(out)) for p in paths]
    else:
        jobs = [(p, Path("out") / Path(p).stem) for p in paths]
    from graphkit.pipeline.progress import announce, progress_line

    for path, folder in jobs:
        label = Path(path).name if isinstance(path, str) else f"{len(path)} texts"
        with progress_line(label):  # on a terminal only: each stage as it ends
            result = run_analysis(path, options)
            announce("pictures and files")
            written = result.export(folder, relations_only=relations_only, colour=colour)
        click.echo(result.report(top))
        if result.graph.graph.get("capped"):
            click.echo(capped_warning(result.graph.graph["capped"]), err=True)
        click.echo(f"Wrote {len(written)} files to {folder}/: " + " ".join(p.name for p in written))


COMMANDS = [analyze]
