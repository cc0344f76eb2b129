"""Quotations -> speakers and addressees: a sieve of ordered, general rules.

After Muzny et al. (2017, "A two-stage sieve approach for quote
attribution") and He et al. (2013): each rule looks at one kind of evidence
and attributes only the quotations the rules before it left open.

Speakers, in order:

1. **explicit** — a name in the speech tag, right after the quotation or
   between its parts ("said Emma", "Mr. Knightley replied", "said Mr. Weston
   to his wife"), then before it ("Emma said, ...").
2. **anaphoric** — a pronoun or a description in the tag ("said she",
   "he replied", "said his lady"): the most recent character named in
   the narration who fits its sex, taken as the subject of its sentence.
3. **implicit, paragraph** — the narration of the quotation's paragraph
   names exactly one character ("Emma laughed. ..."), or starts a
   sentence with a pronoun resolved as in 2 ("She turned. ...").
4. **implicit, vocative** — the previous quotation of the conversation
   addresses someone by name ("..., Emma?"): that one answers.
5. **implicit, turns** — in a conversation, speakers alternate: an open
   quotation takes the speaker of the quotation two before (or two after)
   when its neighbour is someone else.
6. **none** — nothing above applies.

Addressees: names used as vocatives in the quotation ("My dear Mr.
Bennet, ..."), "to Y" in the tag ("said X to Y"), else the previous (or the
next) distinct speaker of the conversation.

A conversation is a run of quotations with at most one short narration
paragraph between two of them.  Mentions inside quotations are speech, not
narration: they are used for vocatives only.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import replace
from functools import cache

from .characters import character_sexes
from .lexicon import trie_regex, word_list, word_table
from .model import Character, Document, Mention, Quotation
from .quotations import inside

__all__ = ["attribute"]

#: Narration longer than this (characters) between two quotations ends a conversation.
CONVERSATION_GAP = 400
#: How far back (characters) a pronoun looks for the character it stands for.
ANAPHOR_WINDOW = 3000

_PRONOUN_SEX = {"he": "m", "she": "f", "him": "m", "her": "f"}


@cache
def _verb_pattern() -> str:
    verbs = word_list("speech_verbs.txt") | word_list("speech_tags.txt")
    return r"(?:" + trie_regex(sorted(verbs)) + r")\b"


@cache
def _patterns() -> dict[str, re.Pattern]:
    verb = _verb_pattern()
    adverb = r"(?:[a-z]+ly[ \n]+|again[ \n]+|then[ \n]+|at[ \n]+last[ \n]+|quickly[ \n]+)?"
    nouns = trie_regex(sorted(word_table("gender_nouns.txt")))
    lead = r"[\s,;:!?\-\u2014_)]*"
    return {
        # right after a quotation: "said Emma", "said poor Harriet"
        "verb_name": re.compile(
            lead + adverb + verb + r"[ \n]+" + adverb + r"(?:poor[ \n]+|little[ \n]+|old[ \n]+)?"
        ),
        # right after a quotation: "Emma replied", "Mr. Woodhouse gratefully observed"
        "name_verb": re.compile(r"[ \n]+(?:[a-z]+ly[ \n]+|had[ \n]+|then[ \n]+){0,2}" + verb),
        # "said she", "he replied", "said his lady", "the old man replied"
        "verb_pronoun": re.compile(lead + adverb + verb + r"[ \n]+" + adverb + r"(he|she|I)\b"),
        "pronoun_verb": re.compile(lead + r"(he|she|I)[ \n]+" + adverb + verb),
        "verb_noun": re.compile(
            lead
            + adverb
            + verb
            + r"[ \n]+(?:(his|her|the|my|our|their|a)[ \n]+)(?:[a-z]+[ \n]+)?("
            + nouns
            + r")\b"
        ),
        "noun_verb": re.compile(
            lead
            + r"(?:(his|her|the|my|our|their)[ \n]+)(?:[a-z]+[ \n]+)?("
            + nouns
            + r")[ \n]+"
            + adverb
            + verb
        ),
        # the narration right before a quotation introduces it: "... said," "... added:"
        "head_intro": re.compile(
            r"(?:\b" + verb + r"(?:[ \n]+[a-z]+){0,4}[ \n]*[,:\-\u2014]*|[:\u2014]|--|\bwith,?)\s*$"
        ),
        "head_subject": re.compile(r"\W*(?:[A-Z][a-z]+,?[ \n]+)?(he|she|He|She)\b"),
        "sentence_pronoun": re.compile(r"(?:^|[.!?]\s+)(He|She)\b"),
        "to_name": re.compile(r"[ \n]+(?:to|at|towards|addressing)[ \n]+$"),
        "vocative_before": re.compile(
            r"(?:^|[,;!?\u2014\-]\s*|\b(?:[Mm]y[ \n]+)?(?:dear(?:est)?|good|poor|O|[Oo]h)[ \n]+)$"
        ),
        "vocative_after": re.compile(r"\s*(?:[,!?.;\u2014\-]|$)"),
    }


def _sorted_mentions(mentions: Sequence[Mention], keep: set[str]) -> list[Mention]:
    return sorted((m for m in mentions if m.character in keep), key=lambda m: (m.start, m.end))


class _Context:
    """What the rules read: the text, paragraphs, narration mentions and the sexes."""

    def __init__(self, doc: Document, quotes: Sequence[Quotation], mentions: list[Mention], sexes):
        self.text = doc.text
        self.p_starts = [p.start for p in doc.paragraphs]
        self.p_ends = [p.end for p in doc.paragraphs]
        where = inside(tuple(quotes), [m.start for m in mentions])
        self.narration = [m for m, w in zip(mentions, where.tolist(), strict=True) if w < 0]
        self.n_starts = [m.start for m in self.narration]
        self.spoken: dict[int, list[Mention]] = {}
        for m, w in zip(mentions, where.tolist(), strict=True):
            if w >= 0:
                self.spoken.setdefault(w, []).append(m)
        self.sexes = sexes
        self.sentence_starts = [s.start for s in doc.sentences]

    def para(self, pos: int) -> int:
        return max(bisect_right(self.p_starts, pos) - 1, 0)

    def narration_in(self, a: int, b: int) -> list[Mention]:
        return self.narration[bisect_left(self.n_starts, a) : bisect_left(self.n_starts, b)]

    def mention_at(self, pos: int, within: int = 0) -> Mention | None:
        i = bisect_left(self.n_starts, pos)
        if i < len(self.narration) and self.narration[i].start - pos <= within:
            return self.narration[i]
        return None

    def recent(self, pos: int, sex: str | None, exclude: set[str]) -> Mention | None:
        """The latest narration mention before ``pos`` fitting ``sex``, moved to its sentence's subject."""
        i = bisect_left(self.n_starts, pos) - 1
        while i >= 0 and pos - self.narration[i].start <= ANAPHOR_WINDOW:
            m = self.narration[i]
            if m.character not in exclude and (sex is None or self.sexes.get(m.character) == sex):
                j = i
                while j > 0 and self.narration[j - 1].sentence == m.sentence and m.sentence >= 0:
                    j -= 1
                for k in range(j, i + 1):
                    c = self.narration[k]
                    if c.character not in exclude and (
                        sex is None or self.sexes.get(c.character) == sex
                    ):
                        return c
                return m
            i -= 1
        return None


