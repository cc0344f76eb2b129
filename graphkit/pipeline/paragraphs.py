"""Paragraphs and what they are: prose, headings, debris, front matter.

Paragraphs are blocks between blank lines (or lines, in a text that has no
blank lines), classified as prose, headings (titles, captions, chapter
headings) or debris (image slugs, ``RELATED:`` lines, URLs, a Project
Gutenberg licence, illustration captions); in a book of chapters a short
stretch of prose before the first chapter is front matter.
:func:`~graphkit.pipeline.document.build_document` uses these to find the
story's sentences and segments.
"""

from __future__ import annotations

import re

from graphkit.io.lexicon import word_list

__all__ = ["classify_paragraph", "CHAPTER", "FRONT_MIN_CHAPTERS", "FRONT_MAX_SHARE"]

_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n\s*")
_SLUG = re.compile(r"[a-z0-9]+(?:[-_][a-z0-9]+){2,}(?:\.(?:jpe?g|png|gif|webp))?")
_URL = re.compile(r"(?:https?://|www\.)\S+")
# "RELATED:", "Image", "Photo credit": a capitalised label, or a picture's or an advert's word
_LABEL = re.compile(r"[A-Z][A-Z ]{2,}:|(?i:Image|Photo|Credit|Source|Advertisement)\b")
CHAPTER = re.compile(
    r"(?:CHAPTER|Chapter|BOOK|Book|PART|Part|VOLUME|Volume|STAVE|Stave|LETTER|Letter)"
    r"\s+(?:[IVXLCDM]+\b|\d+\b|[A-Z][A-Za-z]+)"
    r"|[IVXLCDM]+\.?$|\d{1,3}\.?$"
)
_WORD = re.compile(r"[A-Za-z][A-Za-z'-]*")
_TERMINAL = ".!?:;\"')]-\u2014\u2013"  # a heading never ends so ("The Bishop replied:--")


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
        if not CHAPTER.match(line[: line.index("\n")].strip()):
            return "text"
        first, *rest = line.split("\n")
        if len(rest) <= 2 and all(len(r) < 80 and not CHAPTER.match(r.strip()) for r in rest):
            return "heading"
        return "text"
    if _LABEL.match(line) and len(line) < 160:
        return "debris"
    if CHAPTER.match(line):
        return "heading"
    words = _WORD.findall(line)
    if not words or line[0] in "\"'(“‘":
        return "text"
    function = word_list("function_words.txt")
    if len(words) <= 12 and line[-1] not in _TERMINAL:
        # a sentence that lost its colon ("The heroic child replied") has lower-case words
        lower = sum(w.islower() and w not in function for w in words)
        return "heading" if lower < 3 else "text"
    if 3 <= len(words) <= 10 and line[-1] in "?!":
        content = [w for w in words if w.lower() not in function or w[0].isupper()]
        capitalised = sum(w[0].isupper() for w in content)
        if len(content) >= 2 and capitalised / len(content) >= 0.8:
            return "heading"  # "What Is Her About?", not "What was he to do?"
    return "text"


#: Where a paragraph ends: terminal punctuation or a closing quotation mark or bracket.
_PARAGRAPH_END = ".!?:;\"')]”’"  # not a dash: wrapped lines end with hyphens
#: A text without blank lines is one paragraph per line when this share of its lines end so.
LINE_PARAGRAPHS = 0.6


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """The paragraphs of ``text``: blocks between blank lines, or its lines when it has none.

    A text with no blank line at all is one paragraph per line (a common
    scrape, and a sentence-per-line corpus) when its lines are long (over 80
    characters on average) or end as paragraphs do (:data:`LINE_PARAGRAPHS` of
    them with terminal punctuation or a closing quotation mark): hard-wrapped
    prose breaks its lines inside sentences, and short dialogue lines
    ("“Yes,” said Emma.") would otherwise run together into one paragraph.

    Examples
    --------
    >>> t = "“Will you come?” said Ann.\\n“No,” said Bob.\\nAnn left."
    >>> [t[a:b] for a, b in paragraph_spans(t)]
    ['“Will you come?” said Ann.', '“No,” said Bob.', 'Ann left.']
    >>> wrapped = "Ann walked down the long\\nroad to the town, where she\\nmet her brother Bob."
    >>> len(paragraph_spans(wrapped))
    1

    Hard-wrapped prose whose paragraphs open with an indented line (a twentieth
    to four fifths of its lines) is cut at those lines instead
    (:func:`indented_paragraphs`).
    """
    spans = []
    left = 0
    for m in _PARAGRAPH_BREAK.finditer(text):
        spans.append((left, m.start()))
        left = m.end()
    spans.append((left, len(text)))
    if len(spans) == 1 and text.count("\n") >= 2:
        lines = [(m.start(), m.end()) for m in re.finditer(r"[^\n]*\S[^\n]*", text)]
        long = sum(b - a for a, b in lines) / len(lines) > 80
        indented = sum(text[a] in " \t" for a, _ in lines)
        if not long and 0.05 * len(lines) <= indented <= 0.8 * len(lines):
            spans = indented_paragraphs(text, lines)
        else:
            ends = sum(text[a:b].rstrip()[-1] in _PARAGRAPH_END for a, b in lines)
            if long or ends >= LINE_PARAGRAPHS * len(lines):
                spans = unglued_headings(text, lines)
    return trimmed(text, spans)


