"""Bad texts are error rows in errors.csv; the run goes on and says how many failed."""

from __future__ import annotations

import os
from pathlib import Path

import pandas as pd

import graphkit


def _bad_folder(corpus_dir: Path) -> Path:
    (corpus_dir / "empty.txt").write_bytes(b"")
    (corpus_dir / "blank.txt").write_bytes(b"  \n\n ")
    (corpus_dir / "binary.dat").write_bytes(bytes(range(256)) * 8)
    (corpus_dir / "huge.txt").write_text("Ann met Bob. " * 20_000)
    (corpus_dir / "gone.txt").symlink_to(corpus_dir / "nowhere.txt")  # unreadable: dangling
    (corpus_dir / "folder.txt").mkdir()  # a folder with a text's name: searched, holds nothing
    os.mkfifo(corpus_dir / "pipe.txt")  # never read (it would block)
    return corpus_dir


def test_bad_texts_become_error_rows(corpus_dir: Path, tmp_path: Path):
    _bad_folder(corpus_dir)
    listing = tmp_path / "list.txt"
    listing.write_text(
        f"{corpus_dir / 'tale.txt'}\n{corpus_dir / 'missing.txt'}\n{corpus_dir}/folder.txt\n"
    )
    out = tmp_path / "out"
    result = graphkit.analyze_corpus(
        [corpus_dir, f"@{listing}"], out, jobs=1, pictures=False, max_bytes=100_000
    )
    assert sorted(result.rows["stem"]) == ["letters", "tale", "voyage"]
    errors = pd.read_csv(out / "errors.csv", keep_default_na=False)
    reasons = dict(zip(errors["path"].map(lambda p: Path(p).name), errors["reason"]))
    assert set(reasons) == {"empty.txt", "blank.txt", "binary.dat", "huge.txt", "gone.txt",
                            "pipe.txt", "missing.txt"}  # fmt: skip
    assert reasons["empty.txt"].endswith("file is empty")
    assert "binary" in reasons["binary.dat"]
    assert "over the 0.1 MB limit" in reasons["huge.txt"]
    assert reasons["gone.txt"].endswith("no such file")
    assert reasons["pipe.txt"].endswith("not a file")
    assert reasons["missing.txt"] == "no such file or folder"
    assert all("\n" not in r for r in reasons.values())
    assert result.failed == 7
    # Nothing half-written: only the good texts have folders, and no hidden leftovers.
    assert sorted(p.name for p in (out / "texts").iterdir()) == ["letters", "tale", "voyage"]
