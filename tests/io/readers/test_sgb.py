"""GraphBase co-appearance tables: the groups rule, TeX accents, bad lines."""

from __future__ import annotations

from collections import Counter
from itertools import combinations

import pytest
from click.testing import CliRunner

import graphkit
from graphkit.cli import main
from graphkit.errors import InputError
from graphkit.io.readers.sgb import decode_tex, parse_sgb
from tests.conftest import FIXTURES, shared_file


@pytest.fixture(scope="module")
def tiny():
    return graphkit.analyze(FIXTURES / "tiny.dat")


def test_tiny_groups_rule_by_hand(tiny):
    # 1: {AN,BO} {BO,CY}; 2: nobody; 3: {AN,BO,CY} {AN,BO}; 4: {DI} {CY,AN} (continued with &).
    assert sorted(tiny.graph.edges(data="weight")) == [
        ("Anné Smith", "Bob", 3),
        ("Anné Smith", "Cyrano de Français", 2),
        ("Bob", "Cyrano de Français", 2),
    ]
    assert [s.title for s in tiny.segments] == ["1", "2", "3", "4"]
    assert tiny.graph.edges["Anné Smith", "Bob"]["segments"] == [0, 2]


def test_tiny_attributes_and_the_unlinked(tiny):
    g = tiny.graph
    assert g.nodes["Bob"]["code"] == "BO"
    assert g.nodes["Bob"]["description"] == "Bob, friend of AN"
    # Di only ever stands alone: like NetworkX's Les Misérables graph, no isolated node.
    assert "Di" not in g and g.graph["unlinked"] == ["Di"]


def test_tex_accents():
    assert decode_tex(r"Th\'enardier") == "Thénardier"
    assert (
        decode_tex(r"Fran\c{c}ois, Tholomy\`es, L\^o, M\"uller")
        == "François, Tholomyès, Lô, Müller"
    )
    assert decode_tex(r"{\'E}mile \v{S}imon \ss") == "Émile Šimon ß"


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("bad_group.dat", r"bad_group.dat:5: bad character code ''"),
        ("bad_cast.dat", r"bad_cast.dat:2: expected 'XX"),
    ],
)
def test_bad_lines_give_one_clear_error(name, message):
    with pytest.raises(InputError, match=message):
        graphkit.analyze(FIXTURES / name)
    result = CliRunner().invoke(main, ["analyze", str(FIXTURES / name), "-o", "unused"])
    assert result.exit_code == 1 and result.output.count("\n") == 1
    assert "Traceback" not in result.output


def test_unknown_code_and_dangling_continuation():
    with pytest.raises(InputError, match="unknown character code 'ZZ'"):
        parse_sgb("AA Ann\n\n1:AA,ZZ\n")
    with pytest.raises(InputError, match="ends with '&'"):
        parse_sgb("AA Ann\n\n1:AA,&\n")


def _groups_rule(path) -> tuple[dict[str, str], Counter]:
    """An independent reading of a .dat file: codes -> names, and pair weights by codes."""
    names, weights, chapters = {}, Counter(), False
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("*"):
            continue
        if not line:
            chapters = True
        elif not chapters:
            names[line[:2]] = line[3:].split(",")[0]
        elif ":" in line:
            for group in line.split(":", 1)[1].split(";"):
                for pair in combinations(sorted(set(group.split(","))), 2):
                    weights[pair] += 1
    return names, weights


@pytest.mark.parametrize("book", ["anna", "david"])
def test_shared_tables_follow_the_groups_rule_exactly(book):
    path = shared_file("coappearance", f"{book}.dat")
    a = graphkit.analyze(path)
    code = {n: d["code"] for n, d in a.graph.nodes(data=True)}
    _, weights = _groups_rule(path)
    mine = Counter(
        {tuple(sorted((code[u], code[v]))): w for u, v, w in a.graph.edges(data="weight")}
    )
    assert mine == weights


def test_anna_cases_checked_by_hand():
    a = graphkit.analyze(shared_file("coappearance", "anna.dat"))
    g = a.graph
    anna, vronsky = "Anna Arkadyevna Karenina", "Count Alexey Kirillovitch Vronsky"
    assert g.edges[anna, vronsky]["weight"] == 45  # groups holding both AN and VR
    assert (
        g.edges[
            "Konstantin Dmitrievitch Levin",
            "Princess Ekaterina Alexandrovna Shtcherbatskaya (Kitty)",
        ]["weight"]
        == 45
    )
    assert g.edges["Alexey Alexandrovitch Karenin", anna]["weight"] == 19
    assert len(a.segments) == 239 and a.segments[0].title == "1.1"


def test_david_cases_checked_by_hand():
    a = graphkit.analyze(shared_file("coappearance", "david.dat"))
    g = a.graph
    assert g.edges["David Copperfield", "Betsey Trotwood"]["weight"] == 54
    assert g.edges["David Copperfield", "Agnes Wickfield"]["weight"] == 32
    assert g.edges["David Copperfield", "Uriah Heep"]["weight"] == 12
    assert g.nodes["Sophy Crewler"]["description"] == "Sophy Crewler, fiancée of TT"
    assert "Richard Babley (Mr. Dick)" in g
    assert len(a.segments) == 64
