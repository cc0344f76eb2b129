"""n-member scenes and groups: the clique is capped, the run is bounded, and the output says so."""

from __future__ import annotations

import io
import itertools
import json
import string
import xml.etree.ElementTree as ET

import networkx as nx
import pytest
from click.testing import CliRunner

import graphkit
from graphkit.cli import main
from graphkit.io.readers import read_script
from graphkit.pipeline.structured import (
    CLIQUE_LIMIT,
    SPOKES,
    script_document,
    script_interactions,
)


def _bound(n: int) -> int:
    return CLIQUE_LIMIT * (CLIQUE_LIMIT - 1) // 2 + SPOKES * (n - CLIQUE_LIMIT)


def _tei_who(n: int, extra: str = "") -> str:
    who = " ".join(f"#p{i}" for i in range(n))
    return (
        '<?xml version="1.0"?><TEI xmlns="http://www.tei-c.org/ns/1.0"><text><body>'
        f'<div type="scene"><sp who="{who}"><l>All speak.</l></sp>{extra}</div>'
        "</body></text></TEI>"
    )


def _sgb(n: int) -> str:
    alphabet = string.ascii_uppercase + string.digits
    codes = ["".join(p) for p in itertools.product(alphabet, repeat=2)][:n]
    cast = "".join(f"{c} Person {c}\n" for c in codes)
    return cast + "\n1:" + ",".join(codes) + "\n"


def test_one_who_naming_800_speakers(tmp_path):
    path = tmp_path / "who.xml"
    path.write_text(_tei_who(800, '<sp who="#p7"><l>Again.</l></sp>'), encoding="utf-8")
    a = graphkit.analyze(path)
    g = a.graph
    assert g.number_of_nodes() == 800
    assert g.number_of_edges() == _bound(800) < 800 * 799 // 2
    assert len(g.graph["capped"]) == 1
    # p7 speaks twice: the most present member is a hub every member is linked to.
    assert g.degree("p7") == 799
    files = a.files(pictures=False)
    ET.fromstring(files["graph.graphml"])
    assert len(json.loads(files["graph.json"])["edges"]) == _bound(800)


def test_a_dat_group_of_1296_characters(tmp_path):
    path = tmp_path / "big.dat"
    path.write_text(_sgb(1296), encoding="utf-8")
    a = graphkit.analyze(path)
    assert a.graph.number_of_edges() == _bound(1296)
    assert len(a.graph.graph["capped"]) == 1
    nx.read_gexf(io.BytesIO(a.files(pictures=False)["graph.gexf"]))


def test_a_fountain_scene_with_100k_distinct_cues(tmp_path):
    n = 100_000
    lines = ["INT. HALL - DAY", ""]
    for i in range(n):
        lines += [f"PERSON{i}", "Hi.", ""]
    lines += ["EXT. ROAD - DAY", "", "PERSON1", "Bye.", ""]
    path = tmp_path / "crowd.fountain"
    path.write_text("\n".join(lines), encoding="utf-8")
    script = read_script(path)
    doc, mentions, _ = script_document(script)
    found = script_interactions(script, doc, mentions, "co-presence")
    assert len(found) == _bound(n)
    talk = script_interactions(script, doc, mentions, "conversation")
    assert len(talk) == n - 1  # one cue after another: a chain, already linear


def test_small_scenes_keep_the_whole_clique(tmp_path):
    path = tmp_path / "few.xml"
    path.write_text(_tei_who(CLIQUE_LIMIT), encoding="utf-8")
    g = graphkit.analyze(path).graph
    assert g.number_of_edges() == CLIQUE_LIMIT * (CLIQUE_LIMIT - 1) // 2
    assert "capped" not in g.graph


@pytest.mark.parametrize("interaction", ["co-presence", "conversation"])
def test_the_cli_says_the_clique_was_capped(tmp_path, interaction):
    who = " ".join(f"#p{i}" for i in range(CLIQUE_LIMIT + 10))
    extra = f'<sp who="{who}"><l>Again.</l></sp>'
    path = tmp_path / "crowd.xml"
    path.write_text(_tei_who(CLIQUE_LIMIT + 10, extra), encoding="utf-8")
    args = ["analyze", str(path), "-o", str(tmp_path / "out"), "--interaction", interaction]
    r = CliRunner().invoke(main, args)
    assert r.exit_code == 0, r.output
    assert r.stderr.startswith("Warning: 1 segment has over") and r.stderr.count("\n") == 1
    assert "Warning" not in r.stdout
    g = nx.read_graphml(tmp_path / "out" / "graph.graphml")
    assert "capped" in g.graph
