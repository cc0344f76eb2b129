"""A bare surname joined to a minor bearer moves to the main one (characters.surnames)."""

from collections import Counter

from graphkit.pipeline.characters.surnames import LONE, MAN, REASON, rehome_surnames

H = {"Mr.": "m", "Mrs.": "f"}
HM = {**H, "Miss": "f"}


def test_surname_moves_from_a_minor_full_name_to_the_titled_main_bearer():
    # "Knightley" joined "John Knightley" (the one full name); "Mr. Knightley" is the hero.
    counts = Counter({"Knightley": 8, "John Knightley": 40, "Mr. Knightley": 300})
    parent, reasons = {"Knightley": "John Knightley"}, {}
    rehome_surnames(counts, parent, H, {}, {"Knightley": (4, 0)}, reasons)
    assert parent["Knightley"] == "Mr. Knightley"
    assert reasons["Knightley"] == REASON


def test_surname_of_unknown_sex_or_alone_or_of_the_other_sex_stays():
    counts = Counter({"Otway": 8, "Henry Otway": 40, "Cassandra Otway": 30, "Cassandra": 300})
    parent = {"Otway": "Henry Otway", "Cassandra Otway": "Cassandra"}
    assert rehome_surnames(counts, dict(parent), H, {}, {})["Otway"] == "Henry Otway"
    she = {"Otway": (0, 5), "Cassandra": (0, 9)}
    assert rehome_surnames(counts, dict(parent), H, {}, she)["Otway"] == "Cassandra"
    he = {"Otway": (5, 0), "Cassandra": (0, 9)}
    assert rehome_surnames(counts, dict(parent), H, {}, he)["Otway"] == "Henry Otway"
    counts = Counter({"Bunting": 7, "Mr. Bunting": 27, "Mrs. Bunting": 10})
    assert rehome_surnames(counts, {}, H, {}, {"Bunting": (1, 3)}).get("Bunting") != "Mr. Bunting"
    # Read as he, five times: the one bearer of his sex.
    assert rehome_surnames(counts, {}, H, {}, {"Bunting": (5, 0)})["Bunting"] == "Mr. Bunting"
    counts = Counter({"Weston": 9, "Frank Weston": 20, "Mrs. Weston": 300})
    he = {"Weston": (6, 0)}
    assert (
        rehome_surnames(counts, {"Weston": "Frank Weston"}, H, {}, he)["Weston"] == "Frank Weston"
    )


def test_main_bearer_must_be_used_at_least_as_often_as_the_bare_surname():
    counts = Counter({"Lucas": 30, "Nikolay Lucas": 1, "Mr. Lucas": 6})
    parent = rehome_surnames(counts, {"Lucas": "Nikolay Lucas"}, H, {}, {"Lucas": (3, 0)})
    assert parent["Lucas"] == "Nikolay Lucas"


def test_lone_surname_joins_the_one_cluster_holding_every_form_of_it():
    # "Sissy Jupe" and "Cecilia Jupe" split the first pass's vote; once one, "Jupe" joins them.
    counts = Counter({"Jupe": 30, "Sissy Jupe": 9, "Cecilia Jupe": 6, "Sissy": 150})
    parent = {"Sissy Jupe": "Sissy", "Cecilia Jupe": "Sissy Jupe"}
    reasons = {}
    rehome_surnames(counts, parent, H, {}, {}, reasons)
    assert parent["Jupe"] == "Sissy" and reasons["Jupe"] == LONE
    # Read as she, "Jupe" is not the father "Mr. Jupe"; of unknown sex it joins neither.
    counts["Mr. Jupe"] = 3
    parent = {"Sissy Jupe": "Sissy", "Cecilia Jupe": "Sissy Jupe"}
    assert "Jupe" not in rehome_surnames(counts, dict(parent), H, {}, {})
    she = {"Jupe": (0, 4), "Sissy": (0, 9)}
    assert rehome_surnames(counts, dict(parent), H, {}, she)["Jupe"] == "Sissy"


