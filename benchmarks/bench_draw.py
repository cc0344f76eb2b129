"""Time drawing a novel's three pictures from an analysed result (a benchmark, never a test).

Usage: python benchmarks/bench_draw.py [PATH ...] [--repeat N]

Default PATHs: Pride and Prejudice and Les Misérables from ../shared/texts/.
Each text is analysed once (not timed; metrics computed), the pictures are
drawn once to warm up (imports, font cache, rules file), then network.png,
centrality.png and timeline.png are drawn and encoded as PNG ``N`` times
(default 5).  Prints the median seconds of each picture and of the three
together.  Budget: the three within 1.5 s.
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
TEXTS = HERE.parent.parent / "shared" / "texts"
DEFAULTS = [
    TEXTS / "pride_and_prejudice_austen_pg1342.txt",
    TEXTS / "les_miserables_hugo_pg135.txt",
]
PICTURES = {"network.png": "plot", "centrality.png": "plot_centrality", "timeline.png": "plot_timeline"}  # fmt: skip
BUDGET = 1.5


def time_pictures(analysis: object, repeat: int) -> dict[str, list[float]]:
    """Seconds to draw and encode each picture, ``repeat`` times, after one warm-up round."""
    from graphkit.views.figure import figure_png

    for method in PICTURES.values():
        figure_png(getattr(analysis, method)())
    times: dict[str, list[float]] = {name: [] for name in PICTURES}
    times["all three"] = []
    for _ in range(repeat):
        total = 0.0
        for name, method in PICTURES.items():
            t = time.perf_counter()
            figure_png(getattr(analysis, method)())
            took = time.perf_counter() - t
            times[name].append(took)
            total += took
        times["all three"].append(total)
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="*", type=Path, default=DEFAULTS)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()

    import graphkit

    for path in args.paths:
        if not path.is_file():
            print(f"{path}: not found, skipped")
            continue
        analysis = graphkit.analyze(path)
        _ = analysis.metrics
        g = analysis.graph
        print(f"{path.name}: {g.number_of_nodes()} nodes, {g.number_of_edges()} edges, "
              f"{len(analysis.segments)} segments · median of {args.repeat} runs")  # fmt: skip
        for name, runs in time_pictures(analysis, args.repeat).items():
            mark = ""
            if name == "all three":
                mark = (
                    "  (within budget)" if statistics.median(runs) <= BUDGET else "  (OVER budget)"
                )
            print(f"  {name:<15} {statistics.median(runs):6.3f} s   "
                  f"(min {min(runs):.3f}, max {max(runs):.3f}){mark}")  # fmt: skip


if __name__ == "__main__":
    main()
