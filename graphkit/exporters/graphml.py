"""GraphML (yEd, Cytoscape, Gephi): list attributes joined by ``;``."""

from __future__ import annotations

import io
from typing import TYPE_CHECKING

import networkx as nx

if TYPE_CHECKING:
    pass
from graphkit.exporters.flat import flat_graph

__all__ = ["graphml_bytes"]


def graphml_bytes(g: nx.Graph) -> bytes:
    """GraphML of ``g`` with list attributes joined by ``;``."""
    buf = io.BytesIO()
    nx.write_graphml(flat_graph(g), buf, encoding="utf-8", prettyprint=True)
    return buf.getvalue()
