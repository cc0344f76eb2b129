"""Relation rules: the YAML rule file shipped in ``graphkit/data``, a user's additions, compiled.

A rule is a regular expression over a *masked sentence*, a sentence whose
names are replaced by placeholders such as ``⟦p0⟧`` (kind letter, index):
``p`` person, ``c`` character, ``w`` work and ``n`` a name whose kind is not
known yet.  ``{source}``, ``{target}``, ``{source's}`` and ``{pair}`` in a
pattern become groups matching placeholders of the rule's kinds (and, for
``{source's}`` and ``{pair}``, pronouns and "the pair" that
:mod:`graphkit.pipeline.relations.extract` resolves).  See ``data/relations.yml`` for the
format; :func:`load_rules` reads it and a user file on top.

Each rule also knows what a sentence must hold before its regex can match
(:class:`Needs`: words, placeholders), read off the regex itself, and a rule
set scans a sentence for all its rules' words in one pass
(:class:`Triggers`), so that a long novel runs only the few rules that can
match, on the few sentences where they can.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache, cached_property
from importlib import resources
from pathlib import Path

from graphkit.errors import GraphkitError
from graphkit.io.lexicon import trie_regex
from graphkit.io.userfile import parse_yaml, read_user_file

__all__ = [
    "RulesError",
    "Rule",
    "RuleSet",
    "load_rules",
    "parse_rules",
    "SLOT_KINDS",
    "placeholder",
    "Needs",
    "Triggers",
    "rule_needs",
]


class RulesError(GraphkitError):
    """A relation rule file is missing or malformed."""


#: Kind letters a slot of each declared kind accepts (``n``: kind not known yet).
SLOT_KINDS = {"person": "pn", "character": "cn", "name": "pcn", "work": "w", "any": "pcnw"}
_KIND_LETTER = {"person": "p", "character": "c", "work": "w"}
_TOKEN = re.compile(r"\{([A-Za-z_]+(?:'s)?)\}")
_POSSESSIVE_PRONOUNS = "his|her"
_PAIR_ANAPHORS = r"the pair|the couple|the duo|the two(?: [a-z]+)?|they|both"


def placeholder(kind: str, index: int) -> str:
    """The placeholder standing for mention ``index`` of a sentence.

    Examples
    --------
    >>> placeholder("person", 3), placeholder("work", 0), placeholder("character?", 1)
    ('⟦p3⟧', '⟦w0⟧', '⟦n1⟧')
    """
    return f"⟦{_KIND_LETTER.get(kind, 'n')}{index}⟧"


def _slot(kind: str) -> str:
    return f"⟦[{SLOT_KINDS[kind]}]\\d+⟧"


@dataclass(frozen=True)
class Rule:
    """One compiled rule: which type(s) it states, between which kinds, and its regex."""

    id: str
    type: str | tuple[str, ...] | Mapping[str, str]
    source: str
    target: str
    pattern: str
    regex: re.Pattern[str] = field(repr=False, compare=False)
    each: str | None = None
    list: bool = False
    min_words: int = 1
    pair: bool = False

    @cached_property
    def needs(self) -> Needs:
        """What a sentence must hold for :attr:`regex` to match it (computed once)."""
        return rule_needs(self.regex)

    def types_for(self, medium: str) -> tuple[str, ...]:
        """The relation types a match states; a mapping picks by the work's medium."""
        if isinstance(self.type, str):
            return (self.type,)
        if isinstance(self.type, tuple):
            return self.type
        return (self.type.get(medium) or next(iter(self.type.values())),)


@dataclass(frozen=True)
class RuleSet:
    """The rules and the words and settings they share."""

    rules: tuple[Rule, ...]
    negation: tuple[str, ...]
    hedges: tuple[str, ...]
    scope_words: int
    types: Mapping[str, Mapping[str, object]]
    supersedes: Mapping[str, tuple[str, ...]]
    source: str = "<rules>"

    def symmetric(self, rtype: str) -> bool:
        """Whether ``rtype`` has no direction (spouse, friend, ...)."""
        return bool(self.types.get(rtype, {}).get("symmetric", False))

    @cached_property
    def triggers(self) -> Triggers:
        """The words of every rule, to find in a sentence in one pass (built once per set)."""
        return Triggers.build(self.rules)


