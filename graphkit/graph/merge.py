"""Several texts, one graph: merge analyses or exported graph files.

Nodes with the same canonical name are one node; a name that is only an
alias in one text ("Coppola") joins the one node it is an alias of in
another ("Sofia Coppola").  Sentence indices are renumbered as if the texts
were read one after another (text 2's sentence 0 follows text 1's last), so
evidence stays a list of integers; every node and edge records the texts it
came from in ``sources``.  Conversation graphs (directed) merge into a
directed graph; their speech attributes add up (``quotes``, ``words_spoken``
on nodes, ``quotes``, ``inferred`` on edges) and an edge's ``quotations``
are renumbered like sentences (text 2's quotation 0 follows the last
quotation an edge of text 1 names).

Merging is idempotent: a graph whose content (name, nodes, edges and their
evidence) is already in the merge, directly or inside a merged graph's
``digests``, is skipped, so merging one text (same text, same options) twice
counts it once.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

import networkx as nx

from graphkit.model import (
    Character,
    Document,
    Evidence,
    Interaction,
    Result,
    Segment,
    Sentence,
)

__all__ = ["merge_graphs", "merge_analyses", "merge_files", "graph_digest", "distinct_sources"]

# One name typed differently in two texts takes the strongest kind: a group is the
# weakest (a family named in the plural in one book is a person's surname in another).
_KIND_RANK = {"work": 3, "person": 2, "character": 1, "group": 0}
# speech attributes (graphkit.graph.speech) summed over the texts
_NODE_SPEECH = ("quotes", "words_spoken")
_EDGE_SPEECH = ("quotes", "inferred")


def _split(value: object) -> list[str]:
    if isinstance(value, (list, tuple)):
        return [str(v) for v in value]
    return [v for v in str(value or "").split(";") if v]


def _ints(value: object) -> list[int]:
    return [int(v) for v in (value if isinstance(value, list) else _split(value))]


def _relation_evidence(value: object) -> dict[str, list[int]]:
    """``{"plays": [1, 4]}`` from itself or from its flat form ``"plays:1 4;friend:2"``."""
    if isinstance(value, dict):
        return {k: [int(s) for s in v] for k, v in value.items()}
    out = {}
    for item in _split(value):
        rtype, _, sentences = item.partition(":")
        out[rtype] = [int(s) for s in sentences.split()]
    return out


def _relations(value: object, u: str, v: str, types: Sequence[str]) -> list[dict[str, str]]:
    """Relation dicts from themselves or from their flat form ``"A plays B"``."""
    if isinstance(value, list) and all(isinstance(r, dict) for r in value):
        return [dict(r) for r in value]
    out = []
    for item in _split(value):
        for a, b in ((u, v), (v, u)):
            for t in types:
                if item == f"{a} {t} {b}":
                    out.append({"type": t, "source": a, "target": b})
    return out


def graph_digest(g: nx.Graph) -> str:
    """A digest of what a graph says: nodes with kind and mentions, edges with weight and evidence.

    The same text analysed with the same options gives the same digest, whether
    the graph comes from an analysis or was read back from any export format
    (the name is left out: GEXF does not keep it, and a copy of a text under
    another file name is still the same text).

    Examples
    --------
    >>> a = nx.Graph(name="t"); a.add_edge("Ann", "Bob", weight=2, evidence=[0, 3])
    >>> b = nx.Graph(name="u"); b.add_edge("Bob", "Ann", weight=2, evidence="0;3")
    >>> graph_digest(a) == graph_digest(b)
    True
    """
    nodes = sorted(
        (str(n), str(d.get("kind", "character")), int(float(d.get("mentions", 0) or 0)))
        for n, d in g.nodes(data=True)
    )
    edges = sorted(
        (
            *sorted((str(u), str(v))),
            int(float(d.get("weight", 0) or 0)),
            _ints(d.get("evidence", [])),
        )
        for u, v, d in g.edges(data=True)
    )
    payload = json.dumps([nodes, edges], ensure_ascii=False)
    return hashlib.sha1(payload.encode("utf-8")).hexdigest()[:16]


def _digests(g: nx.Graph) -> set[str]:
    """The sources a graph holds: a merged graph's ``digests``, or its own."""
    return set(_split(g.graph.get("digests", []))) or {graph_digest(g)}


def distinct_sources(graphs: Sequence[nx.Graph]) -> list[int]:
    """The indices of the graphs to merge: each one not already held by an earlier one.

    Examples
    --------
    >>> a = nx.Graph(name="a"); a.add_edge("Ann", "Bob", weight=1, evidence=[0])
    >>> b = nx.Graph(name="b"); b.add_edge("Cy", "Dee", weight=1, evidence=[0])
    >>> distinct_sources([a, b, a, a])
    [0, 1]
    """
    held: set[str] = set()
    keep = []
    for i, g in enumerate(graphs):
        digests = _digests(g)
        if not digests <= held:
            keep.append(i)
            held |= digests
    return keep


