"""Score quotations and their speakers on LitBank's quotation layer (a benchmark, never a test).

Usage: python benchmarks/eval_litbank_quotes.py [DIR] [--verbose]

Default DIR: ../shared/eval/litbank-dev/ beside the repository.  Gold is
``quotations/NAME_brat.ann`` (Sims and Bamman 2020): ``QUOTE`` rows give each
quotation by sentence and token span of the space-tokenised
``quotations/NAME_brat.txt``, ``ATTRIB`` rows its speaker as a coreference
entity of ``coref/NAME_brat.ann``.  Each excerpt is analysed as a user would
run graphkit on it: ``graphkit.analyze(path, cast=False)``, then
``Analysis.quotes`` (offsets into the file as read) and ``mention_records()``.

- A gold quotation is *found* when one predicted quotation covers at least
  half of its characters; a predicted quotation is *right* when at least half
  of it lies in one gold quotation (recall and precision).
- The speaker of a found quotation is right when the predicted speaker's node
  has a mention overlapping a mention of the gold entity (its names, or the
  narrator's "I").  A gold entity none of whose mentions graphkit names
  ("One girl") cannot be named by any node: accuracy is given over every
  attributed quotation and over the *nameable* ones.

Prints a line per excerpt with quotations, then the micro-averaged totals.
Exits 0 with a message when the data is absent.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from eval_litbank import CANDIDATES, line_token_offsets, read_coref  # noqa: E402

Span = tuple[int, int]


@dataclass
class Gold:
    spans: list[Span]  # each quotation, in file order
    speakers: list[str | None]  # its speaker's entity id
    entity_mentions: dict[str, list[Span]]  # entity id -> every mention's span


@dataclass
class Tally:
    gold: int = 0
    found: int = 0
    pred: int = 0
    right: int = 0
    attributed: int = 0  # found gold quotations with a gold speaker
    nameable: int = 0
    correct: int = 0

    def add(self, other: Tally) -> None:
        for k in self.__dataclass_fields__:
            setattr(self, k, getattr(self, k) + getattr(other, k))

    def line(self) -> str:
        def ratio(a: int, b: int) -> str:
            return f"{a / b:.3f}" if b else "  -  "

        return (
            f"recall {ratio(self.found, self.gold)}  precision {ratio(self.right, self.pred)}  "
            f"speaker {ratio(self.correct, self.attributed)} "
            f"(nameable {ratio(self.correct, self.nameable)}, {self.nameable}/{self.attributed})"
        )


def load_gold(quote_ann: Path, coref_ann: Path, text: str) -> Gold:
    """The quotations and speakers of one excerpt as character spans of ``text``."""
    tokens = line_token_offsets(text)
    spans, ids = [], []
    speaker: dict[str, str] = {}
    for line in quote_ann.read_text(encoding="utf-8").splitlines():
        cols = line.split("\t")
        if cols[0] == "QUOTE":
            s1, t1, s2, t2 = map(int, cols[2:6])
            spans.append((tokens[s1][t1][0], tokens[s2][t2][1]))
            ids.append(cols[1])
        elif cols[0] == "ATTRIB":
            speaker[cols[1]] = cols[2]
    entity_of, mention_span = read_coref(coref_ann, text, kinds=None)
    entity_mentions: dict[str, list[Span]] = defaultdict(list)
    for tid, span in mention_span.items():
        entity_mentions[entity_of.get(tid, tid)].append(span)
    order = sorted(range(len(spans)), key=lambda i: spans[i])
    return Gold(
        [spans[i] for i in order], [speaker.get(ids[i]) for i in order], dict(entity_mentions)
    )


def _overlap(a: Span, b: Span) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def score(path: Path, gold: Gold) -> tuple[Tally, list[str]]:
    """Analyse one excerpt and score its quotations against ``gold``."""
    import graphkit

    analysis = graphkit.analyze(path, cast=False)
    quotes = analysis.quotes
    pred = list(zip(quotes["start"], quotes["end"], quotes["speaker"], strict=True))
    by_node: dict[str, list[Span]] = defaultdict(list)
    for m in analysis.mention_records():
        by_node[m["character"]].append((m["start"], m["end"]))
    t = Tally(gold=len(gold.spans), pred=len(pred))
    for a, b, _ in pred:
        if any(_overlap((a, b), g) * 2 >= b - a for g in gold.spans):
            t.right += 1
    errors = []
    text = path.read_text(encoding="utf-8")
    for g, who in zip(gold.spans, gold.speakers, strict=True):
        best = max(pred, key=lambda p: _overlap((p[0], p[1]), g), default=None)
        if best is None or _overlap((best[0], best[1]), g) * 2 < g[1] - g[0]:
            errors.append(f"  missed: {text[g[0] : g[1]][:70]!r}")
            continue
        t.found += 1
        if who is None:
            continue
        t.attributed += 1
        theirs = gold.entity_mentions.get(who, [])

        def names(node: str | None, theirs: list[Span] = theirs) -> bool:
            return bool(node) and any(_overlap(m, x) for m in by_node.get(node, ()) for x in theirs)

        if any(names(node) for node in by_node):
            t.nameable += 1
        speaker = best[2] if isinstance(best[2], str) else None
        if names(speaker):
            t.correct += 1
        else:
            errors.append(f"  speaker {speaker!r} for {who}: {text[g[0] : g[1]][:60]!r}")
    return t, errors


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("data", nargs="?", type=Path)
    parser.add_argument("--verbose", "-v", action="store_true", help="Show every error.")
    args = parser.parse_args()
    data = next(
        (
            d
            for d in ([args.data] if args.data else CANDIDATES)
            if d and (d / "quotations").is_dir()
        ),
        None,
    )
    if data is None:
        print(
            "LitBank quotations not found (../shared/eval/litbank-dev/quotations): nothing to score"
        )
        return 0
    total = Tally()
    with tempfile.TemporaryDirectory() as tmp:
        for ann in sorted((data / "quotations").glob("*_brat.ann")):
            name = ann.name[: -len("_brat.ann")]
            text = (data / "quotations" / f"{name}_brat.txt").read_text(encoding="utf-8")
            gold = load_gold(ann, data / "coref" / f"{name}_brat.ann", text)
            if not gold.spans:
                continue
            path = Path(tmp) / f"{name}.txt"
            path.write_text(text, encoding="utf-8")
            t, errors = score(path, gold)
            total.add(t)
            print(f"{name[:40]:40s} {t.gold:3d} quotations  {t.line()}")
            if args.verbose:
                print("\n".join(errors))
    print(f"\nall: {total.gold} gold quotations, {total.pred} predicted")
    print(f"all: {total.line()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
