"""Metrics -> a figure: bar charts of the top characters by each main centrality."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pandas as pd
    from matplotlib.figure import Figure
from graphkit.views.figure import show_inline
from graphkit.views.style import KIND_COLOURS, OTHER_COLOUR, distinct_labels

__all__ = ["draw_centrality"]


def draw_centrality(metrics: pd.DataFrame, top: int = 10, title: str | None = None) -> Figure:
    """Four bar charts: the ``top`` characters by degree, betweenness, eigenvector and PageRank.

    The panels have a fixed geometry (no layout engine: drawing stays quick),
    with room on the left for the longest name shown; names two nodes share
    are told apart (see :func:`~graphkit.views.style.distinct_labels`).
    """
    from matplotlib.figure import Figure
    from matplotlib.patches import Patch

    show_inline()

    measures = [
        ("degree", "Degree (distinct partners)"),
        ("betweenness", "Betweenness (bridging)"),
        ("eigenvector", "Eigenvector (well connected)"),
        ("pagerank", "PageRank (overall importance)"),
    ]
    width, height = 13.0, 9.0
    fig = Figure(figsize=(width, height), dpi=100)
    fig.suptitle(title or "Top characters by centrality", fontsize=14, y=0.985)
    names = distinct_labels(dict(zip(metrics["id"], metrics["label"], strict=False)))
    chosen = {
        col: metrics.sort_values([col, "id"], ascending=[False, True], kind="mergesort").head(top)[
            ::-1
        ]
        for col, _ in measures
    }
    longest = max((len(names[i]) for rows in chosen.values() for i in rows["id"]), default=4)
    left = (0.25 + 9.5 * 0.6 / 72 * longest) / width  # room for the names, in figure units
    panel_w, panel_h = 0.5 - left - 0.05, 0.36
    for k, (col, label) in enumerate(measures):
        x0 = left + (k % 2) * 0.5
        y0 = 0.53 - (k // 2) * 0.45
        ax = fig.add_axes((x0, y0, panel_w, panel_h))
        ax.set_title(label, fontsize=11)
        if metrics.empty:
            ax.text(0.5, 0.5, "No characters", ha="center", va="center", transform=ax.transAxes)
            ax.set_axis_off()
            continue
        rows = chosen[col]
        colours = [KIND_COLOURS.get(k, OTHER_COLOUR) for k in rows["kind"]]
        ax.barh([names[i] for i in rows["id"]], list(rows[col]), color=colours)
        ax.tick_params(axis="y", labelsize=9.5)
        ax.spines[["top", "right"]].set_visible(False)
        for y, value in enumerate(rows[col]):
            ax.text(value, y, f" {value:.3g}", va="center", fontsize=8.5)
        ax.margins(x=0.15)
    kinds = sorted(set(metrics["kind"])) if not metrics.empty else []
    fig.legend(
        handles=[Patch(color=KIND_COLOURS.get(k, OTHER_COLOUR), label=k) for k in kinds],
        loc="lower center",
        bbox_to_anchor=(0.5, 0.0),
        ncol=max(1, len(kinds)),
        frameon=False,
    )
    return fig
