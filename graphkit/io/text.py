"""Reading files and cleaning scraped text.

``read_text`` turns a file into a ``str`` (BOM-aware UTF-8/UTF-16, a cp1252
fallback, HTML reduced to its text) and refuses what is not text.
``normalize`` folds quotes, line ends and invisible characters and repairs
words glued together by scraping ("destroyingTheodore's", "Herfollows"),
returning the cleaned text and an :class:`~graphkit.model.OffsetMap` back to
the text as read.
"""

from __future__ import annotations

import os
import re
from collections import Counter
from dataclasses import dataclass
from html import unescape
from html.parser import HTMLParser
from pathlib import Path

from graphkit.errors import InputError
from graphkit.io.lexicon import common_words, word_list
from graphkit.model import OffsetMap

__all__ = [
    "SourceText",
    "read_bytes",
    "read_text",
    "decode",
    "html_to_text",
    "looks_like_html",
    "normalize",
]


@dataclass(frozen=True)
class SourceText:
    """A decoded input: its text as read, where it came from, and titles marked in HTML."""

    text: str
    source: str
    titles: tuple[str, ...] = ()


_BOMS = (
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")


def decode(data: bytes, source: str = "<bytes>", encoding: str | None = None) -> str:
    """Decode ``data``: a BOM wins, then UTF-8, then cp1252; binary data is refused.

    Examples
    --------
    >>> decode("Zoë".encode("utf-8"))
    'Zoë'
    >>> decode("Zoë".encode("cp1252"))
    'Zoë'
    >>> decode(b"\\xff\\xfeZ\\x00o\\x00")
    'Zo'
    """
    if encoding:
        try:
            return data.decode(encoding)
        except LookupError:
            raise InputError(f"{source}: unknown encoding {encoding!r}") from None
        except UnicodeDecodeError as exc:
            raise InputError(f"{source}: not valid {encoding} (byte {exc.start})") from None
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(codec).lstrip("\ufeff")
            except UnicodeDecodeError as exc:
                raise InputError(f"{source}: broken {codec} text (byte {exc.start})") from None
    if b"\x00" in data[:65536]:
        raise InputError(f"{source}: binary file, not text")
    for codec in ("utf-8", "cp1252"):
        try:
            text = data.decode(codec)
            break
        except UnicodeDecodeError:
            continue
    else:
        raise InputError(f"{source}: cannot decode: not UTF-8, UTF-16 or cp1252 text")
    controls = len(_CONTROL.findall(text[:65536]))
    if controls > max(2, len(text[:65536]) // 200):
        raise InputError(f"{source}: binary file, not text")
    return text


_HTML_START = re.compile(
    r"\A\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b", re.I | re.S
)
_HTML_TAGS = re.compile(r"</?(?:p|div|br|span|a|em|i|h[1-6]|li|body)\b[^>]*>", re.I)


def looks_like_html(text: str) -> bool:
    """Whether ``text`` is an HTML page or fragment rather than plain text.

    Examples
    --------
    >>> looks_like_html("<html><body><p>Hi</p></body></html>")
    True
    >>> looks_like_html("Theodore <3 Samantha")
    False
    """
    if _HTML_START.match(text):
        return True
    head = text[:20000]
    return len(_HTML_TAGS.findall(head)) >= 5


_BLOCK_TAGS = frozenset(
    [
        "p",
        "div",
        "br",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "li",
        "ul",
        "ol",
        "tr",
        "td",
        "th",
        "table",
        "blockquote",
        "section",
        "article",
        "header",
        "footer",
        "figure",
        "figcaption",
        "title",
        "pre",
        "hr",
        "dd",
        "dt",
        "dl",
        "main",
        "aside",
    ]
)
_SKIP_TAGS = frozenset(["script", "style", "noscript", "template", "svg", "nav", "iframe"])
_TITLE_TAGS = frozenset(["i", "em", "cite"])


class _TextExtractor(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.titles: list[str] = []
        self._skip = 0
        self._title_depth = 0
        self._title: list[str] = []

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag in _SKIP_TAGS:
            self._skip += 1
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n\n" if tag != "br" else "\n")
        elif tag in _TITLE_TAGS:
            self._title_depth += 1

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP_TAGS:
            self._skip = max(0, self._skip - 1)
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n\n")
        elif tag in _TITLE_TAGS and self._title_depth:
            self._title_depth -= 1
            if not self._title_depth:
                title = " ".join("".join(self._title).split())
                if title:
                    self.titles.append(title)
                self._title = []

    def handle_data(self, data: str) -> None:
        if self._skip:
            return
        self.parts.append(data)
        if self._title_depth:
            self._title.append(data)


def html_to_text(html: str) -> tuple[str, tuple[str, ...]]:
    """Reduce an HTML page to its text, one paragraph per block element.

    Returns the text and the phrases set in italics (``<i>``, ``<em>``,
    ``<cite>``), which are often titles of works.

    Examples
    --------
    >>> text, titles = html_to_text("<p>Spike Jonze's <i>Her</i> (2013)</p><script>x()</script>")
    >>> text
    "Spike Jonze's Her (2013)"
    >>> titles
    ('Her',)
    """
    parser = _TextExtractor()
    parser.feed(html)
    parser.close()
    text = "".join(parser.parts)
    text = re.sub(r"[ \t\r\f\v]+", " ", text)
    text = re.sub(r" ?\n ?", "\n", text)
    text = re.sub(r"\n{3,}", "\n\n", text).strip()
    return unescape(text), tuple(dict.fromkeys(parser.titles))


def read_bytes(path: str | os.PathLike) -> bytes:
    """The bytes of ``path``, or an :class:`~graphkit.errors.InputError` saying why not."""
    p = Path(path)
    if not p.exists():
        raise InputError(f"{p}: no such file")
    if p.is_dir():
        raise InputError(f"{p}: is a directory, not a text file")
    try:
        data = p.read_bytes()
    except OSError as exc:
        raise InputError(f"{p}: cannot read: {exc.strerror or exc}") from None
    if not data.strip():
        raise InputError(f"{p}: file is empty")
    return data


def read_text(path: str | os.PathLike, encoding: str | None = None) -> SourceText:
    """Read a text file (or an HTML page) as a :class:`SourceText`.

    Raises :class:`~graphkit.errors.InputError` with a one-line message for a
    missing path, a folder, an empty, binary or undecodable file.
    """
    p = Path(path)
    data = read_bytes(p)
    text = decode(data, str(p), encoding)
    titles: tuple[str, ...] = ()
    if looks_like_html(text):
        text, titles = html_to_text(text)
    if not text.strip():
        raise InputError(f"{p}: file is empty")
    return SourceText(text=text, source=str(p), titles=titles)


# --- normalisation -------------------------------------------------------------------

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
