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
