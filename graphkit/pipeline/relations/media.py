"""Whether a text speaks of films or of books: the medium that picks a rule's type (``directed`` or ``created``)."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Sequence

from graphkit.model import Document, Mention

_FILM_WORDS = re.compile(r"\b(?:film|films|movie|movies|director|cinema|screen|starring)\b", re.I)
_BOOK_WORDS = re.compile(
    r"\b(?:novel|novels|book|books|author|chapter|reader|readers|novelist)\b", re.I
)


_SENTENCE_END = re.compile(r"[.!?][\"')\]”’]*\s")
# "X is a 1968 novel by ...", "X (1960) is a comedy": the sentence that says what a work is.
_DEFINED = re.compile(
    r"(?: \(\d{4}\))?,? (?:is|was) (?:an?|the) (?:[\w'’-]+ ){0,5}?"
    r"(?:(film|movie|picture|documentary|thriller|comedy|drama|musical|western|animation)"
    r"|(novel|novella|book|play|poem|memoir|story|trilogy|saga|comic))\b",
    re.I,
)


def _overall_medium(text: str) -> str:
    """The medium of the whole text: the more frequent of book words and film words."""
    return "book" if len(_BOOK_WORDS.findall(text)) > len(_FILM_WORDS.findall(text)) else "film"


def _work_votes(text: str, mentions: Sequence[Mention]) -> dict[str, str]:
    """The medium named right before a work's mentions ("the novel X"), by majority."""
    votes: dict[str, Counter] = defaultdict(Counter)
    for m in mentions:
        if m.kind != "work":
            continue
        # Only this sentence's words: "... beside the new film. The stage musical X".
        before = _SENTENCE_END.split(text[max(0, m.start - 24) : m.start])[-1]
        if _BOOK_WORDS.search(before):
            votes[m.character]["book"] += 1
        elif _FILM_WORDS.search(before):
            votes[m.character]["film"] += 1
        elif said := _DEFINED.match(text, m.end, m.end + 80):
            votes[m.character]["film" if said.group(1) else "book"] += 1
    return {w: max(sorted(v), key=lambda k: v[k]) for w, v in votes.items()}


def work_media(doc: Document, mentions: Sequence[Mention]) -> tuple[dict[str, str], str]:
    """The medium (``film`` or ``book``) of each work, and of the whole text.

    A work takes the medium named right before one of its mentions, in the same
    sentence ("the novel X", "Jonze's 2013 movie, X"), or in the clause that says what it is
    right after one ("X is a 1968 novel", "X (1960) is a comedy"); otherwise
    the text's, which is the more frequent of film words and book words.

    Examples
    --------
    >>> from graphkit.pipeline.document import build_document
    >>> doc = build_document("Austen's novel Emma is a book. Emma was a film too.")
    >>> work_media(doc, [Mention(15, 19, "Emma", "Emma", "work", 0)])
    ({'Emma': 'book'}, 'book')
    """
    return _work_votes(doc.text, mentions), _overall_medium(doc.text)
