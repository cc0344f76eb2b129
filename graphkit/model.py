"""Frozen dataclasses passed between the pipeline stages.

Data flows one way: ``text -> Document -> Mention -> Character -> Interaction
-> networkx.Graph``.  Each stage returns new immutable values; nothing here
imports a later stage.  Offsets are character offsets into
``Document.text`` (the normalised text) unless a name says ``raw``.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import cached_property
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    import networkx as nx

__all__ = [
    "KINDS",
    "OffsetMap",
    "Paragraph",
    "Sentence",
    "Segment",
    "Document",
    "Mention",
    "Character",
    "Evidence",
    "Interaction",
    "Relation",
    "Result",
    "Quotation",
    "with_kinds",
]

#: The kinds a node can have: a fictional character, a real person, a work, and a
#: group (a family or a people named in the plural: "the Bennets", "the Achaeans").
KINDS = ("character", "person", "work", "group")


@dataclass(frozen=True, eq=False)
class OffsetMap:
    """Piecewise map from offsets in the normalised text to offsets in the text as read.

    The normalised text is the text as read with a few edits (CRLF folded,
    invisible characters dropped, spaces inserted between glued words).
    Between edits the two texts agree character for character, so the map
    stores one anchor per edit: ``clean[i]`` in the normalised text stands
    at ``raw[i]`` in the text as read.

    Examples
    --------
    >>> m = OffsetMap.identity()
    >>> m.to_raw([0, 5]).tolist()
    [0, 5]
    >>> m = OffsetMap.from_edits("ab\\r\\ncd", [(2, 4, "\\n")])
    >>> m.to_raw([0, 3, 4]).tolist()
    [0, 4, 5]
    """

    clean: np.ndarray = field(default_factory=lambda: np.zeros(1, dtype=np.int64))
    raw: np.ndarray = field(default_factory=lambda: np.zeros(1, dtype=np.int64))

    @classmethod
    def identity(cls) -> OffsetMap:
        """The map of a text that normalisation did not change."""
        return cls()

    @classmethod
    def from_edits(cls, raw_text: str, edits: Sequence[tuple[int, int, str]]) -> OffsetMap:
        """Build the map of ``edits`` (sorted, non-overlapping ``(start, end, new)`` in raw offsets)."""
        clean = [0]
        raw = [0]
        shift = 0
        for start, end, new in edits:
            # Inside a replaced run every clean offset maps to the run's raw start;
            # right after it, the texts agree again.
            clean.append(start + shift)
            raw.append(start)
            shift += len(new) - (end - start)
            clean.append(end + shift)
            raw.append(end)
        return cls(np.asarray(clean, dtype=np.int64), np.asarray(raw, dtype=np.int64))

    def to_raw(self, offsets: Sequence[int] | np.ndarray) -> np.ndarray:
        """Map normalised offsets to offsets in the text as read."""
        pos = np.asarray(offsets, dtype=np.int64)
        i = np.searchsorted(self.clean, pos, side="right") - 1
        i = np.clip(i, 0, len(self.clean) - 1)
        delta = pos - self.clean[i]
        # Odd anchors open a replaced run: offsets inside it collapse to its start.
        inside_edit = (i % 2 == 1) & (delta > 0)
        return np.where(inside_edit, self.raw[i], self.raw[i] + delta)


@dataclass(frozen=True, slots=True)
class Paragraph:
    """A block of text between blank lines.

    ``kind`` is ``"text"`` for prose, ``"heading"`` for a title, caption or
    chapter heading, ``"debris"`` for page furniture that analysis skips
    (image slugs, ``RELATED:`` lines, bare URLs), ``"front"`` for a book's
    front matter (a preface or introduction before the first chapter: kept
    in the document, not read as story; see :attr:`Document.front_matter`).
    """

    index: int
    start: int
    end: int
    kind: str = "text"


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence of a text paragraph, with the paragraph and segment it belongs to."""

    index: int
    start: int
    end: int
    paragraph: int
    segment: int = 0


@dataclass(frozen=True, slots=True)
class Segment:
    """A stretch of narrative time: a chapter, an act or scene, or the whole text."""

    index: int
    title: str
    start: int
    end: int


@dataclass(frozen=True, eq=False)
class Document:
    """A normalised text split into paragraphs, sentences and segments.

    ``text`` is the normalised text all offsets refer to; ``raw`` is the text
    as read (after decoding) and ``offsets`` maps the former to the latter.
    ``titles`` holds phrases the input marked as titles (HTML italics,
    quotes), which later stages may treat as names of works.
    """

    text: str
    paragraphs: tuple[Paragraph, ...]
    sentences: tuple[Sentence, ...]
    segments: tuple[Segment, ...]
    raw: str = ""
    offsets: OffsetMap = field(default_factory=OffsetMap.identity)
    source: str = "<text>"
    titles: tuple[str, ...] = ()

    @property
    def front_matter(self) -> str:
        """The front matter's text (preface, introduction: not story), paragraphs joined."""
        return "\n\n".join(self.text[p.start : p.end] for p in self.paragraphs if p.kind == "front")

    @cached_property
    def lower_words(self) -> Counter:
        """How often each lower-case word stands in ``text``: one split, counted once per document.

        Punctuation around a word and a possessive "'s" are left out; a word
        with any capital is not counted.  Stages read it to skip searches for
        words a text never uses.

        Examples
        --------
        >>> Document("the king's dog saw the King. The dog ran.", (), (), ()).lower_words["the"]
        2
        """
        lower: Counter = Counter()
        for token, n in Counter(self.text.split()).items():
            if token.islower():
                word = token.strip("\"'.,;:!?()[]-—_*")
                if word.endswith("'s"):
                    word = word[:-2]
                lower[word] += n
        return lower

    @cached_property
    def _occurrences(self) -> dict[str, list[int]]:
        return {}

    def occurrences(self, word: str) -> list[int]:
        """Where ``word`` stands in ``text`` (plain substring search), remembered per document.

        Stages that look for the same cue words ("film", "novel") search the
        text once between them; a word holding one already searched for
        ("films" after "film") is read off its positions.  Do not change the list.

        Examples
        --------
        >>> doc = Document("A film, two films.", (), (), ())
        >>> doc.occurrences("film"), doc.occurrences("films")
        ([2, 12], [12])
        """
        found = self._occurrences
        hit = found.get(word)
        if hit is None:
            text = self.text
            base = next((k for k in found if word.startswith(k)), None)
            if base is not None:
                hit = [i for i in found[base] if text.startswith(word, i)]
            else:
                hit, i = [], text.find(word)
                while i >= 0:
                    hit.append(i)
                    i = text.find(word, i + 1)
            found[word] = hit
        return hit

    def sentence_text(self, index: int) -> str:
        """The text of sentence ``index`` with its line breaks folded."""
        s = self.sentences[index]
        return " ".join(self.text[s.start : s.end].split())


