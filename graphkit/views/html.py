"""The interactive view: one self-contained HTML page per graph (``network.html``).

The page is built from a template (``graphkit/data/view.html.tmpl``: HTML,
CSS and the view's JavaScript), the graph as JSON and a vendored copy of
cytoscape.js (``graphkit/data/vendor/``), all inlined, so it opens from disk
with no network and makes no request.

Why cytoscape.js: one dependency-free file (sigma.js needs graphology and a
bundler), drawn on a 2D canvas, so it works without WebGL (a headless
browser, a virtual machine, an old laptop; sigma.js needs WebGL), it takes
preset positions as they are (vis-network starts a physics simulation and
weighs twice as much), it shows 500 nodes and 1,700 edges smoothly, and its
licence is MIT, like graphkit's.

Positions are computed in Python with the seeded layout of ``network.png``
(:func:`graphkit.views.layout.layout_all`), so the same analysis always gives the
same page, byte for byte: keys are sorted, floats rounded, nothing depends on
the clock.  Every evidence sentence is stored once and referenced by index;
edges carry the segment of each unit of their weight, so the page recomputes
the graph of segments ``1..N`` (:meth:`graphkit.analysis.Analysis.until`) by
itself.  Names and sentences travel only inside a
``<script type="application/json">`` with ``<``, ``>``, ``&``, U+2028 and
U+2029 escaped, and the page writes them with ``textContent``, never as HTML.
"""

from __future__ import annotations

import bisect
import html
import json
import math
import re
from collections import defaultdict
from importlib import resources
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from graphkit.model import Document, Mention

__all__ = ["render_html", "script_json", "srcdoc_iframe", "view_data"]

_PLACEHOLDER = re.compile(r"@@(TITLE|LIBRARY|DATA)@@")


def script_json(data: object) -> str:
    """``data`` as JSON that is safe inside ``<script type="application/json">``.

    Keys are sorted and the output is compact, so equal data give equal text.

    Examples
    --------
    >>> script_json({"b": "</script>", "a": "x & y\\u2028"})
    '{"a":"x \\\\u0026 y\\\\u2028","b":"\\\\u003c/script\\\\u003e"}'
    >>> import json; json.loads(script_json({"n": "<&>"}))
    {'n': '<&>'}
    """
    text = json.dumps(
        data, ensure_ascii=False, sort_keys=True, separators=(",", ":"), allow_nan=False
    )
    for char, escaped in (
        ("&", "\\u0026"),
        ("<", "\\u003c"),
        (">", "\\u003e"),
        ("\u2028", "\\u2028"),
        ("\u2029", "\\u2029"),
    ):
        text = text.replace(char, escaped)
    return text


def _fold_marks(raw: str, spans: list[tuple[int, int, int]]) -> tuple[str, list[int]]:
    """Fold the whitespace of ``raw`` like ``Document.sentence_text``; move ``spans`` along.

    ``spans`` are ``(start, end, node)`` offsets into ``raw``; the result holds
    the folded text and the spans as a flat list ``[start, end, node, ...]``.

    Examples
    --------
    >>> _fold_marks("  Ann\\n  met Bob.", [(2, 5, 0), (12, 15, 1)])
    ('Ann met Bob.', [0, 3, 0, 8, 11, 1])
    """
    tokens = list(re.finditer(r"\S+", raw))
    raw_starts, out_starts, out = [], [], 0
    for t in tokens:
        raw_starts.append(t.start())
        out_starts.append(out)
        out += len(t.group()) + 1
    folded = " ".join(t.group() for t in tokens)

    def where(i: int) -> int:
        k = max(bisect.bisect_right(raw_starts, i) - 1, 0)
        return out_starts[k] + min(i - raw_starts[k], len(tokens[k].group()))

    marks: list[int] = []
    for start, end, node in sorted(spans):
        if tokens and start < end:
            a, b = where(start), where(end - 1) + 1
            if 0 <= a < b <= len(folded):
                marks.extend((a, b, node))
    return folded, marks


