"""Graph + sentences -> the evidence table: which sentence supports which link.

One row per (link, sentence): typed relations with their direction, and plain
co-occurrences (type ``co-occurrence``).  :func:`evidence_frame` is the
``evidence.csv`` written beside the graph (by :mod:`graphkit.exporters`); :func:`explain` is the text that
``graphkit explain`` prints.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import networkx as nx

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["EVIDENCE_COLUMNS", "evidence_rows", "evidence_frame", "pair_evidence", "explain"]

#: Columns of ``evidence.csv``.
EVIDENCE_COLUMNS = ["source", "target", "type", "sentence", "text"]


def evidence_rows(
    g: nx.Graph, sentence_text: Callable[[int], str], only: tuple[str, str] | None = None
) -> list[dict[str, object]]:
    """Evidence rows of every edge of ``g`` (or of the edge ``only``), sorted.

    Examples
    --------
    >>> g = nx.Graph()
    >>> g.add_edge("Amy", "Theo", evidence=[2], relations=[{"type": "friend", "source": "Amy",
    ...            "target": "Theo"}], relation_evidence={"friend": [2]})
    >>> [(r["type"], r["sentence"], r["text"]) for r in evidence_rows(g, lambda i: f"s{i}")]
    [('co-occurrence', 2, 's2'), ('friend', 2, 's2')]
    """
    rows = []
    edges = [(*only, g.edges[only])] if only else g.edges(data=True)
    # a directed graph's links are conversations: they keep their direction
    kind = "conversation" if g.is_directed() else "co-occurrence"
    for u, v, d in edges:
        a, b = (u, v) if g.is_directed() else sorted((u, v))
        for s in d.get("evidence", []) or []:
            rows.append({"source": a, "target": b, "type": kind, "sentence": s})
        by_type = d.get("relation_evidence", {}) or {}
        for rel in d.get("relations", []) or []:
            for s in by_type.get(rel["type"], []):
                rows.append(
                    {
                        "source": rel["source"],
                        "target": rel["target"],
                        "type": rel["type"],
                        "sentence": s,
                    }
                )
    rows.sort(key=lambda r: (min(r["source"], r["target"]), max(r["source"], r["target"]),
                             r["sentence"], r["type"] != kind, r["type"]))  # fmt: skip
    for r in rows:
        r["text"] = sentence_text(int(r["sentence"]))
    return rows


def evidence_frame(g: nx.Graph, sentence_text: Callable[[int], str]) -> pd.DataFrame:
    """:func:`evidence_rows` as a DataFrame with the columns of :data:`EVIDENCE_COLUMNS`."""
    import pandas as pd

    return pd.DataFrame(evidence_rows(g, sentence_text), columns=EVIDENCE_COLUMNS)


def pair_evidence(g: nx.Graph, a: str, b: str, sentence_text: Callable[[int], str]) -> pd.DataFrame:
    """The sentences that link ``a`` and ``b`` (ids): ``sentence``, ``types`` it states, ``text``.

    Examples
    --------
    >>> g = nx.Graph()
    >>> g.add_edge("Ann", "Bob", evidence=[0, 2], relations=[{"type": "friend", "source": "Ann",
    ...            "target": "Bob"}], relation_evidence={"friend": [2]})
    >>> pair_evidence(g, "Ann", "Bob", lambda i: f"s{i}").values.tolist()
    [[0, 'co-occurrence', 's0'], [2, 'friend', 's2']]
    """
    import pandas as pd

    types: dict[int, set[str]] = {}
    if g.has_edge(a, b):
        for row in evidence_rows(g, lambda i: "", only=(a, b)):
            found = types.setdefault(int(row["sentence"]), set())
            if row["type"] != "co-occurrence":
                found.add(str(row["type"]))
    rows = [(s, ";".join(sorted(t)) or "co-occurrence", sentence_text(s)) for s, t in sorted(types.items())]  # fmt: skip
    return pd.DataFrame(rows, columns=["sentence", "types", "text"])


def explain(g: nx.Graph, a: str, b: str, sentence_text: Callable[[int], str]) -> str:
    """Every sentence that links ``a`` and ``b`` (canonical ids), with the relation types it states.

    Examples
    --------
    >>> g = nx.Graph()
    >>> g.add_edge("Amy", "Theo", evidence=[2], relations=[{"type": "friend", "source": "Amy",
    ...            "target": "Theo"}], relation_evidence={"friend": [2]})
    >>> print(explain(g, "Theo", "Amy", lambda i: "Theo and his friend Amy left."))
    Theo — Amy: Amy friend Theo
      [2] co-occurrence, friend
          Theo and his friend Amy left.
    """
    if not g.has_edge(a, b):
        return f"{a} — {b}: no sentence links them"
    d = g.edges[a, b]
    stated = [  # "Capulet family Juliet (daughter)": the role is what the target is to the source
        f"{r['source']} {r['type']} {r['target']}" + (f" ({r['role']})" if r.get("role") else "")
        for r in d.get("relations", [])
    ]
    link, only = ("→", "conversation only") if g.is_directed() else ("—", "co-occurrence only")
    lines = [f"{a} {link} {b}: " + ("; ".join(stated) if stated else only)]
    by_sentence: dict[int, list[str]] = {}
    for row in evidence_rows(g, lambda i: "", only=(a, b)):
        by_sentence.setdefault(int(row["sentence"]), []).append(str(row["type"]))
    for s in sorted(by_sentence):
        lines.append(f"  [{s}] {', '.join(dict.fromkeys(by_sentence[s]))}")
        lines.append(f"      {sentence_text(s)}")
    return "\n".join(lines)
