"""Positions for drawing, computed apart from drawing (no matplotlib here).

``layout`` gives seeded positions; ``top_subgraph`` and ``backbone`` filter a
large or dense graph to what a picture can show; the private helpers fit a
layout to a canvas and keep discs and labels from overlapping.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence

import networkx as nx

from graphkit.graph.metrics import SEED
from graphkit.graph.ops import ordered_subgraph

__all__ = [
    "SEED",
    "backbone",
    "fit_to_box",
    "layout",
    "layout_all",
    "separate_boxes",
    "stress_layout",
    "top_subgraph",
]


def top_subgraph(g: nx.Graph, scores: Mapping[str, float], top: int) -> nx.Graph:
    """The subgraph of the ``top`` nodes by ``scores`` (ties by id)."""
    if g.number_of_nodes() <= top:
        return g
    keep = sorted(g, key=lambda n: (-scores.get(n, 0.0), n))[:top]
    return ordered_subgraph(g, sorted(keep))


def backbone(g: nx.Graph, per_node: int = 3) -> nx.Graph:
    """The strongest ties of a dense ``g``: each node's ``per_node`` heaviest edges, a
    maximum spanning forest (so no part of the picture comes loose) and every typed relation.

    A graph with at most ``2.5 x nodes`` edges is returned as it is.

    Examples
    --------
    >>> g = nx.complete_graph(8)  # 28 edges on 8 nodes: dense
    >>> nx.set_edge_attributes(g, 1, "weight"); g[0][1]["weight"] = 9
    >>> b = backbone(g, per_node=2)
    >>> b.number_of_nodes(), b.number_of_edges() <= 16, b.has_edge(0, 1), nx.is_connected(b)
    (8, True, True, True)
    >>> sorted(backbone(nx.path_graph(["a", "b", "c"])).edges())
    [('a', 'b'), ('b', 'c')]
    """
    if g.number_of_edges() <= 2.5 * g.number_of_nodes():
        return g

    def strength(d: Mapping) -> float:
        return float(d.get("weight", 1) or 0)

    keep = set()
    for n in g:
        ranked = sorted(g[n].items(), key=lambda item: (-strength(item[1]), str(item[0])))
        for other, _ in ranked[:per_node]:
            keep.add(tuple(sorted((n, other))))
    keep |= {tuple(sorted((u, v))) for u, v, d in g.edges(data=True) if d.get("relations")}
    # The spanning forest of an undirected copy: edges in a fixed order, ties by id.
    u_g = nx.Graph()
    u_g.add_nodes_from(sorted(g))
    for u, v, d in sorted(g.edges(data=True), key=lambda e: (str(e[0]), str(e[1]))):
        a, b = sorted((u, v))
        w = strength(d) + (u_g.edges[a, b]["weight"] if u_g.has_edge(a, b) else 0.0)
        u_g.add_edge(a, b, weight=w)
    keep |= {tuple(sorted((u, v))) for u, v in nx.maximum_spanning_edges(u_g, data=False)}
    h = g.__class__(**g.graph)
    h.add_nodes_from(g.nodes(data=True))
    for u, v in sorted(keep):
        # A directed graph (who speaks to whom) may hold the pair one way only, or both.
        for a, b in ((u, v), (v, u)) if g.is_directed() else ((u, v),):
            if g.has_edge(a, b):
                h.add_edge(a, b, **g.edges[a, b])
    return h


def layout(g: nx.Graph, seed: int = SEED) -> dict[str, tuple[float, float]]:
    """Seeded node positions in [-1, 1]²: stress (Kamada-Kawai's goal) up to 500 nodes, spring above.

    The stress layout uses hop distances shortened a little for heavy edges, so
    close partners sit near each other without collapsing onto one another.
    The largest connected piece fills the picture; smaller pieces sit in a row under it.

    Examples
    --------
    >>> g = nx.Graph([("a", "b"), ("b", "c")])
    >>> layout(g) == layout(g)
    True
    >>> g.add_node("alone"); p = layout(g)
    >>> p["alone"][1] < min(p[n][1] for n in "abc")
    True
    """
    if g.number_of_nodes() == 0:
        return {}
    if g.number_of_nodes() == 1:
        return {next(iter(g)): (0.0, 0.0)}
    h = nx.Graph()
    h.add_nodes_from(sorted(g))
    for u, v, d in sorted(g.edges(data=True)):
        w = float(d.get("weight", 1) or 1)
        h.add_edge(u, v, weight=w, distance=1.0 / (1.0 + 0.15 * math.log(max(w, 1.0))))
    parts = sorted(nx.connected_components(h), key=lambda c: (-len(c), min(c)))
    if len(parts) > 1 and len(parts[0]) > 1:
        # Small pieces would be flung far out by the layout of the whole: the largest is laid
        # out alone, and the others, each laid out small, go in a row under it.
        pos = layout(h.subgraph(parts[0]), seed)
        rest = parts[1:]
        total = sum(math.sqrt(len(c)) for c in rest)
        low = min(y for _, y in pos.values()) - 0.3
        x = -1.0
        for c in rest:
            span = 2.0 * math.sqrt(len(c)) / total
            piece = layout(h.subgraph(c), seed) if len(c) > 1 else {next(iter(c)): (0.0, 0.0)}
            scale = min(0.12, span / 2) * min(1.0, math.sqrt(len(c)) / 2)
            for n, (px, py) in piece.items():
                pos[n] = (x + span / 2 + px * scale, low + py * scale)
            x += span
    else:
        initial = nx.spring_layout(h, seed=seed, weight="weight")
        if h.number_of_nodes() <= 500:
            pos = stress_layout(h, initial)
        else:
            k = 2.0 / math.sqrt(h.number_of_nodes())
            pos = nx.spring_layout(h, seed=seed, weight="weight", k=k, pos=initial, iterations=100)
    pos = nx.rescale_layout_dict(pos, scale=1.0)
    return {n: (float(x), float(y)) for n, (x, y) in pos.items()}


def stress_layout(
    h: nx.Graph, initial: Mapping[str, Sequence[float]], iterations: int = 400
) -> dict[str, tuple[float, float]]:
    """Kamada-Kawai's goal (distances on the page = path lengths) by stress majorization.

    SMACOF from ``initial`` over the ``distance`` edge attribute: the same
    stress Kamada-Kawai lowers, but each step is one small matrix product, so
    a picture's 40 nodes settle in milliseconds.  Pairs in different
    components are held a little further apart than the farthest connected pair.

    Examples
    --------
    >>> h = nx.path_graph(["a", "b", "c"]); nx.set_edge_attributes(h, 1.0, "distance")
    >>> p = stress_layout(h, {"a": (0, 0), "b": (0.1, 0.5), "c": (0.3, 0.2)})
    >>> d = lambda u, v: math.dist(p[u], p[v])
    >>> round(d("a", "c") / d("a", "b"), 1)
    2.0
    """
    import numpy as np
    from scipy.sparse.csgraph import shortest_path

    nodes = list(h)
    n = len(nodes)
    target = shortest_path(nx.to_scipy_sparse_array(h, nodelist=nodes, weight="distance"),
                           directed=False)  # fmt: skip
    finite = np.isfinite(target)
    far = float(target[finite].max()) if finite.any() else 1.0
    target = np.where(finite, target, 1.2 * far)
    iterations = min(iterations, max(60, 40_000 // max(n, 1)))
    np.fill_diagonal(target, 0.0)
    weights = np.zeros_like(target)
    weights[target > 0] = target[target > 0] ** -2.0
    v = -weights
    np.fill_diagonal(v, weights.sum(axis=1))
    v_plus = np.linalg.pinv(v)
    x = np.array([initial[u] for u in nodes], dtype=float)
    last = math.inf
    for _ in range(iterations):
        d = np.sqrt(((x[:, None, :] - x[None, :, :]) ** 2).sum(axis=2))
        stress = float((weights * (d - target) ** 2).sum())
        if last - stress < 1e-6 * max(last, 1e-12):
            break
        last = stress
        with np.errstate(divide="ignore", invalid="ignore"):
            b = np.where(d > 1e-12, -weights * target / d, 0.0)
        np.fill_diagonal(b, 0.0)
        np.fill_diagonal(b, -b.sum(axis=1))
        x = v_plus @ (b @ x)
    return {u: (float(x[i, 0]), float(x[i, 1])) for i, u in enumerate(nodes)}


def layout_all(
    g: nx.Graph,
    scores: Mapping[str, float],
    top: int = 40,
    per_node: int = 3,
    seed: int = SEED,
) -> dict[str, tuple[float, float]]:
    """Positions for every node of ``g``, the ``top`` ones where ``network.png`` puts them.

    The ``top`` nodes by ``scores`` get the layout of the picture (:func:`layout`
    of the :func:`backbone` of :func:`top_subgraph`); the others are placed
    around them by a seeded spring layout in which those stay fixed.

    Examples
    --------
    >>> g = nx.path_graph(["a", "b", "c", "d"])
    >>> scores = {"a": 0.1, "b": 0.4, "c": 0.4, "d": 0.1}
    >>> pos = layout_all(g, scores, top=2)
    >>> sorted(pos) == ["a", "b", "c", "d"], pos["b"] == layout(nx.path_graph(["b", "c"]))["b"]
    (True, True)
    >>> layout_all(g, scores) == layout(g)
    True
    """
    core = backbone(top_subgraph(g, scores, top), per_node)
    pos = layout(core, seed)
    if len(pos) == g.number_of_nodes():
        return pos
    h = nx.Graph()
    h.add_nodes_from(sorted(g))
    h.add_edges_from(
        (u, v, {"weight": float(d.get("weight", 1) or 1)}) for u, v, d in sorted(g.edges(data=True))
    )
    k = 1.0 / math.sqrt(h.number_of_nodes())
    spread = nx.spring_layout(
        h,
        pos=pos or None,
        fixed=sorted(pos) or None,
        seed=seed,
        k=k,
        iterations=50,
        weight="weight",
    )
    return {
        n: pos[n] if n in pos else _pull_in(float(x), float(y))
        for n, (x, y) in sorted(spread.items())
    }


def _pull_in(x: float, y: float, ring: float = 1.3, band: float = 0.25) -> tuple[float, float]:
    """Bring a node the spring pushed far away (an isolate, a small component) into a band
    just outside the core, so the page's fit-to-screen does not shrink the core to a dot.

    Examples
    --------
    >>> _pull_in(0.5, 0.0), 1.3 < _pull_in(50.0, 0.0)[0] <= 1.3 + 0.25
    ((0.5, 0.0), True)
    """
    r = math.hypot(x, y)
    if r <= ring:
        return x, y
    target = ring + band * (1.0 - math.exp(-(r - ring)))
    return x * target / r, y * target / r


def fit_to_box(
    pos: Mapping[str, tuple[float, float]], x_half: float, y_half: float, stretch: float = 1.4
) -> dict[str, tuple[float, float]]:
    """Scale a layout to fill the box ``[-x_half, x_half] x [-y_half, y_half]``.

    Each axis is scaled to fill its side, but neither by more than ``stretch``
    times the other, so the drawing keeps roughly its shape.
    """
    xs = [p[0] for p in pos.values()]
    ys = [p[1] for p in pos.values()]
    w = (max(xs) - min(xs)) / 2 or 1.0
    h = (max(ys) - min(ys)) / 2 or 1.0
    cx, cy = (max(xs) + min(xs)) / 2, (max(ys) + min(ys)) / 2
    sx, sy = x_half / w, y_half / h
    sx, sy = min(sx, sy * stretch), min(sy, sx * stretch)
    return {n: ((x - cx) * sx, (y - cy) * sy) for n, (x, y) in pos.items()}


def separate_boxes(
    pos: Mapping[str, tuple[float, float]],
    boxes: Mapping[str, tuple[float, float, float]],
    limits: tuple[float, float],
    rounds: int = 400,
) -> dict[str, tuple[float, float]]:
    """Move nodes until their boxes stop overlapping, keeping them inside ``limits``.

    Each node's box is ``(half_width, up, down)`` around its position: the
    disc above, its label below, so that once boxes are apart neither discs
    nor labels cover one another.  Overlapping pairs are pushed apart along
    the axis of least overlap; the order of work is fixed, so the result is
    deterministic.

    Examples
    --------
    >>> out = separate_boxes({"a": (0, 0), "b": (0.1, 0)}, {"a": (0.2, 0.1, 0.1), "b": (0.2, 0.1, 0.1)}, (1, 1))
    >>> round(abs(out["a"][0] - out["b"][0]), 3) >= 0.4 or round(abs(out["a"][1] - out["b"][1]), 3) >= 0.2
    True
    """
    if len(pos) > 60:
        return _separate_many(pos, boxes, limits, rounds)
    out = {n: [float(x), float(y)] for n, (x, y) in pos.items()}
    names = sorted(out)
    x_lim, y_lim = limits

    def clamp(n: str) -> None:
        w, up, down = boxes[n]
        out[n][0] = min(max(out[n][0], -x_lim + w), x_lim - w)
        out[n][1] = min(max(out[n][1], -y_lim + down), y_lim - up)

    for _ in range(rounds):
        moved = False
        for i, a in enumerate(names):
            wa, ua, da = boxes[a]
            for b in names[i + 1 :]:
                wb, ub, db = boxes[b]
                (ax, ay), (bx, by) = out[a], out[b]
                dx = wa + wb - abs(ax - bx)
                # Vertical extents: [y - down, y + up].
                dy = min(ay + ua, by + ub) - max(ay - da, by - db)
                if dx <= 0 or dy <= 0:
                    continue
                moved = True
                if dy < dx:
                    sign = 1.0 if (ay, a) > (by, b) else -1.0
                    out[a][1] += sign * (dy / 2 + 1e-4)
                    out[b][1] -= sign * (dy / 2 + 1e-4)
                else:
                    sign = 1.0 if (ax, a) > (bx, b) else -1.0
                    out[a][0] += sign * (dx / 2 + 1e-4)
                    out[b][0] -= sign * (dx / 2 + 1e-4)
                clamp(a)
                clamp(b)
        if not moved:
            break
    return {n: (x, y) for n, (x, y) in out.items()}


def _separate_many(
    pos: Mapping[str, tuple[float, float]],
    boxes: Mapping[str, tuple[float, float, float]],
    limits: tuple[float, float],
    rounds: int,
) -> dict[str, tuple[float, float]]:
    """:func:`separate_boxes` for many nodes: every overlapping pair pushed at once (numpy).

    Each round moves every node by the sum of its pairs' pushes (half of each
    overlap, along its smaller axis), damped so crowds settle instead of
    swinging; ties in direction go by the order of the names.
    """
    import numpy as np

    names = sorted(pos)
    xy = np.array([pos[n] for n in names], dtype=float)
    w, up, down = (np.array([boxes[n][k] for n in names], dtype=float) for k in range(3))
    x_lim, y_lim = limits
    order = np.arange(len(names))
    later = order[:, None] > order[None, :]
    for step in range(rounds):
        x, y = xy[:, 0], xy[:, 1]
        dx = w[:, None] + w[None, :] - np.abs(x[:, None] - x[None, :])
        dy = np.minimum((y + up)[:, None], (y + up)[None, :]) - np.maximum(
            (y - down)[:, None], (y - down)[None, :]
        )
        hit = (dx > 0) & (dy > 0)
        np.fill_diagonal(hit, False)
        if not hit.any():
            break
        vertical = hit & (dy < dx)
        sideways = hit & ~(dy < dx)
        sign_y = np.where(
            (y[:, None] > y[None, :]) | ((y[:, None] == y[None, :]) & later), 1.0, -1.0
        )
        sign_x = np.where(
            (x[:, None] > x[None, :]) | ((x[:, None] == x[None, :]) & later), 1.0, -1.0
        )
        damp = 0.5 if step < rounds // 2 else 0.3
        xy[:, 1] += damp * (np.where(vertical, sign_y * (dy / 2 + 1e-4), 0.0)).sum(axis=1)
        xy[:, 0] += damp * (np.where(sideways, sign_x * (dx / 2 + 1e-4), 0.0)).sum(axis=1)
        xy[:, 0] = np.clip(xy[:, 0], -x_lim + w, x_lim - w)
        xy[:, 1] = np.clip(xy[:, 1], -y_lim + down, y_lim - up)
    return {n: (float(xy[i, 0]), float(xy[i, 1])) for i, n in enumerate(names)}
