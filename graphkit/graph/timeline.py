"""Graphs over narrative time: segments, who is present in each, and the graph up to a point.

A *segment* is a stretch of narrative time: an act or scene of a play, a
scene of a screenplay, a chapter.  For prose, the segments are the chapters
found by headings, or the paragraphs when the text has no chapter heading.
Every node and edge of the graph records the segments it appears in
(attribute ``segments``, 0-based indices); :func:`spells` turns them into
the intervals a dynamic GEXF needs, and :func:`restrict` cuts an analysis
down to its first ``n`` segments.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import replace
from typing import TypeVar

import networkx as nx

from graphkit.graph.build import add_interactions, build_graph
from graphkit.graph.speech import (
    conversation_edges,
    exchanged_quotes,
    known_quotations,
    quotation_sentences,
    quotation_speech,
    remember_quotations,
    set_speech,
    turn_speech,
)
from graphkit.model import (
    Character,
    Document,
    Interaction,
    Mention,
    Quotation,
    Relation,
    Result,
    Segment,
)

R = TypeVar("R", bound=Result)


__all__ = [
    "narrative_segments",
    "sentence_segments",
    "segment_counts",
    "presence",
    "assemble_graph",
    "annotate",
    "spells",
    "restrict",
]

#: The title :func:`graphkit.pipeline.document.build_document` gives a text without chapters.
WHOLE_TEXT = "(whole text)"


def narrative_segments(doc: Document) -> tuple[Segment, ...]:
    """The segments of ``doc``: its chapters (or scenes), else its prose paragraphs.

    Examples
    --------
    >>> from graphkit.pipeline.document import build_document
    >>> doc = build_document("Ann met Bob.\\n\\nBob left. Cy came.")
    >>> [(s.index, s.title) for s in narrative_segments(doc)]
    [(0, '¶1'), (1, '¶2')]
    >>> doc = build_document("CHAPTER I\\n\\nAnn met Bob.\\n\\nCHAPTER II\\n\\nBob left.")
    >>> [s.title for s in narrative_segments(doc)]
    ['CHAPTER I', 'CHAPTER II']
    """
    if not (len(doc.segments) == 1 and doc.segments[0].title == WHOLE_TEXT):
        return doc.segments
    prose = sorted({s.paragraph for s in doc.sentences})
    if not prose:
        return doc.segments
    return tuple(
        Segment(i, f"¶{i + 1}", doc.paragraphs[p].start, doc.paragraphs[p].end)
        for i, p in enumerate(prose)
    )


def sentence_segments(doc: Document) -> list[int]:
    """The narrative segment of every sentence of ``doc`` (see :func:`narrative_segments`).

    Examples
    --------
    >>> from graphkit.pipeline.document import build_document
    >>> sentence_segments(build_document("Ann met Bob. Bob left.\\n\\nCy came."))
    [0, 0, 1]
    """
    if not (len(doc.segments) == 1 and doc.segments[0].title == WHOLE_TEXT):
        return [s.segment for s in doc.sentences]
    order = {p: i for i, p in enumerate(sorted({s.paragraph for s in doc.sentences}))}
    return [order[s.paragraph] for s in doc.sentences]


def segment_counts(doc: Document, mentions: Iterable[Mention]) -> dict[str, Counter]:
    """How often each character is mentioned in each segment: ``{id: Counter(segment: n)}``.

    Examples
    --------
    >>> from graphkit.pipeline.document import build_document
    >>> doc = build_document("Ann met Bob.\\n\\nAnn left.")
    >>> ms = [Mention(0, 3, "Ann", "Ann", "character", 0), Mention(13, 16, "Ann", "Ann", "character", 1)]
    >>> segment_counts(doc, ms)
    {'Ann': Counter({0: 1, 1: 1})}
    """
    seg = sentence_segments(doc)
    counts: dict[str, Counter] = {}
    for m in mentions:
        counts.setdefault(m.character, Counter())[seg[m.sentence]] += 1
    return counts


def presence(
    doc: Document, mentions: Iterable[Mention], interactions: Iterable[Interaction]
) -> tuple[dict[str, list[int]], dict[tuple[str, str], list[int]]]:
    """The sorted segments each character, and each pair, appears in.

    A character appears in the segments of its mentions (its speech turns for
    a play); a pair in the segments of its interactions' evidence.
    """
    seg = sentence_segments(doc)
    nodes: dict[str, set[int]] = defaultdict(set)
    for m in mentions:
        nodes[m.character].add(seg[m.sentence])
    edges: dict[tuple[str, str], set[int]] = defaultdict(set)
    for i in interactions:
        edges[(i.source, i.target)].update(seg[e.sentence] for e in i.evidence)
    return (
        {n: sorted(s) for n, s in nodes.items()},
        {e: sorted(s) for e, s in edges.items()},
    )


def assemble_graph(
    doc: Document,
    characters: Sequence[Character],
    mentions: Sequence[Mention],
    interactions: Sequence[Interaction],
    relations: Sequence[Relation] = (),
    directed: bool = False,
    template: nx.Graph | None = None,
    **graph_attrs: object,
) -> nx.Graph:
    """Build the graph (:func:`graphkit.graph.build.build_graph`) and record segments on it.

    ``directed`` gives a :class:`networkx.DiGraph` whose edges run from each
    interaction's ``source`` to its ``target``.  Node attributes of
    ``template`` that the builder does not set (``tei_id``, ``code``...) are
    carried over, and so are its graph attributes.

    Examples
    --------
    >>> from graphkit.pipeline.document import build_document
    >>> from graphkit.model import Evidence
    >>> doc = build_document("Ann met Bob.\\n\\nBob met Ann.")
    >>> ms = [Mention(0, 3, "Ann", "Ann", "character", 0), Mention(8, 11, "Bob", "Bob", "character", 0),
    ...       Mention(14, 17, "Bob", "Bob", "character", 1)]
    >>> chars = [Character("Ann", "Ann", mentions=1), Character("Bob", "Bob", mentions=2)]
    >>> g = assemble_graph(doc, chars, ms, [Interaction("Ann", "Bob", 1, (Evidence(0, 0, 12),))])
    >>> g.nodes["Bob"]["segments"], g.edges["Ann", "Bob"]["segments"]
    ([0, 1], [0])
    """
    attrs = {**(template.graph if template is not None else {}), **graph_attrs}
    g = build_graph(characters, [] if directed else interactions, relations, **attrs)
    if directed:
        g = nx.DiGraph(g)
        add_interactions(g, interactions)
    if template is not None:
        for n, data in g.nodes(data=True):
            if n in template:
                for key, value in template.nodes[n].items():
                    data.setdefault(key, value)
    return annotate(g, doc, mentions, interactions)


def annotate(
    g: nx.Graph, doc: Document, mentions: Iterable[Mention], interactions: Iterable[Interaction]
) -> nx.Graph:
    """Record on ``g`` the segments of every node and edge (attribute ``segments``); return ``g``.

    The graph attribute ``segments`` is the number of segments of the text.
    """
    node_segments, edge_segments = presence(doc, mentions, interactions)
    for n, data in g.nodes(data=True):
        data["segments"] = node_segments.get(n, [])
    for u, v, data in g.edges(data=True):
        found = set(edge_segments.get((u, v), ()))
        if not g.is_directed():
            found |= set(edge_segments.get((v, u), ()))
        data["segments"] = sorted(found)
    g.graph["segments"] = len(narrative_segments(doc))
    return g


def _runs(indices: Iterable[int]) -> list[tuple[int, int]]:
    """Contiguous runs of sorted indices as half-open ``(start, end)`` pairs.

    Examples
    --------
    >>> _runs([0, 1, 2, 5, 7, 8])
    [(0, 3), (5, 6), (7, 9)]
    """
    out: list[list[int]] = []
    for i in sorted(set(indices)):
        if out and out[-1][1] == i:
            out[-1][1] = i + 1
        else:
            out.append([i, i + 1])
    return [(a, b) for a, b in out]


def spells(g: nx.Graph) -> dict[object, list[tuple[int, int]]]:
    """The GEXF spells of ``g``: for each node and edge, its runs of segments.

    Segment ``i`` spans the time ``[i, i + 1)``, so a character present in
    segments 0, 1 and 4 has the spells ``(0, 2)`` and ``(4, 5)``.

    Examples
    --------
    >>> g = nx.Graph()
    >>> g.add_node("A", segments=[0, 1, 4]); g.add_node("B", segments=[1])
    >>> g.add_edge("A", "B", segments=[1])
    >>> spells(g)
    {'A': [(0, 2), (4, 5)], 'B': [(1, 2)], ('A', 'B'): [(1, 2)]}
    """
    out: dict[object, list[tuple[int, int]]] = {}
    for n, data in g.nodes(data=True):
        if data.get("segments"):
            out[n] = _runs(data["segments"])
    for u, v, data in g.edges(data=True):
        if data.get("segments"):
            out[(u, v)] = _runs(data["segments"])
    return out


def restrict(analysis: R, n: int) -> R:
    """The analysis of the first ``n`` segments only (segments ``0 .. n-1``).

    Mentions, interactions and relations whose sentence lies later are
    dropped; weights and mention counts are recounted; characters not yet
    seen disappear.  ``n`` larger than the number of segments keeps everything.
    """
    from graphkit.errors import OptionError

    if n < 1:
        raise OptionError(f"--until must be at least 1 segment, got {n}")
    doc = analysis.document
    seg = sentence_segments(doc)
    mentions = [m for m in analysis.mentions if seg[m.sentence] < n]
    interactions = []
    for i in analysis.interactions:
        kept = tuple(e for e in i.evidence if seg[e.sentence] < n)
        if kept:
            interactions.append(Interaction(i.source, i.target, len(kept), kept))
    relations = [r for r in analysis.relations if seg[r.sentence] < n]
    counts = Counter(m.character for m in mentions)
    characters = [
        replace(c, mentions=counts[c.id]) for c in analysis.character_list if counts[c.id] > 0
    ]
    speech = analysis.graph.graph.get("speech")
    quoted = speech == "quotations" or bool(analysis.graph.graph.get("quoted"))
    if quoted:  # the whole text's attribution, cut: a quotation keeps its speaker
        links, extra, quotes = _cut_conversation(analysis, seg, n, characters)
        interactions = links if speech == "quotations" else interactions
    total = len(narrative_segments(doc))
    graph = assemble_graph(
        doc,
        characters,
        mentions,
        interactions,
        relations,
        directed=analysis.graph.is_directed(),
        template=analysis.graph,
        until=min(n, total),
    )
    mentions_t, characters_t = tuple(mentions), tuple(characters)
    if speech == "turns":
        set_speech(graph, turn_speech(doc, mentions))
    elif quoted:
        set_speech(graph, quotation_speech(quotes))
        if speech == "quotations":
            for (a, b), values in extra.items():
                graph.edges[a, b].update(values)
        else:  # co-occurrence edges count the quotations exchanged
            exchanged_quotes(graph, extra)
        remember_quotations(doc, mentions_t, characters_t, quotes)
    return replace(
        analysis,
        mentions=mentions_t,
        character_list=characters_t,
        interactions=tuple(interactions),
        relations=tuple(relations),
        graph=graph,
    )


def _cut_conversation(
    analysis: Result, seg: list[int], n: int, characters: Sequence[Character]
) -> tuple[list[Interaction], dict, tuple[Quotation, ...]]:
    """A prose conversation network's links, edge extras and quotations in segments before ``n``."""
    doc = analysis.document
    quotes = known_quotations(doc, analysis.mentions, analysis.character_list)
    if quotes is None:
        quotes = tuple(getattr(analysis, "quotations", ()))
    kept = tuple(
        q for q, s in zip(quotes, quotation_sentences(doc, quotes), strict=True) if seg[s] < n
    )
    links, extra = conversation_edges(doc, kept, (c.id for c in characters))
    return links, extra, kept
