"""Document -> name mentions.

Two ways to find names:

* with a :class:`~graphkit.io.cast.Cast`: every name and alias of the cast file
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
key; :mod:`graphkit.pipeline.characters` merges aliases into characters.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from functools import cache
from itertools import chain

import numpy as np

from graphkit.io.cast import Cast
from graphkit.pipeline.document import sentence_index
from graphkit.io.lexicon import common_words, trie_regex, word_list, word_table
from graphkit.model import Document, Mention

__all__ = ["find_mentions", "cast_mentions", "lookup_mentions", "discover_mentions", "Discovery"]

_UP = "A-ZÀ-ÖØ-Þ"
_LO = "a-zß-öø-ÿ"
_NAME_WORD = rf"(?:O'|D')?(?:[{_UP}][{_LO}]{{1,3}}(?=[{_UP}]))?[{_UP}][{_LO}]+(?:-[{_UP}]?[{_LO}]+|'[{_UP}][{_LO}]+)*"
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
    # No look-behind first: a pattern that opens with its literals scans fast.
    pattern = re.compile(r"(?:" + "|".join(map(re.escape, forms)) + r")(?![\w])")
    text = doc.text
    matches = [
        m
        for m in pattern.finditer(text)
        if not m.start() or not (text[m.start() - 1].isalnum() or text[m.start() - 1] in "_'")
    ]
    starts = np.fromiter((m.start() for m in matches), dtype=np.int64, count=len(matches))
    out = []
    for m, si in zip(matches, sentence_index(doc, starts).tolist()):
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
    >>> from graphkit.io.cast import parse_cast
    >>> from graphkit.pipeline.document import build_document
    >>> cast = parse_cast("- {name: Theodore, aliases: [Theo]}\\n- {name: Her, kind: work}")
    >>> doc = build_document("Her follows Theo. Her eyes were red. Theodore's film is Her.")
    >>> [(m.text, m.character, m.kind) for m in cast_mentions(doc, cast)]
    [('Her', 'Her', 'work'), ('Theo', 'Theodore', 'character'), ('Theodore', 'Theodore', 'character'), ('Her', 'Her', 'work')]
    """
    owner = {form: (entry.name, entry.kind) for entry in cast.entries for form in entry.forms}
    return lookup_mentions(doc, owner)


# --- discovery -----------------------------------------------------------------------

#: How many occurrences of one form are read for context cues ("said X", "in X"): a sample
#: is enough to judge a frequent form and keeps discovery linear in the number of forms.
_CONTEXT_SAMPLE = 40
#: From this many characters on (a short novel), a form seen once needs a person cue.
_LONG_TEXT = 200_000
_HYPHEN_TAIL = re.compile(rf"-([{_LO}]+)$")
_RAW_WORD = re.compile(r"\S+(?:[ \t]+\.(?!\S))?")
# Characters after which a capital says nothing about a name.  An opening
# bracket is not one of them: capitals are optional there ("Theodore (Joaquin Phoenix)").
_OPENING = frozenset(".!?\"':—-_*")


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
    sampled: int = 0


@dataclass(frozen=True)
class Discovery:
    """What discovery decided, for inspection: accepted forms and the work titles found."""

    mentions: tuple[Mention, ...]
    forms: dict[str, str]
    rejected: dict[str, str]
    titles: tuple[str, ...]


def _word_counts(text: str) -> Counter:
    """Lower-case word counts of the whole text (one split, no regex per token)."""
    lower: Counter = Counter()
    for token, n in Counter(text.split()).items():
        if token.islower():
            word = token.strip("\"'.,;:!?()[]-—_*")
            if word.endswith("'s"):
                word = word[:-2]
            lower[word] += n
    return lower


_TITLE = rf"[{_UP}][\w']+(?:[ \t]+(?:(?:{_WORK_SMALL})[ \t]+)*[{_UP}][\w']+)*"
_YEAR_BEFORE = re.compile(r"\d{4}\s+$")
_POSSESSIVE_BEFORE = re.compile(r"\w's\s+(?:\d{4}\s+)?$")
_YEAR_IN_BRACKETS = re.compile(r"\((?:1[6-9]|20)\d\d\)")
_TITLE_BEFORE = re.compile(rf"(?<![\w'])(?P<t>{_TITLE})$")


