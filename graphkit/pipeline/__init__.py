"""The stages, in the order data flows (the list and its runner are in :mod:`.run`).

``document`` (paragraphs, sentences, segments) -> ``mentions`` (cast lookup,
discovery, works, spaCy) -> ``characters`` (alias merging) -> ``relations``
(typed relations from rules) -> ``threshold`` (rare names left out) ->
``interactions`` (a registry of co-occurrence windows) -> the graph
(:mod:`graphkit.graph`).  :mod:`.structured` lays plays, screenplays and
tables out as the same values.  No stage imports a later one.
"""
