"""Many texts at once: a per-text job, engines that run it, and the corpus tables.

``graphkit.analyze_corpus(sources, out)`` (see :mod:`graphkit.corpus.run`)
expands the sources (:mod:`~graphkit.corpus.sources`), skips texts whose
outputs are current (:mod:`~graphkit.corpus.manifest`), runs
:func:`~graphkit.corpus.job.run_text` on the chosen engine
(:mod:`~graphkit.corpus.engines`) and writes the corpus tables
(:mod:`~graphkit.corpus.tables`).
"""

from __future__ import annotations

from typing import Any

__all__ = ["analyze_corpus", "CorpusResult"]


def __getattr__(name: str) -> Any:
    if name in __all__:
        from graphkit.corpus import run

        return getattr(run, name)
    raise AttributeError(f"module 'graphkit.corpus' has no attribute {name!r}")
