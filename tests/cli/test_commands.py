"""The command line: exit codes, messages, files."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from click.testing import CliRunner

from graphkit.analysis import OUTPUT_FILES
from graphkit.cli import main


@pytest.fixture()
def run():
    runner = CliRunner()

    def invoke(*args):
        return runner.invoke(main, [str(a) for a in args], catch_exceptions=False)

    return invoke


def test_analyze_default_writes_the_bundled_article(run, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = run("analyze")
    assert result.exit_code == 0, result.output
    assert "Theodore" in result.output and "cast file" in result.output
    assert sorted(p.name for p in (tmp_path / "out" / "her").iterdir()) == sorted(OUTPUT_FILES)


def test_analyze_no_cast_and_out(run, her_path, tmp_path):
    result = run("analyze", her_path, "--no-cast", "--window", "paragraph", "--out", tmp_path / "x")
    assert result.exit_code == 0, result.output
    assert "automatic discovery" in result.output
    assert (tmp_path / "x" / "graph.gexf").is_file()


def test_characters_and_metrics(run, her_path):
    result = run("characters", her_path, "--format", "csv")
    assert result.exit_code == 0
    assert result.output.splitlines()[0].startswith("id,label,kind,mentions")
    assert "Scarlett Johansson,Scarlett Johansson,person" in result.output
    result = run("metrics", her_path, "--format", "json")
    rows = json.loads(result.output)
    assert rows[0]["id"] == "Theodore"
    result = run("metrics", her_path, "--summary")
    assert "diameter" in result.output


def test_export_to_stdout_and_file(run, her_path, tmp_path):
    result = run("export", her_path, "-f", "json", "-o", "-")
    assert json.loads(result.output)["edges"]
    result = run("export", her_path, "-f", "graphml", "-o", tmp_path / "g.graphml")
    assert result.exit_code == 0 and (tmp_path / "g.graphml").read_bytes().startswith(b"<?xml")


def test_plot(run, her_path, tmp_path):
    for kind in ("network", "centrality"):
        out = tmp_path / f"{kind}.png"
        result = run("plot", her_path, "-o", out, "--kind", kind)
        assert result.exit_code == 0
        assert out.read_bytes().startswith(b"\x89PNG")


BAD_INPUTS = {
    "missing.txt": (None, "no such file"),
    "": (None, "is a directory"),
    "empty.txt": (b"", "empty"),
    "blank.txt": (b"  \n\n ", "empty"),
    "bin.txt": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
    "bad.txt": (b"caf\x81\x8d\x90 ok", "cannot decode"),
}


@pytest.mark.parametrize("name", list(BAD_INPUTS))
def test_bad_input_is_one_line_and_exit_1(run, tmp_path, name):
    content, message = BAD_INPUTS[name]
    path = tmp_path / name if name else tmp_path
    if content is not None:
        path.write_bytes(content)
    result = run("analyze", path, "--out", tmp_path / "never")
    assert result.exit_code == 1
    assert message in result.output
    assert "Traceback" not in result.output
    assert len(result.output.strip().splitlines()) == 1
    assert not (tmp_path / "never").exists()


def test_broken_cast_file(run, her_path, tmp_path):
    cast = tmp_path / "c.yml"
    cast.write_text("- name: A\n  kind: alien\n", encoding="utf-8")
    result = run("characters", her_path, "--cast", cast)
    assert result.exit_code == 1 and "kind 'alien'" in result.output
    cast.write_text("- name: [unclosed\n", encoding="utf-8")
    result = run("characters", her_path, "--cast", cast)
    assert result.exit_code == 1 and "not valid YAML" in result.output


def test_unwritable_output_folder(run, her_path, tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    result = run("analyze", her_path, "--out", blocker / "sub")
    assert result.exit_code == 1 and "cannot" in result.output
    assert "Traceback" not in result.output


def test_usage_errors_exit_2(run, her_path):
    assert run("analyze", her_path, "--window", "lines").exit_code == 2
    assert run("analyze", her_path, "--cast", "x.yml", "--no-cast").exit_code == 2
    assert run("export", her_path, "-f", "pdf", "-o", "-").exit_code == 2
    assert run("nonsense").exit_code == 2


def test_help_has_examples_and_version(run):
    for command in ("analyze", "characters", "metrics", "export", "plot"):
        result = run(command, "-h")
        assert result.exit_code == 0 and "Example:" in result.output, command
    assert "0." in run("--version").output


def test_python_dash_m(her_path):
    out = subprocess.run(
        [sys.executable, "-m", "graphkit", "characters", str(her_path), "--format", "csv"],
        capture_output=True,
        text=True,
        check=True,
    )
    assert "Theodore" in out.stdout


def test_html_input(run, tmp_path):
    page = tmp_path / "review.html"
    page.write_text(
        "<html><body><h1>Review</h1><p>In <i>Casablanca</i>, Rick (Humphrey Bogart) meets Ilsa "
        "(Ingrid Bergman) again. Rick loved Ilsa.</p></body></html>",
        encoding="utf-8",
    )
    result = run("characters", page, "--format", "csv")
    assert result.exit_code == 0, result.output
    for name in ("Rick", "Ilsa", "Humphrey Bogart", "Ingrid Bergman", "Casablanca"):
        assert name in result.output


@pytest.mark.parametrize(
    ("suffix", "magic"), [(".png", b"\x89PNG"), (".svg", b"<?xml"), (".pdf", b"%PDF-")]
)
def test_plot_writes_the_format_its_suffix_names(run, her_path, tmp_path, suffix, magic):
    out = tmp_path / f"her{suffix}"
    assert run("plot", her_path, "-o", out).exit_code == 0
    first = out.read_bytes()
    assert first.startswith(magic)
    assert run("plot", her_path, "-o", out).exit_code == 0
    assert out.read_bytes() == first  # no dates or random ids


def test_plot_refuses_an_unknown_picture_suffix(her_path, tmp_path):
    r = CliRunner().invoke(main, ["plot", str(her_path), "-o", str(tmp_path / "x.gif")])
    assert r.exit_code == 1 and "use .png, .svg or .pdf" in r.output
    assert not (tmp_path / "x.gif").exists()
