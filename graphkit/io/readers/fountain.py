"""Fountain screenplays (https://fountain.io): scenes, character cues, dialogue.

Scene headings (``INT.``, ``EXT.``, ``EST.``, ``INT./EXT.``, ``I/E`` or a
forced ``.HEADING``) open segments, their ``#12#`` scene numbers removed.  A
character cue is a line in capitals (or forced with ``@``) after a blank line
and followed by dialogue; its extensions (``(V.O.)``, ``(O.S.)``,
``(CONT'D)``) and a dual-dialogue ``^`` are stripped.  Transitions (``CUT TO:``,
``FADE OUT.``, forced ``>``), the title page, notes ``[[...]]``, boneyard
``/* ... */``, sections ``#`` and synopses ``=`` are never characters.
"""

from __future__ import annotations

import re

from graphkit.errors import InputError
from graphkit.io.readers.base import Role, Script, Turn

__all__ = ["looks_like_fountain", "parse_fountain", "cue_name"]

_SCENE = re.compile(r"^(?:INT\.?/EXT|INT|EXT|EST|I/E)[. ]", re.I)
_SCENE_NUMBER = re.compile(r"\s*#[\w.\-]+#\s*$")
_TRANSITION = re.compile(
    r"^(?:[A-Z0-9 .'’\-]+ TO:|FADE (?:IN|OUT|TO BLACK)[.:]?|CUT TO BLACK\.?|THE END\.?|"
    r"END(?: OF [A-Z ]+)?\.?|INTERCUT\b.*|BACK TO SCENE\.?|CONTINUED:?|\(?MORE\)?)$"
)
_TITLE_KEY = re.compile(
    r"^(Title|Credit|Author|Authors|Source|Draft date|Contact|Notes|Copyright)\s*:", re.I
)
_EXTENSION = re.compile(r"\s*\((?:[^()]*)\)")


def looks_like_fountain(text: str) -> bool:
    """Whether ``text`` reads as a Fountain screenplay (a title page, or scene headings).

    Examples
    --------
    >>> looks_like_fountain("Title: Tiny\\n\\nINT. ROOM - DAY\\n\\nANN\\nHi.\\n\\nEXT. PARK - NIGHT\\n")
    True
    >>> looks_like_fountain("Ann walked in.\\n")
    False
    """
    lines = text.lstrip("\ufeff").splitlines()
    headings = sum(1 for ln in lines if _SCENE.match(ln) or re.match(r"^\.[A-Za-z]", ln))
    titled = bool(lines) and bool(_TITLE_KEY.match(lines[0]))
    return headings >= 2 or (titled and headings >= 1)


def cue_name(line: str) -> str | None:
    """The character named by a cue line, or ``None`` when the line is not a cue.

    Examples
    --------
    >>> cue_name("SAMANTHA (V.O.)"), cue_name("THEODORE (CONT'D) ^"), cue_name("@McCLANE")
    ('SAMANTHA', 'THEODORE', 'McCLANE')
    >>> cue_name("CUT TO:"), cue_name("FADE OUT."), cue_name("#12#"), cue_name("1.")
    (None, None, None, None)
    """
    s = line.strip()
    forced = s.startswith("@")
    if forced:
        s = s[1:]
    s = s.rstrip("^").strip()
    name = _EXTENSION.sub("", s).strip()
    if not name or _SCENE_NUMBER.fullmatch(name) or not any(c.isalpha() for c in name):
        return None
    if forced:
        return name
    if name != name.upper() or _TRANSITION.match(name) or _SCENE.match(name + " "):
        return None
    if name.startswith(("!", ">", "=", "#", "~", "[[", ".")) or name.endswith(":"):
        return None
    return name


def _strip_markup(text: str) -> str:
    """Remove boneyard ``/* */`` and notes ``[[ ]]`` (they may span lines)."""
    text = re.sub(r"/\*.*?\*/", "", text, flags=re.S)
    return re.sub(r"\[\[.*?\]\]", "", text, flags=re.S)


def parse_fountain(text: str, source: str = "<fountain>") -> Script:
    """Parse a Fountain screenplay into a :class:`Script` of dialogue turns.

    Examples
    --------
    >>> s = parse_fountain("INT. KITCHEN - DAY #1#\\n\\nANN (V.O.)\\n(softly)\\nHi.\\n\\n"
    ...                    "CUT TO:\\n\\nEXT. GARDEN - NIGHT\\n\\nBOB\\nHello.\\n")
    >>> s.segments, [(t.segment, t.speakers, t.text) for t in s.turns]
    (('INT. KITCHEN - DAY', 'EXT. GARDEN - NIGHT'), [(0, ('Ann',), 'Hi.'), (1, ('Bob',), 'Hello.')])
    """
    lines = _strip_markup(text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")).split(
        "\n"
    )
    title = ""
    start = 0
    if lines and _TITLE_KEY.match(lines[0]):
        # The title page runs to the first blank line.
        while start < len(lines) and lines[start].strip():
            m = re.match(r"^Title\s*:\s*(.*)$", lines[start], re.I)
            if m and not title:
                title = m.group(1).strip() or (
                    lines[start + 1].strip() if start + 1 < len(lines) else ""
                )
            start += 1
    segments: list[str] = []
    turns: list[tuple[int, str, list[str]]] = []
    speaking = False
    for i in range(start, len(lines)):
        line = lines[i].rstrip()
        stripped = line.strip()
        before_blank = i == 0 or not lines[i - 1].strip()
        if not stripped:
            speaking = False
            continue
        if before_blank and (_SCENE.match(stripped) or re.match(r"^\.[A-Za-z0-9]", stripped)):
            heading = stripped[1:] if stripped.startswith(".") else stripped
            segments.append(_SCENE_NUMBER.sub("", heading).strip())
            speaking = False
            continue
        nxt = lines[i + 1].strip() if i + 1 < len(lines) else ""
        if before_blank and nxt and not speaking:
            name = cue_name(stripped)
            if name is not None:
                if not segments:
                    segments.append("(opening)")
                turns.append((len(segments) - 1, name, []))
                speaking = True
                continue
        if speaking and not (stripped.startswith("(") and stripped.endswith(")")):
            turns[-1][2].append(stripped)
    if not turns:
        raise InputError(f"{source}: no character cues found: not a screenplay")
    ids: dict[str, str] = {}
    roles: list[Role] = []
    out: list[Turn] = []
    for seg, name, speech in turns:
        key = name.upper()
        if key not in ids:
            ids[key] = _display(name)
            roles.append(Role(ids[key], ids[key]))
        out.append(Turn(seg, (ids[key],), " ".join(speech), name))
    return Script(title, tuple(roles), tuple(segments), tuple(out), "play", "segment", source)


def _display(name: str) -> str:
    """``"DR. SMITH"`` -> ``"Dr. Smith"``; a forced mixed-case name stays as written."""
    if name != name.upper():
        return name
    return " ".join(w[:1] + w[1:].lower() for w in name.split())
