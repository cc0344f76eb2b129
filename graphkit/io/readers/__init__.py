"""Readers for structured texts, and the detection of an input's format.

Every reader is one module and one entry of :data:`READERS`: its name (a
value of ``--input-format``), how to recognise it (the first bytes of the
file, its suffix, or its decoded text) and how to parse it into a
:class:`~graphkit.io.readers.base.Script`.  ``detect_format`` tries them in
registry order; anything they all refuse is ordinary text for the prose
pipeline.  Detection falls back to prose, too, when the reader it picked
refuses the file and nothing but a guess chose it (a ``.txt`` opening with
``<p>``, prose with two ``INT.`` lines); a file that claims its format (a
suffix, an XML declaration) or an explicit ``--input-format`` keeps the
reader's error.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from graphkit.errors import InputError, OptionError
from graphkit.io.readers import fountain, play, sgb, tei
from graphkit.io.readers.base import Role, Script, Turn
from graphkit.io.text import decode, read_bytes

__all__ = [
    "INPUT_FORMATS",
    "READERS",
    "Reader",
    "Role",
    "Script",
    "Turn",
    "detect_format",
    "read_script",
    "parse_script",
]


@dataclass(frozen=True)
class Reader:
    """One structured input format.

    ``parse`` takes the file's bytes when ``binary`` (XML decodes itself), else
    its decoded text.  ``sniff_head`` looks at the first 4 kB before decoding,
    ``suffixes`` claim a file by name, ``sniff`` looks at the decoded text.
    ``claims(head, suffix)`` says whether the first 4 kB and the suffix prove
    the format (a sniffed file they do not is read as prose when the reader
    refuses it).
    """

    name: str
    parse: Callable[[bytes | str, str], Script]
    sniff: Callable[[str], bool] | None = None
    sniff_head: Callable[[str], bool] | None = None
    suffixes: tuple[str, ...] = ()
    binary: bool = False
    claims: Callable[[str, str], bool] | None = None


#: Structured formats, in the order detection tries them.
READERS: dict[str, Reader] = {
    r.name: r
    for r in (
        Reader("tei", tei.parse_tei, sniff_head=tei.looks_like_xml, binary=True,
               claims=tei.claims_xml),
        # GraphBase tables are .dat files; a malformed one should get the
        # table reader's error naming its bad line, not be read as prose.
        Reader("sgb", sgb.parse_sgb, sniff=sgb.looks_like_sgb, suffixes=(".dat",)),
        Reader("fountain", fountain.parse_fountain, sniff=fountain.looks_like_fountain,
               suffixes=(".fountain", ".spmd")),
        Reader("play", play.parse_play, sniff=play.looks_like_play),
    )
}  # fmt: skip

#: How much of a text the sniffers read: all of a play, a screenplay or a table, and enough
#: of a long file (front matter included) to tell it from prose in bounded time.
SNIFF_CHARS = 400_000

#: Values of ``--input-format``.
INPUT_FORMATS = ("auto", "text", *READERS)


def _decode(data: bytes, source: str, encoding: str | None = None) -> str:
    return decode(data, source, encoding).replace("\r\n", "\n")


def detect_format(data: bytes, name: str = "") -> str:
    """The format of a file's bytes: ``tei``, ``sgb``, ``fountain``, ``play`` or ``text``.

    The sniffers read the first :data:`SNIFF_CHARS` characters (whole lines).

    Examples
    --------
    >>> detect_format(b'<?xml version="1.0"?><TEI/>'), detect_format(b"AA Ann\\nBB Bob\\n\\n1:AA,BB\\n")
    ('tei', 'sgb')
    >>> detect_format(b"INT. HOUSE - DAY\\n\\nANN\\nHi.\\n\\nEXT. ROAD - DAY\\n"), detect_format(b"Once upon a time.")
    ('fountain', 'text')
    """
    return _detect(data, name)[0]


def _detect(data: bytes, name: str) -> tuple[str, bool]:
    """The format of ``data`` and whether the file claims it (else it is a guess)."""
    head = data[:4096].decode("utf-8", errors="replace")
    suffix = Path(name).suffix.lower()
    for reader in READERS.values():
        if reader.sniff_head is not None and reader.sniff_head(head):
            claimed = suffix in reader.suffixes or bool(
                reader.claims and reader.claims(head, suffix)
            )
            return reader.name, claimed
    for reader in READERS.values():
        if suffix in reader.suffixes:
            return reader.name, True
    try:
        text = _decode(data, name or "<bytes>")
    except InputError:
        return "text", False  # the text reader will say what is wrong
    if len(text) > SNIFF_CHARS:
        text = text[: text.rfind("\n", 0, SNIFF_CHARS) + 1 or SNIFF_CHARS]
    for reader in READERS.values():
        if reader.sniff is not None and reader.sniff(text):
            return reader.name, False
    return "text", False


def parse_script(
    data: bytes, fmt: str, source: str = "<bytes>", encoding: str | None = None
) -> Script:
    """Parse bytes in a structured format (a key of :data:`READERS`)."""
    reader = READERS.get(fmt)
    if reader is None:
        raise OptionError(f"unknown input format {fmt!r}: use one of {', '.join(INPUT_FORMATS)}")
    if reader.binary:
        return reader.parse(data, source)
    return reader.parse(_decode(data, source, encoding), source)


def read_script(
    path: str | os.PathLike, fmt: str = "auto", encoding: str | None = None
) -> Script | None:
    """Read ``path`` as a structured text, or return ``None`` when it is ordinary text.

    ``fmt="auto"`` detects the format from the content (and returns ``None``
    when a guessed reader refuses the file); ``"text"`` always returns
    ``None``; any other format forces that reader, whose refusal is an error.
    """
    if fmt not in INPUT_FORMATS:
        raise OptionError(f"unknown input format {fmt!r}: use one of {', '.join(INPUT_FORMATS)}")
    if fmt == "text":
        return None
    data = read_bytes(path)
    if fmt != "auto":
        return parse_script(data, fmt, str(path), encoding)
    fmt, claimed = _detect(data, str(path))
    if fmt == "text":
        return None
    try:
        return parse_script(data, fmt, str(path), encoding)
    except InputError:
        if claimed:
            raise
        return None  # a guess that did not fit: the file is prose
