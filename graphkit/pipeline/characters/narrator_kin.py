"""The narrator's kin, "my aunt", "my mother": a role noun that is one named character.

A first-person narrator names the people closest to them by their relation
to themselves: *David Copperfield* says "my aunt" 640 times in narration and
"Miss Betsey" or "Miss Trotwood" a few dozen; "my mother" 215 times against
a "Clara" heard only in other people's mouths.  Without this the aunt, the
second character of the book, is nearly absent from the graph.  Run by
:func:`graphkit.pipeline.characters.narrator.add_narrator`, only on texts it
reads as told in the first person, after the narrator is known.

* **Which role nouns.**  "my <kin>" (a noun of :data:`KIN`, "my" or "My",
  whole words) outside quotations, at least :data:`_MIN_USES` times: one
  person the narrator keeps calling so, not a passing "my brother".
* **Who is it.**  The text ties the role to a name in dialogue: a quotation
  tagged "said my aunt" ("my aunt replied", "returned my aunt": a speech verb
  of ``data/speech_verbs.txt`` or ``data/speech_tags.txt`` right after a part
  of the quotation) is the aunt speaking, and the turns beside it, the
  quotation before and the one after, speak to her: a name said there as a
  vocative ("'Miss Trotwood,' said Mr. Wickfield") is her name.  A name she
  says herself is the person she speaks to, so it counts against ("Peggotty!"
  in the mother's own mouth): each name scores its vocatives in the
  neighbouring turns minus those in the role's own turns.  The narrator, who
  answers most turns, never scores; nor does a character whose titles say the
  other sex (``data/gender_nouns.txt`` gives the noun's: "aunt" is ``f``, so
  never "Mr. Dick").  The best name needs :data:`_MIN_SCORE` and twice the
  score of the next one; else the role joins no one (no new character is
  made: a wrong merge costs more than a missing one).
* **Mentions.**  Each narration use becomes a mention of that character,
  unless the sentence names it already or a detected name covers the use;
  the character keeps "my aunt" as an alias and the reason.

Cheap: one compiled regex over the text for the role nouns and one for the
speech tags ("said my aunt"), and one pass over the mentions in quotations;
a text in the third person never gets here.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from dataclasses import replace
from functools import cache

import numpy as np

from graphkit.io.lexicon import trie_regex, word_list, word_table
from graphkit.model import Character, Document, Mention, Quotation
from graphkit.pipeline.characters.pronouns import _title_sex
from graphkit.pipeline.document import sentence_index
from graphkit.pipeline.quotations import inside

__all__ = ["KIN", "resolve_kin"]

#: Nouns of kinship and care a narrator calls one person by, after "my".
KIN = (
    "mother",
    "father",
    "mamma",
    "papa",
    "aunt",
    "uncle",
    "grandmother",
    "grandfather",
    "godmother",
    "godfather",
    "stepmother",
    "stepfather",
    "guardian",
    "nurse",
    "sister",
    "brother",
    "wife",
    "husband",
    "cousin",
)
_MIN_USES = 20
_MIN_SCORE = 3
_TAG_GAP = 5  # characters between a quotation part's end and its tag: closing mark, comma
_REASON = "my {kin}: the narrator's {kin}, called {name} in the turns beside those she or he speaks"


@cache
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """The role nouns ("my aunt"), a speech verb ending before one ("said "), one after ("cried")."""
    verbs = trie_regex(sorted(word_list("speech_verbs.txt") | word_list("speech_tags.txt")))
    role = re.compile(rf"(?<![\w'])[Mm]y ({trie_regex(KIN)})(?![\w'-])")
    before = re.compile(rf"(?<![\w'])(?:{verbs}) $")
    after = re.compile(rf" (?:{verbs})(?![\w'])")
    return role, before, after


def _sexes(character: Character, honorifics: dict[str, str]) -> set[str]:
    """The sexes the titles of ``character``'s forms name ("Miss Trotwood": ``{"f"}``)."""
    return {_title_sex(f, honorifics) for f in (character.id, *character.aliases)} - {"-"}


def _bearer(
    kin: str,
    turns: list[int],
    calls: dict[int, Counter],
    n_quotes: int,
    allowed: Callable[[str], bool],
) -> tuple[str | None, int]:
    """The name the turns beside ``turns`` (the role's quotations) call, and its score.

    Examples
    --------
    >>> calls = {0: Counter({"Clara": 1}), 1: Counter({"Ann": 1}), 2: Counter({"Clara": 1}),
    ...          4: Counter({"Clara": 1}), 5: Counter({"Ann": 1})}
    >>> _bearer("mother", [1, 5], calls, 6, lambda c: True)
    ('Clara', 3)
    """
    score: Counter = Counter()
    for q in turns:
        for j in (q - 1, q + 1):
            if 0 <= j < n_quotes:
                score.update(calls.get(j, {}))
        score.subtract(calls.get(q, {}))
    ranked = sorted(
        ((n, c) for c, n in score.items() if n > 0 and allowed(c)), key=lambda x: (-x[0], x[1])
    )
    if not ranked or ranked[0][0] < _MIN_SCORE:
        return None, 0
    if len(ranked) > 1 and ranked[0][0] < 2 * ranked[1][0]:
        return None, 0
    return ranked[0][1], ranked[0][0]


