"""Quotations of a pipeline result, attributed, and as a table: what ``Analysis.quotes`` reads.

Computed on demand only: the default pipeline run does not find quotations,
so ``graphkit analyze`` and its outputs do not change.
"""

from __future__ import annotations

import pandas as pd

from graphkit.model import Quotation, Result
from graphkit.pipeline.quotations import find_quotations
from graphkit.pipeline.speakers import attribute

__all__ = ["QUOTE_COLUMNS", "quotations_of", "quotes_table"]

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
    doc = result.document
    return attribute(doc, find_quotations(doc), result.mentions, result.character_list)


def quotes_table(result: Result, quotes: tuple[Quotation, ...]) -> pd.DataFrame:
    """``quotes`` as a DataFrame, offsets and text into the file as read.

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
    return pd.DataFrame(rows, columns=list(QUOTE_COLUMNS))
