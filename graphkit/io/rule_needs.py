"""What a relation rule needs: read off its regex, to skip sentences it cannot match.

Each rule knows what a sentence must hold before its regex can match
(:class:`Needs`: words, placeholders), read off the parsed regex itself, and
a rule set scans a sentence for all its rules' words in one pass
(:class:`Triggers`), so that a long novel runs only the few rules that can
match, on the few sentences where they can.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from typing import Protocol

from graphkit.io.lexicon import trie_regex

try:  # the parser behind ``re`` (renamed in Python 3.11)
    from re import _constants as _sre
    from re import _parser as _sre_parse
except ImportError:  # pragma: no cover - Python 3.10
    import sre_constants as _sre  # type: ignore[no-redef]
    import sre_parse as _sre_parse  # type: ignore[no-redef]

_REPEATS = {_sre.MAX_REPEAT, _sre.MIN_REPEAT, getattr(_sre, "POSSESSIVE_REPEAT", None)}
_ATOMIC = getattr(_sre, "ATOMIC_GROUP", None)
_OPEN = ord("⟦")
_EXACT_LIMIT = 256
#: Characters of a placeholder's inside ("p12"): a word made only of them could match
#: there, so it says nothing about the sentence's own words.  The letters are those of
#: :data:`graphkit.io.rules._KIND_LETTER` and "n" (rules imports this module, so not from there).
_INSIDE_PLACEHOLDER = frozenset("pcnwgPCNWG0123456789")
# A "word" is a run of printable ASCII and spaces (" in love with "), to find in the
# sentence lower-cased with its spaces folded as the masked sentence's are; placeholder
# brackets, and any other character, split words.
_NOT_WORD = re.compile(r"[^ -~]+")


@dataclass(frozen=True)
class Needs:
    """What a sentence must hold before a rule's regex can match its masked form.

    Every match of the regex holds one word of each of ``clauses`` (lower-case
    printable ASCII, to find in the lower-cased sentence with its whitespace
    folded to single spaces, as in the masked sentence) and at
    least ``slots`` placeholders, ``work_slots`` of them work placeholders;
    without a pronoun (a group named ``*_pro``) it holds ``plain_slots``
    (``None``: cannot) and with one, a word of ``pronouns`` (a whole word if
    ``whole_pronouns``, where no name touches a letter).  The test is only
    ever too lenient: a sentence that fails it cannot match.
    """

    clauses: tuple[frozenset[str], ...] = ()
    slots: int = 0
    work_slots: int = 0
    plain_slots: int | None = 0
    pronouns: frozenset[str] | None = None
    whole_pronouns: bool = False

    @property
    def best(self) -> frozenset[str] | None:
        """The clause to look for first: words after a space, the longest shortest word."""
        if not self.clauses:
            return None
        return max(self.clauses, key=_score)


def _score(clause: frozenset[str]) -> tuple[bool, int, int]:
    # Words opening with a space or a punctuation mark are found fast (a scan jumps from
    # one such character to the next) and are rarer; then the longer the shortest word.
    return all(not _WORD_START.match(w) for w in clause), min(map(len, clause)), -len(clause)


_WORD_START = re.compile(r"\w")


def _best(clauses: list[frozenset[str]]) -> frozenset[str] | None:
    return max(clauses, key=_score) if clauses else None


def _words(s: str) -> list[str]:
    return [
        w.lower() for w in _NOT_WORD.split(s) if w.strip() and not set(w) <= _INSIDE_PLACEHOLDER
    ]


def _exact(items) -> set[str] | None:
    """Every string ``items`` can match, when they are few and fixed (else ``None``)."""
    out = {""}
    for op, av in items:
        if op is _sre.LITERAL:
            part = {chr(av)}
        elif op is _sre.IN and all(o is _sre.LITERAL for o, _ in av):
            part = {chr(a) for _, a in av}
        elif op is _sre.SUBPATTERN:
            part = _exact(av[-1])
        elif op is _sre.BRANCH:
            alts = [_exact(a) for a in av[1]]
            part = None if None in alts else set().union(*alts)
        elif op in _REPEATS and (av[0], av[1]) == (0, 1):
            part = _exact(av[2])
            part = None if part is None else part | {""}
        elif op in (_sre.AT, _sre.ASSERT, _sre.ASSERT_NOT):
            part = {""}  # zero-width: adds nothing to the matched text
        else:
            return None
        if part is None or len(out) * len(part) > _EXACT_LIMIT:
            return None
        out = {a + b for a in out for b in part}
    return out


def _ends(strings: set[str], before: frozenset[str] | None) -> frozenset[str] | None:
    """The last characters of text ``before`` followed by one of ``strings`` (None: any)."""
    last = frozenset(t[-1] for t in strings if t)
    if "" in strings:
        return None if before is None else last | before
    return last


def _clauses(
    items, before: frozenset[str] | None = None
) -> tuple[list[frozenset[str]], frozenset[str] | None]:
    """Sets of words such that every match of ``items`` holds a word of each set.

    Also returns the characters a match can end with (``None``: any), given
    ``before``, those the text before it can end with: a word that always
    follows a space ("(?:\\w+ )?husband") is looked for with it (" husband").
    """
    out: list[frozenset[str]] = []
    run: set[str] = {""}
    run_before = last = before

    def flush() -> None:
        nonlocal run
        if run != {""}:
            strings = {" " + t for t in run} if run_before == frozenset(" ") else run
            if len(strings) == 1:
                out.extend(frozenset((w,)) for w in _words(next(iter(strings))))
            else:
                longest = [max(_words(t), key=len, default=None) for t in strings]
                if None not in longest:
                    out.append(frozenset(longest))
        run = {""}

    for op, av in items:
        if op is _sre.AT and av in (_sre.AT_BEGINNING, _sre.AT_BEGINNING_STRING):
            # Sentences are scanned with a space in front, so "^In " is looked for as " in ".
            flush()
            run_before = last = frozenset(" ")
            continue
        part = _exact([(op, av)])
        if part is not None and len(run) * len(part) <= _EXACT_LIMIT:
            run = {a + b for a in run for b in part}
            last = _ends(part, last)
            continue
        flush()
        if op is _sre.SUBPATTERN or op is _ATOMIC:
            sub, last = _clauses(av if op is _ATOMIC else av[-1], last)
            out += sub
        elif op in _REPEATS:
            sub, ends = _clauses(av[2], last if av[1] == 1 else None)
            if av[0] >= 1:
                out += sub
            if ends is not None and av[1] != 1:
                ends = ends | (last or frozenset()) if last is not None else None
            last = ends if av[0] >= 1 else (None if ends is None or last is None else ends | last)
        elif op is _sre.BRANCH:
            subs = [_clauses(alt, last) for alt in av[1]]
            best = [_best(c) for c, _ in subs]
            if None not in best:
                out.append(frozenset().union(*best))
            ends = [e for _, e in subs]
            last = None if None in ends else frozenset().union(*ends)
        else:
            last = None
        run_before = last
    flush()
    return out, last


def _slots(items, banned: frozenset[int], work: bool = False) -> float:
    """The fewest placeholders (work placeholders if ``work``) a match of ``items`` holds.

    A match through a group of ``banned`` is impossible (``inf``).
    """
    items = list(items)
    n = 0.0
    for i, (op, av) in enumerate(items):
        if op is _sre.LITERAL and av == _OPEN:
            after = items[i + 1] if i + 1 < len(items) else (None, None)
            n += not work or (after[0] is _sre.LITERAL and chr(after[1]) in "wW")
        elif op is _sre.SUBPATTERN:
            n += float("inf") if av[0] in banned else _slots(av[-1], banned, work)
        elif op is _ATOMIC:
            n += _slots(av, banned, work)
        elif op in _REPEATS:
            n += av[0] * _slots(av[2], banned, work) if av[0] else 0
        elif op is _sre.BRANCH:
            n += min(_slots(a, banned, work) for a in av[1])
    return n


def _groups(items, wanted: frozenset[int]):
    """The groups ``wanted`` anywhere in ``items`` but lookarounds: (number, contents, whole).

    ``whole``: the group stands between two ``\\b`` (it matches whole words only).
    """
    items = list(items)
    for k, (op, av) in enumerate(items):
        if op is _sre.SUBPATTERN and av[0] in wanted:
            around = [items[j] for j in (k - 1, k + 1) if 0 <= j < len(items)]
            whole = len(around) == 2 and all(it == (_sre.AT, _sre.AT_BOUNDARY) for it in around)
            yield av[0], av[-1], whole
        elif op is _sre.BRANCH:
            for a in av[1]:
                yield from _groups(a, wanted)
        elif op is _sre.SUBPATTERN or op in _REPEATS or op is _ATOMIC:
            yield from _groups(av if op is _ATOMIC else av[-1], wanted)


def _fewest(clause: frozenset[str]) -> frozenset[str]:
    """``clause`` without words that hold another of its words (they add nothing)."""
    return frozenset(w for w in clause if not any(v != w and v in w for v in clause))


@cache
def rule_needs(regex: re.Pattern[str]) -> Needs:
    """What a sentence must hold for ``regex`` (a rule's, over masked sentences) to match.

    Examples
    --------
    >>> from graphkit.io.rules import load_rules
    >>> rule = next(r for r in load_rules().rules if r.id == "spouse.noun")
    >>> n = rule_needs(rule.regex)
    >>> sorted(n.best)  # after a space: "(?:\\w+ )?" before them ends with one
    [' husband ', ' husband, ', ' spouse ', ' spouse, ', ' widow ', ' widow, ', ' widower ', ' widower, ', ' wife ', ' wife, ']
    >>> n.slots, n.plain_slots, sorted(n.pronouns), n.whole_pronouns
    (1, 2, ['her', 'his'], True)
    """
    try:
        tree = _sre_parse.parse(regex.pattern, regex.flags)
    except Exception:  # a pattern this parser reads differently: no shortcut, never wrong
        return Needs()
    pro = frozenset(i for name, i in regex.groupindex.items() if name.endswith("_pro"))
    plain = _slots(tree, pro)
    groups = list(_groups(tree, pro))
    pronouns, whole = None, False
    # Only when every pronoun group was seen (none hides in a lookaround) and has words.
    if groups and {i for i, _, _ in groups} == pro:
        exact = [_exact(g) for _, g, _ in groups]
        if all(w for _, _, w in groups) and all(e and "" not in e for e in exact):
            # Whole words ("his", not the "his" of "this"), to look for as such.
            pronouns, whole = frozenset(w.lower() for e in exact for w in e), True
        elif all(found := [_best(_clauses(g)[0]) for _, g, _ in groups]):
            pronouns = frozenset().union(*found)
    return Needs(
        clauses=tuple(dict.fromkeys(map(_fewest, _clauses(tree)[0]))),
        slots=int(_slots(tree, frozenset())),
        work_slots=int(_slots(tree, frozenset(), work=True)),
        plain_slots=None if plain == float("inf") else int(plain),
        pronouns=pronouns,
        whole_pronouns=whole,
    )


class _HasNeeds(Protocol):
    """Anything that knows what it needs: a :class:`graphkit.io.rules.Rule`."""

    @property
    def needs(self) -> Needs: ...


@dataclass(frozen=True)
class Triggers:
    """Which rules a sentence may fire, from the words of their best clauses, in one scan.

    A sentence is scanned lower-cased, its whitespace folded to single
    spaces and a space put in front (see :class:`Needs`).  Words are grouped
    by their first character; for each, a regex jumps from one occurrence of
    that character to the next and reads the longest word starting there.
    ``implies`` maps a word to every word it begins with (also present);
    ``rules_by_word`` maps a word read to the rules it may fire; ``always``
    are the rules without words.
    """

    scans: tuple[tuple[str, re.Pattern[str]], ...]
    rules_by_word: Mapping[str, frozenset[int]]
    always: frozenset[int]

    @classmethod
    def build(cls, rules: tuple[_HasNeeds, ...]) -> Triggers:
        by_word: dict[str, set[int]] = {}
        for i, r in enumerate(rules):
            for w in r.needs.best or ():
                by_word.setdefault(w, set()).add(i)
        words = sorted(by_word)
        rules_by_word = {
            w: frozenset(i for v in words if w.startswith(v) for i in by_word[v]) for w in words
        }
        always = frozenset(i for i, r in enumerate(rules) if r.needs.best is None)
        scans = []
        for first in sorted({w[0] for w in words}):
            rests = [w[1:] for w in words if w[0] == first]
            # Only the first character is consumed: the next word may start inside this one.
            scans.append((first, re.compile(f"{re.escape(first)}(?=({trie_regex(rests)}))")))
        return cls(tuple(scans), rules_by_word, always)

    def fired(self, scanned: str) -> set[int]:
        """The rules whose best clause has a word in ``scanned`` (prepared as above)."""
        out = set(self.always)
        for first, regex in self.scans:
            for rest in set(regex.findall(scanned)):
                out |= self.rules_by_word[first + rest]
        return out


def nested_repeat(pattern: str) -> bool:
    """Whether ``pattern`` _REPEATS without bound a group that is itself one unbounded repeat.

    In ``(a+)+`` or ``(\\w+\\s?)*`` the outer repeat can split the same text in
    exponentially many ways, and a near miss tries them all; graphkit refuses
    such a rule rather than hang on a long sentence.  ``(\\w+ )+`` is fine: the
    space ends each turn.

    Examples
    --------
    >>> nested_repeat(r"(a+)+$"), nested_repeat(r"(\\w+\\s?)*x"), nested_repeat(r"(?:\\w+ )+and")
    (True, True, False)
    """

    def items_of(body):
        body = list(body)
        while len(body) == 1 and body[0][0] == _sre.SUBPATTERN:
            body = list(body[0][1][-1])
        return body

    def width(items) -> int:
        return _sre_parse.SubPattern(_sre_parse.State(), list(items)).getwidth()[0] if items else 0

    def children(op, av) -> list:
        if op in _REPEATS:
            return [av[2]]
        if op == _sre.SUBPATTERN:
            return [av[-1]]
        if op == _sre.BRANCH:
            return list(av[1])
        if op in (_sre.ASSERT, _sre.ASSERT_NOT):
            return [av[1]]
        return []

    def walk(items) -> bool:
        for op, av in items:
            if op in _REPEATS and av[1] == _sre.MAXREPEAT:
                inner = items_of(av[2])
                for k, (iop, iav) in enumerate(inner):
                    rest = inner[:k] + inner[k + 1 :]
                    if iop in _REPEATS and iav[1] == _sre.MAXREPEAT and width(rest) == 0:
                        return True
            if any(walk(child) for child in children(op, av)):
                return True
        return False

    return walk(_sre_parse.parse(pattern))
