"""Cast files: a user's list of the names in one text, with aliases and kinds.

A cast file is YAML (``.yml``/``.yaml``) or CSV (``.csv``)::

    # her.cast.yml
    - name: Theodore            # canonical name: the node id
      aliases: [Theo, Theodore Twombly]
      kind: character           # character | person | work | group
      work: Her                 # optional: the work a character belongs to
    - name: Her
      kind: work

A YAML mapping with a ``cast:`` (or ``characters:``) list is accepted too.
A CSV file has the header ``name,aliases,kind,work`` with aliases joined by
``;``.  ``<stem>.cast.yml`` (or ``.cast.yaml``/``.cast.csv``) beside a text
is picked up automatically by :func:`find_cast_file`.
"""

from __future__ import annotations

import csv
import io
import os
from dataclasses import dataclass
from pathlib import Path

from graphkit.errors import CastError
from graphkit.io.userfile import parse_yaml, read_user_file
from graphkit.model import KINDS

__all__ = [
    "CastEntry",
    "Cast",
    "CastOption",
    "read_cast",
    "parse_cast",
    "find_cast_file",
    "resolve_cast",
]


@dataclass(frozen=True, slots=True)
class CastEntry:
    """One name of a cast file: canonical name, aliases, kind and optional work."""

    name: str
    aliases: tuple[str, ...] = ()
    kind: str = "character"
    work: str | None = None

    @property
    def forms(self) -> tuple[str, ...]:
        """The canonical name and its aliases, without duplicates."""
        return tuple(dict.fromkeys((self.name, *self.aliases)))


@dataclass(frozen=True, slots=True)
class Cast:
    """The entries of a cast file, in file order."""

    entries: tuple[CastEntry, ...]
    source: str = "<cast>"

    def __len__(self) -> int:
        return len(self.entries)


def _entry(raw: object, where: str) -> CastEntry:
    if isinstance(raw, str):
        raw = {"name": raw}
    if not isinstance(raw, dict):
        raise CastError(f"{where}: expected a mapping with a 'name', got {type(raw).__name__}")
    unknown = set(raw) - {"name", "aliases", "kind", "work"}
    if unknown:
        raise CastError(f"{where}: unknown field(s) {', '.join(sorted(map(str, unknown)))}")
    name = raw.get("name")
    if not isinstance(name, str) or not name.strip():
        raise CastError(f"{where}: every entry needs a non-empty 'name'")
    aliases = raw.get("aliases") or ()
    if isinstance(aliases, str):
        aliases = [a for a in aliases.split(";")]
    if not isinstance(aliases, (list, tuple)) or not all(isinstance(a, str) for a in aliases):
        raise CastError(f"{where}: 'aliases' of {name!r} must be a list of strings")
    kind = raw.get("kind") or "character"
    if not isinstance(kind, str):
        raise CastError(f"{where}: kind of {name!r} must be one of {', '.join(KINDS)}")
    kind = kind.strip().lower()
    if kind not in KINDS:
        raise CastError(f"{where}: kind {kind!r} of {name!r} is not one of {', '.join(KINDS)}")
    work = raw.get("work")
    if work is not None and not isinstance(work, str):
        raise CastError(f"{where}: 'work' of {name!r} must be a string")
    return CastEntry(
        name=" ".join(name.split()),
        aliases=tuple(" ".join(a.split()) for a in aliases if a.strip()),
        kind=kind,
        work=(" ".join(work.split()) or None) if work else None,
    )


def parse_cast(text: str, fmt: str = "yaml", source: str = "<cast>") -> Cast:
    """Parse the text of a cast file (``fmt`` is ``"yaml"`` or ``"csv"``).

    Examples
    --------
    >>> cast = parse_cast("- name: Theodore\\n  aliases: [Theo]\\n- {name: Her, kind: work}")
    >>> [(e.name, e.aliases, e.kind) for e in cast.entries]
    [('Theodore', ('Theo',), 'character'), ('Her', (), 'work')]
    >>> parse_cast("name,aliases,kind\\nSpike Jonze,Jonze,person", fmt="csv").entries[0].aliases
    ('Jonze',)
    """
    if fmt == "csv":
        try:
            rows = list(csv.DictReader(io.StringIO(text), strict=True))
        except csv.Error as exc:
            raise CastError(f"{source}: not valid CSV ({exc})") from None
        if rows and "name" not in rows[0]:
            raise CastError(f"{source}: CSV cast file needs a 'name' column")
        items: list = [{k: v for k, v in row.items() if k and v} for row in rows]
    else:
        data = parse_yaml(text, source, CastError)
        if isinstance(data, dict):
            data = data.get("cast", data.get("characters"))
        if not isinstance(data, list):
            raise CastError(f"{source}: expected a list of entries (or a 'cast:' list)")
        items = data
    entries = tuple(_entry(item, f"{source}: entry {i + 1}") for i, item in enumerate(items))
    if not entries:
        raise CastError(f"{source}: no entries")
    seen: dict[str, str] = {}
    for e in entries:
        for form in e.forms:
            if form in seen and seen[form] != e.name:
                raise CastError(f"{source}: {form!r} names both {seen[form]!r} and {e.name!r}")
            seen[form] = e.name
    return Cast(entries, source)


def read_cast(path: str | os.PathLike) -> Cast:
    """Read a YAML or CSV cast file; a broken one raises :class:`CastError`."""
    p = Path(path)
    text = read_user_file(p, "cast file", CastError)
    fmt = "csv" if p.suffix.lower() == ".csv" else "yaml"
    return parse_cast(text, fmt, str(p))


def find_cast_file(text_path: str | os.PathLike) -> Path | None:
    """The cast file beside ``text_path`` (``<stem>.cast.yml|yaml|csv``), if there is one."""
    p = Path(text_path)
    for suffix in (".cast.yml", ".cast.yaml", ".cast.csv"):
        candidate = p.with_name(p.stem + suffix)
        if candidate.is_file():
            return candidate
    return None


CastOption = Cast | str | os.PathLike | bool | None


def resolve_cast(cast: CastOption, path: str | os.PathLike | None) -> Cast | None:
    """Turn the ``cast`` option into a :class:`Cast` or ``None``.

    ``None`` looks for ``<stem>.cast.yml`` beside ``path``; ``False`` uses no
    cast; a path is read; a :class:`Cast` is used as it is.

    Examples
    --------
    >>> resolve_cast(False, "data/her.txt") is None
    True
    """
    if cast is False:
        return None
    if isinstance(cast, Cast):
        return cast
    if cast is None or cast is True:
        found = find_cast_file(path) if path is not None else None
        return read_cast(found) if found else None
    return read_cast(cast)
