"""Normalised text -> :class:`~graphkit.model.Document`.

Paragraphs (see :mod:`~graphkit.pipeline.paragraphs`: prose, headings,
debris, front matter) are found first; sentences are found in prose
paragraphs only; segments are chapters when the text has chapter headings,
else the whole text.
"""

from __future__ import annotations

import re
import weakref
from collections.abc import Sequence
from dataclasses import replace

import numpy as np

from graphkit.io.text import SourceText, normalize
from graphkit.model import Document, OffsetMap, Paragraph, Segment, Sentence
from graphkit.pipeline.paragraphs import (
    CHAPTER,
    classify_paragraph,
    front_matter,
    mark_gutenberg_boilerplate,
    mark_illustrations,
    paragraph_spans,
    split_at_gutenberg_marks,
)

__all__ = ["build_document", "split_sentences", "classify_paragraph", "sentence_index"]

_ABBREVIATIONS = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "st",
        "jr",
        "sr",
        "prof",
        "rev",
        "capt",
        "col",
        "gen",
        "lt",
        "sgt",
        "mt",
        "messrs",
        "mme",
        "mlle",
        "m",
        "vs",
        "etc",
        "e.g",
        "i.e",
        "no",
        "vol",
        "fig",
        "inc",
        "ltd",
        "co",
        "esq",
        "hon",
        "gov",
        "sen",
        "rep",
        "ft",
        "ave",
    ]
)
# A sentence ends at . ! or ? (and closing quotes or brackets) before white space and a
# capital or a digit; group 1 is that white space, so the next sentence starts at its end.
_BOUNDARY = re.compile(r"[.!?]+['\")\]]*(?=(\s+)['\"(\[]*[A-Z0-9])")


def split_sentences(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Sentence spans in ``text[start:end]``, keeping abbreviations and initials inside.

    Examples
    --------
    >>> t = "Mr. Darcy bowed. Elizabeth smiled! J. R. Smith left."
    >>> [t[a:b] for a, b in split_sentences(t)]
    ['Mr. Darcy bowed.', 'Elizabeth smiled!', 'J. R. Smith left.']
    """
    end = len(text) if end is None else end
    spans = []
    left = start
    for m in _BOUNDARY.finditer(text, start, end):
        dot = m.start()
        if text[dot] == ".":
            word_start = max(text.rfind(" ", left, dot), text.rfind("\n", left, dot)) + 1
            word = text[max(word_start, left) : dot].lstrip("\"'([").lower()
            if word in _ABBREVIATIONS or (len(word) == 1 and word.isalpha()):
                continue
        spans.append((left, m.end()))
        left = m.end(1)
    stop = end
    while stop > left and text[stop - 1].isspace():
        stop -= 1
    if stop > left:
        spans.append((left, stop))
    return spans


def build_document(source: SourceText | str, normalized: bool = False) -> Document:
    """Normalise a text and split it into paragraphs, sentences and segments.

    Examples
    --------
    >>> doc = build_document("CHAPTER I\\n\\nAnn met Bob. They talked.\\n\\nCHAPTER II\\n\\nBob left.")
    >>> [doc.sentence_text(s.index) for s in doc.sentences]
    ['Ann met Bob.', 'They talked.', 'Bob left.']
    >>> [(seg.title, [s.index for s in doc.sentences if s.segment == seg.index]) for seg in doc.segments]
    [('CHAPTER I', [0, 1]), ('CHAPTER II', [2])]
    """
    if isinstance(source, str):
        source = SourceText(text=source, source="<text>")
    raw = source.text
    if normalized:
        text, offsets = raw, OffsetMap.identity()
    else:
        text, offsets = normalize(raw)
    para_spans = split_at_gutenberg_marks(text, paragraph_spans(text))
    kinds = [classify_paragraph(text[a:b]) for a, b in para_spans]
    mark_gutenberg_boilerplate(text, para_spans, kinds)
    mark_illustrations(text, para_spans, kinds)
    paragraphs = tuple(
        Paragraph(i, a, b, k) for i, ((a, b), k) in enumerate(zip(para_spans, kinds, strict=False))
    )

    segment_starts: list[tuple[int, str]] = []
    spans: list[tuple[int, int, int, int]] = []  # start, end, paragraph, segment
    pending_heading: tuple[int, str] | None = None
    for p in paragraphs:
        if p.kind == "heading" and CHAPTER.match(text[p.start : p.end].lstrip("[")):
            if pending_heading is None:
                title = " ".join(text[p.start : p.end].strip("[] \n").split())
                pending_heading = (p.start, title)
            continue
        if p.kind != "text":
            continue
        if pending_heading is not None:
            # A heading followed by prose opens a segment; runs of headings
            # (a table of contents, "BOOK I" then "CHAPTER 1") open one.
            segment_starts.append(pending_heading)
            pending_heading = None
        seg = max(len(segment_starts) - 1, 0)
        spans.extend((a, b, p.index, seg) for a, b in split_sentences(text, p.start, p.end))

    if segment_starts and spans and spans[0][0] < segment_starts[0][0]:
        spans, front = front_matter(spans, segment_starts)
        if front:
            first_chapter = segment_starts[0][0]
            paragraphs = tuple(replace(p, kind="front")
                               if p.start < first_chapter and p.kind != "debris" else p
                               for p in paragraphs)  # fmt: skip
        else:
            first_chapter = segment_starts[0][0]
            segment_starts.insert(0, (0, "(opening)"))
            spans = [(a, b, p, seg + (a >= first_chapter)) for a, b, p, seg in spans]
    sentences = [Sentence(i, a, b, p, seg) for i, (a, b, p, seg) in enumerate(spans)]
    if not segment_starts:
        segment_starts = [(0, "(whole text)")]
    segments = tuple(
        Segment(
            i, title, start, segment_starts[i + 1][0] if i + 1 < len(segment_starts) else len(text)
        )
        for i, (start, title) in enumerate(segment_starts)
    )
    return Document(
        text=text,
        paragraphs=paragraphs,
        sentences=tuple(sentences),
        segments=segments,
        raw=raw,
        offsets=offsets,
        source=source.source,
        titles=source.titles,
    )


_BOUNDS: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def _sentence_bounds(doc: Document) -> tuple[np.ndarray, np.ndarray]:
    """Sentence start and end offsets as arrays, built once per document."""
    bounds = _BOUNDS.get(doc)
    if bounds is None:
        n = len(doc.sentences)
        starts = np.fromiter((s.start for s in doc.sentences), dtype=np.int64, count=n)
        ends = np.fromiter((s.end for s in doc.sentences), dtype=np.int64, count=n)
        bounds = _BOUNDS[doc] = (starts, ends)
    return bounds


def sentence_index(doc: Document, positions: np.ndarray | Sequence[int]) -> np.ndarray:
    """Index of the sentence holding each position, or -1 outside every sentence.

    Examples
    --------
    >>> doc = build_document("Ann met Bob.\\n\\nCHAPTER II\\n\\nBob left.")
    >>> sentence_index(doc, [0, 14, 27]).tolist()
    [0, -1, 1]
    """
    positions = np.asarray(positions, dtype=np.int64)
    if not doc.sentences or len(positions) == 0:
        return np.full(len(positions), -1, dtype=np.int64)
    starts, ends = _sentence_bounds(doc)
    idx = np.searchsorted(starts, positions, side="right") - 1
    ok = (idx >= 0) & (positions < ends[np.clip(idx, 0, None)])
    return np.where(ok, idx, -1)
