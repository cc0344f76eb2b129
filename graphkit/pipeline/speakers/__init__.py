"""Quotations -> speakers and addressees: a sieve of ordered, general rules.

After Muzny et al. (2017, "A two-stage sieve approach for quote
attribution") and He et al. (2013): each rule looks at one kind of evidence
and attributes only the quotations the rules before it left open.

Speakers, in order:

1. **explicit** — a name in the speech tag, right after the quotation or
   between its parts ("said Emma", "Mr. Knightley replied", "said Mr. Weston
   to his wife", "said the Queen", "the Gryphon added": a name may follow a
   bare "the"), then before it ("Emma said, ...").  Right beside a
   quotation any past-tense verb is a tag verb ("comforted Matthew", "Mrs.
   Sparsit interposed"), as in Muzny et al.'s QUOTE-VERB-NAME trigrams.  In
   the narration before a quotation the speaker is the subject of the
   introducing verb: the last name or pronoun before it in its clause ("Emma
   knew it; and Mr. Elton warmly added,"), never a name after a preposition
   ("turned to Harriet and said,").  A pronoun there stands for its
   clause's subject of its sex ("Emma did not wish to offend Harriet, so she
   began,").  A sentence of its own ending the narration paragraph before
   the quotation's paragraph introduces it when its verb says the speech
   goes on or begins ("Sir Thomas, trying to suppress a smile, went on.",
   "She spoke again."): any other verb there ("Piglet nodded.") is no tag.
   Narration ending on a name's speech noun ("settled by Mrs. Grant's
   saying,", "in reply to Lady Bertram's calm inquiry of") gives the
   quotation to that name (PDNC-dev right 13,185 -> 13,188).
2. **anaphoric** — a pronoun or a description in the tag ("said she",
   "he replied", "said his lady"): the most recent character named in
   the narration who fits its sex, taken as the subject of its sentence
   (the first name of that sex in it that neither owns something, "Mrs.
   Walker's party", nor follows a preposition, "ran to Harriet": those are
   no subjects; nor stands in another clause, before a semicolon: "Mr.
   Woodhouse was off; but Mr. Knightley sat down", or in a subordinate
   clause opening the sentence: "When Lord Henry had sat down, Mr. Erskine
   moved round", PDNC-dev right 13,124 -> 13,129).  When that sentence has
   a pronoun of the same sex before
   the name ("Then she called Harriet."), the pronoun is its subject and the
   one the narration keeps speaking of: the tag's pronoun stands for the
   same one (resolved from there).
   "said I" is the first-person narrator (the character whose narration
   mentions are "I", "me", "my": see ``characters/narrator.py``); those
   mentions are no names, so "said he" or "said my companion" never
   resolves to him.  A description with a possessive ("cried her mother",
   "said his wife") is someone else than the one "her" or "his" stands for.
   A title alone ("said the count", "the Inspector replied") stands for the
   latest character named who bears it in one of his names ("Count
   Mippipopolous"), or the only one who does.  A pronoun or a description
   never stands for one the quotation calls by name: no one addresses
   himself by name, so in ``"I must go, Basil," he answered`` "he" is the
   latest man named before Basil (PDNC-dev right 13,036 -> 13,091:
   anaphoric 2,994 -> 3,033, implicit 4,806 -> 4,820, as turns copy the
   better seeds).  A "said he" opening the paragraph right after the
   previous quotation's, with no more narration between them than a tag,
   is a new turn that answers it: when the pronoun resolves to the one who
   spoke that quotation, it stands for the speaker of the one before, if
   he differs and fits its sex ("'Where?' asked Bob. / 'Here,' said Carl.
   / 'Thanks,' said he.": Bob; PDNC-dev right 13,098 -> 13,107, 16 won
   and 7 lost; excluding the last speaker there and taking the narration's
   next one instead gains nothing: 13,097).  Before that, such a new turn
   answers the one the previous quotation calls by name, when he fits the
   pronoun's sex ("'You will excuse me, Mr. Sholto.' / 'Not at all,' he
   answered.": Sholto, however recently the narration named another man;
   PDNC-dev right 13,107 -> 13,124, anaphoric 3,035 -> 3,050).
3. **implicit, paragraph** — the narration of the quotation's paragraph
   names exactly one character ("Emma laughed. ...", a name after a
   preposition left out: "gave it to Harriet", and one the quotation
   calls by name: "Ann came in, and Bob rose. 'Sit down, Ann.'", PDNC-dev
   right 13,091 -> 13,098); of several, the one
   opening the last sentence before the quotation ("Emma turned to
   Harriet. ..."); with none, a sentence opening with a pronoun resolved as
   in 2 ("She turned. ...", the paragraph's first sentence too).
4. **implicit, vocative** — the previous quotation of the conversation
   addresses someone by name ("..., Emma?"): that one answers, whether or
   not the one who asked is known.  A kin word called as a vocative
   ("Yes, papa;", "Good night, aunt!") counts as the name of the one it
   calls in this text, learned from the explicitly tagged turns around the
   quotations that use it (rule 4b, see ``address.py``; PDNC-dev right
   13,241 -> 13,269).
5. **implicit, turns** — in a conversation, speakers alternate: an open
   quotation takes the speaker of the quotation two before (or two after)
   unless that one speaks its neighbour too (an open neighbour is no
   objection, so one tagged turn fills every second turn of an exchange).
   Turns are taken within each *run* first, then across the conversation:
   a paragraph of narration between two quotations ends a run, since the
   strict alternation seldom holds across one (PDNC-dev gold: after such
   a paragraph the one who spoke last speaks again 37 % of the time,
   against 1 % between two bare quotations), so the later run's own tag,
   not the earlier run's parity, sets its turns (PDNC-dev implicit
   4,628 -> 4,746 right of 6,808).  Narration longer than a speech tag
   after a quotation ends a run too, paragraph or not ("Hi." Bob looked
   at the rain ...: 4,746 -> 4,763; PDNC-dev gold: after three sentences
   of it the last speaker goes on 38 % of the time).
   A run still open after its own turns, whose first quotation opens its
   paragraph right after a paragraph of narration, is begun by that
   paragraph's subject: the first name of its last sentence that is no
   object nor owner ("Harriet looked grave." / "My dear Harriet, ..."),
   else the one a pronoun opening that sentence stands for ("She turned
   away."), never one the quotation calls by name nor the next turn's
   speaker; its turns follow from there (PDNC-dev right 13,129 -> 13,185,
   implicit 4,833 -> 4,880 of 6,808: the conversation-wide turns and rule
   5b, right 56 % and 36 % of the time, fill fewer quotations).
   Then, in a conversation with at least two known speakers, an open
   quotation answers the nearest attributed quotation before it (else after
   it): it takes the other known speaker who speaks nearest to it, never
   one it calls by name.  A
   conversation with one known speaker talks with the one he names as a
   vocative, else with the latest other character named in the narration
   before it as no object nor owner ("Bob came in and spoke of Carl."): one
   named after a preposition or with a possessive is spoken about, not
   necessarily there (PDNC-dev speaker accuracy 0.754 -> 0.755).
6. **implicit, narration** — a quotation still open, with no speech tag,
   that opens its paragraph (a turn of speech, not a word quoted inside a
   sentence: a "model" house) is said by the latest character the
   narration names before it within :data:`context.ANAPHOR_WINDOW` as no
   object nor owner (the one the narration is about), never one it calls
   by name nor the speaker of the turn before or after it in its run
   (PDNC-dev right 12,964 -> 13,013: 45 of the 106 PDNC quotations it
   attributes are right, all of them had no speaker; it gives a speaker
   to 30 quotations PDNC does not have, against 94 without the paragraph
   condition, which would gain 11 more).
7. **none** — nothing above applies.

Addressees: names used as vocatives in the quotation ("My dear Mr.
Bennet, ...", and capitalised where it opens a sentence: "Dear Mrs.
Weston, how ..."; PDNC-dev implicit 4,624 -> 4,628 right; never a name
between commas that a relative pronoun follows, an apposition: "this
butler, Lal Rao, whom we have not seen", PDNC-dev right 13,188 -> 13,192),
"to Y" in the tag ("said X to Y"), then (*inferred*) the
conversation's other speakers within :data:`turns.LISTENER_REACH`
quotations, nearest first: PDNC counts everyone present as addressed, about
two addressees a quotation.

A conversation is a run of quotations with at most one short narration
paragraph between two of them.  Mentions inside quotations are speech, not
narration: they are used for vocatives only.
"""

