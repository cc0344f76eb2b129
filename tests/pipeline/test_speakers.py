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
    # the other speakers of the conversation, nearest first: Harriet speaks in it too
    assert got[0] == ("Mr. Knightley", "Harriet")


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


def attributed(text: str, names: dict[str, str], sentences: bool = False):
    """``text`` attributed with hand-made mentions: each form in ``names`` -> its character.

    With ``sentences``, each mention knows its sentence (as the pipeline's do), else -1.
    """
    import re
    from bisect import bisect_right

    from graphkit.model import Character, Mention
    from graphkit.pipeline.document import build_document

    doc = build_document(text)
    forms = sorted(names, key=len, reverse=True)
    found = re.finditer(r"\b(?:" + "|".join(map(re.escape, forms)) + r")\b", text)
    starts = [s.start for s in doc.sentences]
    ms = [Mention(m.start(), m.end(), m.group(), names[m.group()], "character",
                  bisect_right(starts, m.start()) - 1 if sentences else -1)
          for m in found]  # fmt: skip
    ids = sorted(set(names.values()))
    chars = [Character(c, c, aliases=tuple(f for f in names if names[f] == c)) for c in ids]
    return attribute(doc, find_quotations(doc), ms, chars)


def test_turns_alternate_from_a_single_known_speaker():
    # only the first quotation is tagged: every second turn of the exchange is Ann's
    text = '"Hello," said Ann.\n\n"Hi."\n\n"How are you?"\n\n"Fine."\n\n"Good."'
    got = [(q.speaker, q.type) for q in attributed(text, {"Ann": "Ann"})]
    assert got == [
        ("Ann", "explicit"),
        (None, "none"),
        ("Ann", "implicit"),
        (None, "none"),
        ("Ann", "implicit"),
    ]


def test_an_open_quotation_answers_the_nearest_other_known_speaker():
    from graphkit.pipeline.speakers.turns import _two_party

    speaker = ["Ann", None, "Bob", None, "Cy"]
    kind = ["explicit", "none", "explicit", "none", "explicit"]
    _two_party(speaker, kind, [0] * 5)
    # 1 answers Ann: of Bob and Cy, Bob speaks nearest; 3 answers Bob: Cy is nearest
    assert speaker == ["Ann", "Bob", "Bob", "Cy", "Cy"]


def test_any_past_tense_verb_beside_a_quotation_is_a_tag():
    text = '"She will come home," comforted Bob.\n\n"Nonsense," Ann interposed.'
    got = [(q.speaker, q.type) for q in attributed(text, {"Ann": "Ann", "Bob": "Bob"})]
    assert got == [("Bob", "explicit"), ("Ann", "explicit")]


def test_the_introducing_verb_takes_the_subject_of_its_own_clause():
    text = (
        "Ann knew that it was so; and Bob warmly added,\n\n"
        '"Not in the least."\n\nLater Cy turned to Ann and said, "Come."'
    )
    got = [q.speaker for q in attributed(text, {"Ann": "Ann", "Bob": "Bob", "Cy": "Cy"})]
    assert got == ["Bob", "Cy"]  # not Ann, who opens the sentence / follows "to"


def test_the_other_speakers_of_a_conversation_hear_a_quotation_nearest_first():
    from graphkit.pipeline.speakers import turns

    speaker = ["Ann", "Bob", "Ann", None, "Cy", "Dan"]
    conv = [0, 0, 0, 0, 0, 1]
    assert turns._listeners(speaker, conv, 2) == ["Bob", "Cy"]  # Dan is in another one
    assert turns._listeners(speaker, conv, 4) == ["Ann", "Bob"]
    assert turns.LISTENER_REACH >= 2


def test_a_tag_may_name_its_speaker_after_the_and_an_adjective():
    text = '"If it were admissible," said the gallant Bob--\n\n"I have helped her."'
    got = [(q.speaker, q.type) for q in attributed(text, {"Bob": "Bob"})]
    # the first is Bob's; the end of his tag ("--") does not introduce the second
    assert got[0] == ("Bob", "explicit") and got[1][1] != "explicit"


def test_a_long_introducing_clause_still_names_its_subject():
    text = (
        "Ann was on the point of leaving the room, and stopt to say,\n\n"
        '"Oh! no, never."\n\nNo sooner was she out of sight, than Cy exclaimed,\n\n"What a thing!"'
    )
    got = [q.speaker for q in attributed(text, {"Ann": "Ann", "Cy": "Cy"})]
    assert got == ["Ann", "Cy"]  # "than Cy" is the subject: "than" takes no object here