def _canonical(graphs: Sequence[nx.Graph]) -> list[dict[str, str]]:
    """Per graph, a map of node ids that are another graph's alias to that graph's id."""
    ids = {n for g in graphs for n in g}
    owners: dict[str, set[str]] = {}
    for g in graphs:
        for n, d in g.nodes(data=True):
            for alias in _split(d.get("aliases", [])):
                owners.setdefault(alias, set()).add(n)
    maps = []
    for g in graphs:
        m = {}
        for n in g:
            own = owners.get(n, set()) - {n}
            if len(own) == 1 and all(n not in other for other in graphs if other is not g):
                target = next(iter(own))
                if target in ids:
                    m[n] = target
        maps.append(m)
    return maps


def merge_graphs(graphs: Sequence[nx.Graph], names: Sequence[str] | None = None) -> nx.Graph:
    """One graph from several: nodes joined by canonical name, evidence renumbered, ``sources`` added.

    Examples
    --------
    >>> a = nx.Graph(name="her", sentences=3)
    >>> a.add_node("Scarlett Johansson", kind="person", aliases=["Johansson"], mentions=2)
    >>> a.add_edge("Scarlett Johansson", "Samantha", weight=1, evidence=[2],
    ...            relations=[{"type": "plays", "source": "Scarlett Johansson", "target": "Samantha"}],
    ...            relation_evidence={"plays": [2]})
    >>> b = nx.Graph(name="lit", sentences=5)
    >>> b.add_edge("Johansson", "Charlotte", weight=1, evidence=[0], relations=[],
    ...            relation_evidence={})
    >>> g = merge_graphs([a, b])
    >>> sorted(g["Scarlett Johansson"]), g.nodes["Scarlett Johansson"]["sources"]
    (['Charlotte', 'Samantha'], ['her', 'lit'])
    >>> g.edges["Scarlett Johansson", "Charlotte"]["evidence"]
    [3]
    """
    names = list(
        names or [str(g.graph.get("name") or f"graph{i + 1}") for i, g in enumerate(graphs)]
    )
    keep = distinct_sources(graphs)
    graphs, names = [graphs[i] for i in keep], [names[i] for i in keep]
    maps = _canonical(graphs)
    digests = sorted(set().union(*(_digests(g) for g in graphs))) if graphs else []
    # conversation graphs (speaker -> addressee) stay directed when all of them are
    kind = nx.DiGraph if graphs and all(g.is_directed() for g in graphs) else nx.Graph
    out = kind(name=" + ".join(names), sources=names, digests=digests)
    offset = q_offset = 0
    offsets = []
    for g, name, rename in zip(graphs, names, maps):
        offsets.append(offset)
        for n, d in g.nodes(data=True):
            node = rename.get(n, n)
            cur = out.nodes[node] if node in out else None
            if cur is None:
                out.add_node(node, label=node, kind=d.get("kind", "character"), aliases=[],
                             mentions=0, first_seen=d.get("first_seen", -1), work=d.get("work", ""),
                             sources=[])  # fmt: skip
                cur = out.nodes[node]
            kind = d.get("kind", "character")
            if _KIND_RANK.get(kind, 0) > _KIND_RANK.get(cur["kind"], 0):
                cur["kind"] = kind
            aliases = set(cur["aliases"]) | set(_split(d.get("aliases", []))) | {n}
            cur["aliases"] = sorted(aliases - {node})
            cur["mentions"] += int(d.get("mentions", 0) or 0)
            cur["work"] = cur["work"] or d.get("work", "")
            if name not in cur["sources"]:
                cur["sources"].append(name)
            for key in _NODE_SPEECH:
                if key in d:
                    cur[key] = cur.get(key, 0) + int(float(d[key] or 0))
        top = q_top = -1
        for u, v, d in g.edges(data=True):
            a, b = rename.get(u, u), rename.get(v, v)
            if a == b:
                continue
            if not out.has_edge(a, b):
                out.add_edge(a, b, weight=0, evidence=[], relations=[], relation_evidence={},
                             sources=[])  # fmt: skip
            e = out.edges[a, b]
            evidence = _ints(d.get("evidence", []))
            by_type = _relation_evidence(d.get("relation_evidence", {}))
            top = max([top, *evidence, *(s for ss in by_type.values() for s in ss)])
            e["weight"] += int(float(d.get("weight", len(evidence)) or 0))
            e["evidence"] = sorted(set(e["evidence"]) | {s + offset for s in evidence})
            for rel in _relations(d.get("relations", []), u, v, list(by_type)):
                rel = {**rel, "source": rename.get(rel["source"], rel["source"]),
                       "target": rename.get(rel["target"], rel["target"])}  # fmt: skip
                if rel not in e["relations"]:
                    e["relations"].append(rel)
            for rtype, sentences in by_type.items():
                merged = set(e["relation_evidence"].get(rtype, [])) | {
                    s + offset for s in sentences
                }
                e["relation_evidence"][rtype] = sorted(merged)
            if name not in e["sources"]:
                e["sources"].append(name)
            for key in _EDGE_SPEECH:
                if key in d:
                    e[key] = e.get(key, 0) + int(float(d[key] or 0))
            if "quotations" in d:
                quotations = _ints(d["quotations"])
                q_top = max([q_top, *quotations])
                e["quotations"] = sorted(
                    set(e.get("quotations", [])) | {k + q_offset for k in quotations}
                )
        offset += int(g.graph.get("sentences") or top + 1)
        q_offset += q_top + 1
    out.graph["sentences"] = offset
    out.graph["source_offsets"] = offsets
    return out


