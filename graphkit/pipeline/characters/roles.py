"""Roles and their actors set side by side ("Amy (Amy Adams)", "Charlotte, played by ..."), and
people named before a work ("Jonze's Her"): pairs that must never merge.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from graphkit.model import Document, Mention

_ROLE_GAP = re.compile(
    r"\s*(?:\(\s*(?:[a-z]+\s+){0,3}?(?:played|voiced|portrayed)\s+by\s+|\(\s*|,\s*(?:played|voiced|portrayed)\s+by\s+)"
)
_PERSON_BEFORE_WORK = re.compile(r"\s*'s?\s+(?:(?:\d{4}|new|latest|first|last|debut)\s+)*")


def role_pairs(doc: Document, mentions: Sequence[Mention]) -> list[tuple[str, str]]:
    """``(role, actor)`` pairs the text sets side by side: "Amy (Amy Adams)", "X, played by Y".

    Examples
    --------
    >>> from graphkit.pipeline.document import build_document
    >>> doc = build_document("Her follows Theodore (Joaquin Phoenix) home.")
    >>> ms = [Mention(12, 20, "Theodore", "Theodore", "character", 0),
    ...       Mention(22, 37, "Joaquin Phoenix", "Joaquin Phoenix", "character", 0)]
    >>> role_pairs(doc, ms)
    [('Theodore', 'Joaquin Phoenix')]
    """
    pairs = []
    for a, b in zip(mentions, mentions[1:], strict=False):
        if a.sentence != b.sentence or a.kind == "work" or b.kind == "work":
            continue
        gap = doc.text[a.end : b.start]
        m = _ROLE_GAP.fullmatch(gap)
        if (
            m
            and doc.text[b.end : b.end + 1] in (")", ",", ".", " ", ";")
            and a.character != b.character
        ):
            pairs.append((a.character, b.character))
    return pairs


def _people_before_works(doc: Document, mentions: Sequence[Mention]) -> set[str]:
    """Names in the possessive right before a work: "Spike Jonze's Her", "Coppola's 2003 movie, X"."""
    people = set()
    for a, b in zip(mentions, mentions[1:], strict=False):
        if b.kind != "work" or a.kind == "work" or a.sentence != b.sentence:
            continue
        gap = doc.text[a.end : b.start]
        if _PERSON_BEFORE_WORK.fullmatch(gap) or re.fullmatch(r"'s\s+(?:\d{4}\s+)?\w+,?\s+", gap):
            people.add(a.character)
    return people
