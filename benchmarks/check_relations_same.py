"""Record the output of the relation stage on many texts, or check it is unchanged (never a test).

Usage:
    python benchmarks/check_relations_same.py --record baseline.json
    python benchmarks/check_relations_same.py --check baseline.json

Texts: ``data/her.txt`` (with and without its cast), every text of
``tests/fixtures/relations/`` and ``tests/fixtures/heldout/`` (and each
sentence of ``sentences.yml``), the first 300 KB of Les Misérables and Pride
and Prejudice, and the whole of Les Misérables.  For each it records the
mentions after :func:`graphkit.pipeline.mentions.works.add_work_mentions`, both raw passes of
:func:`graphkit.pipeline.relations.extract.extract_relations` (with the rule that found each
relation), and what :func:`graphkit.pipeline.relations.extract.find_relations` and
:func:`graphkit.pipeline.relations.extract.apply_kinds` return.  Optimisations of these
stages must leave every list exactly as it was.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "texts"


def _texts() -> list[tuple[str, str, Path | None]]:
    """(label, text, cast path or None) of every text checked."""
    out = []
    her = ROOT / "data" / "her.txt"
    out.append(("her+cast", her.read_text(encoding="utf-8"), ROOT / "data" / "her.cast.yml"))
    out.append(("her", her.read_text(encoding="utf-8"), None))
    for folder in ("relations", "heldout"):
        for p in sorted((ROOT / "tests" / "fixtures" / folder).glob("*.txt")):
            out.append((f"{folder}/{p.name}", p.read_text(encoding="utf-8"), None))
    cases = yaml.safe_load(
        (ROOT / "tests" / "fixtures" / "relations" / "sentences.yml").read_text(encoding="utf-8")
    )
    for family, cs in cases.items():
        for i, c in enumerate(cs):
            out.append((f"sentences/{family}-{i}", c["text"], None))
    for name in ("les_miserables_hugo_pg135.txt", "pride_and_prejudice_austen_pg1342.txt"):
        path = SHARED / name
        if path.exists():
            text = path.read_text(encoding="utf-8")
            out.append((f"{name}[:300KB]", text[:300_000], None))
    full = SHARED / "les_miserables_hugo_pg135.txt"
    if full.exists():
        out.append(("les_miserables (whole)", full.read_text(encoding="utf-8"), None))
    return out


def _record(text: str, cast_path: Path | None) -> tuple[dict, float]:
    """Everything the relation stage returns on one text, and the seconds it took."""
    from graphkit.analysis import resolve_cast
    from graphkit.io.text import SourceText
    from graphkit.pipeline.characters import merge_characters
    from graphkit.pipeline.document import build_document
    from graphkit.pipeline.mentions.discovery import find_mentions
    from graphkit.pipeline.mentions.works import add_work_mentions
    from graphkit.pipeline.relations.extract import (
        apply_kinds,
        extract_relations,
        find_relations,
        infer_kinds,
    )

    cast = resolve_cast(cast_path, None) if cast_path else None
    doc = build_document(SourceText(text=text, source="<check>"))
    mentions = find_mentions(doc, cast)
    t = time.perf_counter()
    if cast is None:
        mentions = add_work_mentions(doc, mentions)
    works_secs = time.perf_counter() - t
    work_ms = [(m.start, m.end, m.text, m.character, m.kind, m.sentence) for m in mentions]
    characters, mentions = merge_characters(doc, mentions, cast)
    t = time.perf_counter()
    relations, kinds = find_relations(doc, mentions, characters, cast is not None)
    chars, ms = apply_kinds(characters, mentions, kinds)
    secs = time.perf_counter() - t
    given = {c.id: c.kind for c in characters}
    first = extract_relations(doc, mentions, {k: v for k, v in given.items() if v == "work"})
    second = extract_relations(doc, mentions, {**given, **infer_kinds(first)})

    def raw(found):
        return [(r.source, r.type, r.target, r.sentence, rule.id) for r, rule in found]

    return {
        "work_mentions": work_ms,
        "pass1": raw(first),
        "pass2": raw(second),
        "relations": [(r.source, r.type, r.target, r.sentence) for r in relations],
        "kinds": sorted(kinds.items()),
        "characters": [(c.id, c.kind) for c in chars],
        "mentions": [(m.start, m.character, m.kind) for m in ms],
    }, (works_secs, secs)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    group = parser.add_mutually_exclusive_group(required=True)
    group.add_argument("--record", type=Path)
    group.add_argument("--check", type=Path)
    args = parser.parse_args()
    results, bad = {}, 0
    expected = json.loads(args.check.read_text()) if args.check else {}
    for label, text, cast in _texts():
        got, (works_secs, secs) = _record(text, cast)
        got = json.loads(json.dumps(got))  # tuples -> lists, as stored
        results[label] = got
        if args.check:
            want = expected.get(label)
            diff = [k for k in got if want is None or got[k] != want.get(k)]
            bad += bool(diff)
            if diff or len(text) > 100_000:
                status = "DIFFERS in " + ", ".join(diff) if diff else "same"
                print(
                    f"{label:<45} {status}  (relations {len(got['relations'])}, "
                    f"works {works_secs:.3f} s, relations {secs:.3f} s)"
                )
    if args.record:
        args.record.write_text(json.dumps(results))
        print(f"recorded {len(results)} texts to {args.record}")
        return 0
    print(f"{len(results)} texts checked, {bad} differ")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
