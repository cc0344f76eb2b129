"""Graph -> the network diagram (matplotlib), typed relations drawn in their own colours.

Positions are computed apart from drawing (:mod:`graphkit.views.layout`,
seeded, no matplotlib); drawing functions import matplotlib inside, build a
:class:`matplotlib.figure.Figure` without pyplot (no global state, Agg
canvas) and take an optional ``ax``.  Large graphs are filtered to the
``top`` characters by PageRank so the picture stays readable; the title says
how many are shown.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import TYPE_CHECKING

import networkx as nx

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure
from graphkit.views.figure import show_inline
from graphkit.views.layout import SEED, backbone, fit_to_box, layout, separate_boxes, top_subgraph
from graphkit.views.style import KIND_COLOURS, OTHER_COLOUR

__all__ = ["draw_network", "relation_style", "draw_relation_edges"]


def draw_network(
    g: nx.Graph,
    ax: Axes | None = None,
    top: int = 40,
    title: str | None = None,
    scores: Mapping[str, float] | None = None,
    seed: int = SEED,
    per_node: int = 5,
) -> Figure:
    """Draw the network: size by PageRank, colour by kind, edge width by weight.

    Only the ``top`` nodes by PageRank are drawn, and on a dense graph only
    each node's ``per_node`` strongest links (see :func:`backbone`); the title
    says how much is shown.
    Returns the figure (shown inline when it ends a Jupyter cell).
    """
    from matplotlib.figure import Figure
    from matplotlib.lines import Line2D

    show_inline()

    if ax is None:
        fig = Figure(figsize=(13, 9.5), dpi=110)
        # Fixed geometry (no layout engine) so that node sizes in points can be
        # turned into data units before drawing; the legend sits on the right.
        ax = fig.add_axes((0.01, 0.02, 0.77, 0.86))
    else:
        fig = ax.figure
    box = ax.get_position()
    width_in = box.width * fig.get_figwidth()
    height_in = box.height * fig.get_figheight()
    y_span = 2.7
    per_inch = y_span / height_in
    x_half = width_in * per_inch / 2
    per_point = per_inch / 72
    if scores is None:
        scores = nx.pagerank(g, weight="weight") if g.number_of_edges() else {n: 1.0 for n in g}
    h = top_subgraph(g, scores, top)
    links = h.number_of_edges()
    h = backbone(h, per_node)
    name = title or g.graph.get("name") or "Character network"
    shown = (
        f"top {h.number_of_nodes()} of {g.number_of_nodes()} nodes"
        if h.number_of_nodes() < g.number_of_nodes()
        else f"{g.number_of_nodes()} nodes"
    )
    shown_links = (
        f"strongest {h.number_of_edges()} of {links} links"
        if h.number_of_edges() < links
        else f"{links} links"
    )
    ax.set_title(
        f"{name}: who appears with whom\n"
        f"{shown}, {shown_links} · node size = PageRank, grey width = co-occurrences",
        fontsize=13,
    )
    ax.set_axis_off()
    if h.number_of_nodes() == 0:
        ax.text(
            0.5,
            0.5,
            "No characters found",
            ha="center",
            va="center",
            transform=ax.transAxes,
            fontsize=14,
        )
        return fig

    pos = fit_to_box(layout(h, seed), x_half - 0.3, y_span / 2 - 0.3)
    top_score = max(scores.get(n, 0.0) for n in h) or 1.0
    max_w = max((float(d.get("weight", 1) or 1) for _, _, d in h.edges(data=True)), default=1.0)
    nodes = sorted(h)
    sizes = [250 + 3200 * scores.get(n, 0.0) / top_score for n in nodes]
    # Each node owns a box: its disc and, below it, its label.  Boxes are kept
    # apart, so neither discs nor labels cover one another.
    char_w, line_h = 6.3 * per_point, 15 * per_point
    radius = {n: math.sqrt(sz) / 2 * per_point for n, sz in zip(nodes, sizes, strict=False)}
    boxes = {
        n: (
            max(radius[n], char_w * (len(str(h.nodes[n].get("label", n))) + 2) / 2),
            radius[n] + 2 * per_point,
            radius[n] + line_h * 1.15,
        )
        for n in nodes
    }
    pos = separate_boxes(pos, boxes, (x_half - 0.02, y_span / 2 - 0.02))
    plain = [] if g.graph.get("relations_only") else h.edges(data=True)
    for u, v, d in sorted(plain, key=lambda e: float(e[2].get("weight", 1) or 0)):
        w = float(d.get("weight", 1) or 1)
        (x1, y1), (x2, y2) = pos[u], pos[v]
        width = 0.8 + 6.0 * math.sqrt(w / max_w)
        ax.plot(
            [x1, x2],
            [y1, y2],
            color="#777777",
            alpha=0.3 + 0.4 * w / max_w,
            linewidth=width,
            zorder=1,
            solid_capstyle="round",
        )
    colours = [KIND_COLOURS.get(h.nodes[n].get("kind", ""), OTHER_COLOUR) for n in nodes]
    ax.scatter(
        [pos[n][0] for n in nodes],
        [pos[n][1] for n in nodes],
        s=sizes,
        c=colours,
        edgecolors="white",
        linewidths=1.5,
        zorder=2,
    )
    relation_handles = draw_relation_edges(ax, h, pos, dict(zip(nodes, sizes, strict=False)))

    # Labels right below their node, inside the node's box.
    ax.set_xlim(-x_half, x_half)
    ax.set_ylim(-y_span / 2, y_span / 2)
    spread = {n: (pos[n][0], pos[n][1] - radius[n] - line_h * 0.55) for n in nodes}
    for n in nodes:
        x, y = spread[n]
        big = scores.get(n, 0.0) >= 0.5 * top_score
        ax.text(
            x,
            y,
            str(h.nodes[n].get("label", n)),
            ha="center",
            va="center",
            zorder=3,
            fontsize=11 if big else 9.5,
            fontweight="bold" if big else "normal",
            bbox={
                "boxstyle": "round,pad=0.2",
                "facecolor": "white",
                "edgecolor": "none",
                "alpha": 0.8,
            },
        )
    kinds_present = sorted({h.nodes[n].get("kind", "") for n in nodes})
    handles = [
        Line2D(
            [],
            [],
            marker="o",
            linestyle="",
            markersize=11,
            markerfacecolor=KIND_COLOURS.get(k, OTHER_COLOUR),
            markeredgecolor="white",
            label={
                "character": "fictional character",
                "person": "real person",
                "work": "work (film, book)",
            }.get(k, k or "unknown"),
        )
        for k in kinds_present
    ]
    if plain:
        handles.append(
            Line2D(
                [],
                [],
                color="#555555",
                linewidth=4,
                alpha=0.6,
                label=f"co-occurrence (max {int(max_w)})",
            )
        )
    handles.extend(relation_handles)
    fig.legend(
        handles=handles,
        loc="center left",
        bbox_to_anchor=(0.785, 0.5),
        frameon=False,
        fontsize=10.5,
    )
    return fig


def relation_style(rtype: str) -> dict[str, object]:
    """Colour, line style, label and direction of a relation type (from the rules file)."""
    from graphkit.io.rules import load_rules

    spec = load_rules().types.get(rtype, {})
    return {
        "colour": spec.get("colour", OTHER_COLOUR),
        "style": spec.get("style", "solid"),
        "label": spec.get("label", rtype),
        "directed": not spec.get("symmetric", False),
    }


def draw_relation_edges(
    ax: Axes,
    g: nx.Graph,
    pos: Mapping[str, tuple[float, float]],
    node_sizes: Mapping[str, float] | None = None,
) -> list:
    """Draw typed relations over the co-occurrence links; return legend handles, one per type.

    Each relation is an arrow from source to target in its type's colour and
    line style (no head for symmetric types); several types on one edge bend
    apart so each stays visible.
    """
    from matplotlib.lines import Line2D
    from matplotlib.patches import FancyArrowPatch

    node_sizes = node_sizes or {}
    seen: dict[str, dict[str, object]] = {}
    for _, _, d in sorted(g.edges(data=True)):
        rels = sorted(d.get("relations") or [], key=lambda r: (r["type"], r["source"]))
        for k, rel in enumerate(rels):
            if rel["source"] not in pos or rel["target"] not in pos:
                continue
            style = seen.setdefault(rel["type"], relation_style(rel["type"]))
            bend = 0.0 if len(rels) == 1 else 0.25 * (k - (len(rels) - 1) / 2)
            ax.add_patch(
                FancyArrowPatch(
                    pos[rel["source"]],
                    pos[rel["target"]],
                    arrowstyle="-|>" if style["directed"] else "-",
                    mutation_scale=16,
                    connectionstyle=f"arc3,rad={bend}",
                    color=style["colour"],
                    linestyle=style["style"],
                    linewidth=2.6,
                    shrinkA=math.sqrt(node_sizes.get(rel["source"], 300)) / 2,
                    shrinkB=math.sqrt(node_sizes.get(rel["target"], 300)) / 2 + 1,
                    zorder=1.5,
                    alpha=0.9,
                )
            )
    return [
        Line2D([], [], color=st["colour"], linestyle=st["style"], linewidth=2.6, label=st["label"])
        for _, st in sorted(seen.items())
    ]
