"""Conversations and turn-taking (rules 4 and 5)."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable, Sequence
from itertools import zip_longest

from graphkit.model import Quotation
from graphkit.pipeline.speakers.context import CONVERSATION_GAP, _Context


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


#: Narration (characters) between two quotations longer than a speech tag: it ends a run.
RUN_BREAK = 60


def _runs(ctx: _Context, quotes: Sequence[Quotation], conv: list[int]) -> list[int]:
    """A run number for each quotation: narration of its own between two ends a run.

    A paragraph of narration between two quotations ends a run, and so does
    narration longer than a speech tag (:data:`RUN_BREAK` characters, "said
    Emma, smiling" is shorter) between them.  Runs never span two
    conversations (``conv``, from :func:`_conversations`).
    """
    out, run = [], 0
    for i, q in enumerate(quotes):
        if i:
            prev = quotes[i - 1]
            if (
                conv[i] != conv[i - 1]
                or ctx.para(q.start) - ctx.para(prev.end) > 1
                or len(ctx.text[prev.end + 1 : q.start - 1].strip()) > RUN_BREAK
            ):
                run += 1
        out.append(run)
    return out


def _turns(
    speaker: list[str | None],
    kind: list[str],
    conv: list[int],
    vocatives: list[list[str]],
    runs: list[int] | None = None,
) -> None:
    """Rules 4 and 5: fill the open quotations of each conversation from vocatives and turns.

    With ``runs``, turns are taken within each run first, then across the
    conversation for the quotations still open.
    """
    for group in ([runs] if runs is not None else []) + [conv]:
        _fill(speaker, kind, group, vocatives)


def _fill(
    speaker: list[str | None], kind: list[str], group: list[int], vocatives: list[list[str]]
) -> None:
    """Fill open quotations from vocatives and turns, never across two ``group`` numbers."""
    n = len(speaker)

    def same(*idx: int) -> bool:
        # group numbers never decrease: the first and last index tell
        a, b = idx[0], idx[-1]
        return a >= 0 and b < n and group[a] == group[b]

    def addressed(j: int) -> str | None:
        named = [v for v in vocatives[j] if v != speaker[j]]
        return named[0] if len(named) == 1 else None

    open_ = [i for i in range(n) if speaker[i] is None and kind[i] == "none"]
    changed, sweep = True, 0
    while changed:
        changed, sweep = False, sweep + 1
        # sweeps alternate forward and backward: a turn seeded late reaches back in one sweep
        for i in open_ if sweep % 2 else reversed(open_):
            if speaker[i] is not None:
                continue
            guess = None
            if same(i - 1, i) and addressed(i - 1):
                guess = addressed(i - 1)  # "..., Emma?" -- Emma answers
            elif same(i - 2, i - 1, i) and speaker[i - 2] and speaker[i - 2] != speaker[i - 1]:
                guess = speaker[i - 2]
            elif same(i, i + 1) and addressed(i + 1):
                guess = addressed(i + 1)  # answered by name
            elif same(i, i + 1, i + 2) and speaker[i + 2] and speaker[i + 2] != speaker[i + 1]:
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
        open_ = [i for i in open_ if speaker[i] is None]


def _two_party(
    speaker: list[str | None],
    kind: list[str],
    conv: list[int],
    partner: Callable[[int, int, str], str | None] | None = None,
    vocatives: list[list[str]] | None = None,
) -> None:
    """Rule 5b: an open quotation answers the nearest attributed one of its conversation.

    It takes the speaker, other than the one of the nearest attributed
    quotation before it (else after it), who speaks nearest to it in the
    conversation: in a two-person exchange, the other of the two.  A
    conversation with one known speaker takes ``partner(first, stop, him)``
    (the one he addresses by name, or the narration's latest other
    character) as the other.
    """
    n, i = len(speaker), 0
    while i < n:
        j = i
        while j < n and conv[j] == conv[i]:
            j += 1
        known = [(m, s) for m, s in enumerate(speaker[i:j], i) if s]
        if len({s for _, s in known}) == 1 and partner is not None:
            other = partner(i, j, known[0][1])
            if other:
                known.append((-(10**9), other))  # a listener who is never nearest
        if len({s for _, s in known}) >= 2:
            for k in range(i, j):
                if speaker[k] is not None or kind[k] != "none":
                    continue
                near = next((speaker[m] for m in range(k - 1, i - 1, -1) if speaker[m]), None)
                near = near or next((speaker[m] for m in range(k + 1, j) if speaker[m]), None)
                named = vocatives[k] if vocatives else ()
                others = [(abs(m - k), m, s) for m, s in known if s != near and s not in named]
                if others:  # no one speaks to himself by name
                    speaker[k], kind[k] = min(others)[2], "implicit"
        i = j


#: How many quotations either side a conversation's other speakers hear a quotation from
#: (PDNC-dev addressee F1: 1 -> 0.518, 4 -> 0.581, 16 -> 0.600, 40 -> 0.593).
LISTENER_REACH = 16


def _listeners(speaker: list[str | None], conv: list[int], i: int) -> list[str]:
    """The other speakers of quotation ``i``'s conversation nearby: the ones who hear it.

    Nearest first (the previous distinct speaker before the next one at the
    same distance), at most :data:`LISTENER_REACH` quotations either side.
    """
    lo, hi = max(0, i - LISTENER_REACH), min(len(speaker), i + LISTENER_REACH + 1)
    # conversation numbers never decrease: cut the window at its conversation's ends
    lo = bisect_left(conv, conv[i], lo, i)
    hi = bisect_right(conv, conv[i], i, hi)
    me = speaker[i]
    found: list[str] = []
    for pair in zip_longest(reversed(speaker[lo:i]), speaker[i + 1 : hi]):
        for s in pair:
            if s and s != me and s not in found:
                found.append(s)
    return found
