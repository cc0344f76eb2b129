"""Plain-text plays (Project Gutenberg style): headings, speaker prefixes, dramatis personae.

What the reader understands:

* ``ACT I`` / ``SCENE II. A street.`` / ``THE PROLOGUE`` / ``Act 3, Scene 1``
  headings.  A scene heading opens a segment; an act heading opens one only
  when speech follows before the first scene (a chorus between acts).
  Segments before the first speech (a table of contents) are dropped.
* speakers: a capitalised name alone on a line (``ROMEO.`` or ``ROMEO``), or
  before the speech on the same line (``ROMEO. But soft!``,
  ``Rom. But soft!``, ``1 CIT. Peace!``).  Abbreviations are mapped to the
  full names of the dramatis personae or of other speaker prefixes when
  exactly one name fits.
* stage directions (``[Exit.]``, ``_Aside._``, indented ``Enter ...`` lines)
  are never speakers; collective prefixes (``ALL.``, ``BOTH.``) are skipped.
* a Project Gutenberg header and licence are ignored.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace

from graphkit.errors import InputError
from graphkit.io.readers.base import Role, Script, Turn

__all__ = ["looks_like_play", "parse_play", "expand_abbreviation"]

_ROMAN = r"[IVXLC]+|\d+"
_ACT = re.compile(rf"^\s*ACT\s+({_ROMAN}|[A-Z]+)\b[.:]?(?P<rest>.*)$", re.I)
_SCENE = re.compile(rf"^\s*SCENE\s+({_ROMAN})\b[.:]?(?P<rest>.*)$", re.I)
_PROLOGUE = re.compile(r"^\s*(?:THE\s+)?(PROLOGUE|EPILOGUE|INDUCTION)\.?\s*$", re.I)
_PERSONAE = re.compile(
    r"^\s*(DRAMATIS\s+PERSON(AE|Æ|E)|PERSONS\s+(OF\s+THE\s+PLAY|REPRESENTED)|"
    r"CHARACTERS(\s+IN\s+THE\s+PLAY)?|THE\s+CHARACTERS|CAST)\.?:?\s*$",
    re.I,
)
_UPPER_WORD = r"[A-Z][A-Z'’\-]*\.?"
# "ROMEO." / "FRIAR LAWRENCE." / "LA. CAP." / "1 CIT." / "CAPULET’S COUSIN." then maybe speech.
_CAPS_SPEAKER = re.compile(
    rf"^(?P<tag>(?:[1-3](?:\.|st|nd|rd)?\s*)?{_UPPER_WORD}(?:\s+(?:of|the|de|{_UPPER_WORD}))*?)"
    rf"(?:\.|:)(?:\s+(?P<rest>\S.*))?$"
)
# "ROMEO" alone on a line (no full stop): the bare-name style.
_BARE_SPEAKER = re.compile(rf"^(?P<tag>{_UPPER_WORD}(?:\s+{_UPPER_WORD}){{0,3}})\s*$")
# "Rom. But soft!" / "1. Cit. Peace!" / "La. Cap. Madam": abbreviated mixed-case prefixes.
_MIXED_SPEAKER = re.compile(
    r"^(?P<tag>(?:[1-3]\.?\s*)?[A-Z][a-z'’]+\.(?:\s*[A-Z][a-z'’]+\.)?)\s+(?P<rest>\S.*)$"
)
_COLLECTIVE = {"ALL", "BOTH", "OMNES", "SEVERAL", "OTHERS", "ANOTHER", "SOME", "MANY"}
_STAGE_WORDS = {"ENTER", "EXIT", "EXEUNT", "MANET", "MANENT", "RE-ENTER", "FLOURISH", "ALARUM"}
_NOT_SPEAKERS = {"ACT", "SCENE", "THE", "END", "FINIS", "CONTENTS", "PROLOGUE", "EPILOGUE"}
_ORDINALS = {"1": "FIRST", "2": "SECOND", "3": "THIRD"}
_ORDINAL_WORDS = {"FIRST", "SECOND", "THIRD", "FOURTH", "FIFTH", "1", "2", "3"}
_GUTENBERG = re.compile(
    r"^(?:\*\*\* ?(START|END) OF (?:THE|THIS) PROJECT GUTENBERG|(END) OF (?:THE )?PROJECT GUTENBERG)",
    re.I,
)


def looks_like_play(text: str) -> bool:
    """Whether ``text`` reads as a play: act or scene headings and many speaker prefixes.

    Examples
    --------
    >>> looks_like_play("ACT I\\n\\nSCENE I. A room.\\n\\n" + "ANN.\\nHi.\\n\\nBOB.\\nHo.\\n\\n" * 6)
    True
    >>> looks_like_play("CHAPTER I\\n\\nAnn met Bob.\\n")
    False
    """
    lines = text.splitlines()
    headings = sum(1 for ln in lines if _ACT.match(ln) or _SCENE.match(ln))
    speakers = sum(1 for ln in lines if _speaker_line(ln) is not None)
    return headings >= 2 and speakers >= 10 and speakers >= 0.02 * len(lines)


def _speaker_line(line: str) -> tuple[str, str] | None:
    """``(tag, rest of line)`` when ``line`` starts with a capitalised speaker prefix."""
    if not line or line[0].isspace():
        return None
    m = _CAPS_SPEAKER.match(line.rstrip())
    if not m:
        return None
    tag = _norm_tag(m.group("tag"))
    words = tag.split()
    if not words or words[0] in _STAGE_WORDS or words[0] in _NOT_SPEAKERS:
        return None
    if len(tag.replace(" ", "")) < 2 or not any(c.isalpha() for c in tag):
        return None
    return tag, (m.group("rest") or "")


def _norm_tag(tag: str) -> str:
    """``"La. Cap."`` -> ``"LA CAP"``; ``"1st Cit"`` -> ``"1 CIT"``."""
    tag = re.sub(r"^([1-3])(?:st|nd|rd)?\.?\s*", r"\1 ", tag.strip())
    return " ".join(w.strip(".").upper() for w in tag.split() if w.strip("."))


def expand_abbreviation(tag: str, names: list[str]) -> str:
    """The one name of ``names`` that ``tag`` abbreviates word by word, else ``tag``.

    An abbreviation has as many words as the name, each a prefix of the
    name's word (a digit stands for an ordinal), and is shorter somewhere.

    Examples
    --------
    >>> names = ["ROMEO", "LADY CAPULET", "CAPULET", "FIRST CITIZEN", "FRIAR LAWRENCE"]
    >>> [expand_abbreviation(t, names) for t in ["ROM", "LA CAP", "1 CIT", "CAP", "FRI L", "ROMEO"]]
    ['ROMEO', 'LADY CAPULET', 'FIRST CITIZEN', 'CAPULET', 'FRIAR LAWRENCE', 'ROMEO']
    >>> expand_abbreviation("CAPULET", ["CAPULET'S COUSIN"]), expand_abbreviation("FRI", names)
    ('CAPULET', 'FRI')
    """
    if tag in names:
        return tag
    words = [_ORDINALS.get(w, w) for w in tag.split()]
    fits = [
        name
        for name in names
        if len(name.split()) == len(words)
        and all(p.startswith(w) for w, p in zip(words, name.split(), strict=True))
    ]
    return fits[0] if len(fits) == 1 else tag


def _display(tag: str) -> str:
    return " ".join(w[:1] + w[1:].lower() for w in tag.split())


def _personae(lines: list[str]) -> tuple[list[str], set[int], dict[str, str], list[str]]:
    """Names of the dramatis personae, the line numbers of that list, titles, and the entries.

    ``titles`` maps the first word of a description to its name when only
    one entry has it: ``"ESCALUS, Prince of Verona."`` gives ``PRINCE -> ESCALUS``,
    since the text may head Escalus's speeches ``PRINCE.``.  ``entries`` are
    the list's lines as printed, white space collapsed ("JULIET, daughter to Capulet.").
    """
    names: list[str] = []
    entries: list[str] = []
    used: set[int] = set()
    title_words: dict[str, list[str]] = {}
    for i, line in enumerate(lines):
        if not _PERSONAE.match(line):
            continue
        blank_run = 0
        for j in range(i + 1, len(lines)):
            entry = lines[j].strip()
            if _ACT.match(entry) or _SCENE.match(entry) or _PROLOGUE.match(entry):
                break
            if not entry:
                blank_run += 1
                if blank_run >= 3 and names:
                    break
                continue
            blank_run = 0
            used.add(j)
            # a line going on in lower case: "ORSO, kinsman to the Duke, and\n  friend to Lucio."
            if entries and entry[0].islower():
                entries[-1] += " " + " ".join(entry.split())
                continue
            entries.append(" ".join(entry.split()))
            m = re.match(rf"^((?:{_UPPER_WORD}\s*)+)(?=[,.\s]|$)", entry)
            if m and len(m.group(1).strip(" .")) >= 2:
                names.append(_norm_tag(m.group(1)))
                after = entry[m.end() :].lstrip(" ,")
                word = re.match(r"(?:an?\s+|the\s+)?([A-Z][a-z]+)\b", after)
                if word:
                    title_words.setdefault(word.group(1).upper(), []).append(names[-1])
            else:
                head = re.split(r"[,.;]", entry, maxsplit=1)[0].strip()
                if head and len(head.split()) <= 3 and all(w[0].isupper() for w in head.split()):
                    names.append(_norm_tag(head))
        used.add(i)
        break
    names = [n for n in dict.fromkeys(names) if n and n.split()[0] not in _NOT_SPEAKERS]
    titles = {w: ns[0] for w, ns in title_words.items() if len(ns) == 1 and w not in names}
    return names, used, titles, entries


def _body(text: str) -> list[str]:
    """The lines of ``text`` between Project Gutenberg's START and END markers, if any."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    start, end = 0, len(lines)
    for i, line in enumerate(lines):
        m = _GUTENBERG.match(line)
        if m and (m.group(1) or "").upper() == "START":
            start = i + 1
        elif m:
            end = i
            break
    return lines[start:end]


