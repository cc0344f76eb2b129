"""GEXF 1.3 (Gephi >= 0.9.3): colours by kind, sizes by mentions, spells by segment (dynamic).

The file is in the GEXF 1.3 namespace ``http://gexf.net/1.3``, its colours and
sizes in the ``viz`` namespace ``http://gexf.net/1.3/viz``, as Gephi writes
them.  ``tests/exporters/xsd`` holds the official XSDs it is checked against.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Iterable, Mapping

import networkx as nx

from graphkit.exporters.flat import xml_graph
from graphkit.views.style import kind_colour, rgb

__all__ = ["GEXF_NAMESPACE", "VIZ_NAMESPACE", "gexf_bytes"]

#: The GEXF 1.3 namespace, and the one of its visual attributes (colour, size).
GEXF_NAMESPACE = "http://gexf.net/1.3"
VIZ_NAMESPACE = "http://gexf.net/1.3/viz"

_GEXF_TYPES = {bool: "boolean", int: "integer", float: "double", str: "string"}


def _gexf_type(values: Iterable[object]) -> str:
    kinds = {type(v) for v in values if v != ""}
    if not kinds:
        return "string"
    if kinds <= {int, bool} and kinds != {bool, int}:
        return _GEXF_TYPES[kinds.pop()]
    if kinds <= {int, float}:
        return "double"
    return "string"


def _gexf_value(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return repr(round(value, 9))
    return str(value)


def gexf_bytes(g: nx.Graph, spells: Mapping | None = None) -> bytes:
    """GEXF 1.3 of ``g`` (opens in Gephi), colours by ``kind`` and sizes by ``mentions``.

    ``spells`` may map nodes and ``(u, v)`` edges to lists of ``(start, end)``
    segment indices; the graph is then written as a dynamic GEXF whose
    timeline Gephi can play.

    Examples
    --------
    >>> g = nx.Graph(); g.add_edge("A", "B", weight=2, evidence=[0, 3])
    >>> import io
    >>> h = nx.read_gexf(io.BytesIO(gexf_bytes(g)))
    >>> h.edges["A", "B"]["weight"], h.edges["A", "B"]["evidence"]
    (2.0, '0;3')
    """
    flat = xml_graph(g)
    ns = GEXF_NAMESPACE
    viz = VIZ_NAMESPACE
    ET.register_namespace("", ns)
    ET.register_namespace("viz", viz)
    root = ET.Element(f"{{{ns}}}gexf", {"version": "1.3"})
    meta = ET.SubElement(root, f"{{{ns}}}meta")
    ET.SubElement(meta, f"{{{ns}}}creator").text = "graphkit"
    if flat.graph.get("name"):
        ET.SubElement(meta, f"{{{ns}}}description").text = str(flat.graph["name"])
    mode = "dynamic" if spells else "static"
    edge_type = "directed" if g.is_directed() else "undirected"
    graph_attrs = {"defaultedgetype": edge_type, "mode": mode}
    if spells:
        graph_attrs["timeformat"] = "double"
    graph = ET.SubElement(root, f"{{{ns}}}graph", graph_attrs)

    node_keys = sorted({k for _, d in flat.nodes(data=True) for k in d if k != "label"})
    edge_keys = sorted({k for _, _, d in flat.edges(data=True) for k in d if k != "weight"})
    for cls, keys, items in (
        ("node", node_keys, [d for _, d in flat.nodes(data=True)]),
        ("edge", edge_keys, [d for _, _, d in flat.edges(data=True)]),
    ):
        if not keys:
            continue
        attrs = ET.SubElement(graph, f"{{{ns}}}attributes", {"class": cls})
        for i, key in enumerate(keys):
            ET.SubElement(
                attrs,
                f"{{{ns}}}attribute",
                {
                    "id": f"{cls[0]}{i}",
                    "title": key,
                    "type": _gexf_type(d.get(key, "") for d in items),
                },
            )

    def add_attvalues(parent: ET.Element, data: Mapping, keys: list[str], prefix: str) -> None:
        values = [(i, data[k]) for i, k in enumerate(keys) if k in data and data[k] != ""]
        if not values:
            return
        el = ET.SubElement(parent, f"{{{ns}}}attvalues")
        for i, value in values:
            ET.SubElement(
                el, f"{{{ns}}}attvalue", {"for": f"{prefix}{i}", "value": _gexf_value(value)}
            )

    def add_spells(parent: ET.Element, key: object) -> None:
        if not spells or key not in spells:
            return
        el = ET.SubElement(parent, f"{{{ns}}}spells")
        for start, end in spells[key]:
            ET.SubElement(
                el, f"{{{ns}}}spell", {"start": f"{float(start)}", "end": f"{float(end)}"}
            )

    nodes = ET.SubElement(graph, f"{{{ns}}}nodes")
    for n, d in flat.nodes(data=True):
        node = ET.SubElement(
            nodes, f"{{{ns}}}node", {"id": str(n), "label": str(d.get("label", n))}
        )
        add_attvalues(node, d, node_keys, "n")
        add_spells(node, n)
        r, gr, b = rgb(kind_colour(str(d.get("kind", ""))))
        ET.SubElement(node, f"{{{viz}}}color", {"r": str(r), "g": str(gr), "b": str(b)})
        size = 4.0 + 2.0 * float(d.get("mentions", 0) or 0) ** 0.5
        ET.SubElement(node, f"{{{viz}}}size", {"value": f"{size:.3f}"})
    edges = ET.SubElement(graph, f"{{{ns}}}edges")
    for i, (u, v, d) in enumerate(flat.edges(data=True)):
        edge = ET.SubElement(
            edges,
            f"{{{ns}}}edge",
            {
                "id": str(i),
                "source": str(u),
                "target": str(v),
                "weight": _gexf_value(float(d.get("weight", 1) or 0)),
            },
        )
        add_attvalues(edge, d, edge_keys, "e")
        add_spells(edge, (u, v) if g.is_directed() or (u, v) in (spells or {}) else (v, u))
    ET.indent(root)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True) + b"\n"
