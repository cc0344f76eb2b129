"""Exports: a registry of formats, each one module that renders bytes (and reads them back).

Every format is an :class:`Exporter`: its name (``graphkit export -f NAME``),
the file :meth:`~graphkit.analysis.Analysis.export` writes it to, a one-line
description (the README's table and ``--help`` come from it), the function
that renders it and, for graph formats, the function that reads it back
(``graphkit merge``).  Adding a format is one module and one line in
:data:`EXPORTERS`.  Writers render the whole file in memory and write it
atomically (:mod:`.atomic`); output is deterministic: same graph, same bytes.

Examples
--------
>>> [e.filename for e in EXPORTERS.values()]
['graph.graphml', 'graph.gexf', 'graph.json', 'nodes.csv', 'edges.csv', 'metrics.csv', 'evidence.csv', 'quotes.csv']
>>> g = nx.Graph(); g.add_edge("A", "B", weight=2)
>>> render(g, "edges").decode()
'source,target,weight\\nA,B,2\\n'
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import networkx as nx

from graphkit.errors import InputError, OutputError
from graphkit.exporters.atomic import write_atomic, write_files, write_folder
from graphkit.exporters.flat import flat_graph, flatten_value
from graphkit.exporters.gexf import gexf_bytes
from graphkit.exporters.graphml import graphml_bytes, read_graphml
from graphkit.exporters.nodelink import json_bytes
from graphkit.exporters.tables import (
    csv_bytes,
    edges_csv_bytes,
    evidence_csv_bytes,
    nodes_csv_bytes,
)

__all__ = [
    "Exporter",
    "EXPORTERS",
    "FORMATS",
    "GRAPH_FORMATS",
    "render",
    "render_result",
    "read_graph",
    "write_atomic",
    "write_files",
    "write_folder",
    "flatten_value",
    "flat_graph",
    "graphml_bytes",
    "read_graphml",
    "gexf_bytes",
    "json_bytes",
    "nodes_csv_bytes",
    "edges_csv_bytes",
]


@dataclass(frozen=True)
class Exporter:
    """One export format.

    ``graph`` renders a graph alone (graph formats); ``result`` renders what
    needs more than the graph (metrics, evidence sentences): it takes an
    :class:`~graphkit.analysis.Analysis`.  ``read`` reads a file back into a
    graph, for the formats that can.
    """

    name: str
    filename: str
    description: str
    graph: Callable[[nx.Graph], bytes] | None = None
    result: Callable[[Any], bytes] | None = None
    read: Callable[[Path], nx.Graph] | None = None

    def render(self, analysis: Any) -> bytes:
        """The bytes of this format for ``analysis``."""
        if self.graph is not None:
            return self.graph(analysis.graph)
        assert self.result is not None
        return self.result(analysis)


def _gexf(g: nx.Graph) -> bytes:
    from graphkit.graph.timeline import spells

    # Nodes and edges that record their segments make a dynamic GEXF.
    return gexf_bytes(g, spells=spells(g))


def _read_json(path: Path) -> nx.Graph:
    return nx.node_link_graph(json.loads(path.read_text("utf-8")), edges="edges")


def _metrics_csv(analysis: Any) -> bytes:
    return csv_bytes(analysis.metrics)


def _evidence_csv(analysis: Any) -> bytes:
    return evidence_csv_bytes(analysis.graph, analysis.document.sentence_text)


def _quotes_csv(analysis: Any) -> bytes:
    from graphkit.pipeline.dialogue import quotes_csv_frame

    return csv_bytes(quotes_csv_frame(analysis.quotes))


#: Every export format, in the order ``analyze`` writes them.
EXPORTERS: dict[str, Exporter] = {
    e.name: e
    for e in (
        Exporter("graphml", "graph.graphml", "the graph for Gephi, Cytoscape, yEd; lists joined with `;`, ids made valid (the id as it is in `name`)",
                 graph=graphml_bytes, read=read_graphml),
        Exporter("gexf", "graph.gexf", "GEXF 1.3, the graph for Gephi; dynamic (spells by segment)",
                 graph=_gexf, read=nx.read_gexf),
        Exporter("json", "graph.json", "NetworkX node-link JSON (key `edges`); lists stay lists",
                 graph=json_bytes, read=_read_json),
        Exporter("nodes", "nodes.csv", "one row per node: `id, label, kind, mentions, first_seen, aliases, …`",
                 graph=nodes_csv_bytes),
        Exporter("edges", "edges.csv", "one row per edge: `source, target, weight, evidence, relations, …`",
                 graph=edges_csv_bytes),
        Exporter("metrics", "metrics.csv", "degree, strength, betweenness, closeness, eigenvector, PageRank, community, component",
                 result=_metrics_csv),
        Exporter("evidence", "evidence.csv", "every supporting sentence: `source, target, type, sentence, text`",
                 result=_evidence_csv),
        Exporter("quotes", "quotes.csv", "every quotation: `start, end, text, speaker, addressees, type, cue` (prose)",
                 result=_quotes_csv),
    )
}  # fmt: skip

#: Graph formats and their default file names (the formats :func:`render` takes).
FORMATS = {e.name: e.filename for e in EXPORTERS.values() if e.graph is not None}
#: Formats a graph file can be read back from, by file suffix.
GRAPH_FORMATS = {Path(e.filename).suffix: e for e in EXPORTERS.values() if e.read is not None}


def render(g: nx.Graph, fmt: str) -> bytes:
    """The bytes of ``g`` in the graph format ``fmt`` (a key of :data:`FORMATS`)."""
    exporter = EXPORTERS.get(fmt)
    if exporter is None or exporter.graph is None:
        raise OutputError(f"unknown format {fmt!r}: use one of {', '.join(FORMATS)}")
    return exporter.graph(g)


def render_result(analysis: Any, fmt: str) -> bytes:
    """The bytes of ``analysis`` in any format of :data:`EXPORTERS`."""
    if fmt not in EXPORTERS:
        raise OutputError(f"unknown format {fmt!r}: use one of {', '.join(EXPORTERS)}")
    return EXPORTERS[fmt].render(analysis)


def read_graph(path: str | os.PathLike) -> nx.Graph:
    """Read an exported graph (GraphML, GEXF or graphkit's node-link JSON), by its suffix."""
    p = Path(path)
    if not p.is_file():
        raise InputError(f"{p}: no such graph file")
    exporter = GRAPH_FORMATS.get(p.suffix.lower())
    if exporter is None or exporter.read is None:
        raise InputError(f"{p}: unknown graph format (use {_suffixes()})")
    try:
        g = exporter.read(p)
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise InputError(f"{p}: cannot read graph ({exc.__class__.__name__})") from None
    except Exception as exc:  # XML parse errors of either reader
        raise InputError(f"{p}: not a valid graph file ({exc.__class__.__name__})") from None
    if not g.graph.get("name"):
        g.graph["name"] = p.stem
    return g


def _suffixes() -> str:
    names = list(GRAPH_FORMATS)
    return ", ".join(names[:-1]) + " or " + names[-1]
