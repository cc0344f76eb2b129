"""A married name, "Mrs. Hale", is the woman the text marries to Mr. Hale
(graphkit.pipeline.characters.married_names)."""

import graphkit
from graphkit.model import Mention
from graphkit.pipeline.characters.married_names import _ties
from graphkit.pipeline.document import build_document

_BEFORE = (
    "Rose Marlow lived at the mill. Rose walked to the church with Mr. Hale. "
    "Mr. Hale spoke of the weather. Rose laughed at Mr. Hale.\n\n"
) * 3
_AFTER = ("Mrs. Hale poured the tea. Mr. Hale read the paper. Mrs. Hale sang by the fire.\n\n") * 3


def _node_of(graph, name: str) -> str:
    for node, data in graph.nodes(data=True):
        if node == name or name in (data.get("aliases") or ()):
            return node
    raise AssertionError(name)


def test_the_wife_of_him_named_before_the_married_name_is_one_woman():
    text = _BEFORE + "Soon Rose, the wife of Mr. Hale, left the mill.\n\n" + _AFTER
    a = graphkit.analyze_text(text, cast=False)
    assert _node_of(a.graph, "Mrs. Hale") == _node_of(a.graph, "Rose")
    (rose,) = [c for c in a.character_list if c.id == _node_of(a.graph, "Rose")]
    assert any("married name" in r for r in rose.aliases_reason)


def test_a_marriage_between_them_ties_them_too():
    text = _BEFORE + "A marriage between Mr. Hale and poor Rose was settled.\n\n" + _AFTER
    g = graphkit.analyze_text(text, cast=False).graph
    assert _node_of(g, "Mrs. Hale") == _node_of(g, "Rose")


def test_no_tie_a_wish_or_a_mrs_named_before_stays_apart():
    # No words that marry them: two women.
    g = graphkit.analyze_text(_BEFORE + _AFTER, cast=False).graph
    assert _node_of(g, "Mrs. Hale") != _node_of(g, "Rose")
    # A base form says what may be, not what is.
    wish = _BEFORE + "They wanted to make Rose marry Mr. Hale.\n\n" + _AFTER
    g = graphkit.analyze_text(wish, cast=False).graph
    assert _node_of(g, "Mrs. Hale") != _node_of(g, "Rose")
    # "Mrs. Hale" named before the tie is someone else: his mother.
    mother = _AFTER + _BEFORE + "Soon Rose, the wife of Mr. Hale, left the mill.\n\n"
    g = graphkit.analyze_text(mother, cast=False).graph
    assert _node_of(g, "Mrs. Hale") != _node_of(g, "Rose")


def test_two_women_tied_to_him_join_neither():
    text = (
        _BEFORE
        + "Ann Bell smiled at Mr. Hale. Ann Bell sat down.\n\n"
        + "Soon Rose, the wife of Mr. Hale, left. Ann Bell was engaged to Mr. Hale once.\n\n"
        + _AFTER
    )
    g = graphkit.analyze_text(text, cast=False).graph
    assert _node_of(g, "Mrs. Hale") not in (_node_of(g, "Rose"), _node_of(g, "Ann Bell"))


def test_ties_read_across_a_line_break_and_past_an_epithet():
    doc = build_document("It was a marriage between Mr. Hale and our poor\nRose Marlow.")
    t = doc.text
    ms = [
        Mention(t.find("Mr. Hale"), t.find("Mr. Hale") + 8, "Mr. Hale", "Mr. Hale", "character", 0),
        Mention(
            t.find("poor"), t.find("Marlow") + 6, "poor Rose Marlow", "Rose Marlow", "character", 0
        ),
    ]
    assert _ties(doc, ms) == {frozenset(("Mr. Hale", "Rose Marlow")): 0}


def test_a_married_name_is_no_birth_surname_for_kin():
    # Rose, "Miss Marlow" before her marriage, is "Mrs. Hale" after it: Mr. Hale's wife,
    # not a daughter of his whom "his daughter" could name (relations/kin.py).
    text = (
        _BEFORE.replace("Rose laughed", "Miss Marlow laughed")
        + "Soon Rose, the wife of Mr. Hale, left the mill.\n\n"
        + _AFTER
        + "Mr. Hale and his daughter walked to the church.\n\n"
    )
    a = graphkit.analyze_text(text, cast=False)
    rose = _node_of(a.graph, "Rose")
    assert _node_of(a.graph, "Mrs. Hale") == rose
    assert not [r for r in a.relations if r.type == "family" and rose in (r.source, r.target)]
