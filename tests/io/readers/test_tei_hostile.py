"""Hostile TEI: deep nesting, bogus encodings, thousands of scenes: a result or one error line."""

from __future__ import annotations

import pytest

from graphkit.errors import InputError
from graphkit.io.readers.tei import parse_tei

NS = b'<TEI xmlns="http://www.tei-c.org/ns/1.0"><text><body>'
END = b"</body></text></TEI>"


def test_deeply_nested_inline_elements_are_read():
    line = b"<hi>" * 100_000 + b"deep" + b"</hi>" * 100_000
    s = parse_tei(NS + b'<div type="scene"><sp who="#a"><l>' + line + b"</l></sp></div>" + END)
    assert [t.text for t in s.turns] == ["deep"]


def test_deeply_nested_divs_are_read():
    s = parse_tei(NS + b"<div>" * 5000 + b'<sp who="#a"><l>x</l></sp>' + b"</div>" * 5000 + END)
    assert len(s.turns) == 1 and s.roles[0].id == "a"


def test_a_bogus_encoding_is_one_error_line():
    with pytest.raises(InputError, match="cannot decode XML"):
        parse_tei(b'<?xml version="1.0" encoding="x-bogus"?><TEI/>', "p.xml")


def test_thousands_of_scenes_keep_every_scene_and_link():

    scenes = b"".join(
        b'<div type="scene"><head>S%d</head><sp who="#a"><l>x</l></sp><sp who="#b"><l>y</l></sp>'
        b"</div>" % i
        for i in range(3000)
    )
    s = parse_tei(NS + scenes + END)
    assert len(s.segments) == 3000 and s.segments[-1] == "S2999"
    from graphkit.pipeline.structured import analyze_script

    g = analyze_script(s).graph
    assert g.edges["a", "b"]["weight"] == 3000  # one shared scene each
