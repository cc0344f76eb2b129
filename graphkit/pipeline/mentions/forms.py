"""Capitalised runs and the evidence kept for each surface form during discovery.

Every distinct run (same words, same gaps, same sentence position) is found
in one regex pass with the offsets where it occurs; the word lists that
discovery consults are loaded once (:func:`lexicon`).  A run right after a
letter, or after an apostrophe inside a word ("Em'ly", "O'Brien"), is part of
a word and no name; after a single quote that opens speech ("'Martha,' said
Mr. Peggotty"), it is one.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, fields
from functools import cache

import numpy as np

from graphkit.io.lexicon import common_words, word_list, word_table
from graphkit.model import Document, Mention
from graphkit.pipeline.document import sentence_index
from graphkit.pipeline.mentions.patterns import _LO, _PARTICLE_WORDS, _UP, _name_re

_CONTEXT_SAMPLE = 40
#: From this many characters on (a short novel), a form seen once needs a person cue.
_LONG_TEXT = 200_000
_HYPHEN_TAIL = re.compile(rf"-([{_LO}]+)$")
_RAW_WORD = re.compile(r"\S+(?:[ \t]+\.(?!\S))?")
# Characters after which a capital says nothing about a name.  An opening
# bracket is not one of them: capitals are optional there ("Theodore (Joaquin Phoenix)").
_OPENING = frozenset(".!?\"':—-_*")
# A bracketed credit of two capitalised words or more: " (Reginald Denny)", " (Laurence Olivier)".
_CREDIT = re.compile(rf"[ \t]?\((?:[{_UP}][{_LO}'.-]*[ \t]+)+[{_UP}][{_LO}'-]+\)")
# An apposition that a determiner or an owner opens: ", Martin's oldest friend,", ", the brother of".
_APPOSITION = re.compile(
    rf",[ \t]+(?:the|an?|his|her|their|[{_UP}][{_LO}-]*'s)[ \t]+(?:[{_LO}]+[ \t]+){{0,2}}?"
    rf"(?P<noun>[{_LO}]+)(?=[ \t]*[,.;]|[ \t]+of[ \t])"
)


@dataclass
class _Form:
    """Evidence gathered for one surface form during discovery."""

    count: int = 0
    mid: int = 0
    initial: int = 0
    titled: int = 0
    speech: int = 0
    placed: int = 0
    determined: int = 0
    owner: int = 0
    commanding: int = 0  # followed by an object pronoun: "Tell me", "Give us"
    named_speaking: int = 0  # right after a speech verb: "said Pooh"
    credited: int = 0  # an actor credited in brackets after it: "Frank Crawley (Reginald Denny)"
    apposed: int = 0  # a kin or friend noun in apposition: "Claire Fabre, Martin's oldest friend,"
    sampled: int = 0


@dataclass(frozen=True)
class Discovery:
    """What discovery decided, for inspection: accepted forms and the work titles found."""

    mentions: tuple[Mention, ...]
    forms: dict[str, str]
    rejected: dict[str, str]
    titles: tuple[str, ...]


def _initial_at(text: str, start: int) -> bool:
    """Whether the word at ``start`` opens a sentence, a quotation or a clause after a colon."""
    i = start - 1
    while i >= 0 and text[i] in " \t\n":
        i -= 1
    return i < 0 or text[i] in _OPENING


def _fold(name: str) -> str:
    """One space between words, none before a full stop ("St . Aubert" -> "St. Aubert")."""
    if "\n" in name or "\t" in name or "  " in name:
        name = " ".join(name.split())
    return name.replace(" .", ".") if " ." in name else name


class _Lexicon:
    """The word lists discovery consults, loaded once."""

    def __init__(self) -> None:
        self.common = common_words()
        self.known = word_list("proper_nouns.txt.gz")
        self.function = word_list("function_words.txt")
        self.honorifics = word_table("honorifics.txt")
        self.speech = word_list("speech_verbs.txt")
        self.place_words = word_list("place_words.txt")
        self.place_first = word_list("place_first_words.txt")
        self.places = word_list("places.txt")
        self.not_names = word_list("not_names.txt") | word_list("demonyms.txt")
        self.offices = word_list("offices.txt")
        self.person_nouns = word_list("person_nouns.txt")
        cues = word_list("place_cues.txt")
        self.place_cues = frozenset(c for c in cues if " " not in c)
        self.place_cue_pairs = frozenset(c for c in cues if " " in c)
        self.person_cue_pairs = word_list("person_cues.txt")

    def is_title(self, word: str) -> bool:
        return word in self.honorifics or word.rstrip(".") in self.honorifics


@cache
def _lexicon() -> _Lexicon:
    return _Lexicon()


@dataclass
class _Run:
    """One distinct capitalised run (same words, same gaps, same sentence position).

    ``offsets`` are where it occurs; ``pieces`` are its parts relative to an
    occurrence's start: ``(start, end, title, name, initial)``; ``credited``
    whether an actor's name in brackets follows it once at least ("Maxim de
    Winter (Laurence Olivier)").
    """

    offsets: list[int]
    pieces: list[tuple[int, int, str | None, str, bool]]
    credited: bool = False


def _runs(doc: Document) -> list[_Run]:
    """Distinct capitalised runs inside sentences, each with the offsets where it occurs.

    A run that a line break cuts ("Europe\\nFrance" in hard-wrapped text) is kept
    whole only when the same words, with or without the run's title, also stand
    together on one line elsewhere ("Lady Catherine de\\nBourgh").
    """
    text = doc.text
    found: dict[tuple[str, str | None, bool], list[int]] = defaultdict(list)
    credited: set[tuple[str, str | None, bool]] = set()
    # One call per match for what is needed later: start, text and title.
    matches = [(m.start(), *m.group(0, "title")) for m in _name_re().finditer(text)]
    if not matches:
        return []
    starts = np.fromiter((m[0] for m in matches), dtype=np.int64, count=len(matches))
    inside = (sentence_index(doc, starts) >= 0).tolist()
    for (start, group, title), ok in zip(matches, inside):
        if not ok:
            continue
        prev = text[start - 1 : start]
        if prev and (prev.isalnum() or (prev == "'" and text[start - 2 : start - 1].isalnum())):
            continue
        after = start + len(group)
        if text.startswith("'t", after) and not text[after + 2 : after + 3].isalpha():
            continue  # a contraction opening a sentence: "Wasn't", "Didn't", "Couldn't"
        key = (group, title, title is None and _initial_at(text, start))
        found[key].append(start)
        if text.startswith("(", after + 1) and _CREDIT.match(text, after):
            credited.add(key)
    one_line = {" ".join(match.split()) for match, _, _ in found if "\n" not in match}
    runs = []
    for (match, title, initial), offsets in found.items():
        cue = (match, title, initial) in credited
        name_start = match.index(title) + len(title) if title else 0
        name_start += len(match[name_start:]) - len(match[name_start:].lstrip())
        name = match[name_start:]
        # "Lady Catherine de\nBourgh": the whole run (title too) on one line elsewhere.
        if (
            "\n" not in name
            or " ".join(name.split()) in one_line
            or " ".join(match.split()) in one_line
        ):
            runs.append(_Run(offsets, [(0, len(match), title, name, initial)], cue))
            continue
        pieces = []
        pos = name_start
        for k, line in enumerate(name.split("\n")):
            word = line.strip()
            if not word:
                continue
            a = match.index(word, pos)
            if k == 0:
                pieces.append((0, a + len(word), title, word, initial))
            else:
                prev_char = match[:a].rstrip()[-1:]
                pieces.append((a, a + len(word), None, word, prev_char in _OPENING))
            pos = a + len(word)
        runs.append(_Run(offsets, pieces, cue))
    return runs


def _particle_case(forms: dict[str, _Form]) -> dict[str, str]:
    """Forms that differ from another only by a particle's capital: key -> the form kept.

    "Miss De Bourgh" (nine uses) and "Miss de Bourgh" (ten) are one name: each
    key whose particle after its first word (``patterns._PARTICLES``) is written
    both ways is mapped to the spelling used more often (on a tie, the
    lower-case one), and its counts are added to that form's.  A particle the
    text never writes in lower case keeps its capital ("Miss La Creevy").

    Examples
    --------
    >>> forms = {"Miss De Bourgh": _Form(count=9), "Miss de Bourgh": _Form(count=10),
    ...          "Miss La Creevy": _Form(count=5)}
    >>> _particle_case(forms), forms["Miss de Bourgh"].count, "Miss De Bourgh" in forms
    ({'Miss De Bourgh': 'Miss de Bourgh'}, 19, False)
    """
    groups: dict[str, list[str]] = defaultdict(list)
    for key in forms:
        words = key.split()
        if any(w.lower() in _PARTICLE_WORDS for w in words[1:]):
            folded = " ".join(
                words[:1] + [w.lower() if w.lower() in _PARTICLE_WORDS else w for w in words[1:]]
            )
            groups[folded].append(key)
    mapping: dict[str, str] = {}
    for keys in groups.values():
        if len(keys) < 2:
            continue
        keep = max(keys, key=lambda k: (forms[k].count, k))  # a tie: 'de' (> 'De')
        for k in keys:
            if k != keep:
                mapping[k] = keep
                kept, gone = forms[keep], forms.pop(k)
                for f in fields(_Form):
                    setattr(kept, f.name, getattr(kept, f.name) + getattr(gone, f.name))
    return mapping
