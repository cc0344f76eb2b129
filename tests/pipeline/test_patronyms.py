"""A father named only in patronymics is no character (graphkit.pipeline.characters.patronyms)."""

import graphkit

EPIC = (
    "Agamemnon son of Atreus stood by the ships. Achilles son of Peleus came to him. "
    "Agamemnon, the son of Atreus, spoke to Achilles. Achilles answered Agamemnon. "
    "Peleus was old, and Peleus waited at home. Achilles thought of Peleus.\n\n"
)


def test_a_father_named_only_as_someone_s_father_is_no_node_nor_hub():
    a = graphkit.analyze_text(EPIC * 3, cast=False)
    nodes = set(a.graph.nodes)
    assert {"Agamemnon", "Achilles", "Peleus"} <= nodes
    assert "Atreus" not in nodes
    assert "Atreus" not in {m.character for m in a.mentions}


def test_a_father_who_also_appears_alone_keeps_every_use():
    a = graphkit.analyze_text(EPIC * 3, cast=False)
    peleus = a.characters.loc["Peleus"]
    assert peleus["mentions"] == 3 * 4  # "son of Peleus" counts too: he is in the story
    assert a.graph.has_edge("Achilles", "Peleus")
