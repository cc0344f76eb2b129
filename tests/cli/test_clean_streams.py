"""A successful run prints its summary on stdout and nothing at all on stderr."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

import graphkit

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


@pytest.mark.parametrize("args", [[], [str(FIXTURES / "tiny.fountain")]])
def test_analyze_writes_nothing_to_stderr(tmp_path, args):
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONWARNINGS", "MPLBACKEND")}
    env["PYTHONPATH"] = str(Path(graphkit.__file__).parents[1])
    proc = subprocess.run(
        [sys.executable, "-m", "graphkit", "analyze", *args, "-o", str(tmp_path / "out")],
        capture_output=True,
        env=env,
        cwd=tmp_path,
        timeout=300,
    )
    assert proc.returncode == 0, proc.stderr.decode()
    assert proc.stderr == b""
    assert b"Wrote 12 files" in proc.stdout and b"Warning" not in proc.stdout
