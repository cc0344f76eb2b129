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
from dataclasses import dataclass
from pathlib import Path

from graphkit.errors import InputError
from graphkit.io.glue import normalize  # noqa: F401  (re-exported)
from graphkit.io.html import html_to_text, looks_like_html

__all__ = [
    "SourceText",
    "read_bytes",
    "read_text",
    "decode",
    "without_surrogates",
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


# Lone surrogates: a decoded file never holds them, an API caller's str may, and no export
# could encode them.
_SURROGATE = re.compile("[\ud800-\udfff]")


def without_surrogates(text: str) -> str:
    """``text`` with lone surrogates replaced by U+FFFD (same length: offsets hold).

    Examples
    --------
    >>> without_surrogates("Bob" + chr(0xDC80) + ".") == "Bob" + chr(0xFFFD) + "."
    True
    """
    return _SURROGATE.sub("\ufffd", text) if _SURROGATE.search(text) else text
