"""A plain (non-editable) install carries everything the main job needs."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from tests.conftest import ROOT


@pytest.fixture(scope="module")
def installed(tmp_path_factory):
    target = tmp_path_factory.mktemp("site")
    build = tmp_path_factory.mktemp("build")
    r = subprocess.run(
        [sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--no-build-isolation",
         "--no-compile", "--target", str(target), str(ROOT)],
        capture_output=True, text=True, cwd=build, env={**os.environ, "PIP_NO_INPUT": "1"},
    )  # fmt: skip
    if r.returncode != 0:
        pytest.skip(f"pip could not build the package here: {r.stderr[-300:]}")
    return target


def test_the_bundled_article_is_installed_with_the_package(installed, tmp_path):
    run = subprocess.run(
        [sys.executable, "-c", "import sys; from graphkit.cli import main; main()", "analyze"],
        capture_output=True, text=True, cwd=tmp_path,
        env={**os.environ, "PYTHONPATH": str(installed)},
    )  # fmt: skip
    assert run.returncode == 0, run.stderr
    assert "cast file" in run.stdout and "Theodore" in run.stdout
    assert (tmp_path / "out" / "her" / "graph.graphml").is_file()


def test_the_packaged_copy_is_the_article_in_data():
    for name in ("her.txt", "her.cast.yml"):
        packaged = ROOT / "graphkit" / "data" / "examples" / name
        assert packaged.read_bytes() == (ROOT / "data" / name).read_bytes(), name
