"""Old import paths keep working for one release, each with a DeprecationWarning."""

from __future__ import annotations

import importlib
import sys

import pytest

from graphkit._compat import OLD_PATHS


@pytest.mark.parametrize("old", sorted(OLD_PATHS))
def test_every_old_path_imports_with_a_warning(old):
    sys.modules.pop(old, None)
    with pytest.warns(DeprecationWarning, match=OLD_PATHS[old][0]):
        module = importlib.import_module(old)
    assert dir(module), old
    sys.modules.pop(old, None)


@pytest.mark.parametrize(
    ("old", "name", "new"),
    [
        ("graphkit.metrics", "node_metrics", "graphkit.graph.metrics"),
        ("graphkit.export", "render", "graphkit.exporters"),
        ("graphkit.export", "write_atomic", "graphkit.exporters.atomic"),
        ("graphkit.plot", "draw_network", "graphkit.views.network"),
        ("graphkit.plot", "figure_png", "graphkit.views.figure"),
        ("graphkit.plot", "relation_subgraph", "graphkit.graph.ops"),
        ("graphkit.scripts", "undirected", "graphkit.graph.ops"),
        ("graphkit.scripts", "analyze_script", "graphkit.pipeline.structured"),
        ("graphkit.merge", "read_graph", "graphkit.exporters"),
        ("graphkit.readers", "detect_format", "graphkit.io.readers"),
        ("graphkit.readers.base", "Script", "graphkit.io.readers.base"),
        ("graphkit.text", "normalize", "graphkit.io.glue"),
        ("graphkit.rules", "RulesError", "graphkit.errors"),
        ("graphkit.mentions", "discover_mentions", "graphkit.pipeline.mentions.discovery"),
    ],
)
def test_old_names_are_the_new_objects(old, name, new):
    with pytest.warns(DeprecationWarning):
        sys.modules.pop(old, None)
        module = importlib.import_module(old)
    assert getattr(module, name) is getattr(importlib.import_module(new), name)


def test_an_unknown_name_of_an_old_path_is_an_attribute_error():
    with pytest.warns(DeprecationWarning):
        sys.modules.pop("graphkit.metrics", None)
        module = importlib.import_module("graphkit.metrics")
    with pytest.raises(AttributeError):
        module.no_such_function  # noqa: B018


def test_from_import_of_an_old_path_works():
    sys.modules.pop("graphkit.graph", None)
    from graphkit.graph import build_graph  # the package re-exports the old module's names

    assert build_graph.__module__ == "graphkit.graph.build"
