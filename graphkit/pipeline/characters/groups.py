"""Families and peoples named in the plural are groups, not characters: "the Bennets", "the Bourbons".

A novel names its families as a whole ("the Bennets were ...", "dinner with the
Lucases") and its peoples, orders and parties the same way ("the Jacobins",
"the Achaeans").  Such a name is no one person: its node gets
``kind = "group"``, keeps its mentions and its edges (a family invited to a
ball is in the scene), and is never taken for a speaker or an end of a family
tie.  Two rules, each on a single word in the plural (ending in "s", not
"ss"), read only the words right after each of its mentions:

* **A family.**  The word without its plural ending ("Bennet", "Lucas" from
  "Lucases") is a word of another character's name ("Mr. Bennet", "Charlotte
  Lucas"); the plural takes no more singular verbs than plural ones ("the
  Bennets were", never "Adams was"); and it stands after "the" in a third of
  its uses or takes two plural verbs.  "Adams" beside a character "Adam" is a
  man: "Adams was", "Adams has".
* **A people or a body.**  No such name, so the evidence must be plain: "the"
  before half its uses at least, two plural verbs after it and at least
  twice as many plural verbs as singular ones ("the Bourbons were").  A
  place in the plural ("in the Halles") takes no verb and stays as it was.

Runs after the aliases are merged and only without a cast file (a cast file
says ``kind: group`` itself).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from graphkit.model import Character, Document, Mention, with_kinds

__all__ = ["mark_groups"]

_PLURAL = re.compile(r"\w*[^\W\d_s]s", re.UNICODE)  # one word ending in "s", not "ss"
_NEXT = re.compile(r"[\s,]*([a-z]+)")
_PLURAL_VERBS = frozenset(("were", "are", "have", "do", "themselves", "their"))
_SINGULAR_VERBS = frozenset(("was", "is", "has", "does", "himself", "herself"))


def _stems(word: str) -> tuple[str, ...]:
    """The singular forms a plural name may come from: "Lucases" -> ("Lucase", "Lucas")."""
    return (word[:-1], word[:-2]) if word.endswith("es") else (word[:-1],)


def _agreement(text: str, mentions: Sequence[Mention]) -> tuple[int, int, int]:
    """How many of ``mentions`` stand after "the", and take a plural or a singular verb."""
    the = plural = singular = 0
    for m in mentions:
        if m.text[:4] in ("the ", "The "):
            the += 1
        verb = _NEXT.match(text, m.end, m.end + 24)
        if verb:
            word = verb.group(1)
            plural += word in _PLURAL_VERBS
            singular += word in _SINGULAR_VERBS
    return the, plural, singular


def mark_groups(
    doc: Document, characters: Sequence[Character], mentions: Sequence[Mention]
) -> tuple[list[Character], list[Mention]]:
    """The characters and mentions with families and peoples named in the plural as groups.

    Examples
    --------
    >>> from graphkit.pipeline.document import build_document
    >>> text = "Mr. Bennet sat. The Bennets were at home. Jane met the Bennets. The Bennets are kind."
    >>> doc = build_document(text)
    >>> ms = [Mention(m.start(), m.end(), m.group(), m.group().split()[-1] if "Mr" not in m.group()
    ...       else m.group(), "character", 0) for m in re.finditer(r"Mr. Bennet|[Tt]he Bennets", text)]
    >>> chars = [Character("Bennets", "Bennets", mentions=3), Character("Mr. Bennet", "Mr. Bennet", mentions=1)]
    >>> chars, ms = mark_groups(doc, chars, ms)
    >>> [(c.id, c.kind) for c in chars], [m.kind for m in ms]
    ([('Bennets', 'group'), ('Mr. Bennet', 'character')], ['character', 'group', 'group', 'group'])
    """
    plurals = {c.id: c for c in characters if c.kind == "character" and _PLURAL.fullmatch(c.id)}
    if not plurals:
        return list(characters), list(mentions)
    stems = {s for cid in plurals for s in _stems(cid)}
    words: dict[str, set[str]] = {}  # a stem -> the characters whose names hold it as a word
    for c in characters:
        for name in (c.id, *c.aliases):
            for w in stems.intersection(name.split()):
                words.setdefault(w, set()).add(c.id)
    families = {cid for cid in plurals if any(words.get(s, {cid}) - {cid} for s in _stems(cid))}
    # Anything else must stand after "the" in half its uses, so one such form at least:
    # "Marius" or "Enjolras", never "the Marius", is not read further.
    candidates = families | {
        cid for cid, c in plurals.items() if any(a[:4] in ("the ", "The ") for a in c.aliases)
    }
    uses: dict[str, list[Mention]] = {cid: [] for cid in candidates}
    for m in [m for m in mentions if m.character in candidates]:
        uses[m.character].append(m)
    kinds = {}
    for cid, ms in uses.items():
        the, plural, singular = _agreement(doc.text, ms)
        if cid in families:
            group = singular <= plural and (3 * the >= len(ms) or plural >= 2)
        else:
            group = 2 * the >= len(ms) and plural >= 2 and plural >= 2 * singular
        if group:
            kinds[cid] = "group"
    return with_kinds(characters, mentions, kinds)
