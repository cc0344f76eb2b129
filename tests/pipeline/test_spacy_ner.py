"""The optional spaCy backend (``--ner spacy``), exercised with a blank pipeline and an entity ruler.

No model is downloaded: the pipelines are built here, in memory or saved to a
temporary folder.  The whole module is skipped when spaCy is not installed.
"""

from __future__ import annotations

import json
import socket
import sys

import pytest
from click.testing import CliRunner

spacy = pytest.importorskip("spacy")

import graphkit  # noqa: E402
from graphkit.cli import main  # noqa: E402
from graphkit.errors import OptionError  # noqa: E402
from graphkit.io.text import read_text  # noqa: E402
from graphkit.pipeline.document import build_document  # noqa: E402
from graphkit.pipeline.mentions import spacy_ner  # noqa: E402

TEXT = (
    "The film Casablanca follows Rick Blaine (Humphrey Bogart), who runs a bar in Tangier.\n"
    "Rick meets Ilsa Lund again. Ilsa's husband Victor Laszlo waits outside.\n\n"
    "Bogart and Ingrid Bergman were praised. Rick helps Victor Laszlo escape."
)
PEOPLE = ["Rick Blaine", "Rick", "Humphrey Bogart", "Bogart", "Ilsa Lund", "Ilsa",
          "Victor Laszlo", "Ingrid Bergman"]  # fmt: skip


def _pipeline():
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("entity_ruler")
    ruler.add_patterns(
        [{"label": "PERSON", "pattern": p} for p in PEOPLE]
        + [
            {"label": "WORK_OF_ART", "pattern": "Casablanca"},
            {"label": "GPE", "pattern": "Tangier"},
            # spaCy sometimes puts the possessive inside the entity.
            {"label": "PERSON", "pattern": [{"ORTH": "Ilsa"}, {"ORTH": "'s"}]},
        ]
    )
    return nlp


@pytest.fixture()
def nlp():
    return _pipeline()


@pytest.fixture()
def pipeline_dir(tmp_path):
    folder = tmp_path / "ruler_pipeline"
    _pipeline().to_disk(folder)
    return folder


@pytest.fixture()
def no_network(monkeypatch):
    """Fail any attempt to open a network connection (a model download, say)."""

    def refuse(*args, **kwargs):
        raise AssertionError("graphkit tried to use the network")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)


def test_mentions_come_from_entities_with_offsets_and_kinds(nlp):
    doc = build_document(TEXT)
    found = spacy_ner.spacy_mentions(doc, nlp)
    assert [doc.text[m.start : m.end] for m in found] == [m.text for m in found]
    names = [m.text for m in found]
    assert "Tangier" not in names  # GPE is not a person or a work
    assert ("Casablanca", "work") in {(m.text, m.kind) for m in found}
    # "Ilsa's" loses its possessive.
    assert names.count("Ilsa") == 1 and "Ilsa's" not in names
    assert all(m.sentence >= 0 for m in found)
    assert [m.start for m in found] == sorted(m.start for m in found)


def test_analysis_with_a_spacy_pipeline_merges_aliases_and_finds_relations(nlp, no_network):
    a = graphkit.analyze_text(TEXT, ner=nlp)
    nodes = set(a.graph)
    assert {"Rick Blaine", "Humphrey Bogart", "Ilsa Lund", "Victor Laszlo", "Casablanca"} <= nodes
    assert not {"Rick", "Bogart", "Ilsa", "Tangier"} & nodes  # aliases merged, places out
    assert ("Humphrey Bogart", "plays", "Rick Blaine") in {
        (r.source, r.type, r.target) for r in a.relations
    }
    assert a.graph.graph["names"].startswith("spacy:")


def test_rules_and_spacy_give_the_same_graph_shape_on_an_easy_text(nlp):
    rules = graphkit.analyze_text(TEXT)
    learned = graphkit.analyze_text(TEXT, ner=nlp)
    assert rules.graph.graph["names"] == "discovery"
    assert set(learned.graph) - {"Ingrid Bergman"} <= set(rules.graph) | {"Ingrid Bergman"}


def test_long_paragraphs_are_cut_at_sentence_ends(nlp, monkeypatch):
    monkeypatch.setattr(spacy_ner, "_CHUNK", 60)
    doc = build_document(TEXT)
    chunks = list(spacy_ner._chunks(doc))
    assert len(chunks) > 2
    for offset, text in chunks:
        assert doc.text[offset : offset + len(text)].replace("\n", " ") == text
    assert [m.text for m in spacy_ner.spacy_mentions(doc, nlp)] == [
        m.text for m in spacy_ner.spacy_mentions(build_document(TEXT), _pipeline())
    ]


