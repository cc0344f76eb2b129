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
