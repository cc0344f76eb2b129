"""Document + mentions -> typed relations (``plays``, ``directed``, ``spouse``, ...).

Each sentence that names someone is *masked*: every mention becomes a
placeholder carrying its kind (``⟦p0⟧`` person, ``⟦c1⟧`` character, ``⟦w2⟧``
work, ``⟦n3⟧`` a name of unknown kind), and the rules of
:mod:`graphkit.io.rules` are matched against it.  A match is kept unless a
negation or hedge ("never", "not quite", "could", "the beginning of") stands
in it or just before it in the same clause.  A pronoun ("his friend Amy") or
"the pair" is resolved only when exactly one name fits, in the sentence or
the one before: a wrong guess is worse than none.  Among several names that
fit, an actor credited in brackets ("Erik (Mads Holm)") and a name standing
where a place does ("between Bergen and Oslo", "travels to Uppsala", "came home
to Elmbury": a locative preposition, or "to"/"from"/"for" after a verb of
motion) are left out: a possessive pronoun means a person, and a place name the
name finder took for a character is the commonest false rival.

A question states nothing, even when a speech tag follows its question mark.
A mention titled "Mrs." or "Lady" of a character whose id is a "Miss" gives
nothing (it was merged with someone else, a mother of the same surname), and
one pair's family ties must agree on the generation gap between them (the
``generations:`` of the rules; the gap most sentences give is kept).  A man and
an unmarried woman ("Miss") of different surnames, or two such of one sex, are
no brother and sister: full siblings are born with one surname, and only a
woman's changes, at marriage (see :mod:`.kin`).  An engaged pair is married when the
bride's new name ("Mrs. Darcy") is first written after the engagement (see
:mod:`.married`).

Kinds follow from relations: without a cast file, extraction runs twice;
the first pass learns who plays, directs or writes (a person) and who is
played or appears in a work (a character), the second uses those kinds.
Work is linear in the number of sentences and mentions.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence

from graphkit.io.rules import SLOT_KINDS, Rule, RuleSet, load_rules
from graphkit.model import Character, Document, Mention, Relation
from graphkit.model import with_kinds as apply_kinds  # the kinds relations give, re-exported
from graphkit.pipeline.relations.candidates import _Candidates
from graphkit.pipeline.relations.ends import _sources_and_targets
from graphkit.pipeline.relations.masking import (
    _LETTER,
    _LOOK_BACK,
    _mask,
    _negated,
    _Sentence,
)
from graphkit.pipeline.relations.media import _overall_medium, _work_votes, work_media

__all__ = ["find_relations", "extract_relations", "infer_kinds", "apply_kinds", "work_media"]


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
    known: Callable[[str], str | None] = lambda work: None,
) -> list[tuple[tuple[str, str, str, int], tuple[Relation, Rule]]]:
    """What the rules ``to_run`` find in sentence ``si``, keyed as :func:`_extract` keeps them."""
    if not to_run:
        return []
    doc, rules, text = cand.doc, cand.rules, cand.doc.text
    sent = doc.sentences[si]
    ms = cand.mentions_of(si)

    def earlier(i: int, depth: int) -> Callable[[], _Sentence | None]:
        """A function building the sentence before ``i`` (and ``depth - 1`` before it)."""

        def build() -> _Sentence | None:
            before = cand.prev_mentions(i)
            if before is None or depth == 0:
                return None
            p = doc.sentences[i - 1]
            masked = _mask(text, p.start, p.end, before, letters)
            return _Sentence(masked, before, earlier(i - 1, depth - 1), cand.sex)

        return build

    s = _Sentence(
        _mask(text, sent.start, sent.end, ms, letters),
        ms,
        earlier(si, _LOOK_BACK),
        cand.sex,
        cand.kin,
        lambda: cand.topic_work(si),
        medium,
        known,
    )
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
            groups = m.groupdict()
            if s.misnamed(groups.get("source")) or s.misnamed(groups.get("target")):
                continue  # "Lady Anne Darcy" merged into "Miss Darcy": not her
            ends = _sources_and_targets(s, rule, m)
            if ends is None:
                continue
            for src in ends[0]:
                for tgt in ends[1]:
                    if src == tgt:
                        continue
                    # Only a rule whose type depends on the medium needs the text's.
                    by_medium = not isinstance(rule.type, (str, tuple))
                    role = rules.role(m.group("role")) if "role" in m.groupdict() else ""
                    if s.wrong_sex(m.groupdict().get("target"), role):
                        continue  # "Mr. Darcy, her sister": not an apposition
                    for rtype in rule.types_for(medium(tgt) if by_medium else ""):
                        # A role gives the tie a direction (the target is the source's role).
                        flip = rules.symmetric(rtype) and not role
                        a, b = sorted((src, tgt)) if flip else (src, tgt)
                        out.append(((a, rtype, b, si), (Relation(a, rtype, b, si, role), rule)))
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
        back = None if prev_ms is None else cand.prev_mentions(si - 1)
        key = (
            si,
            tuple(letters.get(m.character, "n") for m in ms),
            None if prev_ms is None else tuple(letters.get(m.character, "n") for m in prev_ms),
            None if back is None else tuple(letters.get(m.character, "n") for m in back),
        )
        found = cand.results.get(key)
        if found is None:
            n_work = key[1].count("w") if cand.counted else 0
            found = cand.results[key] = _sentence_relations(
                cand, si, cand.rules_for(si, n_work), letters, medium, media.get
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


def _one_generation(relations: list[Relation], rules: RuleSet) -> list[Relation]:
    """Family ties of one pair that disagree on the generation gap: the majority's kept.

    "Miss X, the daughter of Mr. X" beside a dozen "his sister" sentences: one
    name stood for a father and his son.  Each tie with a role of known
    generation (``generations:`` in the rules) votes for the gap between the
    pair; the gap most ties give is kept, and on a tie no tie with a role is.
    """
    gens = rules.generations
    votes: dict[tuple[str, str], Counter] = defaultdict(Counter)
    for r in relations:
        if r.type == "family" and r.role in gens:
            a, b = sorted((r.source, r.target))
            votes[a, b][gens[r.role] if r.source == a else -gens[r.role]] += 1
    keep: dict[tuple[str, str], int | None] = {}
    for pair, v in votes.items():
        if len(v) > 1:
            (gap, n), (_, n2) = v.most_common(2)
            keep[pair] = gap if n > n2 else None
    if not keep:
        return relations
    out = []
    for r in relations:
        pair = tuple(sorted((r.source, r.target)))
        if r.type == "family" and r.role in gens and pair in keep:
            gap = gens[r.role] if r.source == pair[0] else -gens[r.role]
            if gap != keep[pair]:
                continue
        out.append(r)
    return out


#: Roles of full siblings, who are born with one surname (not "half-sister", "stepbrother").
_SIBLINGS = frozenset({"sister", "brother", "sibling", "twin"})


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
    cand = _Candidates(doc, mentions, rules, works, characters)  # shared by both passes
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
    kept = _one_generation(_supersede(kept, rules), rules)
    if any(r.type == "family" and r.role in _SIBLINGS for r in kept):
        kin = cand.kin_index()  # "his dear sister Elizabeth": a sister-in-law
        kept = [
            r
            for r in kept
            if not (
                r.type == "family"
                and r.role in _SIBLINGS
                and kin.other_birth_names(r.source, r.target)
            )
        ]
    if rules.married_name:
        # "Mrs. Darcy", first named after Darcy's engagement, and "Lydia Wickham": the
        # bride's new name (see :mod:`.married`).
        from graphkit.pipeline.relations.married import married_names, signed_names

        if any(r.type == "engaged" for r in kept):
            kept += married_names(
                kept, characters, mentions, cand.kin_index(), cand.sex, rules.married_name
            )
        known = {frozenset((r.source, r.target)) for r in kept if r.type == "spouse"}
        kept += [
            r
            for r in signed_names(doc.text, mentions, cand.kin_index(), cand.sex)
            if frozenset((r.source, r.target)) not in known
        ]
    kept.sort(key=lambda r: (r.sentence, r.source, r.type, r.target))
    return kept, kinds
