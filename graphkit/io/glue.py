"""Normalising text: quotes, line ends and invisible characters folded, scraped glue repaired.

``normalize`` repairs words glued together by scraping ("destroyingTheodore's",
"Herfollows") and returns the cleaned text with an
:class:`~graphkit.model.OffsetMap` back to the text as read.
"""

from __future__ import annotations

import re
from collections import Counter

from graphkit.io.lexicon import common_words, word_list
from graphkit.model import OffsetMap

# Length-preserving replacements (so offsets need no map): typographic quotes,
# exotic spaces, tabs, and CRLF, which becomes " \n".
_SAME_LENGTH = (
    ("\r\n", " \n"),
    ("\r", "\n"),
    ("\t", " "),
    *((q, "'") for q in "\u2018\u2019\u201a\u201b\u2032"),
    *((q, '"') for q in "\u201c\u201d\u201e\u201f\u00ab\u00bb"),
    *((sp, " ") for sp in "\u00a0\u2007\u202f\u2009\u200a"),
)
# Invisible characters are dropped (an edit that changes the length).
_INVISIBLE_CHARS = "\u200b\u200c\u200d\u2060\ufeff\u00ad"
_INVISIBLE = re.compile(f"[{_INVISIBLE_CHARS}]")
# "Jonze'sHer", "Her'sending": a possessive glued to the next word.
_POSSESSIVE_GLUE = re.compile(r"'s(?=[A-Za-z])")
# A capital glued to the word or the punctuation before it: "destroyingTheodore",
# "InLost", "another.Her", "ago,Her".  The capital comes first so that the regex
# engine can skip from capital to capital; the rest is checked in Python.
_GLUED_CAPITAL = re.compile(r"[A-Z](?<=[a-z.,;:!?][A-Z])")
_CAPITALISED = re.compile(r"\b[A-Z][a-z]+\b")


def _function_words() -> frozenset[str]:
    return word_list("function_words.txt")


# Words that glue onto a following capitalised word in scraped text ("InLost",
# "HerandLost"); pronouns are left out so that "YouTube" stays whole.
_GLUE_WORDS = frozenset(
    [
        "a",
        "an",
        "and",
        "as",
        "at",
        "but",
        "by",
        "for",
        "from",
        "in",
        "into",
        "of",
        "on",
        "or",
        "the",
        "to",
        "with",
    ]
)


def _glue_points(text: str) -> list[int]:
    """Offsets where scraping glued a word to punctuation, a possessive or a capital."""
    points, camel = [], []
    for m in _GLUED_CAPITAL.finditer(text):
        at = m.start()
        if text[at - 1] not in ".,;:!?":
            camel.append(at)
        elif "a" <= text[at + 1 : at + 2] <= "z":
            # A capitalised word after punctuation glued to two lower-case letters.
            before = text[at - 3 : at - 1]
            if before.isalpha() and before.islower():
                points.append(at)
    for m in _POSSESSIVE_GLUE.finditer(text):
        start = m.start()
        while start > 0 and text[start - 1].isalpha():
            start -= 1
        before = text[start : m.start()]
        nxt = text[m.end() : m.end() + 3]
        # "Jonze'sHer" (a capital follows), "Her'sending" (a name's possessive then a word)
        if before[-1:].isalpha() and (
            nxt[:1].isupper()
            or (before[:1].isupper() and nxt.isalpha() and nxt.islower() and len(nxt) == 3)
        ):
            points.append(m.end())
    points.extend(_camel_split_points(text, camel))
    return points


def _camel_split_points(text: str, capitals: list[int]) -> list[int]:
    """Which of ``capitals`` (each after a lower-case letter) start a word glued to the one before.

    A lower-case piece of two or more letters before the capital ("andSofia",
    "destroyingTheodore") is glue; a capitalised piece is glue only when it is,
    or ends in, a small function word ("InLost", "HerandLost"), which keeps
    "McCartney", "DiCaprio", "MacDonald", "YouTube" and "iPhone" whole.
    """
    points = []
    for at in capitals:
        # The piece before the capital: back to the word start or the previous capital.
        start = at - 1
        while start > 0 and text[start - 1].isalpha() and not text[start].isupper():
            start -= 1
        piece = text[start:at]
        low = piece.lower()
        if piece[0].islower():
            glued = len(piece) >= 2  # "iPhone", "eBay" keep their one-letter prefix
        else:
            glued = low in _GLUE_WORDS or any(
                low.endswith(w) and len(low) - len(w) >= 2 for w in _GLUE_WORDS if len(w) >= 2
            )
        if glued:
            points.append(at)
    return points


