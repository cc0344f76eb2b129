"""Titled forms joining the full name they stand for (graphkit.pipeline.characters.titled)."""

from collections import Counter

from graphkit.io.lexicon import word_table
from graphkit.pipeline.characters.forest import root_of
from graphkit.pipeline.characters.titled import join_titled


def _join(counts: Counter, parent: dict[str, str], votes: dict) -> dict[str, str]:
    p = join_titled(counts, dict(parent), votes, word_table("honorifics.txt"), set(), {})
    return {k: root_of(k, p) for k in counts}


def test_title_surname_joins_the_full_name_of_a_nickname_of_its_first_name():
    # "Mr. Thomas Traddles" is "Tommy Traddles" (Tommy is Thomas): neither a rival of the
    # other, so "Mr. Traddles" joins the one man of that surname, and the wife stays apart.
    counts = Counter(
        {"Traddles": 400, "Tommy Traddles": 3, "Tommy": 5, "Mr. Traddles": 37,
         "Mr. Thomas Traddles": 14, "Mrs. Traddles": 3, "Miss Traddles": 1}
    )  # fmt: skip
    parent = {"Traddles": "Tommy Traddles", "Tommy": "Tommy Traddles"}
    roots = _join(counts, parent, {"Traddles": (60, 2)})
    assert roots["Mr. Traddles"] == roots["Tommy Traddles"]
    assert roots["Mr. Thomas Traddles"] == roots["Tommy Traddles"]
    assert roots["Mrs. Traddles"] != roots["Tommy Traddles"]


def test_title_surname_with_another_first_name_stays_apart():
    # "Mr. Thomas Barry" is not "George Barry": other first names, no nickname between them.
    counts = Counter({"Barry": 100, "George Barry": 20, "Mr. Barry": 30, "Mr. Thomas Barry": 10})
    roots = _join(counts, {"Barry": "George Barry"}, {"Barry": (30, 0)})
    assert roots["Mr. Barry"] != roots["George Barry"]


def _salon(other: str = "") -> str:
    scene = (
        "Mademoiselle Reisz came to the piano with Edna Moore. "
        '"Play," said Edna Moore. "No," said Mademoiselle. "Yes," said Mademoiselle, and she played. '
        f"Edna Moore listened.{other}\n\n"
    )
    return scene * 6


def test_a_title_alone_joins_the_one_character_named_with_it():
    import graphkit

    a = graphkit.analyze_text(_salon(), cast=False)
    ids = set(a.characters.index)
    assert "Mademoiselle Reisz" in ids and "Mademoiselle" not in ids
    assert "Mademoiselle" in a.characters.loc["Mademoiselle Reisz", "aliases"]


def test_a_title_alone_stays_apart_when_two_characters_bear_it():
    import graphkit

    a = graphkit.analyze_text(_salon(" Mademoiselle Duval sang."), cast=False)
    assert {"Mademoiselle", "Mademoiselle Reisz", "Mademoiselle Duval"} <= set(a.characters.index)


def test_miss_and_surname_among_sisters_is_the_eldest():
    # "Miss Lucas" is Charlotte: Maria Lucas is named far less, and neither is "Miss" + first
    # name, the younger sisters' form.
    counts = Counter({"Charlotte": 77, "Charlotte Lucas": 8, "Maria": 18, "Maria Lucas": 2,
                      "Miss Lucas": 25})  # fmt: skip
    parent = {"Charlotte": "Charlotte Lucas", "Maria": "Maria Lucas"}
    votes = {"Charlotte": (0, 9), "Maria": (0, 4)}
    roots = _join(counts, parent, votes)
    assert roots["Miss Lucas"] == roots["Charlotte"]
    # "Miss Bennet": the sister named most is "Miss Elizabeth", so not the eldest; no one else.
    counts = Counter({"Elizabeth": 700, "Elizabeth Bennet": 2, "Miss Elizabeth": 12,
                      "Lydia": 160, "Miss Lydia Bennet": 2, "Miss Bennet": 65})  # fmt: skip
    parent = {"Elizabeth": "Elizabeth Bennet", "Lydia": "Miss Lydia Bennet"}
    votes = {"Elizabeth": (0, 20), "Lydia": (0, 9)}
    roots = _join(counts, parent, votes)
    assert roots["Miss Bennet"] == "Miss Bennet"


