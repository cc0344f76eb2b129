"""The first-person narrator as a character: "I" in narration is a mention of someone.

A novel told in the first person names its hero seldom in narration, so
without this the hero of *David Copperfield* has few links.  Three steps, run
after the aliases are merged and only on texts without a cast file:

* **Is the narration in the first person?**  A cheap count first ("I", "me",
  "my" against "he", "she", "his", "her" between spaces, on slices of the
  text: below :data:`_PROXY` the text is told in the third person and nothing
  else is read, so a long third-person novel pays a few string counts).  Then the
  quotations are found (:func:`graphkit.pipeline.quotations.find_quotations`)
  and only narration counts: at least :data:`_MIN_USES` first-person pronouns
  outside quotations, and :data:`_RATIO` of the third-person ones.  Novels in
  the third person stay far below (Anne of Green Gables: 15 against 2,198);
  those in the first person far above (David Copperfield 1.27, The Sun Also
  Rises 0.88, The Sign of the Four 0.69).
  A story told mostly in the third person whose narrator yet speaks in it
  (:data:`_SPEAKS` quotations or more that the narration tags "I said",
  "said I", "I asked", and "I said" written once every :data:`_SPEAKS_PER`
  characters at least: *Winnie-the-Pooh*'s frame, where the narrator tells
  the stories to Christopher Robin) has a narrator too; third-person novels
  have none such (none of the fourteen PDNC-dev novels told in the third
  person tags one quotation so).  Such a narrator takes a name only when it
  answers to it ("... I said" next to two of the quotations calling it so
  at least), else it is ``Narrator``.
* **Who is it?**  Other people call the narrator by name; the narrator says
  "I".  So the narrator is the character most often addressed by name inside
  quotations ("'Jake,' she said", "my dear Watson.") among those named there
  in :data:`_QUOTED` of their uses or more (at least :data:`_MIN_NAMED`
  uses): Thaddeus Sholto, much talked about, is seldom addressed; Holmes is
  named in narration.  If none is, a new character ``Narrator``.
* **Mentions.**  Each narration sentence holding "I", "me", "my" or "myself"
  gets one mention of the narrator (at the first such word), unless the
  sentence already names them; quotations are not narration.  Co-occurrence
  then links the narrator with everyone in those sentences.
* **The narrator's kin.**  "my aunt", "my mother" in narration join the
  character the dialogue names so (:mod:`graphkit.pipeline.characters.narrator_kin`).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace

import numpy as np

from graphkit.model import Character, Document, Mention
from graphkit.pipeline.characters.narrator_kin import resolve_kin
from graphkit.pipeline.document import sentence_index

__all__ = ["add_narrator", "NARRATOR"]

NARRATOR = "Narrator"
_PROXY = 0.8
_SLICES = 8
_SLICE = 12_000
_RATIO = 0.2
_MIN_USES = 50
_QUOTED = 0.7
_MIN_NAMED = 10
_ALSO = 0.95
_ANSWERED = 0.2
_SPEAKS = 5  # quotations tagged "I said" in narration: a narrator who speaks is a character
_SPEAKS_PER = 50_000  # and "I said" written once every 50,000 characters at least
#: A quotation the narrator says: its tag, right after it, is "I said", "said I", "I asked", ...
_SAID_I = re.compile(
    r"[,.!?]?['\"”’]?\s*(?:said I\b|I\s+(?:[a-z]+ed|said|told|began|went on|saw|thought)\b)"
)
_ALSO_REASON = "another name the first-person narrator is called by (never named in narration)"
_REASON = "I: the first-person narrator (addressed by this name in quotations)"
_FIRST = re.compile(r"(?<![\w'])(?:I|me|my|myself)(?![\w'])")
_THIRD = re.compile(r"(?<![\w'])(?:[Hh]e|[Ss]he|[Hh]im|[Hh]is|[Hh]er)(?![\w'])")
_HEADING = re.compile(r"(?:CHAPTER|Chapter|BOOK|Book|PART|Part|VOLUME|Volume|No\.)[ \t]+$")


def _proxy(text: str) -> bool:
    """Whether the first person is common enough to be worth reading the quotations.

    Read on :data:`_SLICES` slices of :data:`_SLICE` characters spread over
    the text (the whole of a short one): narration keeps its person from
    chapter to chapter, and string counts over a whole novel cost a regex pass.
    """
    if len(text) > _SLICES * _SLICE:
        step = len(text) // _SLICES
        text = "\n".join(text[i : i + _SLICE] for i in range(0, _SLICES * step, step))
    need = _MIN_USES // 4  # the full count, in narration only, comes after
    first = sum(text.count(w) for w in (" I ", " me ", " my ", " me.", " me,", "\nI "))
    third = sum(text.count(w) for w in (" he ", " she ", " his ", " her ", " He ", " She "))
    return first >= need and first >= _PROXY * third


def _speaks(text: str, quotes: Sequence) -> int:
    """How many quotations the narration tags "I said" (or "said I", "I asked", ...): the
    narrator speaks in the story, though it may be told mostly in the third person."""
    from graphkit.pipeline.quotations import inside

    ends = [q.end for q in quotes if _SAID_I.match(text, q.end, q.end + 40)]
    if not ends:
        return 0
    return int((inside(quotes, np.asarray(ends, dtype=np.int64)) < 0).sum())


def _vocative(text: str, start: int, end: int) -> bool:
    """Whether a name inside a quotation is said to someone: "'Jake,' she said", "Yes, Watson."."""
    before = text[max(0, start - 2) : start]
    return before.endswith((", ", "'", '"', "\n")) and text[end : end + 1] in (",", "!", "?", ".")


def add_narrator(
    doc: Document, characters: Sequence[Character], mentions: Sequence[Mention]
) -> tuple[list[Character], list[Mention]]:
    """``characters`` and ``mentions`` with the first-person narrator's, when there is one.

    Examples
    --------
    >>> from graphkit.pipeline.document import build_document
    >>> doc = build_document("Ann met Bob. He smiled.")
    >>> add_narrator(doc, [], []) == ([], [])
    True
    """
    text = doc.text
    proxy = _proxy(text)
    said = text.count("I said") + text.count("said I")  # cheap: most texts stop here
    if not proxy and (said < _SPEAKS or said * _SPEAKS_PER < len(text)):
        return list(characters), list(mentions)
    from graphkit.pipeline.quotations import find_quotations, inside

    quotes = find_quotations(doc)
    first = [
        m
        for m in _FIRST.finditer(text)
        if not _HEADING.search(text, max(0, m.start() - 9), m.start())
    ]
    third = np.fromiter((m.start() for m in _THIRD.finditer(text)), dtype=np.int64)
    starts = np.fromiter((m.start() for m in first), dtype=np.int64, count=len(first))
    narration = inside(quotes, starts) < 0
    narrated = int(narration.sum())
    third_told = int((inside(quotes, third) < 0).sum())
    told = proxy and narrated >= _MIN_USES and narrated >= _RATIO * third_told
    if not told and _speaks(text, quotes) < _SPEAKS:
        return list(characters), list(mentions)

    # Who: the character named inside quotations, seldom in narration.
    people = {c.id for c in characters if c.kind in ("character", "person")}
    quoted_at = inside(quotes, [m.start for m in mentions])
    quoted, total, called, answered = Counter(), Counter(), Counter(), Counter()
    tagged: list[bool] | None = None
    for m, q in zip(mentions, quoted_at.tolist(), strict=True):
        if m.character in people:
            total[m.character] += 1
            if q >= 0:
                quoted[m.character] += 1
                if _vocative(text, m.start, m.end):
                    called[m.character] += 1
                    if tagged is None:  # which quotations the narrator says ("... I said")
                        tagged = [bool(_SAID_I.match(text, x.end, x.end + 40)) for x in quotes]
                    answered[m.character] += any(tagged[j] for j in (q - 1, q + 1)
                                                 if 0 <= j < len(quotes))  # fmt: skip
    named = [
        c
        for c in sorted(total, key=lambda c: (-called[c], -quoted[c], c))
        if total[c] >= _MIN_NAMED and quoted[c] >= _QUOTED * total[c] and called[c]
    ]
    if not told:  # a narrator who only speaks now and then: named only when answering to it
        named = [c for c in named if answered[c] >= 2]
    narrator = named[0] if named else NARRATOR
    # Other names the text calls the narrator by ("Barnes" beside "Jake", "Trot" beside
    # "Davy"): named almost only inside quotations, often as a vocative, and the narrator
    # answers ("... I said") next to the quotations that call it (a mother called "Clara" in
    # the narrator's presence is answered by someone else).
    others = {
        c
        for c in named[1:]
        if quoted[c] >= _ALSO * total[c]
        and called[c] * 5 >= quoted[c]
        and answered[c] >= 2
        and answered[c] >= _ANSWERED * called[c]
    }
    if others:
        mentions = [replace(m, character=narrator) if m.character in others else m
                    for m in mentions]  # fmt: skip

    # Mentions: one per narration sentence with "I", unless the sentence names the narrator.
    kept = [m for m, n in zip(first, narration.tolist(), strict=True) if n]
    sentences = sentence_index(doc, np.fromiter((m.start() for m in kept), np.int64, len(kept)))
    taken = {m.sentence for m in mentions if m.character == narrator}
    added = []
    for m, s in zip(kept, sentences.tolist(), strict=True):
        if s not in taken:
            taken.add(s)
            added.append(Mention(m.start(), m.end(), m.group(), narrator, "character", s))
    if not added and not others:
        return resolve_kin(doc, characters, mentions, quotes, narrator, _vocative)
    out = sorted([*mentions, *added], key=lambda m: m.start)
    chars = [c for c in characters if c.id != narrator and c.id not in others]
    old = next((c for c in characters if c.id == narrator), None)
    seen = [int(doc.offsets.to_raw([added[0].start]).tolist()[0])] if added else []
    joined = sorted((c for c in characters if c.id in others), key=lambda c: c.id)
    chars.append(
        Character(
            id=narrator,
            label=old.label if old else narrator,
            kind=old.kind if old else "character",
            aliases=(
                *(old.aliases if old else ()),
                *(a for c in joined for a in (c.id, *c.aliases)),
            ),
            mentions=(old.mentions if old else 0) + len(added) + sum(c.mentions for c in joined),
            first_seen=min(
                [*seen, *([old.first_seen] if old else []), *(c.first_seen for c in joined)]
            ),  # fmt: skip
            work=old.work if old else None,
            aliases_reason=(
                *(old.aliases_reason if old else ()),
                _REASON,
                *(f"{c.id}: {_ALSO_REASON}" for c in joined),
            ),  # fmt: skip
        )
    )
    chars.sort(key=lambda c: (-c.mentions, c.id))
    return resolve_kin(doc, chars, out, quotes, narrator, _vocative)  # "my aunt"
