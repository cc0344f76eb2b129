"""Document + mentions -> typed relations (``plays``, ``directed``, ``spouse``, ...).

Each sentence that names someone is *masked*: every mention becomes a
placeholder carrying its kind (``⟦p0⟧`` person, ``⟦c1⟧`` character, ``⟦w2⟧``
work, ``⟦n3⟧`` a name of unknown kind), and the rules of
:mod:`graphkit.io.rules` are matched against it.  A match is kept unless a
negation or hedge ("never", "not quite", "could", "the beginning of") stands
in it or just before it in the same clause.  A pronoun ("his friend Amy") or
"the pair" is resolved only when exactly one name fits, in the sentence or
the one before: a wrong guess is worse than none.

Kinds follow from relations: without a cast file, extraction runs twice;
the first pass learns who plays, directs or writes (a person) and who is
played or appears in a work (a character), the second uses those kinds.
Work is linear in the number of sentences and mentions.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import replace
from functools import cache

from graphkit.model import Character, Document, Mention, Relation
from graphkit.io.rules import SLOT_KINDS, Rule, RuleSet, load_rules

__all__ = ["find_relations", "extract_relations", "infer_kinds", "apply_kinds", "work_media"]

_PLACEHOLDER = re.compile(r"⟦([pcnw])(\d+)⟧")
_CLAUSE_BREAK = re.compile(r"[,;:()—\"]|--")
_FILM_WORDS = re.compile(r"\b(?:film|films|movie|movies|director|cinema|screen|starring)\b", re.I)
_BOOK_WORDS = re.compile(
    r"\b(?:novel|novels|book|books|author|chapter|reader|readers|novelist)\b", re.I
)
_LETTER = {"person": "p", "character": "c", "work": "w"}
# Characters that re.IGNORECASE matches with "i" or "s" but str.lower() does not turn into
# them ("İ" even becomes two characters): folded first, so a lower-cased sentence holds a
# rule's word exactly where the case-blind regex could match it.
_CASE_FOLD = str.maketrans({"İ": "i", "ı": "i", "ſ": "s"})


def _overall_medium(text: str) -> str:
    """The medium of the whole text: the more frequent of book words and film words."""
    return "book" if len(_BOOK_WORDS.findall(text)) > len(_FILM_WORDS.findall(text)) else "film"


def _work_votes(text: str, mentions: Sequence[Mention]) -> dict[str, str]:
    """The medium named right before a work's mentions ("the novel X"), by majority."""
    votes: dict[str, Counter] = defaultdict(Counter)
    for m in mentions:
        if m.kind != "work":
            continue
        before = text[max(0, m.start - 24) : m.start]
        if _BOOK_WORDS.search(before):
            votes[m.character]["book"] += 1
        elif _FILM_WORDS.search(before):
            votes[m.character]["film"] += 1
    return {w: max(sorted(v), key=lambda k: v[k]) for w, v in votes.items()}


def work_media(doc: Document, mentions: Sequence[Mention]) -> tuple[dict[str, str], str]:
    """The medium (``film`` or ``book``) of each work, and of the whole text.

    A work takes the medium named right before one of its mentions ("the
    novel X", "Jonze's 2013 movie, X"); otherwise the text's, which is the
    more frequent of film words and book words.

    Examples
    --------
    >>> from graphkit.pipeline.document import build_document
    >>> doc = build_document("Austen's novel Emma is a book. Emma was a film too.")
    >>> work_media(doc, [Mention(15, 19, "Emma", "Emma", "work", 0)])
    ({'Emma': 'book'}, 'book')
    """
    return _work_votes(doc.text, mentions), _overall_medium(doc.text)


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
    """Whether a negation or hedge stands in ``masked[start:end]`` or just before it in its clause."""
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


