"""Score person-name detection on the LitBank dev excerpts (a benchmark, never a test).

Usage: python benchmarks/eval_litbank.py [DIR] [--worst N] [--verbose] [--ner spacy --spacy-model NAME]

Default DIR: ../shared/eval/litbank-dev/ beside the repository.  Gold is every
``PER`` mention of kind ``PROP`` in ``coref/NAME_brat.ann`` (token offsets on
the space-tokenised lines of ``brat/NAME_brat.txt``, turned into character
spans here).  Predictions are graphkit's default discovery (no cast file, no
model): every mention of a character or person (works are not persons).  With
``--ner spacy`` they come from an installed spaCy pipeline instead, for
comparison.

Prints micro-averaged precision, recall and F1 by exact span and by overlap,
per excerpt and overall, the worst excerpts with their false positives and
misses, and character-level figures: predicted characters matched one-to-one
to gold coreference clusters (by shared mentions) after alias merging.
Exits 0 with a message when the data is absent.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
# The repository may be a worktree beside the shared folder (../shared) or inside one.
CANDIDATES = [
    HERE.parent.parent / "shared" / "eval" / "litbank-dev",
    HERE.parents[2] / "shared" / "eval" / "litbank-dev",
]

Span = tuple[int, int]


@dataclass
class Excerpt:
    name: str
    text: str
    gold: dict[Span, str]  # span -> gold cluster id
    pred: dict[Span, str] = field(default_factory=dict)  # span -> predicted character


def line_token_offsets(text: str) -> list[list[tuple[int, int]]]:
    """Character span of every space-separated token, line by line."""
    out = []
    pos = 0
    for line in text.split("\n"):
        spans = []
        i = 0
        for tok in line.split(" "):
            if tok:
                spans.append((pos + i, pos + i + len(tok)))
            i += len(tok) + 1
        out.append(spans)
        pos += len(line) + 1
    return out


def read_coref(
    coref_ann: Path, text: str, kinds: tuple[str, str] | None = ("PER", "PROP")
) -> tuple[dict[str, str], dict[str, Span]]:
    """A coref .ann file: mention id -> cluster id, and mention id -> character span of ``text``.

    ``kinds`` keeps only mentions of that category and kind (``None``: all of them).
    """
    tokens = line_token_offsets(text)
    clusters: dict[str, str] = {}
    mentions: dict[str, Span] = {}
    for line in coref_ann.read_text(encoding="utf-8").splitlines():
        cols = line.split("\t")
        if cols[0] == "COREF":
            clusters[cols[1]] = cols[2]
        elif cols[0] == "MENTION" and (kinds is None or tuple(cols[-2:]) == kinds):
            s1, t1, s2, t2 = map(int, cols[2:6])
            span = (tokens[s1][t1][0], tokens[s2][t2][1])
            if " ".join(text[span[0] : span[1]].split()) != " ".join(cols[6].split()):
                raise ValueError(f"{coref_ann.name}: {cols[6]!r} != {text[span[0] : span[1]]!r}")
            mentions[cols[1]] = span
    return clusters, mentions


def load_gold(coref_ann: Path, text: str) -> dict[Span, str]:
    """PER/PROP mentions of a coref .ann file as character spans -> cluster id."""
    clusters, mentions = read_coref(coref_ann, text)
    return {span: clusters.get(tid, tid) for tid, span in mentions.items()}


def predict(text: str, name: str, ner: object = "rules") -> dict[Span, str]:
    """graphkit's mentions stage on ``text``: span (in the text as read) -> character.

    ``ner`` is ``"rules"`` (default discovery) or a loaded spaCy pipeline.
    """
    from graphkit.analysis import detect_mentions
    from graphkit.io.text import SourceText
    from graphkit.pipeline.characters import merge_characters
    from graphkit.pipeline.document import build_document

    doc = build_document(SourceText(text=text, source=name))
    _, mentions = merge_characters(doc, detect_mentions(doc, ner=ner))
    people = [m for m in mentions if m.kind != "work"]
    if not people:
        return {}
    flat = [x for m in people for x in (m.start, m.end)]
    raw = doc.offsets.to_raw(flat).tolist()
    return {(raw[2 * i], raw[2 * i + 1]): m.character for i, m in enumerate(people)}


def overlaps(a: Span, b: Span) -> bool:
    return a[0] < b[1] and b[0] < a[1]


@dataclass
class Tally:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, other: Tally) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn

    def prf(self) -> tuple[float, float, float]:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return p, r, f


def score_exact(ex: Excerpt) -> Tally:
    tp = len(set(ex.pred) & set(ex.gold))
    return Tally(tp, len(ex.pred) - tp, len(ex.gold) - tp)


def score_overlap(ex: Excerpt) -> tuple[Tally, list[Span], list[Span]]:
    """Overlap matching: a prediction is right when it overlaps a gold span; a gold span is
    found when some prediction overlaps it.  Returns the tally, false positives and misses."""
    gold = sorted(ex.gold)
    pred = sorted(ex.pred)
    false_pos = [p for p in pred if not any(overlaps(p, g) for g in gold)]
    misses = [g for g in gold if not any(overlaps(p, g) for p in pred)]
    # Precision counts predictions, recall counts gold spans.
    return Tally(len(pred) - len(false_pos), len(false_pos), len(misses)), false_pos, misses


def score_characters(ex: Excerpt) -> tuple[int, int, int]:
    """(matched, predicted characters, gold characters), matched one-to-one by shared mentions."""
    shared: Counter = Counter()
    for p, char in ex.pred.items():
        for g, cluster in ex.gold.items():
            if overlaps(p, g):
                shared[char, cluster] += 1
    used_p: set[str] = set()
    used_g: set[str] = set()
    matched = 0
    for (char, cluster), _ in sorted(shared.items(), key=lambda kv: (-kv[1], kv[0])):
        if char in used_p or cluster in used_g:
            continue
        used_p.add(char)
        used_g.add(cluster)
        matched += 1
    return matched, len(set(ex.pred.values())), len(set(ex.gold.values()))


def fmt_prf(t: Tally) -> str:
    p, r, f = t.prf()
    return f"P {p:.3f}  R {r:.3f}  F1 {f:.3f}"


def find_data(arg: Path | None) -> Path | None:
    for d in [arg] if arg else CANDIDATES:
        if d and (d / "coref").is_dir() and (d / "brat").is_dir():
            return d
    return None


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("data", nargs="?", type=Path)
    parser.add_argument("--worst", type=int, default=5, help="Worst excerpts to show.")
    parser.add_argument("--verbose", "-v", action="store_true", help="Show every excerpt's errors.")
    parser.add_argument(
        "--ner", choices=["rules", "spacy"], default="rules", help="Name detector (default: rules)."
    )
    parser.add_argument(
        "--spacy-model", default="en_core_web_sm", help="Installed spaCy pipeline for --ner spacy."
    )
    args = parser.parse_args()
    ner: object = args.ner
    if args.ner == "spacy":
        from graphkit.errors import GraphkitError
        from graphkit.pipeline.mentions.spacy_ner import load_pipeline

        try:
            ner = load_pipeline(args.spacy_model)
        except GraphkitError as exc:
            print(f"error: {exc}", file=sys.stderr)
            return 1
    data = find_data(args.data)
    if data is None:
        print("LitBank dev data not found (looked in ../shared/eval/litbank-dev); skipping.")
        return 0

    excerpts = []
    t0 = time.perf_counter()
    for ann in sorted((data / "coref").glob("*_brat.ann")):
        txt = data / "brat" / ann.name.replace(".ann", ".txt")
        text = txt.read_text(encoding="utf-8")
        ex = Excerpt(ann.name.removesuffix("_brat.ann"), text, load_gold(ann, text))
        ex.pred = predict(text, ex.name, ner)
        excerpts.append(ex)
    elapsed = time.perf_counter() - t0

    exact, overlap = Tally(), Tally()
    rows = []
    chars = [0, 0, 0]
    for ex in excerpts:
        e = score_exact(ex)
        o, fps, misses = score_overlap(ex)
        c = score_characters(ex)
        exact.add(e)
        overlap.add(o)
        chars = [a + b for a, b in zip(chars, c)]
        rows.append((ex, e, o, fps, misses, c))

    print(f"LitBank dev: {len(excerpts)} excerpts, {exact.tp + exact.fn} gold PER/PROP mentions")
    print(f"{'excerpt':<44} {'gold':>4} {'pred':>4}  exact F1  overlap F1  chars found/pred/gold")
    for ex, e, o, _, _, c in rows:
        print(
            f"{ex.name[:44]:<44} {len(ex.gold):>4} {len(ex.pred):>4}  {e.prf()[2]:8.3f}  "
            f"{o.prf()[2]:10.3f}  {c[0]:>5}/{c[1]}/{c[2]}"
        )
    print()
    print(f"overall exact:    {fmt_prf(exact)}")
    print(f"overall overlap:  {fmt_prf(overlap)}")
    cp = chars[0] / chars[1] if chars[1] else 0.0
    cr = chars[0] / chars[2] if chars[2] else 0.0
    cf = 2 * cp * cr / (cp + cr) if cp + cr else 0.0
    print(
        f"characters:       P {cp:.3f}  R {cr:.3f}  F1 {cf:.3f}  "
        f"({chars[0]} matched, {chars[1]} predicted, {chars[2]} gold clusters)"
    )
    print(f"time: {elapsed:.2f} s for {len(excerpts)} excerpts (including reading)")

    worst = sorted(rows, key=lambda r: (r[2].prf()[2], r[0].name))
    shown = worst if args.verbose else worst[: args.worst]
    for ex, e, o, fps, misses, _ in shown:
        print(f"\n== {ex.name}: overlap {fmt_prf(o)}; exact {fmt_prf(e)}")
        fp_text = Counter(" ".join(ex.text[a:b].split()) for a, b in fps)
        miss_text = Counter(" ".join(ex.text[a:b].split()) for a, b in misses)
        near = defaultdict(int)
        for p in ex.pred:
            if p not in ex.gold and p not in fps:
                near[" ".join(ex.text[p[0] : p[1]].split())] += 1
        print("  false positives: " + ", ".join(f"{t} x{n}" for t, n in fp_text.most_common()))
        print("  misses:          " + ", ".join(f"{t} x{n}" for t, n in miss_text.most_common()))
        if near:
            gold_near = Counter(
                " ".join(ex.text[g[0] : g[1]].split())
                for g in ex.gold
                if g not in ex.pred and g not in misses
            )
            print(
                "  boundary errors: predicted "
                + ", ".join(f"{t} x{n}" for t, n in sorted(near.items()))
                + " | gold "
                + ", ".join(f"{t} x{n}" for t, n in gold_near.most_common())
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
