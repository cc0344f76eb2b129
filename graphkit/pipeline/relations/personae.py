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

_NAME = r"(?:[Tt]he\s+)?[A-Z][\w.\-]*(?:['’]\w*)?(?:\s+(?:de|la|le|of|[A-Z][\w.\-]*(?:['’]\w*)?))*"
_OWNED = rf"{_NAME}(?:['’]s|(?<=s)['’])"
_AGE = r"(?:(?:young|old|elder|younger|eldest|youngest|little|only|second|third)\s+)?"
# "wife to Capulet", "the Prince's kinsman", "Romeo's, Montague's and Lady Montague's kinsman"
_TO = re.compile(rf"\b(?P<noun>[a-z]+)\s+(?:to|of)\s+(?P<who>{_NAME})")
_OF = re.compile(rf"(?P<owners>{_OWNED}(?:(?:,\s*|\s+and\s+){_OWNED})*)\s+{_AGE}(?P<noun>[a-z]+)\b")
_OWNER = re.compile(rf"({_NAME})(?:['’]s|['’])")
# "NAME, description" or "NAME to WHOM" ("NURSE to Juliet.")
_ENTRY = re.compile(r"^(?P<head>[^,]+?)(?:\s*,\s*|\s+(?=(?:to|of)\s))(?P<desc>.+?)\.?$")
_TITLE = re.compile(r"^(?:(?:an?|the)\s+)?([A-Z][a-z]+)\b(?!['’])")


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
    for cid, forms in sorted(names.items()):
        for form in (cid, *forms):
            lookup.setdefault(_key(form), cid)
    parsed = [_ENTRY.match(" ".join(e.split())) for e in entries]
    heads = [lookup.get(_key(m.group("head"))) if m else None for m in parsed]
    titled: dict[str, list[str]] = {}
    for m, head in zip(parsed, heads, strict=True):
        t = _TITLE.match(m.group("desc")) if m and head else None
        if t:
            titled.setdefault(_key(t.group(1)), []).append(head)
    for word, who in titled.items():
        if len(who) == 1:
            lookup.setdefault(word, who[0])
    kinds = rules.personae
    family = set(rules.generations) | set(rules.roles) | set(rules.roles.values())
    out: dict[tuple[str, str, str, str], Relation] = {}
    for k, (m, head) in enumerate(zip(parsed, heads, strict=True)):
        if m is None or head is None:
            continue
        desc = m.group("desc")
        found: list[tuple[str, str]] = []
        noun = m.group("head").split()[-1].lower()  # "NURSE to Juliet"
        lead = re.match(rf"(?:to|of)\s+({_NAME})", desc)
        if lead:
            found.append((noun, lead.group(1)))
        found += [(t.group("noun"), t.group("who")) for t in _TO.finditer(desc)]
        for t in _OF.finditer(desc):
            found += [(t.group("noun"), o) for o in _OWNER.findall(t.group("owners"))]
        for word, who_name in found:
            # "servant to Juliet's Nurse": the one possessed, when the whole is no name
            who = lookup.get(_key(who_name)) or lookup.get(
                _key(re.split(r"['’]s?\s+", who_name)[-1])
            )
            rtype = kinds.get(word) or ("family" if word in family else None)
            if who is None or who == head or rtype is None:
                continue
            if rtype == "family":
                rel = Relation(who, "family", head, first_sentence + k, rules.role(word))
            else:
                rel = Relation(head, rtype, who, first_sentence + k)
            out.setdefault((rel.source, rel.type, rel.target, rel.role), rel)
    return sorted(out.values(), key=lambda r: (r.sentence, r.source, r.type, r.target))
