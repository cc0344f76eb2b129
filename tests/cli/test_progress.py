"""A progress line on a terminal, nothing on a pipe."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

import graphkit
from graphkit.pipeline.progress import announce, progress_line, report

pty = pytest.importorskip("pty")


def _graphkit() -> str:
    exe = Path(sys.executable).with_name("graphkit")
    if not exe.exists():
        pytest.skip("graphkit script not installed beside this python")
    return str(exe)


def test_analyze_on_a_terminal_shows_each_stage_then_erases_the_line(tmp_path):
    master, slave = pty.openpty()
    proc = subprocess.Popen(
        [_graphkit(), "analyze", graphkit.example(), "-o", str(tmp_path / "out")],
        stdout=subprocess.PIPE,
        stderr=slave,
        cwd=tmp_path,
    )
    os.close(slave)
    seen = b""
    while True:
        try:
            chunk = os.read(master, 4096)
        except OSError:  # the child closed its end
            break
        if not chunk:
            break
        seen += chunk
    stdout = proc.communicate()[0].decode()
    assert proc.returncode == 0
    line = seen.decode()
    for stage in ("document", "mentions", "characters", "graph", "pictures and files"):
        assert stage in line
    assert line.endswith("\r\x1b[K")  # erased: the terminal is left clean
    assert "Wrote" in stdout and "document" not in stdout


def test_no_progress_when_stderr_is_not_a_terminal(tmp_path):
    proc = subprocess.run(
        [_graphkit(), "analyze", graphkit.example(), "-o", str(tmp_path / "out")],
        capture_output=True,
        cwd=tmp_path,
    )
    assert proc.returncode == 0
    assert b"document" not in proc.stderr and b"\x1b[K" not in proc.stderr


def test_report_and_announce_outside_a_progress_line_do_nothing(capsys):
    report("mentions")
    announce("drawing")
    graphkit.analyze_text("Ann met Bob.")
    assert capsys.readouterr() == ("", "")


def test_a_progress_line_reports_the_pipeline_stages_in_order():
    import io

    out = io.StringIO()
    with progress_line("t", out, enabled=True):
        graphkit.analyze_text("Ann met Bob. Bob left.")
    text = out.getvalue()
    positions = [text.index(s) for s in ("document", "mentions", "characters", "graph")]
    assert positions == sorted(positions)
