"""Name parts: patronymics, diminutives, elisions and bare ranks joining their bearer.

Run after the titled forms have joined (:func:`graphkit.pipeline.characters.titled.join_titled`),
on the distinct surface forms and the clusters made so far; never per mention,
except for one pass over the mentions when a pet name needs :func:`_ties`.  Eight rules:

* **patronymic triples**: "Alexey Alexandrovitch Karenin" (first name,
  patronymic, surname) is "Alexey Alexandrovitch", "Alexey Karenin" and the
  bare "Karenin", when no other first name and patronymic comes with that surname;
* **full name of a patronymic bearer**: "Anna Karenina" joins the cluster
  named "Anna Arkadyevna" when that is the dominant "Anna + patronymic" and
  no one else bears the surname;
* **first name**: a single name still alone joins the one cluster of full
  names it opens ("Konstantin" -> "Konstantin Levin", once "Konstantin
  Dmitrievitch Levin" has tied the forms of that cluster together);
* **diminutive**: a pet name of ``data/diminutives.csv`` ("Stiva" ->
  Stepan) joins the one cluster of that given name, only when the text ties
  them.  A person is seldom named twice in one sentence, but a narrator
  alternates the forms of one name from sentence to sentence: the pet name
  must stand in the sentence next to the bearer's at least :data:`_TIES`
  times, and in the bearer's own sentence at most about half as often
  ("Annushka", Anna's maid, is in Anna's sentences: two people); never a
  cluster the text mostly titles ("Kitty" is not "Lady Catherine");
* **titled nickname**: a nickname of ``data/nicknames.csv`` whose given name
  the text writes only after a title ("Harry", "Lord Henry") joins the one
  titled cluster of that given name (two thirds of its uses) when the text
  ties them: :data:`_TIES` uses at least in or next to its sentences, and
  one use in twenty ("Kitty", twice next to "Lady Catherine" in 71 uses, stays
  apart);
* **pet name + surname**: "Eliza Bennet" joins "Elizabeth Bennet" (the
  surname ties them); a full name whose first name is already someone's
  ("Mike Campbell", "Mike" being "Michael") joins that someone when no other
  full name opens with it and the surname is no one else's;
* **elision**: "Em'ly" joins the one name it spells with letters left out ("Emily");
* **bare rank**: "the Doctor" joins the titled name it stands for when one
  holds two thirds of that title's uses ("Doctor Strong"); forms of address
  ("Mr.", "Sir", "Miss") never do.

Each join is recorded in ``reasons`` (see :data:`REASONS`).
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from functools import cache

from graphkit.io.lexicon import word_list, word_table
from graphkit.model import Mention
from graphkit.pipeline.characters.forest import root_of

__all__ = ["join_parts", "is_patronymic", "diminutives", "nickname_tied"]

REASONS = {
    "triple": "first name + patronymic + surname",
    "patronymic": "full name of the one bearer of that first name and a patronymic",
    "first": "first name of the one full name it opens",
    "diminutive": "diminutive of the first name, alternating with it from sentence to sentence",
    "elision": "the same name with letters left out",
    "titled nickname": "nickname of a given name the text only titles, tied to it in the text",
    "pet": "pet name + surname, for the given name + that surname",
    "rank": "rank alone, for the one titled name of that rank",
}

_PATRONYMIC = re.compile(r"[A-Z][a-z]{2,}(?:ovitch|evitch|ovich|evich|yitch|itch|ovna|evna|ichna)")
_ADDRESS = frozenset(
    [
        "Mr",
        "Mrs",
        "Miss",
        "Ms",
        "Mister",
        "Master",
        "Sir",
        "Madam",
        "Madame",
        "Mme",
        "Mademoiselle",
        "Mlle",
        "Monsieur",
        "M",
        "Lady",
        "Lord",
        "Dame",
        "Mistress",
        "Missis",
        "Herr",
        "Frau",
        "Fraulein",
        "Señor",
        "Senor",
        "Señora",
        "Senora",
        "Signor",
        "Signora",
        "Don",
        "Donna",
        "Uncle",
        "Aunt",
        "Father",
        "Mother",
        "Brother",
        "Sister",
        "Mas'r",
        "Mass'r",
        "Young",
        "Old",
        "Little",
    ]
)
_TIES = 2


def is_patronymic(word: str) -> bool:
    """Whether ``word`` has the shape of a Russian patronymic.

    Examples
    --------
    >>> is_patronymic("Arkadyevitch"), is_patronymic("Alexandrovna"), is_patronymic("Smith")
    (True, True, False)
    """
    return _PATRONYMIC.fullmatch(word) is not None


@cache
def diminutives() -> dict[str, tuple[str, ...]]:
    """``data/diminutives.csv``: each pet name and the given names it may stand for.

    Examples
    --------
    >>> diminutives()["Stiva"], diminutives()["Dolly"]
    (('Stepan',), ('Darya', 'Dorothy'))
    """
    table: dict[str, list[str]] = defaultdict(list)
    for line in sorted(word_list("diminutives.csv")):
        pet, _, full = line.partition(",")
        table[pet.strip()].append(full.strip())
    return {k: tuple(sorted(v)) for k, v in table.items()}


_TIE_SHARE = 20  # a table nickname needs one use in twenty tied to its full form


def nickname_tied(sentences: dict[str, list[int]], nickname: str, bearer: Sequence[str]) -> bool:
    """Whether the text ties ``nickname`` to the forms ``bearer`` (see the module docstring).

    ``sentences`` maps each form to the sentences of its mentions.

    Examples
    --------
    >>> s = {"Theo": [1], "Theodore": [0, 1], "Kitty": list(range(10, 50)), "Catherine": [9]}
    >>> nickname_tied(s, "Theo", ["Theodore"]), nickname_tied(s, "Kitty", ["Catherine"])
    (True, False)
    """
    near = set()
    for f in bearer:
        for i in sentences.get(f, ()):
            near.update((i - 1, i, i + 1))
    uses = sentences.get(nickname, ())
    tied = sum(1 for i in uses if i in near)
    return tied >= 1 and tied * _TIE_SHARE >= len(uses)


def _majority(votes: Counter) -> str | None:
    """The one candidate holding two thirds of ``votes`` or more (``None``: no vote, or split).

    Examples
    --------
    >>> _majority(Counter({"a": 2, "b": 1})), _majority(Counter({"a": 1, "b": 1}))
    ('a', None)
    """
    if not votes:
        return None
    (top, n), total = votes.most_common(1)[0], sum(votes.values())
    return top if n * 3 >= total * 2 else None


def _ties(sentences: dict[str, list[int]], a: list[str], b: list[str]) -> tuple[int, int]:
    """Uses of forms ``a`` in a sentence holding forms ``b``, and in the sentence next to one.

    ``sentences`` maps each form to the sentences of its mentions.
    """
    sb = {i for f in b for i in sentences.get(f, ())}
    sa = [i for f in a for i in sentences.get(f, ())]
    same = sum(1 for i in sa if i in sb)
    return same, sum(1 for i in sa if i not in sb and (i - 1 in sb or i + 1 in sb))


def join_parts(
    counts: Counter,
    parent: dict[str, str],
    honorifics: dict[str, str],
    blocked: set[frozenset[str]],
    kinds: dict[str, str],
    mentions: Sequence[Mention],
    reasons: dict[str, str] | None = None,
) -> dict[str, str]:
    """Add the joins of name parts to ``parent`` (form -> form it joins) and return it.

    Examples
    --------
    >>> counts = Counter({"Ivan Petrovitch Orlov": 1, "Ivan Petrovitch": 30, "Orlov": 5,
    ...                   "Ivan": 4, "Em'ly": 9, "Emily": 3})
    >>> p = join_parts(counts, {}, {}, set(), {}, [])
    >>> sorted((k, v) for k, v in p.items())  # doctest: +NORMALIZE_WHITESPACE
    [('Emily', "Em'ly"), ('Ivan', 'Ivan Petrovitch'), ('Ivan Petrovitch Orlov', 'Ivan Petrovitch'),
     ('Orlov', 'Ivan Petrovitch')]
    """
    reasons = reasons if reasons is not None else {}

    def is_title(w: str) -> bool:
        return w in honorifics or w.rstrip(".") in honorifics

    def root(k: str) -> str:
        return root_of(k, parent)

    members: dict[str, list[str]] = defaultdict(list)
    for k in counts:
        members[root(k)].append(k)

    def size(r: str) -> int:
        return sum(counts[f] for f in members[r])

    def join(key: str, target: str, why: str) -> bool:
        a, b = root(key), root(target)
        if a == b or frozenset((key, target)) in blocked or frozenset((a, b)) in blocked:
            return False
        if size(a) > size(b):
            a, b = b, a  # the smaller cluster joins the larger one
        parent[a] = b
        reasons[a] = REASONS[why]
        members[b].extend(members.pop(a, ()))
        return True

    people = sorted(k for k in counts if kinds.get(k) != "work")
    words = {k: k.split() for k in people}
    untitled = [k for k in people if not is_title(words[k][0])]
    singles = [k for k in untitled if len(words[k]) == 1]
    by_first: dict[str, list[str]] = defaultdict(list)
    by_surname: dict[str, list[str]] = defaultdict(list)
    patronymic: dict[str, list[str]] = defaultdict(list)  # first name -> "F + patronymic" forms
    for k in untitled:
        w = words[k]
        if len(w) >= 2:
            by_first[w[0]].append(k)
            by_surname[w[-1]].append(k)
            if is_patronymic(w[1]):
                patronymic[w[0]].append(k)

    # 1. "Alexey Alexandrovitch Karenin" ties "Alexey Alexandrovitch", "Alexey Karenin", "Karenin".
    for first, forms in list(patronymic.items()):
        for k in forms:
            w = words[k]
            if len(w) != 3 or is_patronymic(w[2]):
                continue
            rivals = {tuple(words[f][:2]) for f in by_surname[w[2]] if len(words[f]) == 3}
            for part in (f"{first} {w[1]}", f"{first} {w[2]}", w[2]):
                if part in counts and (part != w[2] or len(rivals) == 1):
                    join(part, k, "triple")
    # 2. "Anna Karenina" joins "Anna Arkadyevna": the dominant "Anna + patronymic", when the
    # surname is no one else's.
    for first, forms in list(patronymic.items()):
        for k in by_first[first]:
            w = words[k]
            if len(w) != 2 or is_patronymic(w[1]):
                continue
            bearers = Counter()
            for f in forms:
                if root(f) != root(k):
                    bearers[root(f)] += counts[f]
            top = _majority(bearers)
            if top is None:
                continue
            other = w[1] in counts and root(w[1]) not in (root(k), top)
            if not other and size(top) >= size(root(k)):
                join(k, top, "patronymic")
    # 3. "Konstantin" -> the one cluster of full names it opens.
    for k in singles:
        if k not in by_first or k in by_surname or len(members[root(k)]) != 1:
            continue
        cands = Counter()
        for f in by_first.get(k, ()):
            cands[root(f)] += counts[f]
        top = _majority(cands)
        if top is not None and size(top) >= counts[k]:
            join(k, top, "first")
    # 4. "Stiva" -> the cluster of "Stepan Arkadyevitch", when the text ties them.
    table = diminutives()
    index: dict[str, list[int]] = {}

    def sentences() -> dict[str, list[int]]:
        """Each name's sentences: one pass over the mentions, and only if a pet name needs it."""
        if not index:
            for m in mentions:
                index.setdefault(m.character, []).append(m.sentence)
        return index

    for k in singles:
        fulls = table.get(k)
        if not fulls or any(k not in f.split() for f in members[root(k)]):
            continue  # not a pet name, or already joined to another name
        cands = Counter()
        for full in fulls:
            for f in (full, *by_first.get(full, ())):
                if f in counts and root(f) != root(k):
                    cands[root(f)] += counts[f]
        top = _majority(cands)
        if top is None:
            continue
        formal = sum(counts[f] for f in members[top] if is_title(f.split()[0]))
        if formal * 4 > size(top) * 3:
            continue  # "Kitty" is not "Lady Catherine", whom the text mostly titles
        same, next_to = _ties(sentences(), members[root(k)], members[top])
        if next_to >= _TIES and 2 * same <= next_to + 1:
            join(k, top, "diminutive")
    # 4b. "Harry" -> "Lord Henry": a table nickname whose given name the text only titles
    # joins the one titled cluster of it, when the text ties them (at least _TIES uses).
    nicknames = word_table("nicknames.csv")
    titled_given: dict[str, list[str]] = defaultdict(list)  # "Henry" -> ["Lord Henry", ...]
    for f in people:
        if len(words[f]) == 2 and is_title(words[f][0]):
            titled_given[words[f][1]].append(f)
    for k in singles:
        full = nicknames.get(k)
        if not full or full in counts or full not in titled_given or len(members[root(k)]) != 1:
            continue
        cands = Counter()
        for f in titled_given[full]:
            if root(f) != root(k):
                cands[root(f)] += counts[f]
        top = _majority(cands)
        if top is None:
            continue
        same, next_to = _ties(sentences(), [k], members[top])
        if same + next_to >= _TIES and nickname_tied(sentences(), k, members[top]):
            join(k, top, "titled nickname")
    # 5. "Eliza Bennet" is "Elizabeth Bennet": a pet name and the given name with one surname;
    # "Mike Campbell" joins "Mike" (now "Michael") when no other full name opens with "Mike".
    for k in untitled:
        w = words[k]
        if len(w) != 2 or (w[0] not in table and w[0] not in nicknames and w[0] not in counts):
            continue
        fulls = {*table.get(w[0], ()), *([nicknames[w[0]]] if w[0] in nicknames else [])}
        same = [f"{f} {w[1]}" for f in sorted(fulls) if f"{f} {w[1]}" in counts]
        if len(same) == 1:
            join(k, same[0], "pet")
        elif (
            not same
            and w[0] in counts
            and root(w[0]) != root(k)
            and by_first[w[0]] == [k]
            and not (w[1] in counts and root(w[1]) != root(k))
            and size(root(w[0])) >= size(root(k))
        ):
            join(k, w[0], "first")
    # 6. "Em'ly" -> "Emily".
    for k in singles:
        if "'" not in k or any(k not in f.split() for f in members[root(k)]):
            continue
        head, _, tail = k.partition("'")
        spelled = re.compile(re.escape(head) + "[a-z]+" + re.escape(tail.replace("'", "")))
        cands = {f for f in singles if f != k and spelled.fullmatch(f)}
        if len(cands) == 1:
            join(k, next(iter(cands)), "elision")
    # 7. "Doctor" -> "Doctor Strong".
    titled: dict[str, Counter] = defaultdict(Counter)
    for k in people:
        w = k.split()
        if len(w) >= 2 and is_title(w[0]):
            titled[w[0].rstrip(".")][root(k)] += counts[k]
    for k in people:
        if " " in k or not is_title(k) or k.rstrip(".") in _ADDRESS:
            continue
        cands = titled.get(k.rstrip("."))
        if not cands:
            continue
        (top, n), total = cands.most_common(1)[0], sum(cands.values())
        if n * 3 >= total * 2:
            join(k, top, "rank")
    return parent
