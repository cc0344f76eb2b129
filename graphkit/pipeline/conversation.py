"""Prose conversation networks, and the speech columns and quotations the interfaces show.

``interaction="conversation"`` on prose (:func:`conversation_result`) keeps
the characters of the co-occurrence run and replaces its edges with directed
speaker -> addressee links, one per quotation and addressee (see
:mod:`graphkit.graph.speech` for the attributes).  The default run never
finds quotations: :func:`characters_table` and :func:`explain_pair` find them
when asked (``graphkit characters``, ``graphkit explain``), and
:func:`with_quotes` (``--quotes``) gives the co-occurrence graph's edges the
count of quotations the two exchange.  Attributing every quotation costs
about four regex passes over a novel (``benchmarks/bench_quotes.py``), which
is why it is not part of the default run.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, Any, TypeVar

from graphkit.graph.speech import (
    conversation_edges,
    exchanged_quotes,
    quotation_speech,
    set_speech,
)
from graphkit.model import Result
from graphkit.pipeline.dialogue import quotations_of

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["CHARACTER_COLUMNS", "conversation_result", "with_quotes", "characters_table",
           "explain_pair"]  # fmt: skip

R = TypeVar("R", bound=Result)

#: The columns of ``Analysis.characters`` (and ``graphkit characters``).
CHARACTER_COLUMNS = ("id", "label", "kind", "mentions", "first_seen", "aliases", "work",
                     "aliases_reason", "quotes", "words_spoken")  # fmt: skip


def conversation_result(result: Result) -> Result:
    """The conversation network of a prose result: same nodes, speaker -> addressee edges.

    Examples
    --------
    >>> from graphkit.pipeline.run import run_text
    >>> r = run_text('"Come here, Bob," said Ann.\\n\\n"No," said Bob.\\n\\n"Please!" said Ann.')
    >>> g = conversation_result(r).graph
    >>> sorted(g.edges(data="weight")), g.edges["Ann", "Bob"]["inferred"], g.edges["Bob", "Ann"]["inferred"]
    ([('Ann', 'Bob', 2), ('Bob', 'Ann', 1)], 1, 1)
    >>> g.nodes["Ann"]["quotes"], g.nodes["Ann"]["words_spoken"], g.nodes["Bob"]["words_spoken"]
    (2, 4, 1)
    """
    from graphkit.graph.timeline import assemble_graph

    quotes = quotations_of(result)
    doc = result.document
    links, extra = conversation_edges(doc, quotes, (c.id for c in result.character_list))
    graph = assemble_graph(doc, result.character_list, result.mentions, links, directed=True,
                           template=result.graph, window="conversation", speech="quotations")  # fmt: skip
    set_speech(graph, quotation_speech(quotes))
    for (a, b), values in extra.items():
        graph.edges[a, b].update(values)
    return replace(result, interactions=tuple(links), relations=(), graph=graph,
                   window="conversation")  # fmt: skip


def with_quotes(result: R) -> R:
    """The same prose result whose co-occurrence edges count the quotations the two exchange.

    Every edge gets ``quotes`` (:func:`graphkit.graph.speech.exchanged_quotes`:
    what the conversation graph's two directions between the pair hold
    together) and every node ``quotes`` and ``words_spoken``.  A conversation
    graph already has them, and plays, screenplays and tables have speeches, not
    quotations: those results come back as they are.

    Examples
    --------
    >>> from graphkit.pipeline.run import run_text
    >>> r = run_text('"Come here, Bob," said Ann. Bob saw Ann.\\n\\n"No," said Bob. Carl met Bob.')
    >>> g = with_quotes(r).graph
    >>> sorted(g.edges(data="quotes")), g.nodes["Bob"]["quotes"], "quotes" in r.graph.nodes["Bob"]
    ([('Ann', 'Bob', 2), ('Bob', 'Carl', 0)], 1, False)
    """
    g = result.graph
    if g.is_directed() or "input_format" in g.graph:
        return result
    quotes = quotations_of(result)
    _, extra = conversation_edges(result.document, quotes, g.nodes)
    graph = set_speech(g.copy(), quotation_speech(quotes))
    return replace(result, graph=exchanged_quotes(graph, extra))


def _speech_counts(result: Result) -> dict[str, tuple[int, int]]:
    g = result.graph
    if g.number_of_nodes() and all("quotes" in d for _, d in g.nodes(data=True)):
        return {n: (d["quotes"], d["words_spoken"]) for n, d in g.nodes(data=True)}
    return quotation_speech(quotations_of(result))


def characters_table(result: Result) -> pd.DataFrame:
    """One row per character, indexed by id, with the columns of :data:`CHARACTER_COLUMNS`.

    ``quotes`` and ``words_spoken`` are speeches on plays and screenplays,
    attributed quotations on prose (found here, on first use, for the default graph).

    Examples
    --------
    >>> from graphkit.pipeline.run import run_text
    >>> r = run_text('"Come here, Bob," said Ann. Bob stayed.')
    >>> characters_table(r)[["id", "mentions", "quotes", "words_spoken"]].values.tolist()
    [['Bob', 2, 0, 0], ['Ann', 1, 1, 3]]
    """
    import pandas as pd

    counts = _speech_counts(result)
    rows = [
        (c.id, c.label, c.kind, c.mentions, c.first_seen, list(c.aliases), c.work or "",
         list(c.aliases_reason), *counts.get(c.id, (0, 0)))
        for c in result.character_list
    ]  # fmt: skip
    return pd.DataFrame(rows, columns=list(CHARACTER_COLUMNS), index=[r[0] for r in rows])


def _quotation_lines(result: Result, a: str, b: str) -> list[str]:
    lines = []
    for k, q in enumerate(quotations_of(result)):
        for who, to in ((a, b), (b, a)):
            if q.speaker == who and to in q.addressees:
                how = " (addressee inferred)" if to in q.inferred else ""
                lines.append(f"  [q{k}] {who} -> {to}{how}: “{' '.join(q.text.split())}”")
    if not lines:
        return []
    return [f"Quotations between {a} and {b} ({len(lines)}):", *lines]


def explain_pair(analysis: Any, a: str, b: str) -> str:
    """What ``graphkit explain`` prints for two ids: the linking sentences, then the quotations.

    A directed graph (conversations) shows each direction that has an edge.

    Examples
    --------
    >>> from graphkit.analysis import analyze_text
    >>> print(explain_pair(analyze_text('"Go home, Bob," said Ann to Bob.'), "Ann", "Bob"))
    Ann — Bob: co-occurrence only
      [0] co-occurrence
          "Go home, Bob," said Ann to Bob.
    Quotations between Ann and Bob (1):
      [q0] Ann -> Bob: “Go home, Bob,”
    """
    from graphkit.graph.evidence import explain

    g, text = analysis.graph, analysis.document.sentence_text
    pairs = [(a, b), (b, a)] if g.is_directed() else [(a, b)]
    parts = [explain(g, x, y, text) for x, y in pairs if g.has_edge(x, y)]
    parts = parts or [explain(g, a, b, text)]
    return "\n".join(parts + _quotation_lines(analysis, a, b))
