"""The sex a name takes, read from the pronouns after it (he/his/him, she/her).

Pronouns are read first in sentences that name no one else, sampled over the
whole text; a form leans one way when the votes agree two to one.  Alias
merging uses this to keep "Thénardier" (he) apart from "Madame Thénardier".
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Sequence

from graphkit.io.lexicon import word_table
from graphkit.model import Character, Document, Mention

_PRONOUN = re.compile(r"\b(he|his|him|himself|she|her|hers|herself)\b")
_FEMININE = frozenset(("she", "her", "hers", "herself"))


def _pronoun_votes(
    doc: Document,
    mentions: Sequence[Mention],
    sample: int = 30,
    whole_names: bool = False,
    only: str | None = None,
) -> dict[str, tuple[int, int]]:
    """Masculine and feminine pronouns read after single-word forms: ``{form: (he, she)}``.

    The best evidence is a sentence that names no one else ("Lydia declared
    herself ..."): its pronouns are read first.  Only when those are too few
    or do not agree two to one are sentences with other names read too, each
    up to the next name ("Lydia gaped as he spoke" would otherwise count for
    Lydia).  Up to ``sample`` mentions of each kind are read, spread evenly
    over the text: who a name means can change as the story goes on.
    ``whole_names`` reads names of several words too (merged characters);
    ``only`` reads the pronouns after that one name only.

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
        if (" " in m.character and not whole_names) or m.kind == "work" or m.sentence < 0:
            continue
        if only is not None and m.character != only:
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


def _split(key: str, honorifics: dict[str, str]) -> tuple[str | None, list[str]]:
    words = key.split()
    if len(words) > 1 and (words[0] in honorifics or words[0].rstrip(".") in honorifics):
        return words[0], words[1:]
    return None, words


def _title_sex(key: str, honorifics: dict[str, str]) -> str:
    """``"m"``, ``"f"`` or ``"-"``: the sex the title of ``key`` names ("Madame X" -> "f")."""
    title = _split(key, honorifics)[0] or ""
    return honorifics.get(title) or honorifics.get(title.rstrip(".")) or "-"


def character_sexes(
    doc: Document, mentions: Sequence[Mention], characters: Sequence[Character]
) -> dict[str, str]:
    """The sex of each character whose titles or pronouns tell: ``{id: "m" or "f"}``.

    The titles of its forms decide when they agree ("Mrs. Weston"), else the
    pronouns read after its mentions, as for alias merging.

    Examples
    --------
    >>> from graphkit.pipeline.document import build_document
    >>> doc = build_document("Mrs. Weston came. Bob smiled; he was glad. Bob said he knew.")
    >>> ms = [Mention(0, 11, "Mrs. Weston", "Mrs. Weston", "character", 0),
    ...       Mention(18, 21, "Bob", "Bob", "character", 1),
    ...       Mention(43, 46, "Bob", "Bob", "character", 2)]
    >>> sorted(character_sexes(doc, ms, [Character("Mrs. Weston", "Mrs. Weston"),
    ...                                  Character("Bob", "Bob", mentions=2)]).items())
    [('Bob', 'm'), ('Mrs. Weston', 'f')]
    """
    honorifics = word_table("honorifics.txt")
    votes = _pronoun_votes(doc, mentions, whole_names=True)
    out = {}
    for c in characters:
        titles = {_title_sex(f, honorifics) for f in (c.id, *c.aliases)} - {"-"}
        if len(titles) == 1:
            out[c.id] = titles.pop()
            continue
        he, she = votes.get(c.id, (0, 0))
        sex = _sex(he, she) or _lean(he, she, c.mentions)
        if sex:
            out[c.id] = sex
    return out


def character_sex(doc: Document, mentions: Sequence[Mention], character: Character) -> str | None:
    """The sex of one character as :func:`character_sexes` reads it, or ``None``.

    ``mentions`` need only hold the sentences that name the character (with
    every name they hold): reading one name costs only its own mentions.

    Examples
    --------
    >>> from graphkit.pipeline.document import build_document
    >>> doc = build_document("Bob smiled; he was glad. Bob said he knew.")
    >>> ms = [Mention(0, 3, "Bob", "Bob", "character", 0), Mention(25, 28, "Bob", "Bob", "character", 1)]
    >>> character_sex(doc, ms, Character("Bob", "Bob", mentions=2))
    'm'
    """
    honorifics = word_table("honorifics.txt")
    titles = {_title_sex(f, honorifics) for f in (character.id, *character.aliases)} - {"-"}
    if len(titles) == 1:
        return titles.pop()
    votes = _pronoun_votes(doc, mentions, whole_names=True, only=character.id)
    he, she = votes.get(character.id, (0, 0))
    return _sex(he, she) or _lean(he, she, character.mentions)


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