class _Sentence:
    """A masked sentence with its mentions, and the one before it (for pronouns)."""

    def __init__(self, masked: str, ms: Sequence[Mention], prev: _Sentence | None) -> None:
        self.masked = masked
        self.mentions = ms
        self.prev = prev
        self.slots = [
            (p.start(), p.group(1), int(p.group(2))) for p in _PLACEHOLDER.finditer(masked)
        ]

    def entity(self, token: str) -> str:
        return self.mentions[int(_PLACEHOLDER.fullmatch(token).group(2))].character

    def fitting(
        self, kind: str, before: int | None = None, exclude: str | None = None
    ) -> list[str]:
        """Distinct entities of ``kind`` (placed before offset ``before``), without ``exclude``."""
        out = []
        for pos, letter, i in self.slots:
            if before is not None and pos >= before:
                break
            name = self.mentions[i].character
            if letter in SLOT_KINDS[kind] and letter != "w" and name != exclude and name not in out:
                out.append(name)
        return out

    def resolve_pronoun(self, kind: str, pos: int, exclude: str | None) -> str | None:
        """The one name a pronoun at ``pos`` can mean: in this sentence before it, else the previous."""
        here = self.fitting(kind, before=pos, exclude=exclude)
        if here:
            return here[0] if len(here) == 1 else None
        if self.prev is None:
            return None
        there = self.prev.fitting(kind, exclude=exclude)
        return there[0] if len(there) == 1 else None

    def resolve_pair(self, rule: Rule, pos: int) -> tuple[str, str] | None:
        """The one coordination "A and B" that "the pair" at ``pos`` can mean."""
        pattern = re.compile(
            rf"(⟦[{SLOT_KINDS[rule.source]}]\d+⟧),? and (⟦[{SLOT_KINDS[rule.target]}]\d+⟧)"
        )
        for sentence, limit in ((self, pos), (self.prev, None)):
            if sentence is None:
                continue
            found = {
                (sentence.entity(m.group(1)), sentence.entity(m.group(2)))
                for m in pattern.finditer(sentence.masked, 0, limit or len(sentence.masked))
            }
            found = {p for p in found if p[0] != p[1]}
            if found:
                return found.pop() if len(found) == 1 else None
        return None


def _listed(s: _Sentence, kind: str, pos: int) -> list[str]:
    """Names of ``kind`` listed right after offset ``pos``: ", B", " and C"."""
    tail = re.compile(rf"(?:,? and |, | or )(⟦[{SLOT_KINDS[kind]}]\d+⟧)")
    names = []
    while (more := tail.match(s.masked, pos)) is not None:
        names.append(s.entity(more.group(1)))
        pos = more.end()
    return names


def _sources_and_targets(
    s: _Sentence, rule: Rule, m: re.Match[str]
) -> tuple[list[str], list[str]] | None:
    """The entities a match names (pronouns and "the pair" resolved), or ``None``."""
    groups = m.groupdict()
    if groups.get("pair_pro"):
        pair = s.resolve_pair(rule, m.start("pair_pro"))
        return ([pair[0]], [pair[1]]) if pair else None
    chosen: dict[str, list[str]] = {}
    for side in ("source", "target"):
        if groups.get(side):
            chosen[side] = [s.entity(groups[side])]
    for side in ("source", "target"):
        if groups.get(f"{side}_pro"):
            other = chosen.get("target" if side == "source" else "source", [None])[0]
            name = s.resolve_pronoun(getattr(rule, side), m.start(f"{side}_pro"), other)
            if name is None:
                return None
            chosen[side] = [name]
    if rule.each:
        # The first fitting name after the match, and names listed with it ("A, B and C").
        kind = getattr(rule, rule.each)
        fixed = chosen.get("target" if rule.each == "source" else "source", [None])[0]
        first = re.compile(rf"[^;]*?(⟦[{SLOT_KINDS[kind]}]\d+⟧)").match(s.masked, m.end())
        if first is None:
            return None
        chosen[rule.each] = [s.entity(first.group(1)), *_listed(s, kind, first.end())]
        chosen[rule.each] = [n for n in chosen[rule.each] if n != fixed]
    if rule.list and groups.get("target"):
        chosen["target"] += _listed(s, rule.target, m.end("target"))
    if "source" not in chosen or "target" not in chosen:
        return None
    return chosen["source"], chosen["target"]


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
    ) -> None:
        self.doc, self.rules = doc, rules
        self.needs = [r.needs for r in rules.rules]
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
        floor = min((n.slots for n, r in zip(self.needs, rules.rules) if not r.pair), default=9)
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
        return [
            self.rules.rules[i]
            for i in sorted(fired & allowed)
            if all(any(w in scanned for w in c) for c in self.needs[i].clauses)
        ]


def _is_word(c: str) -> bool:
    """Whether ``c`` is a character ``\\w`` matches."""
    return c.isalnum() or c == "_"


@cache
def _whole_words(words: frozenset[str]) -> re.Pattern[str]:
    """A regex finding any of ``words`` as a whole word."""
    # Case-blind, as the rules are, to search the text itself.
    return re.compile(r"\b(?:" + "|".join(map(re.escape, sorted(words))) + r")\b", re.I)


