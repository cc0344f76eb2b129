"""Hostile names and sentences: every export still parses, spreadsheets run no formula."""

from __future__ import annotations

import csv
import io
import json
import xml.etree.ElementTree as ET

import networkx as nx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import graphkit
from graphkit.exporters import EXPORTERS, render
from graphkit.exporters.graphml import read_graphml


def _hostile_graph() -> nx.Graph:
    g = nx.Graph(name="t")
    g.add_node("Ann\x07e", label="Ann\x07e", kind="character", aliases=["A\x1bn"], mentions=2)
    g.add_node('=HYPERLINK("x")', label="@SUM(1)", kind="character", aliases=[], mentions=1)
    g.add_node("Bob\ufffe", label="Bob", kind="character", aliases=[], mentions=1)
    g.add_edge("Ann\x07e", '=HYPERLINK("x")', weight=1, evidence=[0])
    g.add_edge("Ann\x07e", "Bob\ufffe", weight=2, evidence=[0, 1])
    return g


@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
def test_xml_exports_parse_with_control_characters_in_names(fmt):
    data = render(_hostile_graph(), fmt)
    ET.fromstring(data)  # raises on a character XML cannot hold
    g = read_graphml(io.BytesIO(data)) if fmt == "graphml" else nx.read_gexf(io.BytesIO(data))
    assert g.number_of_nodes() == 3 and g.number_of_edges() == 2
    assert "Ann\ufffde" in g


def test_json_keeps_the_original_names():
    data = json.loads(render(_hostile_graph(), "json"))
    assert {n["id"] for n in data["nodes"]} >= {"Ann\x07e", '=HYPERLINK("x")'}


def test_csv_cells_that_look_like_formulas_are_guarded():
    rows = list(csv.DictReader(io.StringIO(render(_hostile_graph(), "nodes").decode())))
    cells = {r["id"]: r["label"] for r in rows}
    assert cells['\'=HYPERLINK("x")'] == "'@SUM(1)"
    assert all(not v.startswith(("=", "+", "-", "@")) for r in rows for v in r.values())


def test_a_csv_cast_with_control_characters_gives_parseable_exports(tmp_path):
    (tmp_path / "t.txt").write_text("Ann met Bob. Ann left.", encoding="utf-8")
    (tmp_path / "t.cast.csv").write_text("name,aliases,kind,work\nAnn\x07,Ann,character,\n")
    a = graphkit.analyze(tmp_path / "t.txt")
    for name in ("graphml", "gexf"):
        ET.fromstring(EXPORTERS[name].render(a))


def test_cli_tables_guard_formulas(tmp_path):
    from click.testing import CliRunner

    from graphkit.cli import main

    (tmp_path / "t.txt").write_text("Ann met Bob. Ann left.", encoding="utf-8")
    (tmp_path / "t.cast.csv").write_text("name,aliases,kind,work\n=Ann,Ann,character,\n")
    for args in (["characters", "-f", "csv"], ["mentions", "-f", "csv"], ["metrics", "-f", "csv"]):
        r = CliRunner().invoke(main, [args[0], str(tmp_path / "t.txt"), *args[1:]])
        assert r.exit_code == 0, r.output
        assert "'=Ann" in r.output and "\n=Ann" not in r.output and ",=Ann" not in r.output


def test_a_lone_surrogate_from_the_api_exports(tmp_path):
    a = graphkit.analyze_text("Alice met Bob\udc80. Alice left.")
    for exporter in EXPORTERS.values():
        exporter.render(a).decode("utf-8")  # encodable and decodable


_TEXT = st.text(
    alphabet=st.characters(codec=None, blacklist_categories=()), min_size=0, max_size=300
) | st.lists(st.sampled_from(["Ann", "Bob", "said", "=X", ".", "\x07", "\ud800", "\n\n", " "]),
             max_size=60).map(" ".join)  # fmt: skip


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_TEXT)
def test_any_string_exports_and_parses_back(text):
    a = graphkit.analyze_text(text)
    files = {e.name: e.render(a) for e in EXPORTERS.values()}
    read_graphml(io.BytesIO(files["graphml"]))
    nx.read_gexf(io.BytesIO(files["gexf"]))
    nx.node_link_graph(json.loads(files["json"]), edges="edges")
    for name in ("nodes", "edges", "metrics", "evidence"):
        list(csv.reader(io.StringIO(files[name].decode("utf-8"))))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_TEXT)
def test_any_string_exported_to_a_folder_parses_back(text):
    """``analyze_text(s).export(dir)``, then every file read back from disk by a real parser."""
    import tempfile
    from pathlib import Path

    a = graphkit.analyze_text(text)
    with tempfile.TemporaryDirectory() as tmp:
        written = a.export(Path(tmp) / "out", pictures=False)
        files = {p.name: p for p in written}
        assert sorted(files) == sorted(e.filename for e in EXPORTERS.values())
        for name in ("graph.graphml", "graph.gexf"):
            ET.parse(files[name])  # well-formed XML: no control character, no surrogate
        g = nx.read_graphml(files["graph.graphml"])
        assert g.number_of_nodes() == a.graph.number_of_nodes()
        assert nx.read_gexf(files["graph.gexf"]).number_of_edges() == a.graph.number_of_edges()
        data = json.loads(files["graph.json"].read_text(encoding="utf-8"))
        assert len(data["nodes"]) == a.graph.number_of_nodes()
        for name in ("nodes.csv", "edges.csv", "metrics.csv", "evidence.csv"):
            with open(files[name], encoding="utf-8", newline="") as fh:
                rows = list(csv.reader(fh))
            assert rows and all(len(r) == len(rows[0]) for r in rows)
        assert not [p for p in Path(tmp).iterdir() if p.name != "out"]  # no temporary left
