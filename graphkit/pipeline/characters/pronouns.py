"""The sex a name takes, read from the pronouns after it (he/his/him, she/her).

Pronouns are read first in sentences that name no one else, sampled over the
whole text; a form leans one way when the votes agree two to one.  Alias
merging uses this to keep "Thénardier" (he) apart from "Madame Thénardier".
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Sequence

from graphkit.model import Document, Mention

_PRONOUN = re.compile(r"\b(he|his|him|himself|she|her|hers|herself)\b")
_FEMININE = frozenset(("she", "her", "hers", "herself"))


def _pronoun_votes(
    doc: Document, mentions: Sequence[Mention], sample: int = 30
) -> dict[str, tuple[int, int]]:
    """Masculine and feminine pronouns read after single-word forms: ``{form: (he, she)}``.

    The best evidence is a sentence that names no one else ("Lydia declared
    herself ..."): its pronouns are read first.  Only when those are too few
    or do not agree two to one are sentences with other names read too, each
    up to the next name ("Lydia gaped as he spoke" would otherwise count for
    Lydia).  Up to ``sample`` mentions of each kind are read, spread evenly
    over the text: who a name means can change as the story goes on.

    Examples
    --------
    >>> from graphkit.pipeline.document import build_document
    >>> doc = build_document("Bennet smiled at his wife. Bennet said he would go.")
    >>> ms = [Mention(0, 6, "Bennet", "Bennet", "character", 0),
    ...       Mention(27, 33, "Bennet", "Bennet", "character", 1)]
    >>> _pronoun_votes(doc, ms)
    {'Bennet': (2, 0)}
    """
    ordered = sorted(mentions, key=lambda m: m.start)
    names_in = Counter(m.sentence for m in ordered)
    alone: dict[str, list[tuple[Mention, int]]] = defaultdict(list)
    shared: dict[str, list[tuple[Mention, int]]] = defaultdict(list)
    for i, m in enumerate(ordered):
        if " " in m.character or m.kind == "work" or m.sentence < 0:
            continue
        end = doc.sentences[m.sentence].end
        if names_in[m.sentence] == 1:
            alone[m.character].append((m, min(end, m.end + 120)))
            continue
        if i + 1 < len(ordered) and ordered[i + 1].sentence == m.sentence:
            end = min(end, ordered[i + 1].start)
        shared[m.character].append((m, min(end, m.end + 120)))

    def count(found: list[tuple[Mention, int]], v: list[int]) -> None:
        for m, end in found[:: max(1, len(found) // sample)][:sample]:
            pronoun = _PRONOUN.search(doc.text, m.end, end)
            if pronoun:
                v[pronoun.group(1) in _FEMININE] += 1

    out = {}
    for key in sorted(alone.keys() | shared.keys()):
        v = [0, 0]
        count(alone.get(key, []), v)
        if sum(v) < 4 or _sex(*v) is None:
            count(shared.get(key, []), v)
        out[key] = (v[0], v[1])
    return out


def _other_sex(votes: tuple[int, int] | None, sex: str | None) -> bool:
    """Whether pronoun ``votes`` (even one) say a form is not of ``sex``: enough to keep apart."""
    if not votes or not sex:
        return False
    he, she = votes
    return she > he if sex == "m" else he > she


def _lean(he: int, she: int, uses: int) -> str | None:
    """The sex pronouns lean to when they do not agree two to one.

    They must be three at least, or follow a third of the form's ``uses``: one
    "he" after a name used twice is a lean, one "he" after a name used fourteen
    times ("uncle Philips … he", the other uses "aunt Philips") is not.
    """
    votes = he + she
    if he == she or votes == 0 or (votes < 3 and votes * 3 < uses):
        return None
    return "m" if he > she else "f"


def _sex(he: int, she: int) -> str | None:
    """``"m"`` or ``"f"`` when the pronouns agree two to one (and at least twice), else ``None``."""
    if he >= 2 * she and he >= 2:
        return "m"
    if she >= 2 * he and she >= 2:
        return "f"
    return None