def _sentence_marks(
    doc: Document, wanted: list[int], mentions: tuple[Mention, ...], index: dict[str, int]
) -> tuple[list[str], list[list[int]]]:
    """Texts of the ``wanted`` sentences and the name spans (by node index) inside each."""
    spans: dict[int, list[tuple[int, int, int]]] = defaultdict(list)
    keep = set(wanted)
    for m in mentions:
        if m.sentence in keep and m.character in index:
            s = doc.sentences[m.sentence]
            if s.start <= m.start < m.end <= s.end:
                spans[m.sentence].append((m.start - s.start, m.end - s.start, index[m.character]))
    texts, marks = [], []
    for i in wanted:
        s = doc.sentences[i]
        folded, found = _fold_marks(doc.text[s.start : s.end], spans.get(i, []))
        expected = doc.sentence_text(i)
        texts.append(expected)
        marks.append(found if folded == expected else [])
    return texts, marks


def _weight_steps(data: dict, seg: list[int]) -> list[int]:
    """The segment of each unit of an edge's weight, sorted (the weight of ``1..N`` counts those < N)."""
    weight = int(data.get("weight", 0) or 0)
    evidence = data.get("evidence") or []
    segments = data.get("segments") or []
    if len(evidence) == weight:
        return sorted(seg[s] for s in evidence)
    if len(segments) == weight:
        return sorted(segments)
    return [min(segments, default=0)] * weight


def view_data(analysis: Any, top: int = 40) -> dict:
    """The page's data: nodes with positions and metrics, edges, sentences, segments.

    Examples
    --------
    >>> import graphkit
    >>> a = graphkit.analyze_text("Ann met Bob. Bob met Cy. Ann saw Cy and Bob.")
    >>> d = view_data(a)
    >>> sorted(n["label"] for n in d["nodes"]), len(d["edges"]), len(d["sentences"])
    (['Ann', 'Bob', 'Cy'], 3, 3)
    """
    from graphkit.graph.ops import undirected
    from graphkit.graph.timeline import sentence_segments
    from graphkit.views.layout import layout_all
    from graphkit.views.network import relation_style
    from graphkit.views.style import KIND_COLOURS, KIND_NAMES, OTHER_COLOUR, tone_colour

    g = undirected(analysis.graph)
    doc = analysis.document
    seg = sentence_segments(doc)
    metrics = {row["id"]: row for row in analysis.metrics.to_dict("records")}
    scores = {n: float(metrics[n]["pagerank"]) if n in metrics else 0.0 for n in g}
    pos = layout_all(g, scores, top=top)
    ids = sorted(g)
    index = {n: i for i, n in enumerate(ids)}
    scale = max(300.0, 90.0 * math.sqrt(len(ids)))
    top_score = max(scores.values(), default=0.0) or 1.0
    # Beyond the nodes of network.png, discs shrink so that a crowded centre stays legible.
    unit = scale * min(1.0, (top / max(len(ids), 1)) ** 0.35)

    referenced: set[int] = set()
    for _, _, d in g.edges(data=True):
        referenced.update(d.get("evidence") or [])
        for sentences in (d.get("relation_evidence") or {}).values():
            referenced.update(sentences)
    wanted = sorted(referenced)
    ref = {s: k for k, s in enumerate(wanted)}
    texts, marks = _sentence_marks(doc, wanted, analysis.mentions, index)

    nodes = []
    for n in ids:
        d, m = g.nodes[n], metrics.get(n, {})
        x, y = pos.get(n, (0.0, 0.0))
        nodes.append(
            {
                "id": str(n),
                "label": str(d.get("label", n)),
                "kind": str(d.get("kind", "")),
                "aliases": [str(a) for a in d.get("aliases") or []],
                "mentions": int(d.get("mentions", 0) or 0),
                "degree": int(m.get("degree", g.degree(n))),
                "pagerank": round(scores[n], 6),
                "community": int(m.get("community", 0)),
                "first": min(d.get("segments") or [0]),
                "x": round(x * scale, 1),
                "y": round(-y * scale, 1),
                "size": round(unit * (0.035 + 0.11 * math.sqrt(scores[n] / top_score)), 1),
            }
        )
    edges, types = [], set()
    for u, v in sorted(tuple(sorted(e)) for e in g.edges()):
        d = g.edges[u, v]
        rev = d.get("relation_evidence") or {}
        rels = []
        for r in sorted(d.get("relations") or [], key=lambda r: (r["type"], r["source"])):
            first = min((seg[s] for s in rev.get(r["type"], [])), default=0)
            rels.append([r["type"], index[r["source"]], index[r["target"]], first])
            types.add(r["type"])
        edges.append(
            {
                "s": index[u],
                "t": index[v],
                "w": int(d.get("weight", 0) or 0),
                "ws": _weight_steps(d, seg),
                "ev": [ref[s] for s in d.get("evidence") or []],
                "rel": rels,
                "rev": {t: [ref[s] for s in sorted(rev[t])] for t in sorted(rev)},
                # How many edges of the graph this one stands for (2: both ways, directed).
                "n": int(analysis.graph.has_edge(u, v)) + int(analysis.graph.has_edge(v, u))
                if analysis.graph.is_directed()
                else 1,
            }
        )
        if analysis.graph.is_directed():  # who speaks to whom: 1 = s -> t, -1 = t -> s, 2 = both
            forth, back = analysis.graph.has_edge(u, v), analysis.graph.has_edge(v, u)
            edges[-1]["dir"] = 2 if forth and back else (1 if forth else -1)
        if "quotes" in d and not analysis.graph.is_directed():  # --quotes: quotations exchanged
            edges[-1]["q"] = int(d["quotes"] or 0)
        if "polarity" in d:  # a signed graph: the tone of the shared sentences
            edges[-1]["tone"] = [float(d["polarity"]), int(d.get("positive", 0)),
                                 int(d.get("negative", 0)), tone_colour(float(d["polarity"]))]  # fmt: skip
    kinds = sorted({node["kind"] for node in nodes})
    return {
        "name": str(analysis.name),
        "directed": analysis.graph.is_directed(),
        "font": round(scale * 0.032, 1),
        "segments": [s.title for s in analysis.segments],
        "sentences": texts,
        "sentenceSegment": [seg[s] for s in wanted],
        "marks": marks,
        "nodes": nodes,
        "edges": edges,
        "kinds": {
            k: {"colour": KIND_COLOURS.get(k, OTHER_COLOUR), "label": KIND_NAMES.get(k, k or "?")}
            for k in kinds
        },
        "relations": {
            t: {k: v for k, v in relation_style(t).items() if k != "style"}
            | {"dashed": relation_style(t)["style"] != "solid"}
            for t in sorted(types)
        },
    }


