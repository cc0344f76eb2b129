"""Relation rules: the YAML rule file shipped in ``graphkit/data``, a user's additions, compiled.

A rule is a regular expression over a *masked sentence*, a sentence whose
names are replaced by placeholders such as ``⟦p0⟧`` (kind letter, index):
``p`` person, ``c`` character, ``w`` work and ``n`` a name whose kind is not
known yet.  ``{source}``, ``{target}``, ``{source's}`` and ``{pair}`` in a
pattern become groups matching placeholders of the rule's kinds (and, for
``{source's}``, ``{source|he}``, ``{source|it}`` and ``{pair}``, pronouns,
"the film" and "the pair" that :mod:`graphkit.pipeline.relations.extract`
resolves).  See ``data/relations.yml`` for the
format; :func:`load_rules` reads it and a user file on top.  What each rule
needs before its regex can match is in :mod:`graphkit.io.rule_needs`.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache, cached_property
from importlib import resources
from pathlib import Path

from graphkit.errors import RulesError
from graphkit.io.rule_needs import Needs, Triggers, nested_repeat, rule_needs
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


#: Kind letters a slot of each declared kind accepts (``n``: kind not known yet).
SLOT_KINDS = {
    "person": "pn",
    "character": "cn",
    "name": "pcn",
    "work": "w",
    "group": "g",
    "any": "pcnwg",
}
_KIND_LETTER = {"person": "p", "character": "c", "work": "w", "group": "g"}
_TOKEN = re.compile(r"\{([A-Za-z_]+(?:'s|\|he|\|it|\|script)?)\}")
_POSSESSIVE_PRONOUNS = "his|her"
_SUBJECT_PRONOUNS = "he|she"
#: What stands for a work already named: "it", "the film", "the novel" (see ``{source|it}``);
#: a film's credits speak of it as "the screenplay", "the script".
_WORK_ANAPHORS = r"it|the (?:film|movie|picture|novel|novella|book|play|series|screenplay|script)"
#: A film named by its credits only (see ``{target|script}``).
_SCRIPT_ANAPHORS = r"the (?:screenplay|script)"
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
    #: ``"surname"``: the target is not in the pattern but is the one character sharing the
    #: source's surname that the kin word (``role`` or ``kin`` group) fits.
    kin: str | None = None

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
    roles: Mapping[str, str] = field(default_factory=dict)
    contrast: tuple[str, ...] = ()
    #: Family role -> generations the relative stands above the one whose role it is
    #: (mother 1, sister 0, son -1): one pair's roles must agree on it (see ``generations:``).
    generations: Mapping[str, int] = field(default_factory=dict)
    #: A cast-list noun -> the relation type it states ("wife" -> spouse; see ``personae:``).
    personae: Mapping[str, str] = field(default_factory=dict)
    #: Married titles ("Mrs") that, with an engaged man's surname, name his bride once
    #: married (``married_name:``; see :mod:`graphkit.pipeline.relations.married`).
    married_name: tuple[str, ...] = ()

    @cached_property
    def contrast_regex(self) -> re.Pattern[str] | None:
        """The ``contrast`` patterns as one case-insensitive regex (``None`` if there are none)."""
        if not self.contrast:
            return None
        return re.compile("|".join(f"(?:{c})" for c in self.contrast), re.IGNORECASE)

    def role(self, word: str) -> str:
        """The family role a kin word names ("Daughters" -> "daughter", "mum" -> "mother").

        Examples
        --------
        >>> load_rules().role("Mum"), load_rules().role("sister")
        ('mother', 'sister')
        """
        w = word.lower()
        return self.roles.get(w, w)

    def symmetric(self, rtype: str) -> bool:
        """Whether ``rtype`` has no direction (spouse, friend, ...)."""
        return bool(self.types.get(rtype, {}).get("symmetric", False))

    @cached_property
    def triggers(self) -> Triggers:
        """The words of every rule, to find in a sentence in one pass (built once per set)."""
        return Triggers.build(self.rules)


def _compile(raw: Mapping, macros: Mapping[str, str], where: str, number: int) -> Rule:
    unknown = set(raw) - {
        "id", "type", "source", "target", "pattern", "each", "list", "min_words", "kin"
    }  # fmt: skip
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
        if name in ("source|he", "target|he"):
            side = name[:-3]
            used.append(side)
            return f"(?:(?P<{side}>{_slot(kinds[side])})|\\b(?P<{side}_pro>{_SUBJECT_PRONOUNS})\\b)"
        if name in ("source|it", "target|it"):
            side = name[:-3]
            used.append(side)
            return f"(?:(?P<{side}>{_slot(kinds[side])})|\\b(?P<{side}_pro>{_WORK_ANAPHORS})\\b)"
        if name in ("source|script", "target|script"):
            side = name[:-7]  # only the anaphor: the named work has rules of its own
            used.append(side)
            return f"\\b(?P<{side}_pro>{_SCRIPT_ANAPHORS})\\b"
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
    kin = raw.get("kin")
    if kin not in (None, "surname"):
        raise RulesError(f"{where}: rule {rid!r}: 'kin' must be surname")
    needed = {"source", "target"} - ({each} if each else set()) - ({"target"} if kin else set())
    if sorted(used) != sorted(set(used)) or not needed <= set(used):
        raise RulesError(
            f"{where}: rule {rid!r}: the pattern must use {{source}} and {{target}} (or {{pair}}) once each"
        )
    try:
        regex = re.compile(expanded, re.IGNORECASE)
    except (re.error, OverflowError, RecursionError) as exc:
        raise RulesError(f"{where}: rule {rid!r}: bad regular expression ({exc})") from None
    if nested_repeat(expanded):
        raise RulesError(
            f"{where}: rule {rid!r}: a repeat inside a repeat (such as (a+)+) can take "
            "exponential time; write it without the nesting"
        )
    min_words = raw.get("min_words", 1)
    if not isinstance(min_words, int) or isinstance(min_words, bool) or min_words < 0:
        raise RulesError(f"{where}: rule {rid!r}: 'min_words' must be a whole number")
    return Rule(
        id=rid,
        type=rtype,
        source=kinds["source"],
        target=kinds["target"],
        pattern=pattern,
        regex=regex,
        each=each,
        list=bool(raw.get("list", False)),
        min_words=min_words,
        pair="{pair}" in pattern,
        kin=kin,
    )


def _mapping_of(data: Mapping, key: str, value_type: type, source: str) -> dict:
    """``data[key]`` checked to be a mapping of names to ``value_type`` values (or nothing)."""
    value = data.get(key) or {}
    if not isinstance(value, dict) or not all(
        isinstance(k, str) and isinstance(v, value_type) for k, v in value.items()
    ):
        kind = {dict: "mappings", int: "whole numbers", str: "words"}.get(value_type, "lists")
        raise RulesError(f"{source}: {key!r} must map names to {kind}")
    return value


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
    graphkit.errors.RulesError: <rules>: rule 'x': the pattern must use {source} and {target} (or {pair}) once each
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
    disable = data.get("disable") or []
    if not isinstance(disable, list):
        raise RulesError(f"{source}: 'disable' must be a list of rule ids")
    for rid in disable:
        rules.pop(str(rid), None)
    for i, raw in enumerate(data.get("rules") or ()):
        if not isinstance(raw, dict):
            raise RulesError(f"{source}: rule {i + 1} is not a mapping")
        rule = _compile(raw, macros, source, i + 1)
        rules[rule.id] = rule  # a user rule with a built-in id replaces it
    types = dict(base.types) if base else {}
    types.update(_mapping_of(data, "types", dict, source))
    supersedes = dict(base.supersedes) if base else {}
    supersedes.update(
        {k: tuple(v) for k, v in _mapping_of(data, "supersedes", list, source).items()}
    )
    roles = dict(base.roles) if base else {}
    roles.update(
        {str(k).lower(): str(v) for k, v in _mapping_of(data, "roles", str, source).items()}
    )
    generations = dict(base.generations) if base else {}
    raw_generations = _mapping_of(data, "generations", int, source)
    generations.update({str(k).lower(): int(v) for k, v in raw_generations.items()})
    personae = dict(base.personae) if base else {}
    personae.update(
        {str(k).lower(): str(v) for k, v in _mapping_of(data, "personae", str, source).items()}
    )
    married = data.get("married_name", base.married_name if base else ())
    if not isinstance(married, list | tuple) or not all(isinstance(t, str) for t in married):
        raise RulesError(f"{source}: 'married_name' must be a list of titles")
    if "spouse.married-name" in map(str, disable):
        married = ()
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
        roles=roles,
        generations=generations,
        personae=personae,
        married_name=tuple(married),
        contrast=tuple(data.get("contrast") or (base.contrast if base else ())),
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
    >>> sorted(set(rs.types) - {t for r in rs.rules for t in r.types_for("film")})  # only cast lists
    ['serves']
    """
    if isinstance(path, RuleSet):
        return path
    base = _builtin()
    if path is None:
        return base
    text = read_user_file(path, "rules file", RulesError)
    return parse_rules(text, str(Path(path)), base=base)
