"""Parsing the YAML files users write (cast files, relation rules), with one-line errors."""

from __future__ import annotations

import os
from pathlib import Path

from graphkit.errors import GraphkitError

__all__ = ["parse_yaml", "read_user_file"]


def parse_yaml(text: str, source: str, error: type[GraphkitError]) -> object:
    """Parse ``text`` safely; a syntax error raises ``error`` naming ``source`` and the line.

    Examples
    --------
    >>> parse_yaml("- a\\n- b", "x.yml", GraphkitError)
    ['a', 'b']
    >>> parse_yaml("- [a", "x.yml", GraphkitError)
    Traceback (most recent call last):
    ...
    graphkit.errors.GraphkitError: x.yml: not valid YAML (line 1)
    """
    import yaml

    try:
        return yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" (line {mark.line + 1})" if mark else ""
        raise error(f"{source}: not valid YAML{where}") from None


def read_user_file(path: str | os.PathLike, what: str, error: type[GraphkitError]) -> str:
    """The UTF-8 text of a file a user wrote (a cast file, rules), or ``error`` saying why not."""
    p = Path(path)
    if not p.is_file():
        raise error(f"{p}: no such {what}")
    try:
        return p.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise error(f"{p}: cannot read {what} ({exc.__class__.__name__})") from None
