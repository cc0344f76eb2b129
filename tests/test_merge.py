"""Several texts in one graph, merging exported graphs, `explain`, and evidence in every export."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import networkx as nx
import pytest
from click.testing import CliRunner

import graphkit
from graphkit.cli import main
from graphkit.exporters import render
from graphkit.graph.merge import merge_files, read_graph

LOST = Path(__file__).resolve().parent / "fixtures" / "relations" / "lost_in_translation.txt"


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
    g = nx.read_graphml(out / "graph.graphml")
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


def test_cli_explain_prints_sentences_and_types(her_path):
    r = CliRunner().invoke(main, ["explain", str(her_path), "Jonze", "Coppola", "--no-cast"])
    assert r.exit_code == 0, r.output
    assert "Sofia Coppola ex_spouse Spike Jonze" in r.output
    assert "[62] ex_spouse" in r.output and "divorced a few years later" in r.output
    r = CliRunner().invoke(main, ["explain", str(her_path), "Theodore", "Nobody"])
    assert r.exit_code == 1 and "no character called 'Nobody'" in r.output


def test_evidence_in_every_export(her_cast):
    edge = ("Amy", "Theodore")
    data = her_cast.graph.edges[edge]
    assert data["relation_evidence"] == {"friend": [71]}
    j = json.loads(render(her_cast.graph, "json"))
    link = next(e for e in j["edges"] if {e["source"], e["target"]} == set(edge))
    assert link["relations"] == [{"type": "friend", "source": "Amy", "target": "Theodore"}]
    for fmt, reader in (("graphml", nx.read_graphml), ("gexf", nx.read_gexf)):
        g = reader(io.BytesIO(render(her_cast.graph, fmt)))
        assert g.edges[edge]["relations"] == "Amy friend Theodore", fmt
        assert g.edges[edge]["relation_evidence"] == "friend:71", fmt
    rows = list(csv.DictReader(io.StringIO(render(her_cast.graph, "edges").decode("utf-8"))))
    row = next(r for r in rows if {r["source"], r["target"]} == set(edge))
    assert row["relation_evidence"] == "friend:71"
    ev = list(csv.DictReader(io.StringIO(her_cast.files()["evidence.csv"].decode("utf-8"))))
    assert list(ev[0]) == ["source", "target", "type", "sentence", "text"]
    friend = [r for r in ev if r["type"] == "friend"]
    assert friend == [
        {
            "source": "Amy",
            "target": "Theodore",
            "type": "friend",
            "sentence": "71",
            "text": her_cast.document.sentence_text(71),
        }
    ]
    assert {r["type"] for r in ev} >= {"co-occurrence", "plays", "ex_spouse", "related_work"}


def test_relations_only_picture_draws_only_typed_edges(her_cast):
    from graphkit.graph.ops import relation_subgraph

    h = relation_subgraph(her_cast.graph)
    assert h.number_of_edges() == 14 and all(d["relations"] for _, _, d in h.edges(data=True))
    assert her_cast.files(relations_only=True)["network.png"].startswith(b"\x89PNG")
