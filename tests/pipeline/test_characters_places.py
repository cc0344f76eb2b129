"""Place words of data/place_words.txt keep a place out of the characters."""

import graphkit


def test_commons_is_a_place_not_a_character():
    # "Doctors' Commons", "the Commons", "Clapham Common": a place, however often it is named.
    text = (
        "Ann Lee walked to Doctors' Commons with Tom Hale. "
        "The Commons was quiet, and Ann Lee liked the Commons. Tom Hale smiled.\n\n"
    ) * 12
    a = graphkit.analyze_text(text, cast=False)
    assert "Ann Lee" in a.graph and "Tom Hale" in a.graph
    assert not any("Commons" in n for n in a.graph)
