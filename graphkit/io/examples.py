"""The example texts that ship inside the package (so a notebook or a script runs from any folder)."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from graphkit.errors import InputError

__all__ = ["example", "EXAMPLES"]

#: Example name -> file name under ``graphkit/data/examples/`` (its cast file sits beside it).
EXAMPLES = {"her": "her.txt"}


def example(name: str = "her") -> str:
    """The path of a bundled example text; its cast file ``<stem>.cast.yml`` sits beside it.

    Parameters
    ----------
    name : str
        ``"her"``: an article about Spike Jonze's *Her* and Sofia Coppola's
        *Lost in Translation*.

    Examples
    --------
    >>> import graphkit
    >>> path = graphkit.example()
    >>> path.endswith("her.txt")
    True
    >>> graphkit.analyze(path).graph.number_of_nodes()
    13
    >>> graphkit.example("moby")
    Traceback (most recent call last):
    ...
    graphkit.errors.InputError: no bundled example 'moby': use her
    """
    if name not in EXAMPLES:
        raise InputError(f"no bundled example {name!r}: use {', '.join(EXAMPLES)}")
    path = Path(str(resources.files("graphkit").joinpath("data", "examples", EXAMPLES[name])))
    if not path.is_file():
        raise InputError(f"bundled example not found at {path}; give a PATH")
    return str(path)
