"""Time and peak memory of ``graphkit analyze`` on big inputs (a benchmark, never a test).

Usage: python benchmarks/bench_big.py [--sizes 5,10,50] [--lines 1000000] [--api]

Generates, in a temporary folder, prose of each size in MB (Les Misérables'
body repeated, or seeded synthetic sentences when the shared text is absent)
and a file of one-line sentences (``--lines``), then runs each through
``graphkit analyze FILE -o DIR`` in a fresh subprocess (``--api``:
``graphkit.analyze(path)`` + ``.metrics`` + the data files, no pictures) and
prints its wall-clock seconds, its peak resident memory (``ru_maxrss`` of that
subprocess, from ``os.wait4``) and both divided by the input's size in MB.
``+s/MB`` is the slope between one prose size and the previous one (the cost
of each further MB, without the fixed cost of start-up and pictures): linear
growth shows as a flat ``+s/MB`` column.
"""

from __future__ import annotations

import argparse
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
NOVEL = HERE.parent.parent / "shared" / "texts" / "les_miserables_hugo_pg135.txt"
MB = 1_000_000

_API = "import sys, graphkit; a = graphkit.analyze(sys.argv[1]); a.metrics; a.files(pictures=False)"
_CLI = "import sys; from graphkit.cli import main; sys.argv[0] = 'graphkit'; main()"


def body(path: Path = NOVEL) -> str:
    """The novel between its Gutenberg START and END lines, or seeded synthetic prose."""
    if path.is_file():
        text = path.read_text(encoding="utf-8")
        start = text.find("\n", text.find("*** START OF")) + 1
        end = text.find("*** END OF")
        return text[start : end if end > 0 else len(text)]
    rng = random.Random(16)
    names = [f"{a}{b}" for a in ("Mar", "Jul", "Rob", "Ann", "Cos", "Fan") for b in "aeio"]
    verbs = ("met", "saw", "thanked", "followed", "wrote to", "left")
    paragraphs = []
    for _ in range(20_000):
        sentences = (
            f"{rng.choice(names)} {rng.choice(verbs)} {rng.choice(names)} in the street."
            for _ in range(rng.randint(2, 8))
        )
        paragraphs.append(" ".join(sentences))
    return "\n\n".join(paragraphs) + "\n"


def prose(size_mb: float, text: str) -> str:
    """``text`` repeated (whole paragraphs) to about ``size_mb`` MB of UTF-8."""
    unit = len(text.encode("utf-8"))
    copies, rest = divmod(int(size_mb * MB), unit)
    cut = text.rfind("\n\n", 0, rest)
    return (text + "\n\n") * copies + text[: max(cut, 0)]


def short_lines(n: int) -> str:
    """``n`` short one-sentence lines naming two of twenty people (seeded)."""
    rng = random.Random(16)
    names = [f"Name{chr(65 + i)}x" for i in range(20)]
    verbs = ("saw", "met", "thanked", "called", "followed")
    return "".join(
        f"{rng.choice(names)} {rng.choice(verbs)} {rng.choice(names)}.\n" for _ in range(n)
    )


def measure(path: Path, out: Path, api: bool) -> tuple[float, float]:
    """Seconds and peak resident MiB of one analysis of ``path`` in a fresh subprocess."""
    args = [sys.executable, "-c", _API, str(path)] if api else [
        sys.executable, "-c", _CLI, "analyze", str(path), "-o", str(out)
    ]  # fmt: skip
    t = time.perf_counter()
    proc = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - t
    proc.returncode = os.waitstatus_to_exitcode(status)
    err = proc.stderr.read().decode() if proc.stderr else ""
    if proc.returncode != 0:
        raise SystemExit(f"{path.name}: exit {proc.returncode}: {err.strip()}")
    return seconds, usage.ru_maxrss / 1024  # ru_maxrss is in KiB on Linux


def main(argv: list[str] | None = None) -> None:
    """Generate the inputs, run each, print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="5,10,50", help="prose sizes in MB, comma separated")
    parser.add_argument("--lines", type=int, default=1_000_000, help="short lines (0: none)")
    parser.add_argument("--api", action="store_true", help="the Python API, no pictures")
    opts = parser.parse_args(argv)
    sizes = [float(s) for s in opts.sizes.split(",") if s.strip()]
    text = body()
    print(
        f"{'input':<22} {'MB':>7} {'seconds':>8} {'s/MB':>6} {'+s/MB':>6} "
        f"{'peak MiB':>9} {'MiB/MB':>7}"
    )
    previous: tuple[float, float] | None = None
    with tempfile.TemporaryDirectory(prefix="bench_big_") as tmp:
        inputs = [(f"prose {s:g} MB", f"prose{s:g}.txt", lambda s=s: prose(s, text)) for s in sizes]
        if opts.lines:
            inputs.append((f"{opts.lines:,} lines", "lines.txt", lambda: short_lines(opts.lines)))
        for label, name, make in inputs:
            path = Path(tmp) / name
            path.write_text(make(), encoding="utf-8")
            size = path.stat().st_size / MB
            seconds, peak = measure(path, Path(tmp) / f"out-{path.stem}", opts.api)
            prose_row = name.startswith("prose")
            slope = (
                f"{(seconds - previous[1]) / (size - previous[0]):.2f}"
                if prose_row and previous
                else ""
            )
            if prose_row:
                previous = (size, seconds)
            print(
                f"{label:<22} {size:7.1f} {seconds:8.1f} {seconds / size:6.2f} {slope:>6} "
                f"{peak:9.0f} {peak / size:7.1f}",
                flush=True,
            )
            path.unlink()


if __name__ == "__main__":
    main()
