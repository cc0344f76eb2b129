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
