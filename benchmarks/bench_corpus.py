"""Corpus-run throughput on ../shared (a benchmark, never a test).

Usage: python benchmarks/bench_corpus.py [--pictures] [--repeat N] [--work DIR]

Builds a corpus from ../shared: the Gutenberg texts, the TEI play, the SGB
co-appearance tables, the PDNC dev novels and the LitBank dev excerpts (their
brat ``.txt``, which is the excerpt's text, space-tokenised; see
``eval_litbank.py``), about 75 texts.  For ``--jobs 1``, ``--jobs 2`` and the
Dask engine (a LocalCluster of 2 worker processes) it runs ``analyze_corpus``
in a fresh subprocess and reports texts/s, words/s, the overhead per text
beyond the pipeline (wall time of ``--jobs 1`` minus the summed time of
``analyze`` + ``Analysis.files``, over the texts), the peak RSS of the
largest worker, and the time of a resumed run with nothing to do.  For
scale it also times what the machine allows at best: two independent
``--jobs 1`` processes started together, each on one half of the corpus (the
halves balanced by bytes), with no pool, queue or client between them.  Every
configuration runs ``--repeat`` times (default 2) and the median is quoted,
since other jobs may share the cores.  Exits 0 with a message when
../shared is absent.
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
SHARED = next(
    (p for p in (HERE.parent.parent / "shared", HERE.parents[2] / "shared") if p.is_dir()), None
)

ONE_RUN = r"""
import json, resource, sys, time
import graphkit
spec = json.loads(sys.argv[1])
t = time.perf_counter()
r = graphkit.analyze_corpus(spec["src"], spec["out"], jobs=spec["jobs"], engine=spec["engine"],
                            pictures=spec["pictures"], quiet=True, force=spec.get("force", False))
wall = time.perf_counter() - t
pipe = sum(x.get("pipeline_seconds") or 0 for x in r.timings)
own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
worker = max((x.get("peak_rss_mb") or 0 for x in r.timings), default=0)
print(json.dumps({"worker_rss_mb": worker, "wall": wall, "pipeline": pipe, "done": r.done, "skipped": r.skipped,
                  "failed": r.failed, "words": int(r.rows["words"].sum()),
                  "texts": len(r.rows), "rss_self_mb": own, "rss_children_mb": kids}))
