"""Typed relations: each rule family on sentences of our own, negation, pronouns, the Her article."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

import graphkit
from graphkit.cli import main
from graphkit.rules import RulesError, load_rules, parse_rules

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "relations"
CASES = yaml.safe_load((FIXTURES / "sentences.yml").read_text(encoding="utf-8"))

HER_RELATIONS = {
    ("Joaquin Phoenix", "plays", "Theodore"),
    ("Scarlett Johansson", "plays", "Samantha"),
    ("Rooney Mara", "plays", "Catherine"),
    ("Amy Adams", "plays", "Amy"),
    ("Scarlett Johansson", "plays", "Charlotte"),
    ("Spike Jonze", "directed", "Her"),
    ("Sofia Coppola", "directed", "Lost in Translation"),
    ("Catherine", "ex_spouse", "Theodore"),
    ("Sofia Coppola", "ex_spouse", "Spike Jonze"),
    ("Samantha", "romantic", "Theodore"),
    ("Amy", "friend", "Theodore"),
    ("Her", "related_work", "Lost in Translation"),
    ("Charlotte", "appears_in", "Lost in Translation"),
    ("Theodore", "appears_in", "Her"),
}


def _triples(analysis) -> set[tuple[str, str, str]]:
    return {(r.source, r.type, r.target) for r in analysis.relations}


@pytest.mark.parametrize(
    "case",
    [pytest.param(c, id=f"{family}-{i}") for family, cs in CASES.items() for i, c in enumerate(cs)],
)
def test_rule_families_on_our_own_sentences(case):
    assert _triples(graphkit.analyze_text(case["text"])) == {tuple(r) for r in case["relations"]}


def test_every_rule_family_is_covered_by_a_fixture():
    families = {r[1] for cs in CASES.values() for c in cs for r in c["relations"]}
    assert families >= set(load_rules().types)


def test_her_with_cast_gives_exactly_the_stated_relations(her_cast):
    assert _triples(her_cast) == HER_RELATIONS


def test_her_without_cast_gives_them_too(her_nocast):
    assert _triples(her_nocast) == HER_RELATIONS


def test_kinds_follow_from_relations_without_cast(her_nocast):
    g = her_nocast.graph
    for actor in ("Joaquin Phoenix", "Scarlett Johansson", "Rooney Mara", "Amy Adams"):
        assert g.nodes[actor]["kind"] == "person"
    for role in ("Theodore", "Samantha", "Catherine", "Amy", "Charlotte"):
        assert g.nodes[role]["kind"] == "character"


def test_edges_carry_relations_and_their_sentences(her_cast):
    d = her_cast.graph.edges["Spike Jonze", "Sofia Coppola"]
    assert d["relations"] == [
        {"type": "ex_spouse", "source": "Sofia Coppola", "target": "Spike Jonze"}
    ]
    (s,) = d["relation_evidence"]["ex_spouse"]
    assert "divorced" in her_cast.document.sentence_text(s)


def test_no_relation_across_an_ambiguous_pronoun():
    a = graphkit.analyze_text(
        "Ann Elliot met Mary Musgrove in town. Her sister Jane Fairfax waved."
    )
    assert not a.relations


def test_user_rules_add_and_replace(tmp_path):
    rules = tmp_path / "mine.yml"
    rules.write_text(
        "rules:\n"
        "  - {id: mine.mentor, type: mentor, source: name, target: name,\n"
        "     pattern: '{source} mentors {target}'}\n"
        "disable: [plays.bracket]\n",
        encoding="utf-8",
    )
    text = "We see that Obi Kenobi mentors Luke Skywalker while Han Solo (Harrison Ford) flies."
    assert ("Harrison Ford", "plays", "Han Solo") in _triples(graphkit.analyze_text(text))
    a = graphkit.analyze_text(text, rules=rules)
    assert _triples(a) == {("Obi Kenobi", "mentor", "Luke Skywalker")}


@pytest.mark.parametrize(
    "text, message",
    [
        ("rules: [1, 2", "not valid YAML"),
        ("- {id: x, type: friend, pattern: '{source} ({target}'}", "bad regular expression"),
        ("- {id: x, type: friend, pattern: '{source} {nobody}'}", "unknown placeholder"),
        ("- {id: x, type: friend, source: alien, pattern: '{source} {target}'}", "alien"),
        ("- {type: friend, pattern: '{source} {target}'}", "needs an 'id'"),
    ],
)
def test_broken_rules_raise_one_clear_error(text, message):
    with pytest.raises(RulesError, match=message):
        parse_rules(text)


def test_broken_rules_file_on_the_command_line(tmp_path, her_path):
    bad = tmp_path / "bad.yml"
    bad.write_text("- {id: x, type: friend, pattern: '{source} ('}\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["characters", str(her_path), "--rules", str(bad)])
    assert result.exit_code == 1
    assert result.output.count("\n") == 1 and "bad.yml" in result.output
    assert "Traceback" not in result.output


def test_extraction_is_linear_in_the_text():
    import time

    one = "Ann Smith and her friend Bob Jones met Carl Brown (Dan White). " * 40
    t0 = time.perf_counter()
    graphkit.analyze_text(one)
    small = time.perf_counter() - t0
    t0 = time.perf_counter()
    graphkit.analyze_text(one * 8)
    assert time.perf_counter() - t0 < 8 * small * 4 + 1.0