def resolve_kin(
    doc: Document,
    characters: Sequence[Character],
    mentions: Sequence[Mention],
    quotes: tuple[Quotation, ...],
    narrator: str,
    vocative: Callable[[str, int, int], bool],
) -> tuple[list[Character], list[Mention]]:
    """``characters`` and ``mentions`` with the narrator's "my <kin>" joined to its bearer.

    ``quotes`` are the text's quotations, ``narrator`` the narrator's id and
    ``vocative(text, start, end)`` tells a name said to someone.

    Examples
    --------
    >>> from graphkit.pipeline.document import build_document
    >>> doc = build_document("I saw Ann.")
    >>> resolve_kin(doc, [], [], (), "Narrator", lambda t, a, b: False) == ([], [])
    True
    """
    text = doc.text
    role, before, after = _patterns()
    uses = [m for m in role.finditer(text)]
    if len(uses) < _MIN_USES or not quotes:
        return list(characters), list(mentions)
    at = inside(quotes, np.fromiter((m.start() for m in uses), np.int64, len(uses)))
    narrated: dict[str, list[re.Match[str]]] = defaultdict(list)
    for m, q in zip(uses, at.tolist(), strict=True):
        if q < 0:
            narrated[m.group(1)].append(m)
    kins = {k for k, ms in narrated.items() if len(ms) >= _MIN_USES}
    if not kins:
        return list(characters), list(mentions)

    # The role's own turns: quotations with a part followed by "said my <kin>".
    ends = [b for x in quotes for _, b in x.parts]
    owner = [i for i, x in enumerate(quotes) for _ in x.parts]
    turns: dict[str, list[int]] = defaultdict(list)
    for kin in kins:
        for m in narrated[kin]:
            a = m.start()
            said = before.search(text, max(0, a - 24), a)
            if said:
                a = said.start()
            elif not after.match(text, m.end()):
                continue
            k = bisect_right(ends, a) - 1
            gap = text[ends[k] : a] if k >= 0 else "x"
            tagged = len(gap) <= _TAG_GAP and not any(ch.isalnum() or ch == "\n" for ch in gap)
            if tagged and (not turns[kin] or turns[kin][-1] != owner[k]):
                turns[kin].append(owner[k])
    if not turns:
        return list(characters), list(mentions)

    # Who each quotation calls by name.
    calls: dict[int, Counter] = defaultdict(Counter)
    quoted = inside(quotes, [m.start for m in mentions]).tolist()
    for m, q in zip(mentions, quoted, strict=True):
        if q >= 0 and m.character != narrator and vocative(text, m.start, m.end):
            calls[q][m.character] += 1
    honorifics = word_table("honorifics.txt")
    sex_of = word_table("gender_nouns.txt")
    by_id = {c.id: c for c in characters}
    added: dict[str, list[tuple[int, int, str]]] = defaultdict(list)
    reasons: dict[str, list[str]] = defaultdict(list)
    taken_by: dict[str, str] = {}
    for kin in sorted(kins, key=lambda k: -len(narrated[k])):
        sex = sex_of.get(kin, "-")

        def allowed(c: str, sex: str = sex) -> bool:
            ch = by_id.get(c)
            if ch is None or ch.kind not in ("character", "person") or c in taken_by:
                return False
            other = {"m": "f", "f": "m"}.get(sex)
            return other is None or other not in _sexes(ch, honorifics)

        who, _ = _bearer(kin, turns.get(kin, []), calls, len(quotes), allowed)
        if who is None:
            continue
        taken_by[who] = kin
        added[who].extend((m.start(1), m.end(1), m.group(1)) for m in narrated[kin])
        reasons[who].append(_REASON.format(kin=kin, name=who))
    if not added:
        return list(characters), list(mentions)

    starts = [m.start for m in mentions]
    new: list[Mention] = []
    for who, spans in added.items():
        spans.sort()
        sentences = sentence_index(doc, np.fromiter((a for a, _, _ in spans), np.int64)).tolist()
        named = {m.sentence for m in mentions if m.character == who}
        for (a, b, surface), s in zip(spans, sentences, strict=True):
            k = bisect_right(starts, a)
            covered = (k and mentions[k - 1].end > a) or (k < len(starts) and starts[k] < b)
            if s < 0 or s in named or covered:
                continue
            named.add(s)
            new.append(Mention(a, b, surface, who, "character", s))
    if not new:
        return list(characters), list(mentions)
    out = sorted([*mentions, *new], key=lambda m: m.start)
    count = Counter(m.character for m in new)
    surfaces: dict[str, set[str]] = defaultdict(set)
    for m in new:
        surfaces[m.character].add(m.text)
    first = {m.character: m.start for m in reversed(new)}
    raw = dict(zip(first, doc.offsets.to_raw(list(first.values())).tolist(), strict=True))
    chars = []
    for c in characters:
        if c.id in count:
            c = replace(
                c,
                mentions=c.mentions + count[c.id],
                aliases=(*c.aliases, *sorted(surfaces[c.id] - set(c.aliases))),
                aliases_reason=(*c.aliases_reason, *reasons[c.id]),
                first_seen=min(c.first_seen, int(raw[c.id])),
            )
        chars.append(c)
    chars.sort(key=lambda c: (-c.mentions, c.id))
    return chars, out
