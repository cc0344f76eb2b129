"""Stanford GraphBase co-appearance tables (``anna.dat``, ``david.dat``, ``jean.dat``).

The format (Knuth, *The Stanford GraphBase*, ``gb_books``): ``*`` lines are
comments; then one line per character, a two-character code, a space and a
description whose text before the first comma is the character's name; a
blank line; then one line per chapter, ``chapter:AA,BB;CC,DD,EE``, where
commas join the characters of one *group* (who meet) and ``;`` separates the
groups of the chapter.  A line ending with ``&`` continues on the next line;
a chapter with nobody in it has no colon.  Names and descriptions use TeX
accents (``\\'e``, ``\\c{c}``), decoded here to Unicode.
"""

from __future__ import annotations

import re
import unicodedata

from graphkit.errors import InputError
from graphkit.io.readers.base import Role, Script, Turn

__all__ = ["decode_tex", "looks_like_sgb", "parse_sgb"]

_COMBINING = {
    "'": "\u0301",
    "`": "\u0300",
    "^": "\u0302",
    '"': "\u0308",
    "~": "\u0303",
    "=": "\u0304",
    ".": "\u0307",
    "u": "\u0306",
    "v": "\u030c",
    "H": "\u030b",
    "c": "\u0327",
    "k": "\u0328",
    "d": "\u0323",
    "b": "\u0331",
    "r": "\u030a",
}
_LETTERS = {
    "ss": "ß",
    "o": "ø",
    "O": "Ø",
    "ae": "æ",
    "AE": "Æ",
    "oe": "œ",
    "OE": "Œ",
    "aa": "å",
    "AA": "Å",
    "l": "ł",
    "L": "Ł",
    "i": "ı",
    "j": "ȷ",
}
# \'e  \'{e}  \c{c}  \c c  {\'e}  \'\i  — the accent, then one letter (braced or not).
_ACCENT = re.compile(
    r"\\([`'^\"~=.])\s*(?:\{\s*(\\?[A-Za-z])\s*\}|(\\?[A-Za-z]))"
    r"|\\([uvHckdbr])(?:\s*\{\s*(\\?[A-Za-z])\s*\}|\s+([A-Za-z]))"
)
_SPECIAL = re.compile(r"\\(ss|ae|AE|oe|OE|aa|AA|[oOlLij])(?![A-Za-z])\s?")
_CODE = re.compile(r"[A-Z0-9]{2}")


def decode_tex(text: str) -> str:
    """Decode the TeX accents and quotes of a GraphBase description into Unicode.

    Examples
    --------
    >>> decode_tex(r"prot\\'eg\\'e of BT"), decode_tex(r"Fran\\c{c}ois"), decode_tex(r"Tholomy\\`es")
    ('protégé of BT', 'François', 'Tholomyès')
    >>> decode_tex(r"Countess de L\\^o, `Friends of the ABC' chief")
    'Countess de Lô, ‘Friends of the ABC’ chief'
    """

    def letter(value: str) -> str:
        return _LETTERS.get(value[1:], value[1:]) if value.startswith("\\") else value

    def accent(m: re.Match) -> str:
        mark = m.group(1) or m.group(4)
        base = letter(m.group(2) or m.group(3) or m.group(5) or m.group(6))
        return unicodedata.normalize("NFC", base + _COMBINING[mark])

    text = _ACCENT.sub(accent, text)
    text = _SPECIAL.sub(lambda m: _LETTERS[m.group(1)], text)
    text = re.sub(r"\{([^{}\\]*)\}", r"\1", text)  # {\'e} leaves {é}
    text = text.replace("``", "“").replace("''", "”").replace("`", "‘")
    # An apostrophe closes an open ‘ quote unless a letter follows (Hamlet's).
    out, open_quote = [], False
    for i, ch in enumerate(text):
        if ch == "‘":
            open_quote = True
        elif ch == "'" and open_quote and not text[i + 1 : i + 2].isalpha():
            ch, open_quote = "’", False
        out.append(ch)
    return "".join(out)


def looks_like_sgb(text: str) -> bool:
    """Whether ``text`` reads as a GraphBase co-appearance table.

    Examples
    --------
    >>> looks_like_sgb("* comment\\nAA Ann, a girl\\nBB Bob\\n\\n1:AA,BB\\n2:BB\\n")
    True
    >>> looks_like_sgb("ROMEO. But soft!\\n")
    False
    """
    lines = (ln.rstrip() for ln in text.splitlines() if not ln.startswith("*"))
    cast = []
    for ln in lines:
        if not ln:
            break
        cast.append(ln)
    else:
        return False  # no blank line: no table
    # Mostly well-formed is enough: the parser then names the bad line.
    good_cast = sum(bool(re.fullmatch(r"[A-Z0-9]{2} \S.*", ln)) for ln in cast)
    if not cast or good_cast < 0.8 * len(cast):
        return False
    chapters = [ln for ln in lines if ln]
    if not chapters:
        return False
    good_chapters = sum(bool(re.fullmatch(r"[^\s:]+:[A-Z0-9,;&]*", ln)) for ln in chapters)
    return good_cast >= 0.8 * len(cast) and good_chapters >= 0.8 * len(chapters)


