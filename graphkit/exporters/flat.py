"""Flat attributes for formats that cannot hold lists (GraphML, GEXF, CSV): lists become
``;``-joined strings, relation dicts ``"A plays B"``.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

import networkx as nx

__all__ = ["flatten_value", "flat_graph"]

if TYPE_CHECKING:
    pass


def flatten_value(value: object) -> object:
    """A value a flat format can hold: lists become ``;``-joined strings.

    Examples
    --------
    >>> flatten_value(["Theo", "Teddy"]), flatten_value([3, 5]), flatten_value(None)
    ('Theo;Teddy', '3;5', '')
    >>> flatten_value([{"type": "plays", "source": "A", "target": "B"}])
    'A plays B'
    >>> flatten_value({"plays": [1, 4], "friend": [2]})
    'friend:2;plays:1 4'
    """
    if value is None:
        return ""
    if isinstance(value, Mapping):
        if {"type", "source", "target"} <= set(value):
            return f"{value['source']} {value['type']} {value['target']}"
        return ";".join(
            f"{k}:{' '.join(map(str, v)) if isinstance(v, (list, tuple)) else v}"
            for k, v in sorted(value.items())
        )
    if isinstance(value, (list, tuple, set, frozenset)):
        items = sorted(value) if isinstance(value, (set, frozenset)) else value
        return ";".join(str(flatten_value(v)) for v in items)
    return value


def flat_graph(g: nx.Graph) -> nx.Graph:
    """A copy of ``g`` whose attributes are all scalars (for GraphML, GEXF and CSV)."""
    h = g.__class__()
    h.graph.update({k: flatten_value(v) for k, v in g.graph.items()})
    for n, d in g.nodes(data=True):
        h.add_node(n, **{k: flatten_value(v) for k, v in d.items()})
    for u, v, d in g.edges(data=True):
        h.add_edge(u, v, **{k: flatten_value(val) for k, val in d.items()})
    return h
