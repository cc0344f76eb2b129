"""GEXF and GraphML exports validate against the official schemas in ``tests/exporters/xsd``.

The XSDs, their sources and licences are in ``xsd/README.md``.  Validation needs
``xmlschema`` (in the ``test`` extra); without it the validating tests are skipped.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import networkx as nx
import pytest

from graphkit.exporters import read_graph, render
from graphkit.exporters.gexf import GEXF_NAMESPACE, VIZ_NAMESPACE
from graphkit.exporters.graphml import read_graphml

XSD = Path(__file__).parent / "xsd"


@pytest.fixture(scope="module")
def gexf_schema():
    xmlschema = pytest.importorskip("xmlschema")
    return xmlschema.XMLSchema(str(XSD / "gexf.xsd"))


@pytest.fixture(scope="module")
def graphml_schema():
    xmlschema = pytest.importorskip("xmlschema")
    return xmlschema.XMLSchema(str(XSD / "graphml.xsd"))


def _awkward_graph() -> nx.Graph:
    """Ids with spaces, apostrophes, a clash once made safe, and typed relations."""
    g = nx.Graph(name="awkward")
    for n in ("Spike Jonze", "Spike_Jonze", "Mrs. O'Brien", "Ann", "1st Servingman"):
        g.add_node(n, label=n.split()[-1], kind="character", aliases=["x y"], mentions=2)
    g.add_edge("Spike Jonze", "Ann", weight=3, evidence=[0, 4])
    g.add_edge("Mrs. O'Brien", "Spike_Jonze", weight=1, evidence=[2])
    g.add_edge("1st Servingman", "Ann", weight=2, evidence=[1],
               relations=[{"type": "friend", "source": "Ann", "target": "1st Servingman"}])  # fmt: skip
    return g


def _viz_as_gexf(data: bytes) -> ET.Element:
    """The GEXF tree with its ``viz`` elements moved into the GEXF namespace.

    The official 1.3 XSD (gephi/gexf, since its fix of issue 19) declares
    ``color`` and ``size`` in the GEXF namespace itself, while Gephi and
    NetworkX write and read them in the ``viz`` namespace; the file keeps
    ``viz`` and everything else is checked as it is.
    """
    root = ET.fromstring(data)
    moved = 0
    for el in root.iter():
        if el.tag.startswith(f"{{{VIZ_NAMESPACE}}}"):
            el.tag = f"{{{GEXF_NAMESPACE}}}" + el.tag.split("}", 1)[1]
            moved += 1
    assert moved, "no viz elements"
    return root


@pytest.mark.parametrize("dynamic", [False, True])
def test_gexf_is_valid_gexf_1_3(gexf_schema, her_cast, dynamic):
    from graphkit.exporters.gexf import gexf_bytes

    data = her_cast.files(pictures=False)["graph.gexf"] if dynamic else gexf_bytes(her_cast.graph)
    assert b'version="1.3"' in data and b'xmlns:viz="http://gexf.net/1.3/viz"' in data
    assert (b"<spells>" in data) == dynamic
    gexf_schema.validate(_viz_as_gexf(data))


def test_gexf_of_awkward_ids_is_valid(gexf_schema):
    gexf_schema.validate(_viz_as_gexf(render(_awkward_graph(), "gexf")))


def test_graphml_is_valid_graphml_1_0(graphml_schema, her_cast):
    graphml_schema.validate(her_cast.files(pictures=False)["graph.graphml"].decode("utf-8"))


def test_graphml_of_awkward_ids_is_valid(graphml_schema):
    graphml_schema.validate(render(_awkward_graph(), "graphml").decode("utf-8"))


def test_graphml_ids_are_tokens_and_read_back_as_they_were(tmp_path):
    g = _awkward_graph()
    data = render(g, "graphml")
    ids = {
        el.get("id")
        for el in ET.fromstring(data).iter("{http://graphml.graphdrawing.org/xmlns}node")
    }
    assert ids == {"Spike_Jonze", "Spike_Jonze-2", "Mrs._O_Brien", "Ann", "1st_Servingman"}
    (tmp_path / "g.graphml").write_bytes(data)
    back = read_graph(tmp_path / "g.graphml")
    assert list(back) == list(g) and sorted(back.edges()) == sorted(g.edges())
    assert back.nodes["Mrs. O'Brien"]["label"] == "O'Brien" and "name" not in back.nodes["Ann"]
    assert back.edges["Ann", "1st Servingman"]["relations"] == "Ann friend 1st Servingman"


def test_a_graphml_from_elsewhere_keeps_its_ids(tmp_path):
    g = nx.Graph()
    g.add_edge("a", "b")
    nx.write_graphml(g, tmp_path / "x.graphml")
    assert sorted(read_graphml(tmp_path / "x.graphml")) == ["a", "b"]


def test_another_graphml_reader_reads_it(tmp_path):
    """igraph's reader (C, libxml2) is independent of graphkit's and of NetworkX's."""
    igraph = pytest.importorskip("igraph")
    g = _awkward_graph()
    (tmp_path / "g.graphml").write_bytes(render(g, "graphml"))
    other = igraph.Graph.Read_GraphML(str(tmp_path / "g.graphml"))
    assert other.vcount() == g.number_of_nodes() and other.ecount() == g.number_of_edges()
    # The original ids are in the ``name`` key, where Gephi and Cytoscape look for a label too.
    assert sorted(other.vs["name"]) == sorted(g.nodes)
    assert sorted(other.vs["label"]) == sorted(d["label"] for _, d in g.nodes(data=True))
    weights = sorted(other.es["weight"])
    assert weights == sorted(float(d["weight"]) for _, _, d in g.edges(data=True))


def test_quoted_and_conversation_graphs_are_valid(gexf_schema, graphml_schema, tmp_path):
    import graphkit
    from tests.conftest import FIXTURES

    for kw in ({"quotes": True}, {"interaction": "conversation"}):
        files = graphkit.analyze(FIXTURES / "conversation.txt", **kw).files(pictures=False)
        gexf_schema.validate(_viz_as_gexf(files["graph.gexf"]))
        graphml_schema.validate(files["graph.graphml"].decode("utf-8"))
        (tmp_path / "g.graphml").write_bytes(files["graph.graphml"])
        back = read_graph(tmp_path / "g.graphml")
        assert back.edges["Ann", "Bob"]["quotes"] == (4 if "quotes" in kw else 2), kw
