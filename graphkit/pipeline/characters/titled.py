"""Titled forms joining the full name they stand for: "Miss Smith" is "Harriet Smith".

Run after the first alias pass (:func:`graphkit.pipeline.characters._alias_parents`),
on the clusters it made.  Three rules, each checked against the sex of the
cluster (the titles inside it, else the pronouns after its single-word forms):

* **title + full name** joins the full name: "Mr. Frank Churchill" is "Frank
  Churchill" (not when the sexes differ: "Mrs. John Knightley" is not "John
  Knightley"; pronouns are read only for a title a wife bears with her
  husband's name, so "Lady Brett Ashley" is "Brett Ashley" whatever "he" a
  first-person narration puts after "Brett");
* **title + surname** joins the one cluster holding a full name of that
  surname and of the title's sex: "Miss Smith" -> "Harriet Smith",
  "Mr. Churchill" -> "Frank Churchill"; "Mrs." + surname never joins a
  cluster the text also calls "Miss" (the mother, not the daughter).  It never joins a cluster named less often than the titled form
  itself: a "Mr. Knightley" used four times as often as "John Knightley" is
  the head of the family, not the younger brother.  "Miss" + surname among
  several women of that surname is the eldest daughter: not one the text
  calls "Miss" + her first name (the younger sisters' form, "Miss Lydia"),
  and of the others the one named in two thirds of their uses ("Miss Lucas"
  is Charlotte, not Maria Lucas); when every woman of that surname is a
  younger sister, the woman named by her first name alone whom the narrator
  alternates with it from sentence to sentence
  (:func:`~graphkit.pipeline.characters.eldest.unnamed_eldest`: "Miss
  Bennet" is Jane, whose full name is never written); "Mr." (a form of address for a man) + surname among
  several men of that surname is the one holding two thirds of their uses,
  when he is named :data:`_HEAD` times as often as the titled form and no
  man of the name is only ever titled ("Mr. Sholto" is Thaddeus Sholto, not
  his brother Bartholomew; "Mrs." + surname is never a daughter);
* **title + first name** joins the cluster of that first name when the word
  is no one's surname: "Miss Elizabeth" -> "Elizabeth", "Mrs. Rachel" ->
  "Rachel Lynde", and never a cluster named less often than the titled form
  ("Lady Catherine" is not "Kitty");
* in rule 2 (title + surname), a titled form whose cluster gives the surname a
  first name ("Mr. Thomas Traddles") joins only a full name of the same first
  name, a nickname read as its full form (``data/nicknames.csv``): "Tommy
  Traddles" is Thomas, "Diana Barry" is not "Miss Josephine Barry";
* **title + full name without the full name** ("Mr. Thomas Marvel", where the
  text never writes "Thomas Marvel") joins "Mr. Marvel" when no other first
  name comes with that title and surname.

A title + surname written "young" now and then ("the young Princess
Shtcherbatskaya") but mostly plain names two people: the plain form is the
elder and does not join a cluster the text also marks "young" (the
daughter, "the young Princess Kitty Shtcherbatskaya").

In the surname rule, "the titled form itself" means more than twice as often
(:data:`_HEAD`); "Miss" + surname joins the one woman of that surname however
often it is used (the guard is for heads of families), and so it joins the
one cluster of that surname whose sex nothing tells ("Miss Murdstone" 177
times, "Jane Murdstone" 3 and "Jane" 18, heard only in "my dear Jane": "Miss"
names a woman, and the full name is the only one with her surname); and a rank used less
than a tenth as often as the cluster ("Admiral Crawford") joins only a cluster
the text also calls by that rank.

Each join is recorded with its reason (see :data:`REASONS`).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable

from graphkit.io.lexicon import word_table
from graphkit.pipeline.characters.eldest import MISS, eldest_daughter, main_man, unnamed_eldest
from graphkit.pipeline.characters.forest import root_of
from graphkit.pipeline.characters.pronouns import _sex

__all__ = ["join_titled"]

_HEAD = 2  # a titled form used more than twice as often as a full name is the family's head
_RIVAL = 10  # a rival cluster counts when named at least a tenth as often as the titled form
_MISS = MISS
# Forms of address: any man or woman may bear them.  Other titles are ranks ("Admiral").
_ADDRESS = frozenset(
    ("Mr", "Mrs", "Ms", "Mister", "Master", "Mas'r", "Sir", "Madam", "Madame", "Mme", "Monsieur",
     "M", "Lord", "Lady", "Herr", "Frau", "Señor", "Senor", "Señora", "Senora", "Signor",
     "Signora", "Don",
     "Dona", "Doña", "Young", "Old", "Little", *_MISS)
)  # fmt: skip
_WIFE_TITLES = frozenset(("Mrs", "Lady", "Madame", "Mme", "Frau", "Señora", "Senora"))
# Titles a wife bears with her husband's full name ("Mrs. John Knightley"); "Lady" + a full
# name is the lady's own ("Lady Brett Ashley", "Lady Catherine de Bourgh").
_HUSBANDS_NAME = _WIFE_TITLES - {"Lady"}

REASONS = {
    "full": "title + full name",
    "surname": "title + surname of the one full name of that sex",
    "first": "title + first name",
    "short": "title + full name, for the one title + surname",
}


def _cluster_sex(
    forms: list[str],
    counts: Counter,
    votes: dict[str, tuple[int, int]],
    title_of: dict[str, str | None],
    honorifics: dict[str, str],
) -> str | None:
    """``"m"``, ``"f"`` or ``None``: the titles in a cluster, else its pronouns."""
    titled = Counter()
    he = she = 0
    for f in forms:
        t = title_of.get(f)
        if t:
            s = honorifics.get(t) or honorifics.get(t.rstrip("."))
            if s in ("m", "f"):
                titled[s] += counts[f]
        else:
            first = f.split()[0]
            v = votes.get(first) if first in counts or " " not in f else None
            if v:
                he, she = he + v[0], she + v[1]
    if titled and len(titled) == 1:
        return next(iter(titled))
    if titled:
        (a, na), (b, nb) = titled.most_common(2)
        if na >= 4 * nb:
            return a
    return _sex(he, she)


def _married_miss(key: str, forms: list[str], title_of: dict[str, str | None]) -> bool:
    """Whether ``key`` is "Mrs." + surname and ``forms`` hold a "Miss": mother, not daughter."""
    return (title_of[key] or "").rstrip(".") in _WIFE_TITLES and any(
        (title_of.get(f) or "").rstrip(".") in ("Miss", "Mademoiselle", "Mlle") for f in forms
    )


def _elder(key: str, forms: list[str], young: Counter, counts: Counter) -> bool:
    """Whether ``key`` is the elder of two bearers of one name and ``forms`` the younger.

    The text writes "the young Princess Shtcherbatskaya" now and then, and
    "Princess Shtcherbatskaya" mostly: two women, and the plain form is the
    mother.  So a form the text marks "young" at least once but in less than
    half its uses does not join a cluster holding another form so marked.

    Examples
    --------
    >>> young = Counter({"Princess S": 1, "Princess Kitty S": 1})
    >>> counts = Counter({"Princess S": 8, "Princess Kitty S": 1, "Kitty S": 5})
    >>> _elder("Princess S", ["Kitty S", "Princess Kitty S"], young, counts)
    True
    >>> _elder("Princess S", ["Kitty S"], young, counts)
    False
    """
    if not young.get(key) or young[key] * 2 >= counts[key]:
        return False
    return any(young.get(f) for f in forms if f != key)


def _first_names(forms: list[str], surname: str, title_of: dict[str, str | None]) -> set[str]:
    """The first names ``forms`` give ``surname``: "Josephine" from "Miss Josephine Barry"."""
    out = set()
    for f in forms:
        words = f.split()[1:] if title_of.get(f) else f.split()
        if len(words) == 2 and words[1] == surname:
            out.add(words[0])
    return out


def _same_first(mine: set[str], theirs: set[str]) -> bool:
    """Whether two sets of first names share one, a nickname read as its full form.

    "Tommy Traddles" and "Mr. Thomas Traddles" share a surname and a first name
    (``data/nicknames.csv``: Tommy is Thomas); "Diana" and "Josephine" do not.

    Examples
    --------
    >>> _same_first({"Thomas"}, {"Tommy"}), _same_first({"Josephine"}, {"Diana"})
    (True, False)
    """
    nick = word_table("nicknames.csv")
    return bool({nick.get(n, n) for n in mine} & {nick.get(n, n) for n in theirs})


def _no_rivals(
    cands: set[str],
    members: dict[str, list[str]],
    words: list[str],
    title_of: dict[str, str | None],
) -> set[str]:
    """``cands`` without the clusters that are only ``words`` (a title and a surname) with a
    first name another candidate bears: "Mr. Thomas Traddles" is "Tommy Traddles".

    Examples
    --------
    >>> members = {"Mr. Thomas T": ["Mr. Thomas T"], "Tommy T": ["Tommy T", "T"]}
    >>> sorted(_no_rivals(set(members), members, ["Mr.", "T"], {"Mr. Thomas T": "Mr."}))
    ['Tommy T']
    """
    mr, surname = f"{words[0]} ", f" {words[1]}"
    only = {
        r: _first_names(members[r], words[1], title_of)
        for r in cands
        if all(f.startswith(mr) and f.endswith(surname) for f in members[r])
    }
    if not only:
        return cands
    others = [_first_names(members[o], words[1], title_of) for o in cands - only.keys()]
    return {r for r in cands if r not in only or not any(_same_first(only[r], o) for o in others)}


def join_titled(
    counts: Counter,
    parent: dict[str, str],
    votes: dict[str, tuple[int, int]],
    honorifics: dict[str, str],
    blocked: set[frozenset[str]],
    kinds: dict[str, str],
    reasons: dict[str, str] | None = None,
    young: Counter | None = None,
    sentences: Callable[[], dict[str, list[int]]] | None = None,
) -> dict[str, str]:
    """Add the joins of titled forms to ``parent`` (form -> form it joins) and return it.

    ``young`` counts, for each form, its mentions written with "young" before it
    ("the young Princess Shtcherbatskaya"): see the module docstring.  ``sentences`` gives
    each form's sentences (made once, if a "Miss" + surname needs them).

    Examples
    --------
    >>> h = {"Miss": "f", "Mr.": "m", "Mrs.": "f"}
    >>> counts = Counter({"Harriet": 50, "Harriet Smith": 5, "Miss Smith": 9,
    ...                   "Mr. Frank Churchill": 4, "Frank Churchill": 20, "Mr. Churchill": 3})
    >>> votes = {"Harriet": (0, 6)}
    >>> p = join_titled(counts, {"Harriet Smith": "Harriet"}, votes, h, set(), {})
    >>> sorted(p.items())  # doctest: +NORMALIZE_WHITESPACE
    [('Harriet Smith', 'Harriet'), ('Miss Smith', 'Harriet'),
     ('Mr. Churchill', 'Frank Churchill'), ('Mr. Frank Churchill', 'Frank Churchill')]
    """
    reasons = reasons if reasons is not None else {}

    def root(k: str) -> str:
        return root_of(k, parent)

    title_of: dict[str, str | None] = {}
    for key in counts:
        words = key.split()
        t = words[0] if len(words) > 1 else None
        title_of[key] = t if t and (t in honorifics or t.rstrip(".") in honorifics) else None

    def clusters() -> dict[str, list[str]]:
        out: dict[str, list[str]] = defaultdict(list)
        for k in counts:
            out[root(k)].append(k)
        return out

    def sex_of(r: str, members: dict[str, list[str]]) -> str | None:
        return _cluster_sex(members[r], counts, votes, title_of, honorifics)

    def title_sex(key: str) -> str:
        t = title_of[key] or ""
        return honorifics.get(t) or honorifics.get(t.rstrip(".")) or "-"

    def join(key: str, target: str, why: str) -> None:
        a, b = root(key), root(target)
        if a == b or frozenset((key, target)) in blocked or frozenset((a, b)) in blocked:
            return
        parent[a] = b
        reasons[a] = REASONS[why]
        members[b].extend(members.pop(a, ()))  # kept up to date: no recount after a join

    people = [k for k in counts if kinds.get(k) != "work"]
    # 1. "Mr. Frank Churchill" -> "Frank Churchill" (titles not of a wife first: they tell the sex).
    members = clusters()
    order = sorted(people, key=lambda k: ((title_of[k] or "").rstrip(".") in _WIFE_TITLES, k))
    for key in order:
        rest = key.split()[1:]
        if not title_of[key] or len(rest) < 2 or key in parent:
            continue
        full = " ".join(rest)
        if full in counts and title_of.get(full) is None:
            # Only "Mrs." or "Lady" + a full name can name someone else (the husband's name:
            # "Mrs. John Knightley"); pronouns are read for those, titles for all.
            wife = title_of[key].rstrip(".") in _HUSBANDS_NAME
            sex = _cluster_sex(
                members[root(full)], counts, votes if wife else {}, title_of, honorifics
            )
            if title_sex(key) in ("-", sex) or sex is None:
                join(key, full, "full")
    # Full names by surname and by first name (their clusters), for rules 2 and 3.
    by_surname: dict[str, set[str]] = defaultdict(set)
    by_first: dict[str, set[str]] = defaultdict(set)
    for key in people:
        words = key.split()
        if title_of[key]:
            words = words[1:]
        if len(words) < 2:
            continue  # no full name (checked first: most forms are one word)
        if any(w in honorifics or w.rstrip(".") in honorifics for w in words):
            continue  # "Miss Woodhouse Miss Taylor": two names glued, no one's full name
        by_surname[words[-1]].add(root(key))
        by_first[words[0]].add(root(key))
    # 2. "Miss Elizabeth" -> "Elizabeth" (a first name that is no one's surname); first, so
    # that its titles tell the sex of the cluster for rule 3.
    for key in sorted(people, key=lambda k: (-counts[k], k)):
        words = key.split()
        if not title_of[key] or len(words) != 2 or key in parent:
            continue
        first = words[1]
        if first in by_surname or title_of.get(first):
            continue
        if first in counts:
            if first not in by_first and len(members[root(first)]) == 1:
                continue  # a lone word nobody uses as a first name: maybe a surname
            target = root(first)
        elif len(by_first.get(first, ())) == 1:
            target = next(iter(by_first[first]))  # "Mrs. Rachel" -> "Rachel Lynde"
        else:
            continue
        target = root(target)
        sex = sex_of(target, members)
        own = sum(counts[f] for f in members[root(key)])
        size = sum(counts[f] for f in members[target])
        if sex is not None and title_sex(key) in (sex, "-") and size >= own:
            join(key, target, "first")
    # 3. "Miss Smith" -> the cluster of "Harriet Smith"; the most used forms first, so that
    # "Mr. Denham" tells the sex of "Ralph Denham" before "Mrs. Denham" is read.
    for key in sorted(people, key=lambda k: (-counts[k], k)):
        words = key.split()
        if not title_of[key] or len(words) != 2 or key in parent:
            continue
        sex = title_sex(key)
        if sex == "-":
            continue
        cands = {root(r) for r in by_surname.get(words[1], ())} - {root(key)}
        # "Mr. Thomas Traddles" alone (this title and surname with a first name, rule 4) is
        # no rival of "Tommy Traddles": the same first name.
        if len(cands) > 1:  # most titled forms have one candidate or none: nothing to read
            cands = _no_rivals(cands, members, words, title_of)
        size = {r: sum(counts[f] for f in members[r]) for r in cands}
        own = sum(counts[f] for f in members[root(key)])
        # A full name used twice does not compete with a titled form used a hundred times.
        cands = {r for r in cands if size[r] * _RIVAL >= own}
        same = [r for r in cands if sex_of(r, members) == sex]
        top = max((size[r] for r in same), default=0)
        unknown = [r for r in cands if sex_of(r, members) is None and size[r] * _RIVAL >= top]
        target = None
        miss = title_of[key].rstrip(".") in _MISS
        if len(same) == 1 and not unknown:
            target = same[0]
        elif not same and len(unknown) == 1 and len(cands) == 1:
            target = unknown[0]
        elif miss and len(same) > 1 and not unknown:
            target = eldest_daughter(words[1], same, members, size, title_of)  # "Miss Lucas"
            if target is None and sentences is not None:  # "Miss Bennet", never "Jane Bennet"
                lone = [r for r, fs in members.items() if r != root(key) and sex_of(r, members) == "f"
                        and all(" " not in f and not title_of.get(f) for f in fs)]  # fmt: skip
                target = unnamed_eldest(key, same, lone, members, title_of, sentences())
                if target is not None:
                    size[target] = sum(counts[f] for f in members[target])
        elif (
            len(same) > 1
            and not unknown
            and sex == "m"
            and title_of[key].rstrip(".") in _ADDRESS
            # not when a man of the name is only ever titled ("Mr. Thomas Barry", rule 4's)
            and not any(all(title_of.get(f) for f in members[r]) for r in same)
        ):
            target = main_man(same, size, own, _HEAD)  # "Mr. Sholto": Thaddeus, not Bartholomew
        if target is None or _married_miss(key, members[target], title_of):
            continue
        if _elder(key, members[target], young or Counter(), counts):
            continue
        theirs = _first_names(members[target], words[1], title_of)
        mine = _first_names(members[root(key)], words[1], title_of)
        if mine and theirs and not _same_first(mine, theirs):
            continue  # "Miss Barry", once "Miss Josephine Barry", is not Diana Barry
        # "Miss Crawford", the one woman of her name, however often the text titles her; and
        # "Miss Murdstone", when "Jane Murdstone" is the one full name of hers (sex untold).
        daughter = miss and (len(same) == 1 or not same)
        # "Mrs. Lynde" is "Rachel Lynde" (no "Miss" in that cluster: checked above).
        wife = title_of[key].rstrip(".") in _WIFE_TITLES and size[target] * _RIVAL >= own
        # "Admiral Crawford" (4 uses) is not Henry Crawford (190), whom the text never calls
        # admiral: a rank given that rarely is a relative's.
        rank = (
            title_of[key].rstrip(".") not in _ADDRESS
            and own * _RIVAL < size[target]
            and not any(title_of.get(f) == title_of[key] for f in members[target])
        )
        if (size[target] * _HEAD >= own or daughter or wife) and not rank:
            join(key, target, "surname")
    # 4. "Mr. Thomas Marvel" is "Mr. Marvel" when the text never writes "Thomas Marvel" and
    # gives that title and surname no other first name.
    triples: Counter = Counter()
    for key in people:
        words = key.split()
        if title_of[key] and len(words) == 3:
            triples[words[0], words[2]] += 1
    for key in sorted(people, key=lambda k: (-counts[k], k)):
        words = key.split()
        if not title_of[key] or len(words) != 3 or " ".join(words[1:]) in counts:
            continue
        short = f"{words[0]} {words[2]}"
        theirs = _first_names(members[root(short)], words[2], title_of) if short in counts else {""}
        if triples[words[0], words[2]] == 1 and (not theirs or _same_first({words[1]}, theirs)):
            join(key, short, "short")
    return parent
