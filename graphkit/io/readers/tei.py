"""TEI drama (DraCor, Folger): cast from ``particDesc``, scenes, speech turns.

Segments follow DraCor's rule (``dutil:get-segments`` in dracor-api): every
``div`` of the body that holds ``sp`` elements, and every ``div type="scene"``
that holds none (a dumb show); a body without ``div`` is one segment.  The
speakers of a turn are the ids in ``sp/@who``.  Parsing goes through
:mod:`defusedxml`, which refuses entity declarations (billion laughs) and
external references before any expansion happens.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections import Counter

from graphkit.errors import InputError
from graphkit.io.readers.base import Role, Script, Turn

__all__ = ["claims_xml", "looks_like_xml", "parse_tei"]

XML_ID = "{http://www.w3.org/XML/1998/namespace}id"


def looks_like_xml(head: str) -> bool:
    """Whether a text starts like an XML document (and not like an HTML page).

    Examples
    --------
    >>> looks_like_xml('<?xml version="1.0"?><TEI/>'), looks_like_xml("<!DOCTYPE html><html>")
    (True, False)
    """
    start = head.lstrip("\ufeff \t\r\n")
    if not start.startswith("<"):
        return False
    if re.match(r"<!doctype\s+html|<html\b", start, re.I):
        return False
    return bool(re.match(r"<\?xml|<!DOCTYPE|<!--|<TEI\b|<[A-Za-z_][\w.-]*[\s>/:]", start))


def claims_xml(head: str, suffix: str = "") -> bool:
    """Whether a file says it is XML: a declaration, a doctype, a ``<TEI>`` root, ``.xml``.

    Only then is a refusal by the TEI reader an error; a text that merely opens
    with a tag or a comment (``<p>Alice met Bob.</p>``) is read as prose instead.

    Examples
    --------
    >>> claims_xml('<?xml version="1.0"?><TEI/>'), claims_xml("<!-- hi --><TEI>")
    (True, True)
    >>> claims_xml("<p>Alice met Bob.</p>"), claims_xml("<!-- note -->Alice met Bob.")
    (False, False)
    >>> claims_xml("<note>Hi</note>", ".xml")
    True
    """
    if suffix.lower() in (".xml", ".tei"):
        return True
    start = re.sub(r"\A(?:\s|\ufeff|<!--.*?-->)*", "", head, flags=re.S)
    return bool(re.match(r"<\?xml|<!DOCTYPE\s+(?!html)|<TEI\b", start, re.I))


def _local(tag: object) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _text(el: ET.Element | None, skip: tuple[str, ...] = ()) -> str:
    """The whitespace-folded text of ``el`` without the subtrees named in ``skip``."""
    if el is None:
        return ""
    parts: list[str] = []
    # An explicit stack: a deeply nested file (200,000 <hi> in a line) must not hit the
    # recursion limit.  Entries are an element to open, or a tail to add after it.
    stack: list[ET.Element | str] = [el]
    while stack:
        e = stack.pop()
        if isinstance(e, str):
            parts.append(e)
            continue
        if _local(e.tag) in skip:
            continue
        if e.text:
            parts.append(e.text)
        for child in reversed(e):
            if child.tail:
                stack.append(child.tail)
            stack.append(child)
    return " ".join("".join(parts).split())


def _parse_xml(data: bytes, source: str) -> ET.Element:
    from defusedxml import DefusedXmlException
    from defusedxml.ElementTree import fromstring

    try:
        return fromstring(data, forbid_dtd=False, forbid_entities=True, forbid_external=True)
    except DefusedXmlException as exc:
        raise InputError(
            f"{source}: XML declares entities or external references ({type(exc).__name__}); "
            "refused as unsafe (possible entity-expansion attack)"
        ) from None
    except (LookupError, ValueError) as exc:  # encoding="x-bogus" in the declaration
        raise InputError(f"{source}: cannot decode XML ({exc})") from None
    except ET.ParseError as exc:
        line, column = getattr(exc, "position", (0, 0))
        raise InputError(
            f"{source}: not well-formed XML (line {line}, column {column + 1})"
        ) from None


def _find(el: ET.Element, name: str) -> ET.Element | None:
    return next((e for e in el.iter() if _local(e.tag) == name), None)


def parse_tei(data: bytes, source: str = "<tei>") -> Script:
    """Parse TEI drama into a :class:`Script` whose turns are the ``sp`` elements.

    Examples
    --------
    >>> tei = b'''<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><profileDesc><particDesc>
    ... <listPerson><person xml:id="a"><persName>Ann</persName></person>
    ... <person xml:id="b"><persName>Bob</persName></person></listPerson>
    ... </particDesc></profileDesc></teiHeader><text><body><div type="act"><head>ACT 1</head>
    ... <div type="scene"><head>Scene 1</head><sp who="#a"><speaker>ANN</speaker><l>Hi.</l></sp>
    ... <sp who="#b"><l>Hello.</l></sp></div></div></body></text></TEI>'''
    >>> s = parse_tei(tei)
    >>> s.segments, [(t.segment, t.speakers, t.text) for t in s.turns]
    (('ACT 1, Scene 1',), [(0, ('Ann',), 'Hi.'), (0, ('Bob',), 'Hello.')])
    >>> dict(s.roles[0].attrs)
    {'tei_id': 'a'}
    """
    root = _parse_xml(data, source)
    if _local(root.tag) not in ("TEI", "TEI.2", "teiCorpus"):
        raise InputError(f"{source}: XML but not TEI (root element <{_local(root.tag)}>)")
    body = _find(root, "body")
    if body is None:
        raise InputError(f"{source}: TEI without a <body>: no play text to read")
    title_stmt = _find(root, "titleStmt")
    title = _text(_find(root if title_stmt is None else title_stmt, "title"))

    segment_divs = _segment_divs(body)
    segments: list[str] = []
    raw_turns: list[tuple[int, list[str], str, str]] = []
    spoken_as: dict[str, Counter] = {}
    index_of = {id(d): i for i, d in enumerate(segment_divs)}
    parents = {id(c): p for p in body.iter() for c in p}  # once, not once per segment
    for div in segment_divs:
        segments.append(_segment_title(body, div, len(segments), parents))

    # Children in document order, depth first, with an explicit stack (no recursion limit).
    stack: list[tuple[ET.Element, int]] = [
        (child, index_of.get(id(child), 0 if not segment_divs else -1)) for child in reversed(body)
    ]
    while stack:
        child, seg = stack.pop()
        if _local(child.tag) == "sp":
            tag = _text(_first_child(child, "speaker"))
            who = [w.lstrip("#") for w in (child.get("who") or "").split() if len(w) > 1]
            if not who and tag:
                who = ["#speaker:" + tag]
            for w in who:
                spoken_as.setdefault(w, Counter())[tag] += 1
            text = _text(child, skip=("speaker", "stage", "note"))
            raw_turns.append((max(seg, 0), who, text, tag))
        else:
            stack.extend((c, index_of.get(id(c), seg)) for c in reversed(child))

    if not segments:
        segments = ["(whole play)"]
    if not raw_turns:
        raise InputError(f"{source}: TEI without speech turns (<sp>): not a play")

    roles = _roles(root, spoken_as)
    ids = {r.attrs[0][1] if r.attrs else r.id: r.id for r in roles}
    turns = tuple(
        Turn(seg, tuple(dict.fromkeys(ids[w] for w in who)), text, tag)
        for seg, who, text, tag in raw_turns
    )
    labels: dict[str, str] = {}
    for r in roles:  # (two persons may share an xml:id: the first one's name)
        labels.setdefault(dict(r.attrs).get("tei_id", r.id), r.label)
    personae = _cast_entries(root, labels)
    return Script(
        title, tuple(roles), tuple(segments), turns, "play", "segment", source, personae=personae
    )


_POSSESSIVE_PRONOUNS = frozenset(["his", "her", "their", "its"])


def _cast_entries(root: ET.Element, labels: dict[str, str]) -> tuple[str, ...]:
    """The ``castList`` as printed lines: role, then its ``roleDesc`` ("Montague, Romeo's father").

    A ``<rs ref="#id">his</rs>`` in a description names whom it refers to:
    it is written as that role's name in the possessive ("Romeo's father"),
    several refs as a list ("Romeo's, Montague's and Lady Montague's kinsman").
    """
    entries: list[str] = []
    for item in root.iter():
        if _local(item.tag) != "castItem":
            continue
        role_el, desc_el = _first_child(item, "role"), _first_child(item, "roleDesc")
        # (no <role>: the item's own text, "<castItem>Other Servingmen</castItem>")
        role = _text(role_el) if role_el is not None or desc_el is not None else _text(item)
        desc = _described(desc_el, labels) if desc_el is not None else ""
        entry = f"{role}, {desc}" if role and desc else role or desc
        if entry:
            entries.append(entry)
    return tuple(entries)


def _described(el: ET.Element, labels: dict[str, str]) -> str:
    parts = [el.text or ""]
    for child in el:
        if _local(child.tag) != "rs":  # "<hi><rs ref=...>his</rs></hi>": read inside
            parts.extend((_described(child, labels), child.tail or ""))
            continue
        refs = [labels.get(r.lstrip("#")) for r in (child.get("ref") or "").split()]
        names = [n for n in refs if n]
        said = _text(child)
        if names and said.lower() in _POSSESSIVE_PRONOUNS:
            owned = [f"{n}'s" for n in names]
            said = owned[0] if len(owned) == 1 else f"{', '.join(owned[:-1])} and {owned[-1]}"
        parts.extend((said, child.tail or ""))
    return " ".join("".join(parts).split())


def _first_child(el: ET.Element, name: str) -> ET.Element | None:
    return next((c for c in el if _local(c.tag) == name), None)


def _segment_divs(body: ET.Element) -> list[ET.Element]:
    """DraCor's segments: divs with ``sp`` children, and scenes without any ``sp``."""
    out = []
    for el in body.iter():
        if _local(el.tag) not in ("div", "div1", "div2"):
            continue
        has_sp = any(_local(c.tag) == "sp" for c in el)
        empty_scene = el.get("type") == "scene" and _find(el, "sp") is None
        if has_sp or empty_scene:
            out.append(el)
    return out


