"""Readers for structured texts, and the detection of an input's format.

``detect_format`` looks at a file's content (and, for Fountain, its
extension): TEI/XML, a GraphBase co-appearance table, a Fountain screenplay,
a plain-text play, or else ordinary text for the prose pipeline.
``read_script`` parses a structured file into a
:class:`~graphkit.io.readers.base.Script`.
"""

from __future__ import annotations

import os
from pathlib import Path

from graphkit.errors import InputError, OptionError
from graphkit.io.text import read_bytes
from graphkit.io.readers.base import Role, Script, Turn

__all__ = [
    "INPUT_FORMATS",
    "Role",
    "Script",
    "Turn",
    "detect_format",
    "read_script",
    "parse_script",
]

#: Values of ``--input-format``.
INPUT_FORMATS = ("auto", "text", "tei", "play", "fountain", "sgb")


def _decode(data: bytes, source: str, encoding: str | None = None) -> str:
    from graphkit.io.text import decode

    return decode(data, source, encoding).replace("\r\n", "\n")


def detect_format(data: bytes, name: str = "") -> str:
    """The format of a file's bytes: ``tei``, ``sgb``, ``fountain``, ``play`` or ``text``.

    Examples
    --------
    >>> detect_format(b'<?xml version="1.0"?><TEI/>'), detect_format(b"AA Ann\\nBB Bob\\n\\n1:AA,BB\\n")
    ('tei', 'sgb')
    >>> detect_format(b"INT. HOUSE - DAY\\n\\nANN\\nHi.\\n\\nEXT. ROAD - DAY\\n"), detect_format(b"Once upon a time.")
    ('fountain', 'text')
    """
    from graphkit.io.readers.fountain import looks_like_fountain
    from graphkit.io.readers.play import looks_like_play
    from graphkit.io.readers.sgb import looks_like_sgb
    from graphkit.io.readers.tei import looks_like_xml

    head = data[:4096].decode("utf-8", errors="replace")
    if looks_like_xml(head):
        return "tei"
    suffix = Path(name).suffix.lower()
    if suffix in (".fountain", ".spmd"):
        return "fountain"
    if suffix == ".dat":
        # GraphBase tables are .dat files; a malformed one should get the
        # table reader's error naming its bad line, not be read as prose.
        return "sgb"
    try:
        text = _decode(data, name or "<bytes>")
    except InputError:
        return "text"  # the text reader will say what is wrong
    if looks_like_sgb(text):
        return "sgb"
    if looks_like_fountain(text):
        return "fountain"
    if looks_like_play(text):
        return "play"
    return "text"


def parse_script(
    data: bytes, fmt: str, source: str = "<bytes>", encoding: str | None = None
) -> Script:
    """Parse bytes in a structured format (``tei``, ``play``, ``fountain`` or ``sgb``)."""
    if fmt == "tei":
        from graphkit.io.readers.tei import parse_tei

        return parse_tei(data, source)
    if fmt not in ("play", "fountain", "sgb"):
        raise OptionError(f"unknown input format {fmt!r}: use one of {', '.join(INPUT_FORMATS)}")
    text = _decode(data, source, encoding)
    if fmt == "play":
        from graphkit.io.readers.play import parse_play

        return parse_play(text, source)
    if fmt == "fountain":
        from graphkit.io.readers.fountain import parse_fountain

        return parse_fountain(text, source)
    from graphkit.io.readers.sgb import parse_sgb

    return parse_sgb(text, source)


def read_script(
    path: str | os.PathLike, fmt: str = "auto", encoding: str | None = None
) -> Script | None:
    """Read ``path`` as a structured text, or return ``None`` when it is ordinary text.

    ``fmt="auto"`` detects the format from the content; ``"text"`` always
    returns ``None``; any other format forces that reader.
    """
    if fmt not in INPUT_FORMATS:
        raise OptionError(f"unknown input format {fmt!r}: use one of {', '.join(INPUT_FORMATS)}")
    if fmt == "text":
        return None
    data = read_bytes(path)
    if fmt == "auto":
        fmt = detect_format(data, str(path))
        if fmt == "text":
            return None
    return parse_script(data, fmt, str(path), encoding)
