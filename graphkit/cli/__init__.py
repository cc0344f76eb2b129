"""The ``graphkit`` command: a thin click shell over :mod:`graphkit.analysis`.

Each command parses its options (shared ones in :mod:`.options`), calls one
API function and prints or writes the result; commands live by family in
:mod:`.analyze`, :mod:`.tables`, :mod:`.tools`, :mod:`.view`, :mod:`.quotes` and :mod:`.corpus` and are added to
:data:`main` here.  A :class:`~graphkit.errors.GraphkitError` becomes one
``Error: ...`` line on stderr and exit status 1; usage errors exit with 2.
"""

from __future__ import annotations

import click

from graphkit.cli import analyze, corpus, quotes, tables, tools, view
from graphkit.cli.options import CONTEXT
from graphkit.errors import GraphkitError
from graphkit.version import __version__

__all__ = ["main"]


class _Group(click.Group):
    """Turn library errors into one clean line and exit status 1."""

    def invoke(self, ctx: click.Context):  # noqa: D401
        try:
            return super().invoke(ctx)
        except GraphkitError as exc:
            raise click.ClickException(str(exc)) from None
        except KeyboardInterrupt:
            raise click.Abort() from None


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
