"""Typed relations a play's cast list states: "JULIET, daughter to Capulet.", "Capulet, Juliet's father".

A dramatis personae is the one place where a play says outright who is whose
wife, son, friend or servant.  Each entry (:attr:`Script.personae
<graphkit.io.readers.base.Script.personae>`) is read as ``NAME, description``
(or ``NAME to WHOM``, "NURSE to Juliet."), and each description for the
phrases of two shapes:

* ``NOUN to|of WHOM``: "wife to Capulet", "kinsman to the Prince", "friend to Romeo";
* ``WHOM's NOUN``: "Romeo's father", "the Prince's kinsman", "Romeo's, Montague's
  and Lady Montague's kinsman" (a TEI ``roleDesc`` whose ``<rs ref>`` graphkit
  writes out so).

The noun says the relation (``personae:`` in ``data/relations.yml``: "wife"
is ``spouse``, "friend" ``friend``, "servant" ``serves``); a family noun (a
role of ``generations:`` or ``roles:``, or one that ``personae:`` maps to
``family``) is a ``family`` tie from WHOM to NAME with that role ("JULIET,
daughter to Capulet": Juliet is Capulet's daughter).  NAME and WHOM must be
characters of the play, found by name, label or speech-prefix alias, case
and a leading "the" aside; a title that opens exactly one entry's
description names that entry ("ESCALUS, Prince of Verona" makes "the Prince"
Escalus).  Whatever does not resolve states nothing: "kinsman to the
Capulets" (a family, no character), "a Montague servingman".

Examples
--------
>>> from graphkit.io.rules import load_rules
>>> rels = personae_relations(
...     ["ESCALUS, Prince of Verona.", "JULIET, daughter to Capulet.",
...      "MERCUTIO, kinsman to the Prince, and friend to Romeo.", "NURSE to Juliet."],
...     {"Escalus": ("Escalus",), "Juliet": ("Juliet",), "Capulet": ("Capulet",),
...      "Mercutio": ("Mercutio",), "Romeo": ("Romeo",), "Nurse": ("Nurse",)}, load_rules())
>>> [(r.source, r.type, r.target, r.role, r.sentence) for r in rels]
[('Capulet', 'family', 'Juliet', 'daughter', 1), ('Escalus', 'family', 'Mercutio', 'kinsman', 2), ('Mercutio', 'friend', 'Romeo', '', 2), ('Nurse', 'serves', 'Juliet', '', 3)]
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from graphkit.io.rules import RuleSet
from graphkit.model import Relation

__all__ = ["personae_relations"]

# Bounded repetitions: a cast line of any length is read in linear time.
_WORD = r"[A-Z][\w.\-]{0,40}(?:['’]\w{0,3})?"
_NAME = rf"(?:[Tt]he\s+)?{_WORD}(?:\s+(?:de|la|le|of|{_WORD})){{0,5}}"
_OWNED = rf"{_NAME}(?:['’]s|(?<=s)['’])"
_AGE = r"(?:(?:young|old|elder|younger|eldest|youngest|little|only|second|third)\s+)?"
# "wife to Capulet", "Wife to Capulet", "kinsman to the Prince"
_TO = re.compile(rf"\b(?P<noun>[A-Za-z]+)\s+(?:to|of)\s+(?P<who>{_NAME})")
_LEAD = re.compile(rf"(?:to|of)\s+(?P<who>{_NAME})")  # "NURSE to Juliet"
# "the Prince's kinsman", "Romeo's, Montague's and Lady Montague's kinsman"; not the
# friend of "Romeo's friend's servant"
_OF = re.compile(
    rf"(?P<owners>{_OWNED}(?:(?:,\s*|\s+and\s+){_OWNED}){{0,8}})\s+{_AGE}(?P<noun>[A-Za-z]+)\b(?!['’])"
)
_OWNER = re.compile(rf"({_NAME})(?:['’]s|['’])")
_TITLE = re.compile(r"^(?:(?:an?|the)\s+)?([A-Z][a-z]+)\b(?!['’])")


def _split(entry: str) -> tuple[str, str] | None:
    """``(name, description)`` of a cast-list entry: at its first comma, else before "to"/"of"."""
    entry = " ".join(entry.split())
    head, comma, desc = entry.partition(",")
    if comma:
        return head.strip(), desc.strip().rstrip(".")
    m = re.match(r"^(.+?)\s+((?:to|of)\s.+?)\.?$", entry)  # "NURSE to Juliet."
    return (m.group(1), m.group(2)) if m else None


def _resolve(name: str, lookup: Mapping[str, str]) -> str | None:
    """The character ``name`` is: the longest leading words that are a name ("Capulet of
    Verona" -> Capulet), else the one possessed ("Juliet's Nurse" -> Nurse)."""
    words = name.split()
    for n in range(len(words), 0, -1):
        hit = lookup.get(_key(" ".join(words[:n])))
        if hit:
            return hit
    possessed = re.split(r"['’]s?\s+", name)[-1]
    return lookup.get(_key(possessed)) if possessed != name else None


def _key(name: str) -> str:
    name = " ".join(name.replace("’", "'").split()).strip(" .").lower()
    return name[4:] if name.startswith("the ") else name


def personae_relations(
    entries: Sequence[str],
    names: Mapping[str, Sequence[str]],
    rules: RuleSet,
    first_sentence: int = 0,
) -> list[Relation]:
    """The relations the cast-list ``entries`` state between the characters of ``names``.

    ``names`` maps each character id to the names it goes by (label,
    aliases); entry ``k`` is sentence ``first_sentence + k`` of the document.
    """
    lookup: dict[str, str] = {}
    for cid in sorted(names):  # ids first: another's alias never beats a character's own name
        lookup.setdefault(_key(cid), cid)
    for cid, forms in sorted(names.items()):
        for form in forms:
            lookup.setdefault(_key(form), cid)
    parsed = [_split(e) for e in entries]
    heads = [lookup.get(_key(p[0])) if p else None for p in parsed]
    titled: dict[str, list[str]] = {}
    for p, head in zip(parsed, heads, strict=True):
        t = _TITLE.match(p[1]) if p and head else None
        if t:
            titled.setdefault(_key(t.group(1)), []).append(head)
    for word, who in titled.items():
        if len(who) == 1:
            lookup.setdefault(word, who[0])
    kinds = rules.personae
    family = set(rules.generations) | set(rules.roles) | set(rules.roles.values())
    out: dict[tuple[str, str, str, str], Relation] = {}
    for k, (p, head) in enumerate(zip(parsed, heads, strict=True)):
        if p is None or head is None:
            continue
        name, desc = p
        found: list[tuple[str, str]] = []
        spans: list[tuple[int, int]] = []  # the WHOM of each "to WHOM": no owner of its own
        lead = _LEAD.match(desc)
        if lead:
            found.append((name.split()[-1], lead.group("who")))
            spans.append(lead.span("who"))
        for t in _TO.finditer(desc):
            found.append((t.group("noun"), t.group("who")))
            spans.append(t.span("who"))
        for t in _OF.finditer(desc):
            if not any(a <= t.start() < b for a, b in spans):
                found += [(t.group("noun"), o) for o in _OWNER.findall(t.group("owners"))]
        for word, who_name in found:
            word = word.lower()
            who = _resolve(who_name, lookup)
            rtype = kinds.get(word) or ("family" if word in family else None)
            if who is None or who == head or rtype is None:
                continue
            if rtype == "family":
                rel = Relation(who, "family", head, first_sentence + k, rules.role(word))
            else:
                rel = Relation(head, rtype, who, first_sentence + k)
            out.setdefault((rel.source, rel.type, rel.target, rel.role), rel)
    return sorted(out.values(), key=lambda r: (r.sentence, r.source, r.type, r.target))
