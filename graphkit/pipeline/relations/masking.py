"""Masked sentences: every mention replaced by a placeholder carrying its kind, and negation in scope.

A rule's match gives placeholders; :class:`_Sentence` maps them back to
characters, lists ("starring A, B and C") included.
A pronoun is resolved only when one name fits; where several do, a bracketed
actor credit and a name governed by a locative preposition (or by "to", "from",
"for" after a verb of motion) give way to the others: such a name is a place.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence

from graphkit.io.rules import _KIND_LETTER, SLOT_KINDS, Rule, RuleSet
from graphkit.model import Mention

# Every kind's letter, and "n" (kind not known yet): a group's "⟦g3⟧" is a name too.
_PLACEHOLDER = re.compile(rf"⟦([{''.join(sorted({*_KIND_LETTER.values(), 'n'}))}])(\d+)⟧")
# A name in apposition to a possessive pronoun's noun phrase: "his younger son, ⟦c1⟧".
_COORDINATED = re.compile(r"(?:'s)?(?: \([^()]*\))?(?:,? and |, | or |/)⟦")
_APPOSITIVE = re.compile(r"\b(his|her|their) (?:[a-z-]+,? ){1,3}?(⟦[pcn]\d+⟧)", re.I)
_CLAUSE_BREAK = re.compile(r"[,;:()—\"]|--")
# A name governed by a locative preposition ("in", "at", "near", "between A and"), or by
# "to", "from", "for" after a verb of motion ("travels to", "walked over from", "came home
# to", "leave for"), names a place: not whom a later "his" or "her" means.  Read on the
# masked text right before the name (a possessive after it, "at Anna's", is a person).
_PLACE_BEFORE = re.compile(
    r"(?:\b(?:in|at|near|outside|between)"
    r"|\b(?:come|comes|came|coming|go|goes|went|going|travels?|travell?ed|travell?ing|returns?"
    r"|returned|returning|moves?|moved|moving|walks?|walked|drives?|drove|rides?|rode"
    r"|sails?|sailed|flies|flew|leaves?|left|leaving|sets? off|set out|arrives?|arrived)"
    r"(?: (?:back|over|down|up|out|home|on))? (?:to|from|into|towards?|for)"
    r"|\bbetween ⟦[a-z]\d+⟧ and) $",
    re.IGNORECASE,
)
# A question mark after the match that does not end the sentence: a speech tag follows
# ('"Is she engaged to him?" asked Mrs. Gower.'), so the match was asked, not stated.
_ASKED = re.compile(r"\?[\"'”’)]* +[a-z⟦]")


_LETTER = _KIND_LETTER  # a kind -> its placeholder letter
# Characters that re.IGNORECASE matches with "i" or "s" but str.lower() does not turn into
# them ("İ" even becomes two characters): folded first, so a lower-cased sentence holds a
# rule's word exactly where the case-blind regex could match it.
_CASE_FOLD = str.maketrans({"İ": "i", "ı": "i", "ſ": "s"})


def _mask(
    text: str, start: int, end: int, ms: Sequence[Mention], letters: Mapping[str, str]
) -> str:
    """``text[start:end]`` with mention ``i`` replaced by its placeholder, spaces folded."""
    parts, last = [], start
    for i, m in enumerate(ms):
        parts.append(text[last : min(m.start, end)])
        parts.append(f"⟦{letters.get(m.character, 'n')}{i}⟧")
        last = m.end
    parts.append(text[last:end])
    return " ".join("".join(parts).split())


def _negated(masked: str, start: int, end: int, rules: RuleSet) -> bool:
    """Whether a negation or hedge stands in ``masked[start:end]`` or just before it in its clause.

    A question states nothing (one ending the sentence, or one a speech tag follows:
    '"Is she engaged?" asked Mrs. Gower.'), and neither does a match that a contrast after it in the
    same sentence takes back ("A proposed to B, but B turned him down").
    """
    if masked.rstrip(" \"'”’)").endswith("?") or _ASKED.search(masked, end):
        return True
    if rules.contrast_regex is not None and rules.contrast_regex.match(masked, end):
        return True
    before = _CLAUSE_BREAK.split(masked[:start])[-1].split()[-rules.scope_words :]
    words = before + masked[start:end].split()
    plain = " ".join(_PLACEHOLDER.sub(" ", w).strip(".,;:!?'\"()").lower() for w in words)
    tokens = set(plain.split())
    for cue in (*rules.negation, *rules.hedges):
        cue = cue.lower()
        if " " in cue:
            if f" {cue} " in f" {plain} ":
                return True
        elif cue == "n't":
            if any(t.endswith("n't") for t in tokens):
                return True
        elif cue in tokens:
            return True
    return False


_FEMALE = ("Miss ", "Mrs. ", "Mrs ", "Lady ", "Madame ", "Mme ", "Mademoiselle ", "Ms. ")
_MARRIED_TITLES = ("Mrs. ", "Mrs ", "Lady ")
_PAIR_REACH = 120  # characters between "A and B" and "they" in one sentence

_FEMALE_ROLES = {"mother", "sister", "daughter", "aunt", "niece", "wife", "goddaughter"}
_MALE_ROLES = {"father", "brother", "son", "uncle", "nephew", "husband", "godson"}
_MALE = ("Mr. ", "Mr ", "Sir ", "Lord ", "Monsieur ", "Captain ", "Colonel ", "Father ")


_MALE_PRONOUNS = ("his", "he")
_FEMALE_PRONOUNS = ("her", "she")
_LOOK_BACK = 2  # sentences a pronoun may reach back to (same paragraph, each naming someone)
# The medium a work's anaphor names ("it", "the play", "the series": any).
_WORK_MEDIUM = {
    "film": "film", "movie": "film", "picture": "film", "novel": "book", "novella": "book",
    "book": "book", "screenplay": "film", "script": "film",
}  # fmt: skip


def _no_sex(name: str) -> str | None:
    return None


class _Sentence:
    """A masked sentence with its mentions, and the ones before it (for pronouns).

    ``prev`` is the sentence before (or a function building it when first
    needed); ``sex`` tells the sex of a character ("m", "f" or ``None``), as
    alias merging reads it from titles and pronouns.
    """

    def __init__(
        self,
        masked: str,
        ms: Sequence[Mention],
        prev: _Sentence | Callable[[], _Sentence | None] | None,
        sex: Callable[[str], str | None] = _no_sex,
        kin: Callable[[str, str, str], list[str]] = lambda name, word, pronoun: [],
        topic: Callable[[], str | None] = lambda: None,
        medium: Callable[[str], str] | None = None,
        known: Callable[[str], str | None] = lambda work: None,
    ) -> None:
        self.masked = masked
        self.known = known
        self.kin = kin
        self.topic = topic
        self.medium = medium
        self.mentions = ms
        self._prev = prev
        self.sex = sex
        self.slots = [
            (p.start(), p.group(1), int(p.group(2))) for p in _PLACEHOLDER.finditer(masked)
        ]

    @property
    def prev(self) -> _Sentence | None:
        """The sentence before, built on first use."""
        if callable(self._prev):
            self._prev = self._prev()
        return self._prev

    def entity(self, token: str) -> str:
        return self.mentions[int(_PLACEHOLDER.fullmatch(token).group(2))].character

    def wrong_sex(self, token: str | None, role: str) -> bool:
        """Whether the name at ``token`` has a title of the other sex than ``role`` says."""
        if not token or not role:
            return False
        m = self.mentions[int(_PLACEHOLDER.fullmatch(token).group(2))]
        titles = _MALE if role in _FEMALE_ROLES else _FEMALE if role in _MALE_ROLES else ()
        return bool(titles) and (m.text.startswith(titles) or m.character.startswith(titles))

    def misnamed(self, token: str | None) -> bool:
        """Whether the name at ``token`` is a married woman's ("Mrs. X", "Lady X") of a "Miss".

        Such a mention was merged with someone else (a mother of the same surname):
        what a rule says of it is not said of the character.
        """
        if not token:
            return False
        m = self.mentions[int(_PLACEHOLDER.fullmatch(token).group(2))]
        return m.character.startswith("Miss ") and m.text.startswith(_MARRIED_TITLES)

    def fitting(
        self,
        kind: str,
        before: int | None = None,
        exclude: str | None = None,
        wrong: tuple[str, ...] = (),
    ) -> list[str]:
        """Distinct entities of ``kind`` (before offset ``before``), without ``exclude``.

        A name whose mention (or canonical name) opens with a title in ``wrong`` is left out.
        """
        out = []
        for pos, letter, i in self.slots:
            if before is not None and pos >= before:
                break
            name = self.mentions[i].character
            if wrong and (self.mentions[i].text.startswith(wrong) or name.startswith(wrong)):
                continue
            if letter in SLOT_KINDS[kind] and letter != "w" and name != exclude and name not in out:
                out.append(name)
        if len(out) > 1:
            # An actor credited in brackets, "Eamon Flynn (Ciaran Hinds)", is not who "his" means.
            credited = {
                self.mentions[i].character
                for pos, _, i in self.slots
                if self.masked[max(pos - 1, 0) : pos] == "("
            }
            out = [n for n in out if n not in credited] or out
        if len(out) > 1:
            out = [n for n in out if n not in self._places(before)] or out
        return out

    def _places(self, before: int | None) -> set[str]:
        """Names (before offset ``before``) whose every mention here stands where a place does."""
        placed: set[str] = set()
        other: set[str] = set()
        for pos, _, i in self.slots:
            if before is not None and pos >= before:
                break
            name = self.mentions[i].character
            end = self.masked.find("⟧", pos) + 1
            at_place = not self.masked.startswith("'s", end) and _PLACE_BEFORE.search(
                self.masked, max(0, pos - 40), pos
            )
            (placed if at_place else other).add(name)
        return placed - other

    def _appositive(self, word: str) -> set[str]:
        """Names right after "``word`` NOUN," in this sentence ("his son, Richard")."""
        return {
            self.entity(m.group(2))
            for m in _APPOSITIVE.finditer(self.masked)
            if m.group(1).lower() == word
        }

    def resolve_pronoun(self, kind: str, pos: int, exclude: str | None) -> str | None:
        """The one name a pronoun at ``pos`` can mean: in this sentence before it, else earlier.

        Earlier is the nearest of the sentences before (up to two, in the same
        paragraph) where some name fits.  A titled name of the other sex never
        fits: "his" is not "Miss Vane"; where several fit, a name the text calls
        by the other pronoun ("she") is left out too.
        """
        word = self.masked[pos : pos + 4].lower().split()[0]
        male, female = word in _MALE_PRONOUNS, word in _FEMALE_PRONOUNS
        wrong = _FEMALE if male else _MALE if female else ()
        other = "f" if male else "m" if female else None
        here = self.fitting(kind, before=pos, exclude=exclude, wrong=wrong)
        # "His elder son, Richard, ...; his younger son, Frederick": a name set in
        # apposition to a pronoun's noun is not who the same pronoun means later on
        # ("his cousin Miss De Bourgh, and of her mother" may mean her).
        if here:
            here = [n for n in here if n not in self._appositive(word)]
        sentence = self
        for _ in range(_LOOK_BACK):
            if here:
                break
            sentence = sentence.prev
            if sentence is None:
                return None
            here = sentence.fitting(kind, exclude=exclude, wrong=wrong)
        if len(here) > 1 and other:
            # Pronoun votes are noisier than titles: they only choose among several.
            here = [n for n in here if sentence.sex(n) != other]
        if len(here) > 1 and sentence is not self and pos <= 1 and sentence.slots:
            # A sentence that opens with "Her mother, ..." goes on about the one whose kin
            # the sentence before opened with ("Elin's best friend is Gethin. Her mother ...");
            # "Ann met Mary. Her sister ..." stays ambiguous.
            # Not when it opens with several ("A and B visit. Her friend ..."): no one subject.
            first_pos, _, first_i = sentence.slots[0]
            after = (
                sentence.masked[_PLACEHOLDER.match(sentence.masked).end() :]
                if first_pos == 0
                else ""
            )
            if (
                first_pos == 0
                and after.startswith("'s ")
                and not _COORDINATED.match(after)
                and sentence.mentions[first_i].character in here
            ):
                here = [sentence.mentions[first_i].character]
        return here[0] if len(here) == 1 else None

    def works(self, before: int | None = None) -> list[str]:
        """Distinct works named in this sentence (before offset ``before``)."""
        out: list[str] = []
        for pos, letter, i in self.slots:
            if before is not None and pos >= before:
                break
            name = self.mentions[i].character
            if letter == "w" and name not in out:
                out.append(name)
        return out

    def resolve_work(self, pos: int, exclude: str | None) -> str | None:
        """The one work "it", "the film" or "the novel" at ``pos`` can mean.

        The work named in this sentence before it, else in the nearest of the two
        sentences before (same paragraph) naming one, else the text's own work
        (:meth:`_Candidates.topic_work`); where two fit, none, unless "the film"
        ("the novel") names the medium the text states for only one of them.  "The
        novel" is never a film, "the film" never a book (as :mod:`.media` tells them).
        """
        words = self.masked[pos:].split(None, 2)
        noun = words[1] if words[0].lower() == "the" and len(words) > 1 else words[0]
        want = _WORK_MEDIUM.get(noun.lower().rstrip(".,;:"))
        here = [w for w in self.works(pos) if w != exclude]
        sentence: _Sentence | None = self
        for _ in range(_LOOK_BACK):
            if here:
                break
            sentence = sentence.prev if sentence is not None else None
            if sentence is None:
                break
            here = [w for w in sentence.works() if w != exclude]
        if len(here) > 1 and want:
            # "The film" after a sentence naming a musical and a film: the one the text
            # calls a film ("the 1954 novel X", "X is a 1961 drama"), if only one.
            named = [w for w in here if self.known(w) == want]
            here = named if len(named) == 1 else here
        if not here:
            topic = self.topic()
            here = [topic] if topic and topic != exclude else []
        if len(here) != 1:
            return None
        if want and self.medium is not None and self.medium(here[0]) != want:
            return None
        return here[0]

    def resolve_pair(self, rule: Rule, pos: int) -> tuple[str, str] | None:
        """The one coordination "A and B" that "the pair" at ``pos`` can mean."""
        pattern = re.compile(
            rf"(⟦[{SLOT_KINDS[rule.source]}]\d+⟧),? and (⟦[{SLOT_KINDS[rule.target]}]\d+⟧)"
        )
        for sentence, limit in ((self, pos), (self.prev, None)):
            if sentence is None:
                continue
            # In the same sentence only a coordination close before the anaphor counts.
            start = max(0, limit - _PAIR_REACH) if limit else 0
            found = {
                (sentence.entity(m.group(1)), sentence.entity(m.group(2)))
                for m in pattern.finditer(sentence.masked, start, limit or len(sentence.masked))
            }
            found = {p for p in found if p[0] != p[1]}
            if found:
                return found.pop() if len(found) == 1 else None
        return None
