"""Document + mentions -> typed relations (``plays``, ``directed``, ``spouse``, ...).

Each sentence that names someone is *masked*: every mention becomes a
placeholder carrying its kind (``⟦p0⟧`` person, ``⟦c1⟧`` character, ``⟦w2⟧``
work, ``⟦n3⟧`` a name of unknown kind), and the rules of
:mod:`graphkit.rules` are matched against it.  A match is kept unless a
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
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace

from .model import Character, Document, Mention, Relation
from .rules import SLOT_KINDS, Rule, RuleSet, load_rules

__all__ = ["find_relations", "extract_relations", "infer_kinds", "apply_kinds", "work_media"]

_PLACEHOLDER = re.compile(r"⟦([pcnw])(\d+)⟧")
_CLAUSE_BREAK = re.compile(r"[,;:()—\"]|--")
_FILM_WORDS = re.compile(r"\b(?:film|films|movie|movies|director|cinema|screen|starring)\b", re.I)
_BOOK_WORDS = re.compile(
    r"\b(?:novel|novels|book|books|author|chapter|reader|readers|novelist)\b", re.I
)
_LETTER = {"person": "p", "character": "c", "work": "w"}


def work_media(doc: Document, mentions: Sequence[Mention]) -> tuple[dict[str, str], str]:
    """The medium (``film`` or ``book``) of each work, and of the whole text.

    A work takes the medium named right before one of its mentions ("the
    novel X", "Jonze's 2013 movie, X"); otherwise the text's, which is the
    more frequent of film words and book words.

    Examples
    --------
    >>> from graphkit.document import build_document
    >>> doc = build_document("Austen's novel Emma is a book. Emma was a film too.")
    >>> work_media(doc, [Mention(15, 19, "Emma", "Emma", "work", 0)])
    ({'Emma': 'book'}, 'book')
    """
    text = doc.text
    overall = "book" if len(_BOOK_WORDS.findall(text)) > len(_FILM_WORDS.findall(text)) else "film"
    votes: dict[str, Counter] = defaultdict(Counter)
    for m in mentions:
        if m.kind != "work":
            continue
        before = text[max(0, m.start - 24) : m.start]
        if _BOOK_WORDS.search(before):
            votes[m.character]["book"] += 1
        elif _FILM_WORDS.search(before):
            votes[m.character]["film"] += 1
    media = {w: max(sorted(v), key=lambda k: v[k]) for w, v in votes.items()}
    return media, overall


def _mask(text: str, start: int, ms: Sequence[Mention], letters: Mapping[str, str]) -> str:
    """The sentence from ``start`` with mention ``i`` replaced by its placeholder, spaces folded."""
    parts, last = [], start
    for i, m in enumerate(ms):
        parts.append(text[last : m.start])
        parts.append(f"⟦{letters.get(m.character, 'n')}{i}⟧")
        last = m.end
    parts.append(text[last:])
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
    >>> from graphkit.document import build_document
    >>> doc = build_document("Her follows Theodore (Joaquin Phoenix).")
    >>> ms = [Mention(0, 3, "Her", "Her", "work", 0), Mention(12, 20, "Theodore", "Theodore", "character", 0),
    ...       Mention(22, 37, "Joaquin Phoenix", "Joaquin Phoenix", "character", 0)]
    >>> sorted((r.source, r.type, r.target) for r, _ in extract_relations(doc, ms))
    [('Joaquin Phoenix', 'plays', 'Theodore'), ('Theodore', 'appears_in', 'Her')]
    """
    rules = rules or load_rules()
    letters = {m.character: "w" for m in mentions if m.kind == "work"}
    letters.update({k: _LETTER.get(v, "n") for k, v in (kinds or {}).items()})
    media, overall = work_media(doc, mentions)
    by_sentence: dict[int, list[Mention]] = defaultdict(list)
    for m in mentions:
        by_sentence[m.sentence].append(m)
    out: dict[tuple[str, str, str, int], tuple[Relation, Rule]] = {}
    text = doc.text
    # A sentence without names still counts when the one before has some ("The pair married").
    todo = sorted(set(by_sentence) | {i + 1 for i in by_sentence if i + 1 < len(doc.sentences)})
    for si in todo:
        ms = sorted(by_sentence.get(si, ()), key=lambda m: m.start)
        sent = doc.sentences[si]
        prev = None
        if si - 1 in by_sentence and doc.sentences[si - 1].paragraph == sent.paragraph:
            p = doc.sentences[si - 1]
            prev_ms = sorted(by_sentence[si - 1], key=lambda m: m.start)
            prev = _Sentence(_mask(text[: p.end], p.start, prev_ms, letters), prev_ms, None)
        s = _Sentence(_mask(text[: sent.end], sent.start, ms, letters), ms, prev)
        for rule in rules.rules:
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
                        medium = media.get(tgt, overall)
                        for rtype in rule.types_for(medium):
                            a, b = sorted((src, tgt)) if rules.symmetric(rtype) else (src, tgt)
                            out.setdefault((a, rtype, b, si), (Relation(a, rtype, b, si), rule))
    return list(out.values())


def infer_kinds(found: Iterable[tuple[Relation, Rule]]) -> dict[str, str]:
    """Kinds the relations imply: who plays or directs is a person, who is played a character.

    Examples
    --------
    >>> from graphkit.rules import load_rules
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
    if known_kinds:
        kinds = dict(given)
        found = extract_relations(doc, mentions, kinds, rules)
    else:
        works = {k: v for k, v in given.items() if v == "work"}
        learned = infer_kinds(extract_relations(doc, mentions, works, rules))
        # Discovery's "character" is only a default; its "person" is evidence.
        hints = {k: v for k, v in given.items() if v in ("work", "person")}
        found = extract_relations(doc, mentions, {**hints, **learned}, rules)
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
    chars = [replace(c, kind=kinds.get(c.id, c.kind)) for c in characters]
    ms = [replace(m, kind=kinds.get(m.character, m.kind)) for m in mentions]
    return chars, ms
