"""The pipeline in one call, and the :class:`Analysis` it returns.

``analyze(path)`` runs text -> document -> mentions -> characters ->
interactions -> graph and keeps every intermediate result, so a notebook can
look at any stage.  Tables (``characters``, ``metrics``, ``summary``) are
computed on first use and cached.
"""

from __future__ import annotations

import gc
import os
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Union

import networkx as nx

from .cast import Cast, find_cast_file, read_cast
from .characters import merge_characters
from .document import build_document
from .errors import OptionError
from .graph import build_graph
from .interactions import Window, co_occurrences, parse_window
from .mentions import find_mentions
from .model import Character, Document, Interaction, Mention, Relation, Segment
from .relations import apply_kinds, find_relations
from .rules import RuleSet, load_rules
from .text import SourceText, read_text
from .timeline import annotate as annotate_segments
from .works import add_work_mentions

if TYPE_CHECKING:
    import pandas as pd
    from matplotlib.figure import Figure
    from spacy.language import Language

#: Name detectors for texts without a cast file (``ner=``, ``--ner``).
NER_BACKENDS = ("rules", "spacy")
Ner = Union[str, "Language"]

__all__ = [
    "Analysis",
    "analyze",
    "analyze_text",
    "detect_mentions",
    "resolve_cast",
    "OUTPUT_FILES",
    "NER_BACKENDS",
]

#: The files :meth:`Analysis.export` writes.
OUTPUT_FILES = (
    "graph.graphml",
    "graph.gexf",
    "graph.json",
    "nodes.csv",
    "edges.csv",
    "metrics.csv",
    "network.png",
    "centrality.png",
    "timeline.png",
    "evidence.csv",
)

CastOption = Cast | str | os.PathLike | bool | None


@contextmanager
def _gc_paused() -> Iterator[None]:
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


