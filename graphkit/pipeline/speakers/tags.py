"""Speech tags: a name or a pronoun after, inside or before a quotation (rules 1 and 2)."""

from __future__ import annotations

import re
from collections.abc import Collection

from graphkit.io.lexicon import word_table
from graphkit.model import Quotation
from graphkit.pipeline.speakers.anaphora import _pronoun
from graphkit.pipeline.speakers.context import (
    _PRONOUN_SEX,
    _Context,
    _cue,
    _head_sentence,
    _regions,
)
from graphkit.pipeline.speakers.turns import RUN_BREAK


def _explicit(
    ctx: _Context,
    q: Quotation,
    pats,
    floor: int,
    before: list[str | None],
    named: Collection[str] = (),
    answers: str | None = None,
) -> tuple[str, str, str] | None:
    """Rules 1 and 2 on the tags after or inside the quotation, then on the narration before it.

    The narration before a quotation that ends on a name's speech noun ("by
    Mrs. Grant's saying,", "to Lady Bertram's calm inquiry of") gives it to
    that name, though it owns something or follows a preposition.
    A pronoun or a description (rule 2) never stands for one the quotation
    calls by name (``named``, its vocatives); ``answers`` is the one the
    previous quotation of the conversation calls by name.  A quotation opening the
    paragraph right after the previous quotation's, with at most a speech
    tag's narration (:data:`~graphkit.pipeline.speakers.turns.RUN_BREAK`)
    between them, is a new turn of speech: its "said he" is not the one who
    just spoke (see :func:`~graphkit.pipeline.speakers.anaphora._pronoun`).
    """
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
        first = ctx.mention_at(a, 7)
        if (
            first
            and first.end <= b
            and text[a : first.start].strip(" ,;:-\n\u2014") in ("", "the", "The")
        ):
            m = pats["name_verb"].match(text, first.end, b)
            if m:
                return first.character, "explicit", _cue(text, first.start, m.end())
    for a, b in tags:
        if b <= a:
            continue
        m = pats["verb_pronoun"].match(text, a, b) or pats["pronoun_verb"].match(text, a, b)
        if m:
            turn = _new_turn(ctx, q, floor)
            who = _pronoun(ctx, q, m.group(1), before, named=named, turn=turn, answers=answers)
            return who, "anaphoric", _cue(text, a, m.end())
        m = pats["verb_title"].match(text, a, b) or pats["title_verb"].match(text, a, b)
        who = m and ctx.bearer(q.start, m.group(1))
        if who:
            return who, "anaphoric", _cue(text, a, m.end())
        m = pats["verb_noun"].match(text, a, b) or pats["noun_verb"].match(text, a, b)
        if m:
            sex = word_table("gender_nouns.txt").get(m.group(2), "-")
            # "said his wife", "cried her mother": not the one "his" or "her" stands for
            owner = (
                ctx.recent(q.start, _PRONOUN_SEX[m.group(1)], set())
                if m.group(1) in ("his", "her")
                else None
            )
            exclude = set(named) | ({owner.character} if owner else set())
            found = ctx.recent(q.start, sex if sex != "-" else None, exclude)
            return (found.character if found else ""), "anaphoric", _cue(text, a, m.end())
    a, b = head
    if b <= a:
        return None
    s = _head_sentence(ctx, a, b)
    sentence = text[s:b]
    own = _OWNED_SPEECH.search(text, s, b)
    if own:
        # "in reply to Lady Bertram's calm inquiry of": the owner of the speech speaks it
        name = ctx.narration_in(s, own.start() + 1)
        if name and name[-1].end == own.start() and name[-1].character not in named:
            return name[-1].character, "explicit", _cue(text, name[-1].start, b)
    intro = pats["head_intro"].search(sentence)
    k = ctx.para(b)
    if not intro and k != ctx.para(q.start) and floor <= ctx.p_starts[k]:
        intro = pats["head_stop"].search(sentence)
    if not intro:
        return None
    # the subject of the introducing verb: the last name or pronoun before it in its clause
    # ("Emma knew that she had; and Mr. Elton warmly added,"), not a name after "to"
    v = s + intro.start()
    clause = s + max(sentence.rfind(c, 0, intro.start()) for c in ";:") + 1
    names = [
        m
        for m in ctx.narration_in(clause, v)
        if not pats["object_before"].search(text, max(clause, m.start - 12), m.start)
    ]
    pronoun = max(pats["clause_pronoun"].finditer(text, clause, v), key=_start, default=None)
    if pronoun and (not names or names[-1].start < pronoun.start()):
        word = pronoun.group(1).lower()
        # the clause's subject of the pronoun's sex is what it stands for
        # ("Mrs. Elton hardly waited ... before she went on")
        sex = _PRONOUN_SEX.get(word)
        own = [m for m in names if ctx.sexes.get(m.character) == sex and not ctx.oblique(m)]
        if own:
            return own[0].character, "anaphoric", _cue(text, s, b)
        who = _pronoun(ctx, q, word, before, at=pronoun.start(), named=named)
        return who, "anaphoric", _cue(text, s, b)
    if names:
        return names[-1].character, "explicit", _cue(text, s, b)
    return None


#: The narration before a quotation ends on a character's speech ("Mrs. Grant's saying,").
_OWNED_SPEECH = re.compile(
    r"(?:['\u2019]s?|[ ]s)[ \n]+(?:[a-z]+[ \n]+){0,3}(?:inquiry|question|reply|answer|words|saying"
    r"|exclamation|remark|cry|observation|rejoinder|retort|voice)(?:[ \n]+(?:of|was|with))?"
    r"[ \n]*[,:\-\u2014]*\s*$"
)


def _new_turn(ctx: _Context, q: Quotation, floor: int) -> bool:
    """Whether ``q`` opens the paragraph after the previous quotation's, at most a tag between."""
    k = ctx.para(q.start)
    return (
        floor > 0
        and q.start - 1 <= ctx.p_starts[k]
        and k - ctx.para(floor - 1) == 1
        and len(ctx.text[floor : q.start - 1].strip()) <= RUN_BREAK
    )


def _start(m) -> int:
    return m.start()
