"""The network picture at scale: measured labels that cover nothing, keys, colours, offsets."""

from __future__ import annotations

import math
import random

import networkx as nx
import pytest

from graphkit.views.network import draw_network, draw_relation_edges
from graphkit.views.style import distinct_labels
from tests.conftest import shared_file


def _novel_like(n: int = 150, seed: int = 3) -> nx.Graph:
    """A dense graph of one kind, long names, a few heavy ties: a novel's shape."""
    rng = random.Random(seed)
    g = nx.Graph(name="novel")
    names = [f"{rng.choice(['Mr.', 'Mrs.', 'Miss', 'Colonel'])} Person{i}" for i in range(n)]
    for i, a in enumerate(names):
        g.add_node(a, label=a, kind="character", mentions=1 + n - i)
    for a in names:
        for _ in range(6):
            b = names[min(n - 1, int(rng.paretovariate(1.2)) - 1 + rng.randrange(0, 3))]
            if a != b:
                w = g.edges[a, b]["weight"] + 1 if g.has_edge(a, b) else rng.randint(1, 30)
                g.add_edge(a, b, weight=w)
    return g


def _labels_and_discs(fig):
    """Every label's pixel box and every disc (centre, radius) in pixels, after drawing."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    FigureCanvasAgg(fig).draw()
    renderer = fig.canvas.get_renderer()
    ax = fig.axes[0]
    labels = [(t.get_text(), t.get_window_extent(renderer)) for t in ax.texts]
    dots = ax.collections[-1]
    centres = ax.transData.transform(dots.get_offsets())
    radii = [math.sqrt(s) / 2 * fig.dpi / 72 for s in dots.get_sizes()]
    return labels, list(zip(map(tuple, centres), radii, strict=True))


def _circle_meets_box(centre, r, box) -> bool:
    x = min(max(centre[0], box.x0), box.x1)
    y = min(max(centre[1], box.y0), box.y1)
    return math.hypot(centre[0] - x, centre[1] - y) < r


@pytest.mark.parametrize("case", ["novel", "large", "her", "play"])
def test_labels_cover_no_disc_and_no_other_label(case, her_cast):
    if case == "novel":
        g, top = _novel_like(), 60
    elif case == "large":
        g, top = _novel_like(300, seed=5), 300
    elif case == "her":
        g, top = her_cast.graph, 40
    else:
        import graphkit

        g = graphkit.analyze(shared_file("plays", "romeo-and-juliet.xml")).graph
        top = 40
    fig = draw_network(g, top=top, labelled=40)
    labels, discs = _labels_and_discs(fig)
    assert len(labels) >= min(12, g.number_of_nodes())
    for i, (a, box_a) in enumerate(labels):
        for b, box_b in labels[i + 1 :]:
            assert not box_a.overlaps(box_b), (a, b)
        for centre, r in discs:
            assert not _circle_meets_box(centre, r, box_a), a


def test_distinct_nodes_get_distinct_labels():
    g = nx.Graph()
    for n in ("Servingman", "Servingman 2", "Servingman 3", "Nurse"):
        g.add_node(n, label="Servingman" if n.startswith("Serv") else n, kind="character")
    g.add_edges_from(
        [("Servingman", "Nurse"), ("Servingman 2", "Nurse"), ("Servingman 3", "Nurse")]
    )
    fig = draw_network(g)
    texts = [t.get_text() for t in fig.axes[0].texts]
    assert sorted(texts) == ["Nurse", "Servingman", "Servingman 2", "Servingman 3"]


def test_romeo_and_juliet_servingmen_are_told_apart():
    import graphkit
    from graphkit.views.timeline import timeline_rows

    a = graphkit.analyze(shared_file("plays", "romeo-and-juliet.xml"))
    g = a.graph
    alike = [n for n, d in g.nodes(data=True) if d.get("label") == "Servingman"]
    assert len(alike) == 3
    labels = distinct_labels({n: d.get("label", n) for n, d in g.nodes(data=True)})
    assert len(set(labels.values())) == g.number_of_nodes()
    texts = [t.get_text() for t in a.plot(top=40).axes[0].texts]
    assert len(texts) == len(set(texts))
    rows = [t.get_text() for t in a.plot_timeline(top=40).axes[0].get_yticklabels()]
    assert len(rows) == len(set(rows)) and set(timeline_rows(g, a._scores(), 40)) >= set(alike)
    bars = a.plot_centrality(top=40).axes[0].get_yticklabels()
    assert len({t.get_text() for t in bars}) == len(bars)


def test_colour_by_community_when_all_nodes_share_a_kind(her_cast):
    assert "colour = community" in draw_network(_novel_like(60)).axes[0].get_title()
    assert "colour = kind" in draw_network(her_cast.graph).axes[0].get_title()
    assert "colour = community" in her_cast.plot(colour="community").axes[0].get_title()
    with pytest.raises(ValueError, match="colour must be one of"):
        draw_network(her_cast.graph, colour="rainbow")


def test_keys_for_size_and_bold_names():
    fig = draw_network(_novel_like(60))
    texts = [t.get_text() for ax in fig.axes for t in ax.texts]
    texts += [t.get_text() for legend in fig.legends for t in legend.get_texts()]
    assert "node size = PageRank" in texts
    bold = [
        t for legend in fig.legends for t in legend.get_texts() if t.get_text().startswith("bold")
    ]
    assert bold and bold[0].get_fontweight() == "bold"


def test_a_dense_graph_keeps_its_strongest_ties_connected():
    from graphkit.views.layout import backbone

    g = nx.gnp_random_graph(60, 0.3, seed=1)
    rng = random.Random(1)
    nx.set_edge_attributes(g, {e: rng.randint(1, 40) for e in g.edges()}, "weight")
    h = backbone(g)
    assert h.number_of_edges() <= 3 * 60 < g.number_of_edges() / 2
    assert nx.number_connected_components(h) == nx.number_connected_components(g)
    heaviest = max(g.edges(data=True), key=lambda e: e[2]["weight"])
    assert h.has_edge(heaviest[0], heaviest[1])


def test_typed_relations_run_beside_the_cooccurrence_line():
    from matplotlib.figure import Figure

    ax = Figure().add_subplot()
    ax.set_xlim(-1, 2)
    ax.set_ylim(-1, 1)
    g = nx.Graph()
    rels = [{"type": "friend", "source": "A", "target": "B"},
            {"type": "family", "source": "B", "target": "A"}]  # fmt: skip
    g.add_edge("A", "B", weight=3, relations=rels)
    pos = {"A": (0.0, 0.0), "B": (1.0, 0.0)}
    handles = draw_relation_edges(ax, g, pos, widths={frozenset("AB"): 4.0}, per_point=0.01)
    assert {h.get_label() for h in handles} == {"friend", "family"}
    sides = []
    for patch in ax.patches:
        ys = patch.get_path().vertices[:, 1]
        assert min(abs(ys)) > 0.02  # clear of the 4-point line (0.02 each side)
        sides.append(math.copysign(1, ys.mean()))
    assert sorted(sides) == [-1, 1]  # one on each side


def test_cli_colour_choice(tmp_path, her_path):
    from click.testing import CliRunner

    from graphkit.cli import main

    runner = CliRunner()
    r = runner.invoke(
        main, ["plot", str(her_path), "--colour", "community", "-o", str(tmp_path / "n.svg")]
    )
    assert r.exit_code == 0, r.output
    assert (tmp_path / "n.svg").read_bytes().startswith(b"<?xml")
    r = runner.invoke(
        main, ["analyze", str(her_path), "--colour", "kind", "-o", str(tmp_path / "o")]
    )
    assert r.exit_code == 0, r.output and (tmp_path / "o" / "network.png").is_file()
    r = runner.invoke(
        main, ["plot", str(her_path), "--colour", "rainbow", "-o", str(tmp_path / "x.png")]
    )
    assert r.exit_code == 2 and "rainbow" in r.output


def test_a_conversation_graph_is_drawn_with_arrows_both_ways():
    from matplotlib.patches import FancyArrowPatch

    import graphkit
    from tests.conftest import FIXTURES

    a = graphkit.analyze(FIXTURES / "conversation.txt", interaction="conversation")
    fig = a.plot()
    ax = fig.axes[0]
    assert "who speaks to whom" in ax.get_title()
    arrows = [p for p in ax.patches if isinstance(p, FancyArrowPatch)]
    assert len(arrows) == a.graph.number_of_edges() == 3  # Ann -> Bob, Bob -> Ann, Ann -> Cy
    legend = [t.get_text() for t in fig.legends[0].get_texts()]
    assert any("speaker → addressee" in t for t in legend)
    plain = graphkit.analyze(FIXTURES / "conversation.txt").plot()
    assert "who appears with whom" in plain.axes[0].get_title()
    assert not [p for p in plain.axes[0].patches if isinstance(p, FancyArrowPatch)]
    play = graphkit.analyze(FIXTURES / "tiny_play.xml", interaction="conversation").plot()
    assert "who speaks after whom" in play.axes[0].get_title()
