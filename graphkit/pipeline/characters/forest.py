"""The forest of alias parents that merging builds: each name points to the name it joins."""

from __future__ import annotations

__all__ = ["root_of"]


def root_of(key: str, parent: dict[str, str]) -> str:
    """The name ``key`` ends at, following ``parent`` (a cycle stops where it closes).

    Examples
    --------
    >>> root_of("Mr. Churchill", {"Mr. Churchill": "Frank Churchill", "Frank Churchill": "Frank"})
    'Frank'
    >>> root_of("A", {"A": "B", "B": "A"})
    'A'
    """
    seen = set()
    while key in parent and key not in seen:
        seen.add(key)
        key = parent[key]
    return key
