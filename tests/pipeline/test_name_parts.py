"""Name parts joining their bearer (graphkit.pipeline.characters.parts), on small invented texts."""

from collections import Counter

from graphkit.pipeline.characters import merge_characters
from graphkit.pipeline.characters.parts import diminutives, is_patronymic, join_parts
from graphkit.pipeline.characters.titled import join_titled
from graphkit.pipeline.document import build_document
from graphkit.pipeline.mentions.discovery import discover_mentions

H = {"Miss": "f", "Mr.": "m", "Mrs.": "f", "Doctor": "m", "Master": "m", "Mister": "m"}


def _characters(text: str) -> dict[str, tuple[str, ...]]:
    doc = build_document(text)
    chars, _ = merge_characters(doc, discover_mentions(doc).mentions)
    return {c.id: c.aliases for c in chars}


def _root(parent: dict[str, str], k: str) -> str:
    while k in parent:
        k = parent[k]
    return k


def test_apostrophe_inside_a_name_is_kept_and_joins_the_full_spelling():
    text = " ".join(
        ["Little Em'ly ran to the boat. Peggotty called Em'ly back."] * 4
        + ["Emily Peggotty was her name. Emily smiled at Peggotty."] * 2
        + ["Ham's boat was near. Ham'll come, said Peggotty."] * 2
    )
    chars = _characters(text)
    assert not any(c == "Em" for c in chars)
    emily = [c for c, aliases in chars.items() if "Em'ly" in (c, *aliases)]
    assert emily and "Emily" in (emily[0], *chars[emily[0]])
    assert "Ham" in chars and "Ham'll" not in chars


def test_dialect_title_is_no_name():
    text = " ".join(["Mas'r Davy came in. Davy sat by the fire, and Peggotty smiled."] * 4)
    chars = _characters(text)
    assert not any(c.startswith("Mas") for c in chars)
    assert "Davy" in chars


def test_patronymic_triple_ties_its_parts():
    counts = Counter(
        {"Ivan Petrovitch Orlov": 2, "Ivan Petrovitch": 40, "Orlov": 9, "Ivan": 6, "Olga": 5}
    )
    parent = join_parts(counts, {}, {}, set(), {}, [])
    assert {_root(parent, k) for k in ("Ivan Petrovitch Orlov", "Orlov", "Ivan")} == {
        _root(parent, "Ivan Petrovitch")
    }
    assert _root(parent, "Olga") == "Olga"
    assert is_patronymic("Arkadyevna") and not is_patronymic("Ipswich")


def test_surname_shared_by_two_patronymic_triples_stays_alone():
    counts = Counter(
        {"Ivan Petrovitch Orlov": 2, "Ivan Petrovitch": 40, "Pavel Ivanovitch Orlov": 2,
         "Pavel Ivanovitch": 30, "Orlov": 9}
    )  # fmt: skip
    parent = join_parts(counts, {}, {}, set(), {}, [])
    assert _root(parent, "Orlov") == "Orlov"


def test_full_name_joins_the_one_patronymic_bearer_of_that_first_name():
    counts = Counter({"Vera Sergeyevna": 60, "Vera Orlova": 4, "Vera Ivanovna": 3})
    parent = join_parts(counts, {}, {}, set(), {}, [])
    assert _root(parent, "Vera Orlova") == "Vera Sergeyevna"
    assert _root(parent, "Vera Ivanovna") == "Vera Ivanovna"


def test_diminutive_joins_only_when_the_text_alternates_it_with_the_bearer():
    assert "Stepan" in diminutives()["Stiva"]
    tied = " ".join(
        ["Stepan Arkadyevitch came home late. His wife kissed Stiva. Stiva went out."] * 4
    )
    chars = _characters(tied)
    assert len(chars) == 1 and {"Stiva", "Stepan Arkadyevitch"} <= {*chars, *chars["Stiva"]}
    # Named side by side in the same sentences: two people, whatever the table says.
    apart = " ".join(["Stepan Arkadyevitch and Stiva went out. They came back at night."] * 4)
    assert {"Stiva", "Stepan Arkadyevitch"} <= set(_characters(apart))