def _segment_title(
    body: ET.Element, div: ET.Element, index: int, parents: dict[int, ET.Element]
) -> str:
    """``"ACT 1, Scene 2"``: the heads of the div and of the divs around it."""
    heads = []
    el: ET.Element | None = div
    while el is not None and el is not body:
        head = _text(_first_child(el, "head"))
        if not head:
            kind, n = el.get("type", "").capitalize(), el.get("n", "")
            head = f"{kind} {n}".strip() if n.isdigit() else kind
        if head:
            heads.append(head)
        el = parents.get(id(el))
    return ", ".join(reversed(heads)) or f"Segment {index + 1}"


def _roles(root: ET.Element, spoken_as: dict[str, Counter]) -> list[Role]:
    """Roles from ``particDesc`` (persons and groups) plus speakers it does not list."""
    found: list[tuple[str, str]] = []  # (xml:id, label)
    partic = _find(root, "particDesc")
    for el in partic.iter() if partic is not None else ():
        if _local(el.tag) not in ("person", "personGrp"):
            continue
        tei_id = el.get(XML_ID) or el.get("id") or ""
        if not tei_id:
            continue
        # (ElementTree elements without children are falsy: test for None.)
        name_el = _first_child(el, "persName")
        if name_el is None:
            name_el = _first_child(el, "name")
        label = _text(name_el) or tei_id
        if label == tei_id and spoken_as.get(tei_id):
            # Placeholder names (an id repeated as the name): the speaker
            # heading the text prints is what readers know the role by.
            label = _display(spoken_as[tei_id].most_common(1)[0][0]) or label
        found.append((tei_id, label))
    listed = {i for i, _ in found}
    for who, tags in spoken_as.items():
        if who not in listed:
            tag = tags.most_common(1)[0][0]
            found.append((who, _display(tag) or who.removeprefix("#speaker:")))
    seen: Counter = Counter()
    roles = []
    for tei_id, label in found:
        seen[label] += 1
        node = label if seen[label] == 1 else f"{label} {seen[label]}"
        roles.append(Role(node, label, (), (("tei_id", tei_id),)))
    return roles


def _display(tag: str) -> str:
    """A printed speaker heading in reading case: ``"FIRST MUSICIAN"`` -> ``"First Musician"``."""
    tag = tag.strip().rstrip(".").strip()
    if tag.isupper():
        return " ".join(w[:1] + w[1:].lower() for w in tag.split())
    return tag
