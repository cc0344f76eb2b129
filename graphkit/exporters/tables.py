"""CSV tables: one row per node, one row per edge (lists joined by ``;``), UTF-8, ``\n`` line ends."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import networkx as nx

if TYPE_CHECKING:
    import pandas as pd
from graphkit.exporters.flat import flat_graph

__all__ = [
    "csv_bytes",
    "csv_text",
    "csv_cell",
    "nodes_csv_bytes",
    "edges_csv_bytes",
    "evidence_csv_bytes",
]

#: A spreadsheet reads a cell opening with one of these as a formula (OWASP, CSV injection).
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(value: object) -> object:
    """``value`` as a CSV cell a spreadsheet will not run: a formula-like string gets a ``'``.

    The original value stays in the JSON and GraphML exports.

    Examples
    --------
    >>> csv_cell("=HYPERLINK(1)"), csv_cell("-1"), csv_cell(-1), csv_cell("Ann")
    ("'=HYPERLINK(1)", "'-1", -1, 'Ann')
    """
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def csv_text(df: pd.DataFrame) -> str:
    """A DataFrame as CSV text (no index, ``\n`` line ends), formula-like cells guarded."""
    from pandas.api.types import is_numeric_dtype

    guarded = df.copy()
    for column in guarded.columns:
        if not is_numeric_dtype(guarded[column].dtype):
            guarded[column] = guarded[column].map(csv_cell)
    return guarded.to_csv(index=False, lineterminator="\n")


def csv_bytes(df: pd.DataFrame) -> bytes:
    """:func:`csv_text` as UTF-8 bytes (lone surrogates replaced)."""
    return csv_text(df).encode("utf-8", errors="replace")


def nodes_csv_bytes(g: nx.Graph) -> bytes:
    """One row per node: ``id`` then every node attribute (lists joined by ``;``)."""
    import pandas as pd

    flat = flat_graph(g)
    keys = sorted({k for _, d in flat.nodes(data=True) for k in d})
    order = [k for k in ("label", "kind", "mentions", "first_seen", "aliases") if k in keys]
    keys = order + [k for k in keys if k not in order]
    rows = [{"id": n, **{k: d.get(k, "") for k in keys}} for n, d in flat.nodes(data=True)]
    return csv_bytes(pd.DataFrame(rows, columns=["id", *keys]))


def edges_csv_bytes(g: nx.Graph) -> bytes:
    """One row per edge: ``source``, ``target``, ``weight`` then the other attributes."""
    import pandas as pd

    flat = flat_graph(g)
    keys = sorted({k for _, _, d in flat.edges(data=True) for k in d} - {"weight"})
    rows = [
        {"source": u, "target": v, "weight": d.get("weight", 1), **{k: d.get(k, "") for k in keys}}
        for u, v, d in flat.edges(data=True)
    ]
    return csv_bytes(pd.DataFrame(rows, columns=["source", "target", "weight", *keys]))


def evidence_csv_bytes(g: nx.Graph, sentence_text: Callable[[int], str]) -> bytes:
    """The bytes of ``evidence.csv``: one row per (link, sentence), see :mod:`graphkit.graph.evidence`."""
    from graphkit.graph.evidence import evidence_frame

    return csv_bytes(evidence_frame(g, sentence_text))
