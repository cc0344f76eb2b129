"""The pipeline: the list of stages, what each needs and makes, and the runner.

Each stage is one module of :mod:`graphkit.pipeline` (or :mod:`graphkit.graph`
for the last one) and declares the values it needs and the values it makes.
:func:`check_stages` verifies, before any text is read, that every stage
finds what it needs in the inputs or in an earlier stage's output and that
the pipeline makes every field of a :class:`~graphkit.model.Result`; the
runner then calls the stages in order, checking that each returned what it
declared.  Structured inputs (plays, screenplays, tables) skip the prose
stages: :func:`run_file` sends them to :mod:`graphkit.pipeline.structured`.
"""

from __future__ import annotations

import gc
import os
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from graphkit.errors import OptionError, PipelineError
from graphkit.io.cast import Cast, resolve_cast
from graphkit.io.rules import RuleSet, load_rules
from graphkit.io.text import SourceText, read_text, without_surrogates
from graphkit.model import Result
from graphkit.pipeline.interactions import Window, parse_window
from graphkit.pipeline.mentions import Ner, check_ner
from graphkit.pipeline.progress import report
from graphkit.pipeline.structured import INTERACTIONS, analyze_script

__all__ = [
    "Options",
    "Stage",
    "STAGES",
    "INPUTS",
    "check_stages",
    "gc_paused",
    "run_pipeline",
    "run_file",
    "run_text",
]


@dataclass(frozen=True)
class Options:
    """What the user chose for one run of the prose pipeline (checked before any work)."""

    cast: Cast | None = None
    window: Window = "sentence"
    min_mentions: int | str = "auto"
    rules: RuleSet | None = None
    ner: Ner = "rules"
    spacy_model: str = "en_core_web_sm"
    name: str | None = None

    @classmethod
    def make(
        cls,
        cast: Cast | None = None,
        window: str | int = "sentence",
        min_mentions: int | str = "auto",
        rules: RuleSet | str | os.PathLike | None = None,
        ner: Ner = "rules",
        spacy_model: str = "en_core_web_sm",
        name: str | None = None,
    ) -> Options:
        """Options with every value checked: a bad window, rules file or detector fails here."""
        window = parse_window(window)
        loaded = load_rules(rules)  # a broken rules file fails before any work is done
        check_ner(ner)
        return cls(cast, window, min_mentions, loaded, ner, spacy_model, name)


@dataclass(frozen=True)
class Stage:
    """One step: its name, the values it needs and makes, and the function that makes them.

    ``run`` takes the needed values as keyword arguments and returns a mapping
    holding exactly the values named in ``makes``.
    """

    name: str
    needs: tuple[str, ...]
    makes: tuple[str, ...]
    run: Callable[..., Mapping[str, Any]]


def _document(source: SourceText) -> dict[str, Any]:
    from graphkit.pipeline.document import build_document

    return {"document": build_document(source)}


def _mentions(document, options: Options) -> dict[str, Any]:
    from graphkit.pipeline.mentions import detect_mentions

    return {"found": detect_mentions(document, options.cast, options.ner, options.spacy_model)}


def _characters(document, found, options: Options) -> dict[str, Any]:
    from graphkit.pipeline.characters import merge_characters

    characters, mentions = merge_characters(document, found, options.cast)
    if options.cast is None:
        from graphkit.pipeline.characters.described import add_described
        from graphkit.pipeline.characters.groups import mark_groups
        from graphkit.pipeline.characters.narrator import add_narrator
        from graphkit.pipeline.characters.patronyms import drop_patronyms

        characters, mentions = drop_patronyms(document, characters, mentions)
        characters, mentions = add_narrator(document, characters, mentions)
        characters, mentions = add_described(document, characters, mentions)  # "the mariner"
        characters, mentions = mark_groups(document, characters, mentions)
    return {"characters": characters, "mentions": mentions}


