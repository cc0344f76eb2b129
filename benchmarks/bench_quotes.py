"""Time quotations and their attribution on full novels (a benchmark, never a test).

Usage: python benchmarks/bench_quotes.py [PATH ...] [--repeat N]

Default PATHs: Les Misérables (../shared/texts/les_miserables_hugo_pg135.txt) and Emma
(../shared/eval/pdnc-dev/Emma/novel_text.txt).  For each: seconds for
``find_quotations`` and for ``attribute`` (best of N runs, on the analysis of
``graphkit.analyze(path, cast=False)``), and, as the floor, one pass of
``re.compile(r"\\b[A-Z][a-z]+\\b").findall`` over the same text.  Target: both
together well under 2x the floor (the whole pipeline stays within 16x).
"""

from __future__ import annotations

import argparse
import re
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEFAULTS = [
    HERE.parent.parent / "shared" / "texts" / "les_miserables_hugo_pg135.txt",
    HERE.parent.parent / "shared" / "eval" / "pdnc-dev" / "Emma" / "novel_text.txt",
]


def best(fn, repeat: int) -> tuple[float, object]:
    out, times = None, []
    for _ in range(repeat):
        t = time.perf_counter()
        out = fn()
        times.append(time.perf_counter() - t)
    return min(times), out


def main() -> None:
    import graphkit
    from graphkit.pipeline.quotations import find_quotations
    from graphkit.pipeline.speakers import attribute

    ap = argparse.ArgumentParser()
    ap.add_argument("paths", nargs="*", type=Path, default=DEFAULTS)
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args()
    for path in args.paths:
        text = path.read_text(encoding="utf-8")
        pattern = re.compile(r"\b[A-Z][a-z]+\b")
        floor, _ = best(lambda t=text, p=pattern: p.findall(t), args.repeat)
        a = graphkit.analyze(path, cast=False)
        doc = a.document
        t_find, quotes = best(lambda d=doc: find_quotations(d), args.repeat)
        t_attr, _ = best(
            lambda d=doc, q=quotes, a=a: attribute(d, q, a.mentions, a.character_list),
            args.repeat,
        )
        print(
            f"{path.name}: {len(text):,} chars, {len(quotes):,} quotations | "
            f"regex floor {floor:.3f}s | find_quotations {t_find:.3f}s ({t_find / floor:.2f}x) | "
            f"attribute {t_attr:.3f}s ({t_attr / floor:.2f}x) | "
            f"together {(t_find + t_attr) / floor:.2f}x"
        )


if __name__ == "__main__":
    main()
