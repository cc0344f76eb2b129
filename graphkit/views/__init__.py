"""Pictures of the graph: positions (:mod:`.layout`, no matplotlib), the network, centrality
and timeline figures, one palette (:mod:`.style`), and figures to bytes (:mod:`.figure`).
"""