def test_bare_rank_joins_the_one_titled_bearer_but_a_form_of_address_does_not():
    counts = Counter({"Doctor": 30, "Doctor Strong": 20, "Doctor Mell": 2, "Master": 9,
                      "Master Tom": 5})  # fmt: skip
    parent = join_parts(counts, {}, H, set(), {}, [])
    assert _root(parent, "Doctor") == _root(parent, "Doctor Strong")
    assert _root(parent, "Doctor Mell") == "Doctor Mell"
    assert _root(parent, "Master") == "Master"


def test_first_name_joins_the_one_cluster_it_opens():
    counts = Counter({"Konstantin": 10, "Konstantin Levin": 8, "Konstantin Dmitrievitch": 20,
                      "Konstantin Dmitrievitch Levin": 2, "Levin": 300})  # fmt: skip
    parent = join_parts(counts, {"Konstantin Levin": "Levin"}, {}, set(), {}, [])
    assert len({_root(parent, k) for k in counts}) == 1


def test_tiny_unknown_full_name_does_not_block_the_titled_forms():
    counts = Counter({"Copperfield": 180, "David Copperfield": 13, "Mr. Copperfield": 130,
                      "Master Copperfield": 110, "Mister Copperfield": 12,
                      "Trotwood Copperfield": 2, "Mrs. Copperfield": 5})  # fmt: skip
    parent = join_titled(
        counts, {"Copperfield": "David Copperfield"}, {"Copperfield": (6, 1)}, H, set(), {}
    )
    for k in ("Mr. Copperfield", "Master Copperfield", "Mister Copperfield"):
        assert _root(parent, k) == "David Copperfield"
    assert _root(parent, "Mrs. Copperfield") == "Mrs. Copperfield"


def test_pet_name_and_given_name_with_one_surname_join():
    counts = Counter({"Eliza Bennet": 2, "Elizabeth Bennet": 3, "Elizabeth": 600, "Eliza": 12})
    parent = join_parts(counts, {"Elizabeth Bennet": "Elizabeth"}, {}, set(), {}, [])
    assert _root(parent, "Eliza Bennet") == "Elizabeth"


def test_full_name_of_a_first_name_already_joined_follows_it():
    counts = Counter({"Mike": 240, "Michael": 5, "Mike Campbell": 3, "Tom": 40, "Tom Canty": 9,
                      "Tom Sawyer": 30})  # fmt: skip
    parent = join_parts(counts, {"Mike": "Michael", "Tom": "Tom Sawyer"}, {}, set(), {}, [])
    assert _root(parent, "Mike Campbell") == _root(parent, "Mike")
    assert _root(parent, "Tom Canty") == "Tom Canty"  # another full name opens with "Tom"


def test_every_merge_keeps_its_reason_in_the_characters_table():
    import graphkit

    text = " ".join(
        ["Harriet Smith came in. Miss Smith sat down. Harriet smiled at Frank Churchill."] * 3
        + ["Mr. Frank Churchill bowed. Mr. Churchill left, and Frank laughed."] * 3
    )
    df = graphkit.analyze_text(text, cast=False).characters
    reasons = dict(r.split(": ", 1) for r in df.loc["Harriet Smith", "aliases_reason"])
    assert reasons["Miss Smith"].startswith("title + surname")
    assert reasons["Harriet"].startswith("first name")
    assert all(r.count(": ") >= 1 for rs in df["aliases_reason"] for r in rs)


def test_a_nickname_of_a_given_name_only_titled_joins_it_when_the_text_ties_them():
    far = "The rain fell on the roofs. The wind blew. "
    tied = ("Later Lord Henry smiled. Then Harry laughed. " + far) * 3 + "Later Lady Henry came."
    chars = _characters(tied)
    assert [c for c, aliases in chars.items() if {"Harry", "Lord Henry"} <= {c, *aliases}]
    apart = "Later Lord Henry smiled. " * 3 + far * 3 + "Then Harry laughed. " * 3
    chars = _characters(apart)
    assert not [c for c, aliases in chars.items() if {"Harry", "Lord Henry"} <= {c, *aliases}]