def extract_relations(
    doc: Document,
    mentions: Sequence[Mention],
    kinds: Mapping[str, str] | None = None,
    rules: RuleSet | None = None,
) -> list[tuple[Relation, Rule]]:
    """One pass of the rules over every sentence; ``kinds`` maps entities to known kinds.

    Returns the relations with the rule that found each (relations of
    symmetric types have their ends in sorted order).

    Examples
    --------
    >>> from graphkit.pipeline.document import build_document
    >>> doc = build_document("Her follows Theodore (Joaquin Phoenix).")
    >>> ms = [Mention(0, 3, "Her", "Her", "work", 0), Mention(12, 20, "Theodore", "Theodore", "character", 0),
    ...       Mention(22, 37, "Joaquin Phoenix", "Joaquin Phoenix", "character", 0)]
    >>> sorted((r.source, r.type, r.target) for r, _ in extract_relations(doc, ms))
    [('Joaquin Phoenix', 'plays', 'Theodore'), ('Theodore', 'appears_in', 'Her')]
    """
    rules = rules or load_rules()
    works = [k for k, v in (kinds or {}).items() if v == "work"]
    return _extract(_Candidates(doc, mentions, rules, works), mentions, kinds)


def _sentence_relations(
    cand: _Candidates,
    si: int,
    to_run: Sequence[Rule],
    letters: Mapping[str, str],
    medium: Callable[[str], str],
) -> list[tuple[tuple[str, str, str, int], tuple[Relation, Rule]]]:
    """What the rules ``to_run`` find in sentence ``si``, keyed as :func:`_extract` keeps them."""
    if not to_run:
        return []
    doc, rules, text = cand.doc, cand.rules, cand.doc.text
    sent = doc.sentences[si]
    ms, prev_ms = cand.mentions_of(si), cand.prev_mentions(si)
    prev = None
    if prev_ms is not None:
        p = doc.sentences[si - 1]
        prev = _Sentence(_mask(text, p.start, p.end, prev_ms, letters), prev_ms, None)
    s = _Sentence(_mask(text, sent.start, sent.end, ms, letters), ms, prev)
    out = []
    for rule in to_run:
        for m in rule.regex.finditer(s.masked):
            if _negated(s.masked, m.start(), m.end(), rules):
                continue
            if rule.min_words > 1 and any(
                len(s.entity(m.group(side)).split()) < rule.min_words
                for side in ("source",)
                if m.groupdict().get(side)
            ):
                continue
            ends = _sources_and_targets(s, rule, m)
            if ends is None:
                continue
            for src in ends[0]:
                for tgt in ends[1]:
                    if src == tgt:
                        continue
                    # Only a rule whose type depends on the medium needs the text's.
                    by_medium = not isinstance(rule.type, (str, tuple))
                    for rtype in rule.types_for(medium(tgt) if by_medium else ""):
                        a, b = sorted((src, tgt)) if rules.symmetric(rtype) else (src, tgt)
                        out.append(((a, rtype, b, si), (Relation(a, rtype, b, si), rule)))
    return out


def _extract(
    cand: _Candidates, mentions: Sequence[Mention], kinds: Mapping[str, str] | None
) -> list[tuple[Relation, Rule]]:
    """:func:`extract_relations` on the sentences and rules ``cand`` has narrowed down."""
    text = cand.doc.text
    letters = {m.character: "w" for m in mentions if m.kind == "work"}
    letters.update({k: _LETTER.get(v, "n") for k, v in (kinds or {}).items()})
    media = _work_votes(text, mentions)
    overall: list[str] = []  # the text's medium, counted over the whole text only if needed

    def medium(target: str) -> str:
        if target in media:
            return media[target]
        if not overall:
            overall.append(_overall_medium(text))
        return overall[0]

    out: dict[tuple[str, str, str, int], tuple[Relation, Rule]] = {}
    for si in cand.live:
        ms, prev_ms = cand.mentions_of(si), cand.prev_mentions(si)
        # What a sentence yields depends only on the kind letters of its names and of the
        # sentence before: the second pass reuses the first's where they did not change.
        key = (
            si,
            tuple(letters.get(m.character, "n") for m in ms),
            None if prev_ms is None else tuple(letters.get(m.character, "n") for m in prev_ms),
        )
        found = cand.results.get(key)
        if found is None:
            n_work = key[1].count("w") if cand.counted else 0
            found = cand.results[key] = _sentence_relations(
                cand, si, cand.rules_for(si, n_work), letters, medium
            )
        for k, v in found:
            out.setdefault(k, v)
    return list(out.values())