def _glued_name_splits(text: str) -> dict[str, int]:
    """Capitalised tokens that are a known capitalised word plus ordinary words.

    "Herfollows" splits as "Her follows" and "Coppolawere" as "Coppola were"
    when the head stands alone elsewhere in the text, the tail is one or two
    ordinary words, and the token itself is neither a word nor a known name.
    Returns ``{token: split offset}``.
    """
    counts = Counter(_CAPITALISED.findall(text))
    if not counts:
        return {}
    words = common_words()
    names = word_list("proper_nouns.txt.gz")
    function = _function_words()

    def is_word(w: str) -> bool:
        return (len(w) >= 3 and w in words) or w in function

    splits: dict[str, int] = {}
    for token, n in counts.items():
        low = token.lower()
        if n > 3 or len(token) < 5 or low in words or token in names:
            continue
        for i in range(len(token) - 2, 1, -1):
            head, tail = token[:i], token[i:]
            if head not in counts and head.lower() not in function:
                continue
            if is_word(tail) or any(
                is_word(tail[:j]) and is_word(tail[j:]) for j in range(2, len(tail) - 1)
            ):
                splits[token] = i
                break
    return splits


def normalize(text: str) -> tuple[str, OffsetMap]:
    """Clean ``text`` and return it with a map of offsets back to ``text``.

    Quotes become straight, CRLF becomes LF, invisible characters go, and a
    space is put between words that scraping glued together.

    Examples
    --------
    >>> clean, offsets = normalize("Jonze\u2019sHerexplores loss. AndSofia Coppolawere wed. Coppola won.")
    >>> clean
    "Jonze's Her explores loss. And Sofia Coppola were wed. Coppola won."
    >>> normalize("McCartney met DiCaprio on his iPhone")[0]
    'McCartney met DiCaprio on his iPhone'
    >>> int(offsets.to_raw([clean.index("Sofia")])[0])
    28
    """
    text_t = text
    for old, new in _SAME_LENGTH:
        if old in text_t:
            text_t = text_t.replace(old, new)
    edits = (
        [(m.start(), m.end(), "") for m in _INVISIBLE.finditer(text_t)]
        if any(c in text_t for c in _INVISIBLE_CHARS)
        else []
    )
    inserts = set(_glue_points(text_t))
    # Names glued to lower-case words ("Herfollows") are repaired only in texts
    # that show scraping damage elsewhere: a clean novel's "Sisteron" or
    # "Rochefort" must stay whole.
    if len(inserts) >= 2 and len(inserts) * 5000 >= text_t.count(" "):
        staged = _apply(text_t, sorted((p, p, " ") for p in inserts))
        splits = _glued_name_splits(staged)
        if splits:
            alternatives = "|".join(map(re.escape, sorted(splits, key=len, reverse=True)))
            # No \b: the token may still be glued to its neighbours ("sHerexplores", "HerandLost").
            pattern = re.compile(r"(?<![A-Z])(?:" + alternatives + r")(?![a-z])")
            for m in pattern.finditer(text_t):
                inserts.add(m.start() + splits[m.group()])
    edits.extend((p, p, " ") for p in inserts)
    edits.sort(key=lambda e: (e[0], e[1]))
    if not edits:
        return text_t, OffsetMap.identity()
    return _apply(text_t, edits), OffsetMap.from_edits(text_t, edits)


def _apply(text: str, edits: list[tuple[int, int, str]]) -> str:
    parts = []
    last = 0
    for start, end, new in edits:
        parts.append(text[last:start])
        parts.append(new)
        last = end
    parts.append(text[last:])
    return "".join(parts)