@dataclass(frozen=True, eq=False)
class Analysis:
    """Everything graphkit found in one text.

    Attributes
    ----------
    document : Document
        The normalised text with its paragraphs, sentences and segments.
    mentions : tuple of Mention
        Every name mention, labelled with its character.
    character_list : tuple of Character
        The characters, most mentioned first.
    interactions : tuple of Interaction
        Co-occurring pairs with their evidence.
    graph : networkx.Graph
        The character graph (see :mod:`graphkit.graph`).
    """

    document: Document
    mentions: tuple[Mention, ...]
    character_list: tuple[Character, ...]
    interactions: tuple[Interaction, ...]
    relations: tuple[Relation, ...]
    graph: nx.Graph
    window: Window = "sentence"
    cast_source: str | None = None
    name: str = field(default="text")

    @cached_property
    def characters(self) -> pd.DataFrame:
        """One row per character: id, label, kind, mentions, first_seen, aliases, work."""
        import pandas as pd

        rows = [
            {
                "id": c.id,
                "label": c.label,
                "kind": c.kind,
                "mentions": c.mentions,
                "first_seen": c.first_seen,
                "aliases": list(c.aliases),
                "work": c.work or "",
            }
            for c in self.character_list
        ]
        return pd.DataFrame(
            rows, columns=["id", "label", "kind", "mentions", "first_seen", "aliases", "work"]
        )

    @cached_property
    @_gc_paused()
    def metrics(self) -> pd.DataFrame:
        """Centralities, community and component of every node (see :func:`graphkit.metrics.node_metrics`)."""
        from .metrics import node_metrics
        from .scripts import undirected

        return node_metrics(undirected(self.graph))

    @cached_property
    @_gc_paused()
    def summary(self) -> pd.DataFrame:
        """A one-row table describing the whole network."""
        from .metrics import graph_summary
        from .scripts import undirected

        return graph_summary(undirected(self.graph))

    def ego(self, name: str, radius: int = 1) -> nx.Graph:
        """The ego network of ``name`` (a canonical name or an alias)."""
        return nx.ego_graph(self.graph, self.resolve(name), radius=radius)

    def resolve(self, name: str) -> str:
        """The canonical id of ``name``: itself, or the character it is an alias of."""
        if name in self.graph:
            return name
        for c in self.character_list:
            if name in c.aliases or name.lower() == c.id.lower():
                return c.id
        from .errors import GraphkitError

        raise GraphkitError(f"no character called {name!r}")

    def evidence(self, a: str, b: str) -> pd.DataFrame:
        """The sentences that link ``a`` and ``b``: index, text, and relation types they state."""
        import pandas as pd

        a, b = self.resolve(a), self.resolve(b)
        rows = []
        if self.graph.has_edge(a, b):
            data = self.graph.edges[a, b]
            types_by_sentence: dict[int, list[str]] = {}
            for rtype, sentences in data.get("relation_evidence", {}).items():
                for s in sentences:
                    types_by_sentence.setdefault(s, []).append(rtype)
            for s in sorted(set(data.get("evidence", [])) | set(types_by_sentence)):
                rows.append(
                    {
                        "sentence": s,
                        "types": ";".join(sorted(types_by_sentence.get(s, []))) or "co-occurrence",
                        "text": self.document.sentence_text(s),
                    }
                )
        return pd.DataFrame(rows, columns=["sentence", "types", "text"])

    def plot(self, top: int = 40, ax=None, relations_only: bool = False) -> Figure:
        """The network diagram as a matplotlib Figure (shown inline in Jupyter).

        Typed relations are drawn over co-occurrence links; ``relations_only``
        draws only the typed ones.
        """
        from .plot import draw_network, relation_subgraph

        scores = dict(zip(self.metrics["id"], self.metrics["pagerank"], strict=False))
        g = relation_subgraph(self.graph) if relations_only else self.graph
        return draw_network(g, ax=ax, top=top, scores=scores, title=self.name)

    def explain(self, a: str, b: str) -> str:
        """Every sentence that links ``a`` and ``b``, with the relation types it states."""
        from .evidence import explain

        return explain(self.graph, self.resolve(a), self.resolve(b), self.document.sentence_text)

    def plot_centrality(self, top: int = 10) -> Figure:
        """Bar charts of the top characters by each main centrality."""
        from .plot import draw_centrality

        return draw_centrality(
            self.metrics, top=top, title=f"{self.name}: top characters by centrality"
        )

    @property
    def segments(self) -> tuple[Segment, ...]:
        """The segments of narrative time: scenes, chapters, or paragraphs (see :mod:`graphkit.timeline`)."""
        from .timeline import narrative_segments

        return narrative_segments(self.document)

    def until(self, n: int) -> Analysis:
        """The analysis of segments ``1 .. n`` only: the story as it stands after segment ``n``."""
        from .timeline import restrict

        return restrict(self, n)

    def plot_timeline(self, top: int = 100) -> Figure:
        """Characters x segments: who appears when (sorted by first appearance)."""
        from collections import Counter

        from .plot_timeline import draw_timeline
        from .timeline import sentence_segments

        seg = sentence_segments(self.document)
        counts: dict[str, Counter] = {}
        for m in self.mentions:
            counts.setdefault(m.character, Counter())[seg[m.sentence]] += 1
        scores = dict(zip(self.metrics["id"], self.metrics["pagerank"], strict=False))
        titles = [s.title for s in self.segments]
        return draw_timeline(self.graph, titles, counts, scores, top=top, title=self.name)

    def files(self, relations_only: bool = False, pictures: bool = True) -> dict[str, bytes]:
        """The output files (:data:`OUTPUT_FILES`) as ``{file name: bytes}``; ``pictures=False`` skips the PNGs."""
        from .evidence import evidence_csv_bytes
        from .export import render
        from .plot import figure_png

        metrics_csv = self.metrics.to_csv(index=False, lineterminator="\n").encode("utf-8")
        files = {
            "graph.graphml": render(self.graph, "graphml"),
            "graph.gexf": render(self.graph, "gexf"),
            "graph.json": render(self.graph, "json"),
            "nodes.csv": render(self.graph, "nodes"),
            "edges.csv": render(self.graph, "edges"),
            "metrics.csv": metrics_csv,
            "network.png": lambda: figure_png(self.plot(relations_only=relations_only)),
            "centrality.png": lambda: figure_png(self.plot_centrality()),
            "timeline.png": lambda: figure_png(self.plot_timeline()),
            "evidence.csv": evidence_csv_bytes(self.graph, self.document.sentence_text),
        }
        return {
            name: data() if callable(data) else data
            for name, data in files.items()
            if pictures or not name.endswith(".png")
        }

    def export(
        self, folder: str | os.PathLike, relations_only: bool = False, pictures: bool = True
    ) -> list[Path]:
        """Write the output files into ``folder`` (created if needed), all or nothing."""
        from .export import write_files

        out = Path(folder)
        files = self.files(relations_only=relations_only, pictures=pictures)
        return write_files({out / name: data for name, data in files.items()})

    def _repr_html_(self) -> str:
        top = self.metrics.head(10)[
            ["label", "kind", "mentions", "degree", "pagerank", "community"]
        ]
        s = self.summary.iloc[0]
        return (
            f"<b>graphkit analysis of {self.name}</b>: {int(s['nodes'])} characters, "
            f"{int(s['edges'])} links, {int(s['components'])} component(s), window={self.window}"
            + (f", cast={self.cast_source}" if self.cast_source else ", no cast file")
            + top.to_html(index=False)
        )

    def __repr__(self) -> str:
        return (
            f"<Analysis {self.name!r}: {self.graph.number_of_nodes()} nodes, "
            f"{self.graph.number_of_edges()} edges, window={self.window!r}>"
        )


