"""The timeline picture on long texts."""

from __future__ import annotations

import graphkit
from graphkit.views.figure import figure_png


def test_a_timeline_of_twenty_thousand_segments_draws():
    text = "\n\n".join(f"Ann met Bob {i}." for i in range(20_001))
    a = graphkit.analyze_text(text)
    assert len(a.segments) == 20_001
    assert figure_png(a.plot_timeline()).startswith(b"\x89PNG")


def test_a_long_book_timeline_shows_top_rows_bins_and_a_colour_bar():
    import networkx as nx

    from graphkit.views.timeline import draw_timeline

    g = nx.Graph()
    for i in range(70):
        g.add_node(f"P{i}", label=f"P{i}", segments=list(range(i, 373, 7)))
    titles = [f"CHAPTER {k}" for k in range(1, 374)]
    fig = draw_timeline(g, titles)
    ax, bar = fig.axes[0], fig.axes[1]
    assert len(ax.get_yticklabels()) == 30  # top 30 by default
    assert "5 per column" in ax.get_title() and ax.images[0].get_array().shape == (30, 75)
    assert "named or speaking" in bar.get_ylabel()


def test_chapter_numbers_are_the_books():
    import networkx as nx

    from graphkit.views.timeline import draw_timeline

    g = nx.Graph()
    g.add_node("A", segments=[0, 5, 61])
    roman = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"]
    titles = (
        ["(front matter)"]
        + [f"CHAPTER {r}." for r in roman]
        + [f"Chapter {k}" for k in range(11, 62)]
    )
    ax = draw_timeline(g, titles).axes[0]
    ticks = dict(zip(ax.get_xticks(), (t.get_text() for t in ax.get_xticklabels()), strict=True))
    assert ticks[1] == "1" and ticks[5] == "5" and ticks[60] == "60"
    assert "as numbered in the book" in ax.get_xlabel()
