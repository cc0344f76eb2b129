"""What every structured reader returns: a :class:`Script` (cast, segments, turns).

A play, a screenplay and a co-appearance table all say, segment by segment,
who is there.  Readers turn each format into the same small value so that the
rest of graphkit (:mod:`graphkit.pipeline.structured`) builds one kind of network from it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

__all__ = ["Role", "Turn", "Script"]


@dataclass(frozen=True, slots=True)
class Role:
    """A character of a structured text.

    ``id`` is the node id (a readable name, unique within the script),
    ``label`` the name shown in pictures, ``aliases`` other names the text
    uses for it (abbreviated speaker prefixes, cue spellings) and ``attrs``
    extra node attributes (``tei_id``; ``code`` and ``description``).
    """

    id: str
    label: str
    aliases: tuple[str, ...] = ()
    attrs: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True, slots=True)
class Turn:
    """One unit of presence inside a segment.

    For plays and screenplays a speech turn (``speakers`` usually one role,
    ``tag`` the speaker name as printed, ``text`` what is said); for a
    co-appearance table one ``;``-group of a chapter (``speakers`` the roles
    who meet).
    """

    segment: int
    speakers: tuple[str, ...]
    text: str = ""
    tag: str = ""


@dataclass(frozen=True)
class Script:
    """A structured text: its roles, its segments (titles, in order) and its turns.

    ``unit`` says what links two roles: ``"segment"`` (they speak in the same
    scene: co-presence) or ``"turn"`` (they stand in the same group).

    Examples
    --------
    >>> s = Script("Tiny", (Role("Ann", "Ann"), Role("Bob", "Bob")), ("Scene 1",),
    ...            (Turn(0, ("Ann",), "Hi."), Turn(0, ("Bob",), "Hello.")), kind="play")
    >>> s.speakers_of(0)
    ['Ann', 'Bob']
    """

    title: str
    roles: tuple[Role, ...]
    segments: tuple[str, ...]
    turns: tuple[Turn, ...]
    kind: str = "play"
    unit: str = "segment"
    source: str = "<script>"
    meta: dict[str, str] = field(default_factory=dict)
    #: The cast list as the text prints it, an entry each ("LADY CAPULET, wife to Capulet."),
    #: read for the ties it states (:mod:`graphkit.pipeline.relations.personae`).
    personae: tuple[str, ...] = ()

    def speakers_of(self, segment: int) -> list[str]:
        """The roles who speak (or appear) in ``segment``, in order of first turn."""
        seen: dict[str, None] = {}
        for t in self.turns:
            if t.segment == segment:
                seen.update(dict.fromkeys(t.speakers))
        return list(seen)
