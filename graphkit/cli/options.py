"""Options shared by the commands, as click decorators that hand the command one ``options`` dict.

:func:`text_options` adds the options of every command that reads a text
(cast, window, min-mentions, encoding, input format, interaction, until,
name detector, rules) and passes them, checked, as the keyword arguments of
:func:`graphkit.analyze`; choices come from the library's registries.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

import click

from graphkit.errors import GraphkitError

__all__ = [
    "CONTEXT",
    "text_options",
    "cast_options",
    "ner_options",
    "table_format",
    "colour_option",
    "output_file",
    "emit",
]

CONTEXT = {"help_option_names": ["-h", "--help"], "max_content_width": 100}

#: Command parameters that become keyword arguments of :func:`graphkit.analyze`.
_ANALYZE_KEYS = ("cast_path", "no_cast", "window", "min_mentions", "encoding", "input_format",
                 "interaction", "until", "ner", "spacy_model", "rules", "signed",
                 "quotes")  # fmt: skip


def _to_analyze(values: dict[str, Any]) -> dict[str, Any]:
    """The parameters of one invocation as ``graphkit.analyze`` keyword arguments, checked."""
    from graphkit.pipeline.interactions import parse_window

    cast_path, no_cast = values.pop("cast_path", None), values.pop("no_cast", False)
    if cast_path and no_cast:
        raise click.UsageError("--cast and --no-cast cannot be used together")
    if "window" in values:
        try:
            parse_window(values["window"])
        except GraphkitError as exc:
            raise click.BadParameter(str(exc), param_hint="--window") from None
    return {"cast": False if no_cast else cast_path, **values}


def run_analysis(path: Any, options: dict[str, Any]) -> Any:
    """``graphkit.analyze(path, **options)``: what every command that analyses a text calls."""
    import graphkit

    return graphkit.analyze(path, **options)


def _collect(f: Callable) -> Callable:
    """Call ``f`` with the analyse options gathered into ``options=``."""

    @functools.wraps(f)
    def wrapper(*args, **kwargs):
        values = {k: kwargs.pop(k) for k in _ANALYZE_KEYS if k in kwargs}
        return f(*args, options=_to_analyze(values), **kwargs)

    return wrapper


def ner_options(f: Callable) -> Callable:
    """``--ner`` and ``--spacy-model``: how names are found without a cast file."""
    from graphkit.pipeline.mentions import NER_BACKENDS

    f = click.option(
        "--spacy-model",
        default="en_core_web_sm",
        show_default=True,
        metavar="NAME|DIR",
        help="The installed spaCy pipeline --ner spacy uses (never downloaded).",
    )(f)
    return click.option(
        "--ner",
        type=click.Choice(list(NER_BACKENDS)),
        default="rules",
        show_default=True,
        help="Name detection without a cast file: graphkit's rules (no model) or spaCy "
        "(pip install 'graphkit[spacy]' and a spaCy English pipeline).",
    )(f)


def _structure_options(f: Callable) -> Callable:
    """``--input-format``, ``--interaction``, ``--until``, ``--ner`` and ``--spacy-model``."""
    from graphkit.io.readers import INPUT_FORMATS
    from graphkit.pipeline.structured import INTERACTIONS

    f = ner_options(f)
    f = click.option(
        "--until",
        type=click.IntRange(min=1),
        metavar="N",
        help="Keep only segments 1..N (scenes, chapters; paragraphs for prose without chapters).",
    )(f)
    f = click.option(
        "--interaction",
        type=click.Choice(list(INTERACTIONS)),
        default="co-presence",
        show_default=True,
        help="co-presence: same sentence/window (prose), same scene (plays). conversation "
        "(directed): speaker -> addressee of each quotation (prose), who speaks right after "
        "whom (plays).",
    )(f)
    return click.option(
        "--input-format",
        "input_format",
        type=click.Choice(list(INPUT_FORMATS)),
        default="auto",
        show_default=True,
        help="Input kind: prose text, TEI drama, plain-text play, Fountain screenplay, "
        "or SGB co-appearance table (.dat).",
    )(f)


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


def _encoding_option(f: Callable) -> Callable:
    return click.option(
        "--encoding", metavar="NAME", help="Force the text encoding (default: detect)."
    )(f)


def cast_options(
    f: Callable, help_no_cast: str = "Ignore any cast file; discover names."
) -> Callable:
    """``--cast FILE`` and ``--no-cast``."""
    f = click.option("--no-cast", is_flag=True, help=help_no_cast)(f)
    return click.option(
        "--cast",
        "cast_path",
        type=click.Path(dir_okay=False),
        metavar="FILE",
        help="Cast file (YAML or CSV). Default: <stem>.cast.yml beside the text, if any.",
    )(f)


def text_options(f: Callable) -> Callable:
    """Every option of a command that analyses a text; ``f`` receives them as ``options``."""
    f = _collect(f)
    f = click.option(
        "--quotes",
        is_flag=True,
        help="Attribute the quotations of prose and give each edge 'quotes', the ones the two exchange.",
    )(f)
    f = click.option(
        "--signed",
        is_flag=True,
        help="Give each edge a polarity from its sentences (VADER lexicon; needs graphkit[sentiment]).",
    )(f)
    f = click.option(
        "--rules",
        type=click.Path(dir_okay=False),
        metavar="FILE",
        help="Relation rules (YAML) added to the built-in ones; same id replaces a rule.",
    )(f)
    f = _structure_options(f)
    f = _encoding_option(f)
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
    return cast_options(f, "Ignore any cast file; discover names automatically.")


def mention_options(f: Callable) -> Callable:
    """The options of ``graphkit mentions``: cast, encoding and name detector."""
    f = ner_options(_collect(f))
    return cast_options(_encoding_option(f))


table_format = click.option(
    "--format",
    "-f",
    "fmt",
    type=click.Choice(["table", "csv", "json"]),
    default="table",
    show_default=True,
    help="Print a table, CSV or JSON records.",
)


def colour_option(f: Callable) -> Callable:
    """``--colour kind|community|auto``: how network.png colours its nodes."""
    from graphkit.views.style import COLOUR_MODES

    return click.option(
        "--colour",
        "colour",
        type=click.Choice(list(COLOUR_MODES)),
        default="auto",
        show_default=True,
        help="Node colours of the network picture: by kind, by community, or auto "
        "(community when all nodes are of one kind).",
    )(f)


def output_file(help: str) -> Callable[[Callable], Callable]:
    """``--output/-o FILE``, required: the one file a command writes."""
    return click.option(
        "--output", "-o", "output", required=True, type=click.Path(dir_okay=False), help=help
    )


def emit(df, fmt: str) -> None:
    """Print a DataFrame as a table, CSV or JSON records."""
    if fmt == "csv":
        from graphkit.exporters.tables import csv_text

        click.echo(csv_text(df), nl=False)
    elif fmt == "json":
        click.echo(df.to_json(orient="records", force_ascii=False, indent=2))
    elif df.empty:
        click.echo("(no characters found)")
    else:
        click.echo(df.to_string(index=False))