def _compile(raw: Mapping, macros: Mapping[str, str], where: str, number: int) -> Rule:
    unknown = set(raw) - {"id", "type", "source", "target", "pattern", "each", "list", "min_words"}
    if unknown:
        raise RulesError(
            f"{where}: rule {number}: unknown field(s) {', '.join(sorted(map(str, unknown)))}"
        )
    rid, pattern, rtype = raw.get("id"), raw.get("pattern"), raw.get("type")
    if not isinstance(rid, str) or not rid:
        raise RulesError(f"{where}: rule {number} needs an 'id'")
    if not isinstance(pattern, str) or not pattern:
        raise RulesError(f"{where}: rule {rid!r} needs a 'pattern'")
    if isinstance(rtype, list):
        rtype = tuple(rtype)
    ok = (
        (isinstance(rtype, str) and rtype)
        or (isinstance(rtype, tuple) and rtype and all(isinstance(t, str) for t in rtype))
        or (isinstance(rtype, dict) and rtype and all(isinstance(t, str) for t in rtype.values()))
    )
    if not ok:
        raise RulesError(f"{where}: rule {rid!r} needs a 'type' (a name, a list or a mapping)")
    kinds = {}
    for side in ("source", "target"):
        kinds[side] = raw.get(side, "name")
        if kinds[side] not in SLOT_KINDS:
            raise RulesError(
                f"{where}: rule {rid!r}: {side} kind {kinds[side]!r} is not one of {', '.join(SLOT_KINDS)}"
            )
    used: list[str] = []

    def expand(m: re.Match[str]) -> str:
        name = m.group(1)
        if name in ("source", "target"):
            used.append(name)
            return f"(?P<{name}>{_slot(kinds[name])})"
        if name in ("source's", "target's"):
            side = name[:-2]
            used.append(side)
            return f"(?:(?P<{side}>{_slot(kinds[side])})'s|\\b(?P<{side}_pro>{_POSSESSIVE_PRONOUNS})\\b)"
        if name == "pair":
            used.extend(("source", "target"))
            return (
                f"(?:(?P<source>{_slot(kinds['source'])}),? and (?P<target>{_slot(kinds['target'])})"
                f"|\\b(?P<pair_pro>{_PAIR_ANAPHORS})\\b)"
            )
        if name in macros:
            return f"(?:{macros[name]})"
        raise RulesError(f"{where}: rule {rid!r}: unknown placeholder {{{name}}}")

    expanded = _TOKEN.sub(expand, pattern)
    each = raw.get("each")
    if each not in (None, "source", "target"):
        raise RulesError(f"{where}: rule {rid!r}: 'each' must be source or target")
    needed = {"source", "target"} - ({each} if each else set())
    if sorted(used) != sorted(set(used)) or not needed <= set(used):
        raise RulesError(
            f"{where}: rule {rid!r}: the pattern must use {{source}} and {{target}} (or {{pair}}) once each"
        )
    try:
        regex = re.compile(expanded, re.IGNORECASE)
    except re.error as exc:
        raise RulesError(f"{where}: rule {rid!r}: bad regular expression ({exc})") from None
    return Rule(
        id=rid,
        type=rtype,
        source=kinds["source"],
        target=kinds["target"],
        pattern=pattern,
        regex=regex,
        each=each,
        list=bool(raw.get("list", False)),
        min_words=int(raw.get("min_words", 1)),
        pair="{pair}" in pattern,
    )


def _read_yaml(text: str, source: str) -> dict:
    data = parse_yaml(text, source, RulesError)
    if isinstance(data, list):
        data = {"rules": data}
    if not isinstance(data, dict):
        raise RulesError(f"{source}: expected a mapping with a 'rules:' list")
    if not isinstance(data.get("rules", []), list):
        raise RulesError(f"{source}: 'rules' must be a list")
    return data


