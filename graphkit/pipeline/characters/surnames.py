"""A bare surname goes to the main bearer of that surname, not to a minor one.

Run last among the alias rules, on the clusters the others made.  The first
alias pass joins a bare surname to the one *full name* the text writes with it
("Oblonsky" -> "Pyotr Oblonsky", written four times), even when the hero of
that surname is named another way (Stepan Arkadyevitch, "Stiva Oblonsky"
once) or only with a title ("Mr. Knightley", while "John Knightley" is his
brother).  So a bare surname already joined to a cluster moves to another
cluster holding a form of that surname (a first name or a title with it:
"Stiva Oblonsky", "Mr. Knightley") when that cluster, without the surname, is
used at least :data:`_MAIN` times as often as the surname's own cluster
without it and at least as often as the bare surname, and is of the sex the
surname's pronouns give (read from the titles in the cluster, else the
pronouns after its single words); a surname whose pronouns do not tell its
sex stays ("Otway": Henry or Cassandra?), and so does a word that is also a
first name ("Maria").  Here pronouns that only lean one way
(:func:`~graphkit.pipeline.characters.pronouns._lean`) tell the sex: a bare
surname is often a vocative ("'Micawber,' said his wife"), after which the
pronoun is the speaker's, so its votes rarely agree two to one.

A surname still alone joins the one cluster holding every form of it (of its
sex, when its pronouns tell): "Jupe", left alone because "Sissy Jupe" and
"Cecilia Jupe" split the first pass's vote, joins them once the diminutive
rule has made them one; read as "she", it is not the father "Signor Jupe".
A surname still alone that several clusters bear, and after which "he"
follows more often than "she" (even once, too few to tell a sex), is a
man's: in narration a bare surname names a man, a woman is titled or given
her first name.  It joins the cluster, of those not read as a woman's, that
holds two thirds of their uses ("Bunting" -> "Mr. Bunting", not "Mrs.
Bunting").  With no "he" after it (and not read as she), it joins so only
when every bearer's sex is known from its titles or pronouns ("Cuthbert" ->
Matthew, "Mr. Cuthbert", not Marilla, "Miss Cuthbert") and the surname is
not a family's name (:func:`family_name`: "Spenlow" stays alone).

Before any of this, the first alias pass asks :func:`family_name` whether a
bare surname is a family's name rather than a person's: titled for men and
for women ("Mr." and "Miss Murdstone") far more often than written after a
first name, and followed by no pronoun that tells a sex ("Murdstone and
Grinby", "the Murdstone blood").  Such a surname joins no full name, neither
as its surname nor as its first name ("Trotwood", the aunt's surname, is not
"Trotwood Copperfield").  A word that opens full names at least twice as often
as it ends them is a first name, and joins none as its surname
(:func:`first_rather`).

Each join is recorded with its reason (:data:`REASON`, :data:`LONE`, :data:`MAN`).
"""

from __future__ import annotations

from collections import Counter, defaultdict

from graphkit.io.lexicon import word_table
from graphkit.pipeline.characters.forest import root_of
from graphkit.pipeline.characters.pronouns import _lean, _sex, _title_sex

__all__ = ["rehome_surnames", "family_name", "first_rather", "REASON", "LONE", "MAN"]

REASON = "surname, for its main bearer (a much more used cluster holding a form of it)"
LONE = "surname, for the one cluster holding every form of it"
MAN = "surname read as he, for the main man of that surname"
_MAIN = 3

_FAMILY = 3  # titled forms used this many times as often as the full names: a family's name


