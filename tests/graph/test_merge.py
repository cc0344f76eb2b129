"""Several texts in one graph, and merging exported graphs."""

from __future__ import annotations

from pathlib import Path

import networkx as nx
import pytest
from click.testing import CliRunner

import graphkit
from graphkit.cli import main
from graphkit.exporters import read_graph
from graphkit.graph.merge import merge_files, merge_graphs
from tests.conftest import FIXTURES

LOST = FIXTURES / "relations" / "lost_in_translation.txt"


@pytest.fixture(scope="module")
def both(her_path):
    return graphkit.analyze([her_path, LOST])


def test_two_texts_share_nodes_and_record_sources(both, her_cast):
    g = both.graph
    assert g.nodes["Scarlett Johansson"]["sources"] == ["her", "lost_in_translation"]
    assert g.nodes["Theodore"]["sources"] == ["her"]
    assert g.nodes["Bill Murray"]["sources"] == ["lost_in_translation"]
    assert g.edges["Sofia Coppola", "Lost in Translation"]["sources"] == [
        "her",
        "lost_in_translation",
    ]
    # "Coppola" alone in the second text joins "Sofia Coppola" of the first.
    assert "Coppola" not in g
    assert g.nodes["Sofia Coppola"]["mentions"] > her_cast.graph.nodes["Sofia Coppola"]["mentions"]


def test_sentence_numbers_run_on_across_texts(both, her_cast):
    n = len(her_cast.document.sentences)
    plays = both.graph.edges["Scarlett Johansson", "Charlotte"]["relation_evidence"]["plays"]
    assert plays[0] < n <= plays[-1]
    assert "Bill Murray" in both.document.sentence_text(n + 2)
    types = {(r.source, r.type, r.target) for r in both.relations}
    assert ("Sofia Coppola", "created", "Lost in Translation") in types
    assert ("Bob Harris", "friend", "Charlotte") in types
    assert not any(
        r.type == "romantic" and "Bob Harris" in (r.source, r.target) for r in both.relations
    )


def test_evidence_dataframe_of_a_merged_analysis(both):
    df = both.evidence("Charlotte", "Johansson")
    assert list(df.columns) == ["sentence", "types", "text"]
    assert df["types"].str.contains("plays").sum() == 2


def test_merge_exported_graphs_matches_merged_analysis(tmp_path, both, her_path):
    paths = []
    for p in (her_path, LOST):
        out = tmp_path / Path(p).stem
        graphkit.analyze(p).export(out)
        paths.append(out / "graph.graphml")
    merged = merge_files(paths, tmp_path / "both.json")
    assert set(merged) == set(both.graph)
    assert {frozenset(e) for e in merged.edges()} == {frozenset(e) for e in both.graph.edges()}
    d = merged.edges["Scarlett Johansson", "Charlotte"]
    assert (
        d["relation_evidence"]
        == both.graph.edges["Scarlett Johansson", "Charlotte"]["relation_evidence"]
    )
    again = read_graph(tmp_path / "both.json")
    assert again.nodes["Scarlett Johansson"]["sources"] == ["her", "lost_in_translation"]


def test_cli_analyze_merge_and_merge_command(tmp_path, her_path):
    runner = CliRunner()
    out = tmp_path / "both"
    r = runner.invoke(main, ["analyze", str(her_path), str(LOST), "--merge", "--out", str(out)])
    assert r.exit_code == 0, r.output
    assert (out / "evidence.csv").is_file() and (out / "network.png").is_file()
    g = read_graph(out / "graph.graphml")
    assert g.nodes["Scarlett Johansson"]["sources"] == "her;lost_in_translation"
    r = runner.invoke(
        main,
        [
            "merge",
            str(out / "graph.graphml"),
            str(out / "graph.gexf"),
            "-o",
            str(tmp_path / "m.graphml"),
        ],
    )
    assert r.exit_code == 0, r.output
    r = runner.invoke(
        main, ["merge", str(tmp_path / "nope.graphml"), "-o", str(tmp_path / "x.graphml")]
    )
    assert r.exit_code == 1 and "no such graph file" in r.output


