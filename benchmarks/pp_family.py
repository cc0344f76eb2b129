"""List the family, marriage and engagement ties graphkit finds in a novel (default: Pride and Prejudice).

Each line: source, type, target, role and the first supporting sentence, for a
reader to judge by hand (the novel has no gold file).

Run:  python benchmarks/pp_family.py [PATH]
"""

from __future__ import annotations

import sys
from pathlib import Path

import graphkit

PP = (
    Path(__file__).resolve().parents[2]
    / "shared"
    / "texts"
    / "pride_and_prejudice_austen_pg1342.txt"
)
TYPES = {"family", "spouse", "ex_spouse", "engaged"}


def main() -> None:
    path = Path(sys.argv[1]) if len(sys.argv) > 1 else PP
    a = graphkit.analyze(path, cast=False)
    seen: dict[tuple[str, str, str, str], int] = {}
    for r in a.relations:
        if r.type in TYPES:
            seen.setdefault((r.source, r.type, r.target, r.role), r.sentence)
    doc = a.document
    for (s, t, g, role), si in sorted(seen.items()):
        sent = doc.sentences[si]
        text = " ".join(doc.text[sent.start : sent.end].split())[:140]
        print(f"{s} | {t} | {g} | {role or '-'} | {text}")
    print(f"{len(seen)} ties")


if __name__ == "__main__":
    main()
