"""Quotations of a pipeline result, attributed, and as a table: what ``Analysis.quotes`` reads.

Computed on demand only: the default pipeline run does not find quotations,
so ``graphkit analyze``'s graph does not change.  A result's attribution is
made once and kept (:func:`graphkit.graph.speech.remember_quotations`): the
conversation graph, ``Analysis.quotes`` and ``quotes.csv`` share it.  Plays,
screenplays and tables have speeches, not quotations: none is looked for there.
"""

from __future__ import annotations

import pandas as pd

from graphkit.graph.speech import known_quotations, remember_quotations
from graphkit.model import Quotation, Result
from graphkit.pipeline.quotations import find_quotations
from graphkit.pipeline.speakers import attribute

__all__ = ["QUOTE_COLUMNS", "quotations_of", "quotes_table", "quotes_csv_frame"]

#: The columns of ``Analysis.quotes`` (and the fields of ``graphkit quotes``).
QUOTE_COLUMNS = ("start", "end", "text", "speaker", "addressees", "type", "cue")


def quotations_of(result: Result) -> tuple[Quotation, ...]:
    """Every quotation of ``result``'s document with its speaker, addressees, type and cue.

    Examples
    --------
    >>> from graphkit.pipeline.run import run_text
    >>> r = run_text('"Come here," said Ann to Bob. Ann waited. Bob ran.', cast=None)
    >>> [(q.text, q.speaker) for q in quotations_of(r)]
    [('Come here,', 'Ann')]
    """
    doc, mentions, characters = result.document, result.mentions, result.character_list
    if "input_format" in result.graph.graph:  # a play, screenplay or table
        return ()
    known = known_quotations(doc, mentions, characters)
    if known is None:
        known = attribute(doc, find_quotations(doc), mentions, characters)
        remember_quotations(doc, mentions, characters, known)
    return known


def quotes_table(result: Result, quotes: tuple[Quotation, ...]) -> pd.DataFrame:
    """``quotes`` as a DataFrame, offsets and text into the file as read.

    A signed result (``signed=True``, ``--signed``) gains a ``polarity``
    column: each quotation's VADER compound score
    (:func:`graphkit.graph.sentiment.quotation_polarity`).

    Examples
    --------
    >>> from graphkit.pipeline.run import run_text
    >>> r = run_text('"Come here," said Ann to Bob. Ann waited. Bob ran.', cast=None)
    >>> quotes_table(r, quotations_of(r))[["start", "end", "speaker", "type"]].values.tolist()
    [[1, 11, 'Ann', 'explicit']]
    """
    doc = result.document
    flat = [x for q in quotes for a, b in q.parts for x in (a, b)]
    raw = doc.offsets.to_raw(flat).tolist() if flat else []
    source = doc.raw or doc.text
    rows, k = [], 0
    for q in quotes:
        spans = [(raw[k + 2 * j], raw[k + 2 * j + 1]) for j in range(len(q.parts))]
        k += 2 * len(q.parts)
        rows.append((spans[0][0], spans[-1][1], " ".join(source[a:b] for a, b in spans),
                     q.speaker, list(q.addressees), q.type, q.cue or None))  # fmt: skip
    table = pd.DataFrame(rows, columns=list(QUOTE_COLUMNS))
    if result.graph.graph.get("signed"):
        from graphkit.graph.sentiment import quotation_polarity

        table["polarity"] = quotation_polarity([q.text for q in quotes])
    return table


def quotes_csv_frame(quotes: pd.DataFrame) -> pd.DataFrame:
    """``Analysis.quotes`` as ``quotes.csv`` holds it: addressees joined by ``;``, no cue as ``""``.

    Examples
    --------
    >>> df = pd.DataFrame([[1, 5, "Hi", "Ann", ["Bob", "Cy"], "explicit", None]], columns=list(QUOTE_COLUMNS))
    >>> quotes_csv_frame(df).values.tolist()
    [[1, 5, 'Hi', 'Ann', 'Bob;Cy', 'explicit', '']]
    """
    out = quotes.copy()
    out["addressees"] = out["addressees"].map(";".join)
    out["speaker"] = out["speaker"].fillna("")
    out["cue"] = out["cue"].fillna("")
    return out