def test_until_on_a_merged_analysis_keeps_the_links(both, her_cast):
    first = both.until(1)  # segment 1 is the first text
    assert first.graph.number_of_edges() == her_cast.graph.number_of_edges()
    assert all(
        d["sources"] == ["her"] or "her" in d["sources"] for _, d in first.graph.nodes(data=True)
    )
    assert both.until(2).graph.number_of_edges() == both.graph.number_of_edges()
    assert sum(i.weight for i in both.interactions) == sum(
        w for _, _, w in both.graph.edges(data="weight")
    )


def test_merging_the_same_source_again_counts_it_once(her_cast, tmp_path):
    g = her_cast.graph
    once = graphkit.analyze([graphkit.example()]).graph
    thrice = merge_graphs([g, g, g])
    pair = ("Theodore", "Samantha")
    assert thrice.edges[pair]["weight"] == g.edges[pair]["weight"] == once.edges[pair]["weight"]
    assert thrice.graph["sources"] == [g.graph["name"]]
    # Read back from every export format, the same source is still recognised, and a merged
    # graph already holding it absorbs it too.
    her_cast.export(tmp_path / "her")
    files = [tmp_path / "her" / f"graph.{fmt}" for fmt in ("graphml", "gexf", "json")]
    merged = merge_files(files, tmp_path / "m.json")
    assert merged.edges[pair]["weight"] == g.edges[pair]["weight"]
    again = merge_files(
        [tmp_path / "m.json", files[0], _lost_graph(tmp_path)], tmp_path / "m2.json"
    )
    assert again.edges[pair]["weight"] == g.edges[pair]["weight"]
    assert len(again.graph["sources"]) == 2  # the merge and the new text


def _lost_graph(tmp_path: Path) -> Path:
    graphkit.analyze(LOST).export(tmp_path / "lost")
    return tmp_path / "lost" / "graph.json"


def test_cli_merge_says_which_inputs_were_already_in(tmp_path, her_cast):
    her_cast.export(tmp_path / "her")
    src = str(tmp_path / "her" / "graph.graphml")
    r = CliRunner().invoke(main, ["merge", src, src, "-o", str(tmp_path / "m.graphml")])
    assert r.exit_code == 0, r.output
    assert "1 already in the merge, counted once" in r.output


def test_merging_conversation_graphs_keeps_direction_and_speech():
    a = nx.DiGraph(name="a", sentences=4)
    a.add_node("Ann", quotes=2, words_spoken=7)
    a.add_node("Bob", quotes=1, words_spoken=1)
    a.add_edge("Ann", "Bob", weight=2, evidence=[0, 2], quotes=2, inferred=1, quotations=[0, 2])
    a.add_edge("Bob", "Ann", weight=1, evidence=[1], quotes=1, inferred=1, quotations=[1])
    b = nx.DiGraph(name="b", sentences=2)
    b.add_node("Ann", quotes=1, words_spoken=3)
    b.add_node("Cy", quotes=0, words_spoken=0)
    b.add_edge("Ann", "Bob", weight=1, evidence=[1], quotes=1, inferred=0, quotations="0")
    g = merge_graphs([a, b])
    assert g.is_directed() and not g.has_edge("Cy", "Ann")
    assert (g.nodes["Ann"]["quotes"], g.nodes["Ann"]["words_spoken"]) == (3, 10)
    e = g.edges["Ann", "Bob"]
    assert (e["weight"], e["quotes"], e["inferred"]) == (3, 3, 1)
    assert e["quotations"] == [0, 2, 3] and e["evidence"] == [0, 2, 5]
    assert g.edges["Bob", "Ann"]["quotes"] == 1
    # co-occurrence graphs gain nothing
    assert "quotes" not in merge_graphs([nx.Graph(name="c")]).graph
