"""A play's cast list states typed relations: plain-text dramatis personae and TEI castList."""

from __future__ import annotations

import graphkit
from graphkit.io.readers.tei import parse_tei
from graphkit.io.rules import load_rules, parse_rules
from graphkit.pipeline.relations.personae import personae_relations
from tests.conftest import FIXTURES, shared_file

PLAY = """Title: Two Houses

Dramatis Personae

OTTO, Duke of the town.
ORSO, kinsman to the Duke, and friend to Lucio.
LUCIO, son to Bruno.
BRUNO, head of a family at feud with the Capellos.
DONNA BRUNA, wife to Bruno.
GRUMIO, servant to Lucio.
MARTA, a widow.
TITO, kinsman to the Capellos.


ACT I

SCENE I. A street.

LUCIO.
Good day, Orso.

ORSO.
And to you, Lucio.

GRUMIO.
Master, your father comes.

BRUNO.
Peace, boy.

DONNA BRUNA.
Husband, peace.

SCENE II. The palace.

OTTO.
Who is there?

ORSO.
Your kinsman, my lord.

MARTA.
And I.

TITO.
And I.

LUCIO.
Father!

BRUNO.
Son.
"""


def _ties(a) -> set[tuple[str, str, str, str]]:
    return {(r.source, r.type, r.target, r.role) for r in a.relations}


def test_the_dramatis_personae_of_a_plain_text_play_states_its_ties(tmp_path):
    path = tmp_path / "two_houses.txt"
    path.write_text(PLAY, encoding="utf-8")
    a = graphkit.analyze(path)
    assert _ties(a) == {
        ("Otto", "family", "Orso", "kinsman"),  # "the Duke" is Otto: "OTTO, Duke of the town."
        ("Orso", "friend", "Lucio", ""),
        ("Bruno", "family", "Lucio", "son"),
        ("Donna Bruna", "spouse", "Bruno", ""),
        ("Grumio", "serves", "Lucio", ""),
    }  # nothing from "a widow" (no one's) nor "kinsman to the Capellos" (a family, no one)
    sentences, text = a.document.sentences, a.document.text
    by_type = {r.type: r for r in a.relations}
    assert text[sentences[by_type["spouse"].sentence].start :].startswith("DONNA BRUNA, wife to")
    assert a.graph.edges["Bruno", "Lucio"]["relations"]  # drawn and exported like any typed tie


def test_the_cast_list_changes_no_co_presence(tmp_path):
    with_list = tmp_path / "a.txt"
    with_list.write_text(PLAY, encoding="utf-8")
    start = PLAY.index("Dramatis")
    without = tmp_path / "b.txt"
    without.write_text(PLAY[:start] + PLAY[PLAY.index("ACT I") :], encoding="utf-8")
    a, b = graphkit.analyze(with_list), graphkit.analyze(without)
    assert not b.relations
    weights = {tuple(sorted(e)): d["weight"] for e, d in zip(a.graph.edges, a.graph.edges.values())}
    assert weights == {
        tuple(sorted(e)): d["weight"] for e, d in zip(b.graph.edges, b.graph.edges.values())
    }
    assert [s.title for s in a.segments] == [s.title for s in b.segments]


def test_possessive_descriptions_and_lists_of_owners():
    rels = personae_relations(
        [
            "Montague, Romeo's father",
            "Benvolio, Romeo's and Montague's kinsman",
            "Peter, servant to Juliet's Nurse",
        ],
        {"Montague": (), "Romeo": (), "Benvolio": (), "Peter": (), "Nurse": ("Nurse",)},
        load_rules(),
    )
    assert {(r.source, r.type, r.target, r.role, r.sentence) for r in rels} == {
        ("Romeo", "family", "Montague", "father", 0),
        ("Romeo", "family", "Benvolio", "kinsman", 1),
        ("Montague", "family", "Benvolio", "kinsman", 1),
        ("Peter", "serves", "Nurse", "", 2),
    }


def test_a_rules_file_can_add_or_change_what_a_cast_noun_states():
    rules = parse_rules("personae:\n  suitor: romantic\n  servant: friend\n", base=load_rules())
    rels = personae_relations(
        ["Paris, Juliet's suitor", "Sampson, servant to Capulet"],
        {"Paris": (), "Juliet": (), "Sampson": (), "Capulet": ()},
        rules,
    )
    assert {(r.source, r.type, r.target) for r in rels} == {
        ("Paris", "romantic", "Juliet"),
        ("Sampson", "friend", "Capulet"),
    }


def test_a_tei_cast_list_reads_rs_references_as_names():
    tei = b"""<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><profileDesc><particDesc>
<listPerson><person xml:id="r"><persName>Romeo</persName></person>
<person xml:id="m"><persName>Montague</persName></person>
<person xml:id="n"><persName>Nurse</persName></person>
<person xml:id="j"><persName>Juliet</persName></person></listPerson>
</particDesc></profileDesc></teiHeader><text><front><castList>
<castItem sameAs="#m"><role><name>Montague</name></role><roleDesc><rs ref="#r">his</rs> father</roleDesc></castItem>
<castItem sameAs="#n"><role><name>Nurse</name> to Juliet</role></castItem>
</castList></front><body><div type="scene"><head>Scene 1</head>
<sp who="#r"><l>Hi.</l></sp><sp who="#m"><l>Son.</l></sp><sp who="#n"><l>Lady!</l></sp><sp who="#j"><l>Nurse.</l></sp>
</div></body></text></TEI>"""
    s = parse_tei(tei)
    assert s.personae == ("Montague, Romeo's father", "Nurse to Juliet")


