"""Titled forms joining the full name they stand for (graphkit.pipeline.characters.titled)."""

from collections import Counter

from graphkit.pipeline.characters.titled import join_titled

H = {"Miss": "f", "Mr.": "m", "Mrs.": "f", "Lady": "f"}


def _roots(parent):
    def root(k):
        while k in parent:
            k = parent[k]
        return k

    return root


def test_title_and_full_name_and_title_and_surname_join():
    counts = Counter({"Frank Churchill": 20, "Mr. Frank Churchill": 5, "Mr. Churchill": 3})
    root = _roots(join_titled(counts, {}, {}, H, set(), {}))
    assert root("Mr. Frank Churchill") == root("Mr. Churchill") == "Frank Churchill"


def test_miss_surname_joins_the_woman_not_the_man():
    counts = Counter({"Harriet": 50, "Harriet Smith": 5, "Miss Smith": 9, "Mr. Smith": 4})
    parent = join_titled(counts, {"Harriet Smith": "Harriet"}, {"Harriet": (0, 6)}, H, set(), {})
    root = _roots(parent)
    assert root("Miss Smith") == "Harriet"
    assert root("Mr. Smith") == "Mr. Smith"


def test_wife_named_after_husband_stays_apart():
    counts = Counter({"John Knightley": 30, "Mr. John Knightley": 9, "Mrs. John Knightley": 8})
    root = _roots(join_titled(counts, {}, {}, H, set(), {}))
    assert root("Mr. John Knightley") == "John Knightley"
    assert root("Mrs. John Knightley") == "Mrs. John Knightley"


def test_head_of_family_used_more_than_the_full_name_stays_apart():
    counts = Counter({"John Knightley": 30, "Mr. John Knightley": 9, "Mr. Knightley": 300})
    root = _roots(join_titled(counts, {}, {}, H, set(), {}))
    assert root("Mr. Knightley") == "Mr. Knightley"


def test_mrs_surname_is_not_the_daughter_called_miss():
    counts = Counter({"Fanny Price": 40, "Miss Price": 9, "Mrs. Price": 6})
    root = _roots(join_titled(counts, {}, {"Fanny": (0, 5)}, H, set(), {}))
    assert root("Miss Price") == "Fanny Price"
    assert root("Mrs. Price") == "Mrs. Price"


def test_title_and_first_name():
    counts = Counter({"Elizabeth": 60, "Miss Elizabeth": 5, "Elizabeth Bennet": 4})
    parent = {"Elizabeth Bennet": "Elizabeth"}
    root = _roots(join_titled(counts, parent, {"Elizabeth": (0, 9)}, H, set(), {}))
    assert root("Miss Elizabeth") == "Elizabeth"


def test_in_a_text():
    from graphkit import analyze_text

    text = (
        "Harriet Smith came in. Harriet smiled; she was happy. Miss Smith sat down. "
        "Harriet said she would stay. Harriet laughed and she sang. Mr. Frank Churchill bowed. "
        "Frank Churchill left. Mr. Churchill came back."
    )
    ids = {c.id for c in analyze_text(text, min_mentions=1).character_list}
    assert "Miss Smith" not in ids and "Mr. Churchill" not in ids


def test_rarely_used_rank_is_a_relative_not_the_hero():
    counts = Counter({"Henry Crawford": 60, "Henry": 70, "Crawford": 60, "Admiral Crawford": 4})
    parent = {"Henry": "Henry Crawford", "Crawford": "Henry Crawford"}
    root = _roots(join_titled(counts, parent, {"Henry": (9, 0)}, {**H, "Admiral": "m"}, set(), {}))
    assert root("Admiral Crawford") == "Admiral Crawford"


def test_miss_joins_the_one_woman_of_her_name_however_often_titled():
    counts = Counter(
        {"Mary Crawford": 8, "Mary": 60, "Miss Crawford": 260, "Henry Crawford": 50, "Henry": 40}
    )
    parent = {"Mary": "Mary Crawford", "Henry": "Henry Crawford"}
    votes = {"Mary": (1, 9), "Henry": (9, 0)}
    root = _roots(join_titled(counts, parent, votes, H, set(), {}))
    assert root("Miss Crawford") == "Mary Crawford"


def test_title_and_full_name_never_written_bare_joins_title_and_surname():
    counts = Counter({"Mr. Thomas Marvel": 15, "Mr. Marvel": 70, "Mr. Thomas Hall": 3})
    root = _roots(join_titled(counts, {}, {}, H, set(), {}))
    assert root("Mr. Thomas Marvel") == "Mr. Marvel"
    assert root("Mr. Thomas Hall") == "Mr. Thomas Hall"


def test_wife_title_joins_the_one_woman_named_in_full_however_often_titled():
    counts = Counter({"Mrs. Lynde": 130, "Rachel Lynde": 5, "Rachel": 9, "Mrs. Rachel Lynde": 8})
    parent = {"Rachel": "Rachel Lynde"}
    root = _roots(join_titled(counts, parent, {"Rachel": (0, 5)}, H, set(), {}))
    assert root("Mrs. Lynde") == root("Rachel Lynde")


def test_titled_forms_with_another_first_name_stay_apart():
    counts = Counter({"Diana": 400, "Diana Barry": 11, "Miss Barry": 35, "Miss Josephine Barry": 5})
    parent = {"Diana": "Diana Barry"}
    root = _roots(join_titled(counts, parent, {"Diana": (0, 7)}, H, set(), {}))
    assert root("Miss Josephine Barry") != root("Diana")


def test_lady_and_a_full_name_is_her_own_name_whatever_the_pronouns():
    # A first-person narrator puts "he" after "Brett" by chance; "Lady" + her full name is hers.
    counts = Counter({"Brett": 400, "Brett Ashley": 3, "Lady Brett Ashley": 2, "Lady Ashley": 8})
    parent = join_titled(counts, {"Brett Ashley": "Brett"}, {"Brett": (3, 1)}, H, set(), {})
    root = _roots(parent)
    assert root("Lady Brett Ashley") == root("Lady Ashley") == "Brett"
    # "Mrs." + a full name may still be the husband's name: the pronouns are read for it.
    counts = Counter({"John": 50, "John Knightley": 30, "Mrs. John Knightley": 8})
    parent = join_titled(counts, {"John Knightley": "John"}, {"John": (5, 0)}, H, set(), {})
    assert _roots(parent)("Mrs. John Knightley") == "Mrs. John Knightley"


def test_miss_joins_the_one_full_name_of_her_surname_of_untold_sex_however_often_titled():
    # "Jane" is heard only in vocatives ("my dear Jane"): no pronoun tells her sex, but she is
    # the one person the text names in full with that surname, and "Miss" says she is a woman.
    counts = Counter(
        {"Miss Murd": 177, "Mr. Murd": 103, "Jane Murd": 3, "Jane": 18, "Mrs. Murd": 2}
    )
    root = _roots(join_titled(counts, {"Jane": "Jane Murd"}, {}, H, set(), {}))
    assert root("Miss Murd") == root("Jane") == "Jane Murd"
    assert root("Mr. Murd") == "Mr. Murd"
    assert root("Mrs. Murd") == "Mrs. Murd"  # the brother's wife: the cluster has a "Miss"
