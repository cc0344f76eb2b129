"""GraphML (yEd, Cytoscape, Gephi): list attributes joined by ``;``."""

from __future__ import annotations

import io

import networkx as nx

from graphkit.exporters.flat import xml_graph

__all__ = ["graphml_bytes"]


def graphml_bytes(g: nx.Graph) -> bytes:
    """GraphML of ``g`` with list attributes joined by ``;``."""
    buf = io.BytesIO()
    nx.write_graphml(xml_graph(g), buf, encoding="utf-8", prettyprint=True)
    return buf.getvalue()
