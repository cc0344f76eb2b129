"""Alias merging: surnames, first names, nicknames, titles, role/actor pairs, labels."""

from __future__ import annotations

import graphkit
from graphkit.pipeline.characters import merge_characters, role_pairs
from graphkit.pipeline.document import build_document
from graphkit.pipeline.mentions.discovery import discover_mentions
from tests.conftest import shared_file


def merged(text: str) -> dict[str, tuple[str, ...]]:
    doc = build_document(text)
    chars, _ = merge_characters(doc, discover_mentions(doc).mentions)
    return {c.id: c.aliases for c in chars}


def test_surname_joins_the_one_full_name():
    chars = merged("They say Spike Jonze wrote it. Later Jonze filmed it, and Jonze cut it.")
    assert "Jonze" in chars["Spike Jonze"]
    assert "Jonze" not in chars


def test_first_name_joins_full_name_and_label_follows_use():
    text = "Then Elizabeth Bennet smiled. " + "Then Elizabeth laughed. " * 6
    chars = merged(text)
    # "Elizabeth" is used six times as often as the full name: she is shown as "Elizabeth".
    assert "Elizabeth Bennet" in chars["Elizabeth"]


def test_full_name_label_when_used_often_enough():
    chars = merged("Jean Valjean rose. Jean Valjean left. Later Valjean slept.")
    assert set(chars) == {"Jean Valjean"}


def test_nickname_joins_its_full_form():
    chars = merged("Theodore writes letters. Later Theo reads them, and Theodore sighs.")
    assert "Theo" in chars["Theodore"]


def test_mr_and_mrs_bennet_stay_apart():
    chars = merged(
        "Mr. Bennet read. Mrs. Bennet talked. Later Mr. Bennet sighed and Mrs. Bennet wept."
    )
    assert {"Mr. Bennet", "Mrs. Bennet"} <= set(chars)


def test_lone_titled_form_joins_the_full_name():
    chars = merged("Then Fitzwilliam Darcy came. Later Mr. Darcy danced, and Mr. Darcy left.")
    assert "Mr. Darcy" in chars["Fitzwilliam Darcy"]


def test_title_is_dropped_from_the_label_when_an_untitled_form_exists():
    chars = merged("Mademoiselle Cosette sang. " + "Then Cosette ran home. " * 4)
    assert "Mademoiselle Cosette" in chars["Cosette"]


def test_bare_surname_keeps_away_from_a_titled_form_of_the_other_sex():
    text = (
        "Madame Thorne sewed. Later Madame Thorne slept. "
        "Later Thorne said he was tired. Later Thorne took his hat. Later Thorne lit his pipe."
    )
    chars = merged(text)
    assert "Thorne" in chars and "Madame Thorne" in chars


def test_bare_surname_of_unknown_sex_joins_neither_mr_nor_mrs():
    chars = merged(
        "Mr. Bennet read. Mrs. Bennet talked. Later Mrs. Bennet sighed and Mrs. Bennet wept. "
        "Then Bennet came in. Later Bennet sat down."
    )
    assert {"Mr. Bennet", "Mrs. Bennet", "Bennet"} <= set(chars)
    assert chars["Mr. Bennet"] == () and chars["Mrs. Bennet"] == ()


def test_pronoun_evidence_is_read_over_the_whole_text():
    # The first forty uses are followed by "her" (the wife), the last ninety by "his":
    # a sample of the opening chapters alone would call the bare name a woman.
    text = (
        "Monsieur Vautrin spoke. " * 2
        + "Madame Vautrin spoke. " * 2
        + "Later Vautrin lost her purse. " * 40
        + "Later Vautrin lost his hat. " * 90
    )
    chars = merged(text)
    assert "Monsieur Vautrin" in chars["Vautrin"]
    assert "Madame Vautrin" in chars and "Madame Vautrin" not in chars["Vautrin"]


