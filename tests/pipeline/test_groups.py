"""Families and peoples named in the plural are groups (graphkit.pipeline.characters.groups)."""

import graphkit
from graphkit.io.cast import parse_cast
from graphkit.views.style import node_colours

FAMILY = (
    "Mr. Bennet lived at Longbourn with Mrs. Bennet. The Bennets were not rich. "
    "Elizabeth Bennet walked to Netherfield. Mr. Bennet laughed. The Bennets were at church "
    "on Sunday, and Charlotte Lucas came. The Bennets have five daughters. Charlotte Lucas "
    "smiled at Elizabeth Bennet.\n\n"
)
SURNAME = (
    "Mr. Adams met Adam Smith. Adams was tired. Adams has a horse. Adam Smith said nothing. "
    "Adams was late again.\n\n"
)
PEOPLE = (
    "The Achaeans were at the ships. Odysseus spoke. The Achaeans were afraid. Odysseus led "
    "the Achaeans. The Achaeans are brave.\n\n"
)
PLACE = "Odysseus walked in the Halles. He slept at the Halles. He ate in the Halles.\n\n"


def _kinds(text: str, **kw) -> dict[str, str]:
    return dict(graphkit.analyze_text(text, cast=False, **kw).characters["kind"])


def test_a_family_named_in_the_plural_is_a_group_and_its_members_stay_characters():
    kinds = _kinds(FAMILY)
    assert kinds["Bennets"] == "group"
    assert kinds["Elizabeth Bennet"] == kinds["Mrs. Bennet"] == "character"


def test_a_surname_in_s_beside_a_first_name_stays_a_man_when_it_takes_singular_verbs():
    # "Adams" is "Adam" + s, and "Adam Smith" is a character, but "Adams was", "Adams has".
    assert _kinds(SURNAME)["Adams"] == "character"


def test_a_people_with_plural_verbs_is_a_group_a_place_in_the_plural_is_not():
    kinds = _kinds(PEOPLE + PLACE)
    assert kinds["Achaeans"] == "group"
    assert kinds["Odysseus"] == "character"
    assert kinds["Halles"] != "group"  # no verb: "in the Halles", "at the Halles"


def test_a_group_never_speaks_and_keeps_its_edges():
    text = FAMILY + '"We are glad," said the Bennets. Charlotte Lucas nodded.\n\n'
    a = graphkit.analyze_text(text, cast=False)
    assert "Bennets" not in set(a.quotes["speaker"].dropna())
    assert a.graph.nodes["Bennets"]["kind"] == "group"
    assert a.graph.has_edge(
        "Bennets", "Charlotte Lucas"
    )  # "at church ..., and Charlotte Lucas came"


def test_a_cast_file_may_say_kind_group():
    cast = parse_cast("- name: Achaeans\n  kind: group\n- name: Odysseus\n")
    a = graphkit.analyze_text(PEOPLE, cast=cast)
    assert dict(a.characters["kind"]) == {"Achaeans": "group", "Odysseus": "character"}


def test_auto_colour_is_community_when_the_only_other_kind_is_group():
    a = graphkit.analyze_text(FAMILY * 3, cast=False)
    g = a.graph
    nodes = list(g.nodes)
    assert {g.nodes[n]["kind"] for n in nodes} == {"character", "group"}
    _, legend, mode = node_colours(g, nodes, {n: 1.0 for n in nodes})
    assert mode == "community"
    _, legend, mode = node_colours(g, nodes, {n: 1.0 for n in nodes}, colour="kind")
    assert ("#9467bd", "group (family, people)") in legend


def test_the_interactive_view_names_and_colours_groups():
    from graphkit.views.html import view_data

    data = view_data(graphkit.analyze_text(FAMILY * 3, cast=False))
    assert data["kinds"]["group"] == {"colour": "#9467bd", "label": "group (family, people)"}
    assert {n["kind"] for n in data["nodes"] if n["id"] == "Bennets"} == {"group"}
