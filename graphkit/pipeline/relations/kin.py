"""Kin named by a bare noun ("her husband", "Mrs. Bennet's daughters"): the relatives by surname.

A rule with ``kin: surname`` names only the possessor; the relative is the
character who shares the possessor's surname and whose titles fit the kin
word: a husband is a "Mr." or "Sir" of that surname, a wife a "Mrs." or a
"Lady", a daughter or a sister a "Miss" (or an untitled name of a woman) who is
not married, a mother a "Mrs.".  A son or brother bears a first name beside
the surname ("Mr. Arthur Lindley"), a father does not (the bare "Mr. Lindley").  A married woman's brother, sister, father or
mother do not bear her surname, so she is given only a husband and children.
A singular word needs exactly one fitting character; a plural takes them all.
The title "Mr." before "and Mrs. X" is read as "husband" ("Mr. and Mrs. Gardiner"), "widow"
as "wife" and "widower" as "husband".
A character called both "Miss X" and "Mrs. X" (or "Lady X") is married or not as
the name she is mostly called by (her id) says: the other form may belong to
someone else merged with her (a mother of the same surname), and with an
untitled id neither is trusted; but a woman called "Miss A" and "Mrs. B" (her married
name joined to her, :mod:`graphkit.pipeline.characters.married_names`) was born A, and her
"Mrs." forms are no surname of hers.  Nothing is guessed when the names do not tell.

Full siblings are born with one surname, and only a woman's changes (at
marriage): a man ("Mr.", "Sir") and an unmarried woman ("Miss") of different
surnames are not brother and sister, whatever a kin word says ("his dear
sister Elizabeth" of a sister-in-law).  :meth:`KinIndex.other_birth_names`
tells such a pair; a married or untitled woman's birth name is not known.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from graphkit.model import Character

__all__ = ["KinIndex"]

_TITLED = re.compile(
    r"^(Mr|Mrs|Miss|Ms|Lady|Sir|Lord|Captain|Colonel)\.? (?:(?:[A-Z][\w'-]*) )*([A-Z][\w'-]+)$"
)
_UNTITLED = re.compile(r"^[A-Z][\w'-]+ (?:[A-Z][\w'-]* )*([A-Z][\w'-]+)$")
_MALE = {"Mr", "Sir", "Lord", "Captain", "Colonel"}
_FEMALE = {"Mrs", "Miss", "Ms", "Lady"}
_MARRIED = {"Mrs", "Lady"}
_HONORIFIC = {
    "Father", "Mother", "Aunt", "Uncle", "Brother", "Sister", "Cousin", "Grandfather",
    "Grandmother", "Madame", "Mme", "Mademoiselle", "Mlle", "Monsieur", "M", "Master",
    "Doctor", "Dr", "Professor", "Old", "Young", "Little", "Saint", "St", "General", "Major",
    "Prince", "Princess", "Count", "Countess", "Baron", "Baroness", "Duke", "Duchess", "King",
    "Queen", "Mistress", "Dame", "Reverend", "Rev", "Judge", "Bishop", "Abbé", "Don", "Donna",
}  # fmt: skip
_HUSBAND = {"Mr", "Sir", "Lord"}
_OF_ANY = {"daughter", "son", "husband", "wife"}  # what a married woman may be given
# "Mr. and Mrs. Gardiner": the "Mr." is her husband; a widow was a wife, a widower a husband.
_TITLE_KIN = {"mr": "husband", "widow": "wife", "widower": "husband"}


@dataclass
class _Person:
    surnames: set[str]
    titles: set[str]  # titles used with a surname ("Mrs" for "Mrs. Bennet")
    first_named: bool  # an untitled first name + surname ("George Hollins")


class KinIndex:
    """Characters by surname, with the titles they bear, to find kin named by a noun.

    Examples
    --------
    >>> cs = [Character("Mr. Bennet", "Mr. Bennet"), Character("Mrs. Bennet", "Mrs. Bennet"),
    ...       Character("Elizabeth", "Elizabeth", aliases=("Elizabeth Bennet",)),
    ...       Character("Lydia", "Lydia", aliases=("Miss Lydia Bennet",))]
    >>> kin = KinIndex(cs, sex={"Elizabeth": "f"}.get)  # an untitled name's sex: its pronouns
    >>> kin("Mrs. Bennet", "husband"), kin("Mrs. Bennet", "daughters")
    (['Mr. Bennet'], ['Elizabeth', 'Lydia'])
    >>> kin("Elizabeth", "sister"), kin("Elizabeth", "mother"), kin("Mrs. Bennet", "sister")
    (['Lydia'], ['Mrs. Bennet'], [])
    """

    def __init__(
        self, characters: Iterable[Character], sex: Callable[[str], str | None] = lambda n: None
    ) -> None:
        self.sex = sex
        people: dict[str, _Person] = {}
        loose: dict[str, list[tuple[str, str]]] = defaultdict(list)  # "Lady Lucas": surname?
        for c in characters:
            if c.kind == "work":
                continue
            p = _Person(set(), set(), False)
            forms = (c.id, *c.aliases)
            titled = [(f, _TITLED.match(f)) for f in forms]
            miss = {m.group(2) for _, m in titled if m and m.group(1) == "Miss"}
            wed = {m.group(2) for _, m in titled if m and m.group(1) == "Mrs"}
            if miss and wed and not miss & wed:  # "Miss Lucas", "Mrs. Collins": born Lucas
                forms = tuple(f for f, m in titled if not (m and m.group(1) == "Mrs"))
            for form in forms:
                if not form.istitle():
                    # Lower-case words out: "poor Mr. Darcy", "Lady Catherine de Bourgh".
                    form = " ".join(w for w in form.split() if w[:1].isupper())
                if " " not in form:
                    continue  # one word, or none left ("the prince"): no surname to read
                if m := _TITLED.match(form):
                    title, surname = m.groups()
                    if len(form.split()) == 2 and title in ("Lady", "Sir", "Lord"):
                        loose[c.id].append((title, surname))  # a surname or a first name
                        continue
                    p.surnames.add(surname)
                    p.titles.add(title)
                    # "Mr. Fitzwilliam Darcy" has a first name; "Sir Henry Morland" is a husband.
                    p.first_named |= len(form.split()) > 2 and title in ("Mr", "Miss")
                elif form.split()[0].rstrip(".") in _HONORIFIC:
                    continue  # "Father Fauchelevent", "Aunt Gillenormand": no first name
                elif m := _UNTITLED.match(form):
                    p.surnames.add(m.group(1))
                    p.first_named = True
            if "Miss" in p.titles and p.titles & _MARRIED:
                # "Miss X" and "Mrs./Lady X" in one character: the name it is mostly called
                # by (its id) tells whether she is married; without a title there, nothing.
                head = _TITLED.match(c.id)
                p.titles -= {"Miss"} | _MARRIED
                if head and head.group(1) in _FEMALE:
                    p.titles.add(head.group(1))
            people[c.id] = p
        known = {s for p in people.values() for s in p.surnames}
        for name, forms in loose.items():
            for title, surname in forms:
                # "Lady Lucas" is a surname when someone else bears it; "Sir William" is not.
                if surname in known:
                    people[name].surnames.add(surname)
                    people[name].titles.add(title)
        self.people = {n: p for n, p in people.items() if p.surnames}
        self.by_surname: dict[str, list[str]] = defaultdict(list)
        for n, p in self.people.items():
            for s in p.surnames:
                self.by_surname[s].append(n)

    def _birth_surnames(self, name: str) -> set[str]:
        """The surnames ``name`` was born with, if the titles tell: a man's, a "Miss"'s."""
        p = self.people.get(name)
        if p is None or p.titles & _MARRIED or not p.titles & (_MALE | {"Miss"}):
            return set()
        if p.titles & _MALE and p.titles & _FEMALE:
            return set()  # one name for a man and a woman: nothing to tell
        return p.surnames

    def other_birth_names(self, a: str, b: str) -> bool:
        """Whether ``a`` and ``b`` were born with different surnames (so are no siblings).

        Examples
        --------
        >>> cs = [Character("Mr. Wickham", "Mr. Wickham", aliases=("George Wickham",)),
        ...       Character("Elizabeth", "Elizabeth", aliases=("Miss Elizabeth Bennet",)),
        ...       Character("Mrs. Thorpe", "Mrs. Thorpe")]
        >>> kin = KinIndex(cs)
        >>> kin.other_birth_names("Mr. Wickham", "Elizabeth"), kin.other_birth_names("Mr. Wickham", "Mrs. Thorpe")
        (True, False)
        """
        sa, sb = self._birth_surnames(a), self._birth_surnames(b)
        return bool(sa) and bool(sb) and not sa & sb

    @property
    def related(self) -> set[str]:
        """The characters who share a surname with someone: the only ones kin can be found for."""
        return {n for names in self.by_surname.values() if len(names) > 1 for n in names}

    def _male(self, name: str) -> bool:
        p = self.people[name]
        return bool(p.titles & _MALE) or (not p.titles & _FEMALE and self.sex(name) == "m")

    def _female(self, name: str) -> bool:
        p = self.people[name]
        return bool(p.titles & _FEMALE) or (not p.titles & _MALE and self.sex(name) == "f")

    def __call__(self, name: str, word: str, pronoun: str = "") -> list[str]:
        """The characters ``word`` ("husband", "daughters") names as kin of ``name``.

        ``pronoun`` is the possessive that stood for ``name`` ("her"), if one did: a
        name of the other sex means it was resolved wrongly, and nothing is given.
        """
        p = self.people.get(name)
        word, pronoun = word.lower().rstrip("."), pronoun.lower()
        word = _TITLE_KIN.get(word, word)
        plural = word.endswith("s")
        role = word[:-1] if plural else word
        if p is None or (p.titles & _MARRIED and role not in _OF_ANY):
            return []
        others = dict.fromkeys(n for s in p.surnames for n in self.by_surname[s] if n != name)
        if not others or (
            (pronoun == "her" and self._male(name)) or (pronoun == "his" and self._female(name))
        ):
            return []  # the sex is read (a cost) only where there is someone to give
        married = {n for n in others if self.people[n].titles & _MARRIED}
        parent = bool(p.titles & (_MALE | _MARRIED))
        # Where a "Mrs. X" is among them, the bare "Mr. X" is her husband, a father.
        couple = bool(married) or bool(p.titles & _MARRIED)
        if role == "husband":
            fit = (
                [n for n in others if self.people[n].titles & _HUSBAND]
                if p.titles & _MARRIED
                else []
            )
        elif role == "wife":
            fit = [n for n in married] if p.titles & _HUSBAND else []
        elif role in ("daughter", "sister"):
            ok = parent if role == "daughter" else not p.titles & _MARRIED
            fit = [n for n in others if ok and n not in married and self._female(n)]
        elif role in ("son", "brother"):
            # A son bears a first name with the surname: the bare "Mr. X" is the father.
            fit = [
                n
                for n in others
                if (parent if role == "son" else True)
                and self._male(n)
                and (self.people[n].first_named or (role == "brother" and not couple))
            ]
        elif role == "father":
            # ... and so the father is not one who bears a first name ("Mr. Arthur X").
            fit = [
                n
                for n in others
                if couple and self.people[n].titles & _HUSBAND and not self.people[n].first_named
            ]
        elif role == "mother":
            fit = [n for n in married]
        else:
            return []
        if plural:
            return fit
        return fit if len(fit) == 1 else []
