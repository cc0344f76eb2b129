"""Looking characters up by any name: ids, aliases, labels, any case, with suggestions."""

from __future__ import annotations

import pytest

from graphkit.errors import GraphkitError


def test_ids_and_aliases_in_any_case(her_nocast):
    assert her_nocast.resolve("jonze") == "Spike Jonze"
    assert her_nocast.resolve("THEODORE") == "Theodore"
    assert her_nocast.ego("jonze").has_node("Spike Jonze")


def test_an_unknown_name_suggests_the_closest(her_nocast):
    with pytest.raises(GraphkitError, match=r"did you mean Theodore\?"):
        her_nocast.resolve("Theodor")
    with pytest.raises(GraphkitError, match=r"^no character called 'Zzyzx'$"):
        her_nocast.resolve("Zzyzx")


def test_tables_are_indexed_by_id(her_nocast):
    assert her_nocast.metrics.loc["Theodore", "degree"] >= 5
    assert her_nocast.characters.loc["Spike Jonze", "kind"] == "person"
    assert list(her_nocast.metrics.index) == list(her_nocast.metrics["id"])
