"""Addressees: vocatives inside a quotation, "said X to Y" in its tag."""

from __future__ import annotations

import re

from graphkit.model import Quotation
from graphkit.pipeline.speakers.context import _Context, _regions

#: A relative pronoun after a name between commas: an apposition, no vocative.
_RELATIVE_AFTER = re.compile(r",\s*(?:who|whom|whose|which)\b")


def _vocatives(ctx: _Context, index: int, q: Quotation, pats) -> list[str]:
    """Characters addressed by name inside quotation ``index``.

    A name between commas that a relative pronoun follows is spoken of, not
    to: "There is this butler, Lal Rao, whom we have not seen."
    """
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
            and not _RELATIVE_AFTER.match(text, m.end, part[1])  # "this butler, Lal Rao, whom"
        ):
            out.append(m.character)
    return out


def _tag_addressee(ctx: _Context, q: Quotation, pats, floor: int) -> str | None:
    """A name right after "to" in a tag of the quotation: "said X to Y"."""
    tags, _ = _regions(ctx, q, floor)
    for a, b in tags:
        for m in ctx.narration_in(a, min(b, a + 80)):
            if pats["to_name"].search(ctx.text, max(a, m.start - 12), m.start):
                return m.character
    return None