def _regions(
    ctx: _Context, q: Quotation, floor: int
) -> tuple[list[tuple[int, int]], tuple[int, int]]:
    """The narration between and after the parts (tags), and before the first part (head).

    A quotation that opens its paragraph takes its head from the end of the
    previous paragraph ("Emma said,"), never reaching back past ``floor``
    (the end of the previous quotation).
    """
    k_first, k_last = ctx.para(q.start), ctx.para(q.end)
    tags = [
        (b + 1, c - 1) for (_, b), (c, _) in zip(q.parts, q.parts[1:], strict=False) if c - b > 2
    ]
    tail_end = min(ctx.p_ends[k_last], q.end + 1 + 200)
    tags.append((q.end + 1, tail_end))
    p_start = ctx.p_starts[k_first]
    if q.start - 1 <= p_start and k_first > 0:
        b = ctx.p_ends[k_first - 1]
        a = max(ctx.p_starts[k_first - 1], b - 300, floor)
        return tags, (a, b) if a < b else (b, b)
    return tags, (max(p_start, q.start - 1 - 300, floor), q.start - 1)


def _head_sentence(ctx: _Context, a: int, b: int) -> int:
    """Where the last sentence of the narration ``[a, b)`` starts."""
    i = bisect_right(ctx.sentence_starts, max(b - 1, a)) - 1
    start = ctx.sentence_starts[i] if i >= 0 else a
    return max(start, a)


