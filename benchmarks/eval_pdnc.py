"""PDNC-dev scores in one process: the scorer's rules, one ``analyze`` per novel, no subprocesses.

    python benchmarks/eval_pdnc.py                       # every novel under ../shared/eval/pdnc-dev
    python benchmarks/eval_pdnc.py Emma PrideAndPrejudice  # some of them

For each novel, ``graphkit.analyze(novel_text.txt, cast=False)`` gives ``nodes.csv`` (as
``graphkit analyze --no-cast`` writes it) and ``Analysis.quotes`` the records
``graphkit quotes -f jsonl`` prints; ``pdnc_score.score_novel`` scores them exactly as
``pdnc_score.py --corpus`` does.  Prints one line per novel, then the micro total
(``SCORE ...``), the seconds spent attributing quotations, and the per-novel table the
README shows (markdown: novel, quotations, speaker accuracy, addressee F1, edge F1).
"""

from __future__ import annotations

import importlib.util
import json
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

import graphkit
from graphkit.exporters.tables import nodes_csv_bytes

ROOT = Path(__file__).resolve().parent.parent
EVAL = ROOT.parent / "shared" / "eval"


def _scorer():
    spec = importlib.util.spec_from_file_location("pdnc_score", EVAL / "pdnc_score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def main(names: list[str]) -> Counter:
    score = _scorer()
    corpus = EVAL / "pdnc-dev"
    novels = sorted(d for d in corpus.iterdir() if (d / "character_info.csv").is_file())
    if names:
        novels = [d for d in novels if d.name in names]
    total, spent, table = Counter(), 0.0, []
    for d in novels:
        a = graphkit.analyze(d / "novel_text.txt", cast=False)
        t0 = time.perf_counter()
        records = a.quotes.to_dict(orient="records")
        spent += time.perf_counter() - t0
        with tempfile.TemporaryDirectory() as tmp:
            nodes, quotes = Path(tmp) / "nodes.csv", Path(tmp) / "quotes.jsonl"
            nodes.write_bytes(nodes_csv_bytes(a.graph))
            quotes.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records),
                              encoding="utf-8")  # fmt: skip
            c = score.score_novel(str(d), str(nodes), str(quotes))
        print(f"{d.name}: {score.summary(c)}", flush=True)
        total.update(c)
        table.append((d.name, c))
    print("SCORE " + score.summary(total))
    print(f"quotations + attribution: {spent:.2f} s")
    print(
        "\n| novel | quotations | speaker accuracy | addressee F1 | edge F1 |\n|---|---:|---:|---:|---:|"
    )
    for name, c in [*table, ("all (micro)", total)]:
        print(f"| {name} | {c['q_gold']:,} | {_ratio(c['right'], c['q_gold']):.3f} "
              f"| {_f1(c, 'a'):.3f} | {_f1(c, 'e'):.3f} |")  # fmt: skip
    return total


def _ratio(a: float, b: float) -> float:
    return a / b if b else 0.0


def _f1(c: Counter, key: str) -> float:
    """The scorer's F1 from its counts: ``a`` for addressees, ``e`` for conversation edges."""
    p = _ratio(c[f"{key}_tp"], c[f"{key}_pred"])
    r = _ratio(c[f"{key}_tp"], c[f"{key}_gold"])
    return 2 * p * r / (p + r) if p + r else 0.0


if __name__ == "__main__":
    main(sys.argv[1:])
