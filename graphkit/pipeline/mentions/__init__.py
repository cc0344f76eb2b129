"""The mentions stage: every name in the document, before alias merging.

With a cast file its names are looked up (:mod:`.lookup`); without one they
are discovered by graphkit's rules (:mod:`.discovery`, judged on
document-level evidence in :mod:`.judge`) or by an installed spaCy pipeline
(:mod:`.spacy_ner`, optional).  Titles of works that discovery cannot see are
added in both cases (:mod:`.works`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Union

from graphkit.errors import OptionError
from graphkit.io.cast import Cast
from graphkit.model import Document, Mention
from graphkit.pipeline.mentions.discovery import find_mentions
from graphkit.pipeline.mentions.works import add_work_mentions

if TYPE_CHECKING:
    from spacy.language import Language

__all__ = ["NER_BACKENDS", "Ner", "check_ner", "ner_label", "detect_mentions"]

#: Name detectors for texts without a cast file (``ner=``, ``--ner``).
NER_BACKENDS = ("rules", "spacy")
Ner = Union[str, "Language"]


def check_ner(ner: Ner) -> None:
    """Refuse an unknown name detector before any work is done."""
    if isinstance(ner, str) and ner not in NER_BACKENDS:
        raise OptionError(f"unknown name detector {ner!r}: use rules or spacy")


def ner_label(ner: Ner, spacy_model: str) -> str:
    """How names were found, as the graph records it: ``discovery`` or ``spacy:<pipeline>``.

    Examples
    --------
    >>> ner_label("rules", "en_core_web_sm"), ner_label("spacy", "en_core_web_sm")
    ('discovery', 'spacy:en_core_web_sm')
    """
    if ner == "rules":
        return "discovery"
    if ner == "spacy":
        return f"spacy:{spacy_model}"
    meta = getattr(ner, "meta", {}) or {}
    return f"spacy:{meta.get('lang', '')}_{meta.get('name', 'pipeline')}"


def detect_mentions(
    doc: Document,
    cast: Cast | None = None,
    ner: Ner = "rules",
    spacy_model: str = "en_core_web_sm",
) -> list[Mention]:
    """Name mentions of ``doc``, before alias merging: the mentions stage of the pipeline.

    With a cast file its names are looked up; without one, names are found by
    ``ner``: ``"rules"`` (graphkit's discovery, no model), ``"spacy"`` (the
    installed spaCy pipeline ``spacy_model``) or a loaded spaCy ``Language``.
    Titles of works that discovery cannot see (commas, "the film X") are
    added in both cases (see :mod:`graphkit.pipeline.mentions.works`).

    Examples
    --------
    >>> from graphkit.pipeline.document import build_document
    >>> doc = build_document("In the film Casablanca, Rick Blaine runs a bar.")
    >>> [(m.text, m.kind) for m in detect_mentions(doc)]
    [('Casablanca', 'work'), ('Rick Blaine', 'character')]
    """
    check_ner(ner)
    if cast is not None:
        return find_mentions(doc, cast)
    if ner == "rules":
        mentions = find_mentions(doc)
    else:
        from graphkit.pipeline.mentions.spacy_ner import spacy_mentions

        mentions = spacy_mentions(doc, spacy_model if ner == "spacy" else ner)
    return add_work_mentions(doc, mentions)