def _explicit(
    ctx: _Context, q: Quotation, pats, floor: int, before: list[str | None]
) -> tuple[str, str, str] | None:
    """Rules 1 and 2 on the tags after or inside the quotation, then on the narration before it."""
    text = ctx.text
    tags, head = _regions(ctx, q, floor)
    for a, b in tags:
        if b <= a:
            continue
        m = pats["verb_name"].match(text, a, b)
        if m:
            name = ctx.mention_at(m.end(), 0)
            if name and name.end <= b:
                return name.character, "explicit", _cue(text, a, name.end)
        first = ctx.mention_at(a, 3)
        if first and first.end <= b and text[a : first.start].strip(" ,;:-\n\u2014") == "":
            m = pats["name_verb"].match(text, first.end, b)
            if m:
                return first.character, "explicit", _cue(text, first.start, m.end())
    for a, b in tags:
        if b <= a:
            continue
        m = pats["verb_pronoun"].match(text, a, b) or pats["pronoun_verb"].match(text, a, b)
        if m:
            return _pronoun(ctx, q, m.group(1), before), "anaphoric", _cue(text, a, m.end())
        m = pats["verb_noun"].match(text, a, b) or pats["noun_verb"].match(text, a, b)
        if m:
            sex = word_table("gender_nouns.txt").get(m.group(2), "-")
            found = ctx.recent(q.start, sex if sex != "-" else None, set())
            return (found.character if found else ""), "anaphoric", _cue(text, a, m.end())
    a, b = head
    if b <= a:
        return None
    s = _head_sentence(ctx, a, b)
    sentence = text[s:b]
    intro = pats["head_intro"].search(sentence)
    if not intro:
        return None
    names = ctx.narration_in(s, b)
    lead = pats["head_subject"].match(sentence)
    if lead and (not names or names[0].start > s + lead.end(1)):
        who = _pronoun(ctx, q, lead.group(1).lower(), before, at=s)
        return who, "anaphoric", _cue(text, s, b)
    if names:
        return names[0].character, "explicit", _cue(text, s, b)
    return None


def _cue(text: str, a: int, b: int) -> str:
    return " ".join(text[a:b].strip(" ,;:-\n\u2014_").split())


def _pronoun(
    ctx: _Context, q: Quotation, word: str, before: list[str | None], at: int | None = None
) -> str:
    """Who "he" or "she" in a tag is: the one the conversation's turns or the narration point to.

    The previous speaker does not answer himself: the one before him, or the
    latest character of that sex named in the narration (its sentence's
    subject) who is not the previous speaker.
    """
    if word == "i":
        word = "I"
    if word == "I":
        return ""
    sex = _PRONOUN_SEX[word]
    found = ctx.recent(q.start if at is None else at, sex, set())
    return found.character if found else ""


