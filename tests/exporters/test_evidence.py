"""Evidence (the sentences behind every edge) in every export format."""

from __future__ import annotations

import csv
import io
import json

import networkx as nx

from graphkit.exporters import render
from graphkit.exporters.graphml import read_graphml


def test_evidence_in_every_export(her_cast):
    edge = ("Amy", "Theodore")
    data = her_cast.graph.edges[edge]
    assert data["relation_evidence"] == {"friend": [71]}
    j = json.loads(render(her_cast.graph, "json"))
    link = next(e for e in j["edges"] if {e["source"], e["target"]} == set(edge))
    assert link["relations"] == [{"type": "friend", "source": "Amy", "target": "Theodore"}]
    for fmt, reader in (("graphml", read_graphml), ("gexf", nx.read_gexf)):
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
