"""The bundled article, end to end: the graph the brief asks for."""

from __future__ import annotations

import networkx as nx

HER_PEOPLE = {
    "Joaquin Phoenix",
    "Scarlett Johansson",
    "Rooney Mara",
    "Amy Adams",
    "Spike Jonze",
    "Sofia Coppola",
}
HER_CHARACTERS = {"Theodore", "Samantha", "Catherine", "Amy", "Charlotte"}
HER_WORKS = {"Her", "Lost in Translation"}


def test_with_cast_file_all_thirteen_nodes_connected(her_cast):
    g = her_cast.graph
    assert her_cast.cast_source and her_cast.cast_source.endswith("her.cast.yml")
    assert set(g) == HER_PEOPLE | HER_CHARACTERS | HER_WORKS
    assert nx.is_connected(g)
    for name in HER_PEOPLE:
        assert g.nodes[name]["kind"] == "person"
    for name in HER_WORKS:
        assert g.nodes[name]["kind"] == "work"


def test_theodore_is_the_most_connected_character(her_cast):
    m = her_cast.metrics
    characters = m[m["kind"] == "character"]
    for col in ("degree", "strength", "pagerank", "betweenness"):
        assert characters.sort_values(col, ascending=False).iloc[0]["id"] == "Theodore", col
    assert m.iloc[0]["id"] == "Theodore"  # top by PageRank overall


def test_without_cast_the_story_is_still_found(her_nocast):
    g = her_nocast.graph
    assert her_nocast.cast_source is None
    assert set(g) >= HER_CHARACTERS | HER_PEOPLE | HER_WORKS
    assert g.nodes["Her"]["kind"] == "work"
    assert g.nodes["Lost in Translation"]["kind"] == "work"
    assert "Jonze" in g.nodes["Spike Jonze"]["aliases"]
    assert "Coppola" in g.nodes["Sofia Coppola"]["aliases"]
    # "Amy" the character and "Amy Adams" the actor stay apart.
    assert g.nodes["Amy"]["kind"] == "character" and g.nodes["Amy Adams"]["kind"] == "person"


def test_without_cast_no_junk_nodes(her_nocast):
    junk = {
        "Artificial Intelligence",
        "Operating System",
        "Operating Systems",
        "OS",
        "OS1",
        "Tokyo",
        "LA",
        "What",
        "RELATED",
        "Although",
        "AI",
        "However",
        "Lost",
        "Translation",
    }
    assert not junk & set(her_nocast.graph)
    assert len(her_nocast.graph) == 13


def test_pronoun_her_is_never_the_film(her_cast):
    text = her_cast.document.text
    for m in her_cast.mentions:
        if m.character == "Her":
            assert text[m.start : m.end] == "Her"
    film_mentions = [m for m in her_cast.mentions if m.character == "Her"]
    # Capitalised "Her" only: the article never uses "her" for the film.
    assert 8 <= len(film_mentions) <= 12


def test_every_edge_has_evidence_sentences_naming_both(her_cast):
    doc = her_cast.document
    by_sentence = {}
    for m in her_cast.mentions:
        by_sentence.setdefault(m.sentence, set()).add(m.character)
    for u, v, data in her_cast.graph.edges(data=True):
        assert data["weight"] == len(data["evidence"]) > 0
        for s in data["evidence"]:
            assert {u, v} <= by_sentence[s]
            assert doc.sentence_text(s)
