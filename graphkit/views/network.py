"""Graph -> the network diagram (matplotlib): the strongest ties, the top names, keys for all.

Positions are computed apart from drawing (:mod:`graphkit.views.layout`,
seeded, no matplotlib); drawing functions import matplotlib inside, build a
:class:`matplotlib.figure.Figure` without pyplot (no global state, Agg
canvas) and take an optional ``ax``.  A large graph is cut to its ``top``
characters by PageRank and, when dense, to its backbone (each node's
strongest ties and a spanning forest); only the most central nodes are
named, and labels are measured and kept off every disc and every other
label.  Nodes are coloured by kind, or by community when all share one kind;
typed relations run beside the co-occurrence line they qualify.  Legends
explain colour, width, size (PageRank) and bold names.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

import networkx as nx

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure
from graphkit.views.edges import (
    draw_arrows,
    draw_relation_edges,
    edge_colour,
    edge_width,
    relation_style,
)
from graphkit.views.figure import show_inline
from graphkit.views.layout import SEED, backbone, fit_to_box, layout, separate_boxes, top_subgraph
from graphkit.views.style import (
    COLOUR_MODES,
    distinct_labels,
    node_colours,
)

__all__ = [
    "COLOUR_MODES",
    "draw_network",
    "node_colours",
    "relation_style",
    "draw_relation_edges",
]


def _renderer(fig: Figure):
    if not hasattr(fig.canvas, "get_renderer"):
        from matplotlib.backends.backend_agg import FigureCanvasAgg

        FigureCanvasAgg(fig)
    return fig.canvas.get_renderer()


def draw_network(
    g: nx.Graph,
    ax: Axes | None = None,
    top: int = 40,
    title: str | None = None,
    scores: Mapping[str, float] | None = None,
    seed: int = SEED,
    per_node: int = 3,
    colour: str = "auto",
    labelled: int = 24,
    communities: Mapping[str, int] | None = None,
) -> Figure:
    """Draw the network: size by PageRank, colour by kind or community, width by co-occurrences.

    Parameters
    ----------
    g : networkx.Graph
        The graph (nodes with ``label`` and ``kind``, edges with ``weight`` and ``relations``).
    ax : matplotlib.axes.Axes, optional
        Where to draw; a new figure otherwise.
    top : int
        Nodes drawn, the most central by ``scores`` (PageRank by default).
    per_node : int
        On a dense graph, the strongest ties each node keeps (see :func:`backbone`).
    colour : {"auto", "kind", "community"}
        Node colours; ``auto`` is ``community`` when all drawn nodes share one kind.
    labelled : int
        Nodes named, the most central; a label that would cover a disc or
        another label is left out.

    Returns the figure (shown inline when it ends a Jupyter cell).
    """
    from matplotlib.collections import LineCollection
    from matplotlib.figure import Figure
    from matplotlib.lines import Line2D

    show_inline()

    if ax is None:
        fig = Figure(figsize=(13, 9.5), dpi=110)
        # Fixed geometry (no layout engine) so that sizes in points turn into data units
        # before drawing; the legends sit on the right.
        ax = fig.add_axes((0.01, 0.02, 0.74, 0.86))
    else:
        fig = ax.figure
    box = ax.get_position()
    width_in, height_in = box.width * fig.get_figwidth(), box.height * fig.get_figheight()
    y_span = 2.7
    per_inch = y_span / height_in
    x_half = width_in * per_inch / 2
    per_point = per_inch / 72
    if scores is None:
        scores = nx.pagerank(g, weight="weight") if g.number_of_edges() else {n: 1.0 for n in g}
    h = top_subgraph(g, scores, top)
    links = h.number_of_edges()
    h = backbone(h, per_node)
    nodes = sorted(h)
    ranked = sorted(nodes, key=lambda n: (-scores.get(n, 0.0), str(n)))
    named = set(ranked[: max(labelled, 0)])
    bold = set(ranked[: min(5, max(1, len(ranked) // 4))]) if len(ranked) > 3 else set()
    colours, colour_legend, mode = node_colours(g, nodes, scores, colour, communities)
    name = title or g.graph.get("name") or "Character network"
    signed = bool(g.graph.get("signed"))
    shown = (
        f"top {len(nodes)} of {g.number_of_nodes()} nodes"
        if len(nodes) < g.number_of_nodes()
        else f"{len(nodes)} nodes"
    )
    shown_links = (
        f"strongest {h.number_of_edges()} of {links} links"
        if h.number_of_edges() < links
        else f"{links} links"
    )
    directed = g.is_directed()
    ax.set_title(
        f"{name}: {_what(g)}\n{shown}, {shown_links} · colour = {mode}"
        + (" · edges: tone" if signed else ""),
        fontsize=13,
    )
    ax.set_axis_off()
    ax.set_xlim(-x_half, x_half)
    ax.set_ylim(-y_span / 2, y_span / 2)
    if not nodes:
        ax.text(0.5, 0.5, "No characters found", ha="center", va="center",
                transform=ax.transAxes, fontsize=14)  # fmt: skip
        return fig

    top_score = max(scores.get(n, 0.0) for n in nodes) or 1.0
    shrink = min(1.0, 40 / len(nodes)) ** 0.6  # more nodes, smaller discs
    size = {n: shrink * (120 + 2600 * scores.get(n, 0.0) / top_score) for n in nodes}
    radius = {n: math.sqrt(size[n]) / 2 * per_point for n in nodes}
    labels = distinct_labels({n: h.nodes[n].get("label", n) for n in nodes})
    texts = {}
    for n in ranked:
        if n not in named:
            continue
        big = n in bold
        texts[n] = ax.text(
            0, 0, labels[n], ha="center", va="center", zorder=4,
            fontsize=11 if big else 9, fontweight="bold" if big else "normal",
            bbox={"boxstyle": "round,pad=0.15", "facecolor": "white", "edgecolor": "none", "alpha": 0.85},
        )  # fmt: skip
    # Each node owns a box: its disc and, below it, its measured label.  Boxes are kept apart.
    renderer = _renderer(fig)
    gap = 2 * per_point
    extent = {}
    for n, t in texts.items():
        e = t.get_window_extent(renderer)
        pad = 0.15 * t.get_fontsize() * per_point
        extent[n] = (
            e.width / fig.dpi * per_inch + 2 * pad,
            e.height / fig.dpi * per_inch + 2 * pad,
        )
    boxes = {
        n: (
            max(radius[n], extent[n][0] / 2) + gap if n in extent else radius[n] + gap,
            radius[n] + gap,
            radius[n] + gap + (extent[n][1] + gap if n in extent else 0.0),
        )
        for n in nodes
    }
    pos = fit_to_box(layout(h, seed), x_half - 0.3, y_span / 2 - 0.3)
    pos = separate_boxes(pos, boxes, (x_half - 0.02, y_span / 2 - 0.02))
    label_at = _labels_clear_of_discs(ranked, texts, extent, pos, radius, gap)
    for n, t in texts.items():
        if n in label_at:
            t.set_position(label_at[n])
        else:
            t.remove()

    max_w = max((float(d.get("weight", 1) or 1) for _, _, d in h.edges(data=True)), default=1.0)
    plain = [] if g.graph.get("relations_only") else list(h.edges(data=True))
    plain.sort(key=lambda e: (float(e[2].get("weight", 1) or 0), str(e[0]), str(e[1])))
    widths = {}
    for u, v, d in plain:
        widths[frozenset((u, v))] = edge_width(d, max_w)
    if plain and directed:
        draw_arrows(ax, plain, pos, size, max_w, signed)
    elif plain:
        ax.add_collection(
            LineCollection(
                [(pos[u], pos[v]) for u, v, _ in plain],
                linewidths=[widths[frozenset((u, v))] for u, v, _ in plain],
                colors=[edge_colour(d, max_w, signed) for _, _, d in plain],
                capstyle="round",
                zorder=1,
            )
        )
    relation_handles = draw_relation_edges(ax, h, pos, size, widths=widths, per_point=per_point)
    ax.scatter(
        [pos[n][0] for n in nodes],
        [pos[n][1] for n in nodes],
        s=[size[n] for n in nodes],
        c=[colours[n] for n in nodes],
        edgecolors="white",
        linewidths=1.2,
        zorder=3,
    )

    def dot(c: str, label: str, ms: float = 10) -> Line2D:
        return Line2D([], [], marker="o", linestyle="", markersize=ms, markerfacecolor=c,
                      markeredgecolor="white", label=label)  # fmt: skip

    handles = [dot(c, text) for c, text in colour_legend]
    if plain:
        handles.append(Line2D([], [], color="#777777", linewidth=4, alpha=0.6,
                              label=_link_name(g, max_w)))  # fmt: skip
    if plain and signed:
        for pol, text in ((-0.5, "tone of shared sentences: negative"),
                          (0.5, "tone of shared sentences: positive")):  # fmt: skip
            handles.append(Line2D([], [], color=edge_colour({"polarity": pol}, 1, True),
                                  linewidth=4, label=text))  # fmt: skip
    handles.extend(relation_handles)
    if bold:
        handles.append(
            Line2D([], [], linestyle="", label=f"bold name: the {len(bold)} most central")
        )
    key = fig.legend(handles=handles, loc="upper left", bbox_to_anchor=(0.76, 0.9),
                     frameon=False, fontsize=10, title="community" if mode == "community" else None,
                     title_fontsize=10, alignment="left")  # fmt: skip
    if bold:
        key.get_texts()[-1].set_fontweight("bold")
    steps = sorted({top_score, top_score / 2, min(scores.get(n, 0.0) for n in nodes)}, reverse=True)
    _size_key(fig, steps, [shrink * (120 + 2600 * s / top_score) for s in steps])
    return fig


def _what(g: nx.Graph) -> str:
    """What the picture shows, for its title."""
    if not g.is_directed():
        return "who appears with whom"
    return (
        "who speaks to whom" if g.graph.get("speech") == "quotations" else "who speaks after whom"
    )


def _link_name(g: nx.Graph, max_w: float) -> str:
    """What an edge's width counts, for the legend."""
    if not g.is_directed():
        return f"co-occurrences (width; max {int(max_w)})"
    if g.graph.get("speech") == "quotations":
        return f"quotations (width; max {int(max_w)}),\nspeaker → addressee"
    return f"turns (width; max {int(max_w)}),\nspeaker → next speaker"