@dataclass(frozen=True, slots=True)
class Mention:
    """One occurrence of a name in the text, attributed to a character.

    ``character`` is the canonical id of the character after alias merging,
    ``text`` the surface form as it stands (possessive removed).
    """

    start: int
    end: int
    text: str
    character: str
    kind: str
    sentence: int


@dataclass(frozen=True, slots=True)
class Character:
    """A node of the graph: a fictional character, a real person or a work."""

    id: str
    label: str
    kind: str = "character"
    aliases: tuple[str, ...] = ()
    mentions: int = 0
    first_seen: int = -1
    work: str | None = None
    #: Why each merged name is this character: ``"Miss Smith: title + surname ..."``.
    aliases_reason: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Evidence:
    """Where two characters meet: a sentence index and the span that holds both names."""

    sentence: int
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Interaction:
    """Two characters who co-occur, how often, and the spans that show it.

    ``source < target`` always holds, so an interaction names one undirected edge.
    """

    source: str
    target: str
    weight: int
    evidence: tuple[Evidence, ...] = ()

    @property
    def sentences(self) -> tuple[int, ...]:
        """Sorted indices of the sentences that support this interaction."""
        return tuple(sorted({e.sentence for e in self.evidence}))


@dataclass(frozen=True, slots=True)
class Relation:
    """A typed relation stated in one sentence, e.g. ``("Joaquin Phoenix", "plays", "Theodore")``."""

    source: str
    type: str
    target: str
    sentence: int
    role: str = ""  # family only: what the target is to the source ("sister", "father")


@dataclass(frozen=True, eq=False)
class Result:
    """What the pipeline produces for one text: every stage's output, and the graph.

    :class:`graphkit.analysis.Analysis` adds tables, pictures and exports to
    these fields; stages and graph operations (``until``, merging) build and
    return plain results of the same shape.
    """

    document: Document
    mentions: tuple[Mention, ...]
    character_list: tuple[Character, ...]
    interactions: tuple[Interaction, ...]
    relations: tuple[Relation, ...]
    graph: nx.Graph
    window: str | int = "sentence"
    cast_source: str | None = None
    name: str = "text"


@dataclass(frozen=True, slots=True)
class Quotation:
    """A quotation in prose: where it stands, who says it, to whom, and how that is known.

    ``parts`` are the spans of quoted text (quotation marks left out), in
    order: one per paragraph of a long speech, two when a speech tag
    interrupts it (``"Yes," said Emma, "I know."``).  ``start`` and ``end``
    run from the first part's start to the last part's end, ``text`` is the
    parts' text joined by a space.  ``speaker`` and ``addressees`` are
    character ids; ``type`` is ``"explicit"`` (a name in the speech tag),
    ``"anaphoric"`` (a pronoun or description), ``"implicit"`` (turns,
    vocatives) or ``"none"``; ``cue`` is the speech tag's text, if any.
    ``flagged`` says a closing mark was missing and the quotation was cut at
    a paragraph end.  ``inferred`` holds the addressees guessed from turn
    taking (the conversation's neighbouring speaker), not stated in the text.
    """

    start: int
    end: int
    parts: tuple[tuple[int, int], ...]
    text: str
    speaker: str | None = None
    addressees: tuple[str, ...] = ()
    type: str = "none"
    cue: str = ""
    flagged: bool = False
    inferred: tuple[str, ...] = ()


def with_kinds(
    characters: Sequence[Character], mentions: Sequence[Mention], kinds: Mapping[str, str]
) -> tuple[list[Character], list[Mention]]:
    """Characters and their mentions with the kinds of ``kinds`` (the others unchanged).

    Examples
    --------
    >>> chars, ms = with_kinds([Character("Bennets", "Bennets")],
    ...                        [Mention(0, 11, "the Bennets", "Bennets", "character", 0)], {"Bennets": "group"})
    >>> chars[0].kind, ms[0].kind
    ('group', 'group')
    """
    # Rebuilding a frozen dataclass is slow: only those whose kind changes are rebuilt.
    chars = [
        c if kinds.get(c.id, c.kind) == c.kind else replace(c, kind=kinds[c.id]) for c in characters
    ]
    ms = [
        m if kinds.get(m.character, m.kind) == m.kind else replace(m, kind=kinds[m.character])
        for m in mentions
    ]
    return chars, ms
