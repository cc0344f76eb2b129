"""Document -> quotations: the spans of direct speech in prose.

The normalised text has straight quotes only (``graphkit.text.normalize``
folds typographic ones), so each ``"`` or ``'`` is read in context: a mark
after white space (or an opening bracket, a dash) and before a word opens a
quotation, a mark after a word or punctuation and before white space or
punctuation closes one.  Where the text as read still has typographic
marks, their direction is used instead.

* **Which mark.**  A text speaks in double or in single quotes; the one with
  more opening marks is the speech mark, the other is left to nested
  quotations.  An apostrophe never opens a quotation: not inside a word
  (don't), not before an elision ('tis, 'em), not after a plural
  possessive (the Bennets' house).
* **Paragraphs.**  A speech over several paragraphs opens each paragraph
  with a mark and closes only the last: one quotation, one part per
  paragraph.  A quotation still open at a paragraph end whose next paragraph
  does not open with a mark was never closed: it is cut at the paragraph end
  and ``flagged``, so an unbalanced mark never swallows a book; so is a
  speech longer than :data:`MAX_CHARS` or :data:`MAX_PARAGRAPHS`.
* **Lines.**  In a text laid out one paragraph per line (no blank lines:
  :func:`graphkit.pipeline.paragraphs.paragraph_spans`) a line may be a
  sentence: a quotation still open at a line's end runs on over the line
  breaks to the next mark when that mark closes, or may close and does not
  open a line (one part per line).
* **Speech tags.**  Quotations of one paragraph with narration between them
  (``"Yes," said Emma, "I know."``) are one quotation in several parts, as
  in the Project Dialogism Novel Corpus.
* **Lost dashes.**  Some editions turn a dash before a closing mark into
  spaces (``"the social scale   "``): a ``"`` with white space on both sides
  closes an open quotation (else opens one), and the part it closes ends
  with punctuation as far as the speech tags are concerned.

Every step is one pass over the marks found by a compiled regex; the cost is
linear in the length of the text.
"""

from __future__ import annotations

import re
from bisect import bisect_right

import numpy as np

from graphkit.model import Document, Quotation

__all__ = ["MAX_CHARS", "MAX_PARAGRAPHS", "find_quotations", "speech_mark"]

#: A quotation longer than this many characters is cut at a paragraph end and flagged.
MAX_CHARS = 20_000
#: ... and so is one that runs over more than this many paragraphs.
MAX_PARAGRAPHS = 40
#: Narration longer than this between two quotations of a paragraph keeps them apart.
MAX_TAG_GAP = 400

# A speech interrupted by its tag ends its first part with punctuation ("Yes," said Emma);
# a quoted phrase in narration ("poor Isabella") does not.
_SPEECH_END = frozenset(",.;:!?-\u2014\u2026_")
_MARK = re.compile(r"[\"']")
_OPENERS = frozenset("([{<-_*\u2014\u2013")
_CLOSERS = frozenset(".,;:!?)]}>-_*'\"\u2014\u2013\u2026")
_RAW_OPEN = frozenset("\u201c\u2018\u201e\u201a\u201f\u201b\u00ab")
_RAW_CLOSE = frozenset("\u201d\u2019\u00bb")
# Words an apostrophe starts ('tis, 'em, 'cause): never the first word of a speech.
_ELISIONS = frozenset(
    [
        "tis",
        "twas",
        "twere",
        "twill",
        "twould",
        "twixt",
        "em",
        "im",
        "er",
        "ere",
        "ow",
        "e",
        "un",
        "cause",
        "cos",
        "n",
        "nd",
        "till",
        "gainst",
        "neath",
        "bout",
        "round",
        "mongst",
        "ye",
        "s",
        "t",
        "d",
        "ll",
        "ve",
        "re",
        "m",
    ]
)
_WORD_AFTER = re.compile(r"[A-Za-z]+")

OPEN, CLOSE, EITHER = 1, 2, 3


def _raw_marks(doc: Document, positions: list[int]) -> list[str]:
    """The character of the text as read at each normalised position ('' when it is straight)."""
    raw = doc.raw
    if not raw or not any(q in raw for q in "\u201c\u201d\u2018\u2019"):
        return [""] * len(positions)
    mapped = doc.offsets.to_raw(positions).tolist() if positions else []
    return [raw[i] if 0 <= i < len(raw) else "" for i in mapped]


