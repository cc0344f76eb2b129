"""What the CLI prints of an analysis: the summary of ``graphkit analyze``, the mention records."""

from __future__ import annotations

from typing import Any

__all__ = ["report", "repr_html", "mention_records"]


def report(analysis: Any, top: int = 10) -> str:
    """Counts, settings and the ``top`` characters by PageRank, as lines of text.

    Examples
    --------
    >>> import graphkit
    >>> print(report(graphkit.analyze_text("Ann met Bob. Bob left."), top=1))
    text: 2 characters, 1 links, 0 typed relations, 1 component(s) · window=sentence · no cast file (automatic discovery)
    Top characters by PageRank:
       1. Ann                          character     1 mentions    1 links  pagerank 0.500
    """
    s = analysis.summary.iloc[0]
    names = analysis.graph.graph.get("names", "discovery")
    if analysis.cast_source:
        how = f"cast file {analysis.cast_source}"
    elif analysis.graph.graph.get("input_format"):
        how = f"structured input ({analysis.graph.graph['input_format']})"
    elif names == "discovery":
        how = "no cast file (automatic discovery)"
    else:
        how = f"no cast file (names from {names})"
    lines = [
        f"{analysis.name}: {int(s['nodes'])} characters, {int(s['edges'])} links, "
        f"{len(analysis.relations)} typed relations, "
        f"{int(s['components'])} component(s) · window={analysis.window} · {how}"
    ]
    if len(analysis.metrics):
        lines.append("Top characters by PageRank:")
        for i, row in enumerate(analysis.metrics.head(top).itertuples(), 1):
            lines.append(
                f"  {i:2d}. {row.label:<28} {row.kind:<9} {row.mentions:>5} mentions "
                f"{row.degree:>4} links  pagerank {row.pagerank:.3f}"
            )
    dropped = analysis.graph.graph.get("dropped", 0)
    if dropped:
        lines.append(
            f"({dropped} names mentioned fewer than {analysis.graph.graph['min_mentions']} times "
            "left out; --min-mentions 1 keeps them)"
        )
    return "\n".join(lines)


def repr_html(analysis: Any) -> str:
    """What Jupyter shows for an analysis: one line of counts, then the top ten characters."""
    top = analysis.metrics.head(10)[
        ["label", "kind", "mentions", "degree", "pagerank", "community"]
    ]
    s = analysis.summary.iloc[0]
    cast = f", cast={analysis.cast_source}" if analysis.cast_source else ", no cast file"
    return (
        f"<b>graphkit analysis of {analysis.name}</b>: {int(s['nodes'])} characters, "
        f"{int(s['edges'])} links, {int(s['components'])} component(s), window={analysis.window}"
        + cast
        + top.to_html(index=False)
    )


def mention_records(analysis: Any) -> list[dict[str, Any]]:
    """Every mention as a dict, with ``start`` and ``end`` offsets into the text as read.

    Examples
    --------
    >>> import graphkit
    >>> mention_records(graphkit.analyze_text("Ann met Bob."))[1]
    {'start': 8, 'end': 11, 'text': 'Bob', 'character': 'Bob', 'kind': 'character'}
    """
    doc = analysis.document
    raw = doc.offsets.to_raw([x for m in analysis.mentions for x in (m.start, m.end)]).tolist()
    return [
        {"start": raw[2 * i], "end": raw[2 * i + 1], "text": m.text,
         "character": m.character, "kind": m.kind}
        for i, m in enumerate(analysis.mentions)
    ]  # fmt: skip
