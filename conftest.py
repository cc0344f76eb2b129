"""pytest configuration for doctests: never import the ``python -m graphkit`` entry point."""

import matplotlib

matplotlib.use("Agg")

collect_ignore = ["graphkit/__main__.py", "setup.py"]
