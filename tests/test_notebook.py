"""The notebook runs top to bottom, so it never goes stale."""

from __future__ import annotations

import pytest

from tests.conftest import ROOT

NOTEBOOK = ROOT / "notebooks" / "explore_her.ipynb"


def test_explore_her_notebook_runs(tmp_path):
    nbformat = pytest.importorskip("nbformat")
    nbclient = pytest.importorskip("nbclient")
    nb = nbformat.read(NOTEBOOK, as_version=4)
    client = nbclient.NotebookClient(
        nb,
        timeout=300,
        kernel_name="python3",
        # From a folder that is not notebooks/ (nor the repository): the notebook finds its text.
        resources={"metadata": {"path": str(tmp_path)}},
    )
    client.execute()
    outputs = [o for cell in nb.cells if cell.cell_type == "code" for o in cell.get("outputs", [])]
    assert not [o for o in outputs if o.get("output_type") == "error"]
    images = [o for o in outputs if "image/png" in o.get("data", {})]
    assert len(images) >= 3  # whole network, ego network, Lost in Translation side
    html = "".join(o.get("data", {}).get("text/html", "") for o in outputs)
    assert "Theodore" in html and "Lost in Translation" in html
    assert "<iframe srcdoc=" in html  # analysis.show(): the interactive view
    plain = "".join(o.get("data", {}).get("text/plain", "") for o in outputs)
    assert "('Mara', 'Jonas', 2)" in plain  # the dialogue section: conversation graph
    assert "('Jonas', 'Mara', 4)" in plain  # ... and quotations exchanged on co-occurrence edges
