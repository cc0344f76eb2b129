"""Speakers from the shape of a conversation: who answers whom (hand-made texts, known answers)."""

from __future__ import annotations

from tests.pipeline.test_speakers import attributed


def test_said_he_in_a_new_turn_is_the_one_the_previous_quotation_calls_by_name():
    names = {"Ann": "Ann", "Bob": "Bob", "Carl": "Carl"}
    narration = "Bob lit his pipe. Carl came in and took off his hat.\n\n"
    text = narration + '"You will excuse me, Bob," said Ann.\n\n"Not at all," he answered.'
    assert [(q.speaker, q.type) for q in attributed(text, names, True)] == [
        ("Ann", "explicit"),
        ("Bob", "anaphoric"),
    ]
    # without the name, "he" is the latest man the narration speaks of
    text = narration + '"You will excuse me," said Ann.\n\n"Not at all," he answered.'
    assert [q.speaker for q in attributed(text, names, True)] == ["Ann", "Carl"]


def test_a_name_in_a_clause_opening_with_when_is_not_the_subject_a_pronoun_moves_to():
    names = {"Bob": "Bob", "Carl": "Carl"}
    narration = "Bob lit his pipe; he was tired. Carl came in and he took off his hat.\n\n"
    text = narration + 'When Bob had sat down, Carl rose.\n\n"Thank you," said he.'
    assert [q.speaker for q in attributed(text, names, True)] == ["Carl"]
    # without the subordinate clause the sentence's first name is its subject
    text = narration + 'Bob had sat down, and Carl rose.\n\n"Thank you," said he.'
    assert [q.speaker for q in attributed(text, names, True)] == ["Bob"]


def test_a_run_after_a_paragraph_of_narration_is_begun_by_that_paragraph_s_subject():
    names = {"Ann": "Ann", "Bob": "Bob", "Carl": "Carl"}
    talk = '"Hello, Bob," said Ann.\n\n"Hi, Ann," said Bob.\n\n'
    text = talk + 'Carl looked at the rain.\n\n"It is wet."\n\n"Yes."'
    assert [q.speaker for q in attributed(text, names, True)] == ["Ann", "Bob", "Carl", "Bob"]
    # never the one it calls by name: the turns go on, and Carl answers
    text = talk + 'Carl looked at the rain.\n\n"It is wet, Carl."\n\n"Yes."'
    assert [q.speaker for q in attributed(text, names, True)] == ["Ann", "Bob", "Ann", "Carl"]
    # a sentence opened by a pronoun: the one it stands for
    text = talk + 'Carl had come in and he sat down. He looked at the rain.\n\n"It is wet."'
    assert [q.speaker for q in attributed(text, names, True)][2] == "Carl"


def test_the_owner_of_the_speech_ending_the_narration_speaks_the_quotation():
    names = {"Ann": "Ann", "Bob": "Bob"}
    text = 'Bob waited. The matter was settled by Ann\'s saying, "We go."'
    assert [(q.speaker, q.type) for q in attributed(text, names, True)] == [("Ann", "explicit")]
    text = 'Bob waited, and in reply to Ann\'s calm inquiry of "Where?" said nothing.'
    assert [q.speaker for q in attributed(text, names, True)] == ["Ann"]


def test_a_name_in_apposition_before_a_relative_pronoun_is_no_vocative():
    names = {"Ann": "Ann", "Bob": "Bob", "Carl": "Carl"}
    talk = '"Hello, Bob," said Ann.\n\n"Hi," said Bob.\n\n'
    text = talk + '"There is the butler, Carl, whom we have not seen."\n\n"True."'
    got = attributed(text, names, True)
    assert got[2].addressees[:1] != ("Carl",)
    assert [q.speaker for q in got] == ["Ann", "Bob", "Ann", "Bob"]  # Carl does not answer
    # a vocative between commas is one: Carl answers
    text = talk + '"There is the butler, Carl, as you know."\n\n"True."'
    got = attributed(text, names, True)
    assert got[2].addressees[0] == "Carl" and got[3].speaker == "Carl"