def resolve_cast(cast: CastOption, path: str | os.PathLike | None) -> Cast | None:
    """Turn the ``cast`` option into a :class:`Cast` or ``None``.

    ``None`` looks for ``<stem>.cast.yml`` beside ``path``; ``False`` uses no
    cast; a path is read; a :class:`Cast` is used as it is.
    """
    if cast is False:
        return None
    if isinstance(cast, Cast):
        return cast
    if cast is None or cast is True:
        found = find_cast_file(path) if path is not None else None
        return read_cast(found) if found else None
    return read_cast(cast)


def auto_min_mentions(doc: Document, cast: Cast | None) -> int:
    """The fewest mentions a discovered name needs: 1 in short texts, more in long ones.

    A name met once in a novel is mostly noise (a place, a passing
    reference) and multiplies the nodes every path metric must visit; in an
    article it may be the one actor of a role.  With a cast file every listed
    name counts.

    Examples
    --------
    >>> from graphkit.document import build_document
    >>> auto_min_mentions(build_document("Ann met Bob."), None)
    1
    """
    if cast is not None:
        return 1
    words = doc.text.count(" ") + doc.text.count("\n")
    return 1 if words < 20_000 else 2 if words < 100_000 else 3


def _check_ner(ner: Ner) -> None:
    if isinstance(ner, str) and ner not in NER_BACKENDS:
        raise OptionError(f"unknown name detector {ner!r}: use rules or spacy")


def _ner_label(ner: Ner, spacy_model: str) -> str:
    """How names were found, as the graph records it: ``discovery`` or ``spacy:<pipeline>``."""
    if ner == "rules":
        return "discovery"
    if ner == "spacy":
        return f"spacy:{spacy_model}"
    meta = getattr(ner, "meta", {}) or {}
    return f"spacy:{meta.get('lang', '')}_{meta.get('name', 'pipeline')}"


