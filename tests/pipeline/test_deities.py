"""God in oaths and prayers is no character (graphkit.pipeline.characters.deities)."""

from graphkit.model import Character, Mention
from graphkit.pipeline.characters import merge_characters
from graphkit.pipeline.characters.deities import drop_invoked
from graphkit.pipeline.document import build_document
from graphkit.pipeline.mentions.discovery import discover_mentions


def _mentions_of(text: str, name: str, sentence: int = 0) -> list[Mention]:
    out, i = [], text.find(name)
    while i >= 0:
        out.append(Mention(i, i + len(name), name, name, "character", sentence))
        i = text.find(name, i + 1)
    return out


def test_a_god_only_invoked_is_dropped_with_its_mentions():
    text = "Thank God, Anna came. My God! Anna wept. For God's sake, said Anna. God knows."
    doc = build_document(text)
    ms = _mentions_of(text, "God") + _mentions_of(text, "Anna")
    chars = [Character("God", "God", mentions=4), Character("Anna", "Anna", mentions=3)]
    assert len(drop_invoked(doc, chars, ms)[0]) == 2  # named four times: no hub, kept
    chars, ms = drop_invoked(doc, chars, ms, min_uses=4)
    assert [c.id for c in chars] == ["Anna"] and {m.character for m in ms} == {"Anna"}


def test_a_god_who_acts_stays():
    text = "Zeus sent rain. Zeus answered Hera. Then Zeus rose. By Zeus, it is cold."
    doc = build_document(text)
    ms = _mentions_of(text, "Zeus")
    chars, kept = drop_invoked(doc, [Character("Zeus", "Zeus", mentions=4)], ms, min_uses=1)
    assert [c.id for c in chars] == ["Zeus"] and len(kept) == 4
    # "Jove" is on the list: acting, he stays too (one oath in three uses).
    text = "Jove sent rain. Jove answered. By Jove!"
    jove = [Character("Jove", "Jove", mentions=3)]
    chars, _ = drop_invoked(build_document(text), jove, _mentions_of(text, "Jove"), min_uses=1)
    assert [c.id for c in chars] == ["Jove"]


def test_in_a_text_without_cast():
    text = (
        "Thank God, said Anna. Later Anna smiled. Oh God, thought Anna. Good God! Anna left. " * 4
    )
    doc = build_document(text)
    chars, ms = merge_characters(doc, discover_mentions(doc).mentions)
    ids = {c.id for c in chars}
    assert "God" not in ids and "Good God" not in ids and "Anna" in ids
    assert {m.character for m in ms} == {"Anna"}
