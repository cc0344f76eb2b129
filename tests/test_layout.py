"""The shape of the package: no import cycles, data flowing one way, small modules, registries
that serve the CLI and the README."""

from __future__ import annotations

import ast
from pathlib import Path

import click
import pytest

from graphkit.cli import main
from tests.conftest import ROOT

PACKAGE = ROOT / "graphkit"
README = (ROOT / "README.md").read_text(encoding="utf-8")


def _module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {_module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def _imports(name: str) -> set[str]:
    """Every graphkit module ``name`` imports, at module level or inside a function."""
    path = MODULES[name]
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            targets = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join(anchor + ([base] if base else []))
            targets = [
                f"{base}.{a.name}" if f"{base}.{a.name}" in MODULES else base for a in node.names
            ]
        else:
            continue
        found |= {t for t in targets if t in MODULES and t != name}
    return found


GRAPH = {name: _imports(name) for name in MODULES}


def _cycle() -> list[str] | None:
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(n: str) -> list[str] | None:
        state[n] = 1
        stack.append(n)
        for m in sorted(GRAPH[n]):
            if state.get(m) == 1:
                return stack[stack.index(m) :] + [m]
            if m not in state and (found := visit(m)):
                return found
        stack.pop()
        state[n] = 2
        return None

    for n in sorted(GRAPH):
        if n not in state and (found := visit(n)):
            return found
    return None


def test_the_import_reader_sees_the_package():
    # The test below must be able to fail: the reader finds real edges.
    assert "graphkit.pipeline.run" in GRAPH["graphkit.analysis"]
    assert "graphkit.io.cast" in GRAPH["graphkit.pipeline.mentions"]


def test_no_import_cycle():
    assert _cycle() is None, " -> ".join(_cycle() or [])


def test_the_library_never_imports_the_cli():
    for name, imported in GRAPH.items():
        if not name.startswith("graphkit.cli") and name != "graphkit.__main__":
            assert not {m for m in imported if m.startswith("graphkit.cli")}, name


def test_model_and_errors_import_no_stage():
    assert GRAPH["graphkit.model"] == set() and GRAPH["graphkit.errors"] == set()


def test_io_imports_nothing_that_comes_after_it():
    later = ("graphkit.pipeline", "graphkit.graph", "graphkit.views", "graphkit.exporters",
             "graphkit.analysis", "graphkit.cli")  # fmt: skip
    for name, imported in GRAPH.items():
        if name.startswith("graphkit.io"):
            assert not {m for m in imported if m.startswith(later)}, name


STAGE_ORDER = ["document", "mentions", "characters", "relations", "threshold", "interactions"]


def _stage(name: str) -> int | None:
    parts = name.split(".")
    if len(parts) > 2 and parts[1] == "pipeline" and parts[2] in STAGE_ORDER:
        return STAGE_ORDER.index(parts[2])
    return None


def test_no_stage_imports_a_later_one():
    for name, imported in GRAPH.items():
        here = _stage(name)
        if here is None:
            continue
        for m in imported:
            there = _stage(m)
            assert there is None or there <= here, f"{name} imports the later stage {m}"


def test_the_runner_lists_the_stages_in_the_order_data_flows():
    from graphkit.pipeline.run import STAGES

    names = [s.name for s in STAGES]
    assert [n for n in names if n in STAGE_ORDER] == STAGE_ORDER and names[-1] == "graph"


@pytest.mark.parametrize("name", sorted(MODULES))
def test_every_module_is_small(name):
    lines = len(MODULES[name].read_text(encoding="utf-8").splitlines())
    assert lines <= 400, f"{MODULES[name]}: {lines} lines"


def _choices(command: str, option: str) -> list[str]:
    param = next(p for p in main.commands[command].params if p.name == option)
    assert isinstance(param.type, click.Choice)
    return list(param.type.choices)


def test_the_cli_choices_come_from_the_registries():
    from graphkit.exporters import EXPORTERS
    from graphkit.io.readers import INPUT_FORMATS
    from graphkit.pipeline.mentions import NER_BACKENDS

    assert _choices("export", "fmt") == list(EXPORTERS)
    assert _choices("analyze", "input_format") == list(INPUT_FORMATS)
    assert _choices("characters", "ner") == list(NER_BACKENDS)


def test_the_readme_lists_every_output_file_with_its_description():
    from graphkit.analysis import OUTPUT_FILES, PICTURES
    from graphkit.exporters import EXPORTERS

    table = README[README.index("| file | what it holds |") :].split("\n\n")[0]
    rows = [line for line in table.splitlines()[2:] if line.startswith("|")]
    for e in EXPORTERS.values():
        assert f"| `{e.filename}` | {e.description} |" in rows, e.filename
    named = [name for row in rows for name in OUTPUT_FILES if f"`{name}`" in row.split("|")[1]]
    assert sorted(named) == sorted(OUTPUT_FILES) and set(PICTURES) <= set(named)


def test_the_readme_tree_names_every_subpackage():
    how = README[README.index("## How it works") :]
    for name, path in MODULES.items():
        if path.name == "__init__.py" and name.count(".") == 1:
            assert f"{name.split('.')[1]}/" in how, name
