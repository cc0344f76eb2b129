"""GraphML (yEd, Cytoscape, Gephi): list attributes joined by ``;``, ids that are valid tokens.

GraphML 1.0 types a node id as ``xs:NMTOKEN``: letters, digits, ``.``, ``-``,
``_`` and ``:`` only, so ``"Spike Jonze"`` or ``"Mrs. O'Brien"`` cannot be an id
as they are.  Such ids are written with every other character turned into
``_`` (``"Spike_Jonze"``, a suffix ``-2``, ``-3``... when two would meet);
every node also carries its id as it is in a ``name`` data key, beside its
``label``.  :func:`read_graphml` reads the ``name`` back as the id, so a
file written here reads back to the same graph.
"""

from __future__ import annotations

import io
import os
import re
from collections.abc import Iterable
from pathlib import Path

import networkx as nx

from graphkit.exporters.flat import xml_graph

__all__ = ["NAME_KEY", "graphml_bytes", "graphml_ids", "read_graphml"]

#: The data key that holds each node's id as it is (its GraphML id may be a safe stand-in).
NAME_KEY = "name"

# NMTOKEN characters (XML 1.0 NameChar), without the rarely used combining ranges.
_NOT_TOKEN = re.compile(r"[^\w.\-:·]")


def graphml_ids(nodes: Iterable[object]) -> dict[object, str]:
    """A valid, distinct GraphML id (an ``xs:NMTOKEN``) for each node, in order.

    Ids that are tokens already stay as they are; the others get ``_`` for each
    character a token cannot hold, and a suffix when that id is taken.

    Examples
    --------
    >>> graphml_ids(["Ann", "Spike Jonze", "Mrs. O'Brien", "Spike_Jonze", ""])
    {'Ann': 'Ann', 'Spike Jonze': 'Spike_Jonze-2', "Mrs. O'Brien": 'Mrs._O_Brien', 'Spike_Jonze': 'Spike_Jonze', '': '_'}
    """
    nodes = list(nodes)
    out: dict[object, str] = {}
    taken: set[str] = set()
    # Nodes whose ids are tokens already keep them, whatever their order.
    for n in nodes:
        s = str(n)
        if s and not _NOT_TOKEN.search(s) and s not in taken:
            out[n] = s
            taken.add(s)
    for n in nodes:
        if n in out:
            continue
        base = _NOT_TOKEN.sub("_", str(n)) or "_"
        candidate, k = base, 2
        while candidate in taken:
            candidate, k = f"{base}-{k}", k + 1
        out[n] = candidate
        taken.add(candidate)
    return {n: out[n] for n in nodes}


def graphml_bytes(g: nx.Graph) -> bytes:
    """GraphML of ``g``: list attributes joined by ``;``, ids made valid, ids kept in ``name``.

    Examples
    --------
    >>> g = nx.Graph(); g.add_edge("Spike Jonze", "Her", weight=2)
    >>> b"Spike_Jonze" in graphml_bytes(g)
    True
    >>> h = read_graphml(io.BytesIO(graphml_bytes(g)))
    >>> sorted(h), h.edges["Spike Jonze", "Her"]["weight"]
    (['Her', 'Spike Jonze'], 2)
    """
    flat = xml_graph(g)
    ids = graphml_ids(flat)
    key = NAME_KEY if not any(NAME_KEY in d for _, d in flat.nodes(data=True)) else "_" + NAME_KEY
    for n in flat:
        flat.nodes[n][key] = str(n)
    out = nx.relabel_nodes(flat, ids, copy=True)
    buf = io.BytesIO()
    nx.write_graphml(out, buf, encoding="utf-8", prettyprint=True)
    return buf.getvalue()


def read_graphml(path: str | os.PathLike | io.IOBase) -> nx.Graph:
    """Read GraphML, giving back each node the id its ``name`` key holds (see :func:`graphml_bytes`).

    A file from elsewhere (no ``name`` key) keeps its GraphML ids.
    """
    source = path if isinstance(path, io.IOBase) else Path(path)
    g = nx.read_graphml(source)
    for key in ("_" + NAME_KEY, NAME_KEY):
        names = nx.get_node_attributes(g, key)
        if len(names) == g.number_of_nodes() and g.number_of_nodes():
            if len(set(names.values())) != len(names):
                continue  # a ``name`` that is not an id: keep the file's ids
            for d in g.nodes.values():
                del d[key]
            return nx.relabel_nodes(g, names, copy=True)
    return g
