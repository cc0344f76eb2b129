"""Precision and recall of typed relations on held-out texts (never used to tune the rules).

The texts and their hand-annotated gold relations are in
``tests/fixtures/heldout/`` (``gold.yml``), written and frozen before any rule
existed.  Each text is analysed without a cast file, as a user would.  A
found relation matches a gold one when the types agree and each end's node id
or one of its aliases is the gold name or one of its listed aliases
(symmetric types match in either direction).

Run:  python benchmarks/eval_relations.py [-v]
"""

from __future__ import annotations

import sys
from pathlib import Path

import yaml

import graphkit
from graphkit.io.rules import load_rules

HELDOUT = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "heldout"


def _names(analysis, node: str) -> set[str]:
    return (
        {node, *analysis.graph.nodes[node].get("aliases", [])} if node in analysis.graph else {node}
    )


def evaluate(name: str, spec: dict, verbose: bool = False) -> tuple[int, int, int]:
    a = graphkit.analyze(HELDOUT / name, cast=False)
    rules = load_rules()
    gold_forms = {g: {g, *aliases} for g, aliases in spec["names"].items()}

    def same(node: str, gold: str) -> bool:
        return bool(_names(a, node) & gold_forms.get(gold, {gold}))

    def matches(found, gold) -> bool:
        s, t, g = found
        gs, gt, gg = gold
        if t != gt:
            return False
        if same(s, gs) and same(g, gg):
            return True
        return rules.symmetric(t) and same(s, gg) and same(g, gs)

    found = sorted({(r.source, r.type, r.target) for r in a.relations})
    gold = [tuple(r) for r in spec["relations"]]
    tp_found = [f for f in found if any(matches(f, g) for g in gold)]
    tp_gold = [g for g in gold if any(matches(f, g) for f in found)]
    if verbose:
        for f in found:
            print(f"  {'ok ' if f in tp_found else 'FP '} {f}")
        for g in gold:
            if g not in tp_gold:
                print(f"  FN  {g}")
    return len(tp_found), len(found), len(tp_gold), len(gold)


def main() -> None:
    verbose = "-v" in sys.argv
    gold = yaml.safe_load((HELDOUT / "gold.yml").read_text(encoding="utf-8"))
    totals = [0, 0, 0, 0]
    print(f"{'text':<20} {'found':>5} {'correct':>7} {'gold':>5} {'precision':>9} {'recall':>7}")
    for name, spec in gold.items():
        if verbose:
            print(name)
        tpf, nf, tpg, ng = evaluate(name, spec, verbose)
        totals = [x + y for x, y in zip(totals, (tpf, nf, tpg, ng))]
        p = tpf / nf if nf else 1.0
        r = tpg / ng if ng else 1.0
        print(f"{name:<20} {nf:>5} {tpf:>7} {ng:>5} {p:>9.2f} {r:>7.2f}")
    tpf, nf, tpg, ng = totals
    print(
        f"{'all (micro)':<20} {nf:>5} {tpf:>7} {ng:>5} {tpf / max(nf, 1):>9.2f} {tpg / max(ng, 1):>7.2f}"
    )


if __name__ == "__main__":
    main()
