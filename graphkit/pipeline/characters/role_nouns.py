"""A rank used as a name, "the princess", is the titled bearer the text named last.

*Anna Karenina* calls Kitty's mother "the princess" 147 times and "Princess
Shtcherbatskaya" eight: without this she is nearly absent from the graph.
A rank (a title of ``data/honorifics.txt`` that is not a form of address such
as "Mr." or "Miss", nor "Saint") is read as a name only in a text that also
names people with it :data:`_MIN_TITLED` times or more, and at least once
every :data:`_PER_CHARS` characters ("Princess Betsy", "Princess Varvara":
111 times in *Anna Karenina*; "General" in *Les Misérables*, 24 times in
3.2 million characters, is not), and only when the text uses
"the <rank>" (in lower case or capitalised, "the old princess") at least
:data:`_MIN_USES` times.  Each such use that no detected name covers becomes
a mention of the character of the nearest "<Rank> X" before it, when that
mention is at most :data:`_WINDOW` characters back (the same scene); with no
such bearer in reach the use is left alone.  "The old prince" (or "the young
prince") is the one bearer the text calls "the old Prince X", wherever he
was named last, when there is exactly one; and a plain "the prince" with no
bearer named in reach is the one the last "the old prince" in reach stood for
(his scene goes on: a father the text titles with his surname four times may
be "the old prince" thirty times).  So "the princess" is Princess
Shtcherbatskaya in her scenes and Princess Betsy in Betsy's, a cheap
coreference that never makes a new character.

A definite description names the bearer the scene makes salient, and her
family makes her so: in a scene of the Shtcherbatskys ("Kitty", whom the text
also calls "Kitty Shtcherbatskaya", or her father "Prince Shtcherbatsky"),
"the princess" is their princess, though the text wrote her own name pages
ago.  So a family member's mention counts as a mention of the one bearer of
the rank with that surname (:func:`_family`: the same last word, or its
masculine form, "Shtcherbatskaya" -> "Shtcherbatsky", "Karenina" ->
"Karenin"), and each use goes to the bearer whose own mention or family
member's comes last, within :data:`_WINDOW` (a bearer named so :data:`_KNOWN`
times at least: not a passing aunt); not "the young princess",
who in her family's scene is the daughter.

Cheap: a few literal searches (``str.find``) for the ranks the text uses as
titles that often (four in *Anna Karenina*, none in *Les Misérables*), and
one pass over the mentions.
"""

from __future__ import annotations

from bisect import bisect_right, insort
from collections import Counter
from collections.abc import Sequence

from graphkit.model import Document, Mention
from graphkit.pipeline.document import sentence_index

__all__ = ["resolve_role_nouns"]

_MIN_USES = 20
_WINDOW = 20_000
_MIN_TITLED = 20  # uses of "<Rank> X" forms before a rank is read as a name
_PER_CHARS = 100_000  # and at least once every 100,000 characters (about 17,000 words)
_KNOWN = 5  # uses of "<Rank> <her surname>" before her family's scenes are hers
_AGE_LEAD = frozenset(("the", "The", "old", "young"))
_NOT_RANKS = frozenset(("Saint", "St.", "St", "Ste."))  # "Saint-Denis" names places


def _family(word: str) -> str:
    """A surname in its masculine singular form: one key for a family's men, women and plural.

    Russian surnames take "-aya" for "-y" ("Shtcherbatskaya", "Tverskaya") and
    add "-a" to "-in", "-ov", "-ev" ("Karenina", "Ivanova"); a family is also
    named in the plural ("the Shtcherbatskys").

    Examples
    --------
    >>> [_family(w) for w in ("Shtcherbatskaya", "Shtcherbatskys", "Karenina", "Bennet")]
    ['Shtcherbatsky', 'Shtcherbatsky', 'Karenin', 'Bennet']
    """
    if word.endswith("aya"):
        return word[:-3] + "y"
    if word.endswith(("ina", "ova", "eva")):
        return word[:-1]
    if word.endswith("ys"):
        return word[:-1]
    return word


def _uses(text: str, rank: str) -> list[tuple[int, int, str]]:
    """``(start, end, surface)`` of "the <rank>" and "the old/young <rank>", any case of T and R.

    Two literal searches (the rank in lower case and capitalised); the words
    before each hit are looked at only there.

    Examples
    --------
    >>> _uses("The old princess and the Princess Betsy; in general the princess.", "Princess")
    [(0, 16, 'The old princess'), (21, 33, 'the Princess'), (52, 64, 'the princess')]
    """
    out = []
    for word in (rank.lower(), rank):
        n = len(word)
        i = text.find(word)
        while i >= 0:
            j = i + n
            after = text[j : j + 1]
            if not (after.isalnum() or after == "'") and not text[i - 1 : i].isalnum():
                before = text[max(0, i - 10) : i]
                for lead in ("the ", "the old ", "the young "):
                    if before.endswith(lead) or before.endswith(lead.capitalize()):
                        start = i - len(lead)
                        if not text[start - 1 : start].isalnum():
                            out.append((start, j, text[start:j]))
                        break
            i = text.find(word, j)
    out.sort()
    return out


