"""CSV tables: one row per node, one row per edge (lists joined by ``;``), UTF-8, ``\n`` line ends."""

from __future__ import annotations

from typing import TYPE_CHECKING

import networkx as nx

if TYPE_CHECKING:
    import pandas as pd
from graphkit.exporters.flat import flat_graph

__all__ = ["nodes_csv_bytes", "edges_csv_bytes"]


def _csv_bytes(df: pd.DataFrame) -> bytes:
    return df.to_csv(index=False, lineterminator="\n").encode("utf-8")


def nodes_csv_bytes(g: nx.Graph) -> bytes:
    """One row per node: ``id`` then every node attribute (lists joined by ``;``)."""
    import pandas as pd

    flat = flat_graph(g)
    keys = sorted({k for _, d in flat.nodes(data=True) for k in d})
    order = [k for k in ("label", "kind", "mentions", "first_seen", "aliases") if k in keys]
    keys = order + [k for k in keys if k not in order]
    rows = [{"id": n, **{k: d.get(k, "") for k in keys}} for n, d in flat.nodes(data=True)]
    return _csv_bytes(pd.DataFrame(rows, columns=["id", *keys]))


def edges_csv_bytes(g: nx.Graph) -> bytes:
    """One row per edge: ``source``, ``target``, ``weight`` then the other attributes."""
    import pandas as pd

    flat = flat_graph(g)
    keys = sorted({k for _, _, d in flat.edges(data=True) for k in d} - {"weight"})
    rows = [
        {"source": u, "target": v, "weight": d.get("weight", 1), **{k: d.get(k, "") for k in keys}}
        for u, v, d in flat.edges(data=True)
    ]
    return _csv_bytes(pd.DataFrame(rows, columns=["source", "target", "weight", *keys]))