@cache
def _cue_re(cue: str) -> re.Pattern[str]:
    """ "the film X", "the film, X", "the novel called X": one pattern per cue word.

    A pattern that opens with a literal word lets the regex engine skip to it,
    where one alternation of all cues would be tried at every position.
    """
    return re.compile(
        rf"{cue}(?P<comma>,?)[ \t]+(?:(?:called|titled|entitled|named)[ \t]+)?[\"']?(?P<t>{_TITLE})"
    )


def _work_titles(doc: Document, lower: Counter) -> list[str]:
    """Titles of works named by cues in the text, and titles the input set in italics.

    Only the cue words that the text uses are searched for.  A title after a
    comma ("Coppola's 2003 movie, Lost in Translation") needs a year or a
    possessive before the cue, so "the play, Monsieur Marius" stays a vocative.
    """
    text = doc.text
    lex = _lexicon()
    found: list[str] = [t for t in doc.titles if 0 < len(t.split()) <= 8 and t[:1].isupper()]
    for cue in sorted(word_list("work_cues.txt")):
        if not lower[cue]:
            continue
        for m in _cue_re(cue).finditer(text):
            t = m.group("t")
            if text[m.start() - 1 : m.start()].isalnum() or lex.is_title(t.split()[0]):
                continue
            head = text[max(0, m.start() - 40) : m.start()]
            dated = bool(_YEAR_BEFORE.search(head) or _POSSESSIVE_BEFORE.search(head))
            if m.group("comma") and not dated:
                continue
            if len(t.split()) >= 2 or _YEAR_BEFORE.search(head):
                found.append(t)
    pos = text.find("(")
    while pos >= 0:
        if _YEAR_IN_BRACKETS.match(text, pos):
            t = _TITLE_BEFORE.search(text[max(0, pos - 80) : pos].rstrip(" \t"))
            if t:
                found.append(t.group("t"))
        pos = text.find("(", pos + 1)
    return list(dict.fromkeys(found))


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

    def is_title(self, word: str) -> bool:
        return word in self.honorifics or word.rstrip(".") in self.honorifics


@cache
def _lexicon() -> _Lexicon:
    return _Lexicon()


@dataclass
class _Run:
    """One distinct capitalised run (same words, same gaps, same sentence position).

    ``offsets`` are where it occurs; ``pieces`` are its parts relative to an
    occurrence's start: ``(start, end, title, name, initial)``.
    """

    offsets: list[int]
    pieces: list[tuple[int, int, str | None, str, bool]]


def _runs(doc: Document) -> list[_Run]:
    """Distinct capitalised runs inside sentences, each with the offsets where it occurs.

    A run that a line break cuts ("Europe\\nFrance" in hard-wrapped text) is kept
    whole only when the same words also stand together on one line elsewhere.
    """
    text = doc.text
    found: dict[tuple[str, str | None, bool], list[int]] = defaultdict(list)
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
        if prev and (prev.isalnum() or prev == "'"):
            continue
        found[group, title, title is None and _initial_at(text, start)].append(start)
    one_line = {" ".join(match.split()) for match, _, _ in found if "\n" not in match}
    runs = []
    for (match, title, initial), offsets in found.items():
        name_start = match.index(title) + len(title) if title else 0
        name_start += len(match[name_start:]) - len(match[name_start:].lstrip())
        name = match[name_start:]
        if "\n" not in name or " ".join(name.split()) in one_line:
            runs.append(_Run(offsets, [(0, len(match), title, name, initial)]))
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
        runs.append(_Run(offsets, pieces))
    return runs


