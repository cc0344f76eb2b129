"""The ``graphkit`` command: a thin click shell over :mod:`graphkit.analysis`.

Each command parses its options (shared ones in :mod:`.options`), calls one
API function and prints or writes the result; commands live by family in
:mod:`.analyze`, :mod:`.tables`, :mod:`.tools`, :mod:`.view`, :mod:`.quotes` and :mod:`.corpus` and are added to
:data:`main` here.  A :class:`~graphkit.errors.GraphkitError` becomes one
``Error: ...`` line on stderr and exit status 1; usage errors exit with 2.
SIGINT and SIGTERM raise ``KeyboardInterrupt`` and ``SystemExit`` where the
command is, so temporary files are cleaned up on the way out; the command then
prints one line and exits with 130 or 143 (no traceback).
"""

from __future__ import annotations

import signal
import threading
from typing import Any

import click

from graphkit.cli import analyze, corpus, quotes, tables, tools, view
from graphkit.cli.options import CONTEXT
from graphkit.errors import GraphkitError
from graphkit.version import __version__

__all__ = ["main"]


class _Terminated(SystemExit):
    """Raised by the SIGTERM handler where the command is running (exit status 143)."""


def _on_signal(signum: int, frame: Any) -> None:
    # The first signal unwinds the command; later ones must not cut its clean-up short.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    if signum == signal.SIGINT:
        raise KeyboardInterrupt
    raise _Terminated(143)


class _Group(click.Group):
    """Turn library errors into one clean line and exit status 1, signals into 130 and 143."""

    def invoke(self, ctx: click.Context):  # noqa: D401
        handlers = None
        if threading.current_thread() is threading.main_thread():
            handlers = {s: signal.getsignal(s) for s in (signal.SIGINT, signal.SIGTERM)}
            for s in handlers:
                signal.signal(s, _on_signal)
        try:
            return super().invoke(ctx)
        except GraphkitError as exc:
            raise click.ClickException(str(exc)) from None
        except KeyboardInterrupt:
            click.echo("Error: interrupted (SIGINT); no output left half written", err=True)
            ctx.exit(130)
        except _Terminated:
            click.echo("Error: terminated (SIGTERM); no output left half written", err=True)
            ctx.exit(143)
        finally:
            for s, handler in (handlers or {}).items():
                signal.signal(s, handler)


@click.group(cls=_Group, context_settings=CONTEXT)
@click.version_option(__version__, "-V", "--version", prog_name="graphkit")
def main() -> None:
    """Turn narrative text into a graph of its characters, people and works.

    \b
    Example:
      graphkit analyze                      # the bundled Her article -> out/her/
      graphkit analyze novel.txt --no-cast --window paragraph
    """


for _module in (analyze, tables, tools, view, quotes, corpus):
    for _command in _module.COMMANDS:
        main.add_command(_command)

if __name__ == "__main__":  # pragma: no cover
    main()
