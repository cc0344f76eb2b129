"""Graph -> centrality tables (pandas DataFrames).

Path-based measures (betweenness, closeness) use the distance ``1/weight``,
so that characters who meet often are close.  On a graph with several
components they are computed on the whole graph, never silently on the
largest component: closeness uses the Wasserman-Faust scaling that NetworkX
applies to disconnected graphs, and each row says which ``component`` it is
in (0 = the largest).  The summary says how many components there are and
gives the diameter of the largest one.

Functions return plain dicts keyed by node; only :func:`node_metrics` and
:func:`graph_summary` build DataFrames (pandas is imported inside them).
"""

from __future__ import annotations

import random
import sys
from typing import TYPE_CHECKING, Any

import networkx as nx

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "COLUMNS",
    "distance_graph",
    "components",
    "communities",
    "centralities",
    "path_centralities",
    "node_metrics",
    "graph_summary",
]

#: Columns of :func:`node_metrics`, in order.
COLUMNS = (
    "id",
    "label",
    "kind",
    "mentions",
    "degree",
    "strength",
    "betweenness",
    "closeness",
    "eigenvector",
    "pagerank",
    "community",
    "component",
)

SEED = 42


def distance_graph(g: nx.Graph) -> nx.Graph:
    """A copy of ``g`` whose edges carry ``distance = 1 / weight`` (unit weight when missing)."""
    h = nx.Graph()
    h.add_nodes_from(g)
    h.add_weighted_edges_from(
        ((u, v, 1.0 / max(float(d.get("weight", 1) or 1), 1e-9)) for u, v, d in g.edges(data=True)),
        weight="distance",
    )
    return h


def components(g: nx.Graph) -> dict[str, int]:
    """Component index of each node: 0 for the largest, ties broken by the smallest node id.

    Examples
    --------
    >>> g = nx.Graph([("a", "b"), ("b", "c"), ("x", "y")])
    >>> components(g)
    {'a': 0, 'b': 0, 'c': 0, 'x': 1, 'y': 1}
    """
    comps = sorted(nx.connected_components(g), key=lambda c: (-len(c), min(c)))
    return {n: i for i, comp in enumerate(comps) for n in sorted(comp)}


def _backend(backend: str) -> str:
    """``"igraph"`` when asked for, or for ``"auto"`` when python-igraph is installed."""
    if backend != "auto":
        return backend
    try:
        _igraph()
    except ImportError:
        return "networkx"
    return "igraph"


def _igraph() -> Any:
    """The ``igraph`` module, imported without loading matplotlib when nothing has loaded it yet.

    python-igraph imports ``matplotlib.pyplot`` as it is imported, for its own
    plotting, which graphkit never uses: about 0.4 s of every process that
    measures a graph and draws nothing (``graphkit characters``, a corpus
    worker without pictures).  While igraph is imported, ``matplotlib`` is
    marked missing, so igraph takes its stand-in; matplotlib itself imports as
    usual afterwards (graphkit draws with it, not through igraph).  In a
    process that imports igraph through graphkit first, igraph's own
    matplotlib plotting is then unavailable (its Cairo plotting is not
    affected).
    """
    if "igraph" in sys.modules or "matplotlib" in sys.modules:
        import igraph

        return igraph
    sys.modules["matplotlib"] = None  # type: ignore[assignment]  # "import matplotlib" fails
    try:
        import igraph
    finally:
        if sys.modules.get("matplotlib", 0) is None:
            del sys.modules["matplotlib"]
    return igraph


def _to_igraph(g: nx.Graph, weight: str | None = None) -> tuple[Any, list[str], list[float]]:
    """``g`` as an undirected igraph graph, its nodes in order and its edge weights."""
    ig = _igraph()
    nodes = list(g)
    index = {node: i for i, node in enumerate(nodes)}
    edges = [(index[u], index[v]) for u, v in g.edges()]
    weights = [float(d.get(weight, 1) or 1) for _, _, d in g.edges(data=True)] if weight else []
    return ig.Graph(n=len(nodes), edges=edges, directed=False), nodes, weights