def test_a_lone_known_speaker_talks_with_the_narration_s_latest_other_character():
    # Ann is the only tagged speaker and names nobody: Bob, just named, answers her
    text = 'Bob came in.\n\n"Hello," said Ann.\n\n"Hi."\n\n"Well?"\n\n"Yes."'
    got = [q.speaker for q in attributed(text, {"Ann": "Ann", "Bob": "Bob"})]
    assert got == ["Ann", "Bob", "Ann", "Bob"]


def test_a_lone_known_speaker_talks_with_a_subject_not_one_spoken_of():
    # Carl is only talked about (after "of") or owns something: Bob, the subject, answers
    for narration in ("Bob came in and spoke of Carl.", "Bob came in with Carl's letter."):
        text = narration + '\n\n"Hello," said Ann.\n\n"Hi."\n\n"Well?"\n\n"Yes."'
        got = [q.speaker for q in attributed(text, {"Ann": "Ann", "Bob": "Bob", "Carl": "Carl"})]
        assert got == ["Ann", "Bob", "Ann", "Bob"], narration


def test_said_i_is_the_narrator_and_he_never_is():
    # "I", "my" in narration are the narrator's mentions (characters/narrator.py), no names
    from graphkit.model import Mention
    from graphkit.pipeline.document import build_document
    from graphkit.pipeline.speakers.context import _Context

    text = 'Holmes came to my room.\n\n"May I come?" said I.\n\n"No," said he.'
    got = [q.speaker for q in attributed(text, {"Holmes": "Holmes", "my": "Watson"})]
    assert got[0] == "Watson"
    doc = build_document(text)
    ms = [Mention(0, 6, "Holmes", "Holmes", "character", 0),
          Mention(15, 17, "my", "Watson", "character", 0)]  # fmt: skip
    ctx = _Context(doc, find_quotations(doc), ms, {"Holmes": "m", "Watson": "m"})
    assert ctx.narrator == "Watson"
    assert ctx.recent(len(text), "m", set()).character == "Holmes"  # not "my" (Watson)


def test_a_kin_description_is_not_the_one_its_possessive_stands_for():
    text = 'Mrs. Ann sat by the fire. Miss Kitty coughed.\n\n"Do not cough so," cried her mother.'
    names = {"Mrs. Ann": "Mrs. Ann", "Miss Kitty": "Miss Kitty"}
    assert [q.speaker for q in attributed(text, names)] == ["Mrs. Ann"]  # "her" is Kitty


def test_of_several_names_before_a_quotation_the_one_opening_its_sentence_speaks():
    text = 'Bob sat down. Ann turned to Bob. "Come here."'
    got = [(q.speaker, q.type) for q in attributed(text, {"Ann": "Ann", "Bob": "Bob"})]
    assert got == [("Ann", "implicit")]


def test_an_open_quotation_is_not_given_to_the_one_it_calls_by_name():
    from graphkit.pipeline.speakers.turns import _two_party

    speaker, kind = ["Ann", None, "Bob"], ["explicit", "none", "explicit"]
    _two_party(speaker, kind, [0, 0, 0], vocatives=[[], ["Bob"], []])
    assert speaker == ["Ann", None, "Bob"]  # "..., Bob" is not Bob's, and Ann spoke last


def test_a_name_after_a_preposition_in_the_paragraph_is_no_speaker():
    text = '"Read it." Ann gave the letter to Bob.'
    got = [(q.speaker, q.type) for q in attributed(text, {"Ann": "Ann", "Bob": "Bob"})]
    assert got == [("Ann", "implicit")]  # Bob, after "to", only receives it


def test_the_one_called_by_name_answers_even_when_the_caller_is_unknown():
    text = '"Come here, Bob."\n\n"Why?"'
    got = [(q.speaker, q.type) for q in attributed(text, {"Bob": "Bob"})]
    assert got == [(None, "none"), ("Bob", "implicit")]


def test_a_possessive_or_prepositional_name_is_not_the_subject_a_pronoun_moves_to():
    # "she said": the latest woman named is moved to her sentence's subject, but Mrs. Ann
    # only owns the dog and the sentence's subject is no woman: Miss Cy it is
    text = 'Later Mrs. Ann\'s dog ran to Miss Cy.\n\n"Down, boy," she said.'
    names = {"Mrs. Ann": "Mrs. Ann", "Miss Cy": "Miss Cy"}
    got = [(q.speaker, q.type) for q in attributed(text, names, sentences=True)]
    assert got == [("Miss Cy", "anaphoric")]
    text = 'Later Mrs. Ann ran to Miss Cy.\n\n"Down, boy," she said.'
    assert [q.speaker for q in attributed(text, names, sentences=True)] == ["Mrs. Ann"]


