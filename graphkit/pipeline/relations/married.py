"""An engagement that ends in marriage: the bride's new name, written after it, makes the pair spouses.

Novels settle their marriages in a last chapter that rarely says "A married
B" in so many words; what they do is call the bride by her new name: a woman
engaged to "Mr. Darcy" turns up as "Mrs. Darcy".  So an engaged pair (an
``engaged`` relation found by the sentence rules) is married when

- one of them is a man whose surname the names tell ("Mr. Darcy"), and the
  other is not a man (by title, or by the pronouns the text uses for her);
- the text names a character (other than the two) by a married title of
  ``married_name:`` in the rules and that surname: "Mrs. Darcy", or "Mrs." with
  one of his own first names ("Mrs. Edward Ferrars"; "Mrs. Robert Ferrars" is
  another man's wife), and the woman is never called so herself;
- every mention of that name comes after the first sentence stating the
  engagement: a "Mrs. Darcy" named before it is someone else (his mother), and
  so is one when two such new names appear.

The tie is given in the first sentence naming the new name; a pair already
given ``spouse`` gets nothing more.

A bride may also sign with her new name: a woman's given name written right
before a man's bare surname, as one name ("sign my name Lydia Wickham", where
the name finder knows both), makes them spouses when she was born with another
surname (her names tell it: "Miss Lydia Bennet") and he bears that one only.

``married_name: []`` (or ``disable: [spouse.married-name]``) in a rules file
turns both off.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence

from graphkit.model import Character, Mention, Relation
from graphkit.pipeline.relations.kin import _MALE, KinIndex

__all__ = ["married_names", "signed_names"]

_WORDS = re.compile(r"[A-Z][\w'-]*")


def _first_names(forms: Iterable[str], surname: str) -> set[str]:
    """The capitalised words a man's names put before his surname ("Fitzwilliam")."""
    out: set[str] = set()
    for form in forms:
        words = _WORDS.findall(form)
        if words and words[-1] == surname:
            out.update(w for w in words[:-1] if w not in ("Mr", "Sir", "Lord"))
    return out


def married_names(
    relations: Sequence[Relation],
    characters: Sequence[Character],
    mentions: Sequence[Mention],
    kin: KinIndex,
    sex: Callable[[str], str | None],
    titles: Sequence[str],
) -> list[Relation]:
    """The ``spouse`` ties that engaged pairs' married names tell (see the module docstring).

    Examples
    --------
    >>> cs = [Character("Mr. Darcy", "Mr. Darcy"), Character("Elizabeth", "Elizabeth"),
    ...       Character("Mrs. Darcy", "Mrs. Darcy")]
    >>> ms = [Mention(0, 9, "Mr. Darcy", "Mr. Darcy", "character", 0),
    ...       Mention(20, 30, "Mrs. Darcy", "Mrs. Darcy", "character", 5)]
    >>> married_names([Relation("Elizabeth", "engaged", "Mr. Darcy", 2)], cs, ms,
    ...               KinIndex(cs), {"Elizabeth": "f"}.get, ("Mrs",))
    [Relation(source='Elizabeth', type='spouse', target='Mr. Darcy', sentence=5, role='')]
    """
    engaged: dict[tuple[str, str], int] = {}
    for r in relations:
        if r.type == "engaged":
            pair = (r.source, r.target)
            engaged[pair] = min(engaged.get(pair, r.sentence), r.sentence)
    married = {frozenset((r.source, r.target)) for r in relations if r.type == "spouse"}
    if not engaged or not titles:
        return []
    title_words = "|".join(re.escape(t.rstrip(".")) for t in titles)
    forms = {c.id: (c.id, *c.aliases) for c in characters if c.kind != "work"}
    first: dict[str, int] = {}
    for m in mentions:
        if m.sentence < first.get(m.character, m.sentence + 1):
            first[m.character] = m.sentence
    out = []
    for (a, b), since in engaged.items():
        if frozenset((a, b)) in married:
            continue
        for man, woman in ((a, b), (b, a)):
            p = kin.people.get(man)
            if p is None or not p.titles & _MALE or len(p.surnames) != 1:
                continue
            w = kin.people.get(woman)
            if (w is not None and w.titles & _MALE) or sex(woman) == "m":
                continue
            (surname,) = p.surnames
            given = "|".join(map(re.escape, sorted(_first_names(forms.get(man, ()), surname))))
            name = re.compile(
                rf"(?:{title_words})\.? (?:(?:{given}) )?{re.escape(surname)}"
                if given
                else rf"(?:{title_words})\.? {re.escape(surname)}"
            )
            if any(name.fullmatch(f) for f in forms.get(woman, ())):
                continue  # she bore the name already: nothing new is told
            new = [
                c
                for c, fs in forms.items()
                if c not in (man, woman) and any(name.fullmatch(f) for f in fs)
            ]
            if len(new) == 1 and first.get(new[0], -1) > since:
                one, other = sorted((man, woman))
                out.append(Relation(one, "spouse", other, first[new[0]]))
            break
    return out


def signed_names(
    text: str, mentions: Sequence[Mention], kin: KinIndex, sex: Callable[[str], str | None]
) -> list[Relation]:
    """Spouses named as one name, her given name and his surname ("Lydia Wickham").

    Examples
    --------
    >>> cs = [Character("Mr. Wickham", "Mr. Wickham"), Character("Lydia", "Lydia",
    ...       aliases=("Miss Lydia Bennet",)), Character("Mr. Bennet", "Mr. Bennet")]
    >>> text = "I sign my name Lydia Wickham."
    >>> ms = [Mention(15, 20, "Lydia", "Lydia", "character", 0),
    ...       Mention(21, 28, "Wickham", "Mr. Wickham", "character", 0)]
    >>> signed_names(text, ms, KinIndex(cs), lambda n: None)
    [Relation(source='Lydia', type='spouse', target='Mr. Wickham', sentence=0, role='')]
    """
    out: list[Relation] = []
    ordered = sorted(mentions, key=lambda m: m.start)
    for her, him in zip(ordered, ordered[1:]):
        gap = text[her.end : him.start]
        if not gap or gap.strip() or gap.count("\n") > 1 or " " in her.text.strip():
            continue  # not one name: only spaces (one line break) between the two
        p, w = kin.people.get(him.character), kin.people.get(her.character)
        if p is None or w is None or p.surnames != {him.text} or not p.titles & _MALE:
            continue
        if "Miss" not in w.titles or w.titles & _MALE or him.text in w.surnames:
            continue  # not known to be born with another surname (or a man)
        if sex(her.character) == "m" or her.character == him.character:
            continue
        one, other = sorted((her.character, him.character))
        out.append(Relation(one, "spouse", other, her.sentence))
    return out
