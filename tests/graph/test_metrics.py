"""Metrics on small graphs with known answers."""

from __future__ import annotations

import subprocess
import sys

import networkx as nx
import pytest

from graphkit.graph.metrics import (
    COLUMNS,
    communities,
    graph_summary,
    node_metrics,
    path_centralities,
)


def florentine() -> nx.Graph:
    g = nx.florentine_families_graph()
    for i, (u, v) in enumerate(sorted(g.edges())):
        g.edges[u, v]["weight"] = 1 + i % 3
    return g


def test_medici_lead_the_florentine_families():
    df = node_metrics(florentine())
    assert list(df.columns) == list(COLUMNS)
    top = df.set_index("id")
    assert top["betweenness"].idxmax() == "Medici"
    assert top["degree"].idxmax() == "Medici"
    assert top.loc["Medici", "degree"] == 6


@pytest.mark.parametrize("graph", [florentine(), nx.relabel_nodes(nx.krackhardt_kite_graph(), str)])
def test_igraph_and_networkx_agree(graph):
    b1, c1 = path_centralities(graph, backend="networkx")
    b2, c2 = path_centralities(graph, backend="igraph")
    for n in graph:
        assert b1[n] == pytest.approx(b2[n], abs=1e-9)
        assert c1[n] == pytest.approx(c2[n], abs=1e-9)


def test_disconnected_graph_is_reported_not_hidden():
    g = nx.Graph()
    g.add_weighted_edges_from([("a", "b", 1), ("b", "c", 1), ("x", "y", 1)])
    g.add_node("z")
    df = node_metrics(g).set_index("id")
    assert (
        df.loc["a", "component"] == 0
        and df.loc["x", "component"] == 1
        and df.loc["z", "component"] == 2
    )
    # Wasserman-Faust closeness: reachability is part of the score.
    assert df.loc["b", "closeness"] > df.loc["x", "closeness"] > 0
    assert df.loc["z", "closeness"] == 0
    s = graph_summary(g).iloc[0]
    assert (s["components"], s["largest_component"], s["isolates"], s["diameter"]) == (3, 3, 1, 2)


def test_louvain_is_seeded_and_finds_the_two_cliques():
    g = nx.relabel_nodes(nx.barbell_graph(5, 0), str)
    first = communities(g)
    assert first == communities(g)
    assert len(set(first.values())) == 2
    assert first["0"] == first["4"] != first["5"]


def test_heavier_edges_mean_closer():
    g = nx.Graph()
    g.add_edge("hub", "close", weight=10)
    g.add_edge("hub", "far", weight=1)
    df = node_metrics(g).set_index("id")
    assert df.loc["close", "closeness"] > df.loc["far", "closeness"]


def test_measuring_loads_no_matplotlib_and_drawing_still_works(tmp_path):
    """igraph is imported without its matplotlib plotting; graphkit's own drawing is unaffected."""
    pytest.importorskip("igraph")
    code = (
        "import sys, graphkit\n"
        "a = graphkit.analyze_text('Ann met Bob. Bob met Cy. Cy met Ann.', name='t')\n"
        "assert len(a.metrics) == 3 and 'igraph' in sys.modules, sorted(sys.modules)\n"
        "print('matplotlib' in sys.modules)\n"
        "files = a.files(pictures=True)\n"
        "print(files['network.png'][:4] == b'\\x89PNG')\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         cwd=tmp_path, check=True).stdout.split()  # fmt: skip
    assert out == ["False", "True"]