def test_cli_analyze_with_a_pipeline_folder(pipeline_dir, tmp_path, no_network):
    src = tmp_path / "casablanca.txt"
    src.write_text(TEXT, encoding="utf-8")
    out = tmp_path / "out"
    result = CliRunner().invoke(
        main, ["analyze", str(src), "--ner", "spacy", "--spacy-model", str(pipeline_dir),
               "-o", str(out)],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert "names from spacy:" in result.output
    graph = json.loads((out / "graph.json").read_text(encoding="utf-8"))
    assert {"Rick Blaine", "Casablanca"} <= {n["id"] for n in graph["nodes"]}


def test_cli_mentions_with_spacy_maps_offsets_to_the_file(pipeline_dir, tmp_path):
    src = tmp_path / "casablanca.txt"
    raw = "\ufeff" + TEXT.replace("\n", "\r\n")  # BOM and CRLF move offsets
    src.write_text(raw, encoding="utf-8")
    result = CliRunner().invoke(
        main, ["mentions", str(src), "--ner", "spacy", "--spacy-model", str(pipeline_dir)]
    )
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in result.output.splitlines()]
    text = read_text(src).text
    assert records and all(text[r["start"] : r["end"]] == r["text"] for r in records)
    assert {"character": "Rick Blaine", "text": "Rick"}.items() <= next(
        r for r in records if r["text"] == "Rick"
    ).items()


@pytest.mark.parametrize("model", ["no_such_pipeline_xyz", "{tmp}/missing_folder"])
def test_a_missing_pipeline_is_one_line_and_writes_nothing(model, tmp_path, her_path, no_network):
    out = tmp_path / "out"
    result = CliRunner().invoke(
        main, ["analyze", str(her_path), "--no-cast", "--ner", "spacy",
               "--spacy-model", model.format(tmp=tmp_path), "-o", str(out)],
    )  # fmt: skip
    assert result.exit_code == 1
    assert result.output.startswith("Error: ") and result.output.count("\n") == 1
    assert "Traceback" not in result.output
    assert not out.exists()


def test_without_spacy_the_message_says_how_to_install_it(monkeypatch):
    spacy_ner._load.cache_clear()
    monkeypatch.setitem(sys.modules, "spacy", None)  # import spacy now fails
    with pytest.raises(OptionError, match=r"pip install 'graphkit\[spacy\]'"):
        spacy_ner.load_pipeline("en_core_web_sm")
    spacy_ner._load.cache_clear()


def test_an_unknown_detector_is_refused():
    with pytest.raises(OptionError, match="rules or spacy"):
        graphkit.analyze_text("Ann met Bob.", ner="stanza")


def test_a_ruler_matching_on_tags_keeps_the_components_it_needs():
    nlp = spacy.blank("en")
    tags = nlp.add_pipe("attribute_ruler")
    tags.add(patterns=[[{"ORTH": "Theodore"}], [{"ORTH": "Samantha"}]], attrs={"POS": "PROPN"})
    ruler = nlp.add_pipe("entity_ruler", name="people")  # found by its factory, not its name
    ruler.add_patterns([{"label": "PERSON", "pattern": [{"POS": "PROPN"}]}])
    found = spacy_ner.spacy_mentions(build_document("Theodore heard Samantha."), nlp)
    assert [m.text for m in found] == ["Theodore", "Samantha"]


def test_a_paragraph_without_sentence_ends_is_cut_at_white_space(nlp, monkeypatch):
    monkeypatch.setattr(spacy_ner, "_CHUNK", 50)
    text = "rick met ilsa and then Rick Blaine met Humphrey Bogart " * 8  # no sentence end
    doc = build_document(text)
    chunks = list(spacy_ner._chunks(doc))
    assert len(chunks) > 4 and all(len(t) <= 50 for _, t in chunks)
    assert "".join(t for _, t in chunks) == doc.text.strip().replace("\n", " ")
    found = spacy_ner.spacy_mentions(doc, nlp)
    assert all(doc.text[m.start : m.end] == m.text for m in found)
    assert len(found) >= 16  # a cut may part a name now and then, never the offsets


def test_a_rebuilt_pipeline_folder_is_loaded_again(tmp_path):
    import os
    import time

    def build(names):
        p = spacy.blank("en")
        p.add_pipe("entity_ruler").add_patterns([{"label": "PERSON", "pattern": n} for n in names])
        p.to_disk(tmp_path / "pipe")

    text = "Alice met Bob. Carol met Dan."
    build(["Alice", "Bob"])
    first = graphkit.analyze_text(text, ner="spacy", spacy_model=str(tmp_path / "pipe"))
    build(["Carol", "Dan"])
    config = tmp_path / "pipe" / "config.cfg"
    later = time.time() + 5
    os.utime(config, (later, later))  # a new modification time, however coarse the clock
    second = graphkit.analyze_text(text, ner="spacy", spacy_model=str(tmp_path / "pipe"))
    assert sorted(first.graph) == ["Alice", "Bob"] and sorted(second.graph) == ["Carol", "Dan"]


def test_a_broken_pipeline_folder_is_one_line(tmp_path, her_path):
    (tmp_path / "broken").mkdir()
    (tmp_path / "broken" / "config.cfg").write_text("[nlp]\n", encoding="utf-8")
    result = CliRunner().invoke(
        main, ["mentions", str(her_path), "--no-cast", "--ner", "spacy",
               "--spacy-model", str(tmp_path / "broken")],
    )  # fmt: skip
    assert result.exit_code == 1
    assert result.output.startswith("Error: spaCy pipeline") and "cannot be loaded" in result.output
    assert result.output.count("\n") == 1
