"""Conversation networks on prose, speech attributes, quotes.csv and explain: a hand-made text.

tests/fixtures/conversation.txt: chapter I, Ann and Bob talk (Ann names Bob in her first
line, Bob answers "to Ann" in his second; the other two lines name nobody); chapter II,
Ann says goodbye to Cy by name.  Cy never speaks.
"""

from __future__ import annotations

import csv
import io

import pytest
from click.testing import CliRunner

import graphkit
from graphkit.cli import main
from graphkit.graph.speech import known_quotations
from tests.conftest import FIXTURES

TALK = FIXTURES / "conversation.txt"


@pytest.fixture(scope="module")
def talk():
    return graphkit.analyze(TALK, interaction="conversation")


def test_edges_run_from_speaker_to_addressee_with_inferred_counts(talk):
    g = talk.graph
    assert g.is_directed() and g.graph["window"] == "conversation"
    got = {(u, v): (d["weight"], d["quotes"], d["inferred"], d["quotations"])
           for u, v, d in g.edges(data=True)}  # fmt: skip
    assert got == {
        ("Ann", "Bob"): (2, 2, 1, [0, 2]),  # a vocative, then a line naming nobody
        ("Bob", "Ann"): (2, 2, 1, [1, 3]),  # a line naming nobody, then "said Bob to Ann"
        ("Ann", "Cy"): (1, 1, 0, [4]),  # "Goodbye, Cy"
    }
    assert g.edges["Ann", "Cy"]["segments"] == [1] and g.edges["Ann", "Bob"]["evidence"] == [2, 4]


def test_nodes_are_those_of_the_default_run_with_speech_counts(talk):
    default = graphkit.analyze(TALK)
    assert sorted(talk.graph) == sorted(default.graph) == ["Ann", "Bob", "Cy"]
    speech = {n: (d["quotes"], d["words_spoken"]) for n, d in talk.graph.nodes(data=True)}
    assert speech == {"Ann": (3, 11), "Bob": (2, 6), "Cy": (0, 0)}


def test_the_default_run_finds_no_quotation_until_a_table_asks():
    a = graphkit.analyze(TALK)
    _ = a.metrics, a.summary
    assert known_quotations(a.document, a.mentions, a.character_list) is None
    assert "quotes" not in a.graph.nodes["Ann"]
    assert all("quotes" not in d for _, _, d in a.graph.edges(data=True))
    table = a.characters
    assert list(table.columns)[-2:] == ["quotes", "words_spoken"]
    assert table.loc["Ann", "quotes"] == 3 and table.loc["Cy", "words_spoken"] == 0
    assert known_quotations(a.document, a.mentions, a.character_list) is not None


def test_quotes_csv_rows_and_formula_guard(talk):
    rows = list(csv.DictReader(io.StringIO(talk.files(pictures=False)["quotes.csv"].decode())))
    assert [(r["speaker"], r["addressees"], r["type"]) for r in rows] == [
        ("Ann", "Bob", "explicit"),
        ("Bob", "Ann", "explicit"),
        ("Ann", "Bob", "explicit"),
        ("Bob", "Ann", "explicit"),
        ("Ann", "Cy", "explicit"),
    ]
    assert rows[3]["text"] == "'=SUM(1) is no answer,"  # a spreadsheet would run it
    assert list(rows[0]) == ["start", "end", "text", "speaker", "addressees", "type", "cue"]


def test_evidence_csv_keeps_the_direction(talk):
    rows = list(csv.DictReader(io.StringIO(talk.files(pictures=False)["evidence.csv"].decode())))
    assert [(r["source"], r["target"], r["type"], r["sentence"]) for r in rows] == [
        ("Ann", "Bob", "conversation", "2"),
        ("Bob", "Ann", "conversation", "3"),
        ("Ann", "Bob", "conversation", "4"),
        ("Bob", "Ann", "conversation", "5"),
        ("Ann", "Cy", "conversation", "8"),
    ]


def test_explain_lists_the_quotations_between_two_characters():
    text = graphkit.analyze(TALK).explain("Bob", "Ann")
    assert text.startswith("Bob — Ann: co-occurrence only")  # the sentences come first
    tail = text[text.index("Quotations between Bob and Ann (4):") :].splitlines()
    assert tail[1:] == [
        "  [q0] Ann -> Bob: “It is late, Bob,”",
        "  [q1] Bob -> Ann (addressee inferred): “It is,”",
        "  [q2] Ann -> Bob (addressee inferred): “Will you walk with me?”",
        "  [q3] Bob -> Ann: “=SUM(1) is no answer,”",
    ]
    assert "Quotations" not in graphkit.analyze(TALK).explain("Bob", "Cy")


def test_until_cuts_the_conversation_and_its_quotations(talk):
    first = talk.until(1)
    assert sorted(first.graph.edges) == [("Ann", "Bob"), ("Bob", "Ann")]
    assert first.graph.nodes["Ann"]["quotes"] == 2 and first.graph.nodes["Ann"]["words_spoken"] == 9
    assert len(first.quotes) == 4 and first.graph.edges["Ann", "Bob"]["quotations"] == [0, 2]


def test_plays_carry_speeches_and_words():
    a = graphkit.analyze(FIXTURES / "tiny_play.xml")
    for n, d in a.graph.nodes(data=True):
        assert d["quotes"] == d["mentions"], n  # one mention per speech in a play
    assert a.characters["quotes"].tolist() == [a.graph.nodes[n]["quotes"] for n in a.characters.id]
    assert sum(a.characters["words_spoken"]) > 0 and len(a.quotes) == 0
    cut = a.until(1)
    assert all(d["quotes"] == d["mentions"] for _, d in cut.graph.nodes(data=True))


