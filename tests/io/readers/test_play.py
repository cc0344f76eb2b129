"""Plain-text plays: the hand-made fixture, and Gutenberg's Romeo and Juliet against DraCor's."""

from __future__ import annotations

import pytest

import graphkit
from graphkit.errors import InputError
from graphkit.io.readers import detect_format
from graphkit.io.readers.play import parse_play
from tests.conftest import FIXTURES, shared_file


@pytest.fixture(scope="module")
def tiny():
    return graphkit.analyze(FIXTURES / "tiny_play.txt")


def test_detected_as_play():
    p = FIXTURES / "tiny_play.txt"
    assert detect_format(p.read_bytes(), str(p)) == "play"


def test_contents_are_skipped_and_a_chorus_between_acts_is_a_segment(tiny):
    assert [s.title for s in tiny.segments] == [
        "ACT I, SCENE I. A street.",
        "ACT I, SCENE II. A house.",
        "ACT II",
        "ACT II, SCENE I. The street again.",
    ]


def test_abbreviations_map_to_the_dramatis_personae(tiny):
    g = tiny.graph
    assert set(g) == {
        "Romulus",
        "First Citizen",
        "Second Citizen",
        "Capello",
        "Lady Capella",
        "Otto",
        "Chorus",
    }
    assert g.nodes["Romulus"]["aliases"] == ["Rom"]
    assert g.nodes["Lady Capella"]["aliases"] == ["La Cap"]
    assert g.nodes["First Citizen"]["aliases"] == ["1 Cit"]
    # "DUKE." heads Otto's speech: the personae say "OTTO, Duke of the town."
    assert g.nodes["Otto"]["aliases"] == ["Duke"]


def test_co_presence_weights_by_hand(tiny):
    g = tiny.graph
    assert g.edges["Capello", "Romulus"]["weight"] == 2  # I.2 and II.1
    assert g.edges["First Citizen", "Second Citizen"]["weight"] == 1
    assert g.degree("Chorus") == 0  # alone between the acts
    assert not any("All" in n for n in g)  # "ALL." is nobody in particular


def test_stage_directions_are_not_speech(tiny):
    turns = [m for m in tiny.mentions if m.character == "Capello"]
    text = tiny.document.sentence_text(turns[0].sentence)
    assert text == "Capello: Wife, the soldier comes. I fear him."


def test_text_without_speakers_is_refused():
    with pytest.raises(InputError, match="not a play"):
        parse_play("ACT I\n\nSCENE I.\n\nNobody speaks here at all.\n", "x.txt")


# --- Gutenberg's Romeo and Juliet against DraCor's TEI -----------------------------------


@pytest.fixture(scope="module")
def both():
    text = graphkit.analyze(shared_file("texts", "romeo_and_juliet_shakespeare_pg1513.txt"))
    tei = graphkit.analyze(shared_file("plays", "romeo-and-juliet.xml"))
    return text, tei


MAIN = {
    "Romeo",
    "Juliet",
    "Nurse",
    "Benvolio",
    "Mercutio",
    "Friar Lawrence",
    "Capulet",
    "Lady Capulet",
    "Paris",
    "Tybalt",
    "Escalus",
    "Montague",
    "Lady Montague",
    "Balthasar",
    "Peter",
    "Sampson",
    "Gregory",
}


def test_gutenberg_play_has_the_same_segments(both):
    text, tei = both
    assert len(text.segments) == len(tei.segments) == 26
    assert text.segments[6].title == "ACT II"  # the chorus before act 2, scene 1


def test_gutenberg_network_equals_dracor_on_named_characters(both):
    text, tei = both
    assert set(text.graph) >= MAIN and set(tei.graph) >= MAIN
    shared = set(text.graph) & set(tei.graph)
    assert len(shared) >= 29
    for name in shared:
        assert text.graph.nodes[name]["segments"] == tei.graph.nodes[name]["segments"], name
    for u, v in set(tei.graph.subgraph(shared).edges()) | set(text.graph.subgraph(shared).edges()):
        assert text.graph.edges[u, v]["weight"] == tei.graph.edges[u, v]["weight"], (u, v)
    # What differs is the anonymous servants and citizens, named differently by the editions.
    assert set(tei.graph) - set(text.graph) <= {
        "Servingman",
        "Servingman 2",
        "Servingman 3",
        "First Servingman",
        "Second Servingman",
        "Third Servingman",
        "Three or four Citizens",
        "Citizen",
        "Petruchio",
    }


def test_detection_reads_a_bounded_head_of_long_files():
    from graphkit.io.readers import SNIFF_CHARS, detect_format

    play = "ACT I\n\nSCENE I. A room.\n\n" + "ANN.\nHi there.\n\nBOB.\nHo there.\n\n" * 100
    prose = "Ann walked to the river and sat down by the water.\n" * (SNIFF_CHARS // 40)
    assert detect_format(play.encode()) == "play"
    assert detect_format((play + prose).encode()) == "play"  # the play opens the file
    assert detect_format((prose + play).encode()) == "text"  # never read past the head