def communities(g: nx.Graph, seed: int = SEED, backend: str = "auto") -> dict[str, int]:
    """Louvain communities (weighted, seeded), numbered by size.

    ``backend="igraph"`` (the default when python-igraph is installed) runs
    Louvain in C, with igraph's random numbers drawn from ``random.Random(seed)``
    (igraph's generator is then set back to Python's ``random`` module);
    ``"networkx"`` runs NetworkX's.  Both are deterministic for a seed, but
    may split a graph differently.

    Examples
    --------
    >>> g = nx.barbell_graph(4, 0)
    >>> g = nx.relabel_nodes(g, str)
    >>> sorted(set(communities(g).values()))
    [0, 1]
    >>> communities(g, backend="networkx") == communities(g, backend="igraph")
    True
    """
    if g.number_of_edges() == 0:
        return {n: i for i, n in enumerate(sorted(g))}
    if _backend(backend) == "networkx":
        parts = nx.community.louvain_communities(g, weight="weight", seed=seed)
    else:
        ig = _igraph()
        h, nodes, weights = _to_igraph(g, "weight")
        ig.set_random_number_generator(random.Random(seed))
        try:
            membership = h.community_multilevel(weights=weights).membership
        finally:
            ig.set_random_number_generator(random)
        groups: dict[int, list[str]] = {}
        for node, m in zip(nodes, membership, strict=True):
            groups.setdefault(m, []).append(node)
        parts = list(groups.values())
    parts = sorted((sorted(p) for p in parts), key=lambda p: (-len(p), p[0]))
    return {n: i for i, part in enumerate(parts) for n in part}


def centralities(g: nx.Graph) -> dict[str, dict[str, float]]:
    """Degree, strength, betweenness, closeness, eigenvector and PageRank, each a dict by node.

    Examples
    --------
    >>> g = nx.relabel_nodes(nx.krackhardt_kite_graph(), str)
    >>> c = centralities(g)
    >>> max(c["betweenness"], key=c["betweenness"].get)  # Heather, the kite's bridge
    '7'
    >>> round(c["betweenness"]["7"], 3)
    0.389
    """
    n = g.number_of_nodes()
    out: dict[str, dict[str, float]] = {
        "degree": dict(g.degree()),
        "strength": dict(g.degree(weight="weight")),
    }
    if n == 0:
        return {**out, "betweenness": {}, "closeness": {}, "eigenvector": {}, "pagerank": {}}
    out["betweenness"], out["closeness"] = path_centralities(g)
    out["eigenvector"] = _eigenvector(g)
    out["pagerank"] = (
        nx.pagerank(g, weight="weight") if g.number_of_edges() else {v: 1 / n for v in g}
    )
    return out


def path_centralities(
    g: nx.Graph, backend: str = "auto"
) -> tuple[dict[str, float], dict[str, float]]:
    """Normalised betweenness and Wasserman-Faust closeness on the distance ``1/weight``.

    ``backend="igraph"`` (the default when python-igraph is installed) runs
    the same algorithms in C, which keeps a novel's graph of thousands of names
    to well under a second; ``"networkx"`` is the reference implementation.
    Both give the same numbers (a test checks it).

    Examples
    --------
    >>> g = nx.relabel_nodes(nx.krackhardt_kite_graph(), str)
    >>> b1, c1 = path_centralities(g, backend="networkx")
    >>> b2, c2 = path_centralities(g, backend="igraph")
    >>> all(abs(b1[n] - b2[n]) < 1e-9 and abs(c1[n] - c2[n]) < 1e-9 for n in g)
    True
    """
    if _backend(backend) == "networkx":
        dist = distance_graph(g)
        betweenness = nx.betweenness_centrality(dist, weight="distance", normalized=True)
        closeness = nx.closeness_centrality(dist, distance="distance", wf_improved=True)
        return betweenness, closeness
    h, nodes, weights = _to_igraph(g, "weight")
    n = len(nodes)
    weights = [1.0 / max(w, 1e-9) for w in weights]
    raw_b = h.betweenness(weights=weights or None, directed=False)
    scale = 2.0 / ((n - 1) * (n - 2)) if n > 2 else 0.0
    raw_c = h.closeness(weights=weights or None)
    sizes = [0] * n
    for comp in h.connected_components():
        for i in comp:
            sizes[i] = len(comp)
    betweenness, closeness = {}, {}
    for i, node in enumerate(nodes):
        betweenness[node] = raw_b[i] * scale
        c = raw_c[i]
        # igraph scores a node within its component; NetworkX's wf_improved
        # scaling weighs that by the share of the graph the node can reach.
        closeness[node] = 0.0 if c != c or n < 2 else c * (sizes[i] - 1) / (n - 1)
    return betweenness, closeness