def parse_play(text: str, source: str = "<play>") -> Script:
    """Parse a plain-text play into a :class:`Script` of speech turns.

    Examples
    --------
    >>> play = "ACT I\\n\\nSCENE I. A street.\\n\\nANN.\\nGood day.\\n\\nBOB.\\nAnd to you.\\n\\n" \\
    ...        "SCENE II. A room.\\n\\n[Enter Ann.]\\n\\nANN.\\nAlone.\\n"
    >>> s = parse_play(play)
    >>> s.segments, [(t.segment, t.speakers, t.text) for t in s.turns]
    (('ACT I, SCENE I. A street.', 'ACT I, SCENE II. A room.'), [(0, ('Ann',), 'Good day.'), (0, ('Bob',), 'And to you.'), (1, ('Ann',), 'Alone.')])
    """
    lines = _body(text)
    personae, skip, titles, entries = _personae(lines)
    known = set(personae)
    # First pass: candidate prefixes and how often each occurs.
    caps_counts: Counter = Counter()
    bare_counts: Counter = Counter()
    mixed_counts: Counter = Counter()
    for i, line in enumerate(lines):
        if i in skip:
            continue
        hit = _speaker_line(line)
        if hit:
            caps_counts[hit[0]] += 1
        elif _BARE_SPEAKER.match(line) and not (_ACT.match(line) or _SCENE.match(line)):
            bare_counts[_norm_tag(line)] += 1
        else:
            m = _MIXED_SPEAKER.match(line)
            if m:
                mixed_counts[_norm_tag(m.group("tag"))] += 1

    recurring = {t for t, c in caps_counts.items() if c >= 2}
    numbered = {t.split(" ", 1)[1] for t in recurring | known if t.split()[0] in _ORDINAL_WORDS}

    def accepted(tag: str, count: int, alone: bool = True) -> bool:
        # A prefix alone on its line is a speaker from its first use; one
        # followed by speech must be in the personae, recur, or be a numbered
        # member of a group already speaking ("THIRD WATCH" after "FIRST WATCH").
        if alone or count >= 2 or expand_abbreviation(tag, personae) in known:
            return True
        parts = tag.split(" ", 1)
        return len(parts) == 2 and parts[0] in _ORDINAL_WORDS and parts[1] in numbered

    # Names an abbreviation may stand for: the personae, then prefixes that are
    # not themselves abbreviations of a persona ("ROMEO", not "ROM").
    full_names = list(personae) + [
        t
        for t, c in caps_counts.most_common()
        if accepted(t, c, False) and expand_abbreviation(t, personae) == t
    ]
    full_names = list(dict.fromkeys(full_names))
    bare_ok = {
        t
        for t, c in bare_counts.items()
        if (t in known or c >= 3) and t.split()[0] not in _NOT_SPEAKERS
    }
    mixed_ok = {
        t
        for t, c in mixed_counts.items()
        if t.split()[-1] not in _STAGE_WORDS
        and (expand_abbreviation(t, personae) in known if personae else c >= 3)
    }

    segments: list[str] = []
    turns: list[tuple[int, str, list[str]]] = []  # (segment, tag, speech lines)
    act = ""
    pending_act: str | None = None
    in_bracket = False
    for i, raw in enumerate(lines):
        line = raw.rstrip()
        if i in skip:
            continue
        if in_bracket:
            in_bracket = "]" not in line
            continue
        stripped = line.strip()
        if stripped.startswith("[") and "]" not in stripped:
            in_bracket = True
            continue
        m_act, m_scene, m_pro = _ACT.match(line), _SCENE.match(line), _PROLOGUE.match(line)
        if m_act and not m_act.group("rest").strip(" .") and not _SCENE.search(line[3:]):
            act = " ".join(stripped.rstrip(".").split())
            pending_act = act
            continue
        if m_act or m_scene or m_pro:
            title = " ".join(stripped.split())
            if m_act:  # "ACT I. SCENE 1. Verona." opens both
                act = "ACT " + m_act.group(1)
                title = title
            elif act and m_scene:
                title = f"{act}, {title}"
            segments.append(title)
            pending_act = None
            continue
        tag, rest = None, ""
        hit = _speaker_line(line)
        if hit and accepted(hit[0], caps_counts[hit[0]], not hit[1]):
            tag, rest = hit
        elif _norm_tag(stripped) in bare_ok and stripped == line:
            tag = _norm_tag(stripped)
        else:
            m = _MIXED_SPEAKER.match(line)
            if m and _norm_tag(m.group("tag")) in mixed_ok:
                tag, rest = _norm_tag(m.group("tag")), m.group("rest")
        if tag is not None:
            if pending_act is not None:
                segments.append(pending_act)
                pending_act = None
            if not segments:
                segments.append("(opening)")
            turns.append((len(segments) - 1, tag, [rest] if rest else []))
            continue
        if turns and turns[-1][0] == len(segments) - 1 and stripped:
            if line[0].isspace() and re.match(r"\s*(Enter|Exit|Exeunt|Re-enter)\b", line):
                continue  # an indented stage direction between speeches
            turns[-1][2].append(stripped)
    if not turns:
        raise InputError(
            f"{source}: no speaker prefixes found: not a play (try --input-format text)"
        )
    spoken = [seg for seg, _, speech in turns if any(speech)]
    if not spoken:
        raise InputError(f"{source}: speaker prefixes but no speech: not a play")
    # Headings before the first real speech are a table of contents: drop them.
    first = spoken[0]
    turns = [t for t in turns if t[0] >= first]
    script = _script(segments[first:], turns, first, full_names, titles, source, text)
    return replace(script, personae=tuple(entries))


def _script(segments, turns, first, full_names, titles, source, whole) -> Script:
    ids: dict[str, str] = {}
    roles: list[Role] = []
    out: list[Turn] = []
    aliases: dict[str, set[str]] = {}
    for seg, tag, speech in turns:
        if tag.split()[0] in _COLLECTIVE:
            continue
        full = expand_abbreviation(tag, full_names)
        full = titles.get(full, full)
        if full not in ids:
            ids[full] = _display(full)
            roles.append(Role(ids[full], ids[full]))
        if full != tag:
            aliases.setdefault(full, set()).add(tag)
        said = " ".join(re.sub(r"\[[^\]]*\]|_[^_]*_", " ", " ".join(speech)).split())
        out.append(Turn(seg - first, (ids[full],), said, tag))
    roles = [
        Role(r.id, r.label, tuple(sorted(_display(a) for a in aliases.get(r.id.upper(), ()))))
        for r in roles
    ]
    m = re.search(r"^Title:[ \t]*(.+?)\s*$", whole[:5000], re.M)
    title = m.group(1).strip() if m else ""
    return Script(title, tuple(roles), tuple(segments), tuple(out), "play", "segment", source)
