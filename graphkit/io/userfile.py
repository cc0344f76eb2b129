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
    >>> parse_yaml("name: a\\nname: b", "x.yml", GraphkitError)
    Traceback (most recent call last):
    ...
    graphkit.errors.GraphkitError: x.yml: key 'name' given twice (line 2)
    """
    import yaml

    try:
        return yaml.load(text, Loader=_loader())  # noqa: S506  (a SafeLoader subclass)
    except _DuplicateKey as exc:
        raise error(f"{source}: {exc}") from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" (line {mark.line + 1})" if mark else ""
        raise error(f"{source}: not valid YAML{where}") from None
    except RecursionError:
        raise error(f"{source}: nested too deeply to be a cast or rules file") from None


class _DuplicateKey(Exception):
    pass


def _loader():
    """A safe YAML loader that refuses a key given twice in one mapping (a silent overwrite)."""
    import yaml

    class Loader(yaml.SafeLoader):
        def construct_mapping(self, node, deep=False):
            seen = set()
            for key_node, _ in node.value:
                key = self.construct_object(key_node, deep=deep)
                try:
                    duplicate = key in seen
                except TypeError:  # an unhashable key: the base class says so
                    break
                if duplicate:
                    line = key_node.start_mark.line + 1
                    raise _DuplicateKey(f"key {key!r} given twice (line {line})")
                seen.add(key)
            return super().construct_mapping(node, deep=deep)

    return Loader


def read_user_file(path: str | os.PathLike, what: str, error: type[GraphkitError]) -> str:
    """The UTF-8 text of a file a user wrote (a cast file, rules), or ``error`` saying why not."""
    p = Path(path)
    if not p.is_file():
        raise error(f"{p}: no such {what}")
    try:
        return p.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise error(f"{p}: cannot read {what} ({exc.__class__.__name__})") from None
