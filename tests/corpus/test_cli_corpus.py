"""``graphkit corpus`` with click's CliRunner: exit codes, messages, --help."""

from __future__ import annotations

import time
from pathlib import Path

from click.testing import CliRunner

from graphkit.cli import main


def _run(*args: str):
    return CliRunner().invoke(main, ["corpus", *args])


def test_help_ends_with_an_example():
    result = _run("--help")
    assert result.exit_code == 0
    assert "Example:" in result.output and "graphkit corpus shelf/" in result.output


def test_success_then_resume_then_merge(corpus_dir: Path, tmp_path: Path):
    out = tmp_path / "out"
    result = _run(str(corpus_dir), "--out", str(out), "--no-cast", "-j", "1", "--no-pictures")
    assert result.exit_code == 0, result.output
    assert "3 texts: 3 analysed, 0 already current, 0 failed" in result.output
    assert (out / "corpus.csv").is_file() and (out / "texts" / "tale" / "nodes.csv").is_file()
    assert not (out / "texts" / "tale" / "network.png").exists()
    result = _run(str(corpus_dir), "--out", str(out), "--no-cast", "-j", "1", "--no-pictures",
                  "--merge")  # fmt: skip
    assert "0 analysed, 3 already current" in result.output
    assert (out / "merged" / "graph.graphml").is_file()


def test_failed_texts_exit_1_and_say_how_many(corpus_dir: Path, tmp_path: Path):
    (corpus_dir / "empty.txt").write_bytes(b"")
    result = _run(str(corpus_dir), str(tmp_path / "nothing.txt"), "--out", str(tmp_path / "o"),
                  "-j", "1", "--no-pictures")  # fmt: skip
    assert result.exit_code == 1
    assert "Error: 2 of 5 texts failed" in result.output
    assert "Traceback" not in result.output


def test_usage_errors_exit_2(corpus_dir: Path, tmp_path: Path):
    assert _run(str(corpus_dir)).exit_code == 2  # no --out
    assert _run(str(corpus_dir), "--out", str(tmp_path), "--gather").exit_code == 2
    assert _run(str(corpus_dir), "--out", str(tmp_path), "--cast", "x", "--no-cast").exit_code == 2
    assert _run(str(corpus_dir), "--out", str(tmp_path), "--window", "lines").exit_code == 2


def test_a_scheduler_that_does_not_answer_is_one_line(corpus_dir: Path, tmp_path: Path):
    start = time.perf_counter()
    result = _run(str(corpus_dir), "--out", str(tmp_path / "o"), "--engine", "dask",
                  "--scheduler", "tcp://127.0.0.1:9", "--no-pictures")  # fmt: skip
    assert result.exit_code == 1
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error: cannot reach the Dask scheduler")
    assert time.perf_counter() - start < 10
