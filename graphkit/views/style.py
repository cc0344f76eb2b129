"""One palette for every view and export: colours of kinds and communities, distinct labels.

Examples
--------
>>> KIND_COLOURS["person"], rgb(KIND_COLOURS["person"])
('#ff7f0e', (255, 127, 14))
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import networkx as nx

__all__ = [
    "COLOUR_MODES",
    "COMMUNITY_COLOURS",
    "KIND_COLOURS",
    "KIND_NAMES",
    "OTHER_COLOUR",
    "distinct_labels",
    "kind_colour",
    "node_colours",
    "rgb",
]

#: Node colour by kind (matplotlib's tab10 blue, orange, green, purple).
KIND_COLOURS = {"character": "#1f77b4", "person": "#ff7f0e", "work": "#2ca02c", "group": "#9467bd"}
#: What a legend calls each kind.
KIND_NAMES = {
    "character": "fictional character",
    "person": "real person",
    "work": "work (film, book)",
    "group": "group (family, people)",
}
#: Node colours of communities, largest first (Tableau 10 without its grey), apart from
#: the relation colours of the rules file, which are matplotlib's tab10.
COMMUNITY_COLOURS = ("#4e79a7", "#f28e2b", "#59a14f", "#e15759", "#b07aa1",
                     "#76b7b2", "#edc948", "#9c755f", "#ff9da7")  # fmt: skip
#: Colour of anything else (an unknown kind, a relation without its own colour).
OTHER_COLOUR = "#7f7f7f"


def kind_colour(kind: str) -> str:
    """The colour of nodes of ``kind`` (grey when the kind has none)."""
    return KIND_COLOURS.get(kind, OTHER_COLOUR)


def rgb(colour: str) -> tuple[int, int, int]:
    """``"#rrggbb"`` as three integers 0-255."""
    return int(colour[1:3], 16), int(colour[3:5], 16), int(colour[5:7], 16)


#: Polarity at which a signed edge reaches full red or green (most edges are mild).
SIGN_SPAN = 0.5


def tone_colour(polarity: float) -> str:
    """The colour of a signed edge: red (negative) through yellow to green (positive).

    Examples
    --------
    >>> tone_colour(-1.0), tone_colour(0.0), tone_colour(0.5)
    ('#a50026', '#feffbe', '#006837')
    """
    from matplotlib import colormaps
    from matplotlib.colors import to_hex

    t = 0.5 + 0.5 * max(-1.0, min(1.0, float(polarity or 0.0) / SIGN_SPAN))
    return to_hex(colormaps["RdYlGn"](t))


def distinct_labels(
    labels: Mapping[str, str], nodes: Iterable[str] | None = None
) -> dict[str, str]:
    """The label of each node, told apart where two nodes would print alike.

    Nodes sharing a label are shown by their id (ids are distinct); if an id
    still meets another node's label, a number is added.

    Examples
    --------
    >>> distinct_labels({"a": "Servingman", "Servingman 2": "Servingman", "c": "Nurse"})
    {'a': 'a', 'Servingman 2': 'Servingman 2', 'c': 'Nurse'}
    >>> distinct_labels({"x": "Ann", "y": "Ann", "Ann": "Bob"})
    {'x': 'x', 'y': 'y', 'Ann': 'Bob'}
    """
    chosen = list(labels) if nodes is None else list(nodes)
    first = {n: str(labels.get(n, n)) for n in chosen}
    counts: dict[str, int] = {}
    for lab in first.values():
        counts[lab] = counts.get(lab, 0) + 1
    out = {n: (str(n) if counts[lab] > 1 else lab) for n, lab in first.items()}
    seen: dict[str, int] = {}
    for n in chosen:
        lab = out[n]
        seen[lab] = seen.get(lab, 0) + 1
        if seen[lab] > 1:
            out[n] = f"{lab} ({seen[lab]})"
    return out


#: What ``colour=`` (``--colour``) may be: ``auto`` is community when all drawn nodes share a
#: kind, groups aside (a novel's families beside its characters still get community colours).
COLOUR_MODES = ("auto", "kind", "community")


def node_colours(
    g: nx.Graph,
    nodes: Sequence[str],
    scores: Mapping[str, float],
    colour: str = "auto",
    communities: Mapping[str, int] | None = None,
) -> tuple[dict[str, str], list[tuple[str, str]], str]:
    """The colour of each node, the legend entries ``(colour, text)`` and the mode used.

    ``colour="community"`` colours the largest communities (by the PageRank of
    their drawn members) each in its own colour, named after their most
    central members; ``communities`` defaults to those of
    :func:`graphkit.graph.metrics.communities` on ``g``.

    Examples
    --------
    >>> import networkx as nx
    >>> g = nx.Graph([("a", "b"), ("c", "d")])
    >>> nx.set_node_attributes(g, "character", "kind")
    >>> colours, legend, mode = node_colours(g, list(g), {}, communities={"a": 0, "b": 0, "c": 1, "d": 1})
    >>> mode, colours["a"] == colours["b"] != colours["c"], legend[0][1]
    ('community', True, 'a, b (2)')
    """
    if colour not in COLOUR_MODES:
        raise ValueError(f"colour must be one of {', '.join(COLOUR_MODES)}, not {colour!r}")
    kinds = sorted({str(g.nodes[n].get("kind", "")) for n in nodes})
    mode = colour
    if mode == "auto":
        one_kind = len({k for k in kinds if k != "group"}) <= 1
        mode = "community" if one_kind and len(nodes) > 2 else "kind"
    if mode == "kind":
        legend = [(kind_colour(k), KIND_NAMES.get(k, k or "unknown")) for k in kinds]
        return {n: kind_colour(str(g.nodes[n].get("kind", ""))) for n in nodes}, legend, mode
    if communities is None:
        from graphkit.graph.metrics import communities as find

        communities = find(g)
    groups: dict[object, list[str]] = {}
    for n in nodes:
        groups.setdefault(communities.get(n, -1), []).append(n)
    ranked = sorted(
        (sorted(m, key=lambda n: (-scores.get(n, 0.0), str(n))) for m in groups.values()),
        key=lambda m: (-sum(scores.get(n, 0.0) for n in m), str(m[0])),
    )
    labels = distinct_labels({n: g.nodes[n].get("label", n) for n in nodes})
    out = {n: OTHER_COLOUR for n in nodes}
    legend = []
    shown = [m for m in ranked if len(m) > 1][: len(COMMUNITY_COLOURS)]
    for colour_, members in zip(COMMUNITY_COLOURS, shown, strict=False):
        out.update({n: colour_ for n in members})
        names = ", ".join(labels[n] for n in members[:2])
        if len(names) > 26:  # the legend column is narrow: the most central name only
            names = labels[members[0]][:25] + ("…" if len(labels[members[0]]) > 25 else "")
        more = " …" if len(members) > (2 if ", " in names else 1) else ""
        legend.append((colour_, f"{names}{more} ({len(members)})"))
    if len(shown) < len(ranked):
        legend.append((OTHER_COLOUR, "in smaller groups"))
    return out, legend, mode
