"""TEI drama: the hand-made fixture, DraCor's Romeo and Juliet, hostile XML."""

from __future__ import annotations

import re
from collections import Counter
from itertools import combinations

import pytest
from click.testing import CliRunner

import graphkit
from graphkit.cli import main
from graphkit.errors import InputError
from graphkit.io.readers import detect_format
from graphkit.io.readers.tei import parse_tei
from tests.conftest import FIXTURES, shared_file


@pytest.fixture(scope="module")
def tiny():
    return graphkit.analyze(FIXTURES / "tiny_play.xml")


def test_tiny_segments_follow_dracor(tiny):
    # Scenes of act 1 (the empty dumb show included), and act 2 without scenes as one segment.
    assert [s.title for s in tiny.segments] == [
        "ACT 1, Scene 1",
        "ACT 1, Scene 2",
        "ACT 1, Scene 3",
        "ACT 2",
    ]


def test_tiny_co_presence_weights_by_hand(tiny):
    assert sorted(tiny.graph.edges(data="weight")) == [
        ("Ann", "Bob", 2),
        ("Ann", "Cy", 1),
        ("Ann", "Dot", 1),
        ("Bob", "Cy", 1),
        ("Bob", "Dot", 1),
        ("Bob", "The Guards", 1),
    ]
    assert tiny.graph.edges["Ann", "Bob"]["segments"] == [0, 3]


def test_tiny_cast_labels_ids_and_silent_roles(tiny):
    g = tiny.graph
    assert "Eve" not in g  # listed, never speaks
    assert g.nodes["The Guards"]["tei_id"] == "guards"  # personGrp kept, xml:id as attribute
    assert g.nodes["Ann"]["mentions"] == 3  # speech turns
    assert g.nodes["Cy"]["segments"] == [0]  # spoke in a shared turn (who="#bob #cy")


def test_tiny_evidence_points_at_the_turn(tiny):
    ev = tiny.evidence("Bob", "The Guards")
    assert ev["text"].tolist() == ["The Guards: Friends!"]


def test_conversation_is_directed_turn_by_turn():
    a = graphkit.analyze(FIXTURES / "tiny_play.xml", interaction="conversation")
    g = a.graph
    assert g.is_directed()
    # Act 2: Ann -> Bob -> Dot -> Ann; scene 1.2: Bob -> Guards -> Bob.
    assert (
        g.edges["Bob", "The Guards"]["weight"] == 1 and g.edges["The Guards", "Bob"]["weight"] == 1
    )
    assert g.edges["Dot", "Ann"]["weight"] == 1 and not g.has_edge("Ann", "Dot")
    assert set(a.metrics["id"]) == set(g)  # metrics work on the directed graph


def test_billion_laughs_is_refused_with_one_line():
    with pytest.raises(InputError, match="entit"):
        parse_tei((FIXTURES / "bomb.xml").read_bytes(), "bomb.xml")
    result = CliRunner().invoke(main, ["analyze", str(FIXTURES / "bomb.xml"), "-o", "unused"])
    assert result.exit_code == 1
    assert result.output.count("\n") == 1 and "unsafe" in result.output
    assert "Traceback" not in result.output


def test_broken_xml_is_one_clear_error(tmp_path):
    result = CliRunner().invoke(
        main, ["analyze", str(FIXTURES / "broken.xml"), "-o", str(tmp_path)]
    )
    assert result.exit_code == 1
    assert "not well-formed XML (line 3" in result.output
    assert result.output.count("\n") == 1


def test_xml_that_is_not_tei(tmp_path):
    p = tmp_path / "note.xml"
    p.write_text("<?xml version='1.0'?><note><to>Ann</to></note>", encoding="utf-8")
    assert detect_format(p.read_bytes(), str(p)) == "tei"
    with pytest.raises(InputError, match="not TEI"):
        graphkit.analyze(p)


# --- DraCor's Romeo and Juliet ------------------------------------------------------------


@pytest.fixture(scope="module")
def romeo():
    return graphkit.analyze(shared_file("plays", "romeo-and-juliet.xml"))


def test_romeo_segments_and_cast(romeo):
    # Prologue, 24 scenes, the act-2 chorus: DraCor's 26 segments.
    assert len(romeo.segments) == 26
    assert romeo.segments[0].title == "THE PROLOGUE"
    assert romeo.segments[6].title == "ACT 2, Chorus"
    assert romeo.graph.number_of_nodes() == 38
    assert romeo.graph.nodes["Escalus"]["tei_id"] == "PrinceEscalus_Rom"


def test_romeo_weights_checked_by_hand(romeo):
    g = romeo.graph
    # Romeo and Juliet both speak in 1.5, 2.2, 2.6, 3.5 and 5.3.
    assert g.edges["Romeo", "Juliet"]["weight"] == 5
    assert g.edges["Romeo", "Juliet"]["segments"] == [5, 8, 12, 17, 25]
    assert g.edges["Mercutio", "Tybalt"]["weight"] == 1  # 3.1 only
    assert g.edges["Benvolio", "Romeo"]["weight"] == 7
    assert g.edges["Capulet", "Lady Capulet"]["weight"] == 7
    assert g.edges["Friar Lawrence", "Juliet"]["weight"] == 3  # 2.6, 4.1, 5.3
    assert not g.has_edge("Mercutio", "Juliet")  # they never speak in one scene


def test_romeo_matches_an_independent_count(romeo):
    """Every weight equals a regex count of shared speaking segments in the raw XML."""
    xml = shared_file("plays", "romeo-and-juliet.xml").read_text(encoding="utf-8")
    weights: Counter = Counter()
    for part in re.split(r'<div type="(?:scene|prologue|chorus)"', xml)[1:]:
        part = part.split('<div type="act"')[0]
        who = {w for m in re.findall(r'<sp [^>]*who="([^"]*)"', part) for w in m.split()}
        for pair in combinations(sorted(who), 2):
            weights[pair] += 1
    tei_id = {n: "#" + d["tei_id"] for n, d in romeo.graph.nodes(data=True)}
    mine = Counter(
        {tuple(sorted((tei_id[u], tei_id[v]))): w for u, v, w in romeo.graph.edges(data="weight")}
    )
    assert mine == weights
