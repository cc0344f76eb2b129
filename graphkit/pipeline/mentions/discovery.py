"""Document -> name mentions without a cast file: discovery.

Capitalised word sequences (with honorifics such as "Mr." kept in the name,
:mod:`.patterns`, :mod:`.forms`) are judged by document-level evidence
(:mod:`.judge`): how often a word is capitalised in mid-sentence and how
often it is seen in lower case, whether it is an ordinary English word,
whether it follows a place preposition, and cues such as "said X".  Titles
of works come from cues, italics and capitalised closed-class words
(:mod:`.titles`).  A form seen once in a novel-length text needs a person
cue, except a full name made of two names the text uses on their own
("Stiva Oblonsky" beside "Stiva" and "Pyotr Oblonsky": :func:`_full_names_once`).
With a cast file, names are looked up instead (:mod:`.lookup`).

Mentions come out in text order with ``character`` set to the surface form's
key; :mod:`graphkit.pipeline.characters` merges aliases into characters.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from itertools import chain

import numpy as np

from graphkit.io.cast import Cast
from graphkit.model import Document, Mention
from graphkit.pipeline.document import sentence_index
from graphkit.pipeline.mentions.forms import (
    _CONTEXT_SAMPLE,
    _LONG_TEXT,
    _RAW_WORD,
    Discovery,
    _fold,
    _Form,
    _lexicon,
    _particle_case,
    _runs,
)
from graphkit.pipeline.mentions.judge import (
    _dotted,
    _noun_phrase_start,
    _read_context,
    _reject_reason,
)
from graphkit.pipeline.mentions.lookup import cast_mentions, lookup_mentions  # noqa: F401  (re-exported)
from graphkit.pipeline.mentions.patterns import _PARTICLE_WORDS
from graphkit.pipeline.mentions.titles import _homograph_titles, _work_titles

__all__ = ["find_mentions", "cast_mentions", "lookup_mentions", "discover_mentions", "Discovery"]


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
    lower = doc.lower_words
    long_text = len(text) >= _LONG_TEXT
    runs = _runs(doc)

    # Titles of works: cues, italics and capitalised closed-class words.
    titles = _work_titles(doc)
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

    def opener(word: str, rest: list[str], initial: bool, credited: bool) -> bool:
        """A leading word that is not part of the name ("However", "When", "Little")."""
        low = word.lower()
        if rest and (lex.is_title(word) or word in lex.place_first):
            return False  # "Mr. Brown", "Rue Plumet": the first word belongs to the name
        if low in lex.function or (word in lex.not_names and (rest or initial)):
            return True
        if credited and len(rest) > 1 and rest[0] in _PARTICLE_WORDS:
            return False  # "Maxim de Winter (Laurence Olivier)": a given name, credited to an actor
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

    stripped: dict[tuple[str, bool, bool, bool], tuple[int, int, str | None, str]] = {}

    def strip(
        name: str, initial: bool, untitled: bool, credited: bool
    ) -> tuple[int, int, str | None, str]:
        """Drop leading openers and trailing titles; split off a title the run opens with.

        Returns the kept character range of ``name``, the title (if the kept run
        opens with one) and the folded name.
        """
        spans = [m.span() for m in _RAW_WORD.finditer(name)]
        words = [_fold(name[x:y]) for x, y in spans]
        i, j = 0, len(words)
        while i < j and opener(words[i], words[i + 1 : j], initial, credited):
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
            cached = stripped.get((name, initial, title is None, run.credited))
            if cached is None:
                cached = stripped[name, initial, title is None, run.credited] = strip(
                    name, initial, title is None, run.credited
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

    # "Miss De Bourgh" and "Miss de Bourgh": one form.
    renamed = _particle_case(forms)
    if renamed:
        placements = [(o, a, b, renamed.get(k, k)) for o, a, b, k in placements]
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

    for key in _full_names_once(forms, accepted, rejected):
        reason = _reject_reason(key, forms[key], lower, mid_words, lex, personal, min_count,
                                False, surnames)  # fmt: skip
        # Two names are no sentence opener ("aunts--Stiva Oblonsky"), and one "to" before
        # them in their one use is no place ("to Caroline Bingley").
        if reason in (None, "only at sentence start") or (
            reason == "place" and forms[key].placed < 2
        ):
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


_ALONE = 3  # uses a part of a once-written full name needs on its own


def _full_names_once(
    forms: dict[str, _Form], accepted: dict[str, str], rejected: dict[str, str]
) -> list[str]:
    """Forms used once in a long text whose first and last words are names used on their own.

    A novel writes a character's full name once, to introduce or to sum them up
    ("Stiva Oblonsky would have received this post"), and the parts of it the
    rest of the time ("Stiva", "Oblonsky").  A capitalised run seen once is
    mostly a place or a stray word; one that opens with a name and ends with a
    name, each accepted alone and used alone :data:`_ALONE` times at least, is
    that person's full name.  Not a family in the plural glued to a name
    ("Levins Varenka"), nor two first names ("Katharine Cassandra"): the last
    word must end another name of the text ("Pyotr Oblonsky", "Prince
    Oblonsky") and open none.  The caller judges these again without the
    once-in-a-long-text rule, so a place ("Mount Kazbek") stays out.

    Examples
    --------
    >>> forms = {"Stiva Oblonsky": _Form(count=1), "Levins Varenka": _Form(count=1),
    ...          "Stiva": _Form(count=66), "Oblonsky": _Form(count=108),
    ...          "Levins": _Form(count=12), "Varenka": _Form(count=90)}
    >>> accepted = {"Stiva": "character", "Oblonsky": "character", "Levins": "character",
    ...             "Varenka": "character", "Levin": "character", "Pyotr Oblonsky": "character"}
    >>> rejected = dict.fromkeys(forms, "once in a long text")
    >>> _full_names_once(forms, accepted, rejected)
    ['Stiva Oblonsky']
    """
    # The words the accepted names of several words open and end with ("Pyotr Oblonsky",
    # "Mr. Knightley"): a surname is seen last, a first name first.
    ends, opens = set(), set()
    for key, kind in accepted.items():
        words = key.split()
        if kind == "character" and len(words) > 1:
            ends.add(words[-1])
            opens.add(words[0])
    out = []
    for key, reason in rejected.items():
        if reason != "once in a long text" or " " not in key:
            continue
        words = key.split()
        first, last = words[0], words[-1]
        if accepted.get(first) != "character" or accepted.get(last) != "character":
            continue
        if forms[first].count < _ALONE or forms[last].count < _ALONE:
            continue  # "Jacob" twice beside "Jake" 121 times: no name the text goes by
        if len(set(words)) < len(words) or last not in ends or last in opens:
            continue  # "Thomas Thomas", "Katharine Cassandra": no surname at the end
        if any(w.endswith("s") and (w[:-1] in accepted or w[:-2] in accepted) for w in words):
            continue  # "Levins Varenka", "John Knightleys": a family glued to a name
        out.append(key)
    return out


def find_mentions(doc: Document, cast: Cast | None = None) -> list[Mention]:
    """Name mentions of ``doc``: from ``cast`` when given, else by discovery."""
    if cast is not None:
        return cast_mentions(doc, cast)
    return list(discover_mentions(doc).mentions)