def test_the_shipped_plays_state_the_families_of_verona():
    path = shared_file("texts", "romeo_and_juliet_shakespeare_pg1513.txt")
    ties = _ties(graphkit.analyze(path))
    assert {
        ("Lady Capulet", "spouse", "Capulet", ""),
        ("Capulet", "family", "Juliet", "daughter"),
        ("Montague", "family", "Romeo", "son"),
        ("Lady Capulet", "family", "Tybalt", "nephew"),
        ("Nurse", "serves", "Juliet", ""),
    } <= ties
    tei = _ties(graphkit.analyze(shared_file("plays", "romeo-and-juliet.xml")))
    assert {
        ("Romeo", "family", "Montague", "father"),
        ("Juliet", "family", "Capulet", "father"),
    } <= tei


def test_the_fixture_play_gains_the_one_marriage_its_cast_list_states():
    a = graphkit.analyze(FIXTURES / "tiny_play.txt")
    assert _ties(a) == {("Lady Capella", "spouse", "Capello", "")}


def _one(entry: str, names: dict) -> set[tuple[str, str, str, str]]:
    return {
        (r.source, r.type, r.target, r.role)
        for r in personae_relations([entry], names, load_rules())
    }


def test_a_possessive_inside_to_whom_describes_whom_not_the_entry():
    names = {"Balthasar": (), "Romeo": (), "Nurse": (), "Juliet": (), "Peter": ()}
    assert _one("BALTHASAR, servant to Romeo's father.", names) == set()
    assert _one("NURSE to Juliet's mother.", names) == set()
    assert _one("PETER, servant to Romeo's nurse.", names) == set()
    assert _one("PETER, Romeo's friend's servant.", names) == set()
    assert _one("PETER, servant to Juliet's Nurse.", names) == {("Peter", "serves", "Nurse", "")}


def test_odd_shapes_of_a_cast_line():
    names = {
        "Juliet": (),
        "Capulet": (),
        "Mercutio": (),
        "Romeo": (),
        "Duke of Venice": (),
        "Portia": (),
    }
    assert _one("JULIET, daughter to Capulet of Verona.", names) == {
        ("Capulet", "family", "Juliet", "daughter")
    }
    assert _one("Juliet, Daughter to Capulet", names) == {
        ("Capulet", "family", "Juliet", "daughter")
    }
    assert _one("Duke of Venice, friend to Portia", names) == {
        ("Duke of Venice", "friend", "Portia", "")
    }
    assert _one("MERCUTIO, friend to Romeo Of Verona", names) == {
        ("Mercutio", "friend", "Romeo", "")
    }


def test_a_character_own_name_beats_another_alias():
    assert _one("Zed, servant to Page", {"Abe": ("Page",), "Page": (), "Zed": ()}) == {
        ("Zed", "serves", "Page", "")
    }


def test_a_very_long_cast_line_is_read_in_one_pass():
    # bounded repetitions: this ran for minutes when name words were unbounded
    for entry in ("Juliet, " + "Ab " * 40_000, "A" * 100_000, "A." * 50_000):
        assert personae_relations([entry], {"Juliet": ()}, load_rules()) == []


def test_a_cast_line_wrapped_onto_the_next_line_is_one_entry(tmp_path):
    text = PLAY.replace(
        "ORSO, kinsman to the Duke, and friend to Lucio.",
        "ORSO, kinsman to the Duke, and\n    friend to Lucio.",
    )
    path = tmp_path / "wrapped.txt"
    path.write_text(text, encoding="utf-8")
    assert ("Orso", "friend", "Lucio", "") in _ties(graphkit.analyze(path))


def test_tei_with_a_repeated_id_nested_rs_and_a_bare_cast_item():
    tei = b"""<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><profileDesc><particDesc>
<listPerson><person xml:id="r"><persName>Romeo</persName></person><person xml:id="r"><persName>Romeo</persName></person>
<person xml:id="m"><persName>Montague</persName></person></listPerson>
</particDesc></profileDesc></teiHeader><text><front><castList>
<castItem sameAs="#m"><role><name>Montague</name></role><roleDesc><hi><rs ref="#r">his</rs></hi> father</roleDesc></castItem>
<castItem>Other Servingmen</castItem>
</castList></front><body><div type="scene"><head>Scene 1</head>
<sp who="#r"><l>Hi.</l></sp><sp who="#m"><l>Son.</l></sp></div></body></text></TEI>"""
    s = parse_tei(tei)
    assert s.personae == ("Montague, Romeo's father", "Other Servingmen")


def test_explain_says_the_role_of_a_family_tie(tmp_path):
    path = tmp_path / "two_houses.txt"
    path.write_text(PLAY, encoding="utf-8")
    text = graphkit.analyze(path).explain("Bruno", "Lucio")
    assert text.splitlines()[0] == "Bruno — Lucio: Bruno family Lucio (son)"
    assert "LUCIO, son to Bruno." in text
