"""The timeline picture: characters (rows) x segments (columns), presence marked.

Rows are sorted by first appearance; a cell's shade grows with how much the
character speaks (or is mentioned) in that segment, and a thin line runs
from a character's first to last appearance.  The most central characters
are labelled.  The figure widens with the number of segments and groups
columns by act or book when titles allow (``"ACT 2, Scene 1"``, ``"3.1.4"``),
so a five-act play and a 350-chapter novel both stay readable.  matplotlib
is imported inside the function.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

import networkx as nx

from graphkit.views.style import distinct_labels

if TYPE_CHECKING:
    from matplotlib.figure import Figure

__all__ = ["timeline_rows", "segment_groups", "segment_numbers", "draw_timeline"]


def timeline_rows(g: nx.Graph, scores: Mapping[str, float], top: int = 100) -> list[str]:
    """The ``top`` most central nodes that appear somewhere, sorted by first appearance.

    Examples
    --------
    >>> g = nx.Graph()
    >>> g.add_node("A", segments=[2]); g.add_node("B", segments=[0, 3]); g.add_node("C", segments=[])
    >>> timeline_rows(g, {"A": 0.5, "B": 0.2})
    ['B', 'A']
    """
    present = [n for n, d in g.nodes(data=True) if d.get("segments")]
    present.sort(key=lambda n: (-scores.get(n, 0.0), str(n)))
    keep = present[:top]
    return sorted(keep, key=lambda n: (min(g.nodes[n]["segments"]), -scores.get(n, 0.0), str(n)))


def segment_groups(titles: Sequence[str]) -> list[tuple[str, int, int]]:
    """Runs of segments that share an act or book: ``(name, first, last + 1)``.

    Examples
    --------
    >>> segment_groups(["ACT 1, Scene 1", "ACT 1, Scene 2", "ACT 2, Scene 1", "ACT 2, Scene 2"])
    [('ACT 1', 0, 2), ('ACT 2', 2, 4)]
    >>> segment_groups(["1.1", "1.2", "2.1", "2.2"])
    [('1', 0, 2), ('2', 2, 4)]
    >>> segment_groups(["CHAPTER I", "CHAPTER II"]), segment_groups(["CHAPTER I, a title", "CHAPTER II, b"])
    ([], [])
    """

    def key(title: str) -> str | None:
        head = title.split(",", 1)[0].strip()
        if "," in title and re.fullmatch(r"(?i)(act|book|part|volume|episode)\s+\w+\.?", head):
            return head
        m = re.fullmatch(r"(\d+)\.[\d.]+", title.strip())
        return m.group(1) if m else None

    keys = [key(t) for t in titles]
    runs: list[tuple[str, int, int]] = []
    for i, k in enumerate(keys):
        k = k or ""
        if runs and runs[-1][0] == k:
            runs[-1] = (k, runs[-1][1], i + 1)
        else:
            runs.append((k, i, i + 1))
    # Grouping helps only when groups are few and hold several segments each.
    if len(runs) < 2 or len(runs) > 40 or 2 * len(runs) > len(titles):
        return []
    if all(not r[0] for r in runs):
        return []
    return runs


def _short(title: str, limit: int = 22) -> str:
    title = title.split(",", 1)[1].strip() if "," in title else title
    return title if len(title) <= limit else title[: limit - 1] + "…"


_NUMBERED = re.compile(
    r"(?i)\s*(?:chapter|chap\.|scene|stave|letter|book|part|canto)?\s*([ivxlcdm]+|\d+)\b[.:]?"
)
_ROMAN = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100, "d": 500, "m": 1000}


def _roman(s: str) -> int:
    values = [_ROMAN[c] for c in s.lower()]
    return sum(-v if i + 1 < len(values) and v < values[i + 1] else v for i, v in enumerate(values))


def segment_numbers(titles: Sequence[str]) -> list[int | None]:
    """The book's own number of each segment (``"CHAPTER XII."`` -> 12), when titles carry them.

    Used when at least half the titles are numbered and the numbers rise one
    by one; otherwise segments are numbered 1, 2, 3...  A title without a
    number (front matter) gets ``None`` then.

    Examples
    --------
    >>> segment_numbers(["(front matter)", "Chapter I.", "CHAPTER II.", "CHAPTER IV"])
    [None, 1, 2, 4]
    >>> segment_numbers(["ACT 1, Scene 1", "ACT 1, Scene 2"]), segment_numbers(["1", "2"])
    ([1, 2], [1, 2])
    """
    found: list[int | None] = []
    for t in titles:
        m = _NUMBERED.fullmatch(t.split("--")[0].strip()) or _NUMBERED.match(t)
        if m and m.group(1).isdigit():
            found.append(int(m.group(1)))
        elif m and re.fullmatch(r"(?i)[ivxlcdm]+", m.group(1)) and t.strip()[:1].isalpha():
            found.append(_roman(m.group(1)))
        else:
            found.append(None)
    numbered = [n for n in found if n is not None]
    rising = all(b > a for a, b in zip(numbered, numbered[1:]))
    if len(numbered) * 2 >= len(titles) and rising and numbered and numbered[0] <= 2:
        return found
    return list(range(1, len(titles) + 1))


def _bin_size(n: int, most: int = 80) -> int:
    """Segments per column, so that at most ``most`` columns are drawn (1, 2, 5, 10, 20, 25, 50...).

    Examples
    --------
    >>> _bin_size(62), _bin_size(373), _bin_size(20_001)
    (1, 5, 500)
    """
    if n <= most:
        return 1
    for s in (2, 5):
        if n / s <= most:
            return s
    return _tick_step(n, most)


def draw_timeline(
    g: nx.Graph,
    titles: Sequence[str],
    counts: Mapping[str, Mapping[int, int]] | None = None,
    scores: Mapping[str, float] | None = None,
    top: int = 30,
    labelled: int = 90,
    title: str | None = None,
) -> Figure:
    """Draw who appears in which segment: the ``top`` characters, segments in bins when many.

    Parameters
    ----------
    g : networkx.Graph
        A graph whose nodes carry ``segments`` (see :mod:`graphkit.graph.timeline`).
    titles : sequence of str
        The segment titles, in order.
    counts : mapping, optional
        ``{node: {segment: turns or mentions}}`` to shade cells; presence only without it.
    scores : mapping, optional
        Centrality used to choose rows and labels (PageRank by default).
    top, labelled : int
        Rows drawn, and how many of the most central of them are named.

    With more than 80 segments, each column holds several (a bin of 2, 5, 10...);
    the colour bar reads the shade as a count.  The x axis numbers chapters as the
    book does when its titles carry numbers, and segment 1, 2, 3... otherwise.
    """
    import numpy as np
    from matplotlib.colors import ListedColormap, LogNorm
    from matplotlib.figure import Figure

    from graphkit.views.figure import show_inline

    show_inline()

    if scores is None:
        scores = nx.pagerank(g, weight="weight") if g.number_of_edges() else {n: 1.0 for n in g}
    rows = timeline_rows(g, scores, top)
    n_seg = max(len(titles), 1)
    size = _bin_size(n_seg)
    n_col = math.ceil(n_seg / size)
    labels = distinct_labels({n: g.nodes[n].get("label", n) for n in rows})
    font = 9 if len(rows) <= 45 else 7.5
    left_in = 0.35 + 0.6 * font / 72 * max((len(v) for v in labels.values()), default=4)
    width = min(17.0, max(10.0, left_in + 3.5 + 0.16 * min(n_col, 80)))
    height = min(26.0, max(4.5, 2.4 + 0.24 * len(rows)))
    fig = Figure(figsize=(width, height), dpi=100)
    bottom_in = 1.35 if n_seg <= 40 else 0.75
    ax = fig.add_axes((left_in / width, bottom_in / height,
                       1 - (left_in + 1.3) / width, 1 - (bottom_in + 1.05) / height))  # fmt: skip
    name = title or g.graph.get("name") or "Timeline"
    shown = (
        f"{len(rows)} of {g.number_of_nodes()}"
        if len(rows) < g.number_of_nodes()
        else f"{len(rows)}"
    )
    binned = f", {size} per column" if size > 1 else ""
    ax.set_title(
        f"{name}: who appears when\n{shown} most central characters (by first appearance) × "
        f"{len(titles)} segments{binned} · bold = the 10 most central",
        fontsize=12,
    )
    if not rows:
        ax.text(0.5, 0.5, "No characters found", ha="center", va="center", transform=ax.transAxes)
        ax.set_axis_off()
        return fig

    grid = np.zeros((len(rows), n_col))
    for r, node in enumerate(rows):
        per = (counts or {}).get(node, {})
        for s in g.nodes[node]["segments"]:
            if 0 <= s < n_seg:
                grid[r, s // size] += per.get(s, 1)
    for r, node in enumerate(rows):
        segs = g.nodes[node]["segments"]
        ax.plot([min(segs), max(segs)], [r, r], color="#9aa7b4", linewidth=0.8, zorder=1)
    import matplotlib

    blues = ListedColormap(matplotlib.colormaps["Blues"](np.linspace(0.25, 1.0, 256)))
    image = ax.imshow(
        np.ma.masked_where(grid == 0, grid),
        aspect="auto",
        cmap=blues,
        norm=LogNorm(vmin=1, vmax=max(grid.max(), 2)),
        interpolation="nearest",
        extent=(-0.5, n_col * size - 0.5, len(rows) - 0.5, -0.5),
        zorder=2,
    )
    bar = fig.colorbar(image, ax=ax, fraction=0.03, pad=0.015, aspect=30)
    bar.set_label(f"times named or speaking{' per column' if size > 1 else ''}", fontsize=9)
    peak = max(grid.max(), 2)
    marks = [m for m in (1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000) if m <= peak]
    bar.set_ticks(marks, labels=[str(m) for m in marks])
    bar.ax.minorticks_off()
    bar.ax.tick_params(labelsize=8)

    ranked = sorted(rows, key=lambda n: (-scores.get(n, 0.0), str(n)))
    named = set(ranked[: max(labelled, 0)]) if len(rows) > labelled else set(rows)
    bold = set(ranked[:10])
    ax.set_yticks(range(len(rows)))
    ax.set_yticklabels([labels[n] if n in named else "" for n in rows], fontsize=font)
    for tick, node in zip(ax.get_yticklabels(), rows, strict=False):
        if node in bold:
            tick.set_fontweight("bold")
    ax.tick_params(axis="y", length=0)

    groups = segment_groups(titles)
    numbers = segment_numbers(titles)
    if n_seg <= 40:
        ax.set_xticks(range(n_seg))
        ax.set_xticklabels([_short(t) for t in titles], rotation=60, ha="right", fontsize=8)
    else:
        step = _tick_step(n_seg, 30)
        ticks = [i for i, k in enumerate(numbers) if k is not None and (k == 1 or k % step == 0)]
        ax.set_xticks(ticks)
        ax.set_xticklabels([str(numbers[i]) for i in ticks], fontsize=8)
        by_book = numbers != list(range(1, n_seg + 1))
        ax.set_xlabel(
            "chapter, as numbered in the book" if by_book else "segment (chapter or scene)"
        )
    for _, start, _ in groups[1:]:
        ax.axvline(start - 0.5, color="#444444", linewidth=0.9, zorder=3)
    if groups:
        top_axis = ax.secondary_xaxis("top")
        top_axis.set_xticks([(a + b - 1) / 2 for _, a, b in groups])
        top_axis.set_xticklabels([k for k, _, _ in groups], fontsize=9)
        top_axis.tick_params(length=0)
    ax.set_xlim(-0.5, n_col * size - 0.5)
    ax.set_ylim(len(rows) - 0.5, -0.5)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    ax.grid(axis="y", color="#eeeeee", linewidth=0.5, zorder=0)
    return fig


def _tick_step(n: int, most: int = 40) -> int:
    """A round tick step (5, 10, 20, 25, 50, 100, ... 10^k) giving at most ``most`` ticks.

    Examples
    --------
    >>> _tick_step(62), _tick_step(365), _tick_step(20_001), _tick_step(10**7)
    (5, 10, 1000, 250000)
    """
    scale = 1
    while True:
        for s in (5, 10, 20, 25, 50):
            if n / (s * scale) <= most:
                return s * scale
        scale *= 10