def _classify(text: str, i: int, mark: str, raw_mark: str) -> int:
    """``OPEN``, ``CLOSE``, ``EITHER`` or 0 (an apostrophe or a stray mark) for the mark at ``i``."""
    before = text[i - 1] if i > 0 else "\n"
    after = text[i + 1] if i + 1 < len(text) else "\n"
    open_ok = before.isspace() or before in _OPENERS or (before in "\"'" and after.isalnum())
    close_ok = after.isspace() or after in _CLOSERS
    if mark == "'":
        if before.isalnum() and after.isalnum():
            return 0  # don't, o'clock
        if open_ok and after.isalpha():
            word = _WORD_AFTER.match(text, i + 1)
            w = word.group().lower() if word else ""
            if w in _ELISIONS and (after.islower() or w.startswith("tw") or w == "tis"):
                return 0  # 'tis, 'em
        if before.isalpha() and after in " \n":
            nxt = text[i + 1 : i + 3].lstrip()
            if nxt[:1].islower():
                return 0  # the Bennets' house, goin' home
    if raw_mark in _RAW_OPEN:
        return OPEN if not before.isalnum() or mark == '"' else 0
    if raw_mark in _RAW_CLOSE:
        if mark == "'" and open_ok and not close_ok:
            return 0  # \u2019tis: a typographic apostrophe
        return CLOSE
    if open_ok and not close_ok:
        return OPEN
    if close_ok and not open_ok:
        return CLOSE
    if open_ok and close_ok:
        if before.isspace() and after.isspace():
            # a dash lost before a closing mark ("the social scale   "): the open one closes
            return EITHER if mark == '"' else 0
        return EITHER
    return EITHER if mark == '"' else 0


def _marks(doc: Document, mark: str) -> list[tuple[int, int]]:
    """``(position, kind)`` of every quotation mark ``mark`` that may open or close a speech."""
    text = doc.text
    positions = [m.start() for m in re.finditer(re.escape(mark), text)]
    raws = _raw_marks(doc, positions)
    out = []
    for i, r in zip(positions, raws, strict=True):
        kind = _classify(text, i, mark, r)
        if kind:
            out.append((i, kind))
    return out


def speech_mark(doc: Document) -> str:
    """The mark that opens speech in ``doc``: ``'"'``, or ``"'"`` in a text that quotes with singles.

    Examples
    --------
    >>> from graphkit.pipeline.document import build_document
    >>> speech_mark(build_document("'Don't,' said Ann. 'I can't.' 'Tis late."))
    "'"
    >>> speech_mark(build_document('"I can\\'t," said Ann.'))
    '"'
    """
    counts = {m: sum(1 for _, k in _marks(doc, m) if k == OPEN) for m in "\"'"}
    return "'" if counts["'"] > counts['"'] else '"'


def _trim(text: str, a: int, b: int) -> tuple[int, int]:
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    return a, b


