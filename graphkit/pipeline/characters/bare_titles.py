"""A title used alone as a name ("Mademoiselle", "the Doctor") is the one character named with it.

Runs last among the alias rules, on the clusters the others made, only
without a cast file.
"""

from __future__ import annotations

from collections import Counter

from graphkit.pipeline.characters.forest import root_of

__all__ = ["join_bare_titles", "BARE"]

BARE = "a title alone, for the one character the text names with it"
_BARE_MAIN = 4


def join_bare_titles(
    counts: Counter, parent: dict[str, str], honorifics: dict[str, str], reasons: dict[str, str]
) -> dict[str, str]:
    """A title the text uses alone as a name joins the one character it names with that title.

    "Mademoiselle" said again and again (a name once the text has it speak:
    :mod:`graphkit.pipeline.mentions.judge`) is "Mademoiselle Reisz" when she
    is the one the text calls "Mademoiselle X" (:data:`_BARE_MAIN` times as often
    as all other bearers together: "Mademoiselle Duvigne", named once, does not
    compete); with two such bearers, or none, it stays as it is.

    Examples
    --------
    >>> parent = join_bare_titles(Counter({"Mademoiselle": 40, "Mademoiselle Reisz": 9, "Edna": 90}),
    ...                           {}, {"Mademoiselle": "f"}, {})
    >>> parent
    {'Mademoiselle': 'Mademoiselle Reisz'}
    >>> join_bare_titles(Counter({"Mademoiselle": 40, "Mademoiselle Reisz": 9, "Mademoiselle Duval": 3}),
    ...                  {}, {"Mademoiselle": "f"}, {})
    {}
    >>> join_bare_titles(Counter({"Mademoiselle": 40, "Mademoiselle Reisz": 9, "Mademoiselle Duval": 1}),
    ...                  {}, {"Mademoiselle": "f"}, {})
    {'Mademoiselle': 'Mademoiselle Reisz'}
    """
    bare = [k for k in counts if " " not in k and k in honorifics and k not in parent]
    if not bare:
        return parent
    parent = dict(parent)
    for title in bare:
        head = title + " "
        uses: Counter = Counter()
        for k in counts:
            if k.startswith(head):
                uses[root_of(k, parent)] += counts[k]
        ranked = uses.most_common()
        if ranked and sum(n for _, n in ranked[1:]) * _BARE_MAIN <= ranked[0][1]:
            bearer = ranked[0][0]
            if bearer != title:
                parent[title] = bearer
                reasons[title] = BARE
    return parent
