"""Every export reads back with networkx / pandas, deterministically, and atomically."""

from __future__ import annotations

import io
import json

import networkx as nx
import pandas as pd
import pytest

import graphkit
from graphkit.analysis import OUTPUT_FILES
from graphkit.errors import OutputError
from graphkit.exporters import render, write_files
from graphkit.exporters.graphml import read_graphml


@pytest.fixture(scope="module")
def files(her_cast):
    return her_cast.files()


def test_all_files_are_written(files):
    assert set(files) == set(OUTPUT_FILES)
    for name in ("network.png", "centrality.png", "timeline.png"):
        assert files[name].startswith(b"\x89PNG")


def test_graphml_round_trip(her_cast, files):
    g = read_graphml(io.BytesIO(files["graph.graphml"]))
    assert set(g) == set(her_cast.graph)
    assert g.number_of_edges() == her_cast.graph.number_of_edges()
    assert g.nodes["Spike Jonze"]["kind"] == "person"
    assert g.nodes["Spike Jonze"]["aliases"] == "Jonze"
    data = her_cast.graph.edges["Samantha", "Theodore"]
    back = g.edges["Samantha", "Theodore"]
    assert back["weight"] == data["weight"]
    assert back["evidence"] == ";".join(map(str, data["evidence"]))


def test_gexf_round_trip(her_cast, files):
    g = nx.read_gexf(io.BytesIO(files["graph.gexf"]))
    assert set(g) == set(her_cast.graph)
    assert g.number_of_edges() == her_cast.graph.number_of_edges()
    assert g.nodes["Her"]["kind"] == "work"
    assert (
        g.edges["Samantha", "Theodore"]["weight"]
        == her_cast.graph.edges["Samantha", "Theodore"]["weight"]
    )


def test_json_round_trip_keeps_lists(her_cast, files):
    data = json.loads(files["graph.json"])
    assert "edges" in data
    g = nx.node_link_graph(data, edges="edges")
    assert (
        g.edges["Samantha", "Theodore"]["evidence"]
        == her_cast.graph.edges["Samantha", "Theodore"]["evidence"]
    )
    assert g.nodes["Sofia Coppola"]["aliases"] == ["Coppola"]


def test_csv_round_trip(her_cast, files):
    nodes = pd.read_csv(io.BytesIO(files["nodes.csv"]), keep_default_na=False)
    edges = pd.read_csv(io.BytesIO(files["edges.csv"]), keep_default_na=False)
    metrics = pd.read_csv(io.BytesIO(files["metrics.csv"]))
    assert set(nodes["id"]) == set(her_cast.graph)
    assert len(edges) == her_cast.graph.number_of_edges()
    assert edges["weight"].sum() == her_cast.graph.size(weight="weight")
    assert list(metrics.columns[:4]) == ["id", "label", "kind", "mentions"]
    assert metrics.iloc[0]["id"] == "Theodore"


def test_exports_are_byte_identical_across_runs(her_path, files):
    again = graphkit.analyze(her_path).files()
    for name in OUTPUT_FILES:
        assert again[name] == files[name], name


def test_gexf_has_no_timestamp(files):
    assert b"lastmodifieddate" not in files["graph.gexf"]


def test_lists_are_joined_in_flat_formats():
    g = nx.Graph()
    g.add_node("A", aliases=["Al", "Alf"])
    g.add_node("B", aliases=[])
    g.add_edge("A", "B", weight=1, evidence=[2, 5])
    assert b"Al;Alf" in render(g, "graphml")
    assert b"2;5" in render(g, "edges")


def test_write_files_is_all_or_nothing(tmp_path):
    ok = tmp_path / "out"
    write_files({ok / "a.txt": b"a", ok / "b.txt": b"b"})
    assert sorted(p.name for p in ok.iterdir()) == ["a.txt", "b.txt"]
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(OutputError):
        write_files({tmp_path / "new" / "a.txt": b"a", blocker / "sub" / "b.txt": b"b"})
    assert not (tmp_path / "new").exists()
    assert not list(tmp_path.glob("**/.*.tmp"))


def test_empty_graph_exports(tmp_path):
    a = graphkit.analyze_text("the rain fell on the quiet town all night long.")
    assert a.graph.number_of_nodes() == 0
    assert a.metrics.empty and int(a.summary.iloc[0]["nodes"]) == 0
    written = a.export(tmp_path / "empty")
    assert {p.name for p in written} == set(OUTPUT_FILES)
    assert read_graphml(tmp_path / "empty" / "graph.graphml").number_of_nodes() == 0
