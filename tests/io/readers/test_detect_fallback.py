"""Auto-detection falls back to prose when the structured reader it guessed refuses the file."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

import graphkit
from graphkit.cli import main
from graphkit.errors import InputError
from graphkit.io.readers import detect_format

PROSE = "Alice met Bob in the house. Bob smiled at Alice.\n\nAlice left with Bob.\n"

# Texts that a sniffer takes for a structured format and whose reader then refuses them.
GUESSES = {
    "html_tag": ("<p>Alice met Bob.</p>\n<p>Alice left with Bob.</p>\n", "tei"),
    "html_comment": ("<!-- a note -->\n" + PROSE, "tei"),
    "two_scene_lines": ("INT. HOUSE\n\n" + PROSE + "\nEXT. GARDEN\n\n" + PROSE, "fountain"),
    "names_no_speech": ("ACT I\n\nSCENE I\n\n" + "ALICE.\nBOB.\n" * 6, "play"),
}


@pytest.mark.parametrize("case", sorted(GUESSES))
def test_a_guessed_reader_that_refuses_gives_prose(tmp_path, case):
    text, reader = GUESSES[case]
    path = tmp_path / f"{case}.txt"
    path.write_text(text, encoding="utf-8")
    assert detect_format(path.read_bytes(), str(path)) == reader
    result = CliRunner().invoke(main, ["analyze", str(path), "-o", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    a = graphkit.analyze(path)
    assert "input_format" not in a.graph.graph  # the prose pipeline read it
    if case != "names_no_speech":
        assert a.graph.has_edge("Alice", "Bob")


@pytest.mark.parametrize("case", sorted(GUESSES))
def test_an_explicit_format_still_errors(tmp_path, case):
    text, reader = GUESSES[case]
    path = tmp_path / f"{case}.txt"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InputError):
        graphkit.analyze(path, input_format=reader)
    result = CliRunner().invoke(
        main, ["analyze", str(path), "--input-format", reader, "-o", str(tmp_path / "o")]
    )
    assert result.exit_code == 1 and result.output.startswith("Error: ")
    assert result.output.count("\n") == 1


@pytest.mark.parametrize(
    ("name", "text", "message"),
    [
        ("decl.txt", "<?xml version='1.0'?><TEI><unclosed></TEI>", "not well-formed"),
        ("note.xml", "<note><p>Alice met Bob.</p></note>", "not TEI"),
        ("cast.dat", "AA Alice\nBB Bob\n\n1:AA,ZZ\n", "ZZ"),
        ("x.fountain", PROSE, "not a screenplay"),
    ],
)
def test_a_file_that_claims_its_format_keeps_the_reader_error(tmp_path, name, text, message):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InputError, match=message):
        graphkit.analyze(path)