def test_miss_and_surname_stays_apart_beside_a_miss_never_named_untitled():
    # "Miss Josephine Barry", the great-aunt, is only ever titled: "Miss Barry" may be she.
    counts = Counter({"Diana": 420, "Diana Barry": 11, "Miss Josephine Barry": 5,
                      "Miss Barry": 36})  # fmt: skip
    roots = _join(counts, {"Diana": "Diana Barry"}, {"Diana": (0, 12)})
    assert roots["Miss Barry"] != roots["Diana"]


def test_mr_surname_among_several_men_of_that_surname_joins_the_main_one():
    # Thaddeus (53 uses) and his brother Bartholomew (22): "Mr. Sholto" (14) is Thaddeus.
    counts = Counter(
        {"Thaddeus Sholto": 40, "Mr. Thaddeus Sholto": 6, "Thaddeus": 7, "Mr. Sholto": 14,
         "Bartholomew Sholto": 15, "Mr. Bartholomew Sholto": 7}
    )  # fmt: skip
    parent = {"Mr. Thaddeus Sholto": "Thaddeus Sholto", "Thaddeus": "Thaddeus Sholto",
              "Mr. Bartholomew Sholto": "Bartholomew Sholto"}  # fmt: skip
    roots = _join(counts, parent, {})
    assert roots["Mr. Sholto"] == roots["Thaddeus Sholto"]
    # A "Mr." + surname used nearly as often as the main man is the head of the family.
    counts["Mr. Sholto"] = 40
    roots = _join(counts, parent, {})
    assert roots["Mr. Sholto"] not in (roots["Thaddeus Sholto"], roots["Bartholomew Sholto"])
    # "Mrs." + surname is no daughter's: the mother stays apart.
    counts = Counter({"Diana Barry": 30, "Diana": 200, "Minnie Barry": 10, "Miss Diana Barry": 2,
                      "Miss Minnie Barry": 1, "Mrs. Barry": 40})  # fmt: skip
    parent = {"Diana Barry": "Diana", "Miss Diana Barry": "Diana",
              "Miss Minnie Barry": "Minnie Barry"}  # fmt: skip
    roots = _join(counts, parent, {})
    assert roots["Mrs. Barry"] == "Mrs. Barry"


def test_miss_surname_whose_women_are_all_younger_sisters_joins_the_first_name_it_alternates_with():
    # "Miss Bennet" is Jane, never written "Jane Bennet": Elizabeth and Lydia are "Miss
    # Elizabeth", "Miss Lydia Bennet" (younger sisters); the narrator says "Miss Bennet" in the
    # sentence next to "Jane" again and again.
    counts = Counter({"Elizabeth": 700, "Miss Elizabeth": 9, "Elizabeth Bennet": 5, "Lydia": 160,
                      "Miss Lydia Bennet": 2, "Lydia Bennet": 1, "Jane": 290, "Kitty": 70,
                      "Miss Bennet": 6})  # fmt: skip
    parent = {"Miss Elizabeth": "Elizabeth", "Elizabeth Bennet": "Elizabeth",
              "Miss Lydia Bennet": "Lydia", "Lydia Bennet": "Lydia"}  # fmt: skip
    votes = {"Elizabeth": (0, 9), "Lydia": (0, 9), "Jane": (0, 9), "Kitty": (0, 9)}
    made = {"Miss Bennet": [10, 20, 30, 40, 50, 60], "Jane": [11, 19, 31, 70, 80],
            "Kitty": [41], "Elizabeth": [10, 20, 51]}  # fmt: skip

    def join(sentences):
        h = word_table("honorifics.txt")
        p = join_titled(counts, dict(parent), votes, h, set(), {}, None, None, sentences)
        return {k: root_of(k, p) for k in counts}

    assert join(lambda: made)["Miss Bennet"] == join(lambda: made)["Jane"]
    assert join(None)["Miss Bennet"] == "Miss Bennet"
    # Too few ties (once next to "Jane"): no one.
    made["Jane"] = [11, 70, 80]
    assert join(lambda: made)["Miss Bennet"] == "Miss Bennet"
