"""The pipeline in one call, and the :class:`Analysis` it returns.

``analyze(path)`` runs text -> document -> mentions -> characters ->
relations -> interactions -> graph (the stages are listed in
:mod:`graphkit.pipeline.run`) and keeps every intermediate result, so a
notebook can look at any stage.  :class:`Analysis` only adds views of that
result: tables (``characters``, ``metrics``, ``summary``, computed on first
use and cached), pictures and exports, each delegated to its own module.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

import networkx as nx

from graphkit.graph.sentiment import sign
from graphkit.io.cast import Cast, CastOption, resolve_cast  # noqa: F401  (re-exported)
from graphkit.io.rules import RuleSet
from graphkit.model import Quotation, Result, Segment
from graphkit.pipeline.mentions import NER_BACKENDS, Ner, detect_mentions  # noqa: F401
from graphkit.pipeline.run import gc_paused, run_file, run_text

if TYPE_CHECKING:
    import pandas as pd
    from matplotlib.figure import Figure

__all__ = [
    "Analysis",
    "analyze",
    "analyze_text",
    "detect_mentions",
    "resolve_cast",
    "OUTPUT_FILES",
    "PICTURES",
    "NER_BACKENDS",
]

#: Pictures :meth:`Analysis.export` draws: file name -> the method that draws it.
PICTURES = {
    "network.png": "plot",
    "centrality.png": "plot_centrality",
    "timeline.png": "plot_timeline",
}
#: Pages :meth:`Analysis.export` writes: file name -> the method that renders it.
PAGES = {"network.html": "html"}


def _output_files() -> tuple[str, ...]:
    from graphkit.exporters import EXPORTERS

    return (*(e.filename for e in EXPORTERS.values()), *PICTURES, *PAGES)


#: The files :meth:`Analysis.export` writes: every export format, the pictures, the page.
OUTPUT_FILES = _output_files()


class Analysis(Result):
    """Everything graphkit found in one text, with tables, pictures and exports.

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
    relations : tuple of Relation
        Typed relations stated in the text.
    graph : networkx.Graph
        The character graph (see :mod:`graphkit.graph.build`).
    """

    @classmethod
    def of(cls, result: Result) -> Analysis:
        """The analysis of a pipeline result (itself if it already is one)."""
        if isinstance(result, cls):
            return result
        return cls(**{f: getattr(result, f) for f in result.__dataclass_fields__})

    @cached_property
    def characters(self) -> pd.DataFrame:
        """One row per character by id: id, label, kind, mentions, first_seen, aliases, work, aliases_reason, quotes, words_spoken."""
        from graphkit.pipeline.conversation import characters_table

        return characters_table(self)  # quotes, words_spoken: found here on prose, not by analyze

    @cached_property
    def quotations(self) -> tuple[Quotation, ...]:
        """Every quotation, attributed (computed on first use; see :mod:`graphkit.pipeline.dialogue`)."""
        from graphkit.pipeline.dialogue import quotations_of

        return quotations_of(self)

    @cached_property
    def quotes(self) -> pd.DataFrame:
        """One row per quotation: start, end, text, speaker, addressees, type, cue."""
        from graphkit.pipeline.dialogue import quotes_table

        return quotes_table(self, self.quotations)

    @cached_property
    @gc_paused()
    def metrics(self) -> pd.DataFrame:
        """Centralities, community and component of every node (see :func:`graphkit.graph.metrics.node_metrics`)."""
        from graphkit.graph.metrics import node_metrics
        from graphkit.graph.ops import undirected

        df = node_metrics(undirected(self.graph))
        df.index = list(df["id"])  # a.metrics.loc["Theodore"]; the id stays a column too
        return df

    @cached_property
    @gc_paused()
    def summary(self) -> pd.DataFrame:
        """A one-row table describing the whole network."""
        from graphkit.graph.metrics import graph_summary
        from graphkit.graph.ops import undirected

        return graph_summary(undirected(self.graph))

    def ego(self, name: str, radius: int = 1) -> nx.Graph:
        """The ego network of ``name`` (a canonical name or an alias)."""
        return nx.ego_graph(self.graph, self.resolve(name), radius=radius)

    def resolve(self, name: str) -> str:
        """The id of ``name``: an id, alias or label in any case (see :func:`graphkit.graph.lookup.resolve_name`)."""
        from graphkit.graph.lookup import resolve_name

        return resolve_name(name, self.character_list, self.graph.nodes)

    def evidence(self, a: str, b: str) -> pd.DataFrame:
        """The sentences that link ``a`` and ``b``: index, text, and relation types they state."""
        from graphkit.graph.evidence import pair_evidence

        return pair_evidence(
            self.graph, self.resolve(a), self.resolve(b), self.document.sentence_text
        )

    def explain(self, a: str, b: str) -> str:
        """Every sentence that links ``a`` and ``b``, with the relation types it states, then their quotations."""
        from graphkit.pipeline.conversation import explain_pair

        return explain_pair(self, self.resolve(a), self.resolve(b))

    def _scores(self) -> dict[str, float]:
        return dict(zip(self.metrics["id"], self.metrics["pagerank"], strict=False))

    def plot(self, top: int = 40, ax=None, relations_only: bool = False, colour: str = "auto") -> Figure:  # fmt: skip
        """The network diagram as a matplotlib Figure (shown inline in Jupyter).

        Typed relations run beside co-occurrence links; ``relations_only`` draws only the typed
        ones; ``colour``: ``"kind"``, ``"community"``, ``"auto"`` (community if one kind).
        """
        from graphkit.graph.ops import relation_subgraph
        from graphkit.views.network import draw_network

        g = relation_subgraph(self.graph) if relations_only else self.graph
        comm = dict(zip(self.metrics["id"], self.metrics["community"], strict=False))
        return draw_network(g, ax=ax, top=top, scores=self._scores(), title=self.name, colour=colour, communities=comm)  # fmt: skip

    def plot_centrality(self, top: int = 10) -> Figure:
        """Bar charts of the top characters by each main centrality."""
        from graphkit.views.centrality import draw_centrality

        return draw_centrality(
            self.metrics, top=top, title=f"{self.name}: top characters by centrality"
        )

    @property
    def segments(self) -> tuple[Segment, ...]:
        """The segments of narrative time: scenes, chapters, or paragraphs (see :mod:`graphkit.graph.timeline`)."""
        from graphkit.graph.timeline import narrative_segments

        return narrative_segments(self.document)

    def until(self, n: int) -> Analysis:
        """The analysis of segments ``1 .. n`` only: the story as it stands after segment ``n``."""
        from graphkit.graph.timeline import restrict

        out = Analysis.of(restrict(self, n))  # quotations exchanged are cut, not redone
        return Analysis.of(sign(out)) if self.graph.graph.get("signed") else out

    def plot_timeline(self, top: int = 30) -> Figure:
        """Characters x segments: who appears when (sorted by first appearance)."""
        from graphkit.graph.timeline import segment_counts
        from graphkit.views.timeline import draw_timeline

        counts = segment_counts(self.document, self.mentions)
        titles = [s.title for s in self.segments]
        return draw_timeline(self.graph, titles, counts, self._scores(), top=top, title=self.name)

    def files(self, relations_only: bool = False, pictures: bool = True, colour: str = "auto") -> dict[str, bytes]:  # fmt: skip
        """The output files (:data:`OUTPUT_FILES`) as ``{file name: bytes}``.

        ``pictures=False`` leaves out the PNGs and the interactive page (the slow part
        of a novel's outputs), for corpus runs that need only the data.
        """
        from graphkit.exporters import EXPORTERS
        from graphkit.views.figure import figure_png

        out = {e.filename: e.render(self) for e in EXPORTERS.values()}
        if not pictures:
            return out
        for filename, method in PICTURES.items():
            options = {"relations_only": relations_only, "colour": colour} if method == "plot" else {}  # fmt: skip
            out[filename] = figure_png(getattr(self, method)(**options))
        for filename, method in PAGES.items():
            out[filename] = getattr(self, method)().encode("utf-8")
        return out

    def html(self) -> str:
        """The interactive view: one self-contained HTML page (see :mod:`graphkit.views.html`)."""
        from graphkit.views.html import render_html

        return render_html(self)

    def to_html(self, path: str | os.PathLike) -> Path:
        """Write the interactive view to ``path`` (atomically); return the path."""
        from graphkit.exporters import write_atomic

        return write_atomic(path, self.html().encode("utf-8"))

    def show(self, height: int = 640):
        """The interactive view inline in Jupyter: an ``IPython.display.HTML`` iframe."""
        from IPython.display import HTML

        from graphkit.views.html import srcdoc_iframe

        return HTML(srcdoc_iframe(self.html(), height=height))

    def export(self, folder: str | os.PathLike, relations_only: bool = False, pictures: bool = True, colour: str = "auto") -> list[Path]:  # fmt: skip
        """Write the output files into ``folder`` (created if needed), the whole set at once."""
        from graphkit.exporters import write_folder

        files = self.files(relations_only=relations_only, pictures=pictures, colour=colour)
        return write_folder(folder, files)

    def report(self, top: int = 10) -> str:
        """The summary ``graphkit analyze`` prints: counts, settings and the top characters."""
        from graphkit.views.report import report

        return report(self, top)

    def mention_records(self) -> list[dict[str, Any]]:
        """Every mention as a dict, with ``start`` and ``end`` offsets into the text as read."""
        from graphkit.views.report import mention_records

        return mention_records(self)

    def _repr_html_(self) -> str:
        from graphkit.views.report import repr_html

        return repr_html(self)

    def __repr__(self) -> str:
        return (
            f"<Analysis {self.name!r}: {self.graph.number_of_nodes()} nodes, "
            f"{self.graph.number_of_edges()} edges, window={self.window!r}>"
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
    signed: bool = False,
    quotes: bool = False,
) -> Analysis:
    """Analyse a text file (prose, a play, a screenplay or a co-appearance table), or several as one graph.

    Parameters
    ----------
    path : str or PathLike, or a list of them
        A text file (plain text or HTML; UTF-8, UTF-16 or cp1252).  A list of
        files gives one merged graph (see :mod:`graphkit.graph.merge`) whose nodes
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
        100,000 words and three times above (see
        :func:`graphkit.pipeline.threshold.auto_min_mentions`); with a cast
        file every listed name is kept.
    input_format : str
        ``auto`` (detect from the content), ``text``, ``tei``, ``play``,
        ``fountain`` or ``sgb`` (see :mod:`graphkit.io.readers`).
    interaction : str
        ``co-presence`` (co-occurrence; for plays, the same scene) or
        ``conversation``: a directed graph, speaker -> addressee of each
        quotation in prose, who speaks right after whom in a play.
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
    signed : bool
        Give each edge the tone of its sentences (:func:`graphkit.graph.sentiment.sign`).
    quotes : bool
        Give co-occurrence edges ``quotes``, the quotations the two exchange, and nodes
        ``quotes`` and ``words_spoken`` (:func:`graphkit.pipeline.conversation.with_quotes`).

    Examples
    --------
    >>> import graphkit, tempfile, pathlib
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "tale.txt"
    >>> _ = p.write_text("Alice met Bob. Bob thanked Alice. Carol waved at Bob.", encoding="utf-8")
    >>> a = graphkit.analyze(p)
    >>> sorted(a.graph.edges(data="weight"))
    [('Alice', 'Bob', 2), ('Bob', 'Carol', 1)]
    """
    options = {
        "window": window,
        "min_mentions": min_mentions,
        "ner": ner,
        "spacy_model": spacy_model,
    }
    if isinstance(path, (list, tuple)):
        from graphkit.graph.merge import merge_analyses
        from graphkit.io.rules import load_rules

        rules = load_rules(rules)
        parts = [
            analyze(p, cast=cast, encoding=encoding, input_format=input_format,
                    interaction=interaction, until=until, rules=rules, quotes=quotes, **options)
            for p in path
        ]  # fmt: skip
        return _finish(merge_analyses(parts), None, signed, False)
    result = run_file(path, cast, encoding, input_format, interaction, rules=rules, **options)
    return _finish(result, until, signed, quotes)


def _finish(result: Result, until: int | None, signed: bool, quotes: bool) -> Analysis:
    """The optional steps after the pipeline: quotations exchanged, a cut in time, signs."""
    result = Analysis.of(result)
    if quotes:
        from graphkit.pipeline.conversation import with_quotes

        result = Analysis.of(with_quotes(result))
    result = result.until(until) if until else result
    return Analysis.of(sign(result)) if signed else result


def analyze_text(
    text: str,
    cast: Cast | str | os.PathLike | None = None,
    window: str | int = "sentence",
    name: str = "text",
    min_mentions: int = 1,
    rules: RuleSet | str | os.PathLike | None = None,
    ner: Ner = "rules",
    spacy_model: str = "en_core_web_sm",
    interaction: str = "co-presence",
    until: int | None = None,
    signed: bool = False,
    quotes: bool = False,
) -> Analysis:
    """Analyse a string as prose (see :func:`analyze` for the options); ``cast``: a path, a :class:`Cast` or ``None``.

    Examples
    --------
    >>> import graphkit
    >>> a = graphkit.analyze_text("Theodore loves Samantha. Amy is a friend of Theodore.")
    >>> a.metrics[["id", "degree"]].values.tolist()
    [['Theodore', 2], ['Amy', 1], ['Samantha', 1]]
    >>> talk = graphkit.analyze_text('"Come here, Bob," said Ann.', interaction="conversation")
    >>> list(talk.graph.edges(data="quotes"))
    [('Ann', 'Bob', 1)]
    """
    result = run_text(text, cast, interaction, window=window, name=name, min_mentions=min_mentions,
                      rules=rules, ner=ner, spacy_model=spacy_model)  # fmt: skip
    return _finish(result, until, signed, quotes)
