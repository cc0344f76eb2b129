"""`graphkit explain`, `merge` and `mentions` from the command line."""

from __future__ import annotations

from click.testing import CliRunner

from graphkit.cli import main


def test_cli_explain_prints_sentences_and_types(her_path):
    r = CliRunner().invoke(main, ["explain", str(her_path), "Jonze", "Coppola", "--no-cast"])
    assert r.exit_code == 0, r.output
    assert "Sofia Coppola ex_spouse Spike Jonze" in r.output
    assert "[62] ex_spouse" in r.output and "divorced a few years later" in r.output
    r = CliRunner().invoke(main, ["explain", str(her_path), "Theodore", "Nobody"])
    assert r.exit_code == 1 and "no character called 'Nobody'" in r.output


def test_mentions_kinds_are_those_of_the_graph(her_path, her_nocast):
    import json

    r = CliRunner().invoke(main, ["mentions", str(her_path), "--no-cast"])
    assert r.exit_code == 0, r.output
    records = [json.loads(line) for line in r.output.splitlines()]
    kinds = dict(her_nocast.graph.nodes(data="kind"))
    assert {x["character"]: x["kind"] for x in records if x["character"] == "Spike Jonze"} == {
        "Spike Jonze": "person"
    }
    wrong = {
        (x["character"], x["kind"])
        for x in records
        if kinds.get(x["character"], x["kind"]) != x["kind"]
    }
    assert not wrong
