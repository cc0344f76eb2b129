"""Signed edges: the polarity of the sentences behind each edge, from an offline lexicon.

Each edge's evidence sentences (the sentences where the two names meet) are
scored with VADER (Hutto & Gilbert 2014; the ``vaderSentiment`` package,
MIT licence, which ships its lexicon inside the package: nothing is
downloaded).  The names themselves are cut out of a sentence before it is
scored, so a character called Hope or Grace does not make every sentence
about her sound happy.  Each edge gets:

- ``polarity``: the mean compound score of its sentences, from -1 to 1;
- ``positive`` / ``negative``: how many of them score above 0.05 / below
  -0.05 (VADER's own thresholds); the rest are neutral.

What the sign means, and its limits: it is the tone of the sentences in
which two characters are named together, not what they feel for each
other.  A lexicon does not read irony, a narrator's voice or a quarrel told
in gentle words, and a sentence shared with a third person counts for every
pair in it.  Read it as a hint of where the friendly and the hostile scenes
are, and check the evidence (``graphkit explain``).  Signing is opt-in
(``--signed``, :func:`sign`): it costs a few tenths of a second on a
long novel.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import replace
from typing import Any

import networkx as nx

from graphkit.errors import GraphkitError
from graphkit.model import Document, Mention, Result

__all__ = ["sign", "sign_graph", "sentence_polarity", "quotation_polarity", "POSITIVE", "NEGATIVE"]

#: A sentence above this compound score is positive, below ``NEGATIVE`` negative (VADER's cut-offs).
POSITIVE = 0.05
NEGATIVE = -0.05


def _analyzer() -> Any:
    try:
        from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer
    except ImportError:
        raise GraphkitError(
            "signed edges need the VADER lexicon: pip install 'graphkit[sentiment]'"
        ) from None
    return SentimentIntensityAnalyzer()


def sentence_polarity(
    doc: Document, sentences: Sequence[int], mentions: Sequence[Mention] = ()
) -> dict[int, float]:
    """The VADER compound score of each sentence, with the names in ``mentions`` cut out.

    Examples
    --------
    >>> from graphkit.pipeline.document import build_document
    >>> doc = build_document("Ann loves Bob dearly. Ann hates Bob and curses him.")
    >>> scores = sentence_polarity(doc, [0, 1])
    >>> scores[0] > 0.05, scores[1] < -0.05
    (True, True)
    """
    wanted = set(sentences)
    cuts: dict[int, list[tuple[int, int]]] = defaultdict(list)
    for m in mentions:
        if m.sentence in wanted:
            cuts[m.sentence].append((m.start, m.end))
    sia = _analyzer()
    out = {}
    for i in sorted(wanted):
        s = doc.sentences[i]
        pieces, at = [], s.start
        for a, b in sorted(cuts.get(i, ())):
            pieces.append(doc.text[at:a])
            at = max(at, b)
        pieces.append(doc.text[at : s.end])
        out[i] = float(sia.polarity_scores(" ".join("".join(pieces).split()))["compound"])
    return out


def quotation_polarity(texts: Sequence[str]) -> list[float]:
    """The VADER compound score of each quotation's text (issue 14: each quotation's polarity).

    A quotation is scored as said: its parts joined, white space folded.  A
    signed run gives ``Analysis.quotes`` a ``polarity`` column from this.

    Examples
    --------
    >>> [round(x, 2) > 0.05 for x in quotation_polarity(["I love you, dear.", "I hate this."])]
    [True, False]
    """
    sia = _analyzer()
    return [round(float(sia.polarity_scores(" ".join(t.split()))["compound"]), 4) for t in texts]


def sign_graph(graph: nx.Graph, polarity: dict[int, float]) -> nx.Graph:
    """A copy of ``graph`` whose edges carry ``polarity``, ``positive`` and ``negative``.

    Examples
    --------
    >>> g = nx.Graph(); g.add_edge("Ann", "Bob", evidence=[0, 1, 2])
    >>> h = sign_graph(g, {0: 0.6, 1: -0.4, 2: 0.0})
    >>> h.edges["Ann", "Bob"]["polarity"], h.edges["Ann", "Bob"]["positive"], h.graph["signed"]
    (0.0667, 1, True)
    """
    h = graph.copy()
    for _, _, d in h.edges(data=True):
        scores = [polarity[s] for s in d.get("evidence", ()) if s in polarity]
        d["polarity"] = round(sum(scores) / len(scores), 4) if scores else 0.0
        d["positive"] = sum(1 for x in scores if x > POSITIVE)
        d["negative"] = sum(1 for x in scores if x < NEGATIVE)
    h.graph["signed"] = True
    return h


def sign(result: Result) -> Result:
    """The same result with a signed graph (see the module's notes on what the sign means).

    Examples
    --------
    >>> import graphkit
    >>> a = graphkit.analyze_text("Ann adores Bob. Ann thanks Bob warmly. Cy hates Dee. Cy attacks Dee.")
    >>> s = sign(a)
    >>> s.graph.edges["Ann", "Bob"]["polarity"] > 0 > s.graph.edges["Cy", "Dee"]["polarity"]
    True
    >>> type(s).__name__, s.metrics is not None
    ('Analysis', True)
    """
    sentences = {s for _, _, d in result.graph.edges(data=True) for s in d.get("evidence", ())}
    polarity = sentence_polarity(result.document, sorted(sentences), result.mentions)
    return replace(result, graph=sign_graph(result.graph, polarity))
