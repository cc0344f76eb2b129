"""A progress line for one long text: each stage as it ends, on stderr when it is a terminal.

The pipeline calls :func:`report` as each stage ends; nothing is shown
unless a caller (the CLI) opened :func:`progress_line` around the work.  The
line is rewritten in place and erased at the end, so a terminal shows a sign
of life on a long novel and a pipe or a log file receives nothing.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import TextIO

__all__ = ["report", "announce", "progress_line"]

_CURRENT: ContextVar[Callable[[str, bool], None] | None] = ContextVar(
    "graphkit_progress", default=None
)
#: The line is cut to this many characters (most recent stages kept).
WIDTH = 100


def report(step: str) -> None:
    """Tell the open progress line (if any) that ``step`` has ended.

    Examples
    --------
    >>> report("mentions")  # no progress line open: nothing happens
    """
    show = _CURRENT.get()
    if show is not None:
        show(step, True)


def announce(what: str) -> None:
    """Tell the open progress line (if any) what is being done now ("drawing")."""
    show = _CURRENT.get()
    if show is not None:
        show(what, False)


@contextmanager
def progress_line(
    label: str, stream: TextIO | None = None, enabled: bool | None = None
) -> Iterator[None]:
    """Show ``label`` and each reported step with its seconds on one rewritten line.

    Parameters
    ----------
    label : str
        What is being done ("les_miserables.txt").
    stream : text stream, optional
        Default ``sys.stderr``.
    enabled : bool, optional
        Default: only when ``stream`` is a terminal.

    Examples
    --------
    >>> import io
    >>> out = io.StringIO()
    >>> with progress_line("tale.txt", out, enabled=True):
    ...     report("document")
    >>> "tale.txt: document" in out.getvalue(), out.getvalue().endswith("\\x1b[K")
    (True, True)
    """
    stream = stream if stream is not None else sys.stderr
    if enabled is None:
        enabled = bool(getattr(stream, "isatty", lambda: False)())
    if not enabled:
        yield
        return
    parts: list[str] = []
    last = time.perf_counter()

    def write(tail: str) -> None:
        line = f"{label}: {' · '.join(parts)}{tail}"
        if len(line) > WIDTH:
            line = "…" + line[-(WIDTH - 1) :]
        stream.write("\r\x1b[K" + line)
        stream.flush()

    def show(step: str, ended: bool) -> None:
        nonlocal last
        if not ended:
            write(f" · {step} …")
            return
        now = time.perf_counter()
        parts.append(f"{step} {now - last:.1f}s")
        last = now
        write(" …")

    write("reading …")
    token = _CURRENT.set(show)
    try:
        yield
    finally:
        _CURRENT.reset(token)
        stream.write("\r\x1b[K")
        stream.flush()
