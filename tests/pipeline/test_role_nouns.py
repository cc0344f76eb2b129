"""A rank used as a name is the titled bearer named last (characters.role_nouns), and the
plain form of a name the text also writes "young" is the elder (characters.titled)."""

from collections import Counter

from graphkit.model import Mention
from graphkit.pipeline.characters import merge_characters
from graphkit.pipeline.characters.role_nouns import resolve_role_nouns
from graphkit.pipeline.characters.titled import join_titled
from graphkit.pipeline.document import build_document
from graphkit.pipeline.mentions.discovery import discover_mentions

H = {"Princess": "f", "Prince": "m", "Mr.": "m"}


def _text() -> str:
    betsy = "Later Princess Betsy came in. " + "Then the princess smiled at Anna. " * 10
    mother = "Later Princess Sorokina sat down. " + "The old princess sighed. " * 10
    return (betsy + mother) * 2 + "Later Princess Betsy left. " * 16


def test_each_use_of_the_rank_goes_to_the_bearer_named_last():
    doc = build_document(_text())
    chars, ms = merge_characters(doc, discover_mentions(doc).mentions)
    count = Counter(m.character for m in ms if m.text.lower().endswith("princess"))
    assert count == {"Princess Betsy": 20, "Princess Sorokina": 20}
    assert {"the princess", "The old princess"} <= {a for c in chars for a in c.aliases}


def test_a_rank_seldom_used_as_a_title_or_a_form_of_address_is_left_alone():
    text = "Later Princess Betsy came in. " + "Then the princess smiled. " * 30
    doc = build_document(text)
    ms = [Mention(6, 20, "Princess Betsy", "Princess Betsy", "character", 0)] * 19
    assert len(resolve_role_nouns(doc, ms, H, frozenset())) == 19  # 19 titled uses: too few
    assert len(resolve_role_nouns(doc, ms * 2, H, frozenset())) == 38 + 30
    assert len(resolve_role_nouns(doc, ms * 2, H, frozenset({"Princess"}))) == 38


def test_the_plain_form_of_a_name_also_written_young_is_the_elder():
    counts = Counter(
        {"Kitty": 600, "Kitty S": 5, "Princess Kitty S": 1, "Princess S": 8, "Levin": 900}
    )
    parent = {"Kitty S": "Kitty"}
    young = Counter({"Princess S": 1, "Princess Kitty S": 1})
    votes = {"Kitty": (0, 9)}
    root = lambda k, p: k if k not in p else root(p[k], p)  # noqa: E731
    p = join_titled(counts, dict(parent), votes, H, set(), {}, None, young)
    assert root("Princess S", p) == "Princess S"  # the mother
    assert root("Princess Kitty S", p) == "Kitty"
    p = join_titled(counts, dict(parent), votes, H, set(), {}, None, Counter())
    assert root("Princess S", p) == "Kitty"  # never written "young": the one woman of the name


def test_the_old_rank_is_the_one_bearer_the_text_calls_old_wherever_named_last():
    text = "Later the old Prince Orlov came. " + "Later Prince Ivan sat down. " * 20
    text += "Then the old prince laughed. " * 10 + "Then the prince frowned. " * 10
    doc = build_document(text)
    chars, ms = merge_characters(doc, discover_mentions(doc).mentions)
    count = Counter((m.character, m.text) for m in ms if m.text.lower().endswith("prince"))
    assert count == {("Prince Orlov", "the old prince"): 10, ("Prince Ivan", "the prince"): 10}


def _named(text: str, form: str, character: str) -> list[Mention]:
    out, i = [], text.find(form)
    while i >= 0:
        out.append(Mention(i, i + len(form), form, character, "character", 0))
        i = text.find(form, i + 1)
    return out


def test_in_a_family_scene_the_rank_is_the_family_bearer_named_pages_ago():
    betsy = "Princess Betsy came in. " * 20
    scene = "Prince Orlov spoke. Then the princess sighed. And the young princess smiled. "
    late = "Princess Betsy came back. Then the princess laughed. "
    for named, theirs in ((5, 20), (4, 0)):
        far = "Princess Orlova sat down. " * named + "It rained all day. " * 1200  # 22,800
        text = betsy + far + scene * 20 + late
        doc = build_document(text)
        ms = sorted(
            _named(text, "Princess Betsy", "Betsy")
            + _named(text, "Princess Orlova", "Princess Orlova")
            + _named(text, "Prince Orlov", "Prince Orlov"),
            key=lambda m: m.start,
        )
        out = resolve_role_nouns(doc, ms, H, frozenset())
        got = Counter((m.text, m.character) for m in out if m.text.endswith("princess"))
        # "Prince Orlov" is of her family ("Orlova" is the feminine of "Orlov"); her own
        # name is too far back for the scene, "the young princess" is the daughter, not
        # her; and a princess named four times is a passing figure, not the family's.
        want = Counter({("the princess", "Princess Orlova"): theirs, ("the princess", "Betsy"): 1})
        assert got == +want
        assert Counter(m.character for m in out)["Prince Orlov"] == 20  # his own stay his


def test_the_rank_after_the_old_rank_is_that_bearer():
    text = "Later the old Prince Orlov came. " + "Later Prince Ivan sat down. " * 20
    text += "It rained all day. " * 1200  # 22,800 characters: Prince Ivan is out of reach
    text += "Then the old prince laughed. Then the prince frowned. " * 10
    doc = build_document(text)
    chars, ms = merge_characters(doc, discover_mentions(doc).mentions)
    count = Counter((m.character, m.text) for m in ms if m.text.lower().endswith("prince"))
    assert count == {("Prince Orlov", "the old prince"): 10, ("Prince Orlov", "the prince"): 10}
