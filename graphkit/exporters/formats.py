"""Graph -> files: GraphML, GEXF, node-link JSON and CSV, written atomically.

Every writer renders the whole file in memory, writes it to a temporary file
in the destination folder and renames it into place, so a failure never
leaves a half-written file.  Lists become ``;``-joined strings where a format
cannot hold lists (GraphML, GEXF, CSV); node-link JSON keeps them.  Output is
deterministic: same graph, same bytes (no timestamps).
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import tempfile
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING

import networkx as nx

from graphkit.errors import OutputError

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "FORMATS",
    "flatten_value",
    "flat_graph",
    "render",
    "write_atomic",
    "write_files",
    "graphml_bytes",
    "gexf_bytes",
    "json_bytes",
    "nodes_csv_bytes",
    "edges_csv_bytes",
]

#: Export formats and their default file names.
FORMATS = {
    "graphml": "graph.graphml",
    "gexf": "graph.gexf",
    "json": "graph.json",
    "nodes": "nodes.csv",
    "edges": "edges.csv",
}

KIND_COLOURS = {"character": (31, 119, 180), "person": (255, 127, 14), "work": (44, 160, 44)}


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


def graphml_bytes(g: nx.Graph) -> bytes:
    """GraphML of ``g`` with list attributes joined by ``;``."""
    buf = io.BytesIO()
    nx.write_graphml(flat_graph(g), buf, encoding="utf-8", prettyprint=True)
    return buf.getvalue()


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
    """GEXF 1.2 of ``g`` (opens in Gephi), colours by ``kind`` and sizes by ``mentions``.

    ``spells`` may map nodes and ``(u, v)`` edges to lists of ``(start, end)``
    segment indices; the graph is then written as a dynamic GEXF whose
    timeline Gephi can play.

    Examples
    --------
    >>> g = nx.Graph(); g.add_edge("A", "B", weight=2, evidence=[0, 3])
    >>> h = nx.read_gexf(io.BytesIO(gexf_bytes(g)))
    >>> h.edges["A", "B"]["weight"], h.edges["A", "B"]["evidence"]
    (2.0, '0;3')
    """
    flat = flat_graph(g)
    ns = "http://www.gexf.net/1.2draft"
    viz = "http://www.gexf.net/1.2draft/viz"
    ET.register_namespace("", ns)
    ET.register_namespace("viz", viz)
    root = ET.Element(f"{{{ns}}}gexf", {"version": "1.2"})
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
        attrs = ET.SubElement(graph, f"{{{ns}}}attributes", {"class": cls, "mode": "static"})
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
        r, gr, b = KIND_COLOURS.get(str(d.get("kind", "")), (127, 127, 127))
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


def _csv_bytes(df: pd.DataFrame) -> bytes:
    return df.to_csv(index=False, lineterminator="\n").encode("utf-8")


def nodes_csv_bytes(g: nx.Graph) -> bytes:
    """One row per node: ``id`` then every node attribute (lists joined by ``;``)."""
    import pandas as pd

    flat = flat_graph(g)
    keys = sorted({k for _, d in flat.nodes(data=True) for k in d})
    order = [k for k in ("label", "kind", "mentions", "first_seen", "aliases") if k in keys]
    keys = order + [k for k in keys if k not in order]
    rows = [{"id": n, **{k: d.get(k, "") for k in keys}} for n, d in flat.nodes(data=True)]
    return _csv_bytes(pd.DataFrame(rows, columns=["id", *keys]))


def edges_csv_bytes(g: nx.Graph) -> bytes:
    """One row per edge: ``source``, ``target``, ``weight`` then the other attributes."""
    import pandas as pd

    flat = flat_graph(g)
    keys = sorted({k for _, _, d in flat.edges(data=True) for k in d} - {"weight"})
    rows = [
        {"source": u, "target": v, "weight": d.get("weight", 1), **{k: d.get(k, "") for k in keys}}
        for u, v, d in flat.edges(data=True)
    ]
    return _csv_bytes(pd.DataFrame(rows, columns=["source", "target", "weight", *keys]))


def render(g: nx.Graph, fmt: str) -> bytes:
    """The bytes of ``g`` in export format ``fmt`` (a key of :data:`FORMATS`)."""
    from graphkit.graph.timeline import spells

    renderers: dict[str, Callable[[nx.Graph], bytes]] = {
        "graphml": graphml_bytes,
        # Nodes and edges that record their segments make a dynamic GEXF.
        "gexf": lambda h: gexf_bytes(h, spells=spells(h)),
        "json": json_bytes,
        "nodes": nodes_csv_bytes,
        "edges": edges_csv_bytes,
    }
    if fmt not in renderers:
        raise OutputError(f"unknown format {fmt!r}: use one of {', '.join(renderers)}")
    return renderers[fmt](g)


def _ensure_dir(folder: Path) -> list[Path]:
    """Create ``folder`` (and parents); return the folders created, outermost first."""
    created = []
    for parent in reversed([folder, *folder.parents]):
        if not parent.exists():
            created.append(parent)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(f"{folder}: cannot create output folder: {exc.strerror or exc}") from None
    if not folder.is_dir():
        raise OutputError(f"{folder}: not a folder")
    return created


def write_files(files: Mapping[str | os.PathLike, bytes]) -> list[Path]:
    """Write several files all-or-nothing: every file goes to a temporary name first.

    Only when all are written are they renamed into place; on failure the
    temporary files, and any folder this call created, are removed and an
    :class:`~graphkit.errors.OutputError` names the problem.
    """
    created: list[Path] = []
    temps: list[tuple[Path, Path]] = []
    done = False
    try:
        for path, data in files.items():
            dest = Path(path)
            created += _ensure_dir(dest.parent)
            fd, tmp = tempfile.mkstemp(dir=dest.parent, prefix=f".{dest.name}.", suffix=".tmp")
            temps.append((Path(tmp), dest))
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
            os.chmod(tmp, 0o666 & ~_umask())
        for tmp, dest in temps:
            os.replace(tmp, dest)
        done = True
    except OSError as exc:
        where = getattr(exc, "filename", None) or (temps[-1][1] if temps else "output")
        raise OutputError(f"{where}: cannot write: {exc.strerror or exc}") from None
    finally:
        if not done:
            for tmp, _ in temps:
                tmp.unlink(missing_ok=True)
            for folder in reversed(created):
                with contextlib.suppress(OSError):
                    folder.rmdir()
    return [Path(p) for p in files]


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def write_atomic(path: str | os.PathLike, data: bytes) -> Path:
    """Write ``data`` to ``path`` through a temporary file and a rename."""
    return write_files({path: data})[0]