def indented_paragraphs(text: str, lines: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Hard-wrapped paragraphs told apart by indenting their first line, not by blank lines.

    A paragraph runs from an indented line to the next one; a chapter heading
    line stands alone (a chapter's first paragraph is often not indented).

    Examples
    --------
    >>> t = "CHAPTER I\\nAnn walked to the\\ntown.\\n  Bob followed her\\nthere.\\n  They met."
    >>> lines = [(m.start(), m.end()) for m in re.finditer(r"[^\\n]+", t)]
    >>> [" ".join(t[a:b].split()) for a, b in trimmed(t, indented_paragraphs(t, lines))]
    ['CHAPTER I', 'Ann walked to the town.', 'Bob followed her there.', 'They met.']
    """
    cuts = set()
    for a, b in lines:
        if text[a] in " \t":
            cuts.add(a)
        line = text[a:b].strip()
        if CHAPTER.match(line) and len(line.split()) <= 6:
            cuts.update((a, b))
    bounds = [0, *sorted(cuts), len(text)]
    return list(zip(bounds, bounds[1:], strict=False))


def unglued_headings(text: str, lines: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Lines as paragraphs, a chapter heading run into the prose of its line split off.

    A scrape or a sentence-per-line corpus may put "Chapter 2" and the
    chapter's first sentence on one line: the heading becomes a paragraph of
    its own and the sentence another, when what follows the heading is prose
    (eight words or more, ending as a paragraph does).

    Examples
    --------
    >>> t = "Chapter 2 Mr. Bennet was among the first of those who waited on Mr. Bingley ."
    >>> [t[a:b] for a, b in unglued_headings(t, [(0, len(t))])]
    ['Chapter 2', 'Mr. Bennet was among the first of those who waited on Mr. Bingley .']
    """
    out = []
    for a, b in lines:
        m = CHAPTER.match(text, a, b)
        if m and text[m.end() : m.end() + 1].isspace():
            rest = text[m.end() : b].strip()
            if len(_WORD.findall(rest)) >= 8 and rest[-1] in _PARAGRAPH_END:
                out += [(a, m.end()), (b - len(text[m.end() : b].lstrip()), b)]
                continue
        out.append((a, b))
    return out


def trimmed(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
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


_GUTENBERG_END = re.compile(r"\*\*\* ?END OF (?:THE|THIS) PROJECT GUTENBERG", re.I)
_GUTENBERG_START = re.compile(r"\*\*\* ?START OF (?:THE|THIS) PROJECT GUTENBERG", re.I)
#: Prose before the first of at least this many chapters is front matter when it is short.
FRONT_MIN_CHAPTERS = 2
#: ... at most this share of the text's sentences (a preface, an introduction, contents).
FRONT_MAX_SHARE = 0.2


def front_matter(
    spans: list[tuple[int, int, int, int]], segment_starts: list[tuple[int, str]]
) -> tuple[list[tuple[int, int, int, int]], bool]:
    """Split off the front matter: prose before the first chapter heading of a book.

    In a book of chapters, a short stretch of prose before the first heading is
    a preface, an introduction, a dedication or a transcriber's note: not
    story, and not a segment (so chapter numbers stay the book's).  It is
    front matter when the book has at least :data:`FRONT_MIN_CHAPTERS`
    chapters and the stretch holds at most :data:`FRONT_MAX_SHARE` of the
    sentences; a longer one is the story's opening and becomes a segment.
    Returns the story's sentence spans and whether there was front matter.
    """
    first = segment_starts[0][0]
    before = [sp for sp in spans if sp[0] < first]
    if len(segment_starts) < FRONT_MIN_CHAPTERS or len(before) > FRONT_MAX_SHARE * len(spans):
        return spans, False
    return [sp for sp in spans if sp[0] >= first], True


_ILLUSTRATION = re.compile(r"\[\s*(?:Illustration|Picture|Image|Figure|Plate)\b", re.I)


def mark_illustrations(text: str, spans: list[tuple[int, int]], kinds: list[str]) -> None:
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
        if not (kinds[i] == "heading" and CHAPTER.match(block.strip("[] \n"))):
            kinds[i] = "debris"
        left -= 1
        if left == 0:
            depth = 0


_MARK_CLOSE = re.compile(r"\*\*\*|\n")


def split_at_gutenberg_marks(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Give each Project Gutenberg START/END line a paragraph of its own.

    A mark inside a paragraph ("*** START OF ... *** Alice met Bob.", or a whole
    book on one line) would otherwise take the story around it down with it.
    The mark runs to its closing ``***`` or to the end of its line.

    Examples
    --------
    >>> t = "*** START OF THE PROJECT GUTENBERG EBOOK X *** Alice met Bob."
    >>> [t[a:b] for a, b in split_at_gutenberg_marks(t, [(0, len(t))])]
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
        out += trimmed(text, pieces)
    return out


def mark_gutenberg_boilerplate(text: str, spans: list[tuple[int, int]], kinds: list[str]) -> None:
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