def test_a_pronoun_opening_the_paragraph_of_a_quotation_is_its_speaker():
    # "She turned." opens its paragraph (no full stop before it): she is Mrs. Ann, not Dan
    text = (
        'Mrs. Ann came in. Mr. Bob followed her with Dan.\n\n"Hello," said Mr. Bob.\n\n'
        'She turned. "Hi."'
    )
    names = {"Mrs. Ann": "Mrs. Ann", "Mr. Bob": "Mr. Bob", "Dan": "Dan"}
    got = [(q.speaker, q.type) for q in attributed(text, names)]
    assert got == [("Mr. Bob", "explicit"), ("Mrs. Ann", "implicit")]


def test_a_sentence_of_continued_speech_before_the_paragraph_names_its_speaker():
    # "Mrs. Ann went on." ends its sentence with a full stop, yet introduces the next paragraph
    text = '"Sit down, Mr. Bob," said Mrs. Ann.\n\nMr. Bob sat. Mrs. Ann went on.\n\n"It is late."'
    names = {"Mrs. Ann": "Mrs. Ann", "Mr. Bob": "Mr. Bob"}
    got = [(q.speaker, q.type) for q in attributed(text, names)]
    assert got == [("Mrs. Ann", "explicit"), ("Mrs. Ann", "explicit")]
    # a full stop after any other verb introduces nothing: no tag (the paragraph's
    # subject begins the run that follows it, tests/pipeline/test_speakers_turns.py)
    text = '"Sit down, Mr. Bob," said Mrs. Ann.\n\nMr. Bob sat. Mrs. Ann nodded.\n\n"It is late."'
    got = [(q.speaker, q.type) for q in attributed(text, names)]
    assert got == [("Mrs. Ann", "explicit"), ("Mrs. Ann", "implicit")]


def test_a_pronoun_introducing_a_quotation_stands_for_its_clause_s_subject():
    text = 'Mrs. Ann did not wish to offend Miss Cy, so she began:\n\n"Hush."'
    names = {"Mrs. Ann": "Mrs. Ann", "Miss Cy": "Miss Cy"}
    assert [(q.speaker, q.type) for q in attributed(text, names)] == [("Mrs. Ann", "anaphoric")]


def test_a_pronoun_stands_for_the_subject_the_narration_keeps_speaking_of():
    # Miss Cy is named last, but as the object of "she called": "she said" is Mrs. Ann still
    text = 'Mrs. Ann sat by the fire. Then she called Miss Cy.\n\n"Come here," she said.'
    names = {"Mrs. Ann": "Mrs. Ann", "Miss Cy": "Miss Cy"}
    got = [(q.speaker, q.type) for q in attributed(text, names, sentences=True)]
    assert got == [("Mrs. Ann", "anaphoric")]
    text = 'Mrs. Ann sat by the fire. Then Miss Cy came in.\n\n"Come here," she said.'
    assert [q.speaker for q in attributed(text, names, sentences=True)] == ["Miss Cy"]


def test_a_title_alone_in_a_tag_is_the_character_who_bears_it():
    text = 'Count Olaf came in with Mr. Bob.\n\n"Sit," said the count.\n\n"No," the Count replied.'
    names = {"Count Olaf": "Count Olaf", "Mr. Bob": "Mr. Bob"}
    got = [(q.speaker, q.type) for q in attributed(text, names)]
    assert got == [("Count Olaf", "anaphoric"), ("Count Olaf", "anaphoric")]
    # a title nobody bears is no tag
    text = 'Count Olaf came in with Mr. Bob.\n\n"Sit," said the colonel.'
    assert [q.type for q in attributed(text, names)] != ["anaphoric"]


def test_a_tag_may_name_its_speaker_after_a_bare_the():
    # "the Queen" is a name whose mention leaves "the" out
    text = '"Never!" said the Queen.\n\n"Come," the Gryphon added.\n\n"Why?" said Alice.'
    names = {"Queen": "Queen", "Gryphon": "Gryphon", "Alice": "Alice"}
    got = [(q.speaker, q.type) for q in attributed(text, names)]
    assert got == [("Queen", "explicit"), ("Gryphon", "explicit"), ("Alice", "explicit")]


def test_a_pronoun_s_antecedent_moves_to_the_subject_of_its_own_clause_only():
    text = 'Mr. Bob was off; but Mr. Dan sat down again.\n\n"Well," said he.'
    names = {"Mr. Bob": "Mr. Bob", "Mr. Dan": "Mr. Dan"}
    assert [q.speaker for q in attributed(text, names, sentences=True)] == ["Mr. Dan"]
    text = 'Mr. Bob was off with Mr. Dan.\n\n"Well," said he.'
    assert [q.speaker for q in attributed(text, names, sentences=True)] == ["Mr. Bob"]