def test_pronouns_read_in_sentences_naming_no_one_else():
    # Every sentence naming Lydia and Tom puts "he" after Lydia; alone, Lydia is "she".
    text = (
        "Mrs. Lydia Shaw came. Mr. Lydia Shaw came. "  # titled forms of both sexes
        + "Later Lydia saw that Tom smiled as he left. " * 6
        + "Lydia took her coat. Lydia said she was cold. Lydia lost her hat. "
    )
    from graphkit.pipeline.characters import _pronoun_votes

    doc = build_document(text)
    votes = _pronoun_votes(doc, discover_mentions(doc).mentions)
    he, she = votes["Lydia"]
    assert she >= 3 and he == 0


def test_a_leaning_bare_surname_joins_the_dominant_title_of_its_sex():
    text = (
        "Mr. Darcy bowed. " * 6
        + "Miss Darcy smiled. "
        + "Darcy took his hat. Darcy looked at her. Darcy said he would stay. "
        + "Darcy watched Elizabeth; she laughed. "
    )
    chars = merged(text)
    assert "Mr. Darcy" in chars["Darcy"] and "Miss Darcy" in chars


def test_titled_form_of_the_same_sex_joins_the_full_name_chain():
    text = (
        "Then George Wickham arrived. Later Wickham said he was tired. Wickham took his coat. "
        "Wickham lit his pipe. Mr. Wickham left. Later Mr. Wickham returned. "
        "Mrs. Wickham wrote. Later Mrs. Wickham sang."
    )
    chars = merged(text)
    same = {"George Wickham", "Wickham", "Mr. Wickham"}
    assert [name for name, aliases in chars.items() if same <= {name, *aliases}]
    assert "Mrs. Wickham" in chars


def test_role_and_actor_are_never_merged():
    text = "The film follows Amy (Amy Adams) and Theodore. Amy Adams shines; Amy talks."
    doc = build_document(text)
    ms = discover_mentions(doc).mentions
    assert ("Amy", "Amy Adams") in role_pairs(doc, ms)
    chars, _ = merge_characters(doc, ms)
    kinds = {c.id: c.kind for c in chars}
    assert kinds["Amy"] == "character" and kinds["Amy Adams"] == "person"


def test_mentions_are_relabelled_to_the_label():
    doc = build_document(
        "They say Spike Jonze wrote it. We know Spike Jonze filmed it. Jonze cut it."
    )
    chars, mentions = merge_characters(doc, discover_mentions(doc).mentions)
    assert {m.character for m in mentions} == {c.id for c in chars} == {"Spike Jonze"}
    assert sum(c.mentions for c in chars) == len(mentions)


def test_les_miserables_labels():
    path = shared_file("texts", "les_miserables_hugo_pg135.txt")
    from graphkit.io.text import read_text

    doc = build_document(read_text(path))
    chars, _ = merge_characters(doc, discover_mentions(doc).mentions)
    top = [c.id for c in chars[:12]]
    assert {"Marius", "Jean Valjean", "Cosette", "Javert"} <= set(top)
    ids = {c.id for c in chars}
    assert not {"Nothing", "Jesus God", "Marius Pontmercy", "Mademoiselle Cosette"} & ids
    assert len(chars) < 2000


def test_a_leaning_surname_takes_its_dominant_title_along_the_full_name_chain():
    # The pronouns after "Wickham" only lean to "he" (3 to 2): "Mr. Wickham", with most of
    # the titled uses, joins him; the rare "Mrs. Wickham" stays someone else.
    text = (
        "Then George Wickham arrived. "
        + "Later Wickham said he was tired. Wickham took his coat. Wickham lit his pipe. "
        + "Later Wickham saw her smile. Wickham watched her go. "
        + "Later Mr. Wickham left. " * 5
        + "Then Mrs. Wickham wrote."
    )
    chars = merged(text)
    same = {"George Wickham", "Wickham", "Mr. Wickham"}
    assert [name for name, aliases in chars.items() if same <= {name, *aliases}]
    assert "Mrs. Wickham" in chars


