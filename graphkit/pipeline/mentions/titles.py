"""Titles of works found by discovery: cue words ("the film X"), years in brackets, italics,
and closed-class words capitalised in mid-sentence (the film *Her*, never the pronoun).

Three constructions shape a title's bounds:

- a title may hold the particles of other languages between its capitalised
  words ("Le Verger de Verre"), as it holds English "of" or "the";
- an article never follows a possessive inside one noun phrase, so in
  "Billy Wilder's The Apartment" the possessive is the owner's and the title
  starts at the article ("The Winter's Tale", "Ender's Game" stay whole);
- a word repeated after a comma is one phrase, never a list ("Promises,
  Promises"), so a title of one word so repeated is the whole repetition.

Besides the cue nouns, the complement of "remade as", "retitled as",
"reissued as" names a work: "remade as Cold Harbour in 1990".
"""

from __future__ import annotations

import re
from collections import Counter
from functools import cache

from graphkit.io.lexicon import word_list
from graphkit.model import Document
from graphkit.pipeline.mentions.forms import _lexicon, _Run
from graphkit.pipeline.mentions.judge import _speech_near
from graphkit.pipeline.mentions.patterns import _PARTICLES, _UP, _WORK_SMALL

_TITLE = rf"[{_UP}][\w']+(?:[ \t]+(?:(?:{_WORK_SMALL}|{_PARTICLES})[ \t]+)*[{_UP}][\w']+)*"
# "Billy Wilder's The Apartment": the owner before the last possessive that an article follows.
_OWNER = re.compile(r"^.*\w's[ \t]+(?=(?:The|A|An)[ \t])")
# "remade as Cold Harbour", "remade again as ...", "retitled as ..." (the same work under another name).
_REMADE_AS = re.compile(
    rf"(?:remade|retitled|reissued)(?:[ \t]+(?:again|later|in[ \t]+\d{{4}}))?[ \t]+as[ \t]+[\"']?(?P<t>{_TITLE})"
)
_YEAR_BEFORE = re.compile(r"\d{4}\s+$")
_POSSESSIVE_BEFORE = re.compile(r"\w's\s+(?:\d{4}\s+)?$")
_YEAR_IN_BRACKETS = re.compile(r"\((?:1[6-9]|20)\d\d\)")
_TITLE_BEFORE = re.compile(rf"(?<![\w'])(?P<t>{_TITLE})$")
# "the novel X by Ann Lee": the credit after "by" (two capitalised words or more) is not the title.
_BY_CREDIT = re.compile(
    rf" by (?:[{_UP}][\w'-]+ )+[{_UP}][\w'-]+(?: and (?:[{_UP}][\w'-]+ )+[{_UP}][\w'-]+)?$"
)
# "In the film Owen Bevan is played by ...": a character after the cue, not a title.
_PLAYED_AFTER = re.compile(r"[ \t]+(?:(?:is|was)[ \t]+(?:played|voiced|portrayed)|plays)\b")


def _cut_credit(title: str) -> str:
    """``title`` without a trailing "by" credit ("Winter Apples by Gyula Benedek" -> "Winter Apples").

    Examples
    --------
    >>> _cut_credit("The Living and the Dead by Pierre Boileau and Thomas Narcejac")
    'The Living and the Dead'
    >>> _cut_credit("Stand by Me")
    'Stand by Me'
    """
    m = _BY_CREDIT.search(title)
    return title[: m.start()] if m and m.start() > 0 else title


def _bounded(title: str, text: str, start: int, end: int) -> str:
    """``title`` (at ``start:end`` in ``text``) without an owner before it, or repeated after a comma.

    Examples
    --------
    >>> _bounded("Billy Wilder's The Apartment", "", 0, 0)
    'The Apartment'
    >>> _bounded("Ender's Game", "", 0, 0)
    "Ender's Game"
    >>> text = "the musical Promises, Promises (1968)"
    >>> _bounded("Promises", text, 12, 20), _bounded("Promises", text, 22, 30)
    ('Promises, Promises', 'Promises, Promises')
    """
    m = _OWNER.match(title)
    if m:
        return title[m.end() :]
    if " " in title:
        return title
    twice = f"{title}, {title}"
    if (
        text.startswith(twice, start)
        and not text[start + len(twice) : start + len(twice) + 1].isalnum()
    ):
        return twice
    if (
        text.startswith(twice, end - len(twice))
        and not text[end - len(twice) - 1 : end - len(twice)].isalnum()
    ):
        return twice
    return title


@cache
def _cue_re(cue: str) -> re.Pattern[str]:
    """ "the film X", "the film, X", "the novel called X": one pattern per cue word.

    A pattern that opens with a literal word lets the regex engine skip to it,
    where one alternation of all cues would be tried at every position.
    """
    return re.compile(
        rf"{cue}(?P<comma>,?)[ \t]+(?:(?:called|titled|entitled|named)[ \t]+)?[\"']?(?P<t>{_TITLE})"
    )


