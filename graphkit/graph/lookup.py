"""Finding a character by any name a user types: id, alias or label, in any case, with suggestions."""

from __future__ import annotations

import difflib
from collections.abc import Iterable

from graphkit.errors import GraphkitError
from graphkit.model import Character

__all__ = ["resolve_name"]


def resolve_name(name: str, characters: Iterable[Character], ids: Iterable[str] = ()) -> str:
    """The id of the character called ``name``: its id, an alias or its label, case-blind.

    An exact match wins; then a match ignoring case, which must point at one
    character.  An unknown name raises :class:`~graphkit.errors.GraphkitError`
    with the closest names ("did you mean ...?").

    Examples
    --------
    >>> cs = [Character("Spike Jonze", "Spike Jonze", "person", ("Jonze",)), Character("Theodore", "Theodore")]
    >>> resolve_name("jonze", cs), resolve_name("THEODORE", cs)
    ('Spike Jonze', 'Theodore')
    >>> resolve_name("Theodor", cs)
    Traceback (most recent call last):
    ...
    graphkit.errors.GraphkitError: no character called 'Theodor' (did you mean Theodore?)
    """
    characters = list(characters)
    known = set(ids) | {c.id for c in characters}
    if name in known:
        return name
    forms: dict[str, set[str]] = {}
    exact: dict[str, set[str]] = {}
    for c in characters:
        for form in (c.id, c.label, *c.aliases):
            exact.setdefault(form, set()).add(c.id)
            forms.setdefault(form.casefold(), set()).add(c.id)
    for table, key in ((exact, name), (forms, name.casefold())):
        owners = table.get(key, set())
        if len(owners) == 1:
            return next(iter(owners))
        if len(owners) > 1:
            raise GraphkitError(f"{name!r} names several characters: {', '.join(sorted(owners))}")
    close = difflib.get_close_matches(name.casefold(), list(forms), n=3, cutoff=0.75)
    suggestions = sorted({i for f in close for i in forms[f]})
    hint = f" (did you mean {' or '.join(suggestions)}?)" if suggestions else ""
    raise GraphkitError(f"no character called {name!r}{hint}")
