"""Sentence and paragraph windows: characters named in the same unit co-occur once per unit."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Sequence
from itertools import combinations

from graphkit.model import Document, Evidence, Mention

__all__ = ["sentence_window", "paragraph_window"]


def _unit_window(
    mentions: Sequence[Mention],
    unit_of: Callable[[Mention], int],
    span_of: Callable[[int], tuple[int, int]],
    evidence: dict[tuple[str, str], list[Evidence]],
) -> None:
    """Group mentions by unit; every pair present in a unit gets one piece of evidence."""
    groups: dict[int, dict[str, Mention]] = defaultdict(dict)
    for m in mentions:
        groups[unit_of(m)].setdefault(m.character, m)
    for unit, present in groups.items():
        if len(present) < 2:
            continue
        span = span_of(unit)
        first_sentence = min(m.sentence for m in present.values())
        for a, b in combinations(sorted(present), 2):
            evidence[(a, b)].append(Evidence(first_sentence, *span))


def sentence_window(
    doc: Document, mentions: Sequence[Mention], evidence: dict[tuple[str, str], list[Evidence]]
) -> None:
    """Two characters named in the same sentence co-occur (evidence: that sentence)."""

    def span(unit: int) -> tuple[int, int]:
        s = doc.sentences[unit]
        return s.start, s.end

    _unit_window(mentions, lambda m: m.sentence, span, evidence)


def paragraph_window(
    doc: Document, mentions: Sequence[Mention], evidence: dict[tuple[str, str], list[Evidence]]
) -> None:
    """Two characters named in the same paragraph co-occur (evidence: its first such sentence)."""
    sentences = doc.sentences

    def span(unit: int) -> tuple[int, int]:
        p = doc.paragraphs[unit]
        return p.start, p.end

    _unit_window(mentions, lambda m: sentences[m.sentence].paragraph, span, evidence)
