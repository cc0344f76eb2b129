"""Name discovery: tokenised corpora, titles, places, openers, the mentions command."""

from __future__ import annotations

import json

from click.testing import CliRunner

from graphkit.cli import main
from graphkit.pipeline.document import build_document
from graphkit.pipeline.mentions.discovery import discover_mentions
from tests.conftest import FIXTURES


def _forms(text: str) -> dict[str, str]:
    return discover_mentions(build_document(text)).forms


def test_titles_tolerate_tokenised_full_stops():
    d = discover_mentions(build_document("She saw Mrs . Todd and Madame St . Aubert there ."))
    assert {"Mrs. Todd", "Madame St. Aubert"} <= set(d.forms)
    assert [m.text for m in d.mentions] == ["Mrs. Todd", "Madame St. Aubert"]


def test_run_stops_before_a_title_and_keeps_it():
    forms = _forms("If Mrs. Todd came, Mr. Sherlock Holmes Mr. Jones would go.")
    assert {"Mrs. Todd", "Mr. Sherlock Holmes", "Mr. Jones"} <= set(forms)
    assert "If Mrs" not in forms


def test_places_and_peoples_are_not_characters():
    d = discover_mentions(
        build_document(
            "Anna left London for Transylvania. Anna met the Swedish consul. "
            "Anna said nothing in Paris."
        )
    )
    assert "Anna" in d.forms
    for place in ("London", "Transylvania", "Paris"):
        assert place not in d.forms
    assert d.rejected["Swedish"] == "not a name"


def test_epithets_and_family_article_stay_in_the_span():
    d = discover_mentions(build_document("Tom saw old Pontifex and the Bennets. Tom left."))
    texts = [m.text for m in d.mentions]
    assert "old Pontifex" in texts and "the Bennets" in texts
    assert {m.character for m in d.mentions} >= {"Pontifex", "Bennets"}


def test_mentions_command_maps_offsets_to_the_text_as_read(tmp_path):
    path = FIXTURES / "darcy_crlf.txt"
    raw = path.read_bytes().decode("utf-8")
    result = CliRunner().invoke(main, ["mentions", str(path), "--no-cast"])
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in result.output.splitlines()]
    assert [r["text"] for r in records] == ["Mr. Darcy", "Elizabeth Bennet", "Elizabeth", "Darcy"]
    for r in records:
        assert raw[r["start"] : r["end"]] == r["text"]  # the CRLF before "Elizabeth" counts
    assert records[2]["character"] == "Elizabeth Bennet"


def test_mentions_command_writes_one_file_per_path(tmp_path):
    a = tmp_path / "a.txt"
    b = tmp_path / "b.txt"
    a.write_text("Anna met Boris. Boris smiled at Anna.", encoding="utf-8")
    b.write_text("Clara met Dmitri. Dmitri smiled at Clara.", encoding="utf-8")
    out = tmp_path / "out"
    result = CliRunner().invoke(
        main, ["mentions", str(a), str(b), "--no-cast", "-f", "csv", "-o", str(out)]
    )
    assert result.exit_code == 0, result.output
    lines = (out / "b.csv").read_text(encoding="utf-8").splitlines()
    assert lines[0] == "start,end,text,character,kind"
    assert lines[1] == "0,5,Clara,Clara,character"
    assert (out / "a.csv").is_file()


def test_mentions_command_refuses_cast_and_no_cast(tmp_path):
    result = CliRunner().invoke(main, ["mentions", "x.txt", "--cast", "c.yml", "--no-cast"])
    assert result.exit_code == 2


def test_offices_and_forms_after_an_article_are_not_people():
    doc = build_document(
        "The fog lay on the Hudson. Later the Lord Chancellor sat, and the Chancellor slept. "
        "They sailed up the Hudson again, and Tom Hale said the Hudson was cold."
    )
    d = discover_mentions(doc)
    assert "Tom Hale" in d.forms
    assert d.rejected["Hudson"] == "after an article"
    assert "Lord Chancellor" not in d.forms and "Chancellor" not in d.forms


def test_possessive_kin_noun_is_a_person_cue():
    doc = build_document("He met the Warden's mother. Then the Warden's mother left.")
    assert "Warden" not in discover_mentions(doc).forms
    doc = build_document("He met the Hale's mother. Later the Hale's mother left.")
    assert discover_mentions(doc).forms.get("Hale") == "character"


def test_family_plural_after_the_is_kept():
    doc = build_document("Later Mr. Bennet came. Then the Bennets dined, and the Bennets left.")
    assert "Bennets" in discover_mentions(doc).forms