def family_name(
    surname: str,
    counts: Counter,
    votes: dict[str, tuple[int, int]],
    by_surname: dict[str, list[str]],
    titled_by_surname: dict[str, list[str]],
) -> bool:
    """Whether a bare ``surname`` names a family rather than the one full name written with it.

    A surname the text titles for a man and for a woman ("Mr. Murdstone" 103
    times, "Miss Murdstone" 177), far more often (:data:`_FAMILY` times) than
    it writes it after a first name ("Jane Murdstone" 3 times), and whose
    pronouns do not tell a sex, is the name of the family ("the Murdstone
    blood", "Murdstone and Grinby"): it does not go to that full name.  With
    pronouns that tell ("Darcy ... he"), the surname joins its full name as before.

    Examples
    --------
    >>> counts = Counter({"M": 24, "Jane M": 3, "Mr. M": 103, "Miss M": 177})
    >>> titled = {"M": ["Mr. M", "Miss M"]}
    >>> family_name("M", counts, {}, {"M": ["Jane M"]}, titled)
    True
    >>> family_name("M", counts, {"M": (6, 0)}, {"M": ["Jane M"]}, titled)
    False
    """
    titled = titled_by_surname.get(surname)
    if not titled or not by_surname.get(surname):
        return False
    honorifics = word_table("honorifics.txt")
    if not {"m", "f"} <= {_title_sex(t, honorifics) for t in titled}:
        return False
    he, she = votes.get(surname, (0, 0))
    if _sex(he, she) or _lean(he, she, counts[surname]):
        return False
    full = sum(counts[f] for f in by_surname[surname])
    return sum(counts[t] for t in titled) >= _FAMILY * full


def first_rather(
    word: str, counts: Counter, by_surname: dict[str, list[str]], by_first: dict[str, list[str]]
) -> bool:
    """Whether ``word`` is a first name more than a surname: the full names it opens are used
    at least twice as often as those it ends ("Jane Murdstone" 9 times, the lugger "Sarah
    Jane" twice), so it does not join a full name as its surname.

    Examples
    --------
    >>> counts = Counter({"Jane M": 9, "Sarah Jane": 2})
    >>> first_rather("Jane", counts, {"Jane": ["Sarah Jane"]}, {"Jane": ["Jane M"]})
    True
    >>> first_rather("Jane", counts, {"Jane": ["Sarah Jane"]}, {})
    False
    """
    firsts = by_first.get(word)
    if not firsts or not by_surname.get(word):
        return False
    return sum(counts[f] for f in firsts) >= 2 * sum(counts[f] for f in by_surname[word])


def _cluster_sex(
    forms: list[str], honorifics: dict[str, str], votes: dict[str, tuple[int, int]]
) -> str | None:
    """The sex of a cluster: its titles when they agree, else the pronouns after its single words."""
    titles, he, she = set(), 0, 0
    for f in forms:
        w = f.split()[0]
        s = honorifics.get(w) or honorifics.get(w.rstrip("."))
        if " " in f and s in ("m", "f"):
            titles.add(s)
        elif " " not in f:
            a, b = votes.get(f, (0, 0))
            he, she = he + a, she + b
    if len(titles) == 1:
        return next(iter(titles))
    return None if titles else _sex(he, she)


def _main_man(
    surname: str,
    bearers: set[str],
    members: dict[str, list[str]],
    counts: Counter,
    honorifics: dict[str, str],
    votes: dict[str, tuple[int, int]],
) -> str | None:
    """The man a lone bare ``surname`` names, when the pronouns after it say "he" more than
    "she" (even once) but too few times to tell, or tell nothing (then only as the module
    docstring says): of the clusters of that surname not read as
    a woman's (by their titles, else their pronouns), the one holding two thirds of their
    uses ("Bunting" -> "Mr. Bunting", not "Mrs. Bunting"; "Lebrun" -> "Robert", whose own
    pronouns are mixed, over "Victor" and "Monsieur Lebrun", used far less).

    Examples
    --------
    >>> members = {"Mr. B": ["Mr. B"], "Mrs. B": ["Mrs. B"]}
    >>> counts = Counter({"B": 7, "Mr. B": 27, "Mrs. B": 10})
    >>> h = {"Mr.": "m", "Mrs.": "f"}
    >>> _main_man("B", {"Mr. B", "Mrs. B"}, members, counts, h, {"B": (1, 0)})
    'Mr. B'
    >>> _main_man("B", {"Mr. B", "Mrs. B"}, members, counts, h, {"B": (1, 3)}) is None
    True
    """
    he, she = votes.get(surname, (0, 0))
    sexes = {r: _cluster_sex(members[r], honorifics, votes) for r in bearers}
    if he <= she:
        if _lean(he, she, counts[surname]) or None in sexes.values():
            return None  # read as she, or no "he" and a bearer whose sex nothing tells
        forms = [f for r in bearers for f in members[r] if f.split()[-1] == surname and " " in f]
        titled = [
            f for f in forms if f.split()[0] in honorifics or f.split()[0].rstrip(".") in honorifics
        ]
        full = {surname: [f for f in forms if f not in titled]}
        if family_name(surname, counts, votes, full, {surname: titled}):
            return None  # no "he", and titled far more than given a first name: the family's
    men = Counter()
    for r in bearers:
        if sexes[r] != "f":
            men[r] = sum(counts[f] for f in members[r])
    if not men:
        return None
    (top, n), total = men.most_common(1)[0], sum(men.values())
    return top if n * 3 >= total * 2 and n >= counts[surname] else None