def test_a_nickname_does_not_join_a_full_name_the_text_only_titles():
    text = (
        "Lady Catherine de Bourgh came. "
        + "Later Lady Catherine frowned. " * 6
        + "Then Catherine sat. "
        + "Later Kitty coughed. " * 5
        + "Sir William Lucas bowed. Later Sir William smiled. Later Sir William left."
    )
    chars = merged(text)
    assert "Kitty" in chars and "Catherine" not in chars["Kitty"]
    assert {"Catherine", "Lady Catherine de Bourgh"} <= set(chars["Lady Catherine"])
    assert "Sir William Lucas" in chars["Sir William"]


def test_a_surname_read_as_he_keeps_away_from_a_full_name_whose_first_name_is_she():
    text = (
        "Then Jane Fairfax smiled. Later Jane Fairfax sang. Later Jane Fairfax left. "
        "Jane said she was glad. "
        "Later Fairfax said he was tired. Fairfax took his hat. Fairfax lit his pipe. "
        "Later Mr. Fairfax laughed. Later Mr. Fairfax nodded. Later Mrs. Fairfax cried."
    )
    chars = merged(text)
    assert not [n for n, aliases in chars.items() if {"Jane Fairfax", "Fairfax"} <= {n, *aliases}]
    assert not [n for n, aliases in chars.items() if {"Jane", "Mr. Fairfax"} <= {n, *aliases}]


def test_one_pronoun_after_a_much_used_surname_decides_nothing():
    text = (
        "Later Mrs. Philips called. " * 6
        + "Later Mr. Philips came. " * 2
        + "Then aunt Philips laughed. Later aunt Philips sang. Later sister Philips wrote. "
        + "Later uncle Philips talks, and he may."
    )
    chars = merged(text)
    assert not [n for n, aliases in chars.items() if {"Philips", "Mr. Philips"} <= {n, *aliases}]


def test_cast_aliases_absent_from_the_text_are_kept_and_found(tmp_path):
    text = tmp_path / "t.txt"
    text.write_text("Theodore writes letters. Theodore meets Amy. Amy laughs.", encoding="utf-8")
    cast = tmp_path / "t.cast.yml"
    cast.write_text("- name: Theodore\n  aliases: [Theo, Ted]\n- name: Amy\n", encoding="utf-8")
    a = graphkit.analyze(text)
    assert a.characters.loc["Theodore", "aliases"] == ["Ted", "Theo"]
    assert set(a.ego("theo").nodes) == {"Theodore", "Amy"}  # any written name, any case
    assert set(a.ego("Ted").nodes) == {"Theodore", "Amy"}


def test_a_table_nickname_joins_a_full_name_only_when_the_text_ties_them():
    far = "The rain fell on the roofs. The wind blew. "
    # "Tom" is never near "Thomas Gradgrind": the son, not the father.
    text = "Thomas Gradgrind spoke. Later Thomas Gradgrind sat. " + far * 3
    text += "Later Tom laughed. " * 5
    chars = merged(text)
    assert "Tom" in chars and "Tom" not in chars.get("Thomas Gradgrind", ())
    # "Lizzy" alternates with "Elizabeth Bennet" from sentence to sentence: one woman.
    text = "Elizabeth Bennet rose. Later Lizzy smiled. " * 3 + far
    chars = merged(text)
    assert [c for c, aliases in chars.items() if {"Lizzy", "Elizabeth Bennet"} <= {c, *aliases}]
    # "Theo" with "Theodore", given no surname, needs no tie.
    chars = merged("Later Theodore writes. " + far * 3 + "Then Theo reads.")
    assert len(chars) == 1 and {"Theo", "Theodore"} <= {*chars, *next(iter(chars.values()))}


def test_nickname_tie_share():
    from graphkit.pipeline.characters.parts import nickname_tied

    s = {"Kitty": list(range(100, 160)), "Catherine": [99]}
    assert not nickname_tied(s, "Kitty", ["Catherine"])  # 1 of 60 uses tied, under one in twenty
    s["Catherine"] = [99, 130]  # 4 of 60
    assert nickname_tied(s, "Kitty", ["Catherine"])


