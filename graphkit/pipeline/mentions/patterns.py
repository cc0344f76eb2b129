"""The shape of a name: capitalised words, titles, initials and particles, as compiled regexes.

Shared by cast lookup and discovery, so both cut names the same way.
"""

from __future__ import annotations

import re

from graphkit.io.lexicon import trie_regex, word_list, word_table

_UP = "A-ZÀ-ÖØ-Þ"
_LO = "a-zß-öø-ÿ"
# An apostrophe inside a word that stands for dropped letters, "Em'ly", "Dan'l", is part of
# the name; a clitic ("Tom's", "Ham'll", "Barkis'd") is not.
_ELIDED = rf"'(?!(?:s|d|t|m|ll|re|ve)(?![{_LO}]))[{_LO}]+"
_NAME_WORD = rf"(?:O'|D')?(?:[{_UP}][{_LO}]{{1,3}}(?=[{_UP}]))?[{_UP}][{_LO}]+(?:-[{_UP}]?[{_LO}]+|'[{_UP}][{_LO}]+|{_ELIDED})*"
_PARTICLES = "de|du|da|van|von|der|den|del|della|di|le|la|y|ter|ten|bin|ibn|al"
_PARTICLE_WORDS = frozenset(_PARTICLES.split("|"))
_GAP = r"(?:[ \t]+|[ \t]*\n[ \t]*)"
_WORK_SMALL = "a|an|the|of|in|on|and|to|for|with|at|by|from|is|it|or|as|into"


def _title_atoms(title: str) -> list[str]:
    """A title as regex atoms: "Mr." also as "Mr ." (tokenised corpora), "Sir" before a space."""
    if title.endswith("."):
        return [*map(re.escape, title[:-1]), r"[ \t]?\."]
    return [*map(re.escape, title), r"(?=\s)"]


_REGNAL = r"(?:II|III|IV|VI|VII|VIII|IX|XI|XII|XIII|XIV|XV|XVI)(?![\w'])"
_NAME_RE: re.Pattern[str] | None = None


def _name_re() -> re.Pattern[str]:
    """Capitalised runs: an optional title, then name words, initials and particles.

    The pattern opens with a look-ahead for a capital so the regex engine can skip
    ahead quickly; the caller checks the character before the match.
    """
    global _NAME_RE
    if _NAME_RE is None:
        initial = rf"(?!I[ \t]?\.)[{_UP}][ \t]?\.(?={_GAP}[{_UP}])"
        saint = rf"St[ \t]?\.(?=[ \t]+[{_UP}])"
        titles = word_table("honorifics.txt")
        # A run stops before a dotted title, so "If Mrs. Todd" keeps its title.
        dotted = trie_regex(_title_atoms(t) for t in titles if t.endswith("."))
        word = rf"(?:{saint}|{_NAME_WORD}|{initial})"
        _NAME_RE = re.compile(
            rf"(?=[{_UP}])(?:(?P<title>{trie_regex(map(_title_atoms, titles))}){_GAP})?"
            rf"(?P<name>{word}(?:{_GAP}(?:(?:{_PARTICLES}){_GAP}){{0,2}}(?!{dotted}){word})*"
            rf"(?:[ \t]+{_REGNAL})?)"
        )
    return _NAME_RE


def _is_initial(text: str, sentence_start: int, start: int) -> bool:
    """Whether ``start`` opens a sentence, a quotation or a clause after a colon."""
    head = text[max(sentence_start, start - 4) : start]
    if start - sentence_start <= 4 and not any(c.isalnum() for c in text[sentence_start:start]):
        return True
    head = head.rstrip(" \t")
    return bool(head) and (head[-1] in "\"':" or head.endswith(("—", "--")))


def _homograph(form: str) -> bool:
    """Whether a name is also an ordinary closed-class word ("Her", "It", "Us")."""
    return form.lower() in word_list("function_words.txt")


_VERBISH = re.compile(
    r"\s+(?:'s\b|and\b|is\b|was\b|has\b|had\b|[,:;)]|[a-z]+(?:s|ed)\b(?!\s+(?:were|are|was|is|had|have|seemed|looked|grew|filled|fell)\b))"
)


def _title_opens_sentence(text: str, end: int) -> bool:
    """Whether a homograph title ("Her") at the start of a sentence is the title, not the pronoun.

    The title is followed by a verb, a possessive or "and"; the pronoun by a
    noun ("Her eyes were ...").
    """
    return bool(_VERBISH.match(text, end)) or text.startswith("'s", end)
