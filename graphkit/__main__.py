"""``python -m graphkit`` runs the command line."""

from .cli import main

main(prog_name="graphkit")
