"""How the network diagram draws its edges: widths, colours, arrows, typed relations.

A co-occurrence (or conversation) edge is as wide as the square root of its
weight allows and grey, or on a signed graph red to green by its tone; a
directed graph's edges are arrows bent a little to one side, so A -> B and
B -> A both show; typed relations run beside the line they qualify, in their
type's colour and line style, with a head when the type is directed.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

import networkx as nx

from graphkit.views.style import OTHER_COLOUR, rgb, tone_colour

if TYPE_CHECKING:
    from matplotlib.axes import Axes

__all__ = ["edge_width", "edge_colour", "draw_arrows", "relation_style", "draw_relation_edges"]


def edge_width(d: Mapping, max_w: float) -> float:
    """An edge's line width in points, from its weight."""
    return 0.6 + 5.5 * math.sqrt(float(d.get("weight", 1) or 1) / max_w)


def draw_arrows(ax: Axes, edges: Sequence, pos: Mapping, size: Mapping, max_w: float,
                 signed: bool) -> None:  # fmt: skip
    """A directed graph's edges as arrows bent a little to one side, so A → B and B → A both show."""
    from matplotlib.patches import FancyArrowPatch

    for u, v, d in edges:
        width = edge_width(d, max_w)
        ax.add_patch(
            FancyArrowPatch(
                pos[u], pos[v], arrowstyle="-|>", mutation_scale=6 + 2.2 * width,
                connectionstyle="arc3,rad=0.12", linewidth=width * 0.8,
                color=edge_colour(d, max_w, signed), capstyle="round",
                shrinkA=math.sqrt(size[u]) / 2, shrinkB=math.sqrt(size[v]) / 2 + 1, zorder=1,
            )
        )  # fmt: skip


def edge_colour(d: Mapping, max_w: float, signed: bool) -> tuple[float, float, float, float]:
    """Grey by weight, or on a signed graph red (negative) to green (positive) by ``polarity``."""
    alpha = 0.2 + 0.45 * float(d.get("weight", 1) or 1) / max_w
    if not signed:
        return (0.45, 0.45, 0.45, alpha)
    r, g, b = (c / 255 for c in rgb(tone_colour(float(d.get("polarity", 0.0) or 0.0))))
    return (r, g, b, min(1.0, alpha + 0.3))


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
    widths: Mapping[frozenset, float] | None = None,
    per_point: float | None = None,
) -> list:
    """Draw typed relations beside the co-occurrence links; return legend handles, one per type.

    Each relation is a straight line (an arrow from source to target, no head
    for symmetric types) in its type's colour and line style, offset from the
    link's centre line by half the link's width (``widths``, in points) and a
    gap, alternately on either side, so neither hides the other.
    ``per_point`` is the data length of one point (isotropic axes); without
    it, it is read from ``ax``.
    """
    from matplotlib.lines import Line2D
    from matplotlib.patches import FancyArrowPatch

    node_sizes = node_sizes or {}
    widths = widths or {}
    if per_point is None:
        x0, x1 = ax.get_xlim()
        per_point = (x1 - x0) / (ax.get_position().width * ax.figure.get_figwidth() * 72)
    seen: dict[str, dict[str, object]] = {}
    for u, v, d in sorted(g.edges(data=True), key=lambda e: (str(e[0]), str(e[1]))):
        rels = sorted(d.get("relations") or [], key=lambda r: (r["type"], r["source"]))
        a, b = sorted((u, v), key=str)
        if a not in pos or b not in pos:
            continue
        (xa, ya), (xb, yb) = pos[a], pos[b]
        length = math.hypot(xb - xa, yb - ya) or 1.0
        nx_, ny_ = -(yb - ya) / length, (xb - xa) / length  # unit normal of a -> b
        half = widths.get(frozenset((u, v)), 0.0) / 2
        for k, rel in enumerate(rels):
            if rel["source"] not in pos or rel["target"] not in pos:
                continue
            style = seen.setdefault(rel["type"], relation_style(rel["type"]))
            side = 1.0 if k % 2 == 0 else -1.0
            off = side * (half + 2.5 + 3.5 * (k // 2)) * per_point
            (xs, ys), (xt, yt) = pos[rel["source"]], pos[rel["target"]]
            ax.add_patch(
                FancyArrowPatch(
                    (xs + off * nx_, ys + off * ny_),
                    (xt + off * nx_, yt + off * ny_),
                    arrowstyle="-|>" if style["directed"] else "-",
                    mutation_scale=13,
                    color=style["colour"],
                    linestyle=style["style"],
                    linewidth=2.2,
                    shrinkA=math.sqrt(node_sizes.get(rel["source"], 300)) / 2,
                    shrinkB=math.sqrt(node_sizes.get(rel["target"], 300)) / 2 + 1,
                    zorder=2,
                    alpha=0.95,
                )
            )
    return [
        Line2D([], [], color=st["colour"], linestyle=st["style"], linewidth=2.2, label=st["label"])
        for _, st in sorted(seen.items())
    ]
