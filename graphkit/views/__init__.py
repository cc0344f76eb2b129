"""Pictures and pages of the graph: positions (:mod:`.layout`, no matplotlib), the network,
centrality and timeline figures, one palette (:mod:`.style`), figures to bytes (:mod:`.figure`),
and the interactive page (:mod:`.html`, one self-contained HTML file).
"""
