"""Operations on character graphs: the undirected view, the typed-relations subgraph.

Functions take and return plain ``networkx`` graphs.
"""

from __future__ import annotations

from collections.abc import Iterable

import networkx as nx

__all__ = ["undirected", "relation_subgraph", "ordered_subgraph"]


def undirected(g: nx.Graph) -> nx.Graph:
    """``g`` itself, or for a directed graph its undirected form with weights summed both ways.

    Examples
    --------
    >>> d = nx.DiGraph(); d.add_edge("A", "B", weight=2); d.add_edge("B", "A", weight=3)
    >>> undirected(d).edges["A", "B"]["weight"]
    5
    """
    if not g.is_directed():
        return g
    h = nx.Graph(**g.graph)
    h.add_nodes_from(g.nodes(data=True))
    for u, v, data in g.edges(data=True):
        if h.has_edge(u, v):
            h.edges[u, v]["weight"] += data.get("weight", 1)
        else:
            h.add_edge(u, v, **{**data, "weight": data.get("weight", 1)})
    return h


def relation_subgraph(g: nx.Graph) -> nx.Graph:
    """The typed edges of ``g`` and the nodes they join (for ``--relations-only``).

    Edge weights become the number of relation types, so the layout spreads
    the typed links evenly instead of pulling frequent co-occurrences together.

    Examples
    --------
    >>> g = nx.Graph([("a", "b"), ("b", "c")]); g.edges["a", "b"]["relations"] = [{"type": "friend"}]
    >>> sorted(relation_subgraph(g).edges())
    [('a', 'b')]
    """
    typed = [(u, v) for u, v, d in g.edges(data=True) if d.get("relations")]
    h = ordered_subgraph(g, sorted({n for e in typed for n in e}), edges=typed)
    h.graph.update(g.graph, relations_only=True)
    for _, _, d in h.edges(data=True):
        d["weight"] = len({r["type"] for r in d["relations"]})
    return h


def ordered_subgraph(
    g: nx.Graph, nodes: Iterable[str], edges: Iterable[tuple[str, str]] | None = None
) -> nx.Graph:
    """A copy of ``g`` on ``nodes`` (and only ``edges``, if given), nodes in the order given.

    ``g.subgraph(nodes).copy()`` iterates its filter set, whose order changes
    with Python's hash seed: pictures drawn from it would differ from run to run.

    Examples
    --------
    >>> g = nx.Graph([("c", "a"), ("a", "b"), ("b", "d")])
    >>> h = ordered_subgraph(g, ["a", "b", "c"])
    >>> list(h), sorted(h.edges())
    (['a', 'b', 'c'], [('a', 'b'), ('a', 'c')])
    """
    order = list(nodes)
    keep = set(order)
    h = g.__class__()
    h.graph.update(g.graph)
    h.add_nodes_from((n, g.nodes[n]) for n in order)
    if edges is None:
        chosen = [(u, v) for u, v in g.edges(order) if u in keep and v in keep]
    else:
        chosen = list(edges)
    h.add_edges_from((u, v, g.edges[u, v]) for u, v in chosen)
    return h