def test_a_family_name_titled_for_both_sexes_does_not_join_the_one_rare_full_name():
    # "Mr. Grimwig" and "Miss Grimwig" far outnumber "Jane Grimwig"; the bare "Grimwig" is
    # the family's ("Grimwig and Sons", "the Grimwig blood"), no pronoun follows it: it is
    # not Jane's.  Jane and her titled form are one woman.
    text = (
        "Mr. Grimwig came home at night. Miss Grimwig met him at the door. "
        "Miss Grimwig took the keys. "
        * 4
        + "Jane Grimwig sat down by the fire. 'My dear Jane,' said Clara, 'sit here.' "
        "Miss Grimwig was cold. Clara said nothing. Jane Grimwig rose. 'Yes, Jane,' said Clara. "
        "I worked at Grimwig and Sons for a year. The Grimwig blood was cold. "
    )
    chars = {c.id: c.aliases for c in graphkit.analyze_text(text, min_mentions=1).character_list}
    jane = next(name for name, aliases in chars.items() if "Jane Grimwig" in {name, *aliases})
    assert {"Jane", "Miss Grimwig"} <= {jane, *chars[jane]}
    assert "Grimwig" not in {jane, *chars[jane]}
    assert "Mr. Grimwig" in chars and chars["Mr. Grimwig"] == ()


def test_a_surname_whose_pronouns_tell_still_joins_its_full_name():
    from collections import Counter

    from graphkit.pipeline.characters import _alias_parents

    counts = Counter({"Darcy": 40, "Fitzwilliam Darcy": 3, "Mr. Darcy": 300, "Miss Darcy": 30})
    kinds = dict.fromkeys(counts, "character")
    family = _alias_parents(counts, kinds, set(), {})
    assert "Darcy" not in family  # pronouns silent: the family's name
    parent = _alias_parents(counts, kinds, set(), {"Darcy": (9, 1)})
    assert parent["Darcy"] == "Fitzwilliam Darcy" and parent["Mr. Darcy"] == "Darcy"


def test_a_family_name_is_no_one_s_first_name_and_a_first_name_no_one_s_surname():
    from collections import Counter

    from graphkit.pipeline.characters import _alias_parents

    # "Trotwood": the aunt's surname, titled for both sexes, also opens "Trotwood Copperfield".
    counts = Counter(
        {"Trotwood": 76, "Betsey Trotwood": 16, "Trotwood Copperfield": 5, "Miss Trotwood": 49,
         "Master Trotwood": 1, "Jane": 18, "Jane Murdstone": 9, "Sarah Jane": 2}
    )  # fmt: skip
    parent = _alias_parents(counts, dict.fromkeys(counts, "character"), set(), {"Trotwood": (8, 8)})
    assert "Trotwood" not in parent
    # "Jane" opens "Jane Murdstone" (9) far more than it ends the lugger "Sarah Jane" (2).
    assert parent["Jane"] == "Jane Murdstone"


def test_a_surname_goes_to_the_hero_who_bears_it_in_a_full_name_written_once():
    filler = " ".join(["and then they walked on through the quiet fields for hours."] * 4000)
    text = (
        "Stepan Arkadyevitch woke. Stiva smiled; he sat. Stepan Arkadyevitch rose. Stiva left. "
        "Stepan Arkadyevitch ate. Stiva sang as he went. Stepan Arkadyevitch slept. Stiva ran. "
        "Stepan Arkadyevitch sat. Stiva said he would dine. "
        "Pyotr Oblonsky bowed. Then Pyotr Oblonsky sat. Oblonsky laughed and he left. Oblonsky said he would go. "
        "Oblonsky nodded; he went. "
        f"{filler} Through his uncles and aunts\u2014Stiva Oblonsky would have received the post."
    )
    doc = build_document(text)
    chars, _ = merge_characters(doc, discover_mentions(doc).mentions)
    (stiva,) = [c for c in chars if "Stiva" in (c.id, *c.aliases)]
    assert "Oblonsky" in stiva.aliases and "Stiva Oblonsky" in stiva.aliases
