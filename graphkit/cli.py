"""The ``graphkit`` command: a thin click shell over :mod:`graphkit.analysis`.

Each command parses its options, calls one API function and prints or
writes the result.  A :class:`~graphkit.errors.GraphkitError` becomes one
``Error: ...`` line on stderr and exit status 1; usage errors exit with 2.
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from . import __version__
from .errors import GraphkitError

CONTEXT = {"help_option_names": ["-h", "--help"], "max_content_width": 100}
BUNDLED = Path(__file__).resolve().parent.parent / "data" / "her.txt"


class _Group(click.Group):
    """Turn library errors into one clean line and exit status 1."""

    def invoke(self, ctx: click.Context):  # noqa: D401
        try:
            return super().invoke(ctx)
        except GraphkitError as exc:
            raise click.ClickException(str(exc)) from None
        except KeyboardInterrupt:
            raise click.Abort() from None


@click.group(cls=_Group, context_settings=CONTEXT)
@click.version_option(__version__, "-V", "--version", prog_name="graphkit")
def main() -> None:
    """Turn narrative text into a graph of its characters, people and works.

    \b
    Example:
      graphkit analyze                      # the bundled Her article -> out/her/
      graphkit analyze novel.txt --no-cast --window paragraph
    """


def ner_options(f):
    """``--ner`` and ``--spacy-model``: how names are found without a cast file."""
    f = click.option(
        "--spacy-model",
        default="en_core_web_sm",
        show_default=True,
        metavar="NAME|DIR",
        help="The installed spaCy pipeline --ner spacy uses (never downloaded).",
    )(f)
    return click.option(
        "--ner",
        type=click.Choice(["rules", "spacy"]),
        default="rules",
        show_default=True,
        help="Name detection without a cast file: graphkit's rules (no model) or spaCy "
        "(pip install 'graphkit[spacy]' and a spaCy English pipeline).",
    )(f)


def _structure_options(f):
    """``--input-format``, ``--interaction``, ``--until``, ``--ner`` and ``--spacy-model``.

    They travel in ``ctx.meta`` to :func:`_analyze` so that the commands'
    signatures stay as they are.
    """
    import functools

    @functools.wraps(f)
    def wrapper(*args, **kwargs):
        meta = click.get_current_context().meta
        for key in ("input_format", "interaction", "until", "ner", "spacy_model"):
            meta[f"graphkit.{key}"] = kwargs.pop(key)
        return f(*args, **kwargs)

    wrapper = ner_options(wrapper)
    wrapper = click.option(
        "--until",
        type=click.IntRange(min=1),
        metavar="N",
        help="Keep only segments 1..N (scenes, chapters; paragraphs for prose without chapters).",
    )(wrapper)
    wrapper = click.option(
        "--interaction",
        type=click.Choice(["co-presence", "conversation"]),
        default="co-presence",
        show_default=True,
        help="Plays and screenplays: same scene, or who speaks right after whom (directed).",
    )(wrapper)
    return click.option(
        "--input-format",
        "input_format",
        type=click.Choice(["auto", "text", "tei", "play", "fountain", "sgb"]),
        default="auto",
        show_default=True,
        help="Input kind: prose text, TEI drama, plain-text play, Fountain screenplay, "
        "or SGB co-appearance table (.dat).",
    )(wrapper)


def _min_mentions(ctx, param, value):
    if value == "auto":
        return value
    try:
        number = int(value)
    except ValueError:
        number = 0
    if number < 1:
        raise click.BadParameter(f"{value!r} is not 'auto' or a whole number >= 1")
    return number


_table_format = click.option(
    "--format",
    "-f",
    "fmt",
    type=click.Choice(["table", "csv", "json"]),
    default="table",
    show_default=True,
    help="Print a table, CSV or JSON records.",
)


def _text_options(f):
    f = _structure_options(f)
    f = click.option(
        "--encoding", metavar="NAME", help="Force the text encoding (default: detect)."
    )(f)
    f = click.option(
        "--min-mentions",
        default="auto",
        show_default=True,
        metavar="N|auto",
        callback=_min_mentions,
        help="Drop discovered names mentioned fewer times (auto: 1, 2 or 3 by text length).",
    )(f)
    f = click.option(
        "--window",
        "-w",
        default="sentence",
        show_default=True,
        metavar="sentence|paragraph|N",
        help="What counts as co-occurring: same sentence, same paragraph, or within N tokens.",
    )(f)
    f = click.option(
        "--no-cast", is_flag=True, help="Ignore any cast file; discover names automatically."
    )(f)
    f = click.option(
        "--cast",
        "cast_path",
        type=click.Path(dir_okay=False),
        metavar="FILE",
        help="Cast file (YAML or CSV). Default: <stem>.cast.yml beside the text, if any.",
    )(f)
    return f


def _rules_option(f):
    """``--rules FILE``: kept in the click context, read by :func:`_analyze`."""

    def remember(ctx: click.Context, _param, value):
        ctx.meta["graphkit.rules"] = value
        return value

    return click.option(
        "--rules",
        type=click.Path(dir_okay=False),
        metavar="FILE",
        expose_value=False,
        callback=remember,
        help="Relation rules (YAML) added to the built-in ones; same id replaces a rule.",
    )(f)


def _analyze(
    path,
    cast_path: str | None,
    no_cast: bool,
    window: str,
    min_mentions: int,
    encoding: str | None,
):
    from .analysis import analyze
    from .interactions import parse_window

    if cast_path and no_cast:
        raise click.UsageError("--cast and --no-cast cannot be used together")
    try:
        parse_window(window)
    except GraphkitError as exc:
        raise click.BadParameter(str(exc), param_hint="--window") from None
    cast = False if no_cast else cast_path
    meta = click.get_current_context().meta
    rules = meta.get("graphkit.rules")
    return analyze(
        path,
        cast=cast,
        window=window,
        encoding=encoding,
        min_mentions=min_mentions,
        input_format=meta.get("graphkit.input_format", "auto"),
        interaction=meta.get("graphkit.interaction", "co-presence"),
        until=meta.get("graphkit.until"),
        rules=rules,
        ner=meta.get("graphkit.ner", "rules"),
        spacy_model=meta.get("graphkit.spacy_model", "en_core_web_sm"),
    )


def _default_path(path: str | None) -> str:
    if path:
        return path
    if not BUNDLED.is_file():
        raise GraphkitError(f"bundled article not found at {BUNDLED}; give a PATH")
    return str(BUNDLED)


@main.command(context_settings=CONTEXT)
@click.argument("paths", nargs=-1, type=click.Path())
@_text_options
@_rules_option
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
def analyze(
    paths, cast_path, no_cast, window, min_mentions, encoding, out, top, merge, relations_only
) -> None:
    """Analyse a text (or several) and write the graph, tables and pictures.

    Writes graph.graphml, graph.gexf (dynamic: spells by segment), graph.json,
    nodes.csv, edges.csv, metrics.csv, network.png, centrality.png,
    timeline.png and evidence.csv into OUT and prints a summary.  With no PATH,
    analyses the bundled article data/her.txt.  Plays (TEI, plain text),
    Fountain screenplays and SGB .dat tables are detected and give exact
    networks.  With several PATHs and --merge, one graph spans them all (nodes
    and edges record their texts in `sources`); without --merge each text gets
    its own folder under OUT.

    \b
    Example:
      graphkit analyze                             # -> out/her/
      graphkit analyze book.txt --no-cast --window 15 --out results/book
      graphkit analyze romeo-and-juliet.xml --until 6      # prologue and act 1 only
      graphkit analyze her.txt lost.txt --merge --out out/both
    """
    paths = list(paths) or [_default_path(None)]
    if merge and len(paths) > 1:
        folder = Path(out) if out else Path("out") / "+".join(Path(p).stem for p in paths)
        _analyze_one(paths, folder, cast_path, no_cast, window, min_mentions, encoding, top,
                     relations_only)  # fmt: skip
        return
    for path in paths:
        if out:
            folder = Path(out) / Path(path).stem if len(paths) > 1 else Path(out)
        else:
            folder = Path("out") / Path(path).stem
        _analyze_one(path, folder, cast_path, no_cast, window, min_mentions, encoding, top,
                     relations_only)  # fmt: skip


def _analyze_one(
    path, folder, cast_path, no_cast, window, min_mentions, encoding, top, relations_only
) -> None:
    result = _analyze(path, cast_path, no_cast, window, min_mentions, encoding)
    written = result.export(folder, relations_only=relations_only)
    s = result.summary.iloc[0]
    names = result.graph.graph.get("names", "discovery")
    cast = (
        f"cast file {result.cast_source}"
        if result.cast_source
        else f"structured input ({result.graph.graph['input_format']})"
        if result.graph.graph.get("input_format")
        else "no cast file (automatic discovery)"
        if names == "discovery"
        else f"no cast file (names from {names})"
    )
    click.echo(
        f"{result.name}: {int(s['nodes'])} characters, {int(s['edges'])} links, "
        f"{len(result.relations)} typed relations, "
        f"{int(s['components'])} component(s) · window={result.window} · {cast}"
    )
    if len(result.metrics):
        click.echo("Top characters by PageRank:")
        for i, row in enumerate(result.metrics.head(top).itertuples(), 1):
            click.echo(
                f"  {i:2d}. {row.label:<28} {row.kind:<9} {row.mentions:>5} mentions "
                f"{row.degree:>4} links  pagerank {row.pagerank:.3f}"
            )
    dropped = result.graph.graph.get("dropped", 0)
    if dropped:
        click.echo(
            f"({dropped} names mentioned fewer than {result.graph.graph['min_mentions']} times "
            "left out; --min-mentions 1 keeps them)"
        )
    click.echo(f"Wrote {len(written)} files to {folder}/: " + " ".join(p.name for p in written))


@main.command(context_settings=CONTEXT)
@click.argument("path", type=click.Path())
@_text_options
@_rules_option
@_table_format
def characters(path, cast_path, no_cast, window, min_mentions, encoding, fmt) -> None:
    """List the characters found in a text, with kinds, aliases and mention counts.

    \b
    Example:
      graphkit characters data/her.txt --no-cast
    """
    result = _analyze(path, cast_path, no_cast, window, min_mentions, encoding)
    df = result.characters.copy()
    df["aliases"] = df["aliases"].map(";".join)
    _emit(df, fmt)


@main.command(context_settings=CONTEXT)
@click.argument("path", type=click.Path())
@_text_options
@_rules_option
@_table_format
@click.option("--summary", is_flag=True, help="Print the one-row network summary instead.")
def metrics(path, cast_path, no_cast, window, min_mentions, encoding, fmt, summary) -> None:
    """Print centrality metrics (degree, strength, betweenness, closeness, ...) per character.

    \b
    Example:
      graphkit metrics data/her.txt --format csv > metrics.csv
    """
    result = _analyze(path, cast_path, no_cast, window, min_mentions, encoding)
    _emit(result.summary if summary else result.metrics, fmt)


def _emit(df, fmt: str) -> None:
    if fmt == "csv":
        click.echo(df.to_csv(index=False, lineterminator="\n"), nl=False)
    elif fmt == "json":
        click.echo(df.to_json(orient="records", force_ascii=False, indent=2))
    elif df.empty:
        click.echo("(no characters found)")
    else:
        click.echo(df.to_string(index=False))


EXPORT_FORMATS = ["graphml", "gexf", "json", "nodes", "edges", "metrics"]


@main.command(context_settings=CONTEXT)
@click.argument("path", type=click.Path())
@_text_options
@_rules_option
@click.option(
    "--format", "-f", "fmt", type=click.Choice(EXPORT_FORMATS), required=True, help="Export format."
)
@click.option(
    "--output", "-o", "output", required=True, metavar="FILE", help="Output file, or - for stdout."
)
def export(path, cast_path, no_cast, window, min_mentions, encoding, fmt, output) -> None:
    """Export the graph in one format (GraphML, GEXF, node-link JSON or CSV).

    \b
    Example:
      graphkit export data/her.txt -f gexf -o her.gexf     # open in Gephi
      graphkit export data/her.txt -f json -o -            # to stdout
    """
    from .export import render, write_atomic

    result = _analyze(path, cast_path, no_cast, window, min_mentions, encoding)
    if fmt == "metrics":
        data = result.metrics.to_csv(index=False, lineterminator="\n").encode("utf-8")
    else:
        data = render(result.graph, fmt)
    if output == "-":
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
    else:
        write_atomic(output, data)
        click.echo(f"Wrote {output}", err=True)


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
    help="PNG file to write.",
)
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
def plot(
    path, cast_path, no_cast, window, min_mentions, encoding, output, kind, top, relations_only
) -> None:
    """Draw the network (or the centrality chart) as a PNG.

    \b
    Example:
      graphkit plot data/her.txt -o her.png
      graphkit plot novel.txt --no-cast --top 25 -o novel.png
    """
    from .export import write_atomic
    from .plot import figure_png

    result = _analyze(path, cast_path, no_cast, window, min_mentions, encoding)
    if kind == "network":
        fig = result.plot(top=top, relations_only=relations_only)
    else:
        fig = result.plot_centrality(top=min(top, 15))
    write_atomic(output, figure_png(fig))
    click.echo(f"Wrote {output}", err=True)


# Commands for evidence, merging, mentions and quotations live in their own modules;
# importing them registers them on ``main``.
from . import cli_quotes, cli_tools  # noqa: E402, F401

if __name__ == "__main__":  # pragma: no cover
    main()
