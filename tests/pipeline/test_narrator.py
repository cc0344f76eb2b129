"""The first-person narrator as a character (graphkit.pipeline.characters.narrator)."""

import graphkit
from graphkit.pipeline.characters.narrator import NARRATOR


def _story(vocative: bool) -> str:
    hello = (
        '"Good morning, Pip," said Mary Brook.' if vocative else '"Good morning," said Mary Brook.'
    )
    scene = (
        f"I walked to the mill with Tom Hale, and my dog ran ahead of me. {hello} "
        "I told her that the river was high. Tom Hale laughed at me, and I laughed too. "
        "Mary Brook went home.\n\n"
    )
    return scene * 30


def test_first_person_narrator_named_by_the_vocatives_others_use_and_linked():
    a = graphkit.analyze_text(_story(vocative=True), cast=False)
    assert "Pip" in a.graph
    assert a.graph.has_edge("Pip", "Tom Hale")  # "I walked ... with Tom Hale"
    assert a.graph.has_edge("Pip", "Mary Brook")


def test_unnamed_narrator_is_narrator_and_third_person_has_none():
    a = graphkit.analyze_text(_story(vocative=False), cast=False)
    assert NARRATOR in a.graph and a.graph.has_edge(NARRATOR, "Tom Hale")
    third = (
        _story(vocative=False).replace("I ", "He ").replace(" me", " him").replace("my ", "his ")
    )
    assert NARRATOR not in graphkit.analyze_text(third, cast=False).graph


def test_quotations_are_not_narration():
    text = ('"I think I shall go," said Mary Brook to Tom Hale. "I must." He nodded.\n\n') * 40
    assert NARRATOR not in graphkit.analyze_text(text, cast=False).graph


def _two_names_story(answered: bool) -> str:
    """The narrator is "Pip" to Mary Brook and "Handel" to Ned Hale.

    With ``answered``, the narrator answers ("... I said") the quotations that call
    it "Handel"; without, Tom Hale answers to "Handel".
    """
    reply = '"Yes," I said.' if answered else '"Yes," said Tom Hale.'
    scene = (
        "I walked to the mill with Tom Hale, and my dog ran ahead of me. "
        '"Good morning, Pip," said Mary Brook. I told her that the river was high. '
        f'\n\n"Come here, Handel," said Ned Hale.\n\n{reply}\n\n'
        '"Farewell, Pip," said Mary Brook, and she went home. I went with Tom Hale.\n\n'
    )
    return scene * 30


def test_another_name_the_narrator_is_called_and_answers_to_joins_the_narrator():
    a = graphkit.analyze_text(_two_names_story(answered=True), cast=False)
    assert "Pip" in a.graph and "Handel" not in a.graph
    reasons = a.characters.set_index("id").loc["Pip", "aliases_reason"]
    assert any(r.startswith("Handel: another name the first-person narrator") for r in reasons)


def test_a_name_said_to_someone_else_stays_its_own():
    a = graphkit.analyze_text(_two_names_story(answered=False), cast=False)
    assert "Pip" in a.graph
    reasons = a.characters.set_index("id").loc["Pip", "aliases_reason"]
    assert not any("another name the first-person narrator" in r for r in reasons)


def _frame_story(speaks: bool) -> str:
    """A tale told in the third person, with a frame where the narrator talks to a child."""
    tag = "I said" if speaks else "said Tom Hale"
    frame = (
        f'"Is it about the mill?" asked Robin Lane.\n\n"It is," {tag}.\n\n'
        '"Then go on," said Robin Lane.\n\n'
    )
    tale = (
        "Mary Brook walked to the mill with Ned Hale, and her dog ran ahead of her. "
        "She told him that the river was high. He laughed, and she laughed too.\n\n"
    )
    return (frame + tale * 6) * 8


def test_a_narrator_who_speaks_in_a_third_person_tale_is_a_character():
    # Eight quotations tagged "I said" in narration: the narrator speaks, though the story is
    # told in the third person.  Unnamed (never answers to a name): "Narrator".
    g = graphkit.analyze_text(_frame_story(speaks=True), cast=False).graph
    assert NARRATOR in g
    assert NARRATOR not in graphkit.analyze_text(_frame_story(speaks=False), cast=False).graph
