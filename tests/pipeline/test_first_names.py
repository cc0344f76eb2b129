"""A first name two characters share (graphkit.pipeline.characters.first_names), on invented texts."""

from graphkit.pipeline.characters import merge_characters
from graphkit.pipeline.document import build_document
from graphkit.pipeline.mentions.discovery import discover_mentions


def _owner(text: str, form: str) -> str:
    doc = build_document(text)
    chars, _ = merge_characters(doc, discover_mentions(doc).mentions)
    return next(c.id for c in chars if form == c.id or form in c.aliases)


# Two men called Ivan: the narrator names one "Ivan Petrovitch", the other, the hero, by
# his surname; the bare "Ivan", said by the woman who loves the hero, stands next to "Orlov".
_TWO_IVANS = " ".join(
    ["Ivan Petrovitch read the papers in his study. Ivan Petrovitch sighed."] * 6
    + ["They met Ivan Orlov at the ball."] * 2
    + ["Orlov rode out. Orlov came back from the stables."] * 6
    + ['Orlov came in. "Come here, Ivan," said Marya softly.'] * 6
)


def test_shared_first_name_goes_to_the_bearer_named_beside_it():
    assert _owner(_TWO_IVANS, "Ivan") == _owner(_TWO_IVANS, "Orlov")
    assert _owner(_TWO_IVANS, "Ivan") != _owner(_TWO_IVANS, "Ivan Petrovitch")


def test_first_name_of_one_bearer_stays_with_him():
    text = " ".join(
        ['Ivan Petrovitch read the papers. Ivan Petrovitch sighed. "Ivan," said Marya.'] * 6
        + ["Orlov came in from the stables."] * 6
    )
    assert _owner(text, "Ivan") == _owner(text, "Ivan Petrovitch")


def test_a_first_name_is_not_the_surname_made_from_it():
    text = " ".join(
        ["Ivanov came in from the yard. Ivanov sat down by the stove."] * 5
        + ['The coachman waited. "Ivan, bring the horses," said Marya.'] * 3
    )
    assert _owner(text, "Ivan") != _owner(text, "Ivanov")