def _relations(document, mentions, characters, options: Options) -> dict[str, Any]:
    from graphkit.pipeline.relations.extract import apply_kinds, find_relations

    with_cast = options.cast is not None
    relations, kinds = find_relations(document, mentions, characters, with_cast, options.rules)
    characters, mentions = apply_kinds(characters, mentions, kinds)
    return {"relations": relations, "characters": characters, "mentions": mentions}


def _threshold(document, characters, mentions, relations, options: Options) -> dict[str, Any]:
    from graphkit.pipeline.threshold import drop_rare

    return drop_rare(document, characters, mentions, relations, options.min_mentions, options.cast)


def _interactions(document, mentions, options: Options) -> dict[str, Any]:
    from graphkit.pipeline.interactions import co_occurrences

    return {"interactions": co_occurrences(document, mentions, options.window)}


def _graph(
    source, document, characters, mentions, interactions, relations, threshold, dropped, options
) -> dict[str, Any]:
    from graphkit.graph.build import build_graph
    from graphkit.graph.timeline import annotate
    from graphkit.pipeline.mentions import ner_label

    name = options.name or Path(source.source).stem
    graph = build_graph(
        characters,
        interactions,
        relations,
        name=name,
        window=str(options.window),
        sentences=len(document.sentences),
        min_mentions=threshold,
        dropped=dropped,
        names="cast" if options.cast else ner_label(options.ner, options.spacy_model),
    )
    annotate(graph, document, mentions, interactions)
    return {"graph": graph, "name": name}


#: What a run starts with.
INPUTS = ("source", "options")

#: The prose pipeline, in the order data flows.
STAGES: tuple[Stage, ...] = (
    Stage("document", ("source",), ("document",), _document),
    Stage("mentions", ("document", "options"), ("found",), _mentions),
    Stage("characters", ("document", "found", "options"), ("characters", "mentions"), _characters),
    Stage(
        "relations",
        ("document", "mentions", "characters", "options"),
        ("relations", "characters", "mentions"),
        _relations,
    ),
    Stage(
        "threshold",
        ("document", "characters", "mentions", "relations", "options"),
        ("characters", "mentions", "relations", "threshold", "dropped"),
        _threshold,
    ),
    Stage("interactions", ("document", "mentions", "options"), ("interactions",), _interactions),
    Stage(
        "graph",
        (
            "source",
            "document",
            "characters",
            "mentions",
            "interactions",
            "relations",
            "threshold",
            "dropped",
            "options",
        ),
        ("graph", "name"),
        _graph,
    ),  # fmt: skip
)

#: The values a :class:`~graphkit.model.Result` is made of (besides the options).
RESULT_VALUES = ("document", "mentions", "characters", "interactions", "relations", "graph", "name")


def check_stages(stages: Sequence[Stage], inputs: Sequence[str] = INPUTS) -> None:
    """Refuse a list of stages in which some stage needs a value nothing made before it.

    Examples
    --------
    >>> check_stages(STAGES)
    >>> check_stages(STAGES[1:])
    Traceback (most recent call last):
    ...
    graphkit.errors.PipelineError: stage 'mentions' needs 'document', which no earlier stage makes
    """
    available = set(inputs)
    for stage in stages:
        for need in stage.needs:
            if need not in available:
                raise PipelineError(
                    f"stage {stage.name!r} needs {need!r}, which no earlier stage makes"
                )
        available |= set(stage.makes)
    missing = [v for v in RESULT_VALUES if v not in available]
    if missing:
        raise PipelineError(f"no stage makes {', '.join(missing)}")


