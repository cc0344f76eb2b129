"""The timeline picture on long texts."""

from __future__ import annotations

import graphkit
from graphkit.views.figure import figure_png


def test_a_timeline_of_twenty_thousand_segments_draws():
    text = "\n\n".join(f"Ann met Bob {i}." for i in range(20_001))
    a = graphkit.analyze_text(text)
    assert len(a.segments) == 20_001
    assert figure_png(a.plot_timeline()).startswith(b"\x89PNG")