def _size_key(fig: Figure, values: Sequence[float], sizes: Sequence[float]) -> None:
    """The key to node size, bottom right: a disc per PageRank value, drawn to scale."""
    w_in, h_in = 2.4, 2.3
    key = fig.add_axes((0.77, 0.03, w_in / fig.get_figwidth(), h_in / fig.get_figheight()))
    key.set_axis_off()
    key.set_xlim(0, w_in * 72)  # one data unit per point
    key.set_ylim(0, h_in * 72)
    key.text(4, h_in * 72 - 8, "node size = PageRank", fontsize=10, va="top")
    y = h_in * 72 - 24
    for value, size in zip(values, sizes):
        d = math.sqrt(size)
        y -= d / 2 + 2
        key.scatter([4 + max(map(math.sqrt, sizes)) / 2], [y], s=[size], c="#bbbbbb",
                    edgecolors="white", linewidths=1.2)  # fmt: skip
        key.text(12 + max(map(math.sqrt, sizes)), y, f"{value:.3f}", fontsize=10, va="center")
        y -= d / 2 + 4


def _labels_clear_of_discs(
    ranked: Sequence[str],
    texts: Mapping[str, object],
    extent: Mapping[str, tuple[float, float]],
    pos: Mapping[str, tuple[float, float]],
    radius: Mapping[str, float],
    gap: float,
) -> dict[str, tuple[float, float]]:
    """Where each kept label goes, most central first: below its disc, else above, right or
    left, wherever it covers no disc (its own included) and no label already placed."""

    def meets(a: tuple, b: tuple) -> bool:
        return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]

    discs = [
        (x - radius[n], y - radius[n], x + radius[n], y + radius[n]) for n, (x, y) in pos.items()
    ]
    placed: dict[str, tuple[float, float]] = {}
    rects: list[tuple[float, float, float, float]] = []
    for n in ranked:
        if n not in texts:
            continue
        (x, y), (w, h), r = pos[n], extent[n], radius[n] + gap
        for cx, cy in (
            (x, y - r - h / 2),
            (x, y + r + h / 2),
            (x + r + w / 2, y),
            (x - r - w / 2, y),
        ):
            box = (cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2)
            if not any(meets(box, d) for d in discs) and not any(meets(box, q) for q in rects):
                placed[n] = (cx, cy)
                rects.append(box)
                break
    return placed
