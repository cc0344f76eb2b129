"""Old import paths (``graphkit.metrics``, ``graphkit.export``, ...) for one more release.

graphkit 0.1 kept every module at the top of the package.  They now live in
subpackages; importing an old path still works and gives a module that looks
names up in the new modules, with a :class:`DeprecationWarning` naming where
to import from instead.  :func:`install` is called by ``import graphkit``.
"""

from __future__ import annotations

import importlib
import sys
import types
import warnings
from importlib.abc import Loader, MetaPathFinder
from importlib.machinery import ModuleSpec

__all__ = ["OLD_PATHS", "install"]

#: Old module -> the new modules its names are now found in (first match wins).
OLD_PATHS: dict[str, tuple[str, ...]] = {
    "graphkit.text": ("graphkit.io.text", "graphkit.io.html", "graphkit.io.glue"),
    "graphkit.yamlfile": ("graphkit.io.userfile",),
    "graphkit.cast": ("graphkit.io.cast",),
    "graphkit.rules": ("graphkit.io.rules", "graphkit.io.rule_needs"),
    "graphkit.lexicon": ("graphkit.io.lexicon",),
    "graphkit.readers": ("graphkit.io.readers",),
    "graphkit.readers.base": ("graphkit.io.readers.base",),
    "graphkit.readers.fountain": ("graphkit.io.readers.fountain",),
    "graphkit.readers.play": ("graphkit.io.readers.play",),
    "graphkit.readers.sgb": ("graphkit.io.readers.sgb",),
    "graphkit.readers.tei": ("graphkit.io.readers.tei",),
    "graphkit.document": ("graphkit.pipeline.document",),
    "graphkit.mentions": ("graphkit.pipeline.mentions.discovery",),
    "graphkit.works": ("graphkit.pipeline.mentions.works",),
    "graphkit.spacy_ner": ("graphkit.pipeline.mentions.spacy_ner",),
    "graphkit.characters": ("graphkit.pipeline.characters",),
    "graphkit.relations": ("graphkit.pipeline.relations.extract",),
    "graphkit.interactions": ("graphkit.pipeline.interactions",),
    "graphkit.scripts": ("graphkit.pipeline.structured", "graphkit.graph.ops"),
    "graphkit.timeline": ("graphkit.graph.timeline",),
    "graphkit.merge": ("graphkit.graph.merge", "graphkit.exporters"),
    "graphkit.metrics": ("graphkit.graph.metrics",),
    "graphkit.evidence": ("graphkit.graph.evidence", "graphkit.exporters.tables"),
    "graphkit.layout": ("graphkit.views.layout",),
    "graphkit.plot": ("graphkit.views.network", "graphkit.views.centrality", "graphkit.views.figure",
                      "graphkit.views.layout", "graphkit.views.style", "graphkit.graph.ops"),
    "graphkit.plot_timeline": ("graphkit.views.timeline",),
    "graphkit.export": ("graphkit.exporters",),
    "graphkit.cli_tools": ("graphkit.cli.tools",),
}  # fmt: skip


class _OldModule(types.ModuleType):
    """A module whose names are those of the new modules it stands for."""

    def __init__(self, name: str, targets: tuple[str, ...]) -> None:
        super().__init__(name, f"Deprecated: import from {', '.join(targets)} instead.")
        self._targets = targets

    def __getattr__(self, attr: str):
        if attr.startswith("__"):
            raise AttributeError(attr)
        for target in self._targets:
            module = importlib.import_module(target)
            if hasattr(module, attr):
                return getattr(module, attr)
        raise AttributeError(f"module {self.__name__!r} has no attribute {attr!r}")

    def __dir__(self) -> list[str]:
        names: set[str] = set()
        for target in self._targets:
            names |= set(dir(importlib.import_module(target)))
        return sorted(names)


class _Finder(MetaPathFinder, Loader):
    def find_spec(self, fullname, path=None, target=None):  # noqa: D102
        if fullname in OLD_PATHS:
            return ModuleSpec(fullname, self, is_package=fullname == "graphkit.readers")
        return None

    def create_module(self, spec):  # noqa: D102
        targets = OLD_PATHS[spec.name]
        warnings.warn(
            f"{spec.name} is deprecated: import from {targets[0]} instead",
            DeprecationWarning,
            stacklevel=2,
        )
        return _OldModule(spec.name, targets)

    def exec_module(self, module) -> None:  # noqa: D102
        pass


_FINDER = _Finder()


def install() -> None:
    """Let the old import paths be found (once)."""
    if _FINDER not in sys.meta_path:
        sys.meta_path.append(_FINDER)
