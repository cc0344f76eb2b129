"""What a rule's match names: its source and target entities, with pronouns, pairs, lists and kin resolved.

A pronoun, "the pair" or "the film" is resolved by :class:`.masking._Sentence`;
a kin word with no name after it ("her husband") by :mod:`.kin`.  Names listed
after the target ("starring A, B and C", "his daughters A, B and C") are
targets too, but not after a singular kin word: "his son, Emma, and Harriet"
lists people, it does not make Emma a son.
"""

from __future__ import annotations

import re

from graphkit.io.rules import SLOT_KINDS, Rule
from graphkit.pipeline.relations.masking import _Sentence


def _listed(s: _Sentence, kind: str, pos: int) -> list[str]:
    """Names of ``kind`` listed right after offset ``pos``: ", B", " and C"."""
    # A bracketed credit between listed names is skipped: "A (X), B (Y) and C"; so is
    # a fond word before a name ("Margaret, Lucy and little Fanny").
    tail = re.compile(
        rf"(?: \([^()]*\))?(?:,? and |, | or )(?:(?:little|young|poor|dear) )?(⟦[{SLOT_KINDS[kind]}]\d+⟧)"
    )
    names = []
    while (more := tail.match(s.masked, pos)) is not None:
        names.append(s.entity(more.group(1)))
        pos = more.end()
    return names


def _sources_and_targets(
    s: _Sentence, rule: Rule, m: re.Match[str]
) -> tuple[list[str], list[str]] | None:
    """The entities a match names (pronouns and "the pair" resolved), or ``None``."""
    groups = m.groupdict()
    if groups.get("pair_pro"):
        pair = s.resolve_pair(rule, m.start("pair_pro"))
        return ([pair[0]], [pair[1]]) if pair else None
    chosen: dict[str, list[str]] = {}
    for side in ("source", "target"):
        if groups.get(side):
            chosen[side] = [s.entity(groups[side])]
    for side in ("source", "target"):
        if groups.get(f"{side}_pro"):
            other = chosen.get("target" if side == "source" else "source", [None])[0]
            if getattr(rule, side) == "work":
                name = s.resolve_work(m.start(f"{side}_pro"), other)
            else:
                name = s.resolve_pronoun(getattr(rule, side), m.start(f"{side}_pro"), other)
            if name is None:
                return None
            chosen[side] = [name]
    if rule.kin and "source" in chosen:
        # "her husband", "Mrs. Bennet's daughters": the relatives the names tell.
        word = groups.get("role") or groups.get("kin") or ""
        chosen["target"] = s.kin(chosen["source"][0], word, groups.get("source_pro") or "")
    if rule.each:
        # The first fitting name after the match, and names listed with it ("A, B and C").
        kind = getattr(rule, rule.each)
        fixed = chosen.get("target" if rule.each == "source" else "source", [None])[0]
        first = re.compile(rf"[^;]*?(⟦[{SLOT_KINDS[kind]}]\d+⟧)").match(s.masked, m.end())
        if first is None:
            return None
        chosen[rule.each] = [s.entity(first.group(1)), *_listed(s, kind, first.end())]
        chosen[rule.each] = [n for n in chosen[rule.each] if n != fixed]
    word = (groups.get("role") or "").lower()
    if (
        rule.list
        and groups.get("target")
        and (not word or word.endswith("s") or word == "children")
    ):
        # "his daughters A, B and C"; but "his son, Emma, and Harriet" is a list of people.
        chosen["target"] += _listed(s, rule.target, m.end("target"))
    if "source" not in chosen or "target" not in chosen:
        return None
    return chosen["source"], chosen["target"]
