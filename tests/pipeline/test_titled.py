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
