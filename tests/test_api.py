"""The Python API as a notebook user meets it."""

from __future__ import annotations

import subprocess
import sys

import networkx as nx
import pytest
import yaml

import graphkit
from tests.conftest import FIXTURES


def test_import_is_light():
    code = "import sys, graphkit; print('pandas' in sys.modules, 'matplotlib' in sys.modules, 'networkx' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "False", "False"]


def test_tiny_fixture_matches_the_hand_checked_graph():
    expected = yaml.safe_load((FIXTURES / "tiny.expected.yml").read_text(encoding="utf-8"))
    a = graphkit.analyze(FIXTURES / "tiny.txt", cast=False)
    assert sorted(a.graph) == sorted(expected["nodes"])
    assert sorted(a.graph.edges(data="weight")) == sorted(tuple(e) for e in expected["edges"])


@pytest.mark.parametrize(("window", "edges"), [("sentence", 4), ("paragraph", 4), (3, 3)])
def test_windows(window, edges):
    a = graphkit.analyze(FIXTURES / "tiny.txt", cast=False, window=window)
    assert a.graph.number_of_edges() == edges


def test_analysis_object(her_cast):
    assert isinstance(her_cast.graph, nx.Graph)
    assert {"id", "kind", "aliases", "mentions"} <= set(her_cast.characters.columns)
    assert her_cast.metrics is her_cast.metrics  # computed once
    ego = her_cast.ego("theodore")  # names resolve case-insensitively
    assert "Theodore" in ego and "Amy" in ego
    ev = her_cast.evidence("Theodore", "Amy")
    assert len(ev) >= 1 and all("Amy" in t and "Theodore" in t for t in ev["text"])
    assert "<b>graphkit analysis" in her_cast._repr_html_()
    fig = her_cast.plot()
    assert fig.axes


def test_unknown_window_is_an_error():
    with pytest.raises(graphkit.GraphkitError):
        graphkit.analyze_text("Ann met Bob.", window="chapter")


def test_cast_csv(tmp_path):
    cast = tmp_path / "c.csv"
    cast.write_text(
        "name,aliases,kind\nElizabeth Bennet,Lizzy;Elizabeth,character\nMr. Darcy,Darcy,character\n",
        encoding="utf-8",
    )
    a = graphkit.analyze_text("Lizzy laughed at Darcy. Elizabeth and Mr. Darcy danced.", cast=cast)
    assert a.graph.edges["Elizabeth Bennet", "Mr. Darcy"]["weight"] == 2


def test_analyze_text_takes_the_options_of_analyze_on_prose():
    text = (FIXTURES / "conversation.txt").read_text(encoding="utf-8")
    path = FIXTURES / "conversation.txt"
    for kw in ({"interaction": "conversation"}, {"quotes": True}, {"quotes": True, "until": 1}):
        from_text = graphkit.analyze_text(text, min_mentions="auto", **kw)
        from_file = graphkit.analyze(path, **kw)
        assert sorted(from_text.graph.edges(data="quotes")) == sorted(
            from_file.graph.edges(data="quotes")
        ), kw
    assert graphkit.analyze_text(text, interaction="conversation").graph.is_directed()
    with pytest.raises(graphkit.GraphkitError, match="unknown interaction"):
        graphkit.analyze_text(text, interaction="chat")