def parse_sgb(text: str, source: str = "<sgb>") -> Script:
    """Parse a GraphBase co-appearance table into a :class:`Script` of groups.

    Every ``;``-group of a chapter becomes one turn whose speakers are the
    group's characters, so that linking characters of the same turn, once per
    turn, gives the weights NetworkX's ``les_miserables_graph()`` has.

    Examples
    --------
    >>> s = parse_sgb("AA Ann, a girl\\nBB Bob\\nCC Cy\\n\\n1:AA,BB;BB,CC,AA\\n2\\n3:CC\\n")
    >>> [r.id for r in s.roles], s.segments
    (['Ann', 'Bob', 'Cy'], ('1', '2', '3'))
    >>> [(t.segment, t.speakers) for t in s.turns]
    [(0, ('Ann', 'Bob')), (0, ('Bob', 'Cy', 'Ann')), (2, ('Cy',))]
    >>> parse_sgb("AA Ann\\n\\n1:AA,ZZ\\n", "x.dat")
    Traceback (most recent call last):
    ...
    graphkit.errors.InputError: x.dat:3: unknown character code 'ZZ' in chapter '1'
    """
    roles: dict[str, Role] = {}
    segments: list[str] = []
    turns: list[Turn] = []
    title = ""
    in_chapters = False
    pending = ""
    pending_line = 0
    for number, raw in enumerate(text.splitlines(), 1):
        line = raw.rstrip()
        if line.startswith("*"):
            if number == 2 and not title:
                title = decode_tex(line.lstrip("* ").split(", by ")[0])
            continue
        if not in_chapters:
            if not line:
                if not roles:
                    raise InputError(f"{source}:{number}: blank line before any character")
                roles = _unique(roles)
                in_chapters = True
                continue
            if not re.fullmatch(r"[A-Z0-9]{2} \S.*", line):
                raise InputError(
                    f"{source}:{number}: expected 'XX description' (a two-character code), "
                    f"got {_clip(line)!r}"
                )
            code, description = line[:2], decode_tex(line[3:].strip())
            if code in roles:
                raise InputError(f"{source}:{number}: character code {code!r} defined twice")
            name = description.split(",", 1)[0].strip()
            roles[code] = Role(name, name, (), (("code", code), ("description", description)))
            continue
        if not line and not pending:
            continue
        if not pending:
            pending_line = number
        pending += line
        if pending.endswith("&"):
            pending = pending[:-1]
            continue
        chapter, _, groups = pending.partition(":")
        pending = ""
        if not chapter or any(c.isspace() for c in chapter):
            raise InputError(
                f"{source}:{pending_line}: expected 'chapter:AA,BB;CC', got {_clip(line)!r}"
            )
        segments.append(chapter)
        for group in groups.split(";") if groups else ():
            codes = group.split(",")
            for code in codes:
                if not _CODE.fullmatch(code):
                    raise InputError(
                        f"{source}:{pending_line}: bad character code {code!r} in chapter "
                        f"{chapter!r}"
                    )
                if code not in roles:
                    raise InputError(
                        f"{source}:{pending_line}: unknown character code {code!r} in chapter "
                        f"{chapter!r}"
                    )
            members = tuple(dict.fromkeys(roles[c].id for c in codes))
            turns.append(Turn(len(segments) - 1, members, group, group))
    if pending:
        raise InputError(f"{source}:{pending_line}: last line ends with '&' but nothing follows")
    if not roles:
        raise InputError(f"{source}: no characters found (expected 'XX description' lines)")
    if not segments:
        raise InputError(f"{source}: no chapter lines after the character list")
    return Script(
        title=title,
        roles=tuple(roles.values()),
        segments=tuple(segments),
        turns=tuple(turns),
        kind="table",
        unit="turn",
        source=source,
    )


def _unique(roles: dict[str, Role]) -> dict[str, Role]:
    """Roles with distinct ids: a repeated name gets its code, ``"Fyodor (FC)"``."""
    counts: dict[str, int] = {}
    for r in roles.values():
        counts[r.id] = counts.get(r.id, 0) + 1
    return {
        code: Role(f"{r.id} ({code})", r.label, r.aliases, r.attrs) if counts[r.id] > 1 else r
        for code, r in roles.items()
    }


def _clip(line: str, n: int = 60) -> str:
    return line if len(line) <= n else line[: n - 1] + "…"
