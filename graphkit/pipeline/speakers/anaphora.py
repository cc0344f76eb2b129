"""Pronouns in tags and narration: the most recent character of that sex (rules 2 and 3)."""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence

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


#: A pronoun opening a sentence: "She turned away."
_OPENING_PRONOUN = re.compile(r"[\s\"'_(\-]*(He|She)\b")


def _run_heads(
    ctx: _Context,
    quotes: Sequence[Quotation],
    speaker: list[str | None],
    kind: list[str],
    cue: list[str],
    runs: list[int],
    vocatives: list[list[str]],
) -> None:
    """Rule 5a: a run opening its paragraph after narration of its own is said by its subject.

    A quotation still open (no tag) that starts a run (see
    :func:`~graphkit.pipeline.speakers.turns._runs`) or a conversation,
    opening its paragraph right after a paragraph of narration, takes the
    first name of that paragraph's last sentence that neither owns something
    nor follows a preposition ("Harriet looked grave." / "My dear Harriet,
    ..."), else the character a pronoun opening that sentence stands for
    ("She turned away."); never one the quotation calls by name, nor the
    speaker of the next turn of its run.
    """
    n = len(quotes)
    for i, q in enumerate(quotes):
        if not i or speaker[i] is not None or kind[i] != "none" or cue[i]:
            continue
        if runs[i - 1] == runs[i]:
            continue  # no run's (nor conversation's) first quotation
        k = ctx.para(q.start)
        if q.start - 1 > ctx.p_starts[k] or ctx.para(quotes[i - 1].end) >= k - 1:
            continue  # not opening its paragraph, or no paragraph of narration before it
        exclude = set(vocatives[i])
        if i + 1 < n and runs[i + 1] == runs[i] and speaker[i + 1]:
            exclude.add(speaker[i + 1])
        a, b = ctx.p_starts[k - 1], ctx.p_ends[k - 1]
        s = _head_sentence(ctx, a, b)
        subject = [m for m in ctx.narration_in(s, b) if not ctx.oblique(m)]
        subject = [m for m in subject if m.character not in exclude]
        if subject:
            speaker[i], kind[i] = subject[0].character, "implicit"
            continue
        m = _OPENING_PRONOUN.match(ctx.text, s, b)
        who = m and _pronoun(ctx, q, m.group(1).lower(), [], at=m.start(1), named=exclude)
        if who:
            speaker[i], kind[i] = who, "implicit"