def _paragraph_speaker(ctx: _Context, q: Quotation, pats, floor: int, before) -> str | None:
    """Rule 3: the one character the narration of the quotation's paragraph names."""
    tags, head = _regions(ctx, q, floor)
    if ctx.para(head[0]) != ctx.para(q.start):
        head = (head[1], head[1])
    names = set()
    for a, b in [head, *tags]:
        names |= {m.character for m in ctx.narration_in(a, b)}
    if len(names) == 1:
        return names.pop()
    if not names:
        a, b = head
        m = pats["sentence_pronoun"].search(ctx.text, a, b)
        if m:
            return _pronoun(ctx, q, m.group(1).lower(), before, at=m.start(1)) or None
    return None


def _vocatives(ctx: _Context, index: int, q: Quotation, pats) -> list[str]:
    """Characters addressed by name inside quotation ``index``."""
    out = []
    text = ctx.text
    for m in ctx.spoken.get(index, []):
        part = next(((a, b) for a, b in q.parts if a <= m.start < b), None)
        if part is None:
            continue
        before = text[max(part[0], m.start - 20) : m.start]
        if m.start - part[0] <= 20 and text[part[0] : m.start].strip() == "":
            before = ""
        if (
            pats["vocative_before"].search(before)
            and pats["vocative_after"].match(text, m.end, part[1])
            and m.character not in out
        ):
            out.append(m.character)
    return out


def _conversations(ctx: _Context, quotes: Sequence[Quotation]) -> list[int]:
    """A conversation number for each quotation."""
    out, conv = [], 0
    for i, q in enumerate(quotes):
        if i:
            prev = quotes[i - 1]
            between = ctx.para(q.start) - ctx.para(prev.end) - 1
            gap = q.start - prev.end
            if (
                between > 1
                or (between == 1 and gap > CONVERSATION_GAP)
                or gap > 3 * CONVERSATION_GAP
            ):
                conv += 1
        out.append(conv)
    return out


def attribute(
    doc: Document,
    quotes: Sequence[Quotation],
    mentions: Sequence[Mention],
    characters: Sequence[Character],
) -> tuple[Quotation, ...]:
    """Give each quotation its speaker, addressees, evidence type and cue.

    Parameters
    ----------
    doc : Document
        The document the quotations were found in.
    quotes : sequence of Quotation
        From :func:`graphkit.quotations.find_quotations`.
    mentions, characters
        After alias merging (``Analysis.mentions``, ``Analysis.character_list``):
        speakers and addressees are ids of ``characters``.

    Examples
    --------
    >>> from graphkit.document import build_document
    >>> from graphkit.quotations import find_quotations
    >>> text = ('"Ann, come here," said Mr. Bob.\\n\\n"Why?" she asked.\\n\\n"Because."\\n\\n'
    ...         '"Oh."\\n\\nMiss Ann smiled.')
    >>> doc = build_document(text)
    >>> ms = [Mention(m.start(), m.end(), m.group(), m.group().split()[-1], "character", -1)
    ...       for m in re.finditer(r"(?:Miss |Mr. )?(?:Ann|Bob)", text)]
    >>> chars = [Character("Ann", "Ann", aliases=("Miss Ann",)), Character("Bob", "Bob", aliases=("Mr. Bob",))]
    >>> [(q.speaker, q.addressees, q.type) for q in attribute(doc, find_quotations(doc), ms, chars)]
    [('Bob', ('Ann',), 'explicit'), ('Ann', ('Bob',), 'implicit'), ('Bob', ('Ann',), 'implicit'), ('Ann', ('Bob',), 'implicit')]
    """
    pats = _patterns()
    keep = {c.id for c in characters if c.kind != "work"}
    ordered = _sorted_mentions(mentions, keep)
    sexes = character_sexes(doc, ordered, [c for c in characters if c.id in keep])
    for c in characters:
        if c.id in keep and c.id not in sexes:
            pass
    ctx = _Context(doc, quotes, ordered, sexes)
    n = len(quotes)
    conv = _conversations(ctx, quotes)
    vocatives = [_vocatives(ctx, i, q, pats) for i, q in enumerate(quotes)]
    speaker: list[str | None] = [None] * n
    kind = ["none"] * n
    cue = [""] * n
    for i, q in enumerate(quotes):
        floor = quotes[i - 1].end + 1 if i else 0
        before = [speaker[j] for j in range(max(0, i - 2), i) if conv[j] == conv[i]]
        found = _explicit(ctx, q, pats, floor, before)
        if found:
            cue[i] = found[2]
            if found[0]:
                speaker[i], kind[i] = found[0], found[1]
            continue  # an unresolved pronoun is left to the turns
        who = _paragraph_speaker(ctx, q, pats, floor, before)
        if who:
            speaker[i], kind[i] = who, "implicit"
    _turns(speaker, kind, conv, vocatives)
    out = []
    for i, q in enumerate(quotes):
        addressees = [v for v in vocatives[i] if v != speaker[i]]
        to = _tag_addressee(ctx, q, pats, quotes[i - 1].end + 1 if i else 0)
        if to and to != speaker[i] and to not in addressees:
            addressees.append(to)
        if speaker[i]:
            other = _neighbour(speaker, conv, i)
            if other and other not in addressees:
                addressees.append(other)
        out.append(
            replace(
                q,
                speaker=speaker[i],
                addressees=tuple(addressees),
                type=kind[i] if speaker[i] else "none",
                cue=cue[i],
            )
        )
    return tuple(out)


