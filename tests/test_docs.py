"""The README documents every command and its quick start matches .ci/run."""

from __future__ import annotations

import re

from graphkit.cli import main
from tests.conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_every_command_is_in_the_readme():
    for name in main.commands:
        assert f"graphkit {name}" in README, name


def test_ci_runs_the_readme_test_command():
    quick = README[README.index("## Quick start") :]
    test_line = next(line for line in quick.splitlines() if "pytest" in line)
    command = test_line.split("#")[0].strip()
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert command in ci


def test_first_quick_start_command_runs_the_main_job():
    quick = README[README.index("## Quick start") :]
    first = next(line for line in quick.splitlines() if line.startswith("pip install"))
    assert re.match(r"pip install -e \. && graphkit analyze\s", first)
