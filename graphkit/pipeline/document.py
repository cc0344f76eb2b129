"""Normalised text -> :class:`~graphkit.model.Document`.

Paragraphs are blocks between blank lines, classified as prose, headings
(titles, captions, chapter headings) or debris (image slugs, ``RELATED:``
lines, URLs, a Project Gutenberg licence); sentences are found in prose
paragraphs only; segments are chapters when the text has chapter headings,
else the whole text.
"""

from __future__ import annotations

import re
import weakref
from collections.abc import Sequence

import numpy as np

from graphkit.io.lexicon import word_list
from graphkit.io.text import SourceText, normalize
from graphkit.model import Document, OffsetMap, Paragraph, Segment, Sentence

__all__ = ["build_document", "split_sentences", "classify_paragraph", "sentence_index"]

_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n\s*")
_SLUG = re.compile(r"[a-z0-9]+(?:[-_][a-z0-9]+){2,}(?:\.(?:jpe?g|png|gif|webp))?")
_URL = re.compile(r"(?:https?://|www\.)\S+")
_LABEL = re.compile(r"[A-Z][A-Z ]{2,}:|(?:Image|Photo|Credit|Source|Advertisement)\b", re.I)
_CHAPTER = re.compile(
    r"(?:CHAPTER|Chapter|BOOK|Book|PART|Part|VOLUME|Volume|STAVE|Stave|LETTER|Letter)"
    r"\s+(?:[IVXLCDM]+\b|\d+\b|[A-Z][A-Za-z]+)"
    r"|[IVXLCDM]+\.?$|\d{1,3}\.?$"
)
_GUTENBERG_START = re.compile(r"\*\*\* ?START OF (?:THE|THIS) PROJECT GUTENBERG", re.I)
_GUTENBERG_END = re.compile(r"\*\*\* ?END OF (?:THE|THIS) PROJECT GUTENBERG", re.I)
_WORD = re.compile(r"[A-Za-z][A-Za-z'-]*")
_TERMINAL = ".!?:;\"')]"


def classify_paragraph(block: str) -> str:
    """Say whether a paragraph is ``"text"``, a ``"heading"`` or ``"debris"``.

    Examples
    --------
    >>> classify_paragraph("her-spike-jonze-theo-samantha")
    'debris'
    >>> classify_paragraph("RELATED: 10 Of The Most Realistic Sci-Fi Films")
    'debris'
    >>> classify_paragraph("What Is Her About?")
    'heading'
    >>> classify_paragraph("CHAPTER I.")
    'heading'
    >>> classify_paragraph("Theodore is a writer.")
    'text'
    >>> classify_paragraph("CHAPTER I.\\nDown the Rabbit-Hole")
    'heading'
    """
    line = block.strip()
    if _SLUG.fullmatch(line) or _URL.fullmatch(line):
        return "debris"
    if "\n" in line:
        # A chapter heading with its title on the next line or two is still a heading.
        if not _CHAPTER.match(line[: line.index("\n")].strip()):
            return "text"
        first, *rest = line.split("\n")
        if len(rest) <= 2 and all(len(r) < 80 and not _CHAPTER.match(r.strip()) for r in rest):
            return "heading"
        return "text"
    if _LABEL.match(line) and len(line) < 160:
        return "debris"
    if _CHAPTER.match(line):
        return "heading"
    words = _WORD.findall(line)
    if not words or line[0] in "\"'(“‘":
        return "text"
    if len(words) <= 12 and line[-1] not in _TERMINAL:
        return "heading"
    if 3 <= len(words) <= 10 and line[-1] in "?!":
        function = word_list("function_words.txt")
        content = [w for w in words if w.lower() not in function or w[0].isupper()]
        capitalised = sum(w[0].isupper() for w in content)
        if content and capitalised / len(content) >= 0.8:
            return "heading"
    return "text"


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


def _paragraph_spans(text: str) -> list[tuple[int, int]]:
    spans = []
    left = 0
    for m in _PARAGRAPH_BREAK.finditer(text):
        spans.append((left, m.start()))
        left = m.end()
    spans.append((left, len(text)))
    if len(spans) == 1 and text.count("\n") >= 2:
        # No blank lines: a text with one paragraph per line (a common scrape).
        lines = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text)]
        if sum(b - a for a, b in lines) / len(lines) > 80:
            spans = lines
    return _trimmed(text, spans)