def test_once_in_a_long_text_needs_a_person_cue():
    filler = "and then they walked on through the quiet fields for hours. " * 4000
    doc = build_document(f"Later Jo Marsh came. {filler} He saw Quarley once. Jo Marsh said hello.")
    d = discover_mentions(doc)
    assert "Jo Marsh" in d.forms and d.rejected.get("Quarley") == "once in a long text"


def test_one_speech_cue_among_many_uses_does_not_make_a_word_a_name():
    text = (
        "People walked home. " * 30
        + "Many people came and the people left. " * 20
        + "Some men joined the Society of the People. " * 2
        + "People said nothing. Rose said hello. Rose said goodbye."
    )
    forms = _forms(text)
    assert "People" not in forms
    assert "Rose" in forms  # a word that speaks in most of its uses is a name


def test_street_names_with_two_particles_stay_whole_and_are_places():
    d = discover_mentions(
        build_document(
            "Marius walked down the Rue de la Chanvrerie. Later Marius reached the "
            "Rue de la Chanvrerie again. Marius met Ponce de la Vega. "
            "Later Marius saw Mont-Saint-Jean. Then Mont-Saint-Jean burned."
        )
    )
    assert "Chanvrerie" not in d.forms and "Rue de la Chanvrerie" not in d.forms
    assert d.rejected.get("Mont-Saint-Jean") == "place"
    assert "Ponce de la Vega" in d.forms


def test_a_run_does_not_end_on_a_particle():
    forms = _forms('"Monsieur le Baron," said Basque. Later Monsieur le Baron left with Basque.')
    assert not [f for f in forms if f.endswith((" le", " de", " la"))]


def test_a_name_read_after_in_at_from_a_third_of_the_time_is_a_place():
    text = (
        "They dined at Longbourn. " * 4
        + "Then Longbourn was quiet. " * 6
        + "Elizabeth smiled. Elizabeth looked at Jane. Jane said nothing. " * 3
    )
    d = discover_mentions(build_document(text))
    assert d.rejected.get("Longbourn") == "place"
    assert {"Elizabeth", "Jane"} <= set(d.forms)


def test_a_name_one_goes_to_or_comes_to_is_a_place():
    # "went to Hunsford", "came to Hunsford": a journey's end, not a person spoken to.
    text = (
        "They went to Hunsford. " * 2
        + "She came to Hunsford again. "
        + "He had gone to Hunsford. "
        + "Then Hunsford was quiet. " * 6
        + "Elizabeth smiled. Elizabeth looked at Jane. Jane said nothing. " * 3
    )
    d = discover_mentions(build_document(text))
    assert d.rejected.get("Hunsford") == "place"
    assert {"Elizabeth", "Jane"} <= set(d.forms)


def test_a_titled_name_wrapped_over_a_line_is_one_mention_when_written_whole_elsewhere():
    text = (
        "He wrote to Lady Catherine de\nBourgh at once. "
        + "Lady Catherine de Bourgh sat down. " * 5
    )
    d = discover_mentions(build_document(text))
    assert [m.text for m in d.mentions][0] == "Lady Catherine de Bourgh"
    assert "Bourgh" not in d.forms


def test_a_person_spoken_to_is_no_place():
    text = "She turned to Harriet. " * 4 + "Harriet smiled. " * 6 + "Emma looked at Harriet. "
    assert "Harriet" in _forms(text)


def test_in_a_long_text_a_plural_is_a_family_only_if_a_member_is_named():
    filler = "The rain fell softly on the long grey road that evening. " * 4000  # > 200,000 chars
    text = (
        filler
        + "Marius walked past the Tuileries. Later the Tuileries were dark. " * 3
        + "Mr. Bennet called on the Bennets. Later the Bennets dined with Mr. Bennet. " * 3
    )
    d = discover_mentions(build_document(text))
    assert "Tuileries" not in d.forms
    assert "Bennets" in d.forms


def test_said_the_x_is_a_speech_cue_and_a_speaking_rank_is_a_character():
    text = (
        '"Off with her head!" said the Queen. "Nonsense," said the Mock Turtle. ' * 3
        + "The Queen frowned at the Mock Turtle. Later the Queen left. "
        + '"Madame," said Alice. "Yes, Madame," said Alice. "Madame, wait," said Alice. '
        + "Then the Hudson flowed past the town. The boats left the Hudson. "
    )
    d = discover_mentions(build_document(text))
    assert {"Queen", "Mock Turtle", "Alice"} <= set(d.forms)
    assert "Madame" not in d.forms and "Hudson" not in d.forms