def discover_mentions(doc: Document, min_count: int = 1) -> Discovery:
    """Find name mentions without a cast file.

    Capitalised runs are gathered in one regex pass; each distinct form is then
    judged once on document-level evidence (see the module docstring).

    Examples
    --------
    >>> from graphkit.pipeline.document import build_document
    >>> doc = build_document(
    ...     "Mr. Darcy met Elizabeth Bennet at the ball in London. Elizabeth laughed. "
    ...     "However, Darcy said nothing. They went home in May."
    ... )
    >>> sorted(discover_mentions(doc).forms)
    ['Darcy', 'Elizabeth', 'Elizabeth Bennet', 'Mr. Darcy']
    >>> discover_mentions(doc).rejected["London"]
    'place'
    """
    text = doc.text
    lex = _lexicon()
    lower = _word_counts(text)
    long_text = len(text) >= _LONG_TEXT
    runs = _runs(doc)

    # Titles of works: cues, italics and capitalised closed-class words.
    titles = _work_titles(doc, lower)
    titles += [t for t in _homograph_titles(text, runs, lower) if t not in titles]
    work_spans = lookup_mentions(doc, {t: (t, "work") for t in titles}) if titles else []
    if work_spans:
        # Leave out runs that overlap a title ("In Lost" before "Lost in Translation").
        sizes = [len(run.offsets) for run in runs]
        offs = np.fromiter(chain.from_iterable(run.offsets for run in runs), np.int64, sum(sizes))
        which = np.repeat(np.arange(len(runs)), sizes)
        ends = offs + np.array([run.pieces[-1][1] for run in runs], dtype=np.int64)[which]
        w_starts = np.array([w.start for w in work_spans], dtype=np.int64)
        w_ends = np.array([w.end for w in work_spans], dtype=np.int64)
        i = np.searchsorted(w_starts, ends, side="left") - 1
        hit = (i >= 0) & (offs < w_ends[np.clip(i, 0, None)])
        drop: dict[int, set[int]] = defaultdict(set)
        for k, o in zip(which[hit].tolist(), offs[hit].tolist()):
            drop[k].add(o)
        for k, gone in drop.items():
            runs[k].offsets = [o for o in runs[k].offsets if o not in gone]

    # Capitalised mid-sentence counts per word, from the distinct runs.
    mid_words: Counter = Counter()
    mid_forms: Counter = Counter()
    for run in runs:
        for _, _, title, name, initial in run.pieces:
            if title is None and not initial and run.offsets:
                n = len(run.offsets)
                for w in name.split():
                    mid_words[w] += n
                mid_forms[_fold(name)] += n

    def opener(word: str, rest: list[str], initial: bool) -> bool:
        """A leading word that is not part of the name ("However", "When", "Little")."""
        low = word.lower()
        if rest and (lex.is_title(word) or word in lex.place_first):
            return False  # "Mr. Brown", "Rue Plumet": the first word belongs to the name
        if low in lex.function or (word in lex.not_names and (rest or initial)):
            return True
        if low not in lex.common:
            return False
        if (
            initial
            and word not in lex.known
            and (not mid_words[word] or (rest and " ".join(rest) in mid_forms))
        ):
            return True
        # A word this text mostly writes in lower case ("Here", "Little") is no name.
        return bool(rest) and lower[low] >= max(2, 2 * mid_words[word])

    stripped: dict[tuple[str, bool, bool], tuple[int, int, str | None, str]] = {}

    def strip(name: str, initial: bool, untitled: bool) -> tuple[int, int, str | None, str]:
        """Drop leading openers and trailing titles; split off a title the run opens with.

        Returns the kept character range of ``name``, the title (if the kept run
        opens with one) and the folded name.
        """
        spans = [m.span() for m in _RAW_WORD.finditer(name)]
        words = [_fold(name[x:y]) for x, y in spans]
        i, j = 0, len(words)
        while i < j and opener(words[i], words[i + 1 : j], initial):
            i += 1
        while 0 < i < j and words[i] in _PARTICLE_WORDS:
            i += 1  # "(Place) de la Bastille": a run cut after its opener starts with a word
        while j - i > 1 and (lex.is_title(words[j - 1]) or words[j - 1] in _PARTICLE_WORDS):
            j -= 1  # "Holmes Mr." runs on into the next name's title; "Monsieur le Baron"
        if i == j:
            return 0, 0, None, ""
        if untitled and j - i > 1 and lex.is_title(words[i]):
            return spans[i][0], spans[j - 1][1], words[i], " ".join(words[i + 1 : j])
        return spans[i][0], spans[j - 1][1], None, " ".join(words[i:j])

    # Pass 2: strip openers, gather evidence per form (context read for a sample only).
    forms: dict[str, _Form] = {}
    placements: list[tuple[list[int], int, int, str]] = []
    for run in runs:
        n = len(run.offsets)
        if not n:
            continue
        for a, b, title, name, initial in run.pieces:
            cached = stripped.get((name, initial, title is None))
            if cached is None:
                cached = stripped[name, initial, title is None] = strip(
                    name, initial, title is None
                )
            cut, keep, inner_title, bare = cached
            if not bare:
                continue
            name_start = b - len(name)
            start = a
            if inner_title or title is None:
                title = inner_title
                start = name_start + cut
            end = name_start + keep
            key = f"{_dotted(title)} {bare}" if title else bare
            form = forms.get(key)
            if form is None:
                form = forms[key] = _Form()
            form.count += n
            placements.append((run.offsets, start, end, key))
            if title:
                form.titled += n
            elif initial and start == name_start:
                form.initial += n
            else:
                form.mid += n
            for offset in run.offsets[: _CONTEXT_SAMPLE - form.sampled]:
                form.sampled += 1
                _read_context(text, offset + start, offset + end, form, lex)

    # Names that the text also writes with a title or as part of a longer name.
    personal = {key.split()[-1] for key, f in forms.items() if f.titled}
    surnames = {key.split()[-1] for key in forms}
    accepted: dict[str, str] = {t: "work" for t in titles}
    rejected: dict[str, str] = {}
    for key, form in forms.items():
        reason = _reject_reason(
            key, form, lower, mid_words, lex, personal, min_count, long_text, surnames
        )
        if reason:
            rejected[key] = reason
        else:
            accepted[key] = "character"

    # A name seen only at sentence starts is still a name when it is part of a
    # name seen elsewhere ("Jonze left." after "Spike Jonze").
    parts = {w for key in accepted if " " in key for w in key.split()}
    for key, reason in list(rejected.items()):
        if reason in ("only at sentence start", "ordinary word") and key in parts:
            del rejected[key]
            accepted[key] = "character"

    kept = [
        (offset + a, offset + b, key)
        for offsets, a, b, key in placements
        if key in accepted
        for offset in offsets
    ]
    kept.sort()
    starts = np.fromiter((o[0] for o in kept), dtype=np.int64, count=len(kept))
    sentence = sentence_index(doc, starts).tolist()
    mentions = list(work_spans)
    for (a, b, k), si in zip(kept, sentence):
        if a > 2 and text[a - 2].islower():
            a = _noun_phrase_start(text, a, k)
        mentions.append(Mention(a, b, _fold(text[a:b]), k, accepted[k], si))
    mentions.sort(key=lambda m: m.start)
    return Discovery(tuple(mentions), accepted, rejected, tuple(titles))