def detect_mentions(
    doc: Document,
    cast: Cast | None = None,
    ner: Ner = "rules",
    spacy_model: str = "en_core_web_sm",
) -> list[Mention]:
    """Name mentions of ``doc``, before alias merging: the mentions stage of the pipeline.

    With a cast file its names are looked up; without one, names are found by
    ``ner``: ``"rules"`` (graphkit's discovery, no model), ``"spacy"`` (the
    installed spaCy pipeline ``spacy_model``) or a loaded spaCy ``Language``.
    Titles of works that discovery cannot see (commas, "the film X") are
    added in both cases (see :mod:`graphkit.works`).

    Examples
    --------
    >>> from graphkit.document import build_document
    >>> doc = build_document("In the film Casablanca, Rick Blaine runs a bar.")
    >>> [(m.text, m.kind) for m in detect_mentions(doc)]
    [('Casablanca', 'work'), ('Rick Blaine', 'character')]
    """
    _check_ner(ner)
    if cast is not None:
        return find_mentions(doc, cast)
    if ner == "rules":
        mentions = find_mentions(doc)
    else:
        from .spacy_ner import spacy_mentions

        mentions = spacy_mentions(doc, spacy_model if ner == "spacy" else ner)
    return add_work_mentions(doc, mentions)


@_gc_paused()
def _run(
    source: SourceText,
    cast: Cast | None,
    window: Window,
    min_mentions: int | str,
    name: str | None = None,
    rules: RuleSet | str | os.PathLike | None = None,
    on_stage: Callable[[str], None] = lambda stage: None,
    ner: Ner = "rules",
    spacy_model: str = "en_core_web_sm",
) -> Analysis:
    """Run the pipeline; ``on_stage(name)`` is called as each stage ends (for benchmarks)."""
    window = parse_window(window)
    rules = load_rules(rules)  # a broken rules file fails before any work is done
    _check_ner(ner)
    doc: Document = build_document(source)
    on_stage("document")
    mentions = detect_mentions(doc, cast, ner, spacy_model)
    on_stage("mentions")
    characters, mentions = merge_characters(doc, mentions, cast)
    on_stage("characters")
    relations, kinds = find_relations(doc, mentions, characters, cast is not None, rules)
    characters, mentions = apply_kinds(characters, mentions, kinds)
    on_stage("relations")
    threshold = auto_min_mentions(doc, cast) if min_mentions == "auto" else int(min_mentions)
    dropped = 0
    if threshold > 1:
        keep = {c.id for c in characters if c.mentions >= threshold}
        dropped = len(characters) - len(keep)
        characters = [c for c in characters if c.id in keep]
        mentions = [m for m in mentions if m.character in keep]
        relations = [r for r in relations if r.source in keep and r.target in keep]
    interactions = co_occurrences(doc, mentions, window)
    on_stage("interactions")
    name = name or Path(source.source).stem
    graph = build_graph(
        characters,
        interactions,
        relations,
        name=name,
        window=str(window),
        sentences=len(doc.sentences),
        min_mentions=threshold,
        dropped=dropped,
        names="cast" if cast else _ner_label(ner, spacy_model),
    )
    annotate_segments(graph, doc, mentions, interactions)
    on_stage("graph")
    return Analysis(
        document=doc,
        mentions=tuple(mentions),
        character_list=tuple(characters),
        interactions=tuple(interactions),
        relations=tuple(relations),
        graph=graph,
        window=window,
        cast_source=cast.source if cast else None,
        name=name,
    )


