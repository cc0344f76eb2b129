"""Typed relations: each rule family on sentences of our own, negation, pronouns, the Her article."""

from __future__ import annotations

import pytest
import yaml
from click.testing import CliRunner

import graphkit
from graphkit.cli import main
from graphkit.io.rules import RulesError, load_rules, parse_rules
from tests.conftest import FIXTURES as BASE_FIXTURES
from tests.conftest import ROOT

FIXTURES = BASE_FIXTURES / "relations"
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
    rules = load_rules()
    prose = {t for r in rules.rules for t in r.types_for("film")}
    assert families >= prose
    # the other types come only from a play's cast list (tests/pipeline/test_personae.py)
    assert set(rules.types) - prose <= set(rules.personae.values())


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


# --- the shortcut: rules run only where they can match, so results never change ---------

TRICKY = [
    "Ann Smith's\\nfather, Bob Jones, smiled.",
    "ANN SMITH IS IN\\nLOVE WITH BOB JONES.",
    "His friend Ann Smith waved.  Bob Jones and Carl Brown married.  They divorced.",
    "Ann Smithhis sister Bob Jones came.",  # a name glued to a pronoun
    "In the film Casablanca, Ann Smith and Bob Jones drink.",
    "Ann Smith (Bob Jones) sings; Carl Brown, played by Dan White, dances.",
    "The pair became friends. Ann Smith is the ſister of Bob Jones.",
]


def _texts_for_shortcut():
    texts = [c["text"] for cs in CASES.values() for c in cs] + [
        t.replace("\\n", "\n") for t in TRICKY
    ]
    texts.append((ROOT / "data" / "her.txt").read_text("utf-8"))
    return texts


@pytest.mark.parametrize("text", _texts_for_shortcut())
def test_no_rule_that_matches_a_sentence_is_skipped(text):
    # Every match the full scan of every rule over every sentence would find is on a
    # sentence the shortcut keeps, with its rule among those it runs.
    from graphkit.pipeline.relations.extract import _LETTER, _Candidates, _mask

    a = graphkit.analyze_text(text)
    doc, mentions, rules = a.document, list(a.mentions), load_rules()
    for kinds in ({}, {c.id: c.kind for c in a.character_list}):
        letters = {m.character: "w" for m in mentions if m.kind == "work"}
        letters.update({k: _LETTER.get(v, "n") for k, v in kinds.items()})
        works = [k for k, v in kinds.items() if v == "work"]
        cand = _Candidates(doc, mentions, rules, works)
        for si in sorted({m.sentence for m in mentions} | {m.sentence + 1 for m in mentions}):
            if si >= len(doc.sentences):
                continue
            ms = sorted((m for m in mentions if m.sentence == si), key=lambda m: m.start)
            sent = doc.sentences[si]
            masked = _mask(doc.text, sent.start, sent.end, ms, letters)
            matching = [r for r in rules.rules if r.regex.search(masked)]
            n_work = sum(letters.get(m.character) == "w" for m in ms)
            kept = cand.rules_for(si, n_work)
            for rule in matching:
                if rule.kin and not cand._kin_near(si):
                    continue  # no one near shares a surname: the kin rule could give nothing
                needs_names = not rule.pair or len(ms) >= 2 or cand._prev_count(si) >= 2
                if needs_names and len(ms) >= rule.needs.slots:
                    assert rule in kept, (rule.id, masked)


def test_rule_needs_read_off_the_regex():
    from graphkit.io.rules import rule_needs

    rule = next(r for r in load_rules().rules if r.id == "romantic.in-love")
    n = rule_needs(rule.regex)
    assert n.slots == 2 and n.work_slots == 0 and n.pronouns is None
    assert frozenset({" in love with "}) in n.clauses
    work = next(r for r in load_rules().rules if r.id == "appears_in.follows")
    assert rule_needs(work.regex).work_slots == 1
    # A user pattern the analysis cannot read gives no shortcut, never a wrong one.
    odd = parse_rules("- {id: x, type: friend, pattern: '(?:{source}|x) (?=y)\\w+ {target}'}")
    assert odd.rules[0].needs.slots == 1


def test_a_pronoun_glued_to_a_name_is_not_missed():
    # "Ann Smithhis": a whole word only once the name is a placeholder ("⟦n0⟧his").
    from graphkit.model import Mention
    from graphkit.pipeline.document import build_document
    from graphkit.pipeline.relations.extract import _Candidates

    rules = parse_rules(
        '- {id: glued, type: friend, pattern: "{target}{source\'s} friend"}', base=load_rules()
    )
    doc = build_document("Ann Smithhis friend waved.")
    ms = [Mention(0, 9, "Ann Smith", "Ann Smith", "character", 0)]
    assert "glued" in [r.id for r in _Candidates(doc, ms, rules).rules_for(0, 0)]


def test_extra_titles_read_line_by_line_as_on_the_whole_text():
    from graphkit.pipeline.document import build_document
    from graphkit.pipeline.mentions.works import _COMMA_YEAR, _MEDIUM_SINGLE, extra_titles

    text = (
        "Play It Again, Sam (1972) quotes\nthe film Casablanca. His novel\nEmma and "
        "the play Hamlet King.\nThe film\tVertigo's score; Jonze's 2013 movie Her.\n"
        "A Night at the Opera, Too (1935)"
    )
    doc = build_document(text)
    whole = [m.group("t") for p in (_COMMA_YEAR, _MEDIUM_SINGLE) for m in p.finditer(doc.text)]
    assert extra_titles(doc) == list(dict.fromkeys(" ".join(t.split()) for t in whole))
    assert "Casablanca" in extra_titles(doc)


def test_titles_set_after_a_qualified_medium_noun_are_works():
    from graphkit.pipeline.document import build_document
    from graphkit.pipeline.mentions.works import extra_titles

    def titles(text):
        return extra_titles(build_document(text))

    assert titles("Critics compared it to Moravec's earlier film, Low Country.") == ["Low Country"]
    assert titles("Holt wrote two sequels, Black Kite and Kite Summer.") == [
        "Black Kite",
        "Kite Summer",
    ]
    assert titles("The film was remade as Snow Line in 1978.") == ["Snow Line"]
    assert titles("His first novel, The Hours and the Days, was long.") == [
        "The Hours and the Days"
    ]
    # No qualifier, a title of address, or a sentence's end: not a title.
    assert titles("She put down her book, Elizabeth went out.") == []
    assert titles("Then came a sequel, Mr. Darcy said.") == []
    assert titles("It had a sequel, Bonapartist\nroyalism.") == []


def test_every_kind_letter_is_a_placeholder_letter():
    # A kind added to rules._KIND_LETTER ("g" for groups) must be read back as a placeholder
    # by masking and never taken for a rule's own word by rule_needs.
    from graphkit.io.rule_needs import _INSIDE_PLACEHOLDER
    from graphkit.io.rules import _KIND_LETTER
    from graphkit.pipeline.relations.masking import _PLACEHOLDER

    for letter in {*_KIND_LETTER.values(), "n"}:
        assert _PLACEHOLDER.fullmatch(f"⟦{letter}12⟧")
        assert {letter, letter.upper()} <= _INSIDE_PLACEHOLDER