_OBJECT_PRONOUNS = frozenset(["me", "us", "him", "them", "you", "it", "thee", "ye"])
# Not "that" or "this": they also stand before a name as pronouns ("that Henry said").
_DETERMINERS = frozenset(["the", "The", "a", "A", "an", "An"])


def _read_context(text: str, start: int, end: int, form: _Form, lex: _Lexicon) -> None:
    """Count the cues around one occurrence: a speech verb, a place preposition."""
    before = text[max(0, start - 24) : start].split()
    after = text[end : end + 16].split()
    if _speech_near(before, after, lex.speech):
        form.speech += 1
    # "in X", "the city of X", and "Y of X" after a name ("Mahmoud of Ghizni").
    cue = before and (
        before[-1] in lex.place_cues
        or " ".join(before[-2:]) in lex.place_cue_pairs
        or (before[-1] == "of" and len(before) > 1 and before[-2][:1].isupper())
    )
    possessive = (after and after[0] in ("'s", "'")) or text.startswith("'s", end)
    if cue and not possessive:
        form.placed += 1
    if after and after[0].strip(".,;:!?\"'") in _OBJECT_PRONOUNS:
        form.commanding += 1
    # "the X", "a X": a thing, a ship, a place or a post, seldom a person ("the Hudson").
    if before and before[-1] in _DETERMINERS and not possessive:
        form.determined += 1
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
    if not rank_as_name and all(
        lex.is_title(w)
        or w in lex.not_names
        or (w.endswith("s") and w[:-1] in lex.not_names)  # "Saturdays", "Germans"
        or w in lex.offices
        or w.lower() in lex.function
        for w in words
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
    if form.mid == 0 and not form.speech and not form.owner:
        if form.initial < 2 and not all(w in lex.known for w in words):
            return "only at sentence start"
        if len(words) == 1 and key.lower() in lex.common and form.commanding * 2 > form.sampled:
            # "Tell me ...", "Give us ...": a verb opening its sentence, not a name,
            # whatever the word may name elsewhere ("William Tell").
            return "a verb at sentence start"
    return None


def find_mentions(doc: Document, cast: Cast | None = None) -> list[Mention]:
    """Name mentions of ``doc``: from ``cast`` when given, else by discovery."""
    if cast is not None:
        return cast_mentions(doc, cast)
    return list(discover_mentions(doc).mentions)
