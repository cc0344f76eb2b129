"""Kin vocatives: in one text "papa" or "aunt" names one character (rule 4b).

A kin word called as a vocative (after the quotation's start, a comma or
"dear", before a stop: "Yes, papa;", "Good night, aunt!") mostly names one
character of the text: the one who speaks, by an explicit tag, the turn
right before or after the quotations that use it, at least
:data:`KIN_VOTES` times and two thirds of them.  That character is then a
vocative of every quotation using the word: no one calls himself "papa",
and the one called answers (PDNC-dev right 13,241 -> 13,269, Emma 0.765 ->
0.775, no novel lower; with 3 votes Mansfield Park loses 0.010, with 8
Emma's gain is lost; learning "sir" and "ma'am" too, which many are called,
gives 13,254 only).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from graphkit.model import Quotation
from graphkit.pipeline.speakers.context import VOCATIVE_AFTER

#: Kin vocatives: in one text, most often said to one character ("papa").
KIN = frozenset(
    {
        "papa", "pa", "father", "daddy", "dad", "uncle", "grandpapa", "grandfather", "brother",
        "mamma", "mama", "ma", "mother", "mummy", "mum", "aunt", "grandmamma", "grandmother",
        "granny", "sister", "cousin",
    }
)  # fmt: skip

#: Explicitly tagged neighbouring turns that must name the one a kin vocative calls.
KIN_VOTES = 5

_TERMS = "|".join(sorted(KIN, key=len, reverse=True))
#: A kin word before a stop, in lower-cased text (no flag, no anchor first: the regex
#: engine skips fast to the words' first letters).
_KIN_WORD = re.compile(rf"({_TERMS})(?={VOCATIVE_AFTER})")
#: What stands before a kin word in vocative position: the start, a comma, "dear", "oh".
_BEFORE = re.compile(
    r"(?:^\s*|[,;!?\u2014\-]\s*|\b(?:[Mm]y\s+)?(?:[Dd]ear(?:est)?|[Oo]h?|[Gg]ood|[Pp]oor)\s+)$"
)


def address_terms(text: str, quotes: Sequence[Quotation]) -> list[frozenset[str]]:
    """The kin words each quotation calls someone by ("papa", "aunt"), lower case.

    Examples
    --------
    >>> text = "Yes, papa; my dear aunt. No aunt of mine."
    >>> [sorted(found) for found in address_terms(text, [Quotation(0, len(text), ((0, len(text)),), text)])]
    [['aunt', 'papa']]
    """
    out, lower = [], text.lower()
    for q in quotes:
        found = set()
        for a, b in q.parts:
            for m in _KIN_WORD.finditer(lower, a, b):
                word = m.start()
                if (word == a or not text[word - 1].isalpha()) and _BEFORE.search(
                    text[max(a, word - 20) : word]
                ):
                    found.add(m.group(1))
        out.append(frozenset(found))
    return out


def _kin_vocatives(
    terms: list[frozenset[str]],
    speaker: list[str | None],
    kind: list[str],
    runs: list[int],
    vocatives: list[list[str]],
) -> None:
    """Rule 4b: learn whom each kin vocative names in this text; add him to its vocatives.

    A vote is the speaker of an explicitly tagged quotation right before or
    after one that uses the word, in its run (see
    :func:`~graphkit.pipeline.speakers.turns._runs`), other than that
    quotation's own speaker.  A word with :data:`KIN_VOTES` votes at least,
    two thirds of them for one character, names him.
    """
    votes: dict[str, Counter] = {}
    n = len(speaker)
    for i, found in enumerate(terms):
        for t in found:
            for j in (i - 1, i + 1):
                who = speaker[j] if 0 <= j < n and runs[j] == runs[i] else None
                if who and kind[j] == "explicit" and who != speaker[i]:
                    votes.setdefault(t, Counter())[who] += 1
    named = {}
    for t, c in votes.items():
        (who, top), total = c.most_common(1)[0], sum(c.values())
        if top >= KIN_VOTES and 3 * top >= 2 * total:
            named[t] = who
    for i, found in enumerate(terms):
        for t in sorted(found):
            who = named.get(t)
            if who and who not in vocatives[i] and who != speaker[i]:
                vocatives[i].append(who)