@contextmanager
def gc_paused() -> Iterator[None]:
    """Pause Python's cyclic garbage collector for the duration of a pipeline run.

    A novel's pipeline makes hundreds of thousands of small objects (sentences,
    mentions, tuples) and almost no reference cycles; the collector would walk
    all of them again and again for nothing (a sixth of the run on a novel).
    It runs as usual once the pipeline is done.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


@gc_paused()
def run_pipeline(
    source: SourceText,
    options: Options,
    on_stage: Callable[[str], None] = report,
    stages: Sequence[Stage] = STAGES,
) -> Result:
    """Run ``stages`` on ``source``; ``on_stage(name)`` is called as each stage ends.

    By default each stage is reported to the open progress line, if any
    (:mod:`graphkit.pipeline.progress`).

    Examples
    --------
    >>> r = run_pipeline(SourceText("Ann met Bob. Bob left.", "<tale>"), Options.make(name="tale"))
    >>> sorted(r.graph.edges(data="weight")), [c.id for c in r.character_list]
    ([('Ann', 'Bob', 1)], ['Bob', 'Ann'])
    """
    check_stages(stages)
    values: dict[str, Any] = {"source": source, "options": options}
    for stage in stages:
        made = stage.run(**{k: values[k] for k in stage.needs})
        if set(made) != set(stage.makes):
            raise PipelineError(
                f"stage {stage.name!r} made {sorted(made)}, not {sorted(stage.makes)}"
            )
        values.update(made)
        on_stage(stage.name)
    cast = options.cast
    return Result(
        document=values["document"],
        mentions=tuple(values["mentions"]),
        character_list=tuple(values["characters"]),
        interactions=tuple(values["interactions"]),
        relations=tuple(values["relations"]),
        graph=values["graph"],
        window=options.window,
        cast_source=cast.source if cast else None,
        name=values["name"],
    )


def run_file(
    path: str | os.PathLike,
    cast: Cast | str | os.PathLike | bool | None = None,
    encoding: str | None = None,
    input_format: str = "auto",
    interaction: str = "co-presence",
    **options: Any,
) -> Result:
    """Read ``path`` and run the pipeline that fits it: structured input, or prose.

    ``options`` are those of :meth:`Options.make`.  A play, screenplay or table
    (detected from the content unless ``input_format`` says) goes to
    :func:`graphkit.pipeline.structured.analyze_script`; prose to
    :func:`run_pipeline` with the cast file ``cast`` resolves to, and
    ``interaction="conversation"`` then gives its conversation network
    (:func:`graphkit.pipeline.conversation.conversation_result`).
    """
    from graphkit.io.readers import read_script

    _check_interaction(interaction)
    # Options are checked before the text is read: a bad window or rules file fails first.
    opts = Options.make(cast=None, **options)
    script = read_script(path, input_format, encoding)
    if script is not None:
        name = script.title or Path(path).stem
        return analyze_script(script, interaction, name=name, rules=opts.rules)
    source = read_text(path, encoding=encoding)
    return _prose(source, replace(opts, cast=resolve_cast(cast, path)), interaction)


def run_text(
    text: str,
    cast: Cast | str | os.PathLike | None = None,
    interaction: str = "co-presence",
    **options: Any,
) -> Result:
    """Run the prose pipeline on a string (``name`` defaults to ``"text"``; see :func:`run_file`)."""
    _check_interaction(interaction)
    options.setdefault("name", "text")
    opts = Options.make(**options)
    source = SourceText(text=without_surrogates(text), source=f"<{opts.name}>")
    resolved = None if cast is None or cast is False else resolve_cast(cast, None)
    return _prose(source, replace(opts, cast=resolved), interaction)


def _check_interaction(interaction: str) -> None:
    if interaction not in INTERACTIONS:
        raise OptionError(f"unknown interaction {interaction!r}: use co-presence or conversation")


def _prose(source: SourceText, opts: Options, interaction: str) -> Result:
    """The prose pipeline, then, for ``conversation``, its speaker -> addressee network."""
    result = run_pipeline(source, opts)
    if interaction == "conversation":  # from the attributed quotations
        from graphkit.pipeline.conversation import conversation_result

        return conversation_result(result)
    return result