def _turns(
    speaker: list[str | None], kind: list[str], conv: list[int], vocatives: list[list[str]]
) -> None:
    """Rules 4 and 5: fill the open quotations of each conversation from vocatives and turns."""
    n = len(speaker)

    def same(*idx: int) -> bool:
        return all(0 <= j < n for j in idx) and len({conv[j] for j in idx}) == 1

    def addressed(j: int) -> str | None:
        named = [v for v in vocatives[j] if v != speaker[j]]
        return named[0] if len(named) == 1 else None

    changed = True
    while changed:
        changed = False
        for i in range(n):
            if speaker[i] is not None or kind[i] != "none":
                continue
            guess = None
            if same(i - 1, i) and speaker[i - 1] and addressed(i - 1):
                guess = addressed(i - 1)  # "..., Emma?" -- Emma answers
            elif (
                same(i - 2, i - 1, i)
                and speaker[i - 2]
                and speaker[i - 1]
                and speaker[i - 2] != speaker[i - 1]
            ):
                guess = speaker[i - 2]
            elif same(i, i + 1) and speaker[i + 1] and addressed(i + 1):
                guess = addressed(i + 1)  # answered by name
            elif (
                same(i, i + 1, i + 2)
                and speaker[i + 2]
                and speaker[i + 1]
                and speaker[i + 2] != speaker[i + 1]
            ):
                guess = speaker[i + 2]
            if (
                guess
                and guess not in vocatives[i]
                and guess
                not in (
                    speaker[i - 1] if same(i - 1, i) else None,
                    speaker[i + 1] if same(i, i + 1) else None,
                )
            ):
                speaker[i], kind[i] = guess, "implicit"
                changed = True


def _tag_addressee(ctx: _Context, q: Quotation, pats, floor: int) -> str | None:
    """A name right after "to" in a tag of the quotation: "said X to Y"."""
    tags, _ = _regions(ctx, q, floor)
    for a, b in tags:
        for m in ctx.narration_in(a, min(b, a + 80)):
            if pats["to_name"].search(ctx.text, max(a, m.start - 12), m.start):
                return m.character
    return None


def _neighbour(speaker: list[str | None], conv: list[int], i: int) -> str | None:
    """The previous distinct speaker of the conversation, else the next one."""
    for j in range(i - 1, max(-1, i - 6), -1):
        if conv[j] != conv[i]:
            break
        if speaker[j] and speaker[j] != speaker[i]:
            return speaker[j]
    for j in range(i + 1, min(len(speaker), i + 6)):
        if conv[j] != conv[i]:
            break
        if speaker[j] and speaker[j] != speaker[i]:
            return speaker[j]
    return None
