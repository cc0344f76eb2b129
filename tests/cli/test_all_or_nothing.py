"""``analyze --out``: the whole set is swapped in at once; signals leave no temporary files."""

from __future__ import annotations

import errno
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

import graphkit
from graphkit.analysis import OUTPUT_FILES
from graphkit.cli import main
from graphkit.errors import OutputError
from graphkit.exporters import atomic

TEXT = "Ann met Bob. Bob thanked Ann.\n\nAnn left with Cid. Cid saw Bob.\n"

# The child slows writes down (a mapping whose items come slowly), touches READY once two
# files are written, and optionally signals itself from inside the swap.
CHILD = textwrap.dedent(
    """
    import os, signal, sys, time
    from pathlib import Path
    import graphkit.analysis as analysis
    from graphkit.exporters import atomic
    text, out, ready, mode = sys.argv[1:5]
    files = analysis.Analysis.files

    class Slow(dict):
        def items(self):
            for k, (name, data) in enumerate(dict.items(self)):
                if k == 2:
                    Path(ready).touch()
                    time.sleep(30)
                yield name, data

    if mode == "slow":
        analysis.Analysis.files = lambda self, **kw: Slow(files(self, **kw))
    else:
        exchange = atomic._exchange
        def kill_then_swap(a, b):
            os.kill(os.getpid(), signal.SIGTERM)  # held back until the swap is done
            time.sleep(0.2)
            return exchange(a, b)
        atomic._exchange = kill_then_swap
    from graphkit.cli import main
    main(["analyze", text, "-o", out, "--no-cast"], prog_name="graphkit")
    """
)


def _old_output(tmp_path: Path) -> tuple[Path, Path, dict[str, bytes]]:
    text = tmp_path / "t.txt"
    text.write_text(TEXT, encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    old = {name: f"old {name}".encode() for name in OUTPUT_FILES}
    for name, data in old.items():
        (out / name).write_bytes(data)
    (out / "notes.txt").write_bytes(b"mine")  # a file of the user's
    return text, out, old


def _run_child(tmp_path: Path, text: Path, out: Path, mode: str, signum: int | None):
    ready = tmp_path / "ready"
    env = {**os.environ, "PYTHONPATH": str(Path(graphkit.__file__).parents[1])}
    proc = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(text), str(out), str(ready), mode],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
    )
    if signum is not None:
        deadline = time.monotonic() + 120
        while not ready.exists() and proc.poll() is None and time.monotonic() < deadline:
            time.sleep(0.05)
        assert ready.exists(), proc.communicate()
        proc.send_signal(signum)
    stdout, stderr = proc.communicate(timeout=120)
    return proc.returncode, stdout.decode(), stderr.decode()


def _leftovers(tmp_path: Path) -> list[Path]:
    return [p for p in tmp_path.rglob("*") if p.name.endswith(".tmp")]


@pytest.mark.parametrize(
    ("signum", "status", "word"),
    [(signal.SIGTERM, 143, "terminated"), (signal.SIGINT, 130, "interrupted")],
)
def test_a_signal_during_the_writes_leaves_the_old_folder(tmp_path, signum, status, word):
    text, out, old = _old_output(tmp_path)
    code, _, stderr = _run_child(tmp_path, text, out, "slow", signum)
    assert code == status
    assert stderr.startswith(f"Error: {word}") and stderr.count("\n") == 1
    assert "Traceback" not in stderr
    assert _leftovers(tmp_path) == []
    assert {p.name: p.read_bytes() for p in out.iterdir()} == {**old, "notes.txt": b"mine"}


def test_a_signal_during_the_swap_waits_for_the_whole_new_set(tmp_path):
    text, out, old = _old_output(tmp_path)
    code, _, stderr = _run_child(tmp_path, text, out, "swap", None)
    assert code == 143 and stderr.count("\n") == 1
    assert _leftovers(tmp_path) == []
    assert {p.name for p in out.iterdir()} == {*OUTPUT_FILES, "notes.txt"}
    assert all((out / name).read_bytes() != data for name, data in old.items())
    assert (out / "notes.txt").read_bytes() == b"mine"


def test_a_failed_write_keeps_the_old_folder_and_names_the_users_path(tmp_path, monkeypatch):
    _, out, old = _old_output(tmp_path)
    a = graphkit.analyze_text(TEXT)
    real_open = open

    def full_disk(path, *args, **kwargs):
        if Path(path).name == "edges.csv":
            raise OSError(errno.ENOSPC, "No space left on device", str(path))
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr(atomic, "open", full_disk, raising=False)
    with pytest.raises(OutputError) as info:
        a.export(out, pictures=False)
    assert str(info.value).startswith(f"{out / 'edges.csv'}: cannot write: No space left")
    assert ".tmp" not in str(info.value)
    assert _leftovers(tmp_path) == []
    assert {p.name: p.read_bytes() for p in out.iterdir()} == {**old, "notes.txt": b"mine"}


def test_a_new_folder_appears_whole(tmp_path):
    out = tmp_path / "a" / "b"
    written = graphkit.analyze_text(TEXT).export(out, pictures=False)
    assert sorted(p.name for p in out.iterdir()) == sorted(p.name for p in written)
    assert _leftovers(tmp_path) == []


def test_an_unwritable_output_names_the_users_path(tmp_path):
    (tmp_path / "t.txt").write_text(TEXT, encoding="utf-8")
    blocker = tmp_path / "file"
    blocker.write_text("x")
    r = CliRunner().invoke(main, ["analyze", str(tmp_path / "t.txt"), "-o", str(blocker / "o")])
    assert r.exit_code == 1 and r.output.count("\n") == 1
    assert r.output.startswith(f"Error: {blocker}") and ".tmp" not in r.output
