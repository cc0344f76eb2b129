"""Fountain screenplays: cues, extensions, transitions and scene numbers."""

from __future__ import annotations

import pytest

import graphkit
from graphkit.errors import InputError
from graphkit.io.readers import detect_format
from graphkit.io.readers.fountain import cue_name, parse_fountain
from tests.conftest import FIXTURES


@pytest.fixture(scope="module")
def heist():
    return graphkit.analyze(FIXTURES / "tiny.fountain")


def test_detected_by_extension_and_by_content(tmp_path):
    p = FIXTURES / "tiny.fountain"
    assert detect_format(p.read_bytes(), str(p)) == "fountain"
    q = tmp_path / "heist.txt"
    q.write_bytes(p.read_bytes())
    assert detect_format(q.read_bytes(), str(q)) == "fountain"


def test_scenes_without_numbers(heist):
    assert [s.title for s in heist.segments] == [
        "INT. BANK VAULT - NIGHT",
        "EXT. ALLEY - CONTINUOUS",
        "FLASHBACK - MAYA'S KITCHEN",
    ]
    assert heist.graph.graph["title"] == "The Tiny Heist"


def test_characters_and_weights(heist):
    g = heist.graph
    assert set(g) == {"Maya", "Dev", "McCLANE", "Sam"}  # no FADE IN, CUT TO, THE END
    assert sorted(g.edges(data="weight")) == [
        ("Dev", "Maya", 1),
        ("Dev", "McCLANE", 1),
        ("Maya", "Sam", 1),
    ]
    assert g.nodes["Maya"]["mentions"] == 3  # (CONT'D) is the same Maya
    assert g.nodes["Dev"]["segments"] == [0, 1]


def test_parentheticals_notes_and_boneyard_are_not_dialogue(heist):
    said = [
        heist.document.sentence_text(m.sentence) for m in heist.mentions if m.character == "Maya"
    ]
    assert said[0] == "Maya: Hand me the drill."


@pytest.mark.parametrize(
    "line",
    [
        "CUT TO:",
        "SMASH CUT TO:",
        "FADE OUT.",
        "FADE IN:",
        "#12#",
        "12.",
        "> THE END <",
        "INT. HOUSE",
    ],
)
def test_never_a_character(line):
    assert cue_name(line) is None


def test_no_cues_is_an_error():
    with pytest.raises(InputError, match="no character cues"):
        parse_fountain("INT. ROOM - DAY\n\nNothing is said.\n")
