"""One palette for every view and export: the colour of each kind of node.

Examples
--------
>>> KIND_COLOURS["person"], rgb(KIND_COLOURS["person"])
('#ff7f0e', (255, 127, 14))
"""

from __future__ import annotations

__all__ = ["KIND_COLOURS", "OTHER_COLOUR", "rgb", "kind_colour"]

#: Node colour by kind (matplotlib's tab10 blue, orange, green).
KIND_COLOURS = {"character": "#1f77b4", "person": "#ff7f0e", "work": "#2ca02c"}
#: Colour of anything else (an unknown kind, a relation without its own colour).
OTHER_COLOUR = "#7f7f7f"


def kind_colour(kind: str) -> str:
    """The colour of nodes of ``kind`` (grey when the kind has none)."""
    return KIND_COLOURS.get(kind, OTHER_COLOUR)


def rgb(colour: str) -> tuple[int, int, int]:
    """``"#rrggbb"`` as three integers 0-255."""
    return int(colour[1:3], 16), int(colour[3:5], 16), int(colour[5:7], 16)
