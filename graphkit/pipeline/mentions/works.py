"""More titles of works than name discovery finds: comma titles and "the film X".

:mod:`graphkit.pipeline.mentions.discovery` finds titles named by cues ("Coppola's 2003 movie,
Lost in Translation", "Title (2003)", italics).  This stage adds two cases
and relabels the mentions they cover as works:

* titles with a comma, "Play It Again, Sam (1972)" (a year after it, or set
  in italics in HTML input), which discovery would cut at the comma;
* a one-word title right after a determiner and a medium noun, "the film
  Casablanca", "the novel Emma";
* the title an article opens with, "Night Ferry is a 2011 Danish thriller"
  (a line that starts with it, then "is a", at most four words, a medium noun).

It runs on discovered mentions only: a cast file already says what is a work.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from graphkit.model import Document, Mention
from graphkit.pipeline.mentions.lookup import lookup_mentions

__all__ = ["extra_titles", "add_work_mentions"]

_UP = "A-ZÀ-ÖØ-Þ"
_SMALL = "a|an|the|of|in|on|and|to|for|with|at|by|from|is|it|or|as|into"
_WORD = rf"[{_UP}][\w'!?.-]*"
# "Play It Again, Sam (1972)": at least two words before the comma, one after.
_COMMA_YEAR = re.compile(
    rf"(?<![\w'])(?P<t>{_WORD}(?:[ \t]+(?:(?:{_SMALL})[ \t]+)*{_WORD})+,[ \t]+{_WORD})[ \t]*\((?:1[6-9]|20)\d\d\)"
)
_MEDIA = ("film", "movie", "novel", "book", "play", "documentary", "musical", "opera", "sitcom",
          "poem", "novella")  # fmt: skip
_MEDIUM_SINGLE = re.compile(
    rf"\b(?:[Tt]he|[Aa]|[Hh]is|[Hh]er|[Tt]heir|[{_UP}][\w]+'s)[ \t]+(?:\d{{4}}[ \t]+)?"
    rf"(?:{'|'.join(_MEDIA)})[ \t]+"
    rf"(?P<t>[{_UP}][\w'-]+)(?![ \t]+[{_UP}])(?!'s)"
    # Not the first word of a longer title ("the film Light of the Island"), nor a
    # character ("In the film Owen is played by ...").
    rf"(?![ \t]+(?:of|and)[ \t]+(?:the[ \t]+)?[{_UP}])"
    r"(?![ \t]+(?:(?:is|was)[ \t]+(?:played|voiced|portrayed)|plays)\b)"
)
_YEAR = re.compile(r"\((?:1[6-9]|20)\d\d\)")
# A title set after a qualified medium noun and a comma: "his earlier film, Low Country,",
# "a sequel, Bell Winter.", "two sequels, Black Kite and Kite Summer", "remade as Snow Line".
# The noun needs a qualifier (a year, "earlier", "American" ...) unless it is a sequel or
# a remake, so "she put down her book, Elizabeth ..." in a novel is not a title.
_TWORD = rf"[{_UP}][\w'!?-]*"
_SEQUEL_STEMS = ("equel", "remake", "remade")  # "equel": sequel and prequel in one search
_QUALIFIED = (
    rf"(?:(?:\d{{4}}|earlier|later|first|second|next|last|latest|new|debut|final|[{_UP}][a-z]+)"
    rf"[ \t]+)+(?:{'|'.join(_MEDIA)})"
)
_APPOSED = re.compile(
    rf"(?:\b{_QUALIFIED},[ \t]+|\b(?:sequel|prequel|remake)(?P<many>s)?,[ \t]+|\bremade[ \t]+as[ \t]+)"
    rf"(?!(?:Mr|Mrs|Ms|Miss|Dr|Sir|Lady|Lord)\b)"
    # Title words without a full stop, so a title never runs into the next sentence.
    rf"(?P<t>{_TWORD}(?:[ \t]+(?:(?:{_SMALL})[ \t]+)*{_TWORD}){{0,5}})"
    r"(?=[,.;)]|[ \t]+(?:\(|(?:in|by|and|was|is|directed|starring)\b))"
)
_GENRES = ("drama", "thriller", "comedy", "western", "horror", "romance", "memoir", "series")
_OPENING = re.compile(
    rf"^(?P<t>{_WORD}(?:[ \t]+(?:(?:{_SMALL})[ \t]+)*{_WORD}){{0,6}})[ \t]+(?:is|was)[ \t]+an?[ \t]+"
    rf"(?:\d{{4}}[ \t]+)?(?:[\w-]+[ \t]+){{0,4}}?(?:{'|'.join(_MEDIA + _GENRES)})s?\b",
    re.MULTILINE,
)


def _lines(text: str, positions: list[int]) -> list[tuple[int, int]]:
    """The lines (start, end) holding ``positions``, each once, in text order."""
    spans = {(text.rfind("\n", 0, i) + 1, text.find("\n", i)) for i in positions}
    return sorted((a, len(text) if b < 0 else b) for a, b in spans)


def _matches(pattern: re.Pattern[str], text: str, lines: list[tuple[int, int]]) -> list[str]:
    """The titles ``pattern`` finds in ``text``, read only on ``lines``.

    No part of the patterns above matches a line break, so every match lies
    on one line and a line read alone gives the matches the whole text gives.
    """
    return [m.group("t") for a, b in lines for m in pattern.finditer(text, a, b)]


def _found(doc: Document, word: str, whole: bool = True) -> list[int]:
    """Where ``word`` occurs in the text (:meth:`Document.occurrences`: one search per document).

    A word the text never uses, alone or with a plural "s", is not searched
    for (the document's lower-case word counts say so): every pattern here
    needs it as a whole word.  A ``whole=False`` word is a stem ("equel" for
    "sequel" and "prequel"): always searched.
    """
    words = doc.lower_words
    if whole and not (words[word] or words[word + "s"]):
        return []
    return doc.occurrences(word)


def extra_titles(doc: Document) -> list[str]:
    """Titles with commas and one-word titles after "the film", "the novel", ....

    Examples
    --------
    >>> from graphkit.pipeline.document import build_document
    >>> extra_titles(build_document("Play It Again, Sam (1972) quotes the film Casablanca."))
    ['Play It Again, Sam', 'Casablanca']
    >>> extra_titles(build_document("Night Ferry is a 2011 Danish thriller by Tomas Varga."))
    ['Night Ferry']
    """
    text = doc.text
    found = [t for t in doc.titles if "," in t and 1 < len(t.split()) <= 8 and t[:1].isupper()]
    # Each pattern is read only on the lines holding what every match of it holds: a
    # bracketed year, a medium noun.  Two regex passes over a novel cost ten times more.
    years = _lines(text, [m.start() for m in _YEAR.finditer(text)])
    found += _matches(_COMMA_YEAR, text, years)
    # "novella" after "novel" is read off its positions (Document.occurrences).
    at = {word: _found(doc, word) for word in _MEDIA}
    media = _lines(text, [i for word in _MEDIA for i in at[word]])
    found += _matches(_MEDIUM_SINGLE, text, media)
    # An apposed title needs a comma right after the medium noun, or a sequel word: only
    # those lines are read (each medium noun is found once, above).
    apposed = [
        i
        for word in _MEDIA
        for i in at[word]
        if text.startswith(", ", i + len(word)) or text.startswith("s, ", i + len(word))
    ]
    apposed += [i for word in _SEQUEL_STEMS for i in _found(doc, word, whole=False)]
    for m in (m for a, b in _lines(text, apposed) for m in _APPOSED.finditer(text, a, b)):
        # "two sequels, Black Kite and Kite Summer": a plural names several titles.
        found += m.group("t").split(" and ") if m.group("many") else [m.group("t")]
    genres = _lines(text, [i for word in _GENRES for i in _found(doc, word)])
    found += _matches(_OPENING, text, sorted(set(media + genres)))
    return list(dict.fromkeys(" ".join(t.split()) for t in found))


def add_work_mentions(doc: Document, mentions: Sequence[Mention]) -> list[Mention]:
    """``mentions`` with the titles of :func:`extra_titles` as work mentions.

    A name mention inside a title ("Play It Again" in "Play It Again, Sam")
    gives way to the title; a shorter title discovery cut out of a longer
    one ("Sam") is dropped where the longer one stands.

    Examples
    --------
    >>> from graphkit.pipeline.document import build_document
    >>> from graphkit.pipeline.mentions.discovery import discover_mentions
    >>> doc = build_document("In the film Casablanca, Rick Blaine runs a bar. Casablanca won.")
    >>> [(m.text, m.kind) for m in add_work_mentions(doc, discover_mentions(doc).mentions)]
    [('Casablanca', 'work'), ('Rick Blaine', 'character'), ('Casablanca', 'work')]
    """
    titles = extra_titles(doc)
    if not titles:
        return list(mentions)
    works = lookup_mentions(doc, {t: (t, "work") for t in titles})
    spans = sorted((w.start, w.end) for w in works)
    starts = [a for a, _ in spans]

    def covered(m: Mention) -> bool:
        import bisect

        i = bisect.bisect_right(starts, m.start) - 1
        return (
            i >= 0 and m.start < spans[i][1] or any(a < m.end <= b for a, b in spans[i + 1 : i + 2])
        )

    kept = [m for m in mentions if not covered(m)]
    return sorted([*kept, *works], key=lambda m: m.start)
