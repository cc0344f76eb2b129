"""The example texts that ship inside the package."""

from __future__ import annotations

import pytest

import graphkit


def test_bundled_example_is_found_from_any_folder(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    a = graphkit.analyze(graphkit.example())
    assert a.cast_source is not None and a.cast_source.endswith("her.cast.yml")
    with pytest.raises(graphkit.GraphkitError, match="no bundled example"):
        graphkit.example("nothing")