"""


def build_corpus(folder: Path) -> Path:
    """Copy (or convert) the shared texts into one folder; return it."""
    folder.mkdir(parents=True, exist_ok=True)
    picks = [p for p in sorted((SHARED / "texts").glob("*.txt")) if "LICENSE" not in p.name]
    picks += sorted((SHARED / "plays").glob("*.xml")) + sorted(
        (SHARED / "coappearance").glob("*.dat")
    )
    picks += sorted((SHARED / "seed").glob("*.txt"))
    for p in picks:
        shutil.copy(p, folder / p.name)
    for novel in sorted((SHARED / "eval" / "pdnc-dev").glob("*/novel_text.txt")):
        (folder / "pdnc" / novel.parent.name).mkdir(parents=True, exist_ok=True)
        shutil.copy(novel, folder / "pdnc" / novel.parent.name / "novel_text.txt")
    (folder / "litbank").mkdir(exist_ok=True)
    for brat in sorted((SHARED / "eval" / "litbank-dev" / "brat").glob("*_brat.txt")):
        text = brat.read_text(encoding="utf-8")
        (folder / "litbank" / brat.name.replace("_brat", "")).write_text(text, encoding="utf-8")
    return folder


def run(spec: dict) -> dict:
    out = subprocess.run([sys.executable, "-c", ONE_RUN, json.dumps(spec)], capture_output=True,
                         text=True, check=True)  # fmt: skip
    return json.loads(out.stdout.strip().splitlines()[-1])


def halves(src: Path, work: Path) -> list[Path]:
    """The corpus split in two folders of about equal size (largest text first, to the lighter half)."""
    files = sorted((p for p in src.rglob("*") if p.is_file()), key=lambda p: (-p.stat().st_size, p))
    parts = [work / "half-a", work / "half-b"]
    sizes = [0, 0]
    for p in files:
        i = sizes.index(min(sizes))
        sizes[i] += p.stat().st_size
        dest = parts[i] / p.relative_to(src)
        dest.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(p, dest)
    return parts


def run_pair(specs: list[dict]) -> float:
    """Wall seconds of two ``jobs=1`` runs started together, each in its own process."""
    import time

    t = time.perf_counter()
    procs = [subprocess.Popen([sys.executable, "-c", ONE_RUN, json.dumps(spec)],
                              stdout=subprocess.DEVNULL) for spec in specs]  # fmt: skip
    if any(p.wait() for p in procs):
        raise RuntimeError("a half-corpus run failed")
    return time.perf_counter() - t


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--pictures", action="store_true", help="Also draw each text's PNGs.")
    ap.add_argument("--repeat", type=int, default=2)
    ap.add_argument("--work", type=Path, help="Scratch folder (default: a temporary one).")
    args = ap.parse_args()
    if SHARED is None:
        print("../shared not found: nothing to measure")
        return 0
    work = args.work or Path(tempfile.mkdtemp(prefix="bench-corpus-"))
    src = build_corpus(work / "src")
    configs = [("jobs 1", 1, "local"), ("jobs 2", 2, "local"), ("dask (2 procs)", 2, "dask")]
    results: dict[str, list[dict]] = {name: [] for name, _, _ in configs}
    resumed: list[dict] = []
    pair: list[float] = []
    parts = halves(src, work)
    for i in range(args.repeat):
        for name, jobs, engine in configs:
            out = work / f"out-{engine}-{jobs}-{i}"
            shutil.rmtree(out, ignore_errors=True)
            spec = {"src": str(src), "out": str(out), "jobs": jobs, "engine": engine,
                    "pictures": args.pictures}  # fmt: skip
            results[name].append(run(spec))
            if jobs == 1:
                resumed.append(run(spec))
            print(f"  run {i + 1} {name}: {results[name][-1]['wall']:.1f} s", file=sys.stderr)
        specs = [{"src": str(part), "out": str(work / f"out-{part.name}-{i}"), "jobs": 1,
                  "engine": "local", "pictures": args.pictures} for part in parts]  # fmt: skip
        pair.append(run_pair(specs))
        print(f"  run {i + 1} two jobs-1 processes on halves: {pair[-1]:.1f} s", file=sys.stderr)
    med = {name: statistics.median(r["wall"] for r in rs) for name, rs in results.items()}
    first = results["jobs 1"][0]
    texts, words = first["texts"], first["words"]
    print(f"corpus: {texts} texts ({first['failed']} failed), {words:,} words; "
          f"pictures={'yes' if args.pictures else 'no'}; median of {args.repeat} runs")  # fmt: skip
    print(f"{'engine':<16}{'seconds':>9}{'texts/s':>9}{'words/s':>10}{'peak RSS/worker':>17}")
    for name, rs in results.items():
        rss = statistics.median(r["worker_rss_mb"] for r in rs)
        print(f"{name:<16}{med[name]:>9.1f}{texts / med[name]:>9.2f}{words / med[name]:>10,.0f}"
              f"{rss:>14.0f} MB")  # fmt: skip
    overhead = statistics.median(
        (r["wall"] - r["pipeline"]) / max(1, r["done"]) for r in results["jobs 1"]
    )
    resume = statistics.median(r["wall"] for r in resumed)
    print(f"speed-up jobs 2 / jobs 1: {med['jobs 1'] / med['jobs 2']:.2f}x (target >= 1.7)")
    print(f"speed-up dask / jobs 1:   {med['jobs 1'] / med['dask (2 procs)']:.2f}x")
    print(f"what two cores allow: two independent jobs-1 processes, each on half the corpus "
          f"(by size): {statistics.median(pair):.1f} s = "
          f"{med['jobs 1'] / statistics.median(pair):.2f}x")  # fmt: skip
    print(f"overhead per text beyond the pipeline (jobs 1, incl. start-up): "
          f"{overhead * 1000:.0f} ms (target <= 50)")  # fmt: skip
    print(f"resumed run, nothing to do: {resume:.2f} s = {100 * resume / med['jobs 1']:.1f} % "
          f"of the first (target <= 5 %; {resumed[0]['skipped']} skipped)")  # fmt: skip
    per_word = med["jobs 1"] / words
    for n, wpn in ((1_000, 120_000), (100_000, 120_000)):
        for cores in (2, 16, 64):
            hours = n * wpn * per_word / cores / 3600
            print(f"projection: {n:,} novels x {wpn:,} words on {cores} cores "
                  f"(ideal scaling): {hours * 60:,.0f} min")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
