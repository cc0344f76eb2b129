"""Every text of ../shared/texts and ../shared/plays runs through the whole job (skipped when absent).

The evaluation scripts read a few books; this reads all of them, so that a rule
that trips on one novel's names (an alias with no capitalised word, say) fails
here rather than in a user's corpus run.
"""

from __future__ import annotations

import pytest

from tests.conftest import SHARED

TEXTS = sorted(p for folder in ("texts", "plays") for p in (SHARED / folder).glob("*.*")
               if p.suffix in (".txt", ".xml") and "LICENSE" not in p.name)  # fmt: skip


@pytest.mark.skipif(not TEXTS, reason="../shared is absent")
@pytest.mark.parametrize("path", TEXTS, ids=[p.stem for p in TEXTS])
def test_every_shared_text_runs_the_whole_job(path):
    import graphkit

    a = graphkit.analyze(path)
    files = a.files(pictures=False)
    assert a.graph.number_of_nodes() >= 5
    assert len(a.metrics) == a.graph.number_of_nodes()
    assert files["graph.graphml"].startswith(b"<?xml")


def test_a_novel_laid_out_three_ways_gives_the_same_graph_and_quotations(tmp_path):
    """Blank lines, one paragraph per line, indented first lines: the same story read."""
    import re

    import graphkit
    from tests.conftest import shared_file

    src = shared_file("texts", "pride_and_prejudice_austen_pg1342.txt").read_text(encoding="utf-8")
    paras = [" ".join(p.split()) for p in re.split(r"\n\s*\n", src) if p.strip()]
    wrapped = [re.sub(r"(.{1,70})(?:\s+|$)", r"\1\n", p).rstrip("\n") for p in paras]
    layouts = {
        "blank": src,
        "lines": "\n".join(paras),
        "indented": "\n".join("    " + w for w in wrapped),
    }
    seen = {}
    for name, text in layouts.items():
        path = tmp_path / f"{name}.txt"
        path.write_text(text, encoding="utf-8")
        a = graphkit.analyze(path, cast=False)
        seen[name] = ({tuple(sorted(e)) for e in a.graph.edges}, len(a.quotes), set(a.graph))
    edges, quotes, nodes = seen["blank"]
    for name, (e, q, n) in seen.items():
        # a wrapped name may read differently ("Lydia\n     Wickham" in an indented letter):
        # three such nodes (Anne, Miss Lydia, Mrs. Wickham), however few the nodes are
        assert len(n ^ nodes) <= max(3, 0.05 * len(nodes)) and q == quotes, name
        common = n & nodes  # edges between the nodes both readings have
        mine = {x for x in e if set(x) <= common}
        theirs = {x for x in edges if set(x) <= common}
        assert len(mine ^ theirs) <= 0.03 * len(theirs), name  # a few weight-1 links
