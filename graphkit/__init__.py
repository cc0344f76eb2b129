"""graphkit: turn narrative text into a relationship graph of its characters.

The public API is small and imports nothing heavy until it is used:

>>> import graphkit
>>> a = graphkit.analyze_text("Alice met Bob. Bob and Carol left.")
>>> sorted(a.graph.edges())
[('Alice', 'Bob'), ('Bob', 'Carol')]

``graphkit.analyze(path)`` reads a file; both return an
:class:`~graphkit.analysis.Analysis` with ``.graph``, ``.characters``,
``.metrics``, ``.plot()`` and ``.export(folder)``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from graphkit import _compat  # noqa: E402
from graphkit.version import __version__

_compat.install()  # old import paths such as graphkit.metrics, with a DeprecationWarning

__all__ = [
    "__version__",
    "Analysis",
    "analyze",
    "analyze_text",
    "analyze_corpus",
    "example",
    "read_text",
    "read_cast",
    "sign",
    "GraphkitError",
]

_LAZY = {
    "Analysis": "graphkit.analysis",
    "analyze": "graphkit.analysis",
    "analyze_text": "graphkit.analysis",
    "analyze_corpus": "graphkit.corpus.run",
    "example": "graphkit.io.examples",
    "read_text": "graphkit.io.text",
    "read_cast": "graphkit.io.cast",
    "sign": "graphkit.graph.sentiment",
    "GraphkitError": "graphkit.errors",
}

if TYPE_CHECKING:
    from graphkit.analysis import Analysis, analyze, analyze_text
    from graphkit.corpus.run import analyze_corpus
    from graphkit.errors import GraphkitError
    from graphkit.graph.sentiment import sign
    from graphkit.io.cast import read_cast
    from graphkit.io.examples import example
    from graphkit.io.text import read_text


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        import importlib

        value = getattr(importlib.import_module(_LAZY[name]), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'graphkit' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