def test_a_place_word_keeps_its_particles_and_the_run_is_a_place():
    text = "The place was quiet. " * 30 + "Marius crossed the Place de la Bastille. " * 3
    d = discover_mentions(build_document(text))
    assert not [f for f in d.forms if f.startswith(("de ", "la "))]
    assert "Bastille" not in d.forms


def test_an_imperative_opening_sentences_is_not_a_name_and_initials_alone_are_not():
    text = (
        "Tell me, does the needle point north? Ishmael looked away. "
        "Tell me that. Ishmael laughed. Carol waved at Ishmael. "
        "They left at 8:35 P. M. and Ishmael slept."
    )
    forms = _forms(text)
    assert "Tell" not in forms and "P." not in forms and "P. M." not in forms
    assert {"Ishmael", "Carol"} <= set(forms)


def test_feasts_faiths_and_plurals_of_non_names_are_not_people():
    text = (
        "Anna came on Saturdays. Later Anna waited for Michaelmas. "
        "Anna spoke of Christianity. Later Anna wrote to Tom Dale, Esq."
    )
    forms = _forms(text)
    assert {"Anna", "Tom Dale"} <= set(forms)
    assert not {"Saturdays", "Michaelmas", "Christianity", "Esq"} & set(forms)


def test_a_name_people_smile_and_look_at_is_a_person_not_a_place():
    # "at" is a place cue ("at Longbourn"), but not after "smiled", "looked", "laughed".
    text = "Mr. Hale walked to town with Tom Lowe. Mr. Hale smiled at Tom Lowe. " * 3
    text += (
        "Tom Lowe looked at the river. Ann Lee laughed at Tom Lowe. Ann Lee glanced at Tom Lowe."
    )
    doc = build_document(text)
    found = discover_mentions(doc)
    assert "Tom Lowe" in found.forms, found.rejected.get("Tom Lowe")
    assert (
        discover_mentions(build_document("Tom Lowe lived at Hatton. " * 4)).rejected["Hatton"]
        == "place"
    )


def test_a_contraction_opening_a_sentence_is_no_name():
    # "Wasn't", "Didn't": the regex stops at the apostrophe; "Wasn" seen often enough was a node.
    text = '"Wasn\'t it fine?" asked Ann Lee. "Didn\'t you see?" Tom Hale said. ' * 4
    found = discover_mentions(build_document(text)).forms
    assert "Ann Lee" in found and "Tom Hale" in found
    assert "Wasn" not in found and "Didn" not in found


def test_a_listed_interjection_the_text_has_speak_is_a_name():
    # "Pooh" is an interjection of data/not_names.txt, but "said Pooh" again and again makes it
    # a name; '"Oh!" said he' never makes "Oh" one.
    text = (
        '"Hallo!" said Pooh. "Oh!" said he. Piglet Brown ran. "Yes," said Pooh to Piglet Brown. '
        * 4
    )
    found = discover_mentions(build_document(text)).forms
    assert "Pooh" in found
    assert "Oh" not in found and "Hallo" not in found


def test_a_name_opening_single_quoted_speech_is_found():
    # British texts open speech with a single quote: "'Martha,' said Mr. Peggotty" names Martha.
    # An apostrophe inside a word still starts no name ("Em'ly" has no "ly", "O'Brien" no "Brien").
    text = (
        "'Martha,' said Mr. Peggotty, 'come in.' Then Em'ly smiled at Pat O'Brien. "
        "'Em'ly,' said Martha, 'stay.' Martha went out with Mr. Peggotty. "
    ) * 3
    doc = build_document(text)
    ms = discover_mentions(doc).mentions
    opening = [m for m in ms if doc.text[m.start - 1 : m.start] == "'"]
    assert {m.text for m in opening} == {"Martha", "Em'ly"}
    assert sum(m.text == "Martha" for m in ms) == 9
    assert not {m.text for m in ms} & {"ly", "Brien", "Em"}