def _with_families(
    bearers: list[Mention], mentions: Sequence[Mention], surnames: dict[str, set[str]]
) -> list[Mention]:
    """``bearers`` and the mentions of their families, each relabelled as its family's bearer.

    A bearer's family is the characters named with her surname (:func:`_family`)
    when she is the only bearer of the rank with it and the text names her so
    :data:`_KNOWN` times or more (Anna's old aunt, "Princess Oblonskaya" twice,
    is a passing figure, not the princess of Stiva Oblonsky's scenes); ``surnames`` maps a family key to
    the characters named with it.  Sorted by position.

    Examples
    --------
    >>> b = [Mention(0, 22, "Princess Shtcherbatskaya", "P S", "character", 0)] * 5
    >>> kitty = Mention(40, 45, "Kitty", "Kitty", "character", 1)
    >>> out = _with_families(b, [*b, kitty], {"Shtcherbatsky": {"P S", "Kitty"}})
    >>> len(out), out[-1].start, out[-1].character
    (6, 40, 'P S')
    >>> len(_with_families(b[:4], [*b[:4], kitty], {"Shtcherbatsky": {"P S", "Kitty"}}))
    4
    """
    holders: dict[str, Counter] = {}
    for m in bearers:
        holders.setdefault(_family(m.text.rsplit(" ", 1)[1]), Counter())[m.character] += 1
    kin: dict[str, str] = {}
    for key, who in holders.items():
        if len(who) == 1 and sum(who.values()) >= _KNOWN:
            bearer = next(iter(who))
            for c in surnames.get(key, ()):
                kin.setdefault(c, bearer)
    mine = {m.character for m in bearers}
    kin = {c: b for c, b in kin.items() if c not in mine}  # a bearer is her own
    if not kin:
        return bearers
    out = list(bearers)
    out += [
        Mention(m.start, m.end, m.text, kin[m.character], m.kind, m.sentence)
        for m in mentions
        if m.character in kin
    ]
    out.sort(key=lambda m: m.start)
    return out


def resolve_role_nouns(
    doc: Document,
    mentions: Sequence[Mention],
    honorifics: dict[str, str],
    address: frozenset[str],
    forms: Counter | None = None,
) -> list[Mention]:
    """``mentions`` with "the <rank>" uses added as mentions of the rank's bearer named last.

    ``address`` holds the titles that are forms of address, never read as names;
    ``forms`` counts the mentions of each surface form before merging (made
    from ``mentions`` when not given).

    Examples
    --------
    >>> from graphkit.pipeline.document import build_document
    >>> text = "Princess Betsy came in. " + "Then the princess sat down. " * 20
    >>> doc = build_document(text)
    >>> ms = [Mention(0, 14, "Princess Betsy", "Betsy", "character", 0)] * 20
    >>> out = resolve_role_nouns(doc, ms, {"Princess": "f"}, frozenset())
    >>> len(out), out[-1].character, out[-1].text
    (40, 'Betsy', 'the princess')
    """
    forms = forms if forms is not None else Counter(m.text for m in mentions)
    titled: Counter = Counter()
    for key, n in forms.items():  # distinct forms, not every mention: cheap when no rank counts
        w = key.split(" ", 1)[0]
        if w != key and w in honorifics and w.rstrip(".") not in address and w not in _NOT_RANKS:
            titled[w] += n
    least = max(_MIN_TITLED, len(doc.text) // _PER_CHARS)
    ranks = [r for r, n in titled.items() if n >= least]
    if not ranks:
        return list(mentions)
    by_rank: dict[str, list[Mention]] = {r: [] for r in ranks}
    aged: dict[tuple[str, str], set[str]] = {}  # ("old", "Prince") -> who is "the old Prince X"
    surnames: dict[str, set[str]] = {}  # family key of a last word -> characters so named
    for m in mentions:
        if " " in m.text:
            w = m.text.split(" ", 1)[0]
            surnames.setdefault(_family(m.text.rsplit(" ", 1)[1]), set()).add(m.character)
            if w in by_rank:
                by_rank[w].append(m)
            elif w in _AGE_LEAD:
                words = m.text.split()
                age = words[1] if w in ("the", "The") else w
                if age in ("old", "young") and len(words) > 3 - (w == age):
                    aged.setdefault((age, words[2 - (w == age)]), set()).add(m.character)
    text = doc.text
    starts = [m.start for m in mentions]
    added: list[Mention] = []
    for rank in ranks:
        uses = _uses(text, rank)
        if len(uses) < _MIN_USES:
            continue
        own = by_rank[rank]
        scenes = _with_families(own, mentions, surnames)
        own_starts, scene_starts = [m.start for m in own], [m.start for m in scenes]
        found = []
        last_aged = (-_WINDOW - 1, "")  # end and bearer of the last "the old prince" resolved
        for start, end, surface in uses:
            k = bisect_right(starts, start)
            if k and mentions[k - 1].end > start or (k < len(starts) and starts[k] < end):
                continue  # a detected name covers it ("the Princess Varvara")
            age = surface.split()[1]
            who = aged.get((age, rank), ())
            if len(who) == 1:  # "the old prince": the one the text calls "the old Prince X"
                found.append((start, end, surface, next(iter(who))))
                last_aged = (end, found[-1][3])
                continue
            # "The young princess" in her family's scene is the daughter, not its princess.
            bearers, at = (own, own_starts) if age == "young" else (scenes, scene_starts)
            b = bisect_right(at, start) - 1
            if b >= 0 and start - bearers[b].end <= _WINDOW:
                found.append((start, end, surface, bearers[b].character))
            elif age != "young" and start - last_aged[0] <= _WINDOW:
                # No bearer named in reach: "the prince" after "the old prince" is that prince.
                found.append((start, end, surface, last_aged[1]))
        if not found:
            continue
        sentences = sentence_index(doc, [f[0] for f in found]).tolist()
        for (start, end, surface, who), s in zip(found, sentences, strict=True):
            if s >= 0:
                added.append(Mention(start, end, surface, who, "character", s))
    if not added:
        return list(mentions)
    out = list(mentions)
    for m in sorted(added, key=lambda m: m.start):
        insort(out, m, key=lambda x: x.start)  # a few hundred at most: no full sort
    return out
