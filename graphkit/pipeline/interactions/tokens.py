"""Token windows: two names at most ``N`` word tokens apart co-occur, once per pair of mentions."""

from __future__ import annotations

import re
from collections.abc import Sequence

import numpy as np

from graphkit.model import Document, Evidence, Mention

__all__ = ["token_window"]

_TOKEN = re.compile(r"\S+")


def token_window(
    doc: Document,
    mentions: Sequence[Mention],
    n: int,
    evidence: dict[tuple[str, str], list[Evidence]],
) -> None:
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