def _cue_matches(doc: Document, cue: str) -> list[re.Match[str]]:
    """The matches of :func:`_cue_re` in the text, as ``finditer`` gives them.

    Every match opens with the cue word, so the pattern is tried only where the
    word stands (:meth:`Document.occurrences`, shared with other stages that
    search for the same words), never inside an earlier match.
    """
    pattern, text, out, end = _cue_re(cue), doc.text, [], 0
    for i in doc.occurrences(cue):
        if i >= end:
            m = pattern.match(text, i)
            if m:
                out.append(m)
                end = max(m.end(), i + 1)
    return out


def _work_titles(doc: Document) -> list[str]:
    """Titles of works named by cues in the text, and titles the input set in italics.

    Only the cue words that the text uses (:attr:`Document.lower_words`) are searched for.  A title after a
    comma ("Coppola's 2003 movie, Lost in Translation") needs a year or a
    possessive before the cue, so "the play, Monsieur Marius" stays a vocative.
    A title found by a cue that the text elsewhere has speak ("said Darya
    Alexandrovna" after "During the game Darya Alexandrovna was ...") is a person.

    Examples
    --------
    >>> from graphkit.pipeline.document import build_document
    >>> text = ("During the game Anna Petrovna was silent. 'No,' said Anna Petrovna. "
    ...         "'Yes,' said Anna Petrovna. They watched the film Lost Roads.")
    >>> _work_titles(build_document(text))
    ['Lost Roads']
    """
    text = doc.text
    lex = _lexicon()
    found: list[str] = [t for t in doc.titles if 0 < len(t.split()) <= 8 and t[:1].isupper()]
    cued: list[str] = []
    lower = doc.lower_words
    for cue in sorted(word_list("work_cues.txt")):
        if not lower[cue]:
            continue
        for m in _cue_matches(doc, cue):
            t = _bounded(_cut_credit(m.group("t")), text, m.start("t"), m.end("t"))
            if text[m.start() - 1 : m.start()].isalnum() or lex.is_title(t.split()[0]):
                continue
            if t == m.group("t") and _PLAYED_AFTER.match(text, m.end()):
                continue
            head = text[max(0, m.start() - 40) : m.start()]
            dated = bool(_YEAR_BEFORE.search(head) or _POSSESSIVE_BEFORE.search(head))
            if m.group("comma") and not dated:
                continue
            if len(t.split()) >= 2 or _YEAR_BEFORE.search(head) or ", " in t:
                found.append(t)
                if not dated:
                    cued.append(t)
    speaking = {t for t in set(cued) - set(doc.titles) if _speaks(text, t, lex.speech)}
    found = [t for t in found if t not in speaking]
    pos = text.find("(")
    while pos >= 0:
        if _YEAR_IN_BRACKETS.match(text, pos):
            head = text[max(0, pos - 80) : pos].rstrip(" \t")
            t = _TITLE_BEFORE.search(head)
            if t:
                found.append(_bounded(t.group("t"), head, t.start("t"), t.end("t")))
        pos = text.find("(", pos + 1)
    for word in ("remade", "retitled", "reissued"):
        if lower[word]:
            for i in doc.occurrences(word):
                m = _REMADE_AS.match(text, i)
                if m and not lex.is_title(m.group("t").split()[0]):
                    found.append(_cut_credit(m.group("t")))
    return list(dict.fromkeys(found))


def _speaks(text: str, name: str, speech: frozenset[str], sample: int = 200) -> bool:
    """Whether ``name`` takes a speech verb at two of its first ``sample`` uses: a person."""
    hits, i, seen = 0, text.find(name), 0
    while i >= 0 and seen < sample:
        seen += 1
        end = i + len(name)
        if _speech_near(text[max(0, i - 24) : i].split(), text[end : end + 16].split(), speech):
            hits += 1
            if hits >= 2:
                return True
        i = text.find(name, end)
    return False


def _homograph_titles(text: str, runs: list[_Run], lower: Counter) -> list[str]:
    """Closed-class words capitalised in mid-sentence often enough to be titles, such as *Her*.

    The capitalised form must be seen at least twice after a word or a comma
    ("Jonze's Her explores", "the end of Her,") and make up a tenth of the
    word's uses: a novel's dialogue capitalises "He" or "It" now and then after
    a dash, and verse after a bracket or a semicolon, which must not make them titles.
    """
    function = word_list("function_words.txt")
    counts: Counter = Counter()
    for run in runs:
        _, end, title, name, initial = run.pieces[0]
        if len(run.pieces) > 1 or initial or title or len(name) < 2 or " " in name:
            continue
        if name.lower() not in function:
            continue
        for start in run.offsets:
            after = text[start + end : start + end + 2]
            if after[:1] == " " and after[1:2].isupper():
                continue  # part of a longer capitalised run ("The Times")
            i = start - 1
            while i > 0 and text[i] in " \t":
                i -= 1
            if not (text[i].isalnum() or text[i] in ",'"):
                continue  # a line of verse, "(We know ...", "denial; We must ...": not mid-sentence
            counts[name] += 1
    return [w for w, n in counts.items() if n >= 2 and n * 10 >= lower[w.lower()]]