def _combine_documents(docs: Sequence[Document], names: Sequence[str]) -> Document:
    """One document holding the texts one after another, a segment per text."""
    text_parts, paragraphs, sentences, segments = [], [], [], []
    start = 0
    for doc, name in zip(docs, names):
        p0, s0 = len(paragraphs), len(sentences)
        paragraphs += [replace(p, index=p.index + p0, start=p.start + start, end=p.end + start)
                       for p in doc.paragraphs]  # fmt: skip
        sentences += [
            Sentence(s.index + s0, s.start + start, s.end + start, s.paragraph + p0, len(segments))
            for s in doc.sentences
        ]
        segments.append(Segment(len(segments), name, start, start + len(doc.text)))
        text_parts.append(doc.text)
        start += len(doc.text) + 2
    text = "\n\n".join(text_parts)
    return Document(
        text=text,
        paragraphs=tuple(paragraphs),
        sentences=tuple(sentences),
        segments=tuple(segments),
        raw=text,
        source=" + ".join(names),
        titles=tuple(dict.fromkeys(t for d in docs for t in d.titles)),
    )


def merge_analyses(analyses: Sequence[Result], name: str | None = None) -> Result:
    """One result of several texts (see :func:`merge_graphs`), of the same class as the inputs.

    Mentions, relations and interactions are renumbered into the combined
    document, so ``until(n)`` and evidence work on the merged result too.
    """
    analyses = [analyses[i] for i in distinct_sources([a.graph for a in analyses])]
    names = [a.name for a in analyses]
    graph = merge_graphs([a.graph for a in analyses], names)
    maps = _canonical([a.graph for a in analyses])
    doc = _combine_documents([a.document for a in analyses], names)
    directed = graph.is_directed()
    mentions, relations, chars = [], [], {}
    evidence: dict[tuple[str, str], list[Evidence]] = {}
    for a, rename, off, p0 in zip(analyses, maps, graph.graph["source_offsets"],
                                  _starts([a.document for a in analyses])):  # fmt: skip
        for m in a.mentions:
            mentions.append(replace(m, start=m.start + p0, end=m.end + p0, sentence=m.sentence + off,
                                    character=rename.get(m.character, m.character)))  # fmt: skip
        for r in a.relations:
            relations.append(replace(r, source=rename.get(r.source, r.source),
                                     target=rename.get(r.target, r.target), sentence=r.sentence + off))  # fmt: skip
        for i in a.interactions:
            u, v = rename.get(i.source, i.source), rename.get(i.target, i.target)
            if u == v:
                continue
            key = (u, v) if directed else tuple(sorted((u, v)))
            evidence.setdefault(key, []).extend(
                Evidence(e.sentence + off, e.start + p0, e.end + p0) for e in i.evidence
            )
    for n, d in graph.nodes(data=True):
        chars[n] = Character(n, d["label"], d["kind"], tuple(d["aliases"]), d["mentions"],
                             int(d.get("first_seen", -1) or -1), d.get("work") or None)  # fmt: skip
    graph.graph["name"] = name or graph.graph["name"]
    interactions = tuple(
        Interaction(u, v, len(ev), tuple(ev)) for (u, v), ev in sorted(evidence.items())
    )
    cls = type(analyses[0]) if analyses else Result
    return cls(
        document=doc,
        mentions=tuple(mentions),
        character_list=tuple(sorted(chars.values(), key=lambda c: (-c.mentions, c.id))),
        interactions=interactions,
        relations=tuple(relations),
        graph=graph,
        window=analyses[0].window if analyses else "sentence",
        cast_source=";".join(a.cast_source for a in analyses if a.cast_source) or None,
        name=graph.graph["name"],
    )


def _starts(docs: Sequence[Document]) -> list[int]:
    out, start = [], 0
    for d in docs:
        out.append(start)
        start += len(d.text) + 2
    return out


def merge_files(paths: Sequence[str | os.PathLike], output: str | os.PathLike) -> nx.Graph:
    """Merge exported graph files into ``output`` (its format from its suffix)."""
    from graphkit.errors import OutputError
    from graphkit.exporters import GRAPH_FORMATS, read_graph, write_atomic

    exporter = GRAPH_FORMATS.get(Path(output).suffix.lower())
    if exporter is None or exporter.graph is None:
        raise OutputError(f"{output}: unknown graph format (use .graphml, .gexf or .json)")
    graphs = [read_graph(p) for p in paths]
    names = [str(g.graph.get("name") or Path(p).stem) for g, p in zip(graphs, paths)]
    if len(set(names)) < len(names):
        names = [Path(p).stem for p in paths]
    merged = merge_graphs(graphs, names)
    write_atomic(output, exporter.graph(merged))
    return merged
