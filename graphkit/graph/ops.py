"""Operations on character graphs: the undirected view, the typed-relations subgraph.

Functions take and return plain ``networkx`` graphs.
"""

from __future__ import annotations

import networkx as nx

__all__ = ["undirected", "relation_subgraph"]


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
    h = g.edge_subgraph(typed).copy()
    h.graph.update(g.graph, relations_only=True)
    for _, _, d in h.edges(data=True):
        d["weight"] = len({r["type"] for r in d["relations"]})
    return h
