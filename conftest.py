"""pytest configuration for doctests: never import the ``python -m graphkit`` entry point,
and skip the spaCy backend's doctests when spaCy is not installed."""

import matplotlib

matplotlib.use("Agg")

import importlib.util

collect_ignore = ["graphkit/__main__.py", "setup.py"]
if importlib.util.find_spec("spacy") is None:  # the optional backend's doctests need spaCy
    collect_ignore.append("graphkit/pipeline/mentions/spacy_ner.py")
