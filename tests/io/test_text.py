from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from graphkit.errors import InputError
from graphkit.io.text import decode, html_to_text, normalize, read_text


@pytest.mark.parametrize(
    ("glued", "clean"),
    [
        ("destroyingTheodore's heart", "destroying Theodore's heart"),
        ("andSofia Coppola", "and Sofia Coppola"),
        ("the end ofHer, Theodore", "the end of Her, Theodore"),
        ("one another.Herbegins", "one another. Her begins"),
        ("Jonze'sHerexplores", "Jonze's Her explores"),
        ("Thoughthey are", "Though they are"),
    ],
)
def test_case_boundary_glue_is_repaired(glued, clean):
    # Name glue ("Herbegins") is repaired in texts that show scraping damage elsewhere.
    damaged = " Then destroyingSofia andSofia left."
    assert normalize(glued + damaged)[0] == clean + " Then destroying Sofia and Sofia left."


@pytest.mark.parametrize(
    "name", ["McCartney", "DiCaprio", "iPhone", "MacDonald", "LeBlanc", "YouTube", "O'Brien"]
)
def test_real_names_are_not_split(name):
    text = f"Yesterday {name} called. Then {name} left."
    assert normalize(text)[0] == text


def test_name_glued_to_lowercase_word_uses_the_document():
    text = "Her follows him. Herfollows nothing.Coppola met Jonze andSofia. Coppolawere wed."
    clean, _ = normalize(text)
    assert "Her follows nothing" in clean
    assert "Coppola were wed" in clean


def test_known_words_and_names_are_never_split():
    text = "Her eyes. Herself and Herbert went. Hereafter Jackson came. Jack ran. AndSofia ofHer."
    assert normalize(text)[0] == text.replace("AndSofia ofHer", "And Sofia of Her")


def test_clean_texts_are_left_alone():
    # Without scraping damage, a name that looks like "Sister" + "on" stays whole.
    text = "Sister Simplice came from Sisteron. The Sister prayed on and on."
    assert normalize(text)[0] == text


def test_quotes_and_line_ends_are_normalised_and_mapped_back():
    raw = "\u201cHi,\u201d said Ann.\r\nBob\u2019s turn."
    clean, offsets = normalize(raw)
    assert clean == '"Hi," said Ann. \nBob\'s turn.'
    bob = clean.index("Bob")
    assert raw[int(offsets.to_raw([bob])[0]) :].startswith("Bob")


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=300))
def test_normalize_never_fails_and_offsets_stay_inside(text):
    clean, offsets = normalize(text)
    raw = offsets.to_raw(list(range(len(clean) + 1)))
    assert (raw >= 0).all() and (raw <= len(text)).all()
    assert list(raw) == sorted(raw)


def test_decode_handles_boms_and_cp1252():
    assert decode("\ufeffCaf\u00e9".encode("utf-8")) == "Caf\u00e9"
    assert decode("Caf\u00e9".encode("utf-16")) == "Caf\u00e9"
    assert decode("\u201cCaf\u00e9\u201d".encode("cp1252")) == "\u201cCaf\u00e9\u201d"


def test_decode_refuses_binary_and_undecodable():
    with pytest.raises(InputError, match="binary"):
        decode(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    with pytest.raises(InputError, match="cannot decode"):
        decode(b"abc \x81\x8d\x8f\x90\x9d def")


def test_read_text_errors(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        read_text(tmp_path / "missing.txt")
    with pytest.raises(InputError, match="directory"):
        read_text(tmp_path)
    (tmp_path / "empty.txt").write_bytes(b"  \n")
    with pytest.raises(InputError, match="empty"):
        read_text(tmp_path / "empty.txt")


def test_html_is_reduced_to_text_with_italic_titles(tmp_path):
    page = tmp_path / "page.html"
    page.write_text(
        "<!DOCTYPE html><html><head><title>T</title><style>p{}</style></head><body>"
        "<p>Spike Jonze&#8217;s <em>Her</em> follows Theodore.</p><script>var x;</script>"
        "<p>Amy is his friend.</p></body></html>",
        encoding="utf-8",
    )
    source = read_text(page)
    assert "Spike Jonze\u2019s Her follows Theodore." in source.text
    assert "var x" not in source.text and "p{}" not in source.text
    assert source.titles == ("Her",)
    assert "\n\nAmy is his friend." in source.text


def test_html_extraction_keeps_paragraphs():
    text, _ = html_to_text("<div>One.</div><div>Two.</div>")
    assert text == "One.\n\nTwo."