def _asset(name: str) -> str:
    return resources.files("graphkit").joinpath("data", name).read_text(encoding="utf-8")


def render_html(analysis: Any) -> str:
    """The interactive view of ``analysis`` as one self-contained HTML page.

    Examples
    --------
    >>> import graphkit
    >>> page = render_html(graphkit.analyze_text("Ann met Bob. Bob met Cy."))
    >>> page.startswith("<!DOCTYPE html>"), "cytoscape" in page, 'id="graphkit-data"' in page
    (True, True, True)
    """
    data = view_data(analysis)
    library = _asset("vendor/cytoscape.min.js")
    if re.search(r"</script|<!--", library, re.IGNORECASE):  # pragma: no cover
        raise ValueError("the vendored library cannot be inlined in a <script>")
    parts = {
        "TITLE": html.escape(f"{data['name']}: character network"),
        "LIBRARY": library,
        "DATA": script_json(data),
    }
    return _PLACEHOLDER.sub(lambda m: parts[m.group(1)], _asset("view.html.tmpl"))


def srcdoc_iframe(page: str, height: int = 640) -> str:
    """A ``<div>`` with an ``<iframe>`` holding ``page`` in its ``srcdoc`` (for Jupyter), escaped.

    Examples
    --------
    >>> srcdoc_iframe('<b class="x">&</b>', height=100)
    '<div><iframe srcdoc="&lt;b class=&quot;x&quot;&gt;&amp;&lt;/b&gt;" style="width:100%;height:100px;border:0" sandbox="allow-scripts"></iframe></div>'
    """
    # In a <div>: IPython warns about HTML that starts with <iframe.
    return (
        f'<div><iframe srcdoc="{html.escape(page, quote=True)}" '
        f'style="width:100%;height:{int(height)}px;border:0" sandbox="allow-scripts"></iframe></div>'
    )
