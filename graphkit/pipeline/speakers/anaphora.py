"""Pronouns in tags and narration: the most recent character of that sex (rules 2 and 3)."""

from __future__ import annotations

from collections.abc import Collection

from graphkit.model import Quotation
from graphkit.pipeline.speakers.context import _PRONOUN_SEX, _Context, _head_sentence, _regions


def _pronoun(
    ctx: _Context,
    q: Quotation,
    word: str,
    before: list[str | None],
    at: int | None = None,
    named: Collection[str] = (),
    turn: bool = False,
    answers: str | None = None,
) -> str:
    """Who "he" or "she" in a tag is: the narration's latest character of that sex.

    That is the latest narration mention of a character of the pronoun's sex,
    moved to its sentence's subject, other than the ones the quotation calls
    by name (``named``, its vocatives): no one addresses himself by name, so
    in ``"I must go, Basil," he answered`` "he" is not Basil, however
    recently the narration named him.  (Excluding the previous speaker, as
    Muzny et al. do, scores worse on PDNC-dev: 0.518 anaphoric against 0.536.)

    With ``turn`` (the quotation is a new turn right after the previous one,
    see :func:`graphkit.pipeline.speakers.tags._explicit`), a pronoun that
    resolves to the previous quotation's speaker (``before[-1]``) stands for
    the speaker of the quotation before that instead, when he differs and
    fits the pronoun's sex: two speakers alternate.  Before that, a new turn
    answers one the previous quotation calls by name (``answers``): when he
    fits the pronoun's sex, he is the one it stands for.
    """
    if word in ("i", "I"):
        return ctx.narrator  # "said I": the first-person narrator, if the text has one
    sex = _PRONOUN_SEX[word]
    if turn and answers and answers not in named and ctx.sexes.get(answers) == sex:
        return answers  # "..., Mr. Sholto." / "At the best," he answered: Sholto answers
    found = ctx.recent(q.start if at is None else at, sex, set(named))
    if turn and found and len(before) == 2 and found.character == before[1]:
        # a new turn answers the previous one: "he" is not who spoke it but who spoke before
        two = before[0]
        if two and two != before[1] and two not in named and ctx.sexes.get(two) == sex:
            return two
    return found.character if found else ""


def _paragraph_speaker(
    ctx: _Context, q: Quotation, pats, floor: int, before, named: Collection[str] = ()
) -> str | None:
    """Rule 3: the one character the narration of the quotation's paragraph names.

    Not one the quotation calls by name (``named``): "Emma looked up. 'Harriet, ...'"
    """
    tags, head = _regions(ctx, q, floor)
    if ctx.para(head[0]) != ctx.para(q.start):
        head = (head[1], head[1])
    names = set()
    for a, b in [head, *tags]:
        names |= {
            m.character
            for m in ctx.narration_in(a, b)
            if not pats["object_before"].search(ctx.text, max(a, m.start - 12), m.start)
        }
    names -= set(named)
    if len(names) == 1:
        return names.pop()
    if names and head[1] > head[0]:
        # several: the subject of the narration's last sentence before the quotation
        # ("Emma turned to Harriet. ..."), a name that opens it
        s = _head_sentence(ctx, *head)
        first = ctx.narration_in(s, head[1])
        if first and ctx.text[s : first[0].start].strip(" \n\"'-_") == "":
            return first[0].character
    if not names:
        a, b = head
        m = pats["sentence_pronoun"].search(ctx.text, a, b)
        if m:
            return _pronoun(ctx, q, m.group(1).lower(), before, at=m.start(1)) or None
    return None