def _other(sex: str) -> str:
    return "f" if sex == "m" else "m"


def rehome_surnames(
    counts: Counter,
    parent: dict[str, str],
    honorifics: dict[str, str],
    kinds: dict[str, str],
    votes: dict[str, tuple[int, int]] | None = None,
    reasons: dict[str, str] | None = None,
) -> dict[str, str]:
    """Move each bare surname joined to a minor bearer to the main one; return ``parent``.

    Examples
    --------
    >>> counts = Counter({"Oblonsky": 114, "Pyotr Oblonsky": 4, "Stiva Oblonsky": 1,
    ...                   "Stepan Arkadyevitch": 600, "Stiva": 20})
    >>> parent = {"Oblonsky": "Pyotr Oblonsky", "Stiva Oblonsky": "Stiva",
    ...           "Stiva": "Stepan Arkadyevitch"}
    >>> votes = {"Oblonsky": (9, 0), "Stiva": (5, 0)}
    >>> rehome_surnames(counts, parent, {}, {}, votes)["Oblonsky"]
    'Stepan Arkadyevitch'
    """
    reasons = reasons if reasons is not None else {}
    votes = votes or {}
    members: dict[str, list[str]] = defaultdict(list)
    for k in counts:
        members[root_of(k, parent)].append(k)
    children = set(parent.values())
    # Forms ending in a surname, by surname: "Stiva Oblonsky", "Mr. Knightley".
    holders: dict[str, set[str]] = defaultdict(set)
    firsts = set()
    for k in counts:
        words = k.split()
        if len(words) < 2 or kinds.get(k) == "work":
            continue
        first_titled = words[0] in honorifics or words[0].rstrip(".") in honorifics
        if not first_titled:
            firsts.add(words[0])
        if words[-1] not in counts:
            continue  # only surnames the text also writes alone matter here
        if any(w in honorifics or w.rstrip(".") in honorifics for w in words[1:]):
            continue  # "Mrs. Rushworth Maria": two names glued, no one's surname
        holders[words[-1]].add(k)
    for surname in sorted(holders):
        if surname in firsts or kinds.get(surname) == "work" or surname not in counts:
            continue
        bearers = {root_of(f, parent) for f in holders[surname]}
        sex = _sex(*votes.get(surname, (0, 0)))
        if sex:  # "Jupe" read as she is not "Signor Jupe"
            bearers = {
                r for r in bearers if _cluster_sex(members[r], honorifics, votes) != _other(sex)
            }
        lone = surname not in parent and surname not in children
        best = next(iter(bearers)) if lone and len(bearers) == 1 else None
        why = LONE
        if lone and best is None and sex != "f":
            best, why = _main_man(surname, bearers, members, counts, honorifics, votes), MAN
        if best is not None:
            # "Jupe", alone because "Sissy Jupe" and "Cecilia Jupe" split its vote, joins
            # their cluster once they are one: no one else bears the name.
            parent[surname] = best
            reasons[surname] = why
            members[surname].remove(surname)
            members[best].append(surname)
            continue
        if surname not in parent or surname in children:
            continue  # alone (the rule only moves a join), other forms hang on it, a first name
        sex = sex or _lean(*votes.get(surname, (0, 0)), counts[surname])
        if sex is None:
            continue  # "Otway", read as no one: the bearer of either sex may be meant
        own = root_of(surname, parent)
        mine = sum(counts[f] for f in members[own] if f != surname)
        best, size = None, 0
        for r in {root_of(f, parent) for f in holders[surname]} - {own}:
            n = sum(counts[f] for f in members[r])
            if n > size and _cluster_sex(members[r], honorifics, votes) == sex:
                best, size = r, n
        if best is None or size < _MAIN * max(mine, 1) or size < counts[surname]:
            continue
        parent[surname] = best
        reasons[surname] = REASON
        members[own].remove(surname)
        members[best].append(surname)
    return parent