def parse_rules(text: str, source: str = "<rules>", base: RuleSet | None = None) -> RuleSet:
    """Parse a rule file; with ``base``, the file adds to (or replaces) ``base``'s rules.

    Examples
    --------
    >>> rs = parse_rules("- {id: x, type: friend, pattern: '{source} befriends {target}'}",
    ...                  base=load_rules())
    >>> [r.id for r in rs.rules][-1], len(rs.rules) == len(load_rules().rules) + 1
    ('x', True)
    >>> parse_rules("- {id: x, type: friend, pattern: '{source} likes'}")
    Traceback (most recent call last):
    ...
    graphkit.io.rules.RulesError: <rules>: rule 'x': the pattern must use {source} and {target} (or {pair}) once each
    """
    data = _read_yaml(text, source)
    macros = dict(base_macros(base))
    extra = data.get("macros") or {}
    if not isinstance(extra, dict) or not all(isinstance(v, str) for v in extra.values()):
        raise RulesError(f"{source}: 'macros' must map names to patterns")
    macros.update(extra)
    rules: dict[str, Rule] = {}
    if base is not None and not data.get("replace"):
        rules = {r.id: r for r in base.rules}
    for rid in data.get("disable") or ():
        rules.pop(str(rid), None)
    for i, raw in enumerate(data.get("rules") or ()):
        if not isinstance(raw, dict):
            raise RulesError(f"{source}: rule {i + 1} is not a mapping")
        rule = _compile(raw, macros, source, i + 1)
        rules[rule.id] = rule  # a user rule with a built-in id replaces it
    types = dict(base.types) if base else {}
    types.update(data.get("types") or {})
    supersedes = dict(base.supersedes) if base else {}
    supersedes.update({k: tuple(v) for k, v in (data.get("supersedes") or {}).items()})
    for key in ("negation", "hedges"):
        words = data.get(key) or []
        if not isinstance(words, list) or not all(isinstance(w, str) for w in words):
            raise RulesError(f"{source}: {key!r} must be a list of quoted words")
    rs = RuleSet(
        rules=tuple(rules.values()),
        negation=tuple(data.get("negation") or (base.negation if base else ())),
        hedges=tuple(data.get("hedges") or (base.hedges if base else ())),
        scope_words=int(data.get("scope_words") or (base.scope_words if base else 4)),
        types=types,
        supersedes=supersedes,
        source=source,
    )
    object.__setattr__(rs, "_macros", macros)
    return rs


def base_macros(base: RuleSet | None) -> Mapping[str, str]:
    """The macros ``base`` was compiled with (so a user's rules can use them)."""
    return getattr(base, "_macros", {}) if base is not None else {}


@cache
def _builtin() -> RuleSet:
    text = resources.files("graphkit").joinpath("data", "relations.yml").read_text("utf-8")
    return parse_rules(text, "graphkit/data/relations.yml")


def load_rules(path: str | os.PathLike | RuleSet | None = None) -> RuleSet:
    """The built-in rules, with the rule file ``path`` (if given) added on top.

    Examples
    --------
    >>> rs = load_rules()
    >>> sorted({t for r in rs.rules for t in r.types_for("film")}) == sorted(rs.types)
    True
    """
    if isinstance(path, RuleSet):
        return path
    base = _builtin()
    if path is None:
        return base
    text = read_user_file(path, "rules file", RulesError)
    return parse_rules(text, str(Path(path)), base=base)


# --- what a rule needs: read off its regex, to skip sentences it cannot match ----------

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
#: there, so it says nothing about the sentence's own words.
_INSIDE_PLACEHOLDER = frozenset("pcnwPCNW0123456789")
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
    >>> rule = next(r for r in load_rules().rules if r.id == "spouse.noun")
    >>> n = rule_needs(rule.regex)
    >>> sorted(n.best)  # after a space: "(?:\\w+ )?" before them ends with one
    [' husband ', ' husband, ', ' spouse ', ' spouse, ', ' wife ', ' wife, ']
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
    def build(cls, rules: tuple[Rule, ...]) -> Triggers:
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
