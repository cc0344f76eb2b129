"""Known names -> mentions: the names and aliases of a cast file, or any ``{form: owner}`` table.

One compiled regex, longest forms first; a form that is also a closed-class
word ("Her") opening a sentence counts only when a verb or possessive follows.
"""

from __future__ import annotations

import re

import numpy as np

from graphkit.io.cast import Cast
from graphkit.model import Document, Mention
from graphkit.pipeline.document import sentence_index
from graphkit.pipeline.mentions.patterns import _homograph, _is_initial, _title_opens_sentence


def lookup_mentions(doc: Document, owner: dict[str, tuple[str, str]]) -> list[Mention]:
    """Mentions of known surface forms (``{form: (canonical name, kind)}``), longest form first.

    A form that is also a closed-class word ("Her") opening a sentence counts
    only when a verb or possessive follows it, so the pronoun is left alone.
    """
    if not owner:
        return []
    forms = sorted(owner, key=len, reverse=True)
    # No look-behind first: a pattern that opens with its literals scans fast.
    pattern = re.compile(r"(?:" + "|".join(map(re.escape, forms)) + r")(?![\w])")
    text = doc.text
    matches = [
        m
        for m in pattern.finditer(text)
        if not m.start() or not (text[m.start() - 1].isalnum() or text[m.start() - 1] in "_'")
    ]
    starts = np.fromiter((m.start() for m in matches), dtype=np.int64, count=len(matches))
    out = []
    for m, si in zip(matches, sentence_index(doc, starts).tolist()):
        if si < 0:
            continue
        form = m.group()
        if (
            _homograph(form)
            and _is_initial(text, doc.sentences[si].start, m.start())
            and not _title_opens_sentence(text, m.end())
        ):
            continue
        name, kind = owner[form]
        out.append(Mention(m.start(), m.end(), form, name, kind, si))
    return out


def cast_mentions(doc: Document, cast: Cast) -> list[Mention]:
    """Mentions of the names and aliases of ``cast`` in the sentences of ``doc``.

    Examples
    --------
    >>> from graphkit.io.cast import parse_cast
    >>> from graphkit.pipeline.document import build_document
    >>> cast = parse_cast("- {name: Theodore, aliases: [Theo]}\\n- {name: Her, kind: work}")
    >>> doc = build_document("Her follows Theo. Her eyes were red. Theodore's film is Her.")
    >>> [(m.text, m.character, m.kind) for m in cast_mentions(doc, cast)]
    [('Her', 'Her', 'work'), ('Theo', 'Theodore', 'character'), ('Theodore', 'Theodore', 'character'), ('Her', 'Her', 'work')]
    """
    owner = {form: (entry.name, entry.kind) for entry in cast.entries for form in entry.forms}
    return lookup_mentions(doc, owner)


# --- discovery -----------------------------------------------------------------------
