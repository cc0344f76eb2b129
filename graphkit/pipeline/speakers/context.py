"""What the speaker rules read: patterns, the narration mentions, sexes, tag regions."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Iterator, Sequence
from functools import cache

from graphkit.io.lexicon import trie_regex, word_list, word_table
from graphkit.model import Character, Document, Mention, Quotation
from graphkit.pipeline.quotations import inside

#: Narration longer than this (characters) between two quotations ends a conversation.
CONVERSATION_GAP = 400
#: How far back (characters) a pronoun looks for the character it stands for.
ANAPHOR_WINDOW = 3000

_FIRST_PERSON = frozenset({"I", "me", "my", "myself"})
_PRONOUN_SEX = {"he": "m", "she": "f", "him": "m", "her": "f", "his": "m"}


def _ing(verb: str) -> str:
    """The -ing form of a base verb, by the regular rules: say -> saying, smile -> smiling.

    Examples
    --------
    >>> [_ing(v) for v in ("say", "smile", "whisper", "cry", "see")]
    ['saying', 'smiling', 'whispering', 'crying', 'seeing']
    """
    if verb.endswith("e") and not verb.endswith(("ee", "ye", "oe")):
        return verb[:-1] + "ing"
    return verb + "ing"


@cache
def _verb_pattern() -> str:
    verbs = word_list("speech_verbs.txt") | word_list("speech_tags.txt")
    verbs |= {_ing(v) for v in word_list("speech_tags.txt") if v.isalpha() and len(v) > 2}
    return r"(?:" + trie_regex(sorted(verbs)) + r")\b"


#: What follows a vocative: a stop or the end ("Emma?", "papa;").
VOCATIVE_AFTER = r"\s*(?:[,!?.;\u2014\-]|$)"


@cache
def _patterns() -> dict[str, re.Pattern]:
    verb = _verb_pattern()
    # right beside a quotation any past-tense verb is a speech tag ("comforted Matthew",
    # "Mrs. Sparsit interposed"): Muzny et al.'s QUOTE-VERB-NAME trigram
    tag_verb = r"(?:" + verb + r"|[a-z]{2,}ed\b)"
    adverb = r"(?:[a-z]+ly[ \n]+|again[ \n]+|then[ \n]+|at[ \n]+last[ \n]+|quickly[ \n]+)?"
    nouns = trie_regex(sorted(word_table("gender_nouns.txt")))
    titles = trie_regex(sorted(_titles()))
    lead = r"[\s,;:!?\-\u2014_)]*"
    return {
        # right after a quotation: "said Emma", "said poor Harriet"
        "verb_name": re.compile(
            lead
            + adverb
            + tag_verb
            + r"[ \n]+"
            + adverb
            + r"(?:poor[ \n]+|little[ \n]+|old[ \n]+|the[ \n]+(?:[a-z]+[ \n]+)?)?"
        ),
        # right after a quotation: "Emma replied", "Mr. Woodhouse gratefully observed"
        "name_verb": re.compile(r"[ \n]+(?:[a-z]+ly[ \n]+|had[ \n]+|then[ \n]+){0,2}" + tag_verb),
        # "said she", "he replied", "said his lady", "the old man replied"
        "verb_pronoun": re.compile(lead + adverb + tag_verb + r"[ \n]+" + adverb + r"(he|she|I)\b"),
        "pronoun_verb": re.compile(lead + r"(he|she|I)[ \n]+" + adverb + tag_verb),
        "verb_noun": re.compile(
            lead
            + adverb
            + verb
            + r"[ \n]+(?:(his|her|the|my|our|their|a)[ \n]+)(?:[a-z]+[ \n]+)?("
            + nouns
            + r")\b"
        ),
        "noun_verb": re.compile(
            lead
            + r"(?:(his|her|the|my|our|their)[ \n]+)(?:[a-z]+[ \n]+)?("
            + nouns
            + r")[ \n]+"
            + adverb
            + verb
        ),
        # the narration right before a quotation introduces it: "... said," "... added:"
        "head_intro": re.compile(
            r"(?:\b" + verb + r"(?:[ \n]+[a-z]+){0,4}[ \n]*[,:\-\u2014]*|[:\u2014]|--|\bwith,?)\s*$"
        ),
        # a sentence of its own before the quotation's paragraph: "Sir Thomas went on."
        "head_stop": re.compile(
            r"\b(?:went[ \n]+on|continued|resumed|began|spoke|proceeded|pursued)"
            r"(?:[ \n]+(?:again|aloud|at[ \n]+last|[a-z]+ly)){0,2}[.:]\s*$"
        ),
        # "said the count", "the Colonel replied": a title alone, standing for its bearer
        "verb_title": re.compile(
            lead + adverb + tag_verb + r"[ \n]+" + adverb + r"the[ \n]+(" + titles + r")\b", re.I
        ),
        "title_verb": re.compile(
            lead + r"the[ \n]+(" + titles + r")[ \n]+" + adverb + tag_verb, re.I
        ),
        "clause_pronoun": re.compile(r"\b(he|she|He|She|I)\b"),
        "object_before": re.compile(
            r"\b(?:to|at|with|towards|upon|on|for|of|from|by|after)[ \n]+$"
        ),
        "sentence_pronoun": re.compile(r"(?:^|[.!?]\s+)(He|She)\b", re.M),
        "to_name": re.compile(r"[ \n]+(?:to|at|towards|addressing)[ \n]+$"),
        "vocative_before": re.compile(
            r"(?:^|[,;!?\u2014\-]\s*|\b(?:[Mm]y[ \n]+)?(?:[Dd]ear(?:est)?|good|poor|O|[Oo]h)[ \n]+)$"
        ),
        "vocative_after": re.compile(VOCATIVE_AFTER),
    }


#: A name owning something ("Mrs. Walker's party", "Walker s party" with the apostrophe lost).
_POSSESSIVE = re.compile(r"(?:['\u2019]s?| s)\b")
#: A name after a preposition ("turned to Harriet"): an object, not the subject.
_PREPOSITION = re.compile(
    r"\b(?:to|at|with|towards|upon|on|for|of|from|by|after|about|into|behind|beside)[ \n]+$"
)


@cache
def _titles() -> frozenset[str]:
    """Titles a character may be called by alone: "the count", "the colonel" (lower case)."""
    return (
        frozenset(t.lower() for t in word_table("honorifics.txt") if t.isalpha() and len(t) > 3)
        - set(word_table("gender_nouns.txt"))
        - {"miss", "mister", "messrs"}
    )


def titled(characters: Sequence[Character]) -> dict[str, frozenset[str]]:
    """Title (lower case) -> the characters one of whose names begins with it.

    Examples
    --------
    >>> chars = [Character("Count Olaf", "Count Olaf"), Character("Ann", "Ann", aliases=("Doctor Ann",))]
    >>> sorted(titled(chars).items())
    [('count', frozenset({'Count Olaf'})), ('doctor', frozenset({'Ann'}))]
    """
    out: dict[str, set[str]] = {}
    known = _titles()
    for c in characters:
        for form in (c.id, c.label, *c.aliases):
            word = form.split(" ", 1)[0].lower()
            if word in known and " " in form:
                out.setdefault(word, set()).add(c.id)
    return {t: frozenset(ids) for t, ids in out.items()}


def _sorted_mentions(mentions: Sequence[Mention], keep: set[str]) -> list[Mention]:
    return sorted((m for m in mentions if m.character in keep), key=lambda m: (m.start, m.end))


class _Context:
    """What the rules read: the text, paragraphs, narration mentions and the sexes."""

    def __init__(self, doc: Document, quotes: Sequence[Quotation], mentions: list[Mention], sexes):
        self.text = doc.text
        self.p_starts = [p.start for p in doc.paragraphs]
        self.p_ends = [p.end for p in doc.paragraphs]
        where = inside(tuple(quotes), [m.start for m in mentions])
        self.narration = [m for m, w in zip(mentions, where.tolist(), strict=True) if w < 0]
        self.n_starts = [m.start for m in self.narration]
        self.spoken: dict[int, list[Mention]] = {}
        for m, w in zip(mentions, where.tolist(), strict=True):
            if w >= 0:
                self.spoken.setdefault(w, []).append(m)
        self.sexes = sexes
        # the first-person narrator: the character whose narration mentions are "I", "me", ...
        first = Counter(m.character for m in self.narration if m.text in _FIRST_PERSON)
        self.narrator = first.most_common(1)[0][0] if first else ""
        # "I" is no name: "said he" never means the narrator, "said my companion" is not him
        self.narration = [m for m in self.narration if m.text not in _FIRST_PERSON]
        self.n_starts = [m.start for m in self.narration]
        self.sentence_starts = [s.start for s in doc.sentences]
        self.titled: dict[str, frozenset[str]] = {}
        self.regions: dict[tuple[int, int, int], tuple[list[tuple[int, int]], tuple[int, int]]] = {}

    def para(self, pos: int) -> int:
        return max(bisect_right(self.p_starts, pos) - 1, 0)

    def narration_in(self, a: int, b: int) -> list[Mention]:
        return self.narration[bisect_left(self.n_starts, a) : bisect_left(self.n_starts, b)]

    def mention_at(self, pos: int, within: int = 0) -> Mention | None:
        i = bisect_left(self.n_starts, pos)
        if i < len(self.narration) and self.narration[i].start - pos <= within:
            return self.narration[i]
        return None

    def oblique(self, m: Mention) -> bool:
        """Whether mention ``m`` owns something or follows a preposition: no subject."""
        return bool(
            _POSSESSIVE.match(self.text, m.end)
            or _PREPOSITION.search(self.text, max(0, m.start - 12), m.start)
        )

    def _reach(self, pos: int) -> Iterator[tuple[int, Mention]]:
        """The narration mentions before ``pos`` within :data:`ANAPHOR_WINDOW`, latest first."""
        i = bisect_left(self.n_starts, pos) - 1
        while i >= 0 and pos - self.narration[i].start <= ANAPHOR_WINDOW:
            yield i, self.narration[i]
            i -= 1

    def bearer(self, pos: int, title: str) -> str:
        """The character called "the <title>" at ``pos``: the latest one named who bears it."""
        ids = self.titled.get(title.lower(), frozenset())
        for _, m in self._reach(pos):
            if m.character in ids:
                return m.character
        return next(iter(ids)) if len(ids) == 1 else ""

    def present(self, pos: int, exclude: set[str]) -> Mention | None:
        """The latest narration mention before ``pos`` that is no object nor owner.

        Someone named after a preposition ("talked of Harriet") or owning
        something ("Harriet's manner") is spoken about, not necessarily
        there: the latest other name of a subject is the better listener.
        Falls back on :meth:`recent` when every name in reach is oblique.
        """
        for _, m in self._reach(pos):
            if m.character not in exclude and not self.oblique(m):
                return m
        return self.recent(pos, None, exclude)

    def _subordinate(self, c: Mention, m: Mention) -> bool:
        """Whether ``c`` stands in a clause opening its sentence ("When ...,") that ends before ``m``.

        "When Lord Henry had sat down, Mr. Erskine moved round": the main
        clause's subject is Mr. Erskine, not the name of the "when" clause.
        """
        k = bisect_right(self.sentence_starts, c.start) - 1
        a = self.sentence_starts[k] if k >= 0 else 0
        return (
            bool(_SUBORDINATOR.match(self.text, a, c.start)) and "," in self.text[c.end : m.start]
        )

    def recent(
        self, pos: int, sex: str | None, exclude: set[str], depth: int = 0
    ) -> Mention | None:
        """The latest narration mention before ``pos`` fitting ``sex``, moved to its sentence's subject.

        A name in a clause that opens the sentence with a subordinating
        conjunction ("When Ann had sat down, Bob rose") is no subject of
        the sentence when a comma closes that clause before the mention.
        A pronoun of ``sex`` before that mention in its sentence is the
        sentence's subject (the centre of attention: the entity a text keeps
        referring to by pronoun, Grosz, Joshi and Weinstein 1995): the search
        goes on from that pronoun instead, at most ``3`` pronouns deep.
        """
        for i, m in self._reach(pos):
            if m.character not in exclude and (sex is None or self.sexes.get(m.character) == sex):
                j = i
                while j > 0 and self.narration[j - 1].sentence == m.sentence and m.sentence >= 0:
                    j -= 1
                for k in range(j, i):
                    c = self.narration[k]
                    if (
                        c.character not in exclude
                        and (sex is None or self.sexes.get(c.character) == sex)
                        and not self.oblique(c)
                        and ";" not in self.text[c.end : m.start]  # a clause of its own
                        and not self._subordinate(c, m)
                    ):
                        return c
                if sex and depth < 3:
                    # "Then she called Harriet.": the name is an object, "she" the subject
                    # and the one still spoken of: the pronoun stands for what "she" does
                    k = bisect_right(self.sentence_starts, m.start) - 1
                    a = self.sentence_starts[k] if k >= 0 else 0
                    pr = _SUBJECT_PRONOUN[sex].search(self.text, a, m.start)
                    if pr:
                        found = self.recent(pr.start(), sex, exclude, depth + 1)
                        if found:
                            return found
                return m
        return None


#: A sentence opening with a subordinate clause: "When Ann had sat down, Bob rose."
_SUBORDINATOR = re.compile(
    r"[\s\"'_(\-]*(?:When|As|After|While|Whilst|Before|Since|If|Though|Although|Until|Till"
    r"|Once|Whenever)\b"
)

#: The subject pronouns of each sex: one before a name in its sentence is that sentence's subject.
_SUBJECT_PRONOUN = {"f": re.compile(r"\b[Ss]he\b"), "m": re.compile(r"\b[Hh]e\b")}


def _regions(
    ctx: _Context, q: Quotation, floor: int
) -> tuple[list[tuple[int, int]], tuple[int, int]]:
    """The narration between and after the parts (tags), and before the first part (head).

    A quotation that opens its paragraph takes its head from the end of the
    previous paragraph ("Emma said,"), never reaching back past ``floor``
    (the end of the previous quotation).  Computed once per quotation.
    """
    key = (q.start, q.end, floor)
    found = ctx.regions.get(key)
    if found is None:
        found = ctx.regions[key] = _compute_regions(ctx, q, floor)
    return found


def _compute_regions(
    ctx: _Context, q: Quotation, floor: int
) -> tuple[list[tuple[int, int]], tuple[int, int]]:
    k_first, k_last = ctx.para(q.start), ctx.para(q.end)
    tags = [
        (b + 1, c - 1) for (_, b), (c, _) in zip(q.parts, q.parts[1:], strict=False) if c - b > 2
    ]
    tail_end = min(ctx.p_ends[k_last], q.end + 1 + 200)
    tags.append((q.end + 1, tail_end))
    p_start = ctx.p_starts[k_first]
    if q.start - 1 <= p_start and k_first > 0:
        b = ctx.p_ends[k_first - 1]
        a = max(ctx.p_starts[k_first - 1], b - 300, floor)
        if floor > ctx.p_starts[k_first - 1]:
            # that paragraph holds the previous quotation: only a sentence begun after it
            # ("Then she said,") is this one's head, not the end of its tag ("said Emma--")
            i = bisect_left(ctx.sentence_starts, floor)
            a = ctx.sentence_starts[i] if i < len(ctx.sentence_starts) else b
        return tags, (a, b) if a < b else (b, b)
    return tags, (max(p_start, q.start - 1 - 300, floor), q.start - 1)


def _head_sentence(ctx: _Context, a: int, b: int) -> int:
    """Where the last sentence of the narration ``[a, b)`` starts."""
    i = bisect_right(ctx.sentence_starts, max(b - 1, a)) - 1
    start = ctx.sentence_starts[i] if i >= 0 else a
    return max(start, a)


def _cue(text: str, a: int, b: int) -> str:
    return " ".join(text[a:b].strip(" ,;:-\n\u2014_").split())
