"""The network picture."""

from __future__ import annotations


def test_relations_only_picture_draws_only_typed_edges(her_cast):
    from graphkit.graph.ops import relation_subgraph

    h = relation_subgraph(her_cast.graph)
    assert h.number_of_edges() == 14 and all(d["relations"] for _, _, d in h.edges(data=True))
    assert her_cast.files(relations_only=True)["network.png"].startswith(b"\x89PNG")


def test_pictures_do_not_depend_on_the_hash_seed(tmp_path):
    import hashlib
    import os
    import subprocess
    import sys

    names = [f"{a}{b}" for a in ("Ann", "Bob", "Cy", "Dee", "Eve") for b in ("ton", "ley", "wick")]
    text = " ".join(f"{x} met {y}." for i, x in enumerate(names) for y in names[i + 1 : i + 4])
    (tmp_path / "t.txt").write_text(text, encoding="utf-8")
    code = (
        "import graphkit, hashlib; from graphkit.views.figure import figure_png; "
        f"a = graphkit.analyze({str(tmp_path / 't.txt')!r}); "
        "print(hashlib.sha256(figure_png(a.plot(top=8)) + a.files()['timeline.png']).hexdigest())"
    )
    outs = {
        subprocess.run(
            [sys.executable, "-c", code],
            capture_output=True,
            text=True,
            check=True,
            env={**os.environ, "PYTHONHASHSEED": seed},
        ).stdout  # fmt: skip
        for seed in ("1", "2", "3")
    }
    assert len(outs) == 1 and hashlib.sha256(b"").hexdigest() not in outs


def test_a_dense_directed_graph_draws():
    import networkx as nx

    from graphkit.views.figure import figure_png
    from graphkit.views.layout import backbone
    from graphkit.views.network import draw_network

    g = nx.DiGraph()
    names = [f"N{i}" for i in range(12)]
    for i, a in enumerate(names):  # one way only between most pairs: (b, a) is no edge
        for b in names[i + 1 :]:
            g.add_edge(b, a, weight=1 + i)
    for n in g:
        g.nodes[n].update(label=n, kind="character")
    h = backbone(g)
    assert h.is_directed() and all(g.has_edge(u, v) for u, v in h.edges())
    assert figure_png(draw_network(g, top=40)).startswith(b"\x89PNG")
