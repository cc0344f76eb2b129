"""A first name two characters share goes to the one the text ties it to.

The first alias pass gives a bare first name to the full name that holds two
thirds of the uses of the full names it opens, counting surface forms.  When
two people share a first name, that count favours the one the narrator names
by first name and patronymic ("Ivan Petrovitch", hundreds of uses) over the
one it names by surname ("Orlov", hundreds of uses; "Ivan Orlov" a few times),
though the bare first name, said by those close to him, is mostly the second
man's.

Run last among the alias rules, on the clusters the others made: a bare first
name (one word, no title, joined to a cluster, and no other form joined to it)
whose full names (the first name and more words, no title) belong to two
clusters or more is re-read.  Each of its uses votes for every candidate
cluster one of whose *other* forms stands in the same sentence or in the
sentence next to it: a narrator alternates the forms of one person's name from
sentence to sentence ("'Do come, Ivan,' said his mother. Orlov stepped
out").  When one cluster other than its own holds two thirds of these
votes, and :data:`_MIN_VOTES` at least, the first name moves to it.  A name
whose uses no cluster ties clearly stays where it is.

A first name is not the surname made from it ("Ivan" is not "Ivanov", nor "John"
"Johnson"): the rule that joins a name to the one longer name it begins
(``merge_characters``) skips such a pair (:func:`is_surname_of`).

Cheap: one pass over the mentions to index the sentences of each form, made
only when some first name has two bearers.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence

from graphkit.model import Mention
from graphkit.pipeline.characters.forest import root_of

__all__ = ["rehome_first_names", "is_surname_of", "REASON"]

REASON = "first name two characters share, for the one the text names beside it"
_MIN_VOTES = 5
#: Endings that make a surname of a given name ("Ivanov", "Petrova", "Ilyin", "Johnson").
_SURNAME_ENDINGS = ("ov", "ova", "ev", "eva", "in", "ina", "son", "sen")


def is_surname_of(longer: str, name: str) -> bool:
    """Whether ``longer`` is the surname made of the given name ``name`` plus an ending.

    Examples
    --------
    >>> is_surname_of("Ivanov", "Ivan"), is_surname_of("Johnson", "John")
    (True, True)
    >>> is_surname_of("Emily", "Em"), is_surname_of("Ivan Orlov", "Ivan")
    (False, False)
    """
    return longer.startswith(name) and longer[len(name) :] in _SURNAME_ENDINGS


def rehome_first_names(
    counts: Counter,
    parent: dict[str, str],
    honorifics: dict[str, str],
    kinds: dict[str, str],
    mentions: Sequence[Mention],
    reasons: dict[str, str] | None = None,
) -> dict[str, str]:
    """Move each shared first name to the bearer the text ties it to; return ``parent``.

    ``counts`` counts the mentions of each surface form, ``parent`` maps a form
    to the form it joins, and each mention's ``character`` is still its surface
    form (the mentions as detected, before merging).

    Examples
    --------
    >>> counts = Counter({"Ivan Petrovitch": 60, "Ivan": 6, "Ivan Orlov": 1, "Orlov": 40})
    >>> parent = {"Ivan": "Ivan Petrovitch", "Orlov": "Ivan Orlov"}
    >>> ms = [Mention(0, 4, "Ivan", "Ivan", "character", 2 * i) for i in range(6)]
    >>> ms += [Mention(0, 5, "Orlov", "Orlov", "character", 2 * i + 1) for i in range(6)]
    >>> rehome_first_names(counts, parent, {}, {}, ms)["Ivan"]
    'Ivan Orlov'
    """
    reasons = reasons if reasons is not None else {}

    def titled(word: str) -> bool:
        return word in honorifics or word.rstrip(".") in honorifics

    opened: dict[str, set[str]] = defaultdict(set)  # first name -> its full names
    for k in counts:
        words = k.split()
        if len(words) >= 2 and kinds.get(k) != "work" and not titled(words[0]):
            opened[words[0]].add(k)
    joined_to = set(parent.values())
    shared = []
    for first, fulls in opened.items():
        if first not in parent or first in joined_to or kinds.get(first) == "work":
            continue
        bearers = {root_of(f, parent) for f in fulls}
        if len(bearers) >= 2:
            shared.append((first, bearers))
    if not shared:
        return parent
    sentences: dict[str, set[int]] = defaultdict(set)
    for m in mentions:
        sentences[m.character].add(m.sentence)
    members: dict[str, list[str]] = defaultdict(list)
    for k in counts:
        members[root_of(k, parent)].append(k)
    for first, bearers in sorted(shared):
        votes: Counter = Counter()
        uses = sentences.get(first, set())
        for bearer in bearers:
            near = set()
            for f in members[bearer]:
                if f != first:
                    for i in sentences.get(f, ()):
                        near.update((i - 1, i, i + 1))
            votes[bearer] = sum(1 for i in uses if i in near)
        (top, n), total = votes.most_common(1)[0], sum(votes.values())
        if top != root_of(first, parent) and n >= _MIN_VOTES and n * 3 >= total * 2:
            parent[first] = top
            reasons[first] = REASON
    return parent