from __future__ import annotations

import re  # noqa: F401  (used by the doctest)
from collections.abc import Sequence
from dataclasses import replace

from graphkit.model import Character, Document, Mention, Quotation
from graphkit.pipeline.characters.pronouns import character_sexes
from graphkit.pipeline.speakers.address import _kin_vocatives, address_terms
from graphkit.pipeline.speakers.addressees import _tag_addressee, _vocatives
from graphkit.pipeline.speakers.anaphora import _paragraph_speaker, _run_heads
from graphkit.pipeline.speakers.context import _Context, _patterns, _sorted_mentions, titled
from graphkit.pipeline.speakers.tags import _explicit
from graphkit.pipeline.speakers.turns import (
    _conversations,
    _fill,
    _listeners,
    _runs,
    _turns,
    _two_party,
)

__all__ = ["attribute"]


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
        From :func:`graphkit.pipeline.quotations.find_quotations`.
    mentions, characters
        After alias merging (``Analysis.mentions``, ``Analysis.character_list``):
        speakers and addressees are ids of ``characters``.

    Examples
    --------
    >>> from graphkit.pipeline.document import build_document
    >>> from graphkit.pipeline.quotations import find_quotations
    >>> text = ('"Ann, come here," said Mr. Bob.\\n\\n"Why?" she asked.\\n\\n"Because."\\n\\n'
    ...         '"Oh."\\n\\nMiss Ann smiled.')
    >>> doc = build_document(text)
    >>> ms = [Mention(m.start(), m.end(), m.group(), m.group().split()[-1], "character", -1)
    ...       for m in re.finditer(r"(?:Miss |Mr. )?(?:Ann|Bob)", text)]
    >>> chars = [Character("Ann", "Ann", aliases=("Miss Ann",)), Character("Bob", "Bob", aliases=("Mr. Bob",))]
    >>> [(q.speaker, q.addressees, q.type) for q in attribute(doc, find_quotations(doc), ms, chars)]
    [('Bob', ('Ann',), 'explicit'), ('Ann', ('Bob',), 'anaphoric'), ('Bob', ('Ann',), 'implicit'), ('Ann', ('Bob',), 'implicit')]
    """
    pats = _patterns()
    keep = {c.id for c in characters if c.kind in ("character", "person")}
    ordered = _sorted_mentions(mentions, keep)
    sexes = character_sexes(doc, ordered, [c for c in characters if c.id in keep])
    ctx = _Context(doc, quotes, ordered, sexes)
    ctx.titled = titled([c for c in characters if c.id in keep])
    n = len(quotes)
    conv = _conversations(ctx, quotes)
    vocatives = [_vocatives(ctx, i, q, pats) for i, q in enumerate(quotes)]
    speaker: list[str | None] = [None] * n
    kind = ["none"] * n
    cue = [""] * n
    for i, q in enumerate(quotes):
        floor = quotes[i - 1].end + 1 if i else 0
        before = [speaker[j] for j in range(max(0, i - 2), i) if conv[j] == conv[i]]
        answers = None
        if i and conv[i - 1] == conv[i]:
            said_to = [v for v in vocatives[i - 1] if v != speaker[i - 1]]
            answers = said_to[0] if len(said_to) == 1 else None
        found = _explicit(ctx, q, pats, floor, before, vocatives[i], answers)
        if found:
            cue[i] = found[2]
            if found[0]:
                speaker[i], kind[i] = found[0], found[1]
            continue  # an unresolved pronoun is left to the turns
        who = _paragraph_speaker(ctx, q, pats, floor, before, vocatives[i])
        if who:
            speaker[i], kind[i] = who, "implicit"
    runs = _runs(ctx, quotes, conv)
    # rule 4b: in this text "papa" names someone, the one the tagged turns around it show
    _kin_vocatives(address_terms(ctx.text, quotes), speaker, kind, runs, vocatives)
    _fill(speaker, kind, runs, vocatives)  # turns within each run first, then its head:
    _run_heads(ctx, quotes, speaker, kind, cue, runs, vocatives)
    _turns(speaker, kind, conv, vocatives, runs)

    def partner(first: int, stop: int, known: str) -> str | None:
        named = [v for k in range(first, stop) for v in vocatives[k] if v != known]
        if named:
            return named[0]
        found = ctx.present(quotes[first].start, {known})
        return found.character if found else None

    _two_party(speaker, kind, conv, partner, vocatives)
    for i, q in enumerate(quotes):
        # rule 6: a turn of its own, opening its paragraph, is the narration's latest subject's
        if (
            speaker[i] is None
            and kind[i] == "none"
            and not cue[i]
            and q.start - 1 <= ctx.p_starts[ctx.para(q.start)]
        ):
            turns = {speaker[j] for j in (i - 1, i + 1) if 0 <= j < n and runs[j] == runs[i]}
            found = ctx.present(q.start, set(vocatives[i]) | turns - {None})
            if found:
                speaker[i], kind[i] = found.character, "implicit"
    out = []
    for i, q in enumerate(quotes):
        addressees = [v for v in vocatives[i] if v != speaker[i]]
        to = _tag_addressee(ctx, q, pats, quotes[i - 1].end + 1 if i else 0)
        if to and to != speaker[i] and to not in addressees:
            addressees.append(to)
        guessed: tuple[str, ...] = ()
        if speaker[i]:
            guessed = tuple(s for s in _listeners(speaker, conv, i) if s not in addressees)
            addressees.extend(guessed)
        out.append(
            replace(
                q,
                speaker=speaker[i],
                addressees=tuple(addressees),
                type=kind[i] if speaker[i] else "none",
                cue=cue[i],
                inferred=guessed,
            )
        )
    return tuple(out)
