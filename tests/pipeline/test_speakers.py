"""Speakers and addressees on a small hand-made dialogue with known answers."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

import graphkit
from graphkit.cli import main
from graphkit.pipeline.quotations import find_quotations
from graphkit.pipeline.speakers import attribute

FIXTURE = Path(__file__).parent.parent / "fixtures" / "dialogue.txt"


def quotes():
    a = graphkit.analyze(FIXTURE, cast=False)
    return attribute(a.document, find_quotations(a.document), a.mentions, a.character_list)


def test_the_sieve_on_the_fixture():
    got = [(q.speaker, q.type) for q in quotes()]
    assert got == [
        ("Emma", "explicit"),  # said Emma
        ("Mr. Knightley", "explicit"),  # Mr. Knightley replied
        ("Emma", "implicit"),  # turns
        ("Mr. Knightley", "implicit"),  # turns
        ("Harriet", "anaphoric"),  # said she
        ("Mr. Knightley", "explicit"),  # a speech over two paragraphs
    ]


def test_addressees():
    got = [q.addressees for q in quotes()]
    assert got[1][0] == "Emma"  # a vocative: "It is nothing, Emma"
    assert "Harriet" in got[5]  # said Mr. Knightley to Harriet
    assert got[0] == ("Mr. Knightley",)  # the other speaker of the conversation


def test_cue():
    assert [q.cue for q in quotes()][:2] == ["said Emma", "Mr. Knightley replied"]


def test_quotes_command(tmp_path):
    out = tmp_path / "q.jsonl"
    r = CliRunner().invoke(main, ["quotes", str(FIXTURE), "--no-cast", "-o", str(out)])
    assert r.exit_code == 0, r.output
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert list(records[0]) == ["start", "end", "text", "speaker", "addressees", "type", "cue"]
    raw = FIXTURE.read_text(encoding="utf-8")
    assert raw[records[0]["start"] : records[0]["end"]].startswith("You are late")
    ids = {c.id for c in graphkit.analyze(FIXTURE, cast=False).character_list}
    assert {r["speaker"] for r in records} <= ids
    r = CliRunner().invoke(main, ["quotes", str(FIXTURE), "--no-cast", "-f", "csv"])
    assert r.exit_code == 0 and r.output.startswith("start,end,text,speaker,addressees,type,cue")


def test_two_known_speakers_fill_the_open_quotations_of_their_conversation():
    from graphkit.pipeline.speakers.turns import _two_party

    speaker = ["Ann", None, None, "Bob", None, "Cy"]
    kind = ["explicit", "none", "none", "explicit", "none", "explicit"]
    _two_party(speaker, kind, [0, 0, 0, 0, 1, 1])
    assert speaker == ["Ann", "Bob", "Ann", "Bob", None, "Cy"]
    assert kind[1:3] == ["implicit", "implicit"]


def test_speech_verbs_in_ing_form_introduce_a_quotation():
    from graphkit.pipeline.speakers.context import _patterns

    assert _patterns()["head_intro"].search("Emma took the chance of whispering,")