def _eigenvector(g: nx.Graph) -> dict[str, float]:
    """Weighted eigenvector centrality, per component, scaled by the component's share of nodes.

    On a disconnected graph the leading eigenvector lives on one component
    only; computing it per component and weighting by the component's size
    keeps every character's score meaningful.  Symmetric eigensolvers (dense
    for small components, ARPACK with a fixed start vector above) keep it fast
    and deterministic.
    """
    import numpy as np

    result = dict.fromkeys(g, 0.0)
    n = g.number_of_nodes()
    comps = [sorted(comp) for comp in nx.connected_components(g) if len(comp) >= 2]
    if not comps:
        return result
    # One sparse matrix for the whole graph, in component order, sliced per component
    # (building one per component costs more than the eigenvectors).
    order = [node for nodes in comps for node in nodes]
    whole = nx.to_scipy_sparse_array(g, nodelist=order, weight="weight", dtype=float)
    at = 0
    for nodes in comps:
        a = whole[at : at + len(nodes), at : at + len(nodes)]
        at += len(nodes)
        if len(nodes) <= 200:
            _, vectors = np.linalg.eigh(a.toarray())
            vector = vectors[:, -1]
        else:
            from scipy.sparse.linalg import eigsh

            _, vectors = eigsh(a, k=1, which="LA", v0=np.ones(len(nodes)))
            vector = vectors[:, 0]
        vector = np.abs(vector) / (np.linalg.norm(vector) or 1.0)
        share = len(nodes) / n
        for node, value in zip(nodes, vector.tolist(), strict=False):
            result[node] = value * share
    return result


def node_metrics(g: nx.Graph, seed: int = SEED) -> pd.DataFrame:
    """One row per node with every centrality, its community and its component.

    Rows are sorted by PageRank (highest first), then by id.

    Examples
    --------
    >>> g = nx.Graph()
    >>> g.add_edge("Ann", "Bob", weight=2); g.add_edge("Bob", "Cy", weight=1)
    >>> node_metrics(g)[["id", "degree", "strength"]].to_string(index=False)
    ' id  degree  strength\\nBob       2         3\\nAnn       1         2\\n Cy       1         1'
    """
    import pandas as pd

    cents = centralities(g)
    comm = communities(g, seed)
    comp = components(g)
    rows = []
    for node in g:
        data = g.nodes[node]
        rows.append(
            {
                "id": node,
                "label": data.get("label", node),
                "kind": data.get("kind", "character"),
                "mentions": int(data.get("mentions", 0)),
                "degree": int(cents["degree"][node]),
                "strength": float(cents["strength"][node]),
                "betweenness": float(cents["betweenness"][node]),
                "closeness": float(cents["closeness"][node]),
                "eigenvector": float(cents["eigenvector"][node]),
                "pagerank": float(cents["pagerank"][node]),
                "community": comm[node],
                "component": comp[node],
            }
        )
    df = pd.DataFrame(rows, columns=list(COLUMNS))
    if len(df):
        df["strength"] = df["strength"].round(6)
        for col in ("betweenness", "closeness", "eigenvector", "pagerank"):
            df[col] = df[col].round(6)
        if (df["strength"] == df["strength"].round()).all():
            df["strength"] = df["strength"].astype(int)
        df = df.sort_values(["pagerank", "id"], ascending=[False, True], kind="mergesort")
    return df.reset_index(drop=True)


def _diameter_and_clustering(g: nx.Graph, largest: nx.Graph) -> tuple[int, float]:
    """Hop diameter of ``largest`` (connected) and average clustering of ``g`` (in C when available)."""
    if _backend("auto") == "networkx":
        diameter = nx.diameter(largest) if largest.number_of_nodes() > 1 else 0
        return diameter, nx.average_clustering(g) if len(g) else 0.0
    h, _, _ = _to_igraph(largest)
    diameter = int(h.diameter(directed=False)) if largest.number_of_nodes() > 1 else 0
    h, _, _ = _to_igraph(g)
    # Nodes of degree under two count as 0, as in NetworkX.
    return diameter, h.transitivity_avglocal_undirected(mode="zero") if len(g) else 0.0


def graph_summary(g: nx.Graph) -> pd.DataFrame:
    """A one-row table: nodes, edges, density, components, clustering, diameter.

    ``diameter`` is the number of hops across the largest component
    (``largest_component`` nodes); it is 0 for an empty graph.

    Examples
    --------
    >>> g = nx.Graph([("a", "b"), ("b", "c"), ("x", "y")])
    >>> graph_summary(g)[["nodes", "edges", "components", "largest_component", "diameter"]].iloc[0].tolist()
    [5, 3, 2, 3, 2]
    """
    import pandas as pd

    n = g.number_of_nodes()
    comps = sorted(nx.connected_components(g), key=len, reverse=True) if n else []
    largest = g.subgraph(comps[0]) if comps else nx.Graph()
    diameter, clustering = _diameter_and_clustering(g, largest)
    row = {
        "nodes": n,
        "edges": g.number_of_edges(),
        "density": round(nx.density(g), 6) if n > 1 else 0.0,
        "components": len(comps),
        "largest_component": largest.number_of_nodes(),
        "isolates": nx.number_of_isolates(g),
        "average_clustering": round(clustering, 6),
        "diameter": diameter,
        "total_weight": int(g.size(weight="weight")) if n else 0,
    }
    return pd.DataFrame([row])
