"""Broken cast and rules files: one clear error line and exit status 1, never a traceback."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from graphkit.cli import main

RULE = 'rules:\n- {{id: x, type: friend, source: person, target: person, pattern: "{p}"}}\n'
CASES = {
    "cast kind 5": ("t.cast.yml", "- {name: Ann, kind: 5}\n", "kind of 'Ann' must be one of"),
    "cast kind list": ("t.cast.yml", "- {name: Ann, kind: [a]}\n", "kind of 'Ann' must be one of"),
    "cast duplicate key": ("t.cast.yml", "- name: Ann\n  name: Bob\n", "key 'name' given twice"),
    "cast deep yaml": ("t.cast.yml", "[" * 50_000, "nested too deeply"),
    "cast unclosed quote": ("t.cast.csv", 'name,aliases\n"Ann,Bob\n', "not valid CSV"),
    "cast huge field": ("t.cast.csv", "name\n" + "x" * 200_000 + "\n", "field larger than field limit"),
    "rules huge repeat": ("r.yml", RULE.format(p="{source} a{1,4294967295} {target}"), "bad regular expression"),
    "rules nested repeat": ("r.yml", RULE.format(p="{source} and {target} (a+)+$"), "repeat inside a repeat"),
    "rules types list": ("r.yml", "types: [a]\nrules: []\n", "'types' must map names"),
    "rules types 5": ("r.yml", "types: {friend: 5}\nrules: []\n", "'types' must map names"),
    "rules supersedes 5": ("r.yml", "supersedes: 5\nrules: []\n", "'supersedes' must map names"),
    "rules disable 5": ("r.yml", "disable: 5\nrules: []\n", "'disable' must be a list"),
    "rules duplicate key": ("r.yml", "negation: [a]\nnegation: [b]\nrules: []\n", "given twice"),
}  # fmt: skip


@pytest.mark.parametrize("case", sorted(CASES))
def test_a_broken_user_file_is_one_error_line(case, tmp_path):
    name, content, message = CASES[case]
    (tmp_path / "t.txt").write_text("Ann met Bob. Ann left.", encoding="utf-8")
    (tmp_path / name).write_text(content, encoding="utf-8")
    args = ["characters", str(tmp_path / "t.txt")]
    if name == "r.yml":
        args += ["--rules", str(tmp_path / name)]
    r = CliRunner().invoke(main, args)
    assert r.exit_code == 1, r.output
    lines = r.output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error: ") and message in lines[0], r.output


def test_a_min_words_that_is_no_number_is_refused(tmp_path):
    from graphkit.errors import RulesError
    from graphkit.io.rules import load_rules, parse_rules

    text = RULE.format(p="{source} and {target}").replace("}\n", ", min_words: lots}\n")
    with pytest.raises(RulesError, match="'min_words' must be a whole number"):
        parse_rules(text, "r.yml", base=load_rules())


def test_mentions_into_an_existing_file_is_one_error_line(tmp_path):
    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_text("Ann met Bob.", encoding="utf-8")
    (tmp_path / "out").write_text("not a folder", encoding="utf-8")
    r = CliRunner().invoke(
        main,
        ["mentions", str(tmp_path / "a.txt"), str(tmp_path / "b.txt"), "-o", str(tmp_path / "out")],
    )
    assert (
        r.exit_code == 1
        and r.output.startswith("Error: ")
        and len(r.output.strip().splitlines()) == 1
    )
