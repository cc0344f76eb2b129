"""Characters + interactions -> ``networkx.Graph``.

Nodes are keyed by canonical name (a string) and carry plain attributes:
``label``, ``kind``, ``aliases`` (list), ``mentions`` (count), ``first_seen``
(offset of the first mention in the text as read).  Edges carry ``weight``
(number of co-occurrences), ``evidence`` (sorted sentence indices),
``relations`` (typed relations, a list of ``{"type", "source", "target"}``
dicts) and ``relation_evidence`` (type -> sentence indices).  Nodes and
edges are added in sorted order so that every export is deterministic.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import networkx as nx

from graphkit.model import Character, Interaction, Relation

__all__ = ["add_interactions", "build_graph"]


def add_interactions(g: nx.Graph, interactions: Iterable[Interaction]) -> None:
    """Add one edge per interaction (in sorted order) with its weight and evidence sentences."""
    for i in sorted(interactions, key=lambda i: (i.source, i.target)):
        g.add_edge(
            i.source,
            i.target,
            weight=i.weight,
            evidence=list(i.sentences),
            relations=[],
            relation_evidence={},
        )


def build_graph(
    characters: Sequence[Character],
    interactions: Iterable[Interaction],
    relations: Iterable[Relation] = (),
    name: str = "",
    **graph_attrs: object,
) -> nx.Graph:
    """Build the character graph.

    Examples
    --------
    >>> from graphkit.model import Evidence
    >>> chars = [Character("Ann", "Ann", mentions=2), Character("Bob", "Bob", mentions=1)]
    >>> g = build_graph(chars, [Interaction("Ann", "Bob", 1, (Evidence(0, 0, 12),))])
    >>> g.nodes["Ann"]["mentions"], g.edges["Ann", "Bob"]["weight"], g.edges["Ann", "Bob"]["evidence"]
    (2, 1, [0])
    """
    g = nx.Graph(name=name, **graph_attrs)
    for c in sorted(characters, key=lambda c: c.id):
        g.add_node(
            c.id,
            label=c.label,
            kind=c.kind,
            aliases=list(c.aliases),
            mentions=c.mentions,
            first_seen=c.first_seen,
            work=c.work or "",
        )
    add_interactions(g, interactions)
    for r in sorted(relations, key=lambda r: (r.source, r.target, r.type, r.sentence)):
        if r.source not in g or r.target not in g or r.source == r.target:
            continue
        if not g.has_edge(r.source, r.target):
            g.add_edge(
                r.source, r.target, weight=0, evidence=[], relations=[], relation_evidence={}
            )
        data = g.edges[r.source, r.target]
        entry = {"type": r.type, "source": r.source, "target": r.target}
        if entry not in data["relations"]:
            data["relations"].append(entry)
        sentences = data["relation_evidence"].setdefault(r.type, [])
        if r.sentence not in sentences:
            sentences.append(r.sentence)
            sentences.sort()
    return g
