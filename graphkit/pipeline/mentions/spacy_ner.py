"""Document -> name mentions from a spaCy pipeline (optional: ``pip install 'graphkit[spacy]'``).

graphkit's own discovery (:mod:`graphkit.pipeline.mentions.discovery`) needs no model.  Users
who have a spaCy English pipeline installed can use its named-entity
recogniser instead (``--ner spacy``, ``analyze(..., ner="spacy")``), or pass
any :class:`spacy.language.Language` they built, such as a blank pipeline
with an entity ruler.  A pipeline is loaded from an installed package or a
folder only: graphkit never downloads one.

``PERSON`` (or ``PER``) entities become character mentions and
``WORK_OF_ART`` entities work mentions; other labels are left out.  The rest
of the pipeline (alias merging, relations, graph) is the same as with
discovery.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from graphkit.errors import OptionError
from graphkit.model import Document, Mention
from graphkit.pipeline.document import sentence_index

if TYPE_CHECKING:
    from spacy.language import Language

__all__ = ["DEFAULT_MODEL", "LABELS", "load_pipeline", "spacy_mentions"]

#: The pipeline ``--ner spacy`` loads unless told otherwise.
DEFAULT_MODEL = "en_core_web_sm"
#: Entity labels kept, and the mention kind each becomes.
LABELS: Mapping[str, str] = {"PERSON": "character", "PER": "character", "WORK_OF_ART": "work"}
# Components that do not feed the entity recogniser: skipped for speed.
_NOT_NER = ("parser", "tagger", "lemmatizer", "attribute_ruler", "morphologizer", "senter",
            "textcat", "textcat_multilabel")  # fmt: skip
# Longest stretch of text handed to spaCy at once (its own limit is 1,000,000).
_CHUNK = 100_000
_EDGE = "\"'()[],.;:!?-—_*"


def load_pipeline(model: str = DEFAULT_MODEL) -> Language:
    """Load an installed spaCy pipeline by package name or folder, never downloading one.

    Raises :class:`~graphkit.errors.OptionError` with a one-line message when
    spaCy or the pipeline is not installed or cannot be loaded.  A pipeline is
    loaded once per process (several files share it); a folder is loaded again
    when its ``config.cfg`` changes.

    Examples
    --------
    >>> load_pipeline("no_such_pipeline_xyz")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    graphkit.errors.OptionError: spaCy pipeline 'no_such_pipeline_xyz' is not installed ...
    """
    folder = Path(model)
    if folder.is_dir() or "/" in model or "\\" in model:
        config = folder / "config.cfg"
        if not config.is_file():
            raise OptionError(f"no spaCy pipeline in {model} (a pipeline folder holds config.cfg)")
        return _load(str(folder.resolve()), config.stat().st_mtime_ns, model)
    return _load(model, 0, model)


@cache
def _load(name: str, version: int, shown: str) -> Language:
    """The pipeline ``name`` (``version`` keys the cache: a folder's config time), loaded once."""
    try:
        import spacy
    except ImportError:
        raise OptionError(
            "--ner spacy needs spaCy: pip install 'graphkit[spacy]' (or use --ner rules)"
        ) from None
    try:
        return spacy.load(name)
    except OSError as exc:
        if version:  # a folder that is not a whole pipeline
            raise OptionError(
                f"spaCy pipeline {shown!r} cannot be loaded: {_first_line(exc)}"
            ) from None
        raise OptionError(
            f"spaCy pipeline {shown!r} is not installed (graphkit never downloads models): "
            f"install it, e.g. python -m spacy download {shown}, or use --ner rules"
        ) from None
    except Exception as exc:  # a broken config or incompatible pipeline: say so in one line
        raise OptionError(
            f"spaCy pipeline {shown!r} cannot be loaded: {_first_line(exc)}"
        ) from None


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__


def _chunks(doc: Document) -> Iterator[tuple[int, str]]:
    """Prose paragraphs (long ones cut at sentence ends) as ``(offset, text)``.

    A stretch with no sentence end in ``_CHUNK`` characters is cut at the last
    white space before the limit.  Line breaks inside a paragraph become spaces
    (same length, so offsets hold).
    """
    text = doc.text
    by_paragraph: dict[int, list[tuple[int, int]]] = {}
    for s in doc.sentences:
        by_paragraph.setdefault(s.paragraph, []).append((s.start, s.end))
    for spans in by_paragraph.values():
        start = spans[0][0]
        for i, (_, end) in enumerate(spans):
            last = i + 1 == len(spans)
            if last or spans[i + 1][1] - start > _CHUNK:
                while end - start > _CHUNK:
                    cut = max(
                        text.rfind(" ", start + 1, start + _CHUNK),
                        text.rfind("\n", start + 1, start + _CHUNK),
                    )
                    cut = cut if cut > start else start + _CHUNK
                    yield start, text[start:cut].replace("\n", " ")
                    start = cut
                yield start, text[start:end].replace("\n", " ")
                if not last:
                    start = spans[i + 1][0]


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """An entity span without edge punctuation or a possessive ("Theodore's" -> "Theodore")."""
    while start < end and text[start] in _EDGE:
        start += 1
    while end > start and text[end - 1] in _EDGE:
        end -= 1
    if text[start:end].endswith(("'s", "'S")) and end - start > 2:
        end -= 2
    return start, end


def spacy_mentions(
    doc: Document,
    nlp: Language | str = DEFAULT_MODEL,
    labels: Mapping[str, str] = LABELS,
    batch_size: int = 32,
) -> list[Mention]:
    """Name mentions of ``doc`` from a spaCy pipeline's entities, in text order.

    Parameters
    ----------
    doc : Document
        The document (its prose paragraphs are read; headings and debris are not).
    nlp : Language or str
        A loaded pipeline, or the name or folder of an installed one (see :func:`load_pipeline`).
    labels : mapping
        Entity label -> mention kind; other labels are left out.
    batch_size : int
        Paragraphs per batch handed to :meth:`Language.pipe`.

    Examples
    --------
    >>> import spacy
    >>> from graphkit.pipeline.document import build_document
    >>> nlp = spacy.blank("en")
    >>> ruler = nlp.add_pipe("entity_ruler")
    >>> ruler.add_patterns([{"label": "PERSON", "pattern": "Theodore"},
    ...                     {"label": "PERSON", "pattern": [{"LOWER": "samantha"}, {"ORTH": "'s"}]}])
    >>> doc = build_document("Theodore heard Samantha's voice.")
    >>> [(m.start, m.end, m.text, m.kind) for m in spacy_mentions(doc, nlp)]
    [(0, 8, 'Theodore', 'character'), (15, 23, 'Samantha', 'character')]
    """
    if isinstance(nlp, str):
        nlp = load_pipeline(nlp)
    text = doc.text
    spans: list[tuple[int, int, str]] = []
    chunks = list(_chunks(doc))
    # A statistical recogniser needs no tags or parse; a rule-based one may match on them.
    ruled = any(
        nlp.get_pipe_meta(name).factory in ("entity_ruler", "span_ruler") for name in nlp.pipe_names
    )
    disabled = [] if ruled else [c for c in _NOT_NER if c in nlp.pipe_names]
    try:
        with nlp.select_pipes(disable=disabled):
            parsed: Iterator[Any] = nlp.pipe((t for _, t in chunks), batch_size=batch_size)
            for (offset, _), sdoc in zip(chunks, parsed, strict=True):
                for ent in sdoc.ents:
                    kind = labels.get(ent.label_)
                    if kind is None:
                        continue
                    a, b = _trim(text, offset + ent.start_char, offset + ent.end_char)
                    if b > a and text[a].isupper():
                        spans.append((a, b, kind))
    except (ValueError, KeyError, RuntimeError) as exc:  # the pipeline itself fails: one line
        raise OptionError(f"the spaCy pipeline failed: {_first_line(exc)}") from None
    spans.sort()
    sentences = sentence_index(doc, [a for a, _, _ in spans]).tolist()
    out = []
    for (a, b, kind), si in zip(spans, sentences, strict=True):
        name = " ".join(text[a:b].split())
        out.append(Mention(a, b, name, name, kind, si))
    return out
