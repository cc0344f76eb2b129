"""Document -> name mentions.

Two ways to find names:

* with a :class:`~graphkit.cast.Cast`: every name and alias of the cast file
  is looked up (one compiled regex, longest names first);
* without one, *discovery*: capitalised word sequences (with honorifics such
  as "Mr." kept in the name) are judged by document-level evidence: how often
  a word is capitalised in mid-sentence and how often it is seen in lower
  case, whether it is an ordinary English word, whether it follows a place
  preposition, and cues such as "said X".  Titles of works come from cues
  ("the film X", "X (2003)", "Jonze's 2013 movie, X"), from italics in HTML
  input, and from closed-class words capitalised in mid-sentence (the film
  *Her*, never the pronoun *her*).

Mentions come out in text order with ``character`` set to the surface form's
key; :mod:`graphkit.characters` merges aliases into characters.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

import numpy as np

from .cast import Cast
from .lexicon import common_words, word_list, word_table
from .model import Document, Mention

__all__ = ["find_mentions", "cast_mentions", "lookup_mentions", "discover_mentions", "Discovery"]

_UP = "A-ZÀ-ÖØ-Þ"
_LO = "a-zß-öø-ÿ"
_NAME_WORD = rf"(?:O'|D')?(?:[{_UP}][{_LO}]{{1,3}}(?=[{_UP}]))?[{_UP}][{_LO}]+(?:-[{_UP}]?[{_LO}]+|'[{_UP}][{_LO}]+)*"
_PARTICLES = "de|du|da|van|von|der|den|del|della|di|le|la|y|ter|ten|bin|ibn|al"
_GAP = r"(?:[ \t]+|[ \t]*\n[ \t]*)"
_WORK_SMALL = "a|an|the|of|in|on|and|to|for|with|at|by|from|is|it|or|as|into"


def _honorific_pattern() -> str:
    titles = sorted(word_table("honorifics.txt"), key=len, reverse=True)
    return "|".join(re.escape(t) + (r"(?=\s)" if not t.endswith(".") else "") for t in titles)


_NAME_RE: re.Pattern[str] | None = None


def _name_re() -> re.Pattern[str]:
    global _NAME_RE
    if _NAME_RE is None:
        word = rf"(?:{_NAME_WORD}|[{_UP}]\.(?={_GAP}[{_UP}]))"
        _NAME_RE = re.compile(
            rf"(?<![\w'])(?:(?P<title>{_honorific_pattern()}){_GAP})?"
            rf"(?P<name>{word}(?:{_GAP}(?:(?:{_PARTICLES}){_GAP})?{word})*)"
        )
    return _NAME_RE


def _sentence_index(doc: Document, positions: np.ndarray) -> np.ndarray:
    """Index of the sentence holding each position, or -1 outside every sentence."""
    if not doc.sentences or len(positions) == 0:
        return np.full(len(positions), -1, dtype=np.int64)
    starts = np.fromiter((s.start for s in doc.sentences), dtype=np.int64, count=len(doc.sentences))
    ends = np.fromiter((s.end for s in doc.sentences), dtype=np.int64, count=len(doc.sentences))
    idx = np.searchsorted(starts, positions, side="right") - 1
    ok = (idx >= 0) & (positions < ends[np.clip(idx, 0, None)])
    return np.where(ok, idx, -1)


def _is_initial(text: str, sentence_start: int, start: int) -> bool:
    """Whether ``start`` opens a sentence, a quotation or a clause after a colon."""
    head = text[max(sentence_start, start - 4) : start]
    if start - sentence_start <= 4 and not any(c.isalnum() for c in text[sentence_start:start]):
        return True
    head = head.rstrip(" \t")
    return bool(head) and (head[-1] in "\"':" or head.endswith(("—", "--")))


def _possessive_end(text: str, end: int) -> int:
    """Skip a possessive "'s" (or a bare "'" after s) after a name."""
    if text.startswith("'s", end) and not text[end + 2 : end + 3].isalpha():
        return end + 2
    return end


# --- cast files ----------------------------------------------------------------------


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


def lookup_mentions(doc: Document, owner: dict[str, tuple[str, str]]) -> list[Mention]:
    """Mentions of known surface forms (``{form: (canonical name, kind)}``), longest form first.

    A form that is also a closed-class word ("Her") opening a sentence counts
    only when a verb or possessive follows it, so the pronoun is left alone.
    """
    if not owner:
        return []
    forms = sorted(owner, key=len, reverse=True)
    pattern = re.compile(r"(?<![\w'])(?:" + "|".join(map(re.escape, forms)) + r")(?![\w])")
    text = doc.text
    matches = list(pattern.finditer(text))
    starts = np.fromiter((m.start() for m in matches), dtype=np.int64, count=len(matches))
    out = []
    for m, si in zip(matches, _sentence_index(doc, starts).tolist()):
        if si < 0:
            continue
        form = m.group()
        if (
            _homograph(form)
            and _is_initial(text, doc.sentences[si].start, m.start())
            and not _title_opens_sentence(text, m.end())
        ):
            continue
        name, kind = owner[form]
        out.append(Mention(m.start(), m.end(), form, name, kind, si))
    return out


def cast_mentions(doc: Document, cast: Cast) -> list[Mention]:
    """Mentions of the names and aliases of ``cast`` in the sentences of ``doc``.

    Examples
    --------
    >>> from graphkit.cast import parse_cast
    >>> from graphkit.document import build_document
    >>> cast = parse_cast("- {name: Theodore, aliases: [Theo]}\\n- {name: Her, kind: work}")
    >>> doc = build_document("Her follows Theo. Her eyes were red. Theodore's film is Her.")
    >>> [(m.text, m.character, m.kind) for m in cast_mentions(doc, cast)]
    [('Her', 'Her', 'work'), ('Theo', 'Theodore', 'character'), ('Theodore', 'Theodore', 'character'), ('Her', 'Her', 'work')]
    """
    owner = {form: (entry.name, entry.kind) for entry in cast.entries for form in entry.forms}
    return lookup_mentions(doc, owner)


# --- discovery -----------------------------------------------------------------------


@dataclass
class _Form:
    """Evidence gathered for one surface form during discovery."""

    count: int = 0
    mid: int = 0
    initial: int = 0
    titled: int = 0
    speech: int = 0
    placed: int = 0
    occurrences: list[int] = field(default_factory=list)


@dataclass(frozen=True)
class Discovery:
    """What discovery decided, for inspection: accepted forms and the work titles found."""

    mentions: tuple[Mention, ...]
    forms: dict[str, str]
    rejected: dict[str, str]
    titles: tuple[str, ...]


def _word_counts(text: str) -> tuple[Counter, Counter]:
    """Lower-case and capitalised word counts of the whole text (one split, no regex per token)."""
    lower: Counter = Counter()
    capital: Counter = Counter()
    for token, n in Counter(text.split()).items():
        word = token.strip("\"'.,;:!?()[]-—_*")
        if word.endswith("'s"):
            word = word[:-2]
        if not word.isalpha():
            continue
        if word.islower():
            lower[word] += n
        elif word[0].isupper():
            capital[word] += n
    return lower, capital


def _work_titles(doc: Document) -> list[str]:
    """Titles of works named by cues in the text, and titles the input set in italics."""
    text = doc.text
    title = rf"[{_UP}][\w']*(?:[ \t]+(?:(?:{_WORK_SMALL})[ \t]+)*[{_UP}][\w']*)*"
    cues = "|".join(sorted(word_list("work_cues.txt"), key=len, reverse=True))
    found: list[str] = [t for t in doc.titles if 0 < len(t.split()) <= 8 and t[:1].isupper()]
    # "Coppola's 2003 movie, Lost in Translation", "the novel Middlemarch", "the film, Her"
    cue_re = re.compile(
        rf"\b(?:\d{{4}}\s+)?(?:{cues}),?[ \t]+(?:(?:called|titled|entitled|named)[ \t]+)?[\"']?(?P<t>{title})"
    )
    year_re = re.compile(rf"(?P<t>{title})[ \t]*\((?:1[6-9]|20)\d\d\)")
    for regex in (cue_re, year_re):
        for m in regex.finditer(text):
            t = m.group("t")
            words = t.split()
            single_ok = regex is year_re or bool(re.match(r"\d{4}", m.group()))
            if len(words) >= 2 or single_ok:
                found.append(t)
    return list(dict.fromkeys(found))


def _homograph_titles(text: str, spans: list[tuple[int, int, bool]]) -> list[str]:
    """Closed-class words capitalised in mid-sentence at least twice: titles such as *Her*."""
    function = word_list("function_words.txt")
    counts: Counter = Counter()
    for start, end, initial in spans:
        word = text[start:end]
        if initial or word.lower() not in function or len(word) < 2:
            continue
        after = text[end : end + 2]
        if after[:1] == " " and after[1:2].isupper():
            continue  # part of a longer capitalised run ("The Times")
        if text[start - 1 : start] == "\n":
            continue  # a line of verse
        counts[word] += 1
    return [w for w, n in counts.items() if n >= 2]


def discover_mentions(doc: Document, min_count: int = 1) -> Discovery:
    """Find name mentions without a cast file.

    Examples
    --------
    >>> from graphkit.document import build_document
    >>> doc = build_document(
    ...     "Mr. Darcy met Elizabeth Bennet at the ball. Elizabeth laughed. "
    ...     "However, Darcy said nothing. They went home in May."
    ... )
    >>> sorted(discover_mentions(doc).forms)
    ['Darcy', 'Elizabeth', 'Elizabeth Bennet', 'Mr. Darcy']
    """
    text = doc.text
    common = common_words()
    function = word_list("function_words.txt")
    not_names = word_list("not_names.txt")
    honorifics = word_table("honorifics.txt")
    speech = word_list("speech_verbs.txt")
    place_words = word_list("place_words.txt")
    place_cues = tuple(" " + c for c in sorted(word_list("place_cues.txt"), key=len, reverse=True))
    lower, _capital = _word_counts(text)

    raw = [(m.start(), m.end(), m.group("title")) for m in _name_re().finditer(text)]
    positions = np.fromiter((r[0] for r in raw), dtype=np.int64, count=len(raw))
    sent_idx = _sentence_index(doc, positions).tolist()
    sentences = doc.sentences

    # Pass 1: where each capitalised run stands, and mid-sentence counts per word.
    runs: list[tuple[int, int, str | None, int, bool]] = []
    mid_words: Counter = Counter()
    for (start, end, title), si in zip(raw, sent_idx, strict=False):
        if si < 0:
            continue
        initial = title is None and _is_initial(text, sentences[si].start, start)
        runs.append((start, end, title, si, initial))
        if not initial:
            mid_words.update(text[start:end].split()[1 if title else 0 :])

    # Titles of works: cues, italics and capitalised closed-class words.
    titles = _work_titles(doc)
    titles += [
        t
        for t in _homograph_titles(text, [(a, b, i) for a, b, t, _, i in runs if t is None])
        if t not in titles
    ]
    work_spans = lookup_mentions(doc, {t: (t, "work") for t in titles})
    work_starts = np.asarray([w.start for w in work_spans], dtype=np.int64)
    work_ends = np.asarray([w.end for w in work_spans], dtype=np.int64)

    def in_work(start: int) -> bool:
        if not len(work_starts):
            return False
        i = int(np.searchsorted(work_starts, start, side="right")) - 1
        return i >= 0 and start < work_ends[i]

    known = word_list("proper_nouns.txt.gz")
    mid_forms = Counter(
        " ".join(text[a:b].split()) for a, b, t, _, i in runs if not i and t is None
    )

    def opener(word: str, rest: list[str]) -> bool:
        """A sentence-initial word that is not part of the name ("However", "Later", "Alone")."""
        low = word.lower()
        if low in function or word in not_names:
            return True
        if low not in common or word in known or mid_words[word]:
            return False
        return lower[low] > 0 or (bool(rest) and " ".join(rest) in mid_forms)

    # Pass 2: strip sentence openers, gather evidence per form.
    forms: dict[str, _Form] = {}
    occurrences: list[tuple[int, int, str, int]] = []
    for start, end, title, si, initial in runs:
        if in_work(start):
            continue
        words = text[start:end].split()
        if title:
            words = words[len(title.split()) :]
        if initial:
            while words and opener(words[0], words[1:]):
                start = text.index(words[1], start + len(words[0])) if len(words) > 1 else end
                words = words[1:]
        # Trailing place words ("Baker Street") make the run a place.
        if not words or words[-1] in place_words:
            continue
        name = " ".join(words)
        key = f"{_dotted(title)} {name}" if title else name
        form = forms.get(key)
        if form is None:
            form = forms[key] = _Form()
        form.count += 1
        form.occurrences.append(len(occurrences))
        if title:
            form.titled += 1
        if initial:
            form.initial += 1
        else:
            form.mid += 1
        before = text[max(0, start - 24) : start]
        after = text[end : end + 16]
        if _speech_near(before, after, speech):
            form.speech += 1
        lead = " " + text[max(0, start - 16) : start].rstrip()
        if lead.endswith(place_cues):
            form.placed += 1
        occurrences.append((start, end, key, si))

    accepted: dict[str, str] = {t: "work" for t in titles}
    rejected: dict[str, str] = {}
    for key, form in forms.items():
        reason = _reject_reason(
            key, form, lower, mid_words, common, function, not_names, honorifics, min_count
        )
        if reason:
            rejected[key] = reason
        else:
            accepted[key] = "character"

    # A name seen only at sentence starts is still a name when it is part of a
    # name seen elsewhere ("Jonze left." after "Spike Jonze").
    parts = {w for key in accepted if " " in key for w in key.split()}
    for key, reason in list(rejected.items()):
        if reason == "only at sentence start" and key in parts:
            del rejected[key]
            accepted[key] = "character"
    mentions = list(work_spans)
    for start, end, key, si in occurrences:
        if key in accepted:
            mentions.append(Mention(start, end, text[start:end], key, accepted[key], si))
    mentions.sort(key=lambda m: m.start)
    return Discovery(tuple(mentions), accepted, rejected, tuple(titles))


def _dotted(title: str) -> str:
    """Write abbreviated honorifics with their full stop: "Mr" -> "Mr."."""
    return (
        title
        if title.endswith(".")
        or len(title) > 4
        or title
        in ("Sir", "Lord", "King", "Miss", "Lady", "Aunt", "Don", "Dame", "Herr", "Frau", "Dean")
        else title + "."
    )


def _speech_near(before: str, after: str, speech: frozenset[str]) -> bool:
    a = after.lstrip(" ,").split(" ", 1)[0].strip(".,;:!?")
    b = before.rstrip(" ,").rsplit(" ", 1)[-1].strip(".,;:!?\"'")
    return a in speech or b in speech


def _reject_reason(
    key: str,
    form: _Form,
    lower: Counter,
    mid_words: Counter,
    common: frozenset[str],
    function: frozenset[str],
    not_names: frozenset[str],
    honorifics: dict[str, str],
    min_count: int,
) -> str | None:
    """Why a surface form is not a name, or ``None`` when it is one."""
    if form.count < min_count:
        return "too rare"
    if form.titled:
        return None
    words = key.split()
    name_words = [w for w in words if w[0].isupper()]
    if all(w in not_names or w in honorifics or w.lower() in function for w in name_words):
        return "not a name"
    if form.placed and form.placed >= form.count - form.speech and not form.speech:
        return "place"
    known = word_list("proper_nouns.txt.gz")
    ordinary = [
        w for w in name_words if (w.lower() in common or w.lower() in function) and w not in known
    ]
    if len(ordinary) == len(name_words):
        if form.speech:
            return None
        if len(name_words) > 1:
            return "ordinary words"
        word = name_words[0]
        if lower[word.lower()] or form.mid < 2:
            return "ordinary word"
        return None
    if len(words) == 1 and lower[key.lower()] > form.mid:
        return "mostly lower case"
    if (
        form.mid == 0
        and form.initial < 2
        and not form.speech
        and not all(w in known for w in name_words)
    ):
        return "only at sentence start"
    return None


def find_mentions(doc: Document, cast: Cast | None = None) -> list[Mention]:
    """Name mentions of ``doc``: from ``cast`` when given, else by discovery."""
    if cast is not None:
        return cast_mentions(doc, cast)
    return list(discover_mentions(doc).mentions)