def test_a_surname_whose_pronouns_only_lean_moves_to_the_main_bearer_of_that_sex():
    # "Micawber" is mostly a vocative ("'Micawber,' said his wife"): pronouns after it lean to
    # "he" (5 to 4) without agreeing two to one.  The lean is enough to leave the son.
    counts = Counter(
        {"Micawber": 32, "Wilkins Micawber": 5, "Wilkins": 7, "Mr. Micawber": 538,
         "Mrs. Micawber": 249}
    )  # fmt: skip
    parent = {"Micawber": "Wilkins Micawber", "Wilkins": "Wilkins Micawber"}
    votes = {"Micawber": (5, 4), "Wilkins": (2, 0)}
    assert rehome_surnames(counts, dict(parent), H, {}, votes)["Micawber"] == "Mr. Micawber"
    # Pronouns that are too few (1 of 32 uses) or split evenly still decide nothing.
    for few in ((1, 0), (4, 4)):
        votes["Micawber"] = few
        assert rehome_surnames(counts, dict(parent), H, {}, votes)["Micawber"] == "Wilkins Micawber"


def test_lone_surname_read_as_he_even_once_joins_the_main_man_of_that_surname():
    # Both sexes are titled; one "he" after "Bunting" (7 uses) is too few to tell a sex, but a
    # bare surname in narration names a man: the main bearer not read as a woman.
    counts = Counter({"Bunting": 7, "Mr. Bunting": 27, "Mrs. Bunting": 10})
    reasons = {}
    parent = rehome_surnames(counts, {}, H, {}, {"Bunting": (1, 0)}, reasons)
    assert parent["Bunting"] == "Mr. Bunting" and reasons["Bunting"] == MAN
    # "Robert" (pronouns mixed: he is always with her) holds two thirds of the men's uses.
    counts = Counter({"Lebrun": 8, "Madame Lebrun": 35, "Monsieur Lebrun": 2, "Robert": 157,
                      "Robert Lebrun": 3, "Victor": 38, "Victor Lebrun": 4})  # fmt: skip
    parent = {"Robert Lebrun": "Robert", "Victor Lebrun": "Victor"}
    votes = {"Lebrun": (1, 0), "Robert": (17, 14), "Victor": (10, 2)}
    assert rehome_surnames(counts, dict(parent), H, {}, votes)["Lebrun"] == "Robert"
    # No man holds two thirds: the surname stays alone.
    counts["Victor"] = 120
    assert "Lebrun" not in rehome_surnames(counts, dict(parent), H, {}, votes)


def test_lone_surname_with_no_he_joins_the_man_only_when_every_bearer_has_a_known_sex():
    # "Cuthbert" (6 uses, one "she" after it: too few to tell): Matthew is titled "Mr.", Marilla
    # "Miss"; the bare surname is the man's.
    counts = Counter({"Cuthbert": 6, "Matthew": 360, "Mr. Cuthbert": 8, "Matthew Cuthbert": 21,
                      "Marilla": 850, "Miss Cuthbert": 12, "Marilla Cuthbert": 12})  # fmt: skip
    parent = {"Mr. Cuthbert": "Matthew", "Matthew Cuthbert": "Matthew",
              "Miss Cuthbert": "Marilla", "Marilla Cuthbert": "Marilla"}  # fmt: skip
    votes = {"Cuthbert": (0, 1)}
    assert rehome_surnames(counts, dict(parent), HM, {}, votes)["Cuthbert"] == "Matthew"
    # Read as she (three times), it is no man's.
    she = rehome_surnames(counts, dict(parent), HM, {}, {"Cuthbert": (0, 3)})
    assert she.get("Cuthbert") != "Matthew"
    # A family's name ("Mr." and "Miss Spenlow" far more than "Dora Spenlow"), with no "he"
    # after it, stays alone.
    counts = Counter({"Spenlow": 6, "Mr. Spenlow": 115, "Miss Spenlow": 19, "Dora Spenlow": 3,
                      "Dora": 400})  # fmt: skip
    parent = {"Miss Spenlow": "Dora", "Dora Spenlow": "Dora"}
    assert "Spenlow" not in rehome_surnames(counts, dict(parent), HM, {}, {})
