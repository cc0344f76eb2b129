"""Mentions -> characters: merging aliases into one node per person or work.

With a cast file the mentions already carry canonical names.  Without one,
surface forms are merged by rules that hold for names in general:

* a single name joins the one full name it is the surname of ("Jonze" ->
  "Spike Jonze") or the first name of ("Elizabeth" -> "Elizabeth Bennet");
* a nickname joins its full form ("Theo" -> "Theodore"; table in
  ``data/nicknames.csv``, or a unique longer name it begins);
* "Mr. Darcy" joins "Fitzwilliam Darcy" only when no other titled Darcy
  exists, so "Mr. Bennet" and "Mrs. Bennet" stay two people;
* two names the text sets side by side as a role and its actor,
  "Amy (Amy Adams)" or "Charlotte (played by Scarlett Johansson)", are never
  merged, and the second is a real person.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence

from .cast import Cast
from .lexicon import common_words, word_table
from .model import Character, Document, Mention

__all__ = ["merge_characters", "role_pairs"]

_ROLE_GAP = re.compile(
    r"\s*(?:\(\s*(?:[a-z]+\s+){0,3}?(?:played|voiced|portrayed)\s+by\s+|\(\s*|,\s*(?:played|voiced|portrayed)\s+by\s+)"
)
_PERSON_BEFORE_WORK = re.compile(r"\s*'s?\s+(?:(?:\d{4}|new|latest|first|last|debut)\s+)*")


def role_pairs(doc: Document, mentions: Sequence[Mention]) -> list[tuple[str, str]]:
    """``(role, actor)`` pairs the text sets side by side: "Amy (Amy Adams)", "X, played by Y".

    Examples
    --------
    >>> from graphkit.document import build_document
    >>> doc = build_document("Her follows Theodore (Joaquin Phoenix) home.")
    >>> ms = [Mention(12, 20, "Theodore", "Theodore", "character", 0),
    ...       Mention(22, 37, "Joaquin Phoenix", "Joaquin Phoenix", "character", 0)]
    >>> role_pairs(doc, ms)
    [('Theodore', 'Joaquin Phoenix')]
    """
    pairs = []
    for a, b in zip(mentions, mentions[1:], strict=False):
        if a.sentence != b.sentence or a.kind == "work" or b.kind == "work":
            continue
        gap = doc.text[a.end : b.start]
        m = _ROLE_GAP.fullmatch(gap)
        if (
            m
            and doc.text[b.end : b.end + 1] in (")", ",", ".", " ", ";")
            and a.character != b.character
        ):
            pairs.append((a.character, b.character))
    return pairs


def _people_before_works(doc: Document, mentions: Sequence[Mention]) -> set[str]:
    """Names in the possessive right before a work: "Spike Jonze's Her", "Coppola's 2003 movie, X"."""
    people = set()
    for a, b in zip(mentions, mentions[1:], strict=False):
        if b.kind != "work" or a.kind == "work" or a.sentence != b.sentence:
            continue
        gap = doc.text[a.end : b.start]
        if _PERSON_BEFORE_WORK.fullmatch(gap) or re.fullmatch(r"'s\s+(?:\d{4}\s+)?\w+,?\s+", gap):
            people.add(a.character)
    return people


def _split(key: str, honorifics: dict[str, str]) -> tuple[str | None, list[str]]:
    words = key.split()
    if len(words) > 1 and (words[0] in honorifics or words[0].rstrip(".") in honorifics):
        return words[0], words[1:]
    return None, words


def _pick(candidates: Iterable[str], counts: Counter) -> str | None:
    """The candidate to join: the only one, or one holding two thirds of the mentions."""
    cands = sorted(set(candidates), key=lambda c: (-counts[c], c))
    if not cands:
        return None
    if len(cands) == 1:
        return cands[0]
    total = sum(counts[c] for c in cands)
    return cands[0] if counts[cands[0]] * 3 >= total * 2 else None


_PRONOUN = re.compile(r"\b(he|his|him|himself|she|her|hers|herself)\b")
_FEMININE = frozenset(("she", "her", "hers", "herself"))


def _pronoun_genders(
    doc: Document, mentions: Sequence[Mention], sample: int = 30
) -> dict[str, str]:
    """Gender of single-word forms from the first pronoun after them in their sentence.

    Up to ``sample`` mentions of each form are read, spread evenly over the text.
    Returns ``"m"`` or ``"f"`` for forms whose sampled pronouns agree two to
    one; forms without clear evidence are left out.

    Examples
    --------
    >>> from graphkit.document import build_document
    >>> doc = build_document("Bennet smiled at his wife. Bennet said he would go.")
    >>> ms = [Mention(0, 6, "Bennet", "Bennet", "character", 0),
    ...       Mention(27, 33, "Bennet", "Bennet", "character", 1)]
    >>> _pronoun_genders(doc, ms)
    {'Bennet': 'm'}
    """
    by_form: dict[str, list[Mention]] = defaultdict(list)
    for m in mentions:
        if " " not in m.character and m.kind != "work" and m.sentence >= 0:
            by_form[m.character].append(m)
    votes: dict[str, list[int]] = {}
    for key, ms in by_form.items():
        # Spread over the whole text: who a name means can change as the story goes on.
        step = max(1, len(ms) // sample)
        v = votes[key] = [0, 0]
        for m in ms[::step][:sample]:
            end = doc.sentences[m.sentence].end
            found = _PRONOUN.search(doc.text, m.end, min(end, m.end + 120))
            if found:
                v[found.group(1) in _FEMININE] += 1
    out = {}
    for key, (male, female) in votes.items():
        if male >= 2 * female and male >= 2:
            out[key] = "m"
        elif female >= 2 * male and female >= 2:
            out[key] = "f"
    return out


def _label(forms: Counter, honorifics: dict[str, str]) -> str:
    """The name to show for a character made of ``forms`` (surface key -> mentions).

    The most used form without a title, or, when the text also writes a longer
    untitled form that holds it at least a quarter as often, that full name:
    "Spike Jonze" over "Jonze", but "Marius" over a rare "Marius Pontmercy".
    A character only ever named with a title keeps it ("Mr. Bennet").

    Examples
    --------
    >>> _label(Counter({"Marius": 1200, "Marius Pontmercy": 20}), {"Monsieur": "m"})
    'Marius'
    >>> _label(Counter({"Jonze": 1, "Spike Jonze": 2}), {})
    'Spike Jonze'
    >>> _label(Counter({"Monsieur Marius": 9, "Mr. Bennet": 3}), {"Monsieur": "m", "Mr.": "m"})
    'Monsieur Marius'
    """
    ranked = sorted(forms, key=lambda f: (-forms[f], len(f), f))
    untitled = [f for f in ranked if _split(f, honorifics)[0] is None]
    if not untitled:
        return ranked[0]
    top = untitled[0]
    words = set(top.split())
    for f in untitled:
        if len(f) > len(top) and words <= set(f.split()) and forms[f] * 4 >= forms[top]:
            return f
    return top


def _title_sex(key: str, honorifics: dict[str, str]) -> str:
    """``"m"``, ``"f"`` or ``"-"``: the sex the title of ``key`` names ("Madame X" -> "f")."""
    title = _split(key, honorifics)[0] or ""
    return honorifics.get(title) or honorifics.get(title.rstrip(".")) or "-"


def _alias_parents(
    counts: Counter,
    kinds: dict[str, str],
    blocked: set[frozenset[str]],
    genders: dict[str, str] | None = None,
) -> dict[str, str]:
    """Map each surface form that is an alias to the form it joins.

    A bare surname does not join a titled form of the other sex: when the text
    says "he" after "Thénardier", "Madame Thénardier" is someone else.  When
    the pronouns do not tell and the text has titled forms of both sexes
    ("Monsieur" and "Madame Thénardier"), the bare surname joins neither.
    """
    genders = genders or {}
    honorifics = word_table("honorifics.txt")
    nicknames = word_table("nicknames.csv")
    common = common_words()
    by_surname: dict[str, list[str]] = defaultdict(list)
    by_first: dict[str, list[str]] = defaultdict(list)
    titled_by_surname: dict[str, list[str]] = defaultdict(list)
    singles = []
    for key in counts:
        if kinds.get(key) == "work":
            continue
        title, words = _split(key, honorifics)
        if title:
            titled_by_surname[words[-1]].append(key)
        elif len(words) >= 2:
            by_surname[words[-1]].append(key)
            by_first[words[0]].append(key)
        else:
            singles.append(key)

    def free(a: str, b: str) -> bool:
        return frozenset((a, b)) not in blocked

    parent: dict[str, str] = {}
    ordered = sorted(singles)
    for key in singles:
        target = None
        full = nicknames.get(key)
        if full and (full in counts or by_first.get(full)):
            target = full if full in counts else _pick(by_first[full], counts)
        if target is None:
            target = _pick([f for f in by_surname.get(key, ()) if free(key, f)], counts)
        if target is None:
            target = _pick([f for f in by_first.get(key, ()) if free(key, f)], counts)
        if target is None and key in titled_by_surname:
            sex = genders.get(key)
            titled = titled_by_surname[key]
            if sex:
                same = [t for t in titled if _title_sex(t, honorifics) in ("-", sex)]
            elif {"m", "f"} <= {_title_sex(t, honorifics) for t in titled}:
                same = []  # "Mr. Bennet" and "Mrs. Bennet": a bare "Bennet" of unknown sex joins neither
            else:
                same = titled
            target = _pick(same, counts)
        if target is None and len(key) >= 3 and key.lower() not in common:
            # Singles sharing the prefix sit together in sorted order: a bisect, not a scan.
            i = bisect_left(ordered, key)
            longer = []
            while i < len(ordered) and ordered[i].startswith(key):
                s = ordered[i]
                if len(s) >= len(key) + 2 and counts[s] >= counts[key]:
                    longer.append(s)
                i += 1
            if len(longer) == 1:
                target = longer[0]
        if target and target != key and free(key, target):
            parent[key] = target
    for surname, titled in titled_by_surname.items():
        full = by_surname.get(surname, [])
        if len(titled) == 1 and len(full) == 1 and free(titled[0], full[0]):
            parent[titled[0]] = full[0]
    return parent


def _root(key: str, parent: dict[str, str]) -> str:
    seen = set()
    while key in parent and key not in seen:
        seen.add(key)
        key = parent[key]
    return key


def merge_characters(
    doc: Document, mentions: Sequence[Mention], cast: Cast | None = None
) -> tuple[list[Character], list[Mention]]:
    """Merge aliases: return the characters (most mentioned first) and the re-labelled mentions.

    Examples
    --------
    >>> from graphkit.document import build_document
    >>> from graphkit.mentions import discover_mentions
    >>> doc = build_document("They say Spike Jonze made it. Jonze left with Sofia Coppola; Coppola stayed.")
    >>> chars, _ = merge_characters(doc, discover_mentions(doc).mentions)
    >>> [(c.id, c.aliases, c.mentions) for c in chars]
    [('Sofia Coppola', ('Coppola',), 2), ('Spike Jonze', ('Jonze',), 2)]
    """
    counts = Counter(m.character for m in mentions)
    kinds = {m.character: m.kind for m in mentions}
    pairs = role_pairs(doc, mentions)
    if cast is not None:
        parent: dict[str, str] = {}
        cast_kind = {e.name: e.kind for e in cast.entries}
        cast_work = {e.name: e.work for e in cast.entries}
    else:
        genders = _pronoun_genders(doc, mentions)
        parent = _alias_parents(counts, kinds, {frozenset(p) for p in pairs}, genders)
        cast_kind, cast_work = {}, {}

    if cast is None:
        # Each character is shown under its label (see _label), not the form it was merged into.
        forms: dict[str, Counter] = defaultdict(Counter)
        for key, n in counts.items():
            forms[_root(key, parent)][key] += n
        honorifics = word_table("honorifics.txt")
        names = {root: _label(f, honorifics) for root, f in forms.items()}
        parent = {key: names[_root(key, parent)] for key in counts}
        parent = {k: v for k, v in parent.items() if k != v}
    relabelled = [
        m
        if m.character not in parent
        else Mention(m.start, m.end, m.text, parent[m.character], m.kind, m.sentence)
        for m in mentions
    ]
    people = {_root(actor, parent) for _, actor in pairs}
    people |= {_root(p, parent) for p in _people_before_works(doc, relabelled)}
    roles = {_root(role, parent) for role, _ in pairs}

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
        kind = cast_kind.get(cid) or ("work" if ms[0].kind == "work" else "character")
        if cast is None and kind == "character" and cid in people and cid not in roles:
            kind = "person"
        characters.append(
            Character(
                id=cid,
                label=cid,
                kind=kind,
                aliases=tuple(sorted({m.text for m in ms} - {cid})),
                mentions=len(ms),
                first_seen=int(raw_first[cid]),
                work=cast_work.get(cid),
            )
        )
    characters.sort(key=lambda c: (-c.mentions, c.id))
    return characters, relabelled
