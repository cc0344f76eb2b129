"""Signed edges: polarity of the sentences behind each edge (opt-in, offline lexicon)."""

from __future__ import annotations

import builtins

import pytest
from click.testing import CliRunner

import graphkit
from graphkit.cli import main
from graphkit.graph.sentiment import sign

pytest.importorskip("vaderSentiment")

TALE = (
    "Ann adores Bob. Ann thanks Bob warmly and smiles. Bob loves Ann. "
    "Cy hates Dee. Cy attacks Dee and curses her. Dee despises Cy. "
    "Ann met Cy."
)


def test_friendly_and_hostile_pairs_get_opposite_signs():
    g = sign(graphkit.analyze_text(TALE)).graph
    friendly, hostile, flat = g.edges["Ann", "Bob"], g.edges["Cy", "Dee"], g.edges["Ann", "Cy"]
    assert friendly["polarity"] > 0.3 and friendly["positive"] == 3 and friendly["negative"] == 0
    assert hostile["polarity"] < -0.3 and hostile["negative"] == 3 and hostile["positive"] == 0
    assert flat["polarity"] == 0.0 and flat["positive"] == flat["negative"] == 0
    assert g.graph["signed"] is True


def test_a_name_that_is_a_word_of_feeling_does_not_colour_its_sentences():
    # "Joy" and "Hope" are positive words to the lexicon; as names they are cut out.
    text = "Joy met Hope at noon. Joy saw Hope again. Joy and Hope walked home."
    g = sign(graphkit.analyze_text(text)).graph
    assert g.edges["Hope", "Joy"]["polarity"] == 0.0


def test_unsigned_graphs_carry_no_polarity():
    g = graphkit.analyze_text(TALE).graph
    assert all("polarity" not in d for _, _, d in g.edges(data=True))
    assert "signed" not in g.graph


def test_signing_keeps_everything_else():
    a = graphkit.analyze_text(TALE)
    s = sign(a)
    assert sorted(s.graph.edges) == sorted(a.graph.edges)
    assert s.metrics["pagerank"].round(6).equals(a.metrics["pagerank"].round(6))
    assert "polarity" not in a.graph.edges["Ann", "Bob"]  # the original is not changed


def test_cli_signed_writes_polarity_columns_and_is_deterministic(tmp_path):
    text = tmp_path / "tale.txt"
    text.write_text(TALE, encoding="utf-8")
    outs = []
    for run in ("a", "b"):
        r = CliRunner().invoke(
            main, ["export", str(text), "--signed", "-f", "edges", "-o", str(tmp_path / run)]
        )
        assert r.exit_code == 0, r.output
        outs.append((tmp_path / run).read_bytes())
    assert outs[0] == outs[1]
    header = outs[0].decode().splitlines()[0].split(",")
    assert {"polarity", "positive", "negative"} <= set(header)
    plain = CliRunner().invoke(main, ["export", str(text), "-f", "edges", "-o", "-"])
    assert "polarity" not in plain.output


def test_without_the_lexicon_one_clear_line(tmp_path, monkeypatch):
    real = builtins.__import__

    def blocked(name, *args, **kwargs):
        if name.startswith("vaderSentiment"):
            raise ImportError(name)
        return real(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", blocked)
    text = tmp_path / "tale.txt"
    text.write_text(TALE, encoding="utf-8")
    r = CliRunner().invoke(main, ["characters", str(text), "--signed"])
    assert r.exit_code == 1
    assert (
        r.output.strip()
        == "Error: signed edges need the VADER lexicon: pip install 'graphkit[sentiment]'"
    )


def test_signed_network_picture_colours_edges_by_tone_and_stays_deterministic():
    from graphkit.views.figure import figure_png
    from graphkit.views.network import draw_network

    signed = sign(graphkit.analyze_text(TALE))
    fig = draw_network(signed.graph)
    texts = [t.get_text() for t in fig.legends[0].get_texts()]
    assert "tone of shared sentences: negative" in texts
    assert "edges: tone" in fig.axes[0].get_title()
    lines = fig.axes[0].collections[0]
    colours = {tuple(round(c, 3) for c in rgba[:3]) for rgba in lines.get_colors()}
    assert len(colours) == 3  # friendly, hostile and neutral pairs, not one grey
    assert figure_png(draw_network(signed.graph)) == figure_png(draw_network(signed.graph))
    plain = draw_network(graphkit.analyze_text(TALE).graph)
    assert "edges: tone" not in plain.axes[0].get_title()


def test_analyze_signed_is_the_same_as_sign_after(tmp_path):
    text = tmp_path / "tale.txt"
    text.write_text(TALE, encoding="utf-8")
    a, b = graphkit.analyze(text, signed=True).graph, sign(graphkit.analyze(text)).graph
    assert dict(a.edges.items()) == dict(b.edges.items()) and a.graph["signed"]


def test_a_signed_run_gives_each_quotation_a_polarity():
    text = '"I love you, dear Bob," said Ann.\n\n"I hate you and curse you," said Bob.'
    plain = graphkit.analyze_text(text, cast=None)
    assert "polarity" not in plain.quotes.columns
    q = sign(plain).quotes
    assert list(q.columns[:7]) == ["start", "end", "text", "speaker", "addressees", "type", "cue"]
    assert q["polarity"].iloc[0] > 0.05 > -0.05 > q["polarity"].iloc[1]


def test_until_on_a_signed_analysis_keeps_the_sign(tmp_path):
    pytest.importorskip("vaderSentiment")
    p = tmp_path / "t.txt"
    p.write_text("CHAPTER I\n\nAnn loved Bob dearly. Ann hated Carl.\n\nCHAPTER II\n\n"
                 "Bob met Carl happily.\n", encoding="utf-8")  # fmt: skip
    signed = graphkit.analyze(p, signed=True)
    cut = signed.until(1)
    assert sorted(cut.graph.edges) == [("Ann", "Bob"), ("Ann", "Carl")]
    assert (
        cut.graph.edges["Ann", "Bob"]["polarity"] > 0 > cut.graph.edges["Ann", "Carl"]["polarity"]
    )
    assert dict(cut.graph.edges) == dict(graphkit.analyze(p, signed=True, until=1).graph.edges)
