"""Who speaks, how much, and to whom: speech attributes of nodes, the conversation graph's edges.

Two sources of speech:

* a play or screenplay's *speeches* (one turn of a speaker: :func:`turn_speech`);
* prose *quotations*, attributed by :mod:`graphkit.pipeline.speakers`
  (:func:`quotation_speech`, :func:`conversation_edges`).

Node attributes (:func:`set_speech`): ``quotes`` (speeches or quotations the
character speaks) and ``words_spoken`` (their words, split on white space).
A prose conversation graph runs from each quotation's speaker to each of its
addressees (:func:`conversation_edges`): ``weight`` and ``quotes`` count the
quotations, ``evidence`` holds their sentences, ``quotations`` their indices
(rows of ``Analysis.quotes``) and ``inferred`` how many of them reach this
addressee only by turn taking, not by a vocative or "said X to Y": the
conversation's other speakers nearby, which :mod:`graphkit.pipeline.speakers`
adds to every attributed quotation's addressees
(:attr:`graphkit.model.Quotation.inferred`).

A co-occurrence graph can carry the same count (:func:`exchanged_quotes`,
``analyze(..., quotes=True)``): each edge's ``quotes`` is the sum of both
directions of the conversation graph's ``quotes`` between its two ends, so
the two views of one text agree.

This module also keeps the quotations already attributed for a result
(:func:`remember_quotations`, :func:`known_quotations`), so the graph, the
quotes table and ``until`` share one attribution.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import defaultdict
from collections.abc import Iterable, Sequence
from weakref import WeakKeyDictionary

import networkx as nx

from graphkit.model import Character, Document, Evidence, Interaction, Mention, Quotation

__all__ = [
    "turn_speech",
    "quotation_speech",
    "set_speech",
    "quotation_sentences",
    "conversation_edges",
    "exchanged_quotes",
    "remember_quotations",
    "known_quotations",
]

Counts = dict[str, tuple[int, int]]

#: document -> [(mentions, characters, quotations)]: the attributions made for it, by identity.
_ATTRIBUTED: WeakKeyDictionary[Document, list[tuple[object, object, tuple[Quotation, ...]]]]
_ATTRIBUTED = WeakKeyDictionary()


def remember_quotations(
    doc: Document,
    mentions: Sequence[Mention],
    characters: Sequence[Character],
    quotes: tuple[Quotation, ...],
) -> None:
    """Keep ``quotes`` as the attribution of ``doc`` with these (identical) mentions and characters."""
    entries = _ATTRIBUTED.setdefault(doc, [])
    entries[:] = [e for e in entries if not (e[0] is mentions and e[1] is characters)][-3:]
    entries.append((mentions, characters, quotes))


def known_quotations(
    doc: Document, mentions: Sequence[Mention], characters: Sequence[Character]
) -> tuple[Quotation, ...] | None:
    """The quotations remembered for ``doc`` with these very mentions and characters, if any.

    Examples
    --------
    >>> doc = Document("x", (), (), ())
    >>> ms, cs = (), ()
    >>> known_quotations(doc, ms, cs) is None
    True
    >>> remember_quotations(doc, ms, cs, ())
    >>> known_quotations(doc, ms, cs)
    ()
    """
    for m, c, quotes in _ATTRIBUTED.get(doc, ()):
        if m is mentions and c is characters:
            return quotes
    return None


def turn_speech(doc: Document, mentions: Iterable[Mention]) -> Counts:
    """Speeches and words per speaker of a laid-out play (``Speaker: words`` per sentence).

    Examples
    --------
    >>> doc = Document("Ann: Hi there.\\n\\nBob: Hello.", (), (), ())
    >>> from graphkit.model import Sentence
    >>> doc = Document(doc.text, (), (Sentence(0, 0, 14, 0), Sentence(1, 16, 27, 1)), ())
    >>> ms = [Mention(0, 3, "Ann", "Ann", "character", 0), Mention(16, 19, "Bob", "Bob", "character", 1)]
    >>> turn_speech(doc, ms)
    {'Ann': (1, 2), 'Bob': (1, 1)}
    """
    by_sentence: dict[int, list[Mention]] = defaultdict(list)
    for m in mentions:
        by_sentence[m.sentence].append(m)
    counts: dict[str, list[int]] = {}
    for index, ms in by_sentence.items():
        s = doc.sentences[index]
        head = max(m.end for m in ms)
        body = doc.text[head : s.end]
        words = len(body[1:].split()) if body.startswith(":") else 0
        for who in dict.fromkeys(m.character for m in ms):
            c = counts.setdefault(who, [0, 0])
            c[0] += 1
            c[1] += words
    return {k: (a, b) for k, (a, b) in sorted(counts.items())}


def quotation_speech(quotes: Iterable[Quotation]) -> Counts:
    """Quotations and words per speaker.

    Examples
    --------
    >>> qs = [Quotation(0, 9, ((0, 9),), "Come here", "Ann"), Quotation(20, 23, ((20, 23),), "No.", "Bob"),
    ...       Quotation(30, 35, ((30, 35),), "Why?", None)]
    >>> quotation_speech(qs)
    {'Ann': (1, 2), 'Bob': (1, 1)}
    """
    counts: dict[str, list[int]] = {}
    for q in quotes:
        if q.speaker:
            c = counts.setdefault(q.speaker, [0, 0])
            c[0] += 1
            c[1] += len(q.text.split())
    return {k: (a, b) for k, (a, b) in sorted(counts.items())}


def set_speech(g: nx.Graph, counts: Counts) -> nx.Graph:
    """Set the node attributes ``quotes`` and ``words_spoken`` of every node of ``g`` (0 if silent)."""
    for n, data in g.nodes(data=True):
        data["quotes"], data["words_spoken"] = counts.get(n, (0, 0))
    return g


def quotation_sentences(doc: Document, quotes: Sequence[Quotation]) -> list[int]:
    """The index of the sentence each quotation starts in (the last sentence starting before it).

    Examples
    --------
    >>> from graphkit.model import Sentence
    >>> doc = Document("ab cd", (), (Sentence(0, 0, 2, 0), Sentence(1, 3, 5, 0)), ())
    >>> quotation_sentences(doc, [Quotation(4, 5, ((4, 5),), "d")])
    [1]
    """
    starts = [s.start for s in doc.sentences]
    return [max(0, bisect_right(starts, q.start) - 1) for q in quotes]


def conversation_edges(
    doc: Document, quotes: Sequence[Quotation], nodes: Iterable[str]
) -> tuple[list[Interaction], dict[tuple[str, str], dict[str, object]]]:
    """Directed speaker -> addressee interactions of ``quotes`` between ``nodes``, and edge extras.

    One evidence per quotation; the extras of an edge are ``quotes`` (its
    weight), ``inferred`` (quotations whose addressee here is guessed from turn
    taking) and ``quotations`` (their indices in ``quotes``).

    Examples
    --------
    >>> from graphkit.model import Sentence
    >>> doc = Document("x" * 40, (), (Sentence(0, 0, 40, 0),), ())
    >>> qs = [Quotation(0, 9, ((0, 9),), "Come here", "Ann", ("Bob",)),
    ...       Quotation(20, 23, ((20, 23),), "No.", "Bob", ("Ann",), inferred=("Ann",))]
    >>> links, extra = conversation_edges(doc, qs, ["Ann", "Bob"])
    >>> [(i.source, i.target, i.weight) for i in links], extra[("Bob", "Ann")]
    ([('Ann', 'Bob', 1), ('Bob', 'Ann', 1)], {'quotes': 1, 'inferred': 1, 'quotations': [1]})
    """
    keep = set(nodes)
    sentences = quotation_sentences(doc, quotes) if doc.sentences else [0] * len(quotes)
    evidence: dict[tuple[str, str], list[Evidence]] = defaultdict(list)
    extra: dict[tuple[str, str], dict[str, object]] = {}
    for k, q in enumerate(quotes):
        if q.speaker not in keep:
            continue
        for to in dict.fromkeys(q.addressees):
            if to == q.speaker or to not in keep:
                continue
            pair = (q.speaker, to)
            evidence[pair].append(Evidence(sentences[k], q.start, q.end))
            e = extra.setdefault(pair, {"quotes": 0, "inferred": 0, "quotations": []})
            e["quotes"] += 1  # type: ignore[operator]
            e["inferred"] += int(to in q.inferred)  # type: ignore[operator]
            e["quotations"].append(k)  # type: ignore[union-attr]
    links = [Interaction(a, b, len(ev), tuple(ev)) for (a, b), ev in sorted(evidence.items())]
    return links, extra


def exchanged_quotes(g: nx.Graph, extra: dict[tuple[str, str], dict[str, object]]) -> nx.Graph:
    """Set ``quotes`` on every edge of the undirected ``g``: the quotations its two ends say to each other.

    ``extra`` is the second value of :func:`conversation_edges`; an edge counts
    both directions, so it holds what the conversation graph's two edges
    between the same pair hold together.  Edges whose pair never talks get 0;
    pairs that talk but are never named together get no edge (they are in the
    conversation graph).  The graph attribute ``quoted`` records that it was done.

    Examples
    --------
    >>> g = nx.Graph([("Ann", "Bob"), ("Bob", "Cy")])
    >>> h = exchanged_quotes(g, {("Ann", "Bob"): {"quotes": 2}, ("Bob", "Ann"): {"quotes": 1}})
    >>> sorted(h.edges(data="quotes")), h.graph["quoted"]
    ([('Ann', 'Bob', 3), ('Bob', 'Cy', 0)], True)
    """
    for u, v, data in g.edges(data=True):
        data["quotes"] = sum(int(extra.get(p, {}).get("quotes", 0)) for p in ((u, v), (v, u)))  # type: ignore[call-overload]
    g.graph["quoted"] = True
    return g
