"""A person the text names only by a description, "the mariner", as a character.

Some people in a novel never get a name: *The Invisible Man*'s "the mariner"
talks with Thomas Marvel for a chapter and is "the mariner" thirty times.
Name detection sees no capitalised word, so without this rule he is no one.
A definite description is read as a character when it acts like one in
dialogue: "said the mariner" (a verb of speech, then "the" and one lower-case
noun closing the tag: ``said the mariner,``) at least :data:`_TAGS` times.
Not a noun any person may be called ("the man", "the gentleman", "the lad":
``data/gender_nouns.txt``, and :data:`_ANYONE`), nor a kin noun ("the
mother": ``data/person_nouns.txt``), nor a rank or title ("the princess",
"the count": ``data/honorifics.txt``, read by
:mod:`graphkit.pipeline.characters.role_nouns` as their titled bearer).
Each "the <noun>" of the text (either case of "the"), where no name is
detected, is then a mention of the character "The <Noun>" (``The Mariner``).

Cheap: literal searches for "said the " and the other tags; a regular
expression for each noun that passes (none in most novels).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Sequence

import numpy as np

from graphkit.io.lexicon import word_list, word_table
from graphkit.model import Character, Document, Mention
from graphkit.pipeline.document import sentence_index

__all__ = ["add_described", "REASON"]

REASON = "a description the dialogue tags as a speaker ('said the mariner')"
_TAGS = 10
_ANYONE = frozenset(
    ("stranger", "other", "person", "fellow", "child", "creature", "visitor", "speaker", "voice",
     "first", "second", "third", "last", "latter", "former", "same", "young", "old", "little")
)  # fmt: skip
_VERBS = ("said", "asked", "cried", "replied", "answered", "exclaimed", "remarked", "returned",
          "continued")  # fmt: skip
_NOUN = re.compile(r"([a-z]{3,})[,.;:!?]")


def _tags(text: str) -> Counter:
    """Each noun closing a speech tag "said the <noun>," and how often: literal searches."""
    tags: Counter = Counter()
    for verb in _VERBS:
        lead = f"{verb} the "
        i = text.find(lead)
        while i >= 0:
            m = _NOUN.match(text, i + len(lead))
            if m and (i == 0 or not text[i - 1].isalpha()):
                tags[m.group(1)] += 1
            i = text.find(lead, i + len(lead))
    return tags


def _excluded() -> frozenset[str]:
    """Nouns that are no one's description: any person's, kin, ranks and titles."""
    words = {w.split(",")[0].strip() for w in word_list("gender_nouns.txt")}
    words |= {w.strip() for w in word_list("person_nouns.txt")}
    words |= {t.rstrip(".").lower() for t in word_table("honorifics.txt")}
    return frozenset(words) | _ANYONE


def described(text: str) -> list[str]:
    """The nouns of the descriptions ``text`` reads as characters (see the module docstring).

    Examples
    --------
    >>> described('"No," said the mariner. ' * 10 + '"Yes," said the man. ' * 12)
    ['mariner']
    >>> described('"No," said the mariner. ' * 9)
    []
    """
    tags = _tags(text)
    if not tags or tags.most_common(1)[0][1] < _TAGS:
        return []
    excluded = _excluded()
    return sorted(n for n, k in tags.items() if k >= _TAGS and n not in excluded)


def add_described(
    doc: Document, characters: Sequence[Character], mentions: Sequence[Mention]
) -> tuple[list[Character], list[Mention]]:
    """``characters`` and ``mentions`` with a character for each description read as one.

    Examples
    --------
    >>> from graphkit.pipeline.document import build_document
    >>> doc = build_document('"No," said the mariner. Tom Hale nodded. ' * 10)
    >>> chars, ms = add_described(doc, [], [])
    >>> [(c.id, c.mentions) for c in chars], ms[0].text
    ([('The Mariner', 10)], 'the mariner')
    """
    text = doc.text
    nouns = described(text)
    if not nouns:
        return list(characters), list(mentions)
    ordered = sorted(mentions, key=lambda m: m.start)
    starts = [m.start for m in ordered]
    taken = {c.id for c in characters}
    added: list[Mention] = []
    chars = list(characters)
    for noun in nouns:
        name = "The " + noun.capitalize()
        if name in taken:
            continue
        found = []
        for m in re.finditer(rf"\b[Tt]he {noun}\b", text):
            i = bisect_right(starts, m.start()) - 1
            if i >= 0 and ordered[i].end > m.start():
                continue  # inside a detected name
            j = i + 1
            if j < len(ordered) and ordered[j].start < m.end():
                continue
            found.append((m.start(), m.end(), m.group()))
        if not found:
            continue
        at = np.fromiter((s for s, _, _ in found), dtype=np.int64, count=len(found))
        sentences = sentence_index(doc, at).tolist()
        ms = [Mention(s, e, t, name, "character", k)
              for (s, e, t), k in zip(found, sentences, strict=True)]  # fmt: skip
        added.extend(ms)
        chars.append(
            Character(
                id=name,
                label=name,
                kind="character",
                aliases=tuple(sorted({m.text for m in ms})),
                mentions=len(ms),
                first_seen=int(doc.offsets.to_raw([ms[0].start]).tolist()[0]),
                work=None,
                aliases_reason=(REASON,),
            )
        )
    if not added:
        return list(characters), list(mentions)
    chars.sort(key=lambda c: (-c.mentions, c.id))
    return chars, sorted([*mentions, *added], key=lambda m: m.start)
