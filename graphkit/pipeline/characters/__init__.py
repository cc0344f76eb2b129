"""Mentions -> characters: merging aliases into one node per person or work.

With a cast file the mentions already carry canonical names.  Without one,
surface forms are merged by rules that hold for names in general:

* a single name joins the one full name it is the surname of ("Jonze" ->
  "Spike Jonze") or the first name of ("Elizabeth" -> "Elizabeth Bennet");
  not a family's name ("Murdstone": :mod:`graphkit.pipeline.characters.surnames`);
* a nickname joins its full form ("Theo" -> "Theodore"; table in
  ``data/nicknames.csv``, or a unique longer name it begins), but a nickname
  of the table joins a full form the text also gives with a surname
  ("Catherine de Bourgh") only when the text ties the two: at least one use in
  :data:`graphkit.pipeline.characters.parts._TIE_SHARE` of the nickname (and one at least) stands in a sentence
  naming the full form or next to one ("Kitty", used 71 times and twice next
  to "Catherine", is not Lady Catherine; "Tom", 178 times and twice next to
  "Thomas Gradgrind", is the son, not the father);
* "Mr. Darcy" joins "Fitzwilliam Darcy" only when no other titled Darcy
  exists, so "Mr. Bennet" and "Mrs. Bennet" stay two people; "Mrs. Collins"
  is the woman wed to Mr. Collins (:mod:`graphkit.pipeline.characters.married_names`);
* "the princess" is the bearer of that rank named last (:mod:`.role_nouns`);
* God in oaths and prayers ("thank God") is no character
  (:mod:`graphkit.pipeline.characters.deities`);
* two names the text sets side by side as a role and its actor,
  "Amy (Amy Adams)" or "Charlotte (played by Scarlett Johansson)", are never
  merged, and the second is a real person.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence

from graphkit.io.cast import Cast
from graphkit.io.lexicon import common_words, word_table
from graphkit.model import Character, Document, Mention
from graphkit.pipeline.characters.bare_titles import join_bare_titles
from graphkit.pipeline.characters.deities import drop_invoked
from graphkit.pipeline.characters.first_names import is_surname_of, rehome_first_names
from graphkit.pipeline.characters.forest import root_of
from graphkit.pipeline.characters.married_names import join_married_names
from graphkit.pipeline.characters.parts import _ADDRESS as RANKLESS
from graphkit.pipeline.characters.parts import join_parts, nickname_tied
from graphkit.pipeline.characters.pronouns import (
    _lean,
    _other_sex,
    _pronoun_votes,
    _sex,
    _split,
    _title_sex,
    character_sexes,  # noqa: F401  (re-exported)
)
from graphkit.pipeline.characters.role_nouns import resolve_role_nouns
from graphkit.pipeline.characters.roles import (
    _people_before_works,
    role_pairs,  # noqa: F401  (re-exported)
)
from graphkit.pipeline.characters.surnames import family_name, first_rather, rehome_surnames
from graphkit.pipeline.characters.titled import join_titled

__all__ = ["merge_characters", "role_pairs", "character_sexes"]

_YOUNG = re.compile(r"(?:[Tt]he )?[Yy]oung ")  # "the young Princess Shtcherbatskaya"


def _pick(candidates: Iterable[str], counts: Counter) -> str | None:
    """The candidate to join: the only one, or one holding two thirds of the mentions."""
    cands = sorted(set(candidates), key=lambda c: (-counts[c], c))
    if not cands:
        return None
    if len(cands) == 1:
        return cands[0]
    total = sum(counts[c] for c in cands)
    return cands[0] if counts[cands[0]] * 3 >= total * 2 else None


def _mostly_titled(forms: Counter, honorifics: dict[str, str]) -> bool:
    """Whether forms with a title make more than three quarters of the uses in ``forms``."""
    untitled = sum(n for f, n in forms.items() if _split(f, honorifics)[0] is None)
    return untitled * 4 < sum(forms.values())


def _starting_with(ordered: list[str], prefix: str) -> list[str]:
    """The strings of sorted ``ordered`` that start with ``prefix``: a bisect, not a scan."""
    i = bisect_left(ordered, prefix)
    out = []
    while i < len(ordered) and ordered[i].startswith(prefix):
        out.append(ordered[i])
        i += 1
    return out


def _label(forms: Counter, honorifics: dict[str, str]) -> str:
    """The name to show for a character made of ``forms`` (surface key -> mentions).

    The most used form without a title, or, when the text also writes a longer
    untitled form that holds it at least a quarter as often, that full name:
    "Spike Jonze" over "Jonze", but "Marius" over a rare "Marius Pontmercy".
    A character named with a title in three uses out of four or more keeps
    its most used form ("Mr. Bennet", "Lady Catherine").

    Examples
    --------
    >>> _label(Counter({"Marius": 1200, "Marius Pontmercy": 20}), {"Monsieur": "m"})
    'Marius'
    >>> _label(Counter({"Jonze": 1, "Spike Jonze": 2}), {})
    'Spike Jonze'
    >>> _label(Counter({"Monsieur Marius": 9, "Mr. Bennet": 3}), {"Monsieur": "m", "Mr.": "m"})
    'Monsieur Marius'
    >>> _label(Counter({"Lady Catherine": 106, "Catherine": 11}), {"Lady": "f"})
    'Lady Catherine'
    >>> _label(Counter({"Mademoiselle": 40, "Mademoiselle Reisz": 9}), {"Mademoiselle": "f"})
    'Mademoiselle Reisz'
    """
    ranked = sorted(forms, key=lambda f: (-forms[f], len(f), f))
    # A title alone ("Mademoiselle") names no one by itself: any other form shows better.
    ranked = [f for f in ranked if f not in honorifics] or ranked
    untitled = [f for f in ranked if _split(f, honorifics)[0] is None] or ranked
    if _mostly_titled(forms, honorifics):
        return ranked[0]  # "Lady Catherine", not a rare bare "Catherine"
    top = untitled[0]
    words = set(top.split())
    for f in untitled:
        if len(f) > len(top) and words <= set(f.split()) and forms[f] * 4 >= forms[top]:
            return f
    return top


def _alias_parents(
    counts: Counter,
    kinds: dict[str, str],
    blocked: set[frozenset[str]],
    votes: dict[str, tuple[int, int]] | None = None,
    sentences: Callable[[], dict[str, list[int]]] | None = None,
) -> dict[str, str]:
    """Map each surface form that is an alias to the form it joins.

    ``sentences`` gives each form's sentences (made once, when a nickname of
    the table needs its tie to the text checked); without it the table alone decides.

    A bare surname does not join a titled form of the other sex: when the text
    says "he" after "Thénardier", "Madame Thénardier" is someone else.  When
    the pronouns do not tell and the text has titled forms of both sexes
    ("Monsieur" and "Madame Thénardier"), the bare surname joins neither.
    """
    votes = votes or {}
    honorifics = word_table("honorifics.txt")
    nicknames = word_table("nicknames.csv")
    common = common_words()
    by_surname: dict[str, list[str]] = defaultdict(list)
    by_first: dict[str, list[str]] = defaultdict(list)
    titled_by_surname: dict[str, list[str]] = defaultdict(list)
    titled_all: list[str] = []
    singles = []
    for key in counts:
        if kinds.get(key) == "work":
            continue
        title, words = _split(key, honorifics)
        if title:
            titled_by_surname[words[-1]].append(key)
            titled_all.append(key)
        elif len(words) >= 2:
            by_surname[words[-1]].append(key)
            by_first[words[0]].append(key)
        else:
            singles.append(key)

    def free(a: str, b: str) -> bool:
        return frozenset((a, b)) not in blocked

    parent: dict[str, str] = {}
    by_nickname: set[str] = set()
    ordered = sorted(singles)
    for key in singles:
        target = None
        full = nicknames.get(key)
        if full and (full in counts or by_first.get(full)):
            target = full if full in counts else _pick(by_first[full], counts)
            # A full form the text gives a surname ("Catherine de Bourgh") may be someone else.
            bearer = [full, *by_first.get(full, ())]
            tie = sentences is not None and by_first.get(full)
            if target and tie and not nickname_tied(sentences(), key, bearer):
                target = None
            else:
                by_nickname.add(key)
        # Not a family's name ("Murdstone"), nor "Jane" of "Jane M." as the surname of "Sarah Jane".
        family = family_name(key, counts, votes, by_surname, titled_by_surname)
        if target is None and not family and not first_rather(key, counts, by_surname, by_first):
            # "Fairfax" (he) is not "Jane Fairfax" when "Jane" is read as she.
            sex = _sex(*votes.get(key, (0, 0)))
            target = _pick(
                [
                    f
                    for f in by_surname.get(key, ())
                    if free(key, f) and not _other_sex(votes.get(f.split()[0]), sex)
                ],
                counts,
            )
        if target is None and not family:
            target = _pick([f for f in by_first.get(key, ()) if free(key, f)], counts)
        if target is None and key in titled_by_surname:
            he, she = votes.get(key, (0, 0))
            sex = _sex(he, she)
            titled = titled_by_surname[key]
            if not sex and {"m", "f"} <= {_title_sex(t, honorifics) for t in titled}:
                # "Mr. Bennet" and "Mrs. Bennet": a bare "Bennet" joins neither unless
                # its pronouns lean one way (and then only a title that dominates, below).
                sex = _lean(he, she, counts[key]) or "?"
            same = [t for t in titled if _title_sex(t, honorifics) in ("-", sex)] if sex else titled
            target = _pick(same, counts)
        if target is None and len(key) >= 3 and key.lower() not in common:
            longer = [
                s
                for s in _starting_with(ordered, key)
                if len(s) >= len(key) + 2 and counts[s] >= counts[key] and not is_surname_of(s, key)
            ]
            if len(longer) == 1:
                target = longer[0]
        if target and target != key and free(key, target):
            parent[key] = target
    # "Sir William" is "Sir William Lucas" when the text has one such full titled name.
    titled_sorted = sorted(titled_all)
    for key in titled_all:
        if len(key.split()) != 2 or key in parent:
            continue
        longer = _starting_with(titled_sorted, key + " ")
        # Not "Miss Woodhouse Miss Taylor": two names glued together.
        longer = [
            s for s in longer if not any(_split(w + " x", honorifics)[0] for w in s.split()[1:])
        ]
        if len(longer) == 1 and free(key, longer[0]):
            parent[key] = longer[0]
    # A nickname is familiar: "Kitty" is not "Lady Catherine", whom the text mostly titles.
    cluster: dict[str, list[str]] = defaultdict(list)
    for key in counts:
        cluster[root_of(key, parent)].append(key)
    for key in by_nickname:
        if key not in parent:
            continue
        forms = Counter({f: counts[f] for f in cluster[root_of(key, parent)] if f != key})
        if _mostly_titled(forms, honorifics):
            del parent[key]
    for surname, titled in titled_by_surname.items():
        full = by_surname.get(surname, [])
        if len(titled) == 1 and len(full) == 1 and free(titled[0], full[0]):
            parent[titled[0]] = full[0]
            continue
        # "Wickham" joined "George Wickham" and the pronouns say "he": "Mr. Wickham" is
        # the same man, "Mrs. Wickham" someone else.
        he, she = votes.get(surname, (0, 0))
        sex = _sex(he, she) or _lean(he, she, counts[surname])
        holder = parent.get(surname)
        if holder in full and sex:
            # Not if the full name's first name is read as the other sex ("Jane Fairfax").
            if _other_sex(votes.get(holder.split()[0]), sex):
                continue
            same = [t for t in titled if _title_sex(t, honorifics) == sex]
            # Pronouns that only lean one way need the title to hold two thirds of the titled uses.
            strong = _sex(he, she) or (len(same) == 1 and _pick(titled, counts) == same[0])
            if len(same) == 1 and strong and same[0] not in parent and free(same[0], surname):
                parent[same[0]] = surname
    return parent


def _why(key: str, into: str, honorifics: dict[str, str]) -> str:
    """Why the first alias pass (:func:`_alias_parents`) joined ``key`` to ``into``.

    Examples
    --------
    >>> _why("Jonze", "Spike Jonze", {}), _why("Theo", "Theodore", {})
    ('surname of the one full name', 'nickname (data/nicknames.csv)')
    """
    words, target = key.split(), into.split()
    title, rest = _split(into, honorifics)
    if len(words) == 1 and title and len(target) == 2 and words[0] == target[-1]:
        return "surname, for the one titled form of its sex (pronouns)"
    if len(words) == 1 and words[0] == target[-1]:
        return "surname of the one full name"
    if len(words) == 1 and words[0] == target[0]:
        return "first name of the one full name"
    if word_table("nicknames.csv").get(key) in (target[0], into):
        return "nickname (data/nicknames.csv)"
    if (
        _split(key, honorifics)[0]
        and len(words) == 1 + (1 if title else 0)
        and into.startswith(key)
    ):
        return "title + first name of the one titled full name"
    if _split(key, honorifics)[0] and len(words) == 2 and words[-1] == target[-1]:
        return "title + surname of the one full name of that surname"
    if _split(key, honorifics)[0] and len(target) == 1:
        return "title + surname, of the surname's sex (pronouns)"
    if into.startswith(key):
        return "beginning of the one longer name"
    return "alias of the same person"


def merge_characters(
    doc: Document, mentions: Sequence[Mention], cast: Cast | None = None
) -> tuple[list[Character], list[Mention]]:
    """Merge aliases: return the characters (most mentioned first) and the re-labelled mentions.

    Examples
    --------
    >>> from graphkit.pipeline.document import build_document
    >>> from graphkit.pipeline.mentions.discovery import discover_mentions
    >>> doc = build_document("They say Spike Jonze made it. Jonze left with Sofia Coppola; Coppola stayed.")
    >>> chars, _ = merge_characters(doc, discover_mentions(doc).mentions)
    >>> [(c.id, c.aliases, c.mentions) for c in chars]
    [('Sofia Coppola', ('Coppola',), 2), ('Spike Jonze', ('Jonze',), 2)]
    """
    counts = Counter(m.character for m in mentions)
    kinds = {m.character: m.kind for m in mentions}
    pairs = role_pairs(doc, mentions)
    reasons: dict[str, str] = {}
    if cast is not None:
        parent: dict[str, str] = {}
        cast_kind = {e.name: e.kind for e in cast.entries}
        cast_work = {e.name: e.work for e in cast.entries}
        # A cast's aliases are its character's even where the text never uses them.
        cast_aliases = {e.name: set(e.aliases) for e in cast.entries}
    else:
        votes = _pronoun_votes(doc, mentions)
        blocked = {frozenset(p) for p in pairs}
        made: dict[str, list[int]] = defaultdict(list)

        def sentences() -> dict[str, list[int]]:
            if not made:  # one pass over the mentions, only if a nickname needs it
                for m in mentions:
                    made[m.character].append(m.sentence)
            return made

        parent = _alias_parents(counts, kinds, blocked, votes, sentences)
        honorifics = word_table("honorifics.txt")
        young = Counter(m.character for m in mentions if m.text != m.character and _YOUNG.match(m.text))  # fmt: skip
        parent = join_titled(counts, parent, votes, honorifics, blocked, kinds, reasons, young, sentences)  # fmt: skip
        parent = join_parts(counts, parent, honorifics, blocked, kinds, mentions, reasons)
        parent = rehome_surnames(counts, parent, honorifics, kinds, votes, reasons)
        parent = join_bare_titles(counts, parent, honorifics, reasons)
        parent = rehome_first_names(counts, parent, honorifics, kinds, mentions, reasons)
        parent = join_married_names(doc, mentions, counts, parent, honorifics, kinds, votes, blocked, reasons)  # fmt: skip
        cast_kind, cast_work, cast_aliases = {}, {}, {}

    why: dict[str, list[str]] = defaultdict(list)
    if cast is None:
        # Each character is shown under its label (see _label), not the form it was merged into.
        forms: dict[str, Counter] = defaultdict(Counter)
        roots = {key: root_of(key, parent) for key in counts}  # once per form, not three times
        for key, n in counts.items():
            forms[roots[key]][key] += n
        for key, into in parent.items():
            reason = reasons.get(key) or _why(key, into, honorifics)
            why[roots.get(key) or root_of(key, parent)].append(f"{key}: {reason} ({into})")
        names = {root: _label(f, honorifics) for root, f in forms.items()}
        why = {names[root]: sorted(w) for root, w in why.items()}
        parent = {key: names[roots[key]] for key in counts}
        parent = {k: v for k, v in parent.items() if k != v}
    relabelled = [
        m
        if m.character not in parent
        else Mention(m.start, m.end, m.text, parent[m.character], m.kind, m.sentence)
        for m in mentions
    ]
    if cast is None:  # "the princess": the bearer of that rank named last
        relabelled = resolve_role_nouns(doc, relabelled, honorifics, RANKLESS, counts)
    people = {root_of(actor, parent) for _, actor in pairs}
    people |= {root_of(p, parent) for p in _people_before_works(doc, relabelled)}
    roles = {root_of(role, parent) for role, _ in pairs}

    by_char: dict[str, list[Mention]] = defaultdict(list)
    for m in relabelled:
        by_char[m.character].append(m)
    raw_first = {}
    if by_char:
        firsts = {cid: ms[0].start for cid, ms in by_char.items()}
        mapped = doc.offsets.to_raw(list(firsts.values())).tolist()
        raw_first = dict(zip(firsts, mapped, strict=False))
    characters = []
    for cid, ms in by_char.items():
        aliases = ({m.text for m in ms} | cast_aliases.get(cid, set())) - {cid}
        kind = cast_kind.get(cid) or ("work" if ms[0].kind == "work" else "character")
        if cast is None and kind == "character" and cid in people and cid not in roles:
            kind = "person"
        characters.append(
            Character(
                id=cid,
                label=cid,
                kind=kind,
                aliases=tuple(sorted(aliases)),
                mentions=len(ms),
                first_seen=int(raw_first[cid]),
                work=cast_work.get(cid),
                aliases_reason=tuple(why.get(cid, ())),
            )
        )
    characters.sort(key=lambda c: (-c.mentions, c.id))
    if cast is None:
        return drop_invoked(doc, characters, relabelled)  # "thank God": no character
    return characters, relabelled
