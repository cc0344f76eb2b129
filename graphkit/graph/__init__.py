"""The graph and what is done with it: build it, follow it over narrative time, merge, measure.

:mod:`.build` turns characters, interactions and relations into a
``networkx`` graph; :mod:`.timeline` records segments and cuts the story at
a point; :mod:`.merge` joins graphs of several texts; :mod:`.metrics`
measures; :mod:`.evidence` says why an edge exists; :mod:`.ops` holds small
operations (the undirected view, the typed-relations subgraph).
"""

from graphkit.graph.build import add_interactions, build_graph

__all__ = ["build_graph", "add_interactions"]