def analyze(
    path: str | os.PathLike | Sequence[str | os.PathLike],
    cast: CastOption = None,
    window: str | int = "sentence",
    encoding: str | None = None,
    min_mentions: int | str = "auto",
    input_format: str = "auto",
    interaction: str = "co-presence",
    until: int | None = None,
    rules: RuleSet | str | os.PathLike | None = None,
    ner: Ner = "rules",
    spacy_model: str = "en_core_web_sm",
) -> Analysis:
    """Analyse a text file (prose, a play, a screenplay or a co-appearance table), or several as one graph.

    Parameters
    ----------
    path : str or PathLike, or a list of them
        A text file (plain text or HTML; UTF-8, UTF-16 or cp1252).  A list of
        files gives one merged graph (see :mod:`graphkit.merge`) whose nodes
        and edges say in ``sources`` which texts they came from.
    cast : path, Cast, False or None
        A cast file; ``None`` uses ``<stem>.cast.yml`` beside the text if there
        is one; ``False`` uses automatic discovery only.
    window : "sentence", "paragraph" or int
        What counts as co-occurring (an int is a window of N word tokens).
    encoding : str, optional
        Force the text's encoding instead of detecting it.
    min_mentions : int or "auto"
        Drop characters mentioned fewer times than this.  ``"auto"`` keeps
        every name in texts under 20,000 words, names seen twice up to
        100,000 words and three times above (see :func:`auto_min_mentions`);
        with a cast file every listed name is kept.
    input_format : str
        ``auto`` (detect from the content), ``text``, ``tei``, ``play``,
        ``fountain`` or ``sgb`` (see :mod:`graphkit.readers`).
    interaction : str
        For plays and screenplays: ``co-presence`` (same scene) or
        ``conversation`` (who speaks right after whom, a directed graph).
    until : int, optional
        Keep only segments ``1 .. until`` (scenes, chapters; see :meth:`Analysis.until`).
    rules : path or RuleSet, optional
        A relation rules file added to the built-in rules (see ``data/relations.yml``).
    ner : "rules", "spacy" or a spaCy Language
        How names are found without a cast file: graphkit's own discovery (no
        model), an installed spaCy pipeline, or a pipeline you loaded or built
        (see :func:`detect_mentions`).  spaCy is optional: ``pip install 'graphkit[spacy]'``.
    spacy_model : str
        The installed spaCy pipeline (package name or folder) ``ner="spacy"`` loads.

    Examples
    --------
    >>> import graphkit, tempfile, pathlib
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "tale.txt"
    >>> _ = p.write_text("Alice met Bob. Bob thanked Alice. Carol waved at Bob.", encoding="utf-8")
    >>> a = graphkit.analyze(p)
    >>> sorted(a.graph.edges(data="weight"))
    [('Alice', 'Bob', 2), ('Bob', 'Carol', 1)]
    """
    if isinstance(path, (list, tuple)):
        from .merge import merge_analyses

        rules = load_rules(rules)
        return merge_analyses(
            [
                analyze(p, cast=cast, window=window, encoding=encoding, min_mentions=min_mentions,
                        input_format=input_format, interaction=interaction, until=until, rules=rules,
                        ner=ner, spacy_model=spacy_model)
                for p in path
            ]
        )  # fmt: skip
    from .readers import read_script
    from .scripts import INTERACTIONS, analyze_script

    _check_ner(ner)
    if interaction not in INTERACTIONS:
        raise OptionError(f"unknown interaction {interaction!r}: use co-presence or conversation")
    script = read_script(path, input_format, encoding)
    if script is not None:
        result = analyze_script(script, interaction, name=script.title or Path(path).stem)
    elif interaction != "co-presence":
        raise OptionError(f"--interaction {interaction} needs a play, screenplay or table")
    else:
        source = read_text(path, encoding=encoding)
        result = _run(source, resolve_cast(cast, path), window, min_mentions, rules=rules,
                      ner=ner, spacy_model=spacy_model)  # fmt: skip
    return result.until(until) if until else result


def analyze_text(
    text: str,
    cast: Cast | str | os.PathLike | None = None,
    window: str | int = "sentence",
    name: str = "text",
    min_mentions: int = 1,
    rules: RuleSet | str | os.PathLike | None = None,
    ner: Ner = "rules",
    spacy_model: str = "en_core_web_sm",
) -> Analysis:
    """Analyse a string (see :func:`analyze`); ``cast`` is a path or a :class:`Cast` or ``None``.

    Examples
    --------
    >>> import graphkit
    >>> a = graphkit.analyze_text("Theodore loves Samantha. Amy is a friend of Theodore.")
    >>> a.metrics[["id", "degree"]].values.tolist()
    [['Theodore', 2], ['Amy', 1], ['Samantha', 1]]
    """
    source = SourceText(text=text, source=f"<{name}>")
    c = None if cast is None or cast is False else resolve_cast(cast, None)
    return _run(source, c, window, min_mentions, name, rules, ner=ner, spacy_model=spacy_model)
