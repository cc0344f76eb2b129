"""NetworkX node-link JSON (key ``edges``): lists stay lists, so it reads back losslessly."""

from __future__ import annotations

import json

import networkx as nx

__all__ = ["json_bytes"]


def json_bytes(g: nx.Graph) -> bytes:
    """NetworkX node-link JSON (key ``edges``); lists stay lists.

    Examples
    --------
    >>> g = nx.Graph(); g.add_edge("A", "B", evidence=[1, 2])
    >>> nx.node_link_graph(json.loads(json_bytes(g)), edges="edges").edges["A", "B"]["evidence"]
    [1, 2]
    """
    data = nx.node_link_data(g, edges="edges")
    return (json.dumps(data, ensure_ascii=False, indent=2, default=str) + "\n").encode("utf-8")
