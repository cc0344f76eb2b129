"""The min-mentions rule: names mentioned too rarely to be characters are left out.

A name met once in a novel is mostly noise (a place, a passing reference)
and multiplies the nodes every path metric must visit; in an article it may
be the one actor of a role.  With a cast file every listed name counts.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from graphkit.io.cast import Cast
from graphkit.model import Character, Document, Mention, Relation

__all__ = ["auto_min_mentions", "drop_rare"]


def auto_min_mentions(doc: Document, cast: Cast | None) -> int:
    """The fewest mentions a discovered name needs: 1 in short texts, more in long ones.

    Examples
    --------
    >>> from graphkit.pipeline.document import build_document
    >>> auto_min_mentions(build_document("Ann met Bob."), None)
    1
    """
    if cast is not None:
        return 1
    words = doc.text.count(" ") + doc.text.count("\n")
    return 1 if words < 20_000 else 2 if words < 100_000 else 3


def drop_rare(
    doc: Document,
    characters: Sequence[Character],
    mentions: Sequence[Mention],
    relations: Sequence[Relation],
    min_mentions: int | str,
    cast: Cast | None,
) -> dict[str, Any]:
    """Keep the characters mentioned at least ``min_mentions`` times (``"auto"``: see above).

    Returns the kept ``characters``, their ``mentions`` and ``relations``, the
    ``threshold`` applied and how many characters were ``dropped``.
    """
    threshold = auto_min_mentions(doc, cast) if min_mentions == "auto" else int(min_mentions)
    dropped = 0
    if threshold > 1:
        keep = {c.id for c in characters if c.mentions >= threshold}
        dropped = len(characters) - len(keep)
        characters = [c for c in characters if c.id in keep]
        mentions = [m for m in mentions if m.character in keep]
        relations = [r for r in relations if r.source in keep and r.target in keep]
    return {
        "characters": characters,
        "mentions": mentions,
        "relations": relations,
        "threshold": threshold,
        "dropped": dropped,
    }
