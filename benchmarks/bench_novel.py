"""Time the pipeline on a full novel, stage by stage (a benchmark, never a test).

Usage: python benchmarks/bench_novel.py [PATH] [--repeat N] [--quotes]   (default settings: discovery, sentence windows, --min-mentions auto)

Default PATH: ../shared/texts/les_miserables_hugo_pg135.txt (Les Misérables,
3.3 MB, ~570k words).  Prints seconds per stage (best of N runs), words per
second, peak memory (tracemalloc, one extra run) and the ratio the project
budgets: ``graphkit.analyze(path)`` + ``.metrics`` (file reading included, best
of N) over one ``re.compile(r"\\b[A-Z][a-z]+\\b").findall`` pass over the text
read from disk (best of 3), in the same process.  Target: within 16x.
``--quotes`` also times ``graphkit.analyze(path, quotes=True)`` + ``.metrics``
(every quotation found and attributed, edges counting the ones exchanged)
and prints its ratio to the same floor.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
import tracemalloc
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEFAULT = HERE.parent.parent / "shared" / "texts" / "les_miserables_hugo_pg135.txt"


def stages(path: Path) -> dict[str, float]:
    """Run the real pipeline (``graphkit.analysis._run``) and time each stage, then metrics."""
    from graphkit.io.text import read_text
    from graphkit.pipeline.run import Options, run_pipeline

    times: dict[str, float] = {}
    t = time.perf_counter()

    def lap(name: str) -> None:
        nonlocal t
        now = time.perf_counter()
        times[name] = now - t
        t = now

    source = read_text(path)
    lap("read")
    from graphkit.analysis import Analysis

    analysis = Analysis.of(run_pipeline(source, Options.make(), on_stage=lap))
    t = time.perf_counter()
    _ = analysis.metrics, analysis.summary  # cached properties: computed here
    lap("metrics")
    g = analysis.graph
    times["_nodes"] = g.number_of_nodes()
    times["_edges"] = g.number_of_edges()
    times["_mentions"] = len(analysis.mentions)
    times["_sentences"] = len(analysis.document.sentences)
    return times


def regex_floor(path: Path) -> float:
    """One ``re.compile(r"\\b[A-Z][a-z]+\\b").findall`` over the text read from disk (not timed)."""
    text = path.read_text(encoding="utf-8")
    pattern = re.compile(r"\b[A-Z][a-z]+\b")
    t = time.perf_counter()
    pattern.findall(text)
    return time.perf_counter() - t


def whole(path: Path, quotes: bool = False) -> float:
    """``graphkit.analyze(path)`` and ``.metrics``, file reading included: the budgeted time."""
    import graphkit

    t = time.perf_counter()
    analysis = graphkit.analyze(path, quotes=quotes)
    _ = analysis.metrics
    return time.perf_counter() - t


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("path", nargs="?", type=Path, default=DEFAULT)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument(
        "--quotes", action="store_true", help="Also time analyze(path, quotes=True)."
    )
    args = parser.parse_args()
    if not args.path.is_file():
        print(f"no such file: {args.path}", file=sys.stderr)
        return 1
    import pandas  # noqa: F401

    import graphkit  # noqa: F401  (import cost is not part of the budget)

    stages(args.path)  # warm caches (lexicons, imports)
    runs = [stages(args.path) for _ in range(args.repeat)]
    best = {k: min(r[k] for r in runs) for k in runs[0] if not k.startswith("_")}
    totals = [whole(args.path) for _ in range(args.repeat)]
    floors = [regex_floor(args.path) for _ in range(3)]
    total, floor = min(totals), min(floors)
    words = len(args.path.read_text(encoding="utf-8").split())
    tracemalloc.start()
    stages(args.path)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()

    staged = sum(best.values())
    info = runs[0]
    print(
        f"text: {args.path.name}  {words:,} words  {info['_sentences']:,} sentences  "
        f"{info['_mentions']:,} mentions  graph {info['_nodes']} nodes / {info['_edges']} edges"
    )
    print("stages (best of runs):")
    for name, secs in best.items():
        print(f"  {name:<13} {secs:7.3f} s  {100 * secs / staged:5.1f}%")
    print(
        f"analyze(path) + .metrics: best {total:.3f} s, median {sorted(totals)[len(totals) // 2]:.3f} s "
        f"({words / total:,.0f} words/s)"
    )
    print(f"regex floor (findall, best of 3): {floor:.4f} s")
    print(f"ratio analyze+metrics / floor: {total / floor:.1f}x  (target <= 16x)")
    if args.quotes:
        whole(args.path, quotes=True)  # warm the speakers' patterns
        quoted = sorted(whole(args.path, quotes=True) for _ in range(args.repeat))
        print(
            f"analyze(path, quotes=True) + .metrics: best {quoted[0]:.3f} s, "
            f"median {quoted[len(quoted) // 2]:.3f} s, ratio {quoted[0] / floor:.1f}x"
        )
    print(f"peak memory (tracemalloc): {peak / 2**20:.0f} MiB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
