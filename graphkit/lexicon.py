"""Word lists shipped in ``graphkit/data`` and loaded once, on first use.

Each list is a plain data file (one entry per line, ``#`` comments) so that
users can read and extend it; see ``data/README.md`` for their sources and
licences.
"""

from __future__ import annotations

import gzip
from functools import cache
from importlib import resources

__all__ = ["common_words", "word_list", "word_table"]


def _lines(name: str) -> list[str]:
    data = resources.files("graphkit").joinpath("data", name).read_bytes()
    if name.endswith(".gz"):
        data = gzip.decompress(data)
    return [
        line.strip()
        for line in data.decode("utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    ]


@cache
def common_words() -> frozenset[str]:
    """Lower-case English words (SCOWL), used to tell names from ordinary words.

    Examples
    --------
    >>> "follows" in common_words(), "theodore" in common_words()
    (True, False)
    """
    return frozenset(_lines("common_words.txt.gz"))


@cache
def word_list(name: str) -> frozenset[str]:
    """The entries of the data file ``name`` (e.g. ``"honorifics.txt"``) as a set."""
    return frozenset(_lines(name))


@cache
def word_table(name: str) -> dict[str, str]:
    """A two-column data file (``key<TAB or comma>value``) as a dict."""
    table: dict[str, str] = {}
    for line in _lines(name):
        key, _, value = line.replace("\t", ",").partition(",")
        table[key.strip()] = value.strip()
    return table
