"""Which woman "Miss" + a surname names when the text has several of that surname
(and which man "Mr." + a surname names: :func:`main_man`).

By the usage of the English novel the eldest unmarried daughter of a family
is "Miss" + the surname ("Miss Lucas", "Miss Bertram"), her younger sisters
"Miss" + their first name ("Miss Lydia", "Miss Elizabeth Bennet").  Used by
rule 3 of :mod:`graphkit.pipeline.characters.titled` when a "Miss" + surname
has several women of that surname to join.  A "Mr." + surname among several
men of the name is the main one (two thirds of their uses), when he is named
far more often than the titled form: a "Mr." + surname used as often as the
son's name is the father, head of the family.
"""

from __future__ import annotations

from collections import Counter

__all__ = ["eldest_daughter", "main_man", "unnamed_eldest", "MISS"]

_TIES = 3  # uses of "Miss" + surname next to the first name before they are one

MISS = frozenset(("Miss", "Mademoiselle", "Mlle", "Fräulein", "Señorita", "Senorita"))


def _younger(
    r: str, surname: str, members: dict[str, list[str]], title_of: dict[str, str | None]
) -> bool:
    """Whether cluster ``r`` holds a "Miss" + first name: a younger sister's form."""
    return any(
        (title_of.get(f) or "").rstrip(".") in MISS and f.split()[1] != surname
        for f in members[r]
        if " " in f
    )


def eldest_daughter(
    surname: str,
    women: list[str],
    members: dict[str, list[str]],
    size: dict[str, int],
    title_of: dict[str, str | None],
) -> str | None:
    """Which of several women of ``surname`` "Miss" + that surname names: the eldest daughter.

    By the usage of the English novel the eldest unmarried daughter is "Miss
    Lucas", her younger sisters "Miss Maria", "Miss Elizabeth Bennet": so a
    woman the text calls "Miss" + her first name is not the one meant.  Of the
    others, the one named most, when she holds two thirds of their uses
    (``size``: uses per cluster); else no one.  No one either when one of
    the women is only ever titled ("Miss Josephine Barry", the great-aunt):
    an elder "Miss" of the name, who may be the one meant.

    Examples
    --------
    >>> members = {"Charlotte": ["Charlotte", "Charlotte L"], "Maria": ["Maria", "Maria L"],
    ...            "Eliza": ["Eliza", "Miss Eliza"]}
    >>> title_of = {"Miss Eliza": "Miss"}
    >>> size = {"Charlotte": 85, "Maria": 20, "Eliza": 700}
    >>> eldest_daughter("L", ["Charlotte", "Maria", "Eliza"], members, size, title_of)
    'Charlotte'
    >>> eldest_daughter("L", ["Maria", "Eliza"], members, size, title_of)
    'Maria'
    >>> eldest_daughter("L", ["Eliza"], members, size, title_of) is None
    True
    >>> members["Miss Jo L"], title_of["Miss Jo L"], size["Miss Jo L"] = ["Miss Jo L"], "Miss", 5
    >>> eldest_daughter("L", ["Charlotte", "Maria", "Miss Jo L"], members, size, title_of) is None
    True
    """

    def younger(r: str) -> bool:
        return _younger(r, surname, members, title_of)

    if any(all(title_of.get(f) for f in members[r]) for r in women):
        return None  # "Miss Josephine Barry", never named untitled: an elder, maybe she
    rest = sorted((r for r in women if not younger(r)), key=lambda r: (-size[r], r))
    if not rest or size[rest[0]] * 3 < 2 * sum(size[r] for r in rest):
        return None
    return rest[0]


def main_man(same: list[str], size: dict[str, int], own: int, head: int = 2) -> str | None:
    """Of several clusters of one sex and surname, the one a form of address + the surname
    names: the one holding two thirds of their uses, and used ``head`` times as often
    as the titled form (else the titled form may be the head of the family, "Mr. Gradgrind").

    Examples
    --------
    >>> main_man(["Thaddeus", "Bartholomew"], {"Thaddeus": 53, "Bartholomew": 22}, 14)
    'Thaddeus'
    >>> main_man(["Tom", "Thomas"], {"Tom": 215, "Thomas": 16}, 172) is None
    True
    """
    top = max(same, key=lambda r: (size[r], r))
    total = sum(size[r] for r in same)
    return top if size[top] * 3 >= total * 2 and size[top] >= head * own else None


def unnamed_eldest(
    key: str,
    women: list[str],
    others: list[str],
    members: dict[str, list[str]],
    title_of: dict[str, str | None],
    sentences: dict[str, list[int]],
) -> str | None:
    """The eldest daughter "Miss" + surname (``key``) names when the text never gives her
    that surname: every woman of it (``women``) is a younger sister ("Miss Lydia", "Miss
    Elizabeth Bennet"), and the narrator alternates "Miss Bennet" with her first name from
    sentence to sentence.  Of ``others`` (clusters of a woman named by one word alone,
    "Jane"), the one whose forms stand in the sentence next to a use of ``key`` at least
    :data:`_TIES` times, two thirds of such uses, and in ``key``'s own sentence at most about
    half as often (one person is seldom named twice in a sentence); else no one.

    Examples
    --------
    >>> members = {"Eliza": ["Eliza", "Miss Eliza"], "Jane": ["Jane"], "Kitty": ["Kitty"]}
    >>> title_of = {"Miss Eliza": "Miss", "Miss B": "Miss"}
    >>> s = {"Miss B": [1, 5, 9, 20], "Jane": [2, 4, 10, 30], "Kitty": [21]}
    >>> unnamed_eldest("Miss B", ["Eliza"], ["Jane", "Kitty"], members, title_of, s)
    'Jane'
    >>> unnamed_eldest("Miss B", ["Jane"], ["Kitty"], members, title_of, s) is None
    True
    """
    surname = key.split()[-1]
    if not women or not all(_younger(r, surname, members, title_of) for r in women):
        return None
    mine = sentences.get(key, ())
    near, same = Counter(), Counter()
    for r in others:
        at = {i for f in members[r] for i in sentences.get(f, ())}
        same[r] = sum(1 for i in mine if i in at)
        near[r] = sum(1 for i in mine if i not in at and (i - 1 in at or i + 1 in at))
    if not near:
        return None
    (top, n), total = near.most_common(1)[0], sum(near.values())
    if n < _TIES or n * 3 < total * 2 or 2 * same[top] > n + 1:
        return None
    return top
