"""Document + mentions -> interactions: who co-occurs with whom, with evidence.

A *window* decides what co-occurring means:

* ``"sentence"`` (default): two characters named in the same sentence;
* ``"paragraph"``: in the same paragraph;
* an integer ``N``: names at most ``N`` word tokens apart.

Every co-occurrence adds 1 to the pair's weight (once per sentence or
paragraph; once per pair of mentions for token windows) and keeps an
:class:`~graphkit.model.Evidence` (sentence index and the span holding both
names).  The work is linear in the number of mentions: mentions are grouped
by unit, or swept with two pointers for token windows.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from itertools import combinations

import numpy as np

from graphkit.errors import OptionError
from graphkit.model import Document, Evidence, Interaction, Mention

__all__ = ["parse_window", "co_occurrences"]

Window = str | int


def parse_window(window: str | int) -> Window:
    """Check a window option: ``"sentence"``, ``"paragraph"`` or a positive token count.

    Examples
    --------
    >>> parse_window("sentence"), parse_window("25"), parse_window(10)
    ('sentence', 25, 10)
    >>> parse_window("lines")
    Traceback (most recent call last):
    ...
    graphkit.errors.OptionError: unknown window 'lines': use sentence, paragraph or a number of tokens
    """
    if isinstance(window, int) and not isinstance(window, bool):
        if window < 1:
            raise OptionError(f"window must be at least 1 token, got {window}")
        return window
    value = str(window).strip().lower()
    if value in ("sentence", "paragraph"):
        return value
    if value.isdigit():
        return parse_window(int(value))
    raise OptionError(f"unknown window {window!r}: use sentence, paragraph or a number of tokens")


def co_occurrences(
    doc: Document, mentions: Sequence[Mention], window: Window = "sentence"
) -> list[Interaction]:
    """Interactions between the characters of ``mentions``, sorted by (source, target).

    Examples
    --------
    >>> from graphkit.pipeline.document import build_document
    >>> doc = build_document("Ann met Bob. Bob met Cy and Ann.")
    >>> ms = [Mention(0, 3, "Ann", "Ann", "character", 0), Mention(8, 11, "Bob", "Bob", "character", 0),
    ...       Mention(13, 16, "Bob", "Bob", "character", 1), Mention(21, 23, "Cy", "Cy", "character", 1),
    ...       Mention(28, 31, "Ann", "Ann", "character", 1)]
    >>> [(i.source, i.target, i.weight, i.sentences) for i in co_occurrences(doc, ms)]
    [('Ann', 'Bob', 2, (0, 1)), ('Ann', 'Cy', 1, (1,)), ('Bob', 'Cy', 1, (1,))]
    """
    window = parse_window(window)
    evidence: dict[tuple[str, str], list[Evidence]] = defaultdict(list)
    if window in ("sentence", "paragraph"):
        groups: dict[int, dict[str, Mention]] = defaultdict(dict)
        for m in mentions:
            unit = m.sentence if window == "sentence" else doc.sentences[m.sentence].paragraph
            groups[unit].setdefault(m.character, m)
        for unit, present in groups.items():
            if len(present) < 2:
                continue
            if window == "sentence":
                s = doc.sentences[unit]
                span = (s.start, s.end)
            else:
                p = doc.paragraphs[unit]
                span = (p.start, p.end)
            first_sentence = min(m.sentence for m in present.values())
            for a, b in combinations(sorted(present), 2):
                evidence[(a, b)].append(Evidence(first_sentence, *span))
    else:
        _token_window(doc, mentions, window, evidence)
    return [Interaction(a, b, len(ev), tuple(ev)) for (a, b), ev in sorted(evidence.items())]


_TOKEN = re.compile(r"\S+")


def _token_window(doc: Document, mentions: Sequence[Mention], n: int, evidence: dict) -> None:
    """Pairs of mentions at most ``n`` tokens apart, swept with two pointers."""
    if len(mentions) < 2:
        return
    token_starts = np.fromiter((m.start() for m in _TOKEN.finditer(doc.text)), dtype=np.int64)
    ordered = sorted(mentions, key=lambda m: m.start)
    tokens = np.searchsorted(token_starts, [m.start for m in ordered], side="right") - 1
    left = 0
    for i, m in enumerate(ordered):
        while tokens[i] - tokens[left] > n:
            left += 1
        for j in range(left, i):
            other = ordered[j]
            if other.character == m.character:
                continue
            a, b = sorted((other.character, m.character))
            evidence[(a, b)].append(Evidence(other.sentence, other.start, m.end))
