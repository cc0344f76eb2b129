"""Structured texts (plays, screenplays, co-appearance tables) -> the pipeline's values.

A :class:`~graphkit.io.readers.base.Script` says who is present where, so there
is nothing to guess: this module lays it out as a
:class:`~graphkit.model.Document` (one heading per segment, one paragraph and
one "sentence" per speech turn or group, so evidence points at real lines),
one :class:`~graphkit.model.Mention` per speaker per turn, and the
interactions of one of three rules:

* ``"co-presence"`` for plays and screenplays, as DraCor defines it: two
  characters who speak in the same segment are linked, weight = number of
  segments they share;
* ``"groups"`` for co-appearance tables: two characters in the same group
  are linked, weight = number of groups holding both (the rule NetworkX's
  ``les_miserables_graph()`` was built with);
* ``"conversation"``: a directed link from each speaker to the one who speaks
  right after within a segment, weight = number of such turns.  Its
  interactions run ``source -> target`` (not sorted).

A segment or group of n members would make n(n-1)/2 links, so cliques are
capped: with more than :data:`CLIQUE_LIMIT` distinct members, only the
:data:`CLIQUE_LIMIT` most present ones (most turns in the segment, then most
turns in the whole text, then first to appear) are linked pair by pair, and
every other member is linked to the :data:`SPOKES` most present ones only:
at most ``CLIQUE_LIMIT * (CLIQUE_LIMIT - 1) / 2 + SPOKES * n`` links per
segment.  In conversation, a turn with more than :data:`CLIQUE_LIMIT`
speakers is linked through its :data:`CLIQUE_LIMIT` first-named speakers.
The graph attribute ``capped`` lists the titles of the segments concerned
(``graphkit analyze`` says so on stderr).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from itertools import combinations

import networkx as nx

from graphkit.errors import OptionError
from graphkit.io.readers.base import Script
from graphkit.io.rules import RuleSet, load_rules
from graphkit.model import (
    Character,
    Document,
    Evidence,
    Interaction,
    Mention,
    Paragraph,
    Result,
    Segment,
    Sentence,
)
from graphkit.pipeline.relations.personae import personae_relations

__all__ = [
    "CLIQUE_LIMIT",
    "INTERACTIONS",
    "SPOKES",
    "capped_pairs",
    "script_document",
    "script_interactions",
    "analyze_script",
]

#: Values of ``interaction=`` / ``--interaction``: the rules a play or screenplay is linked by.
INTERACTIONS = ("co-presence", "conversation")

#: Members of a segment or group linked pair by pair; beyond it the clique is capped.
CLIQUE_LIMIT = 50

#: How many of the most present members each member beyond the cap is linked to.
SPOKES = 3


def capped_pairs(ranked: list[str]) -> list[tuple[str, str]]:
    """The pairs to link among ``ranked`` members (most present first), each sorted.

    Up to :data:`CLIQUE_LIMIT` members: every pair.  Beyond: every pair of the
    first :data:`CLIQUE_LIMIT`, and each other member with the first :data:`SPOKES`.

    Examples
    --------
    >>> capped_pairs(["B", "A", "C"])
    [('A', 'B'), ('B', 'C'), ('A', 'C')]
    >>> members = [f"m{i:03}" for i in range(1000)]
    >>> len(capped_pairs(members)) == CLIQUE_LIMIT * (CLIQUE_LIMIT - 1) // 2 + SPOKES * 950
    True
    """
    core = ranked[:CLIQUE_LIMIT]
    pairs = [(a, b) if a < b else (b, a) for a, b in combinations(core, 2)]
    hubs = ranked[:SPOKES]
    pairs += [(a, b) if a < b else (b, a) for a in ranked[CLIQUE_LIMIT:] for b in hubs]
    return pairs


def script_document(script: Script) -> tuple[Document, list[Mention], list[Character]]:
    """Lay ``script`` out as a document; return it with the mentions and characters.

    Examples
    --------
    >>> from graphkit.io.readers.base import Role, Turn
    >>> s = Script("T", (Role("Ann", "Ann"), Role("Bob", "Bob")), ("Scene 1",),
    ...            (Turn(0, ("Ann",), "Hi."), Turn(0, ("Bob",), "Hello.")))
    >>> doc, mentions, chars = script_document(s)
    >>> doc.text
    'Scene 1\\n\\nAnn: Hi.\\n\\nBob: Hello.'
    >>> [(m.text, m.sentence) for m in mentions], [(c.id, c.mentions) for c in chars]
    ([('Ann', 0), ('Bob', 1)], [('Ann', 1), ('Bob', 1)])
    """
    labels = {r.id: r.label for r in script.roles}
    by_segment: dict[int, list] = defaultdict(list)
    for t in script.turns:
        by_segment[t.segment].append(t)
    parts: list[str] = []
    pos = 0
    paragraphs: list[Paragraph] = []
    sentences: list[Sentence] = []
    segments: list[Segment] = []
    mentions: list[Mention] = []

    def add(block: str, kind: str) -> tuple[int, int]:
        nonlocal pos
        if parts:
            parts.append("\n\n")
            pos += 2
        start = pos
        parts.append(block)
        pos += len(block)
        paragraphs.append(Paragraph(len(paragraphs), start, pos, kind))
        return start, pos

    # A play's cast list opens the document: each entry a sentence, the evidence of
    # the ties it states (graphkit.pipeline.relations.personae), no one's turn.
    for entry in script.personae:  # (only play readers fill it)
        start, end = add(entry, "text")
        sentences.append(Sentence(len(sentences), start, end, len(paragraphs) - 1, 0))
    for index, title in enumerate(script.segments):
        seg_start, _ = add(" ".join(title.split()) or f"Segment {index + 1}", "heading")
        for turn in by_segment.get(index, []):
            names = [labels.get(s, s) for s in turn.speakers]
            head = ", ".join(names)
            body = " ".join(turn.text.split())
            line = f"{head}: {body}" if script.kind != "table" and body else head
            start, end = add(line or "(nobody)", "text")
            sentence = len(sentences)
            sentences.append(Sentence(sentence, start, end, len(paragraphs) - 1, index))
            offset = start
            for speaker, name in zip(turn.speakers, names, strict=True):
                mentions.append(
                    Mention(offset, offset + len(name), name, speaker, "character", sentence)
                )
                offset += len(name) + 2
        segments.append(Segment(index, title, seg_start, pos))
    text = "".join(parts)
    doc = Document(
        text=text,
        paragraphs=tuple(paragraphs),
        sentences=tuple(sentences),
        segments=tuple(segments),
        raw=text,
        source=script.source,
    )
    counts: dict[str, int] = defaultdict(int)
    first: dict[str, int] = {}
    for m in mentions:
        counts[m.character] += 1
        first.setdefault(m.character, m.start)
    characters = [
        Character(r.id, r.label, "character", r.aliases, counts[r.id], first[r.id])
        for r in script.roles
        if counts[r.id]
    ]
    characters.sort(key=lambda c: (-c.mentions, c.id))
    return doc, mentions, characters


def script_interactions(
    script: Script, doc: Document, mentions: list[Mention], rule: str
) -> list[Interaction]:
    """The interactions of ``rule`` (``co-presence``, ``groups`` or ``conversation``).

    Examples
    --------
    >>> from graphkit.io.readers.base import Role, Turn
    >>> s = Script("T", (Role("A", "A"), Role("B", "B"), Role("C", "C")), ("1", "2"),
    ...            (Turn(0, ("A",)), Turn(0, ("B",)), Turn(0, ("A",)), Turn(1, ("B",)), Turn(1, ("C",)),
    ...             Turn(1, ("A",))))
    >>> doc, ms, _ = script_document(s)
    >>> [(i.source, i.target, i.weight) for i in script_interactions(s, doc, ms, "co-presence")]
    [('A', 'B', 2), ('A', 'C', 1), ('B', 'C', 1)]
    >>> [(i.source, i.target, i.weight) for i in script_interactions(s, doc, ms, "conversation")]
    [('A', 'B', 1), ('B', 'A', 1), ('B', 'C', 1), ('C', 'A', 1)]
    """
    return _interactions(doc, mentions, rule)[0]


def _interactions(
    doc: Document, mentions: list[Mention], rule: str
) -> tuple[list[Interaction], list[int]]:
    """The interactions of ``rule`` and the segments whose cliques were capped."""
    speakers: dict[int, list[str]] = defaultdict(list)  # sentence -> speakers
    overall: Counter = Counter()
    for m in mentions:
        speakers[m.sentence].append(m.character)
        overall[m.character] += 1
    evidence: dict[tuple[str, str], list[Evidence]] = defaultdict(list)
    capped: set[int] = set()
    if rule == "groups":
        for s in doc.sentences:
            group = sorted(set(speakers[s.index]))
            if len(group) > CLIQUE_LIMIT:
                capped.add(s.segment)
                group.sort(key=lambda c: -overall[c])  # stable: ties stay in name order
            for a, b in capped_pairs(group):
                evidence[(a, b)].append(Evidence(s.index, s.start, s.end))
    elif rule == "co-presence":
        by_segment: dict[int, list] = defaultdict(list)
        for s in doc.sentences:
            by_segment[s.segment].append(s)
        for seg in doc.segments:
            turns = by_segment[seg.index]
            if len({w for s in turns for w in speakers[s.index]}) > CLIQUE_LIMIT:
                capped.add(seg.index)
                _capped_presence(turns, speakers, overall, seg, evidence)
                continue
            # Each pair's evidence is the turn by which both have spoken: the turn where
            # the later of the two first speaks (linear in turns, not in turns x pairs).
            present: list[str] = []  # in order of first speech
            seen: set[str] = set()
            for s in turns:
                new = [w for w in dict.fromkeys(speakers[s.index]) if w not in seen]
                for k, who in enumerate(new):
                    for other in present + new[:k]:
                        a, b = sorted((who, other))
                        evidence[(a, b)].append(Evidence(s.index, seg.start, seg.end))
                present += new
                seen.update(new)
    elif rule == "conversation":
        previous = None
        for s in doc.sentences:
            if previous is not None and previous.segment == s.segment:
                before = list(dict.fromkeys(speakers[previous.index]))
                after = list(dict.fromkeys(speakers[s.index]))
                if len(before) > CLIQUE_LIMIT or len(after) > CLIQUE_LIMIT:
                    capped.add(s.segment)
                for a in before[:CLIQUE_LIMIT]:
                    for b in after[:CLIQUE_LIMIT]:
                        if a != b:
                            evidence[(a, b)].append(Evidence(s.index, previous.start, s.end))
            previous = s
    else:
        raise OptionError(f"unknown interaction {rule!r}: use co-presence or conversation")
    found = [Interaction(a, b, len(ev), tuple(ev)) for (a, b), ev in sorted(evidence.items())]
    return found, sorted(capped)


def _capped_presence(
    turns: list[Sentence],
    speakers: dict[int, list[str]],
    overall: Counter,
    seg: Segment,
    evidence: dict[tuple[str, str], list[Evidence]],
) -> None:
    """Co-presence in a segment over :data:`CLIQUE_LIMIT` members (see :func:`capped_pairs`)."""
    local: Counter = Counter()
    first: dict[str, int] = {}  # member -> the sentence of their first turn here
    for s in turns:
        for w in dict.fromkeys(speakers[s.index]):
            local[w] += 1
            first.setdefault(w, s.index)
    ranked = sorted(first, key=lambda w: (-local[w], -overall[w], first[w]))
    for a, b in capped_pairs(ranked):
        evidence[(a, b)].append(Evidence(max(first[a], first[b]), seg.start, seg.end))


def analyze_script(
    script: Script,
    interaction: str = "co-presence",
    name: str | None = None,
    rules: RuleSet | None = None,
) -> Result:
    """Run the pipeline on a structured text and return its :class:`~graphkit.model.Result`.

    Tables always use the groups rule; ``interaction="conversation"`` is for
    plays and screenplays.  Table characters who never share a group are left
    out, as in NetworkX's Les Misérables graph (graph attribute ``unlinked``).
    A play's cast list gives typed relations (``rules``' ``personae:``, see
    :mod:`graphkit.pipeline.relations.personae`).
    """
    from graphkit.graph.speech import set_speech, turn_speech
    from graphkit.graph.timeline import assemble_graph

    if interaction not in INTERACTIONS:
        raise OptionError(f"unknown interaction {interaction!r}: use co-presence or conversation")
    if script.kind == "table" and interaction == "conversation":
        raise OptionError("--interaction conversation needs a play or screenplay, not a table")
    rule = "groups" if script.kind == "table" else interaction
    doc, mentions, characters = script_document(script)
    interactions, capped = _interactions(doc, mentions, rule)
    attrs: dict[str, object] = {"input_format": script.kind, "title": script.title}
    if capped:
        attrs["capped"] = [doc.segments[i].title for i in capped]
    if script.kind == "table":
        linked = {c for i in interactions for c in (i.source, i.target)}
        attrs["unlinked"] = sorted(c.id for c in characters if c.id not in linked)
        characters = [c for c in characters if c.id in linked]
        mentions = [m for m in mentions if m.character in linked]
    relations = personae_relations(
        script.personae,
        {c.id: (c.label, *c.aliases) for c in characters},
        rules or load_rules(),
    )
    template = nx.Graph()
    for r in script.roles:
        template.add_node(r.id, **dict(r.attrs))
    name = name or script.title or "script"
    graph = assemble_graph(
        doc,
        characters,
        mentions,
        interactions,
        relations,
        directed=rule == "conversation",
        template=template,
        name=name,
        window=rule,
        **attrs,
    )
    if script.kind != "table":  # speeches: node attributes quotes, words_spoken
        set_speech(graph, turn_speech(doc, mentions)).graph["speech"] = "turns"
    return Result(
        document=doc,
        mentions=tuple(mentions),
        character_list=tuple(characters),
        interactions=tuple(interactions),
        relations=tuple(relations),
        graph=graph,
        window=rule,
        name=name,
    )
