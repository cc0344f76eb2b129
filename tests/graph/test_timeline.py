"""Graphs over narrative time: segments, until(N), dynamic GEXF, timeline.png."""

from __future__ import annotations

import io

import networkx as nx
import pytest
from click.testing import CliRunner

import graphkit
from graphkit.cli import main
from graphkit.errors import OptionError
from graphkit.exporters import gexf_bytes
from graphkit.graph.timeline import spells
from tests.conftest import FIXTURES, shared_file

CHAPTERS = "CHAPTER I\n\nAnn met Bob.\n\nCHAPTER II\n\nBob met Cy. Ann waved.\n\nCHAPTER III\n\nCy met Ann."


@pytest.fixture(scope="module")
def novel():
    return graphkit.analyze_text(CHAPTERS, name="novel")


def test_prose_segments_are_chapters_else_paragraphs(novel):
    assert [s.title for s in novel.segments] == ["CHAPTER I", "CHAPTER II", "CHAPTER III"]
    flat = graphkit.analyze_text("Ann met Bob.\n\nBob met Cy.\n\nCy left.")
    assert [s.title for s in flat.segments] == ["¶1", "¶2", "¶3"]
    assert flat.graph.nodes["Cy"]["segments"] == [1, 2]


def test_nodes_and_edges_record_their_segments(novel):
    g = novel.graph
    assert g.nodes["Ann"]["segments"] == [0, 1, 2]
    assert g.edges["Ann", "Bob"]["segments"] == [0]
    assert g.edges["Ann", "Cy"]["segments"] == [2]
    assert g.graph["segments"] == 3


def test_until_keeps_only_the_first_segments(novel):
    first = novel.until(1)
    assert set(first.graph) == {"Ann", "Bob"}
    assert list(first.graph.edges(data="weight")) == [("Ann", "Bob", 1)]
    two = novel.until(2)
    assert set(two.graph) == {"Ann", "Bob", "Cy"} and not two.graph.has_edge("Ann", "Cy")
    assert two.graph.nodes["Ann"]["mentions"] == 2
    assert sorted(novel.until(99).graph.edges(data="weight")) == sorted(
        novel.graph.edges(data="weight")
    )
    with pytest.raises(OptionError):
        novel.until(0)


def test_until_on_a_play_keeps_node_attributes():
    a = graphkit.analyze(FIXTURES / "tiny_play.xml", until=2)
    assert set(a.graph) == {"Ann", "Bob", "Cy", "The Guards"}
    assert a.graph.nodes["The Guards"]["tei_id"] == "guards"
    assert a.graph.graph["until"] == 2


def test_conversation_until_stays_directed():
    a = graphkit.analyze(FIXTURES / "tiny_play.xml", interaction="conversation").until(2)
    assert a.graph.is_directed() and a.graph.has_edge("The Guards", "Bob")


def test_spells_are_runs_of_segments(novel):
    s = spells(novel.graph)
    assert s["Ann"] == [(0, 3)]
    assert s["Bob"] == [(0, 2)]
    assert s[("Ann", "Cy")] == [(2, 3)] or s[("Cy", "Ann")] == [(2, 3)]


def test_dynamic_gexf_reads_back_with_networkx(novel, tmp_path):
    novel.export(tmp_path)
    g = nx.read_gexf(tmp_path / "graph.gexf")
    assert g.graph["mode"] == "dynamic"
    assert g.nodes["Cy"]["spells"] == [(1.0, 3.0)]
    assert g.edges["Ann", "Bob"]["spells"] == [(0.0, 1.0)]
    assert g.edges["Ann", "Bob"]["weight"] == 1.0


def test_directed_gexf_reads_back_directed():
    a = graphkit.analyze(FIXTURES / "tiny_play.xml", interaction="conversation")
    g = nx.read_gexf(io.BytesIO(gexf_bytes(a.graph, spells=spells(a.graph))))
    assert g.is_directed() and g.has_edge("Dot", "Ann") and not g.has_edge("Ann", "Dot")
    assert g.edges["Dot", "Ann"]["spells"] == [(3.0, 4.0)]


def test_exports_are_byte_identical_and_include_the_timeline(tmp_path):
    a = graphkit.analyze(FIXTURES / "tiny.dat")
    b = graphkit.analyze(FIXTURES / "tiny.dat")
    fa, fb = a.files(), b.files()
    assert fa.keys() == fb.keys() and "timeline.png" in fa
    assert fa["timeline.png"].startswith(b"\x89PNG") and fa["timeline.png"] == fb["timeline.png"]
    assert fa["graph.gexf"] == fb["graph.gexf"]


def test_timeline_rows_follow_first_appearance():
    from graphkit.views.timeline import timeline_rows

    a = graphkit.analyze(FIXTURES / "tiny_play.xml")
    scores = dict(zip(a.metrics["id"], a.metrics["pagerank"], strict=True))
    assert timeline_rows(a.graph, scores) == ["Bob", "Ann", "Cy", "The Guards", "Dot"]


def test_cli_until_and_input_format(tmp_path):
    runner = CliRunner()
    out = tmp_path / "out"
    result = runner.invoke(
        main, ["analyze", str(FIXTURES / "tiny.dat"), "--until", "1", "-o", str(out)]
    )
    assert result.exit_code == 0, result.output
    assert (
        "3 characters, 2 links" in result.output
    )  # chapter 1: {Anné, Bob} {Bob, Cyrano} and (out / "timeline.png").exists()
    forced = runner.invoke(
        main, ["metrics", str(FIXTURES / "tiny_play.xml"), "--input-format", "text", "-f", "csv"]
    )
    assert forced.exit_code == 0  # read as prose: no error, a different (text) analysis
    talk = runner.invoke(
        main, ["metrics", str(FIXTURES / "tiny.txt"), "--interaction", "conversation"]
    )
    assert talk.exit_code == 0, talk.output  # prose: the conversation graph of its quotations


def test_david_copperfield_timeline_has_every_chapter():
    a = graphkit.analyze(shared_file("coappearance", "david.dat"))
    fig = a.plot_timeline()
    ax = fig.axes[0]
    assert ax.get_xlim() == (-0.5, 63.5)
    labels = [t.get_text() for t in ax.get_yticklabels()]
    assert labels[0] == "David Copperfield" and len(labels) == 30  # the top 30 by default
    every = a.plot_timeline(top=100).axes[0].get_yticklabels()
    assert len(every) == a.graph.number_of_nodes()
