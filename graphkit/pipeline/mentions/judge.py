"""Judging one surface form on document-level evidence: context cues and the reasons to reject it.

:func:`_read_context` reads a sample of a form's occurrences ("said X",
"in X", "X's mother", a determiner before it); :func:`_reject_reason` says
why a form is no name (a common word, a place, a sentence opener, ...), or
``None`` when it is one.

A full name in brackets right after a form, "Frank Crawley (Reginald Denny)",
is how articles credit the actor who plays a character: the form it follows
is a person's name as surely as the owner in "X's mother", so it is a name
even when the text only ever opens a sentence with it; so is a form that a
kin or friend noun stands in apposition to ("Claire Fabre, Martin's oldest
friend, teaches", "Lucien, the brother of Hope, returns").
"""

from __future__ import annotations

import re
from collections import Counter

from graphkit.pipeline.mentions.forms import _APPOSITION, _CREDIT, _HYPHEN_TAIL, _Form, _Lexicon

_OBJECT_PRONOUNS = frozenset(["me", "us", "him", "them", "you", "it", "thee", "ye"])
# Not "that" or "this": they also stand before a name as pronouns ("that Henry said").
_DETERMINERS = frozenset(["the", "The", "a", "A", "an", "An"])


def _read_context(text: str, start: int, end: int, form: _Form, lex: _Lexicon) -> None:
    """Count the cues around one occurrence: a speech verb, a place preposition."""
    before = text[max(0, start - 24) : start].split()
    after = text[end : end + 16].split()
    if _speech_near(before, after, lex.speech):
        form.speech += 1
        if before and before[-1] in lex.speech:
            form.named_speaking += 1  # "said Pooh": never an interjection's place
    # "in X", "the city of X", and "Y of X" after a name ("Mahmoud of Ghizni").
    # Not "smiled at X": a person (data/person_cues.txt).
    pair = " ".join(before[-2:])
    cue = (
        before
        and (
            before[-1] in lex.place_cues
            or pair in lex.place_cue_pairs
            or (before[-1] == "of" and len(before) > 1 and before[-2][:1].isupper())
        )
        and pair not in lex.person_cue_pairs
    )
    possessive = (after and after[0] in ("'s", "'")) or text.startswith("'s", end)
    if cue and not possessive:
        form.placed += 1
    if after and after[0].strip(".,;:!?\"'") in _OBJECT_PRONOUNS:
        form.commanding += 1
    # "the X", "a X": a thing, a ship, a place or a post, seldom a person ("the Hudson").
    if before and before[-1] in _DETERMINERS and not possessive:
        form.determined += 1
    # "Frank Crawley (Reginald Denny)": a character the article credits to an actor.
    if text.startswith("(", end + (text[end : end + 1] == " ")) and _CREDIT.match(text, end):
        form.credited += 1
    # "Claire Fabre, Martin's oldest friend, ...": a kin or friend noun in apposition.
    # (Read only while the form has no mid-sentence use: it matters for no other.)
    if not form.mid and text.startswith(", ", end):
        m = _APPOSITION.match(text, end)
        if m and m.group("noun") in lex.person_nouns:
            form.apposed += 1
    # "X's mother", "X's hand": the owner is a person.
    if possessive:
        owned = after[1:2] if after and after[0] in ("'s", "'") else after[:1]
        if owned and owned[0].strip(".,;:!?") in lex.person_nouns:
            form.owner += 1


_EPITHETS = ("late", "old", "young", "little", "poor", "good")
_PRENOMINAL = re.compile(
    r"(?:(?<![\w'])(?:[Tt]he|[Tt]his|[Tt]hat)[ \t]+)?(?:(?<![\w'])(?:"
    + "|".join(_EPITHETS)
    + r")[ \t]+)+$"
)
_FAMILY_THE = re.compile(r"(?<![\w'])[Tt]he[ \t]+$")


def _noun_phrase_start(text: str, start: int, key: str) -> int:
    """Where the noun phrase of a name starts, as literary annotation marks it.

    Epithets of age, affection or pity stay with the name ("old Pontifex",
    "poor Stevie", "the late Lady Belmont"), and so does the article of a
    family named in the plural ("the Bennets").
    """
    before = text[max(0, start - 32) : start]
    m = before.rstrip(" \t").endswith(_EPITHETS) and _PRENOMINAL.search(before)
    if m:
        return start - (len(before) - m.start())
    if key.endswith("s") and not key.endswith("ss") and " " not in key:
        m = before.rstrip(" \t").endswith(("the", "The")) and _FAMILY_THE.search(before)
        if m:
            return start - (len(before) - m.start())
    return start


def _dotted(title: str) -> str:
    """Write abbreviated honorifics with their full stop: "Mr" -> "Mr.", "Mr ." -> "Mr."."""
    title = title.replace(" ", "")
    return (
        title
        if title.endswith(".")
        or len(title) > 4
        or title
        in ("Sir", "Lord", "King", "Miss", "Lady", "Aunt", "Don", "Dame", "Herr", "Frau", "Dean")
        else title + "."
    )


