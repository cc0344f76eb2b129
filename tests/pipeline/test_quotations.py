"""Quotations: hand-made texts with known spans, and texts meant to break the finder."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from graphkit.pipeline.document import build_document
from graphkit.pipeline.quotations import MAX_CHARS, find_quotations, speech_mark

FIXTURE = Path(__file__).parent.parent / "fixtures" / "dialogue.txt"


def texts(text: str) -> list[str]:
    return [q.text for q in find_quotations(build_document(text))]


def test_fixture_quotations():
    quotes = find_quotations(build_document(FIXTURE.read_text(encoding="utf-8")))
    assert [q.text for q in quotes] == [
        "You are late, and very wet.",
        "It is nothing, Emma, The walk was pleasant.",
        "Then sit down.",
        "Thank you.",
        "I must go home,",
        "It was a long speech. It runs over two paragraphs. And ends here,",
    ]
    assert [len(q.parts) for q in quotes] == [2, 2, 1, 1, 1, 2]
    assert not any(q.flagged for q in quotes)


def test_curly_quotes_and_offsets_into_the_text():
    text = "\u201cYes,\u201d said Emma, \u201cI know.\u201d"
    doc = build_document(text)
    (q,) = find_quotations(doc)
    assert q.parts == ((1, 5), (19, 26))
    assert [doc.text[a:b] for a, b in q.parts] == ["Yes,", "I know."]


def test_british_single_quotes_and_apostrophes():
    text = "'Don't go,' said Ann. 'It's the Bennets' house, and 'tis late.'\n\nShe wasn't sure."
    assert speech_mark(build_document(text)) == "'"
    assert texts(text) == ["Don't go, It's the Bennets' house, and 'tis late."]


def test_nested_quotes_stay_inside():
    assert texts("\"He said 'no' to me,\" said Ann.") == ["He said 'no' to me,"]


def test_a_mark_between_spaces_closes_a_quotation_whose_dash_was_lost():
    # "scale--" with its dash turned into spaces: the mark still closes the speech
    text = '"It is below my social scale   "\n\n"Why, of course it is," said Bob.'
    quotes = find_quotations(build_document(text))
    assert [q.text for q in quotes] == ["It is below my social scale", "Why, of course it is,"]
    assert not any(q.flagged for q in quotes)
    # inside a paragraph: one quotation interrupted by its tag
    assert texts('"I was going " said Ann, "to go."') == ["I was going to go."]


def test_no_quotes_and_one_kind_only():
    assert texts("Nobody speaks here. It is all narration.") == []
    assert texts("Only an apostrophe: don't.") == []


def test_unbalanced_mark_is_cut_at_the_paragraph_end_and_flagged():
    doc = build_document('"Never closed, said Ann.\n\nNarration goes on.\n\nAnd on.')
    (q,) = find_quotations(doc)
    assert q.flagged and q.text == "Never closed, said Ann."


def test_a_quotation_spanning_the_whole_file():
    text = '"' + "word " * 10_000 + 'end."'
    (q,) = find_quotations(build_document(text))
    assert q.start == 1 and q.end == len(text) - 1 and not q.flagged


def test_a_long_speech_is_cut_and_flagged():
    para = '"' + "blah " * 2000
    text = "\n\n".join([para] * 5) + '"'
    quotes = find_quotations(build_document(text))
    assert quotes and all(q.end - q.start <= MAX_CHARS for q in quotes)
    assert any(q.flagged for q in quotes)


def test_a_million_marks_stay_linear():
    # Linear by construction (one pass over the marks); checked by size, never by time.
    text = '"a" ' * 250_000
    quotes = find_quotations(build_document(text))
    assert len(quotes) >= 1
    assert all(0 <= q.start <= q.end <= len(text) for q in quotes)
    marks_only = '"' * 1_000_000
    assert all(q.end <= len(marks_only) for q in find_quotations(build_document(marks_only)))


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab ,.'\"\n\u201c\u201d\u2018\u2019A")), max_size=300))
def test_any_text_gives_ordered_disjoint_quotations_inside_the_text(text):
    doc = build_document(text)
    quotes = find_quotations(doc)
    last = -1
    for q in quotes:
        assert 0 <= q.start <= q.end <= len(doc.text)
        for a, b in q.parts:
            assert q.start <= a < b <= q.end
            assert a >= last
            last = b


def test_a_speech_runs_over_line_breaks_in_a_sentence_per_line_layout():
    lines = [
        "Holmes looked up from his chair.",
        "“ You see , but you do not observe .",
        "The distinction is clear . ”",
        "I said nothing .",
        '" How many ?',
        "I do not know .",
        'Tell me . "',
        '" Twelve , " said I .',
    ]
    quotes = find_quotations(build_document("\n".join(lines)))
    assert [(q.text, len(q.parts), q.flagged) for q in quotes] == [
        ("You see , but you do not observe . The distinction is clear .", 2, False),
        ("How many ? I do not know . Tell me .", 3, False),
        ("Twelve ,", 1, False),
    ]


def test_with_blank_lines_an_unclosed_mark_still_stops_at_its_paragraph():
    text = '"You see, but you do not observe.\n\nThe distinction is clear," he said. "Yes."'
    quotes = find_quotations(build_document(text))
    assert quotes[0].flagged and quotes[0].text == "You see, but you do not observe."
