"""Views of a graph: the interactive page (:mod:`graphkit.views.html`)."""