def _speech_near(before: list[str], after: list[str], speech: frozenset[str]) -> bool:
    """A speech verb right before or after the name: "said Alice", "said the Hatter", "Alice replied"."""
    if before and before[-1].strip("\"',") in speech:
        return True
    if (
        len(before) > 1
        and before[-1] in _DETERMINERS
        and before[-2].strip("\"',") in speech
        and (not after or after[0][0] in ",.;:!?\"'")
    ):
        return True  # '"No," said the Hatter.' (not "he said the Hudson was cold")
    for word in after[:2]:
        word = word.strip("\"',")
        if word:
            return word in speech
    return False


def _reject_reason(
    key: str,
    form: _Form,
    lower: Counter,
    mid_words: Counter,
    lex: _Lexicon,
    personal: set[str],
    min_count: int,
    long_text: bool = False,
    surnames: set[str] | frozenset[str] = frozenset(),
) -> str | None:
    """Why a surface form is not a name, or ``None`` when it is one."""
    if form.count < min_count:
        return "too rare"
    if form.count == 1 and long_text and not (form.titled or form.speech or form.owner):
        # In a novel a character is named more than once; a lone capitalised
        # form without a title or a speech verb is mostly a place, a book or a stray word.
        return "once in a long text"
    words = key.split()
    if all(len(w) == 2 and w.endswith(".") for w in words):
        return "initials only"  # "P.", "P. M."
    if form.titled:
        words = words[1:]
    # One speech cue among many uses is chance ("People say", "Europe, said he"): a
    # speaker is seen speaking in at least one sampled use in eight.
    speaks = form.speech > 0 and form.speech * 8 >= form.sampled
    # A rank that speaks, mostly as "the King", "the Duchess", "the Bishop", is a character's
    # name (not "Madame" or "Sir", forms of address that take no article).
    rank_as_name = (
        speaks
        and form.speech >= 3
        and len(words) == 1
        and lex.is_title(words[0])
        and form.determined * 2 >= form.sampled
    )
    # A word of the lists that the text has speak again and again ("said Pooh", not '"Pooh!"
    # said he') is a name: an interjection or a weekday never follows "said".
    named = form.named_speaking >= 3 and form.named_speaking * 8 >= form.sampled
    if (
        not rank_as_name
        and not named
        and all(
            lex.is_title(w)
            or w in lex.not_names
            or (w.endswith("s") and w[:-1] in lex.not_names)  # "Saturdays", "Germans"
            or w in lex.offices
            or w.lower() in lex.function
            for w in words
        )
    ):
        return "not a name"  # "Lord High Chancellor", "the Governor"
    tail = _HYPHEN_TAIL.search(words[-1])
    if tail and tail.group(1) in lex.common:
        return "compound word"  # "God-fearing", "English-speaking"
    if form.titled:
        return None
    first = words[0].split("-")[0]  # "Mont-Saint-Jean", "Port-Royal"
    if words[-1] in lex.place_words or first in lex.place_first or words[-1].endswith("shire"):
        return "place"
    person_cue = speaks or form.owner > 0 or (len(words) == 1 and key in personal)
    # A family in the plural: "the Bennets".  A long text names a family member in the
    # singular somewhere too; if it never does, "the Tuileries" is no family.
    last = words[-1]
    family = (
        len(words) <= 2
        and last.endswith("s")
        and not last.endswith("ss")
        and (
            not long_text
            or last[:-1] in surnames
            or (last.endswith("es") and last[:-2] in surnames)
        )
    )
    if not person_cue and not family and form.determined * 2 > form.sampled:
        return "after an article"  # "the Hudson", "the Lord Chancellor"; not "the Bennets"
    if not person_cue and (key in lex.places or all(w in lex.places for w in words)):
        return "place"
    # Mostly after "in", "at", "from": a place (one cue among two uses is not enough).
    placed = form.placed
    if (
        not person_cue
        and placed
        and (
            placed == form.sampled
            or (placed >= 2 and placed * 2 >= form.sampled)
            or (placed >= 3 and placed * 3 >= form.sampled)
        )
    ):
        return "place"
    ordinary = [
        w
        for w in words
        if (w.lower() in lex.common or w.lower() in lex.function) and w not in lex.known
    ]
    if len(ordinary) == len(words):
        if speaks:
            return None
        if len(words) > 1:
            return "ordinary words"
        word = words[0]
        if lower[word.lower()] or form.mid < 3:
            # An English word standing alone ("Son", "Truth") is a name only when the
            # text makes it speak, gives it a title, or capitalises it again and again.
            return "ordinary word"
        return None
    if len(words) == 1 and lower[key.lower()] > form.mid:
        return "mostly lower case"
    if form.mid == 0 and not (form.speech or form.owner or form.credited or form.apposed):
        if form.initial < 2 and not all(w in lex.known for w in words):
            return "only at sentence start"
        if len(words) == 1 and key.lower() in lex.common and form.commanding * 2 > form.sampled:
            # "Tell me ...", "Give us ...": a verb opening its sentence, not a name,
            # whatever the word may name elsewhere ("William Tell").
            return "a verb at sentence start"
    return None