def infer_kinds(found: Iterable[tuple[Relation, Rule]]) -> dict[str, str]:
    """Kinds the relations imply: who plays or directs is a person, who is played a character.

    Examples
    --------
    >>> from graphkit.io.rules import load_rules
    >>> rule = next(r for r in load_rules().rules if r.id == "plays.bracket")
    >>> infer_kinds([(Relation("Joaquin Phoenix", "plays", "Theodore", 0), rule)])
    {'Joaquin Phoenix': 'person', 'Theodore': 'character'}
    """
    votes: dict[str, Counter] = defaultdict(Counter)
    for r, rule in found:
        for name, kind in ((r.source, rule.source), (r.target, rule.target)):
            if kind in ("person", "character"):
                votes[name][kind] += 1
    kinds = {}
    for name, v in votes.items():
        ranked = v.most_common()
        if len(ranked) == 1 or ranked[0][1] > ranked[1][1]:
            kinds[name] = ranked[0][0]
    return kinds


def _supersede(relations: list[Relation], rules: RuleSet) -> list[Relation]:
    """Drop types a stronger type replaces for the same pair (ex_spouse drops spouse)."""
    types_by_pair: dict[frozenset[str], set[str]] = defaultdict(set)
    for r in relations:
        types_by_pair[frozenset((r.source, r.target))].add(r.type)
    dropped = {
        (pair, old)
        for pair, types in types_by_pair.items()
        for new in types
        for old in rules.supersedes.get(new, ())
    }
    return [r for r in relations if (frozenset((r.source, r.target)), r.type) not in dropped]


def find_relations(
    doc: Document,
    mentions: Sequence[Mention],
    characters: Sequence[Character],
    known_kinds: bool = False,
    rules: RuleSet | str | None = None,
) -> tuple[list[Relation], dict[str, str]]:
    """The typed relations of a text and the kind of every character, person and work.

    ``known_kinds`` says the characters' kinds come from a cast file and are
    to be trusted; otherwise kinds follow from the relations found (a first
    pass with unknown kinds, a second with the kinds it taught).

    Examples
    --------
    >>> import graphkit
    >>> a = graphkit.analyze_text("The film Casablanca follows Rick Blaine (Humphrey Bogart). "
    ...                           "Rick and his friend Sam drink.")
    >>> [(r.source, r.type, r.target) for r in a.relations]
    [('Humphrey Bogart', 'plays', 'Rick Blaine'), ('Rick Blaine', 'appears_in', 'Casablanca'), ('Rick Blaine', 'friend', 'Sam')]
    >>> a.graph.nodes["Humphrey Bogart"]["kind"], a.graph.nodes["Casablanca"]["kind"]
    ('person', 'work')
    """
    rules = load_rules(rules)
    given = {c.id: c.kind for c in characters}
    works = [k for k, v in given.items() if v == "work"]
    cand = _Candidates(doc, mentions, rules, works)  # shared by both passes
    if known_kinds:
        kinds = dict(given)
        found = _extract(cand, mentions, kinds)
    else:
        works = {k: v for k, v in given.items() if v == "work"}
        learned = infer_kinds(_extract(cand, mentions, works))
        # Discovery's "character" is only a default; its "person" is evidence.
        hints = {k: v for k, v in given.items() if v in ("work", "person")}
        found = _extract(cand, mentions, {**hints, **learned})
        kinds = {**given, **learned, **infer_kinds(found)}
    # A second-pass match on a name of unknown kind must fit the kind it ended with.
    kept = [
        r
        for r, rule in found
        if _LETTER.get(kinds.get(r.source, ""), "n") in SLOT_KINDS[rule.source]
        and _LETTER.get(kinds.get(r.target, ""), "n") in SLOT_KINDS[rule.target]
    ]
    kept = _supersede(kept, rules)
    kept.sort(key=lambda r: (r.sentence, r.source, r.type, r.target))
    return kept, kinds


def apply_kinds(
    characters: Sequence[Character], mentions: Sequence[Mention], kinds: Mapping[str, str]
) -> tuple[list[Character], list[Mention]]:
    """Characters and mentions with the kinds of ``kinds`` (others unchanged)."""
    # Rebuilding a frozen dataclass is slow: only those whose kind changes are rebuilt.
    chars = [
        c if kinds.get(c.id, c.kind) == c.kind else replace(c, kind=kinds[c.id]) for c in characters
    ]
    ms = [
        m if kinds.get(m.character, m.kind) == m.kind else replace(m, kind=kinds[m.character])
        for m in mentions
    ]
    return chars, ms
