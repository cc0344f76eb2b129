"""A father named only in patronymics is no character: "Agamemnon, son of Atreus".

Epics and chronicles name their heroes by their fathers ("the son of
Atreus", "Achilles son of Peleus", "daughter of Zeus") again and again, and a
father the text never sets in a scene of his own would become a hub joined to
every hero named with him.  A character every use of which stands right after
"son of", "daughter of", "child of", "heir of", "offspring of", "descendant
of" or "widow of" (their plurals too, and "the" or "the late" between) is
dropped with its mentions: the phrase names the child (or the widow), not
him.  A father who also appears alone, once at least, keeps every use.

Cheap by design: only a character whose first use is such a phrase is read
further (its other uses, 40 characters before each), so a novel pays one look
per character.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from graphkit.model import Character, Document, Mention

__all__ = ["drop_patronyms"]

_PATRONYMIC = re.compile(
    r"(?<![\w'])(?:sons?|daughters?|child|children|heirs?|offspring|descendants?|widow)"
    r" of (?:the (?:late |old |great )?)?$",
    re.IGNORECASE,
)


def _patronymic(text: str, m: Mention) -> bool:
    """Whether mention ``m`` stands right after "son of", "daughter of the", ..."""
    return _PATRONYMIC.search(text, max(0, m.start - 40), m.start) is not None


def drop_patronyms(
    doc: Document, characters: Sequence[Character], mentions: Sequence[Mention]
) -> tuple[list[Character], list[Mention]]:
    """The characters and mentions without those named only as someone's father or mother.

    Examples
    --------
    >>> from graphkit.pipeline.document import build_document
    >>> import re
    >>> text = "Agamemnon son of Atreus spoke. Achilles son of Peleus wept. Peleus was old."
    >>> doc = build_document(text)
    >>> ms = [Mention(m.start(), m.end(), m.group(), m.group(), "character", 0)
    ...       for m in re.finditer(r"[A-Z][a-z]+", text)]
    >>> chars = [Character(n, n) for n in ("Agamemnon", "Atreus", "Achilles", "Peleus")]
    >>> chars, ms = drop_patronyms(doc, chars, ms)
    >>> [c.id for c in chars], [m.text for m in ms]
    (['Agamemnon', 'Achilles', 'Peleus'], ['Agamemnon', 'Achilles', 'Peleus', 'Peleus'])
    """
    text = doc.text
    first = {m.character: m for m in reversed(mentions)}  # each character's first use
    candidates = {cid for cid, m in first.items() if _patronymic(text, m)}
    if not candidates:
        return list(characters), list(mentions)
    alone = {
        m.character for m in mentions if m.character in candidates and not _patronymic(text, m)
    }
    dropped = candidates - alone
    if not dropped:
        return list(characters), list(mentions)
    return (
        [c for c in characters if c.id not in dropped],
        [m for m in mentions if m.character not in dropped],
    )
