"""What both extraction passes share: mentions by sentence, and the rules each sentence may fire.

:class:`_Candidates` prepares the rules of a rule set for a whole document
once (their trigger words, the sentences holding them), so each sentence runs
only the rules that can match it.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from functools import cache

from graphkit.io.rules import Rule, RuleSet
from graphkit.model import Character, Document, Mention
from graphkit.pipeline.relations.masking import _CASE_FOLD, _LOOK_BACK


class _Candidates:
    """What both passes share: mentions by sentence, and the rules each sentence may fire.

    A rule runs on a sentence only if the sentence holds enough names (and
    works) for its placeholders, a word of each of its clauses and, when it
    can only match through a pronoun, a pronoun word (see
    :class:`graphkit.io.rules.Needs`).  One regex finds every rule's words in a
    sentence, and only sentences with names (or right after two names, for
    "the pair") are looked at, so a novel costs little more than its names.
    """

    def __init__(
        self,
        doc: Document,
        mentions: Sequence[Mention],
        rules: RuleSet,
        works: Iterable[str] = (),
        characters: Sequence[Character] = (),
    ) -> None:
        self.doc, self.rules = doc, rules
        self._mentions, self._characters = mentions, characters
        self._sexes: dict[str, str | None] = {}
        self._sentences_of: dict[str, set[int]] | None = None
        self._kin = None
        self._topic: str | None = None  # the first work named ("" when none is)
        self._related: set[str] = set()
        self.needs = [r.needs for r in rules.rules]
        # A fired rule has a word of its best clause in the sentence already (that is what
        # fired it): only its other clauses are left to check.
        self.other_clauses = [tuple(c for c in n.clauses if c != n.best) for n in self.needs]
        # One stable sort puts each sentence's mentions in text order (ties as given).
        by_sentence: dict[int, list[Mention]] = defaultdict(list)
        for m in sorted(mentions, key=lambda m: m.start):
            by_sentence[m.sentence].append(m)
        self.by_sentence = dict(by_sentence)
        self.rules_found: dict[tuple[int, int], list[Rule]] = {}
        self.scanned: dict[int, str] = {}
        self.fired: dict[int, set[int]] = {}
        self.pronoun_seen: dict[tuple[int, frozenset[str]], bool] = {}
        self.allowed: dict[tuple[int, int, int], tuple] = {}
        text = doc.text
        self.fold = any(c in text for c in "İıſ")
        # A bracket in the text itself would make placeholders of it: then count nothing.
        self.counted = "⟦" not in text
        sentences = doc.sentences
        todo = set(by_sentence) | {i + 1 for i in by_sentence if i + 1 < len(sentences)}
        # A kin rule ("her husband") is looked for only where someone is named: a pronoun
        # alone would make every sentence after a name a candidate, a fifth of the stage.
        # An ``each`` rule takes its names after the match: it needs one more than its slots.
        floor = min(
            (
                max(n.slots + bool(r.each), bool(r.kin))
                for n, r in zip(self.needs, rules.rules)
                if not r.pair
            ),
            default=9,
        )
        if self.counted and floor > 0:
            keep = {i for i, ms in by_sentence.items() if len(ms) >= floor}
            if any(r.pair for r in rules.rules):
                pairs = [i for i, ms in by_sentence.items() if len(ms) >= 2]
                keep.update(pairs)
                keep.update(i + 1 for i in pairs if i + 1 in todo and self._prev_count(i + 1))
            todo &= keep
        # Sentences where some rule can run with every name that may be a work taken for
        # one (the most any pass can have): each pass looks only at these.
        works = set(works) | {m.character for m in mentions if m.kind == "work"}
        self.live = [
            si
            for si in sorted(todo)
            if self.rules_for(
                si, sum(m.character in works for m in self.mentions_of(si)) if works else 0
            )
        ]
        self.results: dict[tuple, list[tuple[tuple[str, str, str, int], tuple]]] = {}

    def sex(self, name: str) -> str | None:
        """The sex ("m", "f") of character ``name`` as alias merging reads it, if it tells.

        Read only for the names a pronoun rule asks about, from their own sentences.
        """
        if name not in self._sexes:
            from graphkit.pipeline.characters.pronouns import character_sex

            if self._sentences_of is None:
                self._sentences_of = defaultdict(set)
                for m in self._mentions:
                    self._sentences_of[m.character].add(m.sentence)
            character = next((c for c in self._characters if c.id == name), None)
            around = [m for si in sorted(self._sentences_of[name]) for m in self.mentions_of(si)]
            self._sexes[name] = character and character_sex(self.doc, around, character)
        return self._sexes[name]

    def kin(self, name: str, word: str, pronoun: str = "") -> list[str]:
        """The characters a kin word names as ``name``'s relatives (see :mod:`.kin`)."""
        return self._kin_index()(name, word, pronoun)

    def kin_index(self):
        """The surname index of the characters (see :mod:`.kin`), built on first use."""
        return self._kin_index()

    def _kin_index(self):
        if self._kin is None:
            from graphkit.pipeline.relations.kin import KinIndex

            self._kin = KinIndex(self._characters, self.sex)
            self._related = self._kin.related
        return self._kin

    def _kin_near(self, si: int) -> bool:
        """Whether sentence ``si`` or the two before name someone who shares a surname."""
        self._kin_index()
        return any(
            m.character in self._related
            for i in range(max(si - _LOOK_BACK, 0), si + 1)
            for m in self.mentions_of(i)
        )

    def topic_work(self, si: int) -> str | None:
        """The text's own work, if "it" or "the film" in sentence ``si`` may mean it.

        An article opens with the work it is about: the first mention of a work.
        A paragraph that named another work before ``si`` may go on about that
        one, so there the topic is not taken.  Works are those mention finding
        marked, the same in both passes.
        """
        if self._topic is None:
            works = [m for m in self._mentions if m.kind == "work"]
            self._topic = min(works, key=lambda m: m.start).character if works else ""
        if not self._topic:
            return None
        sentences = self.doc.sentences
        para, j = sentences[si].paragraph, si - 1
        while j >= 0 and sentences[j].paragraph == para:
            if any(m.kind == "work" and m.character != self._topic for m in self.mentions_of(j)):
                return None
            j -= 1
        return self._topic

    def mentions_of(self, si: int) -> list[Mention]:
        """The mentions of sentence ``si`` in text order."""
        return self.by_sentence.get(si, [])

    def prev_mentions(self, si: int) -> list[Mention] | None:
        """The mentions of the sentence before ``si`` if pronouns may point back to it."""
        sentences = self.doc.sentences
        if si - 1 in self.by_sentence and sentences[si - 1].paragraph == sentences[si].paragraph:
            return self.mentions_of(si - 1)
        return None

    def _prev_count(self, si: int) -> int:
        return len(self.prev_mentions(si) or ())

    def _allowed(
        self, n: int, n_prev: int, n_work: int
    ) -> tuple[tuple[int, ...], tuple[tuple[frozenset[str], bool, tuple[int, ...]], ...]]:
        """Rules whose placeholders fit a sentence of ``n`` names (``n_work`` works).

        Returns those that need nothing more, and by pronoun words those that
        need one of the words (only a pronoun could fill one of their slots).
        """
        key = (n, min(n_prev, 2), n_work)
        out = self.allowed.get(key)
        if out is None:
            free, by_pronoun = [], defaultdict(list)
            for i, (need, rule) in enumerate(zip(self.needs, self.rules.rules)):
                if not self.counted:
                    free.append(i)
                elif (
                    n >= need.slots
                    and n_work >= need.work_slots
                    and (not rule.pair or n >= 2 or n_prev >= 2)
                ):
                    if need.pronouns is None or (
                        need.plain_slots is not None and n >= need.plain_slots
                    ):
                        free.append(i)
                    else:
                        by_pronoun[need.pronouns, need.whole_pronouns].append(i)
            groups = tuple((w, whole, tuple(ids)) for (w, whole), ids in by_pronoun.items())
            out = self.allowed[key] = (tuple(free), groups)
        return out

    def _scanned(self, si: int) -> str:
        """Sentence ``si`` as rule words are looked for in it (see :class:`~graphkit.io.rules.Needs`)."""
        scanned = self.scanned.get(si)
        if scanned is None:
            sent = self.doc.sentences[si]
            raw = self.doc.text[sent.start : sent.end]
            lowered = (raw.translate(_CASE_FOLD) if self.fold else raw).lower()
            # Spaces folded as in the masked sentence (" as " is the word, not "as" in
            # "has"), and one in front for words a rule wants at the start.
            scanned = self.scanned[si] = " " + " ".join(lowered.split())
        return scanned

    def _pronoun(self, si: int, words: frozenset[str], whole: bool) -> bool:
        """Whether sentence ``si`` holds one of ``words`` (pronouns), whole if ``whole``."""
        key = (si, words)
        seen = self.pronoun_seen.get(key)
        if seen is None:
            sent = self.doc.sentences[si]
            if not whole:
                scanned = self._scanned(si)
                seen = any(w in scanned for w in words)
            elif _whole_words(words).search(self.doc.text, sent.start, sent.end):
                seen = True
            else:
                # Not a whole word in the text: it may be one in the masked sentence only
                # where a name glued to it is parted off by its placeholder.
                scanned = self._glued(si) and self._scanned(si)
                seen = bool(scanned) and any(w in scanned for w in words)
            self.pronoun_seen[key] = seen
        return seen

    def _glued(self, si: int) -> bool:
        """Whether a name of sentence ``si`` touches a letter or an end of the sentence.

        There a placeholder would part what the text joins, so a whole word of
        the masked sentence may not be one in the text.
        """
        sent, text = self.doc.sentences[si], self.doc.text
        if sent.start > 0 and _is_word(text[sent.start - 1]):
            return True
        return any(
            m.start <= sent.start
            or m.end >= sent.end
            or _is_word(text[m.start - 1])
            or _is_word(text[m.end])
            for m in self.mentions_of(si)
        )

    def rules_for(self, si: int, n_work: int) -> list[Rule]:
        """The rules that can match sentence ``si`` with ``n_work`` works, in rule-file order."""
        found = self.rules_found.get((si, n_work))
        if found is None:
            found = self.rules_found[si, n_work] = self._rules_for(si, n_work)
        return found

    def _rules_for(self, si: int, n_work: int) -> list[Rule]:
        free, by_pronoun = self._allowed(len(self.mentions_of(si)), self._prev_count(si), n_work)
        if not free and not by_pronoun:
            return []
        scanned = self._scanned(si)
        fired = self.fired.get(si)
        if fired is None:
            fired = self.fired[si] = self.rules.triggers.fired(scanned)
        if not fired:
            return []
        allowed = set(free)
        for words, whole, ids in by_pronoun:
            # A pronoun is looked for only where a rule that needs it has its words.
            if not fired.isdisjoint(ids) and self._pronoun(si, words, whole):
                allowed.update(ids)
        found = [
            self.rules.rules[i]
            for i in sorted(fired & allowed)
            if all(any(w in scanned for w in c) for c in self.other_clauses[i])
        ]
        if any(r.kin for r in found) and not self._kin_near(si):
            # No one nearby has a relative of the same surname: a kin rule has nothing to give.
            found = [r for r in found if not r.kin]
        return found


def _is_word(c: str) -> bool:
    """Whether ``c`` is a character ``\\w`` matches."""
    return c.isalnum() or c == "_"


@cache
def _whole_words(words: frozenset[str]) -> re.Pattern[str]:
    """A regex finding any of ``words`` as a whole word."""
    # Case-blind, as the rules are, to search the text itself.
    return re.compile(r"\b(?:" + "|".join(map(re.escape, sorted(words))) + r")\b", re.I)
