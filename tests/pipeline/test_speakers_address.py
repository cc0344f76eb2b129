"""Kin vocatives: "papa" names one character of a text (hand-made texts, known answers)."""

from __future__ import annotations

from graphkit.model import Quotation
from graphkit.pipeline.speakers.address import address_terms
from tests.pipeline.test_speakers import attributed

SEXES = "Ann was tired, and she sat down. Bob came in; he took off his hat.\n\n"


def test_kin_words_are_read_in_vocative_position_only():
    text = "Yes, papa; my dear Aunt. Thank you, mamma! The papa of it, an aunt of mine."
    got = address_terms(text, [Quotation(0, len(text), ((0, len(text)),), text)])
    assert got == [frozenset({"papa", "aunt", "mamma"})]


def test_a_kin_vocative_names_the_one_the_tagged_turns_around_it_show():
    exchange = '"Yes, papa," said Ann.\n\n"Good," said Bob.\n\nThe clock struck.\n\n'
    text = SEXES + exchange * 5 + 'Carl came in.\n\n"Come, papa."\n\n"No."'
    got = attributed(text, {"Ann": "Ann", "Bob": "Bob", "Carl": "Carl"}, True)
    assert got[-2].addressees[0] == "Bob"  # "papa" is Bob here
    assert got[-1].speaker == "Bob"  # and he answers
