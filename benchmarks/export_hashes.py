"""Hash every output graphkit writes for a set of texts, to prove a refactor changes none.

For each text under ``../shared`` (novels, plays, co-appearance tables, the seed, the LitBank
dev excerpts) and the bundled article, with its cast file (when it has one) and without,
this runs ``analyze`` and hashes every file :meth:`Analysis.files` returns (GraphML, GEXF,
JSON, CSV, PNG), plus the CLI's ``characters -f csv`` and ``mentions -f jsonl`` output.

    python benchmarks/export_hashes.py --record before.json     # on the old code
    python benchmarks/export_hashes.py --check before.json      # on the new code: lists changes
    python benchmarks/export_hashes.py --check before.json --no-pictures   # skip the PNGs

Exit status 0 when ``--check`` finds every hash equal, 1 otherwise.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path

from click.testing import CliRunner

import graphkit
from graphkit.cli import main as cli

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


def texts() -> list[Path]:
    """Every text the check covers, in a fixed order."""
    found = [ROOT / "data" / "her.txt"]
    for sub, pattern in (
        ("seed", "*.txt"),
        ("texts", "*_pg*.txt"),
        ("plays", "*.xml"),
        ("coappearance", "*.dat"),
        ("eval/litbank-dev/tsv", "*.tsv"),
    ):
        found += sorted((SHARED / sub).glob(pattern))
    return found


def litbank_text(path: Path, tmp: Path) -> Path:
    """A LitBank excerpt as plain text (its tokens joined by spaces, one line per sentence)."""
    lines, words = [], []
    for row in path.read_text(encoding="utf-8").splitlines():
        if not row.strip():
            if words:
                lines.append(" ".join(words))
                words = []
            continue
        words.append(row.split("\t")[0])
    if words:
        lines.append(" ".join(words))
    out = tmp / (path.stem + ".txt")
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return out


def digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()[:16]


def hashes_for(path: Path, cast: bool, pictures: bool) -> dict[str, str]:
    opts = {} if cast else {"cast": False}
    a = graphkit.analyze(path, **opts)
    out = {
        name: digest(data)
        for name, data in a.files().items()
        if pictures or not name.endswith(".png")
    }
    flag = [] if cast else ["--no-cast"]
    runner = CliRunner()
    for cmd in (["characters", "-f", "csv"], ["mentions", "-f", "jsonl"]):
        r = runner.invoke(cli, [cmd[0], str(path), *cmd[1:], *flag])
        out[f"cli-{cmd[0]}"] = (
            digest(r.output.encode("utf-8")) if r.exit_code == 0 else f"exit {r.exit_code}"
        )
    return out


def collect(pictures: bool) -> dict[str, dict[str, str]]:
    import tempfile

    result = {}
    with tempfile.TemporaryDirectory() as tmp:
        for path in texts():
            src = litbank_text(path, Path(tmp)) if path.suffix == ".tsv" else path
            for cast in (True, False):
                key = f"{path.relative_to(ROOT.parent) if SHARED in path.parents else path.relative_to(ROOT)} cast={cast}"
                result[key] = hashes_for(src, cast, pictures)
                print(key, file=sys.stderr)
    return result


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    group = ap.add_mutually_exclusive_group(required=True)
    group.add_argument("--record", metavar="FILE")
    group.add_argument("--check", metavar="FILE")
    ap.add_argument("--no-pictures", action="store_true", help="Skip the PNG files.")
    args = ap.parse_args()
    now = collect(pictures=not args.no_pictures)
    if args.record:
        Path(args.record).write_text(json.dumps(now, indent=1, sort_keys=True) + "\n")
        print(f"{len(now)} runs, {sum(map(len, now.values()))} outputs recorded in {args.record}")
        return 0
    before = json.loads(Path(args.check).read_text())
    changed = 0
    for key, files in sorted(now.items()):
        for name, h in sorted(files.items()):
            old = before.get(key, {}).get(name)
            if old != h:
                changed += 1
                print(f"CHANGED {key} {name}: {old} -> {h}")
    total = sum(map(len, now.values()))
    print(f"{total - changed} of {total} outputs identical over {len(now)} runs")
    return 1 if changed else 0


if __name__ == "__main__":
    sys.exit(main())
