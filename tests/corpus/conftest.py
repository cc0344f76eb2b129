"""A small corpus of tiny texts (written here) and the bundled Her article."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
TEXTS = {
    "tale.txt": "Ann met Bob in the garden. Bob thanked Ann. Cy waved at Bob and Ann.",
    "voyage.txt": "Title: The Voyage\n\nDora sailed with Ed. Ed and Fay spoke of Dora. Fay left.",
    "shelf/letters.html": "<html><body><p>Gus wrote to Hal. Hal answered Gus and Ivy.</p></body></html>",
}


def write_corpus(folder: Path, her: bool = True) -> Path:
    """Write the tiny texts (and a copy of data/her.txt with its cast file) into ``folder``."""
    for name, text in TEXTS.items():
        p = folder / name
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text(text, encoding="utf-8")
    if her:
        shutil.copy(ROOT / "data" / "her.txt", folder / "her.txt")
        shutil.copy(ROOT / "data" / "her.cast.yml", folder / "her.cast.yml")
    return folder


@pytest.fixture
def corpus_dir(tmp_path: Path) -> Path:
    return write_corpus(tmp_path / "src", her=False)


def tree(folder: Path, skip: tuple[str, ...] = ("timings.csv",)) -> dict[str, bytes]:
    """Every file under ``folder`` as {relative path: bytes}, without ``skip``."""
    return {
        str(p.relative_to(folder)): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and p.name not in skip
    }
