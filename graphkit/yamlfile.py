"""Parsing the YAML files users write (cast files, relation rules), with one-line errors."""

from __future__ import annotations

from .errors import GraphkitError

__all__ = ["parse_yaml"]


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
