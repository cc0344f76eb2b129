"""The narrator's kin, "my aunt", joins the character the dialogue names so (characters.narrator_kin)."""

import pytest

import graphkit
from graphkit.pipeline.characters.narrator_kin import _bearer


def _story(
    call: str = '"Are you tired, Miss Gray?" asked Tom Hale.', tag: str = "said my aunt"
) -> str:
    """A first-person story: the narrator "Pip" walks with "my aunt" and Ned Hale.

    ``call`` is the turn before the aunt's ("said my aunt") turn.
    """
    scene = (
        '"Hello, Pip," said Mary Brook. "Come in, Pip," said Mary Brook. '
        "I walked to the mill with my aunt and Ned Hale, and I told them the river was high.\n\n"
        f'{call}\n\n"Not at all, Tom," {tag}.\n\n'
        "Ned Hale went home, and I went with him.\n\n"
    )
    return scene * 30


def _reasons(a, who: str) -> list[str]:
    return list(a.characters.set_index("id").loc[who, "aliases_reason"])


def test_my_aunt_joins_the_name_said_to_her_in_the_turn_before_hers():
    a = graphkit.analyze_text(_story(), cast=False)
    assert "Pip" in a.graph and "Miss Gray" in a.graph
    # "my aunt and Ned Hale" in narration: the aunt is linked to Ned Hale and the narrator.
    assert a.graph.has_edge("Miss Gray", "Ned Hale")
    assert a.graph.has_edge("Miss Gray", "Pip")
    assert any(r.startswith("my aunt: the narrator's aunt") for r in _reasons(a, "Miss Gray"))


def test_no_join_without_the_tie_or_against_the_sex_of_the_noun():
    # Nobody says a name to her: "my aunt" stays no one.
    a = graphkit.analyze_text(_story(call='"Are you tired?" asked Miss Gray.'), cast=False)
    assert not a.graph.has_edge("Miss Gray", "Ned Hale")
    # "Mr. Gray" is a man: never "my aunt".
    a = graphkit.analyze_text(_story(call='"Are you tired, Mr. Gray?" asked Tom Hale.'), cast=False)
    assert "Mr. Gray" in a.graph and not a.graph.has_edge("Mr. Gray", "Ned Hale")


def test_a_name_the_kin_says_herself_is_not_hers():
    # "Tom" is said to the aunt by Ned Hale, but she says "Tom" herself: it cancels out.
    a = graphkit.analyze_text(_story(call='"Are you tired, Tom?" asked Ned Hale.'), cast=False)
    assert not any(r.startswith("my aunt") for rs in a.characters["aliases_reason"] for r in rs)


@pytest.mark.parametrize(
    ("calls", "expected"),
    [
        ({0: {"Clara": 2}, 2: {"Clara": 2}}, "Clara"),  # called in the turns beside hers
        ({0: {"Clara": 2}, 1: {"Clara": 2}, 2: {"Clara": 1}}, None),  # she says it herself
        ({0: {"Clara": 2}, 2: {"Ann": 2}}, None),  # two names, neither twice the other
    ],
)
def test_bearer_scores_neighbouring_turns_minus_own(calls, expected):
    from collections import Counter

    calls = {q: Counter(c) for q, c in calls.items()}
    assert _bearer("mother", [1], calls, 3, lambda c: True)[0] == expected
