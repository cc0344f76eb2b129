"""God in exclamations is no character: "thank God", "my God!", "for Heaven's sake".

Novels name God often (179 times in *Anna Karenina*, more than most of its
people) and nearly always in an oath, a blessing or a prayer, so a node
"God" tops the graph without ever being in a scene.  A character whose name
is one of ``data/deities.txt`` (or an oath made of one: "Good God") is
dropped, with its mentions, when it is named :data:`_MIN_USES` times or more
(a god named twice is no hub, and a short text keeps its names as they are)
and at least :data:`_INVOKED` of its uses are invocations: the name after "my", "oh",
"good", "thank", "by", "for", "pray to", "of", "in" ... or before "knows",
"bless", "forbid", "grant", "willing", "help", "'s sake", "!" ...  A god the
text has act in scene after scene ("Zeus" in the *Iliad*: "Zeus sent ...",
"Zeus answered") is mostly not invoked and stays.  One look at 25 characters
either side of each mention of those few characters: nothing else is read.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from graphkit.io.lexicon import word_list
from graphkit.model import Character, Document, Mention

__all__ = ["drop_invoked"]

_INVOKED = 0.5
_MIN_USES = 10  # a god named a few times is no hub: short texts keep their names as they are
_BEFORE = re.compile(
    r"(?<![\w'])(?:my|oh|o|ah|good|great|dear|thank|thanks|by|for|please|pray|to|swear|before"
    r"|with|in|under|of|so|help|merciful|gracious|almighty|the)[\s,!]*$",
    re.IGNORECASE,
)
_AFTER = re.compile(
    r"[\s,!]*(?:knows|bless|blesses|forbid|forgive|grant|willing|help|helps|damn|save|keep"
    r"|have\b|be\b|almighty|['\u2019]s\s+(?:sake|name)|!)",
    re.IGNORECASE,
)


# Words that make a name an oath by themselves: "Good God", "Great Heaven", "Oh Lord".
_OATH_WORDS = frozenset(("Good", "Great", "Dear", "Oh", "O", "My", "Merciful", "Gracious"))


def _is_deity(name: str, names: frozenset[str]) -> bool:
    """Whether ``name`` is on the list, or an oath made of one ("Good God").

    Examples
    --------
    >>> names = frozenset({"God", "Heaven"})
    >>> _is_deity("God", names), _is_deity("Good God", names), _is_deity("Godwin", names)
    (True, True, False)
    """
    words = name.split()
    return name in names or (words[-1] in names and all(w in _OATH_WORDS for w in words[:-1]))


def _invoked(text: str, m: Mention) -> bool:
    """Whether mention ``m`` of a deity stands in an oath, a blessing or a prayer."""
    if " " in m.text and m.text.split()[0] in _OATH_WORDS:
        return True
    return bool(_BEFORE.search(text, max(0, m.start - 25), m.start) or _AFTER.match(text, m.end))


def drop_invoked(
    doc: Document,
    characters: Sequence[Character],
    mentions: Sequence[Mention],
    min_uses: int = _MIN_USES,
) -> tuple[list[Character], list[Mention]]:
    """The characters and mentions without the deities the text only invokes.

    Examples
    --------
    >>> from graphkit.pipeline.document import build_document
    >>> doc = build_document("Thank God! Anna left. Oh God, Anna wept.")
    >>> chars = [Character("God", "God", mentions=2), Character("Anna", "Anna", mentions=2)]
    >>> ms = [Mention(6, 9, "God", "God", "character", 0), Mention(11, 15, "Anna", "Anna", "character", 1),
    ...       Mention(25, 28, "God", "God", "character", 2), Mention(30, 34, "Anna", "Anna", "character", 2)]
    >>> chars, ms = drop_invoked(doc, chars, ms, min_uses=2)
    >>> [c.id for c in chars], [m.character for m in ms]
    (['Anna'], ['Anna', 'Anna'])
    """
    names = word_list("deities.txt")
    gods = {c.id for c in characters if _is_deity(c.id, names) or _is_deity(c.label, names)}
    if not gods:
        return list(characters), list(mentions)
    uses: dict[str, list[bool]] = {g: [] for g in gods}
    for m in mentions:
        if m.character in uses:
            uses[m.character].append(_invoked(doc.text, m))
    dropped = {g for g, u in uses.items() if len(u) >= min_uses and sum(u) >= _INVOKED * len(u)}
    if not dropped:
        return list(characters), list(mentions)
    return (
        [c for c in characters if c.id not in dropped],
        [m for m in mentions if m.character not in dropped],
    )