def test_the_cli_runs_the_conversation_graph(tmp_path):
    runner = CliRunner()
    out = tmp_path / "out"
    done = runner.invoke(
        main, ["analyze", str(TALK), "--interaction", "conversation", "-o", str(out)]
    )
    assert done.exit_code == 0, done.output
    assert (out / "quotes.csv").is_file() and "window=conversation" in done.output
    edges = (out / "edges.csv").read_text(encoding="utf-8").splitlines()
    assert edges[0].startswith("source,target,weight") and "inferred" in edges[0]
    table = runner.invoke(main, ["characters", str(TALK), "-f", "csv"])
    assert table.output.splitlines()[0].endswith(",quotes,words_spoken")
    bad = runner.invoke(main, ["metrics", str(TALK), "--interaction", "chat"])
    assert bad.exit_code == 2 and "Traceback" not in bad.output


def test_cli_explain_and_export_show_the_quotations():
    runner = CliRunner()
    told = runner.invoke(main, ["explain", str(TALK), "Ann", "Cy", "--interaction", "conversation"])
    assert told.exit_code == 0, told.output
    assert told.output.splitlines()[0] == "Ann → Cy: conversation only"
    assert "  [q4] Ann -> Cy: “Goodbye, Cy,”" in told.output.splitlines()
    rows = runner.invoke(main, ["export", str(TALK), "-f", "quotes", "-o", "-"]).output
    assert rows.splitlines()[0] == "start,end,text,speaker,addressees,type,cue"
    assert len(rows.splitlines()) == 6


def test_a_text_without_quotations_gives_a_conversation_graph_without_edges(tmp_path):
    p = tmp_path / "plain.txt"
    p.write_text("Ann met Bob. Bob left. Ann stayed.", encoding="utf-8")
    a = graphkit.analyze(p, interaction="conversation")
    assert sorted(a.graph) == ["Ann", "Bob"] and a.graph.number_of_edges() == 0
    assert a.graph.nodes["Ann"]["quotes"] == 0 and len(a.quotes) == 0
    assert len(a.metrics) == 2


def test_conversation_exports_are_deterministic():
    a = graphkit.analyze(TALK, interaction="conversation").files(pictures=False)
    b = graphkit.analyze(TALK, interaction="conversation").files(pictures=False)
    assert a == b and "quotes.csv" in a


def test_quotes_option_gives_co_occurrence_edges_the_quotations_exchanged(talk):
    plain = graphkit.analyze(TALK)
    quoted = graphkit.analyze(TALK, quotes=True)
    assert all("quotes" not in d for _, _, d in plain.graph.edges(data=True))
    assert sorted(quoted.graph.edges) == sorted(plain.graph.edges)  # same edges, same weights
    assert [d["weight"] for *_, d in quoted.graph.edges(data=True)] == [
        d["weight"] for *_, d in plain.graph.edges(data=True)
    ]
    got = {tuple(sorted((u, v))): q for u, v, q in quoted.graph.edges(data="quotes")}
    # both views agree: an edge holds the two directions of the conversation graph
    conv = talk.graph
    for (a, b), q in got.items():
        both = sum(conv.edges[x, y]["quotes"] for x, y in ((a, b), (b, a)) if conv.has_edge(x, y))
        assert q == both, (a, b)
    assert got == {("Ann", "Bob"): 4, ("Ann", "Cy"): 1, ("Bob", "Cy"): 0}
    assert quoted.graph.nodes["Ann"]["quotes"] == 3 and quoted.graph.graph["quoted"] is True
    assert quoted.characters.loc["Bob", "quotes"] == 2


def test_until_on_a_quoted_graph_cuts_the_whole_texts_attribution():
    quoted = graphkit.analyze(TALK, quotes=True)
    for first in (quoted.until(1), graphkit.analyze(TALK, quotes=True, until=1)):
        got = {tuple(sorted((u, v))): q for u, v, q in first.graph.edges(data="quotes")}
        assert got == {("Ann", "Bob"): 4, ("Bob", "Cy"): 0}  # "Goodbye, Cy" is chapter II
        assert first.graph.nodes["Ann"]["quotes"] == 2 and len(first.quotes) == 4


def test_quotes_option_leaves_plays_and_conversation_graphs_as_they_are():
    play = graphkit.analyze(FIXTURES / "tiny_play.xml", quotes=True)
    assert all("quotes" not in d for _, _, d in play.graph.edges(data=True))
    assert "quoted" not in play.graph.graph
    conv = graphkit.analyze(TALK, interaction="conversation", quotes=True)
    assert conv.graph.edges["Ann", "Bob"]["quotes"] == 2 and "quoted" not in conv.graph.graph


def test_cli_quotes_flag_writes_the_column_and_is_deterministic(tmp_path):
    runner = CliRunner()
    outs = []
    for run in ("a", "b"):
        out = tmp_path / f"{run}.csv"
        done = runner.invoke(main, ["export", str(TALK), "--quotes", "-f", "edges", "-o", str(out)])
        assert done.exit_code == 0, done.output
        outs.append(out.read_bytes())
    assert outs[0] == outs[1]
    rows = list(csv.DictReader(io.StringIO(outs[0].decode("utf-8"))))
    assert {(r["source"], r["target"]): r["quotes"] for r in rows}[("Ann", "Bob")] == "4"
    plain = runner.invoke(main, ["export", str(TALK), "-f", "edges", "-o", "-"]).output
    assert "quotes" not in plain.splitlines()[0]
