"""Metrics -> a figure: bar charts of the top characters by each main centrality."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pandas as pd
    from matplotlib.figure import Figure
from graphkit.views.figure import show_inline
from graphkit.views.style import KIND_COLOURS, OTHER_COLOUR

__all__ = ["draw_centrality"]


def draw_centrality(metrics: pd.DataFrame, top: int = 10, title: str | None = None) -> Figure:
    """Four bar charts: the ``top`` characters by degree, betweenness, eigenvector and PageRank."""
    from matplotlib.figure import Figure
    from matplotlib.patches import Patch

    show_inline()

    measures = [
        ("degree", "Degree (distinct partners)"),
        ("betweenness", "Betweenness (bridging)"),
        ("eigenvector", "Eigenvector (well connected)"),
        ("pagerank", "PageRank (overall importance)"),
    ]
    fig = Figure(figsize=(13, 9), dpi=100, layout="constrained")
    axes = fig.subplots(2, 2)
    fig.suptitle(title or "Top characters by centrality", fontsize=14)
    for ax, (col, label) in zip(axes.flat, measures, strict=False):
        ax.set_title(label, fontsize=11)
        if metrics.empty:
            ax.text(0.5, 0.5, "No characters", ha="center", va="center", transform=ax.transAxes)
            ax.set_axis_off()
            continue
        rows = metrics.sort_values([col, "id"], ascending=[False, True], kind="mergesort").head(
            top
        )[::-1]
        colours = [KIND_COLOURS.get(k, OTHER_COLOUR) for k in rows["kind"]]
        ax.barh(list(rows["label"]), list(rows[col]), color=colours)
        ax.tick_params(axis="y", labelsize=9.5)
        ax.spines[["top", "right"]].set_visible(False)
        for y, value in enumerate(rows[col]):
            ax.text(value, y, f" {value:.3g}", va="center", fontsize=8.5)
        ax.margins(x=0.15)
    kinds = sorted(set(metrics["kind"])) if not metrics.empty else []
    fig.legend(
        handles=[Patch(color=KIND_COLOURS.get(k, OTHER_COLOUR), label=k) for k in kinds],
        loc="outside lower center",
        ncol=max(1, len(kinds)),
        frameon=False,
    )
    return fig
