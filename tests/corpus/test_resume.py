"""Resumability: a second run skips current texts; --force, a changed option or input redoes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import graphkit
from graphkit.corpus.job import write_text_folder


def _run(src: Path, out: Path, **kw):
    return graphkit.analyze_corpus(src, out, jobs=1, pictures=False, quiet=True, **kw)


def test_second_run_skips_and_force_or_changes_redo(corpus_dir: Path, tmp_path: Path):
    out = tmp_path / "out"
    first = _run(corpus_dir, out)
    assert (first.done, first.skipped, first.failed) == (3, 0, 0)
    manifest = json.loads((out / "texts" / "tale" / "manifest.json").read_text())
    assert manifest["graphkit"] == graphkit.__version__
    assert set(manifest["inputs"]) == {"text"} and len(manifest["inputs"]["text"]) == 64
    assert manifest["options"]["pictures"] is False
    corpus_csv = (out / "corpus.csv").read_bytes()

    again = _run(corpus_dir, out)
    assert (again.done, again.skipped) == (0, 3)
    assert (out / "corpus.csv").read_bytes() == corpus_csv

    assert _run(corpus_dir, out, force=True).done == 3
    assert _run(corpus_dir, out, window="paragraph").done == 3  # an option changed

    (corpus_dir / "tale.txt").write_text("Ann met Bob. Bob left.")  # an input changed
    changed = _run(corpus_dir, out, window="paragraph")
    assert (changed.done, changed.skipped) == (1, 2)
    assert changed.rows.set_index("stem").loc["tale", "words"] == 5


def test_interrupted_run_leaves_whole_folders_and_the_next_finishes(corpus_dir: Path, tmp_path):
    texts = tmp_path / "out" / "texts"
    # What a killed worker leaves: a hidden half-written folder, never a visible one.
    (texts / ".tale.tmp-dead").mkdir(parents=True)
    (texts / ".tale.tmp-dead" / "nodes.csv").write_text("half")

    class Interrupted(Exception):
        pass

    original = Path.write_bytes
    calls = []

    def dying_write(self, data):
        calls.append(self)
        if len(calls) == 2:  # Ctrl-C while the second file is being written
            raise Interrupted
        return original(self, data)

    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(Path, "write_bytes", dying_write)
        with pytest.raises(Interrupted):
            write_text_folder(texts, "voyage", {"a.csv": b"1\n", "b.csv": b"2\n"})
    assert sorted(p.name for p in texts.iterdir()) == [".tale.tmp-dead"]

    result = _run(corpus_dir, tmp_path / "out")
    assert result.done == 3
    assert sorted(p.name for p in texts.iterdir()) == ["letters", "tale", "voyage"]


def test_the_quotes_option_reaches_every_text_and_redoes_them(tmp_path: Path):
    src = tmp_path / "src"
    src.mkdir()
    (src / "talk.txt").write_text('"Come here, Bob," said Ann. Bob saw Ann.\n\n"No," said Bob.\n',
                                  encoding="utf-8")  # fmt: skip
    out = tmp_path / "out"
    assert _run(src, out).done == 1
    assert "quotes" not in (out / "texts" / "talk" / "edges.csv").read_text().splitlines()[0]
    quoted = _run(src, out, quotes=True)
    assert quoted.done == 1  # an option changed
    header, row = (out / "texts" / "talk" / "edges.csv").read_text().splitlines()[:2]
    assert "quotes" in header.split(",") and row.startswith("Ann,Bob,")
    manifest = json.loads((out / "texts" / "talk" / "manifest.json").read_text())
    assert manifest["options"]["quotes"] is True
