"""Score graphkit's co-occurrence networks against Knuth's chapter co-appearance tables.

Usage: python benchmarks/eval_knuth.py [BOOK ...] [-v]

BOOK is ``anna`` (Anna Karenina) or ``david`` (David Copperfield); both by default.
Each book is read from ``../shared/texts`` with no cast file, exported to GraphML
with the default options (exactly what ``graphkit export BOOK --no-cast -f graphml``
writes), and scored by ``../shared/eval/networks/score_network.py`` against
``../shared/coappearance/BOOK.dat`` with the spellings file of that folder.  The
figure the README quotes is ``EF1``: edge F1 on the subgraph of the gold top 50
characters.  ``-v`` prints the scorer's whole report (matches, misses).

A benchmark, never a test.  Exits 0 with a message when the shared data is absent.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
CANDIDATES = [HERE.parent.parent / "shared", HERE.parents[2] / "shared"]
BOOKS = {
    "anna": "anna_karenina_tolstoy_pg1399.txt",
    "david": "david_copperfield_dickens_pg766.txt",
}


def _shared() -> Path | None:
    return next((c for c in CANDIDATES if (c / "eval" / "networks").is_dir()), None)


def score(book: str, shared: Path, verbose: bool = False) -> dict[str, str]:
    """Export one book's network and return the scorer's summary fields."""
    sys.path.insert(0, str(HERE.parent))
    from graphkit import analyze
    from graphkit.exporters import render_result

    with tempfile.TemporaryDirectory() as tmp:
        pred = Path(tmp) / f"{book}.graphml"
        pred.write_bytes(
            render_result(analyze(shared / "texts" / BOOKS[book], cast=False), "graphml")
        )
        out = subprocess.run(
            [
                sys.executable,
                str(shared / "eval" / "networks" / "score_network.py"),
                "--gold",
                str(shared / "coappearance" / f"{book}.dat"),
                "--gold-format",
                "sgb",
                "--extra-names",
                str(shared / "eval" / "networks" / f"{book}.spellings.tsv"),
                "--pred",
                str(pred),
                "--label",
                book,
            ]
            + (["-v"] if verbose else []),
            capture_output=True,
            text=True,
            check=True,
        ).stdout
    if verbose:
        print(out)
    summary = out.strip().splitlines()[-1].split("\t")
    return dict(field.split("=", 1) for field in summary[1:])


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("books", nargs="*", metavar="BOOK", help="anna, david (default: both)")
    ap.add_argument("-v", "--verbose", action="store_true")
    args = ap.parse_args()
    unknown = [b for b in args.books if b not in BOOKS]
    if unknown:
        ap.error(f"unknown book {unknown[0]!r}: use {', '.join(BOOKS)}")
    shared = _shared()
    if shared is None:
        print("eval_knuth: ../shared/eval/networks not found; nothing to score")
        return 0
    print(f"{'book':6} {'EF1':>6} {'EP':>6} {'ER':>6} {'R50':>6} {'P50':>6} {'rho50':>6}")
    for book in args.books or list(BOOKS):
        r = score(book, shared, args.verbose)
        print(
            f"{book:6} {r['EF1']:>6} {r['EP']:>6} {r['ER']:>6} {r['R50']:>6} {r['P50']:>6} {r['rho50']:>6}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