def test_a_capitalised_dear_before_a_name_makes_it_a_vocative():
    # a vocative opening its sentence is capitalised: "Dear Bob," calls Bob, who answers
    text = 'Ann came in with Bob and Cy.\n\n"Well. Dear Bob, sit down," said Ann.\n\n"Thank you."'
    names = {"Ann": "Ann", "Bob": "Bob", "Cy": "Cy"}
    got = [(q.speaker, q.addressees[:1], q.type) for q in attributed(text, names)]
    assert got == [("Ann", ("Bob",), "explicit"), ("Bob", ("Ann",), "implicit")]


def test_turns_after_a_paragraph_of_narration_follow_their_own_run_first():
    # a paragraph of narration breaks the strict alternation (the one who spoke last speaks
    # again about as often as the other): the later run's own tag sets its turns
    text = (
        '"Hello, Bob," said Ann.\n\n"Hi."\n\nThe rain fell on the roof.\n\n'
        '"Is it late?"\n\n"Not yet."\n\n"Then I stay," said Bob.'
    )
    got = [q.speaker for q in attributed(text, {"Ann": "Ann", "Bob": "Bob"})]
    assert got == ["Ann", "Bob", "Bob", "Ann", "Bob"]


def test_narration_longer_than_a_tag_after_a_quotation_ends_its_run_too():
    text = (
        '"Hello, Bob," said Ann.\n\n"Hi." Bob looked at the rain that fell on the roof all'
        ' through the long grey afternoon.\n\n"Is it late?"\n\n"Not yet."\n\n"Then I stay," said Bob.'
    )
    got = [q.speaker for q in attributed(text, {"Ann": "Ann", "Bob": "Bob"})]
    assert got == ["Ann", "Bob", "Bob", "Ann", "Bob"]
    # a tag is no narration of its own: the turns go on across it
    text = '"Hello, Bob," said Ann.\n\n"Hi," said Bob.\n\n"Is it late?"\n\n"Not yet."'
    assert [q.speaker for q in attributed(text, {"Ann": "Ann", "Bob": "Bob"})] == [
        "Ann",
        "Bob",
        "Ann",
        "Bob",
    ]


def test_a_lone_turn_is_said_by_the_latest_subject_of_the_narration():
    names = {"Ann": "Ann", "Bob": "Bob"}
    text = "Ann walked into the room with Bob.\n\n" + '"Come here."'
    assert [(q.speaker, q.type) for q in attributed(text, names)] == [("Ann", "implicit")]
    # never the one it calls by name (nor, test_turns_alternate_from_a_single_known_speaker,
    # the one who speaks the turn before or after it in its run)
    text = 'Ann walked into the room.\n\n"Come here, Ann."'
    assert [(q.speaker, q.type) for q in attributed(text, names)] == [(None, "none")]
    # and a word quoted inside a sentence is no turn of speech
    text = 'Ann walked into the room.\n\nThe "model" room was empty.'
    assert [(q.speaker, q.type) for q in attributed(text, names)] == [(None, "none")]


def test_a_pronoun_in_a_tag_never_stands_for_the_one_the_quotation_calls_by_name():
    # Carl is the latest man named, but the speaker calls him by name: "he" is Bob
    names = {"Bob": "Bob", "Carl": "Carl"}
    narration = "Bob lit his pipe; he was tired. Carl came in and he took off his hat.\n\n"
    for tag, kind in (("he said", "anaphoric"), ("said the old man", "anaphoric")):
        got = attributed(narration + f'"Sit down, Carl," {tag}.', names, True)
        assert [(q.speaker, q.type) for q in got] == [("Bob", kind)]
    # without the vocative the latest man named is the one
    got = attributed(narration + '"Sit down," said the old man.', names, True)
    assert [q.speaker for q in got] == ["Carl"]


def test_the_paragraph_s_narration_never_gives_the_quotation_to_the_one_it_calls_by_name():
    text = 'Ann came in, and Bob rose. "Sit down, Ann."'
    got = [(q.speaker, q.type) for q in attributed(text, {"Ann": "Ann", "Bob": "Bob"}, True)]
    assert got == [("Bob", "implicit")]


def test_said_he_in_a_new_turn_is_the_one_who_spoke_before_the_last_speaker():
    names = {"Bob": "Bob", "Carl": "Carl"}
    narration = "Bob lit his pipe; he was tired. Carl came in and he took off his hat.\n\n"
    text = narration + '"Where is it?" asked Bob.\n\n"Here," said Carl.\n\n"Thank you," said he.'
    assert [q.speaker for q in attributed(text, names, True)] == ["Bob", "Carl", "Bob"]
    # after narration of its own the turn is no answer: "he" is the latest man named
    text = narration + '"Where is it?" asked Bob.\n\n"Here," said Carl. He sat down by the fire'
    text += " and looked at the coals for a long while without a word."
    text += '\n\n"Thank you," said he.'
    assert [q.speaker for q in attributed(text, names, True)] == ["Bob", "Carl", "Carl"]