def _trimmed(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """``spans`` without their leading and trailing white space; empty ones dropped."""
    out = []
    for a, b in spans:
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if a < b:
            out.append((a, b))
    return out


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
    para_spans = _split_at_gutenberg_marks(text, _paragraph_spans(text))
    kinds = [classify_paragraph(text[a:b]) for a, b in para_spans]
    _mark_gutenberg_boilerplate(text, para_spans, kinds)
    _mark_illustrations(text, para_spans, kinds)
    paragraphs = tuple(
        Paragraph(i, a, b, k) for i, ((a, b), k) in enumerate(zip(para_spans, kinds, strict=False))
    )

    segment_starts: list[tuple[int, str]] = []
    spans: list[tuple[int, int, int, int]] = []  # start, end, paragraph, segment
    pending_heading: tuple[int, str] | None = None
    for p in paragraphs:
        if p.kind == "heading" and _CHAPTER.match(text[p.start : p.end].lstrip("[")):
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
        # Prose before the first chapter heading (a preface) is a segment of its own.
        first_chapter = segment_starts[0][0]
        segment_starts.insert(0, (0, "(front matter)"))
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


_ILLUSTRATION = re.compile(r"\[\s*(?:Illustration|Picture|Image|Figure|Plate)\b", re.I)


def _mark_illustrations(text: str, spans: list[tuple[int, int]], kinds: list[str]) -> None:
    """Mark a bracketed illustration and its caption and credit lines as debris.

    Project Gutenberg writes ``[Illustration: ...]``; its caption and a
    ``[_Copyright ..._]`` line may follow in paragraphs of their own before the
    closing bracket.  A block left open ends after four paragraphs or at a long
    one (captions are short); a paragraph that goes on after the closing
    bracket is left as it is, and so is a chapter heading inside the brackets
    ("[Illustration: ...  Chapter I.]").
    """
    depth, left = 0, 0
    for i, (a, b) in enumerate(spans):
        block = text[a:b]
        if depth == 0 and not _ILLUSTRATION.match(block):
            continue
        opens = depth == 0
        if not opens and len(block) > 300:
            depth = 0  # prose: the bracket was never closed
            continue
        depth = max(depth + block.count("[") - block.count("]"), 0)
        if opens and depth == 0 and not block.rstrip().endswith("]"):
            continue  # "[Illustration: ...] Mrs. McChesney rose.": the prose after it stays
        if opens:
            left = 4
        if not (kinds[i] == "heading" and _CHAPTER.match(block.strip("[] \n"))):
            kinds[i] = "debris"
        left -= 1
        if left == 0:
            depth = 0


_MARK_CLOSE = re.compile(r"\*\*\*|\n")


def _split_at_gutenberg_marks(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Give each Project Gutenberg START/END line a paragraph of its own.

    A mark inside a paragraph ("*** START OF ... *** Alice met Bob.", or a whole
    book on one line) would otherwise take the story around it down with it.
    The mark runs to its closing ``***`` or to the end of its line.

    Examples
    --------
    >>> t = "*** START OF THE PROJECT GUTENBERG EBOOK X *** Alice met Bob."
    >>> [t[a:b] for a, b in _split_at_gutenberg_marks(t, [(0, len(t))])]
    ['*** START OF THE PROJECT GUTENBERG EBOOK X ***', 'Alice met Bob.']
    """
    marks = sorted(
        m.start() for pattern in (_GUTENBERG_START, _GUTENBERG_END) for m in pattern.finditer(text)
    )
    if not marks:
        return spans
    out: list[tuple[int, int]] = []
    i = 0
    for a, b in spans:
        while i < len(marks) and marks[i] < a:
            i += 1
        pieces = []
        while i < len(marks) and marks[i] < b:
            start = marks[i]
            close = _MARK_CLOSE.search(text, start + 3, b)
            end = b if close is None else close.end() if close.group() == "***" else close.start()
            pieces += [(a, start), (start, end)]
            a = end
            i += 1
        pieces.append((a, b))
        out += _trimmed(text, pieces)
    return out


def _mark_gutenberg_boilerplate(text: str, spans: list[tuple[int, int]], kinds: list[str]) -> None:
    """Mark Project Gutenberg headers and licences (outside START ... END lines) as debris.

    Several books in one file each keep their own text: only what lies
    between a START line and the next END line is the book.
    """
    marks = sorted(
        [(m.start(), m.end(), True) for m in _GUTENBERG_START.finditer(text)]
        + [(m.start(), m.end(), False) for m in _GUTENBERG_END.finditer(text)]
    )
    if not marks:
        return
    has_start = any(opens for _, _, opens in marks)
    i, inside = 0, not has_start  # before any mark: a header if a START line follows
    for k, (a, b) in enumerate(spans):
        while i < len(marks) and marks[i][1] <= a:
            inside = marks[i][2]
            i += 1
        if not inside or (i < len(marks) and marks[i][0] < b):
            kinds[k] = "debris"  # outside the book, or the paragraph holding a START/END line


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