def find_quotations(doc: Document, mark: str | None = None) -> tuple[Quotation, ...]:
    """Every quotation of ``doc``'s prose paragraphs, in order, never overlapping.

    Parameters
    ----------
    doc : Document
        A document from :func:`graphkit.pipeline.document.build_document`.
    mark : str, optional
        The speech mark (``'"'`` or ``"'"``); by default :func:`speech_mark` decides.

    Returns
    -------
    tuple of Quotation
        Offsets into ``doc.text``; speakers are not attributed yet (see
        :func:`graphkit.speakers.attribute`).

    Examples
    --------
    >>> from graphkit.pipeline.document import build_document
    >>> doc = build_document('"Yes," said Emma, "I know."\\n\\n"It is late. I must go.\\n\\n"Now."')
    >>> [(q.text, len(q.parts), q.flagged) for q in find_quotations(doc)]
    [('Yes, I know.', 2, False), ('It is late. I must go. Now.', 2, False)]
    >>> q = find_quotations(build_document("'Tis late,' said Ann. 'Come.'"))
    >>> [x.text for x in q]
    ['Come.']
    """
    text = doc.text
    mark = mark or speech_mark(doc)
    paras = [p for p in doc.paragraphs if p.kind not in ("debris", "front")]
    if not paras:
        return ()
    p_starts = [p.start for p in paras]
    p_ends = [p.end for p in paras]
    spans: list[tuple[list[tuple[int, int]], bool]] = []  # parts, flagged
    parts: list[tuple[int, int]] = []
    open_at, open_para, first_start = -1, -1, -1

    def close(end: int, flagged: bool) -> None:
        nonlocal open_at, parts
        parts.append((open_at, end))
        spans.append((parts, flagged))
        parts, open_at = [], -1

    for pos, kind in _marks(doc, mark):
        k = bisect_right(p_starts, pos) - 1
        if k < 0 or pos >= p_ends[k]:
            continue  # in a debris paragraph or between paragraphs
        if open_at >= 0 and k != open_para:
            continues = (
                kind != CLOSE
                and k == open_para + 1
                and pos == p_starts[k]
                and p_ends[k] - first_start <= MAX_CHARS
                and len(parts) + 1 < MAX_PARAGRAPHS
            )
            if continues:
                parts.append((open_at, p_ends[open_para]))
                open_at, open_para = pos + 1, k
                continue
            if (
                (kind == CLOSE or (kind == EITHER and pos > p_starts[k]))
                and len(parts) + k - open_para < MAX_PARAGRAPHS
                and pos - first_start <= MAX_CHARS
                and text.count("\n", p_ends[open_para], p_starts[k]) == k - open_para
            ):  # line breaks, no blank line, inside a speech: a sentence-per-line layout
                parts.append((open_at, p_ends[open_para]))
                parts.extend((p_starts[j], p_ends[j]) for j in range(open_para + 1, k))
                open_at, open_para = p_starts[k], k
            else:
                close(p_ends[open_para], True)  # never closed, or too long a speech
        if open_at < 0:
            if kind != CLOSE:
                open_at, open_para, first_start = pos + 1, k, pos + 1
            continue
        if kind == OPEN:
            close(pos, True)  # a second opening mark: the first was never closed
            open_at, open_para, first_start = pos + 1, k, pos + 1
            continue
        close(pos, False)
    if open_at >= 0:
        close(p_ends[open_para], True)

    quotes: list[Quotation] = []
    last_para, dash_lost = -1, False
    for raw_parts, flagged in spans:
        trimmed = [(a, b) for a, b in (_trim(text, a, b) for a, b in raw_parts) if b > a]
        if not trimmed:
            continue
        k = bisect_right(p_starts, trimmed[0][0]) - 1
        prev = quotes[-1] if quotes else None
        if (
            prev is not None
            and not flagged
            and not prev.flagged
            and last_para == k
            and trimmed[0][0] - prev.end <= MAX_TAG_GAP
            and (text[prev.end - 1] in _SPEECH_END or len(prev.parts) > 1 or dash_lost)
        ):
            quotes[-1] = _quotation(text, prev.parts + tuple(trimmed), False)
        else:
            quotes.append(_quotation(text, tuple(trimmed), flagged))
        last_para = bisect_right(p_starts, trimmed[-1][0]) - 1
        # white space before the closing mark stands for a lost dash ("I was going " said Ann)
        dash_lost = text[raw_parts[-1][1] - 1].isspace()
    return tuple(quotes)


def _quotation(text: str, parts: tuple[tuple[int, int], ...], flagged: bool) -> Quotation:
    return Quotation(
        start=parts[0][0],
        end=parts[-1][1],
        parts=parts,
        text=" ".join(" ".join(text[a:b].split()) for a, b in parts),
        flagged=flagged,
    )


def inside(quotes: tuple[Quotation, ...], positions: list[int] | np.ndarray) -> np.ndarray:
    """Index of the quotation whose quoted text holds each position, or -1 (narration).

    Examples
    --------
    >>> from graphkit.pipeline.document import build_document
    >>> doc = build_document('Ann said, "Bob is here," and left.')
    >>> inside(find_quotations(doc), [0, 11, 30]).tolist()
    [-1, 0, -1]
    """
    pos = np.asarray(positions, dtype=np.int64)
    flat = [(a, b, i) for i, q in enumerate(quotes) for a, b in q.parts]
    if not flat or len(pos) == 0:
        return np.full(len(pos), -1, dtype=np.int64)
    starts = np.fromiter((a for a, _, _ in flat), dtype=np.int64, count=len(flat))
    ends = np.fromiter((b for _, b, _ in flat), dtype=np.int64, count=len(flat))
    owner = np.fromiter((i for _, _, i in flat), dtype=np.int64, count=len(flat))
    j = np.searchsorted(starts, pos, side="right") - 1
    ok = (j >= 0) & (pos < ends[np.clip(j, 0, None)])
    return np.where(ok, owner[np.clip(j, 0, None)], -1)
