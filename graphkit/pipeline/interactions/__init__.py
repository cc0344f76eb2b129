"""Document + mentions -> interactions: who co-occurs with whom, with evidence.

A *window* decides what co-occurring means; the windows are a registry
(:data:`WINDOWS`, one module each), and an integer is a token window:

* ``"sentence"`` (default): two characters named in the same sentence;
* ``"paragraph"``: in the same paragraph (both in :mod:`.units`);
* an integer ``N``: names at most ``N`` word tokens apart (:mod:`.tokens`).

Every co-occurrence adds 1 to the pair's weight (once per sentence or
paragraph; once per pair of mentions for token windows) and keeps an
:class:`~graphkit.model.Evidence` (sentence index and the span holding both
names).  The work is linear in the number of mentions: mentions are grouped
by unit, or swept with two pointers for token windows.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Sequence

from graphkit.errors import OptionError
from graphkit.model import Document, Evidence, Interaction, Mention
from graphkit.pipeline.interactions.tokens import token_window
from graphkit.pipeline.interactions.units import paragraph_window, sentence_window

__all__ = ["WINDOWS", "Window", "parse_window", "co_occurrences"]

Window = str | int
Collector = Callable[[Document, Sequence[Mention], dict[tuple[str, str], list[Evidence]]], None]

#: Named windows: name -> the function that collects the evidence of each pair.
WINDOWS: dict[str, Collector] = {
    "sentence": sentence_window,
    "paragraph": paragraph_window,
}


def parse_window(window: str | int) -> Window:
    """Check a window option: ``"sentence"``, ``"paragraph"`` or a positive token count.

    Examples
    --------
    >>> parse_window("sentence"), parse_window("25"), parse_window(10)
    ('sentence', 25, 10)
    >>> parse_window("lines")
    Traceback (most recent call last):
    ...
    graphkit.errors.OptionError: unknown window 'lines': use sentence, paragraph or a number of tokens
    """
    if isinstance(window, int) and not isinstance(window, bool):
        if window < 1:
            raise OptionError(f"window must be at least 1 token, got {window}")
        return window
    value = str(window).strip().lower()
    if value in WINDOWS:
        return value
    if value.isdigit():
        return parse_window(int(value))
    raise OptionError(f"unknown window {window!r}: use {', '.join(WINDOWS)} or a number of tokens")


def co_occurrences(
    doc: Document, mentions: Sequence[Mention], window: Window = "sentence"
) -> list[Interaction]:
    """Interactions between the characters of ``mentions``, sorted by (source, target).

    Examples
    --------
    >>> from graphkit.pipeline.document import build_document
    >>> doc = build_document("Ann met Bob. Bob met Cy and Ann.")
    >>> ms = [Mention(0, 3, "Ann", "Ann", "character", 0), Mention(8, 11, "Bob", "Bob", "character", 0),
    ...       Mention(13, 16, "Bob", "Bob", "character", 1), Mention(21, 23, "Cy", "Cy", "character", 1),
    ...       Mention(28, 31, "Ann", "Ann", "character", 1)]
    >>> [(i.source, i.target, i.weight, i.sentences) for i in co_occurrences(doc, ms)]
    [('Ann', 'Bob', 2, (0, 1)), ('Ann', 'Cy', 1, (1,)), ('Bob', 'Cy', 1, (1,))]
    """
    window = parse_window(window)
    evidence: dict[tuple[str, str], list[Evidence]] = defaultdict(list)
    if isinstance(window, str):
        WINDOWS[window](doc, mentions, evidence)
    else:
        token_window(doc, mentions, window, evidence)
    return [Interaction(a, b, len(ev), tuple(ev)) for (a, b), ev in sorted(evidence.items())]
