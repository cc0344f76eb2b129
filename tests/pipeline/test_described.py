"""A person named only by a description, "the mariner" (graphkit.pipeline.characters.described)."""

import graphkit


def _scene(noun: str) -> str:
    return (
        f'"Good morning," said the {noun}. Tom Hale looked at the {noun} and sat down. '
        f'"It is cold," said Tom Hale.\n\n'
    ) * 12


def test_a_description_tagged_as_a_speaker_is_a_character_linked_to_the_others():
    g = graphkit.analyze_text(_scene("mariner"), cast=False).graph
    assert "The Mariner" in g and g.has_edge("The Mariner", "Tom Hale")


def test_a_noun_anyone_may_be_called_or_too_few_tags_is_no_character():
    assert "The Man" not in graphkit.analyze_text(_scene("man"), cast=False).graph
    few = _scene("mariner").split("\n\n")[:9]
    assert "The Mariner" not in graphkit.analyze_text("\n\n".join(few), cast=False).graph
