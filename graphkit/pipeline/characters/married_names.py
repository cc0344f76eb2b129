"""A married name, "Mrs. Collins", is the woman the text says married Mr. Collins.

A woman changes her name when she marries: the "Charlotte" of the first
chapters is "Mrs. Collins" after her wedding, and without this rule she is two
characters.  The text ties the two names in words: "Charlotte, the wife of
Mr. Collins", "a marriage between Mr. Wickham and our poor Lydia".  So a
cluster of names (after the other alias rules) is joined to a woman when

* **The married name.**  All its forms are "Mrs." (:data:`MARRIED`) and one
  surname, with or without his first name: "Mrs. Collins", "Mrs. John
  Knightley".
* **His name.**  Exactly one other cluster is a man of that surname (a form
  "Mr. Collins", "Captain Weston" or a full name "William Collins"; for
  "Mrs. John Knightley" a form ending "John Knightley"): a man's title among
  its forms or the pronouns reading "he", and neither a woman's title nor "she".  Two such men ("Mr.
  Knightley", "John Knightley" for a bare "Mrs. Knightley") and it stays.
* **The tie.**  A name of the man and a name of the woman stand side by
  side, joined by words that say they are married or engaged (:data:`_JOINED`:
  "X, the wife of Y", "X was married to Y", "X is engaged to Y", in either
  order), or follow "marriage between" / "marriage of" as "Y and X"
  (:data:`_COUPLED`); between the words and each name only an article, a
  possessive or an epithet ("our poor Lydia").  Base forms ("make Lizzy marry
  Mr. Collins", "if Weston were to marry her") say what may happen, not
  what did, and do not count.
* **One woman.**  Exactly one cluster is so tied to him, not a man (titles,
  pronouns), never called by his surname herself ("Miss Bingley" is his
  sister, and a woman already called "Mrs. Collins" needs no join).
* **Named after.**  Every mention of the married name comes after the first
  sentence tying her to him: a "Mrs. Rushworth" the text names before the
  engagement is someone else, his mother (or an aunt, or a first wife).

Precision first: two women in one node costs more than one woman in two, so
any doubt (two men, two women, an early "Mrs.") leaves the clusters apart.
The merge keeps its reason (``aliases_reason``).

Cheap: ``str.find`` of a few keywords ("married", "wife") finds the few
joining phrases, the pattern runs only there; the names on either side are
found by bisection in the sorted mentions, and only texts with a "Mrs." form
and a tie get that far.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter, defaultdict
from collections.abc import Sequence
from operator import attrgetter

from graphkit.model import Document, Mention
from graphkit.pipeline.characters.forest import root_of
from graphkit.pipeline.characters.pronouns import _sex, _split, _title_sex

__all__ = ["MARRIED", "join_married_names"]

#: Titles that name a woman by her husband's name.
MARRIED = ("Mrs.", "Mrs")

_DET = r"(?:(?:a|the|our|my|your|his|her|their|dear|poor|little|young)\s+)*"
#: The words that say two names are (or are to be) married, found first: a keyword ...
_PHRASES = re.compile(
    r"(?:(?P<verb>married|wedded|engaged|betrothed)(?:\s+(?:to|with))?"
    r"|(?P<noun>wife|bride|widow|husband|betrothed)\s+of"
    r"|(?P<coupled>[Mm]arriage|[Ww]edding|[Ee]ngagement)\s+(?:between|of))\s+"
)
#: ... and what may stand between the first name and it: "X, who was married to Y",
#: "X, the wife of Y" (a line break is a space).
_AUX = re.compile(
    r",?\s+(?:(?:who|that)\s+)?(?:(?:is|was|were|has|have|had|been|being|now|then|at\s+last|"
    r"lately|secretly|already|just)\s+)*"
)
_THE = re.compile(r",?\s+(?:(?:now|then)\s+)?the\s+")
#: What :data:`_PHRASES` starts with (less its first letter where a capital may stand).
_KEYS = ("married", "wedded", "engaged", "betrothed", "wife", "bride", "widow", "husband")
_KEYS_CAP = ("arriage", "edding", "ngagement")


def _phrases(text: str) -> list[re.Match[str]]:
    """The matches of :data:`_PHRASES` in ``text`` that start a word, in text order.

    ``str.find`` for each keyword, then the pattern only where one stands: a
    pattern of many alternatives run over a whole novel costs ten times more.
    """
    at: set[int] = set()
    for keys, back in ((_KEYS, 0), (_KEYS_CAP, 1)):
        for key in keys:
            i = text.find(key)
            while i >= 0:
                at.add(i - back)
                i = text.find(key, i + 1)
    out = []
    for i in sorted(at):
        if i < 0 or (i > 0 and text[i - 1].isalnum()):
            continue
        if m := _PHRASES.match(text, i):
            out.append(m)
    return out


_LEAD = re.compile(_DET)
_AND = re.compile(r"\s+and\s+")


def _ties(doc: Document, mentions: Sequence[Mention]) -> dict[frozenset[str], int]:
    """Pairs of surface forms the text joins as spouses, with the first sentence that does.

    Examples
    --------
    >>> from graphkit.pipeline.document import build_document
    >>> doc = build_document("Ann, the wife of Mr. Bell, came. A marriage between Tom and poor Sue.")
    >>> t = doc.text
    >>> ms = [Mention(t.find(w), t.find(w) + len(w), w, w, "character", s)
    ...       for w, s in (("Ann", 0), ("Mr. Bell", 0), ("Tom", 1), ("Sue", 1))]
    >>> sorted((sorted(p), s) for p, s in _ties(doc, ms).items())
    [(['Ann', 'Mr. Bell'], 0), (['Sue', 'Tom'], 1)]
    """
    text = doc.text
    hits = _phrases(text)
    if not hits:
        return {}
    ordered = sorted(mentions, key=attrgetter("start"))  # in text order already: one pass
    starts = list(map(attrgetter("start"), ordered))
    out: dict[frozenset[str], int] = {}

    def after(pos: int) -> Mention | None:
        i = bisect_left(starts, pos)
        if i < len(ordered) and _LEAD.fullmatch(text[pos : ordered[i].start]):
            return ordered[i]
        return None

    for hit in hits:
        if not hit["coupled"]:
            j = bisect_left(starts, hit.start()) - 1  # the name just before the words
            x = ordered[j] if j >= 0 and ordered[j].end < hit.start() else None
            left = _AUX if hit["verb"] else _THE
            if x is not None and not left.fullmatch(text[x.end : hit.start()]):
                x = None
            y = after(hit.end())
        else:
            x = after(hit.end())
            if x is None:
                continue
            gap = _AND.match(text[x.end : x.end + 60])
            y = after(x.end + gap.end()) if gap else None
        if x is None or y is None or x.character == y.character or x.sentence != y.sentence:
            continue
        pair = frozenset((x.character, y.character))
        out[pair] = min(out.get(pair, x.sentence), x.sentence)
    return out


def join_married_names(
    doc: Document,
    mentions: Sequence[Mention],
    counts: Counter,
    parent: dict[str, str],
    honorifics: dict[str, str],
    kinds: dict[str, str],
    votes: dict[str, tuple[int, int]],
    blocked: set[frozenset[str]],
    reasons: dict[str, str],
) -> dict[str, str]:
    """Join each married name to the one woman the text marries to its man (module docstring).

    Examples
    --------
    >>> from graphkit.pipeline.document import build_document
    >>> text = ("Charlotte Lucas smiled. Charlotte, the wife of Mr. Collins, was content. "
    ...         "Mrs. Collins poured the tea. Mr. Collins spoke.")
    >>> doc = build_document(text)
    >>> forms = [("Charlotte Lucas", 0), ("Charlotte", 1), ("Mr. Collins", 1),
    ...          ("Mrs. Collins", 2), ("Mr. Collins", 3)]
    >>> ms, at = [], 0
    >>> for w, s in forms:
    ...     at = text.find(w, at)
    ...     ms.append(Mention(at, at + len(w), w, w, "character", s)); at += len(w)
    >>> counts = Counter(m.character for m in ms)
    >>> hon = {"Mr.": "m", "Mrs.": "f"}
    >>> join_married_names(doc, ms, counts, {"Charlotte": "Charlotte Lucas"}, hon, {}, {}, set(), {})
    {'Charlotte': 'Charlotte Lucas', 'Mrs. Collins': 'Charlotte Lucas'}
    """
    married = [k for k in counts if _split(k, honorifics)[0] in MARRIED and kinds.get(k) != "work"]
    if not married:
        return parent
    ties = _ties(doc, mentions)
    if not ties:
        return parent
    clusters: dict[str, list[str]] = defaultdict(list)
    for key in counts:
        if kinds.get(key) != "work":
            clusters[root_of(key, parent)].append(key)
    by_surname: dict[str, set[str]] = defaultdict(set)  # clusters with a form ending so
    for r, fs in clusters.items():
        for f in fs:
            title, words = _split(f, honorifics)
            if len(words) >= (1 if title else 2):
                by_surname[words[-1]].add(r)
    first: dict[str, int] = {}  # each married form's first sentence, made when first needed
    # Ties between clusters, earliest sentence kept.
    tied: dict[str, dict[str, int]] = defaultdict(dict)
    for pair, s in ties.items():
        a, b = (root_of(k, parent) for k in pair)
        if a == b:
            continue
        for one, other in ((a, b), (b, a)):
            tied[one][other] = min(tied[one].get(other, s), s)

    def sexes(root: str) -> set[str]:
        return {_title_sex(f, honorifics) for f in clusters[root]} - {"-"}

    def pronoun_sex(root: str) -> str | None:
        he = sum(votes.get(f, (0, 0))[0] for f in clusters[root])
        she = sum(votes.get(f, (0, 0))[1] for f in clusters[root])
        return _sex(he, she)

    parent = dict(parent)
    roots = {root_of(k, parent) for k in married}
    for root in sorted(roots):
        forms = clusters.get(root, [])
        split = [_split(f, honorifics) for f in forms]
        if not forms or any(t not in MARRIED for t, _ in split):
            continue  # a married name only: not merged with a given name already
        tails = {tuple(w) for _, w in split}
        if len({t[-1] for t in tails}) != 1:
            continue
        (surname,) = {t[-1] for t in tails}
        given = max(tails, key=len)[:-1]  # "Mrs. John Knightley": his first name
        men = [
            r
            for r in sorted(by_surname.get(surname, ()))
            if r != root
            and "f" not in sexes(r)
            and ("m" in sexes(r) or pronoun_sex(r) == "m")
            and pronoun_sex(r) != "f"
            and any(_his(f, surname, given, honorifics) for f in clusters[r])
        ]
        if len(men) != 1:
            continue
        (man,) = men
        women = [
            w
            for w in tied.get(man, ())
            if w != root
            and w in clusters
            and "m" not in sexes(w)
            and pronoun_sex(w) != "m"
            and not any(_split(f, honorifics)[1][-1:] == [surname] for f in clusters[w])
        ]
        if len(women) != 1:
            continue
        (woman,) = women
        since = tied[man][woman]
        if not first:
            wanted = set(married)
            for m in mentions:
                if m.character in wanted and m.sentence < first.get(m.character, m.sentence + 1):
                    first[m.character] = m.sentence
        named = min(first.get(f, -1) for f in forms)
        if named <= since or frozenset((root, woman)) in blocked:
            continue  # named before the tie: someone else ("Mrs. Rushworth", his mother)
        parent[root] = woman
        reasons[root] = (
            f"married name: the text ties her to {man} (sentence {since}), named so only after"
        )
        clusters[woman].extend(forms)
    return parent


def _his(form: str, surname: str, given: tuple[str, ...], honorifics: dict[str, str]) -> bool:
    """Whether ``form`` names a man of ``surname`` (and of the first name ``given``, if any).

    Examples
    --------
    >>> hon = {"Mr.": "m", "Mrs.": "f"}
    >>> _his("Mr. Collins", "Collins", (), hon), _his("Collins", "Collins", (), hon)
    (True, False)
    >>> _his("John Knightley", "Knightley", ("John",), hon), _his("Mr. Knightley", "Knightley", ("John",), hon)
    (True, False)
    """
    title, words = _split(form, honorifics)
    if title is not None and _title_sex(form, honorifics) == "f":
        return False
    if words[-1:] != [surname] or (title is None and len(words) < 2):
        return False
    return not given or tuple(words[-1 - len(given) : -1]) == given