def test_a_full_name_written_once_is_kept_when_both_its_words_are_names():
    filler = "and then they walked on through the quiet fields for hours. " * 4000
    text = (
        "Later Stiva came. Pyotr Oblonsky bowed. Stiva smiled, and Oblonsky laughed. "
        "Oblonsky left. Stiva went home. Oblonsky slept. Katharine sang. Katharine left. "
        "Cassandra sang. Cassandra Otway left. Katharine Hilbery came. Otway smiled. "
        "Then Pyotr Oblonsky, Cassandra Otway and Katharine Hilbery left. "
        "Otway left. Otway slept. Cassandra came. "
        f"{filler} Through his uncles, cousins and aunts\u2014Stiva Oblonsky would have "
        "received the post. That evening Katharine Cassandra walked on. "
        "Soon the Levins and Levin came. Levin left; Levin slept. Konstantin Levin sang. "
        "Then Konstantin Levin came. Konstantin came. Konstantin left. Levins Konstantin walked on."
    )
    d = discover_mentions(build_document(text))
    assert d.forms.get("Stiva Oblonsky") == "character"  # after a dash, and only once
    assert "Katharine Cassandra" not in d.forms  # two first names: no surname at the end
    assert "Levins Konstantin" not in d.forms  # a family glued to a name


def test_a_full_name_written_once_needs_its_first_name_used_alone():
    filler = "and then they walked on through the quiet fields for hours. " * 4000
    text = (
        "Later Barnes came. Mr. Barnes bowed. Barnes smiled. Barnes left. Jacob said so. "
        f"{filler} He met Jacob Barnes once. Mr. Barnes said hello."
    )
    d = discover_mentions(build_document(text))
    assert d.rejected.get("Jacob Barnes") == "once in a long text"


def test_a_name_credited_to_an_actor_in_brackets_is_a_name_at_sentence_start():
    d = discover_mentions(
        build_document(
            "Dust is a 1950 film. Tarn Vossel (Carl Brandt) works at the mill. "
            "Tilda Rowe (Hanna Berg) loves him."
        )
    )
    assert {"Tarn Vossel", "Tilda Rowe", "Carl Brandt", "Hanna Berg"} <= set(d.forms)
    assert "Tarn Vossel" not in d.rejected


def test_a_sentence_opening_name_without_a_credit_stays_rejected():
    d = discover_mentions(build_document("It rains. Tilda Rowe (the cook) runs to the mill."))
    assert d.rejected.get("Tilda Rowe") == "only at sentence start"


def test_a_common_word_before_a_particle_is_a_given_name_when_credited():
    forms = _forms("Dust is a 1950 film. Hope de Vere (Anna Berg) runs an inn.")
    assert "Hope de Vere" in forms and "Vere" not in forms


def test_a_common_word_before_a_particle_is_still_an_opener_without_a_credit():
    forms = _forms("The war ended. Later de Gaulle spoke in the square.")
    assert "Later de Gaulle" not in forms
    assert "Gaulle" in forms


def test_a_title_after_an_owners_possessive_starts_at_its_article():
    d = discover_mentions(
        build_document("Critics set Ann Vik's The Grey Dawn (1995) beside Ender's Game (1985).")
    )
    assert "The Grey Dawn" in d.titles and "Ender's Game" in d.titles
    assert not any("Vik's" in t for t in d.titles)


def test_a_title_of_one_word_repeated_after_a_comma_is_one_title():
    d = discover_mentions(build_document("The stage musical Tomorrow, Tomorrow (1966) ran a year."))
    assert d.titles == ("Tomorrow, Tomorrow",)
    assert [m.text for m in d.mentions] == ["Tomorrow, Tomorrow"]


def test_a_title_holds_the_particles_of_other_languages():
    d = discover_mentions(build_document("It is a remake of the film Le Verger de Verre (1972)."))
    assert "Le Verger de Verre" in d.titles and "Verre" not in d.forms


def test_the_complement_of_remade_as_is_a_title():
    d = discover_mentions(
        build_document("The film was remade as Cold Harbour in 1990 and retitled as Fen in 1991.")
    )
    assert {"Cold Harbour", "Fen"} <= set(d.titles)


def test_a_kin_or_friend_noun_in_apposition_makes_a_sentence_opener_a_name():
    d = discover_mentions(
        build_document(
            "It rains. Tarn Vossel, Owen's oldest friend, teaches. "
            "Lisbet Aarn, the sister of Owen, runs. Dover Sole, the town's harbour, stinks."
        )
    )
    assert {"Tarn Vossel", "Lisbet Aarn"} <= set(d.forms)
    assert d.rejected.get("Dover Sole") == "only at sentence start"


def test_a_particle_written_with_and_without_its_capital_is_one_name():
    text = (
        "Lady Catherine came with Miss de Bourgh. " * 3
        + "Elizabeth looked at Miss De Bourgh. " * 2
        + "Miss La Creevy smiled. " * 3
    )
    d = discover_mentions(build_document(text))
    assert {m.character for m in d.mentions if "Bourgh" in m.text} == {"Miss de Bourgh"}
    assert "Miss La Creevy" in d.forms  # never written "la": keeps its capital
