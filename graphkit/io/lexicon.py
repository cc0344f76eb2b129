"""Word lists shipped in ``graphkit/data`` and loaded once, on first use.

Each list is a plain data file (one entry per line, ``#`` comments) so that
users can read and extend it; see ``data/README.md`` for their sources and
licences.
"""

from __future__ import annotations

import gzip
import re
from collections.abc import Iterable, Sequence
from functools import cache
from importlib import resources

__all__ = ["common_words", "word_list", "word_table", "trie_regex"]


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


def trie_regex(items: Iterable[str | Sequence[str]]) -> str:
    """A regex matching any of ``items``, one character at a time, the longest first.

    Each item is a word (its characters are escaped) or a sequence of regex
    atoms.  Python's regex engine tries the branches of ``a|b|c`` one after
    the other at every position; a trie shares their prefixes, so a list of
    dozens of words costs little more than one.  Among the branches at a
    node, single characters come before longer atoms.

    Examples
    --------
    >>> trie_regex(["Mr", "Mrs", "Miss"])
    'M(?:iss|r(?:s)?)'
    >>> bool(re.fullmatch(trie_regex(["Mr", ["D", "r", r"\\.?"]]), "Dr."))
    True
    """
    root: dict = {}
    for item in items:
        node = root
        for atom in map(re.escape, item) if isinstance(item, str) else item:
            node = node.setdefault(atom, {})
        node[""] = {}

    def build(node: dict) -> str:
        branches = sorted((a for a in node if a), key=lambda a: (len(a) > 2, a))
        alts = [a + build(node[a]) for a in branches]
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")" if alts else ""
        return f"(?:{body})?" if "" in node and body else body

    return build(root)
