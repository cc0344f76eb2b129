"""Flat attributes for formats that cannot hold lists (GraphML, GEXF, CSV): lists become
``;``-joined strings, relation dicts ``"A plays B"``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping

import networkx as nx

__all__ = ["flatten_value", "flat_graph", "xml_text", "xml_graph"]

# Characters XML 1.0 cannot hold at all (not even escaped), and lone surrogates.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


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


def flat_graph(g: nx.Graph, text: Callable[[object], object] = lambda v: v) -> nx.Graph:
    """A copy of ``g`` whose attributes are all scalars (for GraphML, GEXF and CSV).

    ``text`` is applied to node ids and to every flattened value (see :func:`xml_graph`).
    """
    h = g.__class__()
    h.graph.update({k: text(flatten_value(v)) for k, v in g.graph.items()})
    for n, d in g.nodes(data=True):
        h.add_node(text(n), **{k: text(flatten_value(v)) for k, v in d.items()})
    for u, v, d in g.edges(data=True):
        h.add_edge(text(u), text(v), **{k: text(flatten_value(val)) for k, val in d.items()})
    return h


def xml_text(value: object) -> object:
    """``value`` with the characters XML cannot hold replaced by U+FFFD (strings only).

    Control characters and lone surrogates cannot stand in an XML file, even
    escaped; node-link JSON keeps the original value.

    Examples
    --------
    >>> xml_text("Ann\x07e"), xml_text(3)
    ('Ann\ufffde', 3)
    """
    if isinstance(value, str) and _NOT_XML.search(value):
        return _NOT_XML.sub("\ufffd", value)
    return value


def xml_graph(g: nx.Graph) -> nx.Graph:
    """:func:`flat_graph` with every id and value made safe for XML (GraphML, GEXF)."""
    return flat_graph(g, xml_text)
