from __future__ import annotations

from graphkit.io.text import read_text
from graphkit.pipeline.document import build_document, classify_paragraph, split_sentences


def test_her_article_debris_and_headings_are_kept_out_of_sentences(her_path):
    doc = build_document(read_text(her_path))
    kinds = {doc.text[p.start : p.end]: p.kind for p in doc.paragraphs if p.kind != "text"}
    assert kinds["her-spike-jonze-theo-samantha"] == "debris"
    assert kinds["RELATED:Of The Most Realistically Grounded Sci-Fi Films"] == "debris"
    assert kinds["What Is Her About?"] == "heading"
    assert kinds["Her, final scene"] == "heading"
    sentences = [doc.sentence_text(s.index) for s in doc.sentences]
    assert not any("RELATED" in s or "final scene" in s for s in sentences)
    assert '"Me too, now I know how."' in sentences


def test_sentences_keep_abbreviations_and_initials():
    text = "Mr. Bennet and Mrs. Bennet argued. St. Clare met J. R. Smith! Was it Dr. Who? Yes."
    got = [text[a:b] for a, b in split_sentences(text)]
    assert got == [
        "Mr. Bennet and Mrs. Bennet argued.",
        "St. Clare met J. R. Smith!",
        "Was it Dr. Who?",
        "Yes.",
    ]


def test_dialogue_tags_do_not_split():
    text = '"Go away!" said Alice. "No," replied Bob.'
    assert [text[a:b] for a, b in split_sentences(text)] == [
        '"Go away!" said Alice.',
        '"No," replied Bob.',
    ]


def test_chapters_become_segments_and_a_preface_is_front_matter():
    doc = build_document(
        "PREFACE\n\nSwift and Fielding wrote before her.\n\nCHAPTER I\n\nAnn left. Ann ran."
        "\n\nCHAPTER II.\n\nBob came. Ann too. They sat. They ate."
    )
    # The preface is not story and not a segment: chapter numbers stay the book's.
    assert [s.title for s in doc.segments] == ["CHAPTER I", "CHAPTER II."]
    assert [s.segment for s in doc.sentences] == [0, 0, 1, 1, 1, 1]
    assert "Swift" not in " ".join(doc.sentence_text(s.index) for s in doc.sentences)
    assert doc.front_matter.endswith("Swift and Fielding wrote before her.")
    assert [p.kind for p in doc.paragraphs][:2] == ["front", "front"]


def test_names_in_front_matter_are_not_characters():
    import graphkit

    text = "INTRODUCTION\n\nAddison and Swift admired the author.\n\n" + "".join(
        f"CHAPTER {n}\n\nAnn met Bob. Bob met Ann. Ann left.\n\n" for n in range(1, 4)
    )
    a = graphkit.analyze_text(text)
    assert set(a.graph) == {"Ann", "Bob"}
    assert a.graph.graph["segments"] == 3


def test_a_long_opening_before_the_first_heading_is_story():
    doc = build_document(
        "Ann met Bob. Bob met Cy. Cy left. Ann stayed.\n\nCHAPTER II\n\nBob came.\n\n"
        "CHAPTER III\n\nAnn went."
    )
    assert [s.title for s in doc.segments] == ["(opening)", "CHAPTER II", "CHAPTER III"]
    assert [s.segment for s in doc.sentences] == [0, 0, 0, 0, 1, 2]
    assert doc.front_matter == ""


def test_gutenberg_boilerplate_is_debris():
    text = (
        "The Project Gutenberg eBook of X\n\nLicence words by Ann Smith.\n\n"
        "*** START OF THE PROJECT GUTENBERG EBOOK X ***\n\nAnn met Bob.\n\n"
        "*** END OF THE PROJECT GUTENBERG EBOOK X ***\n\nMore licence, Carl Jones."
    )
    doc = build_document(text)
    assert [doc.sentence_text(s.index) for s in doc.sentences] == ["Ann met Bob."]


def test_classify_paragraph_examples():
    assert classify_paragraph("https://example.com/a") == "debris"
    assert classify_paragraph("Oh!") == "text"
    assert classify_paragraph("The Ending's Lasting Impact") == "heading"
    assert classify_paragraph('"Me too, now I know how."') == "text"


def test_offsets_map_back_to_the_text_as_read():
    raw = "Ann\u2019s friend\r\nandBob left."
    doc = build_document(raw)
    bob = doc.text.index("Bob")
    assert raw[int(doc.offsets.to_raw([bob])[0]) :].startswith("Bob")


def test_illustration_blocks_with_captions_are_debris():
    text = (
        "Mr. Bennet made no answer.\n\n"
        "[Illustration:\n\n"
        "\u201cHe came down to see the place\u201d\n\n"
        "[_Copyright 1894 by George Allen._]]\n\n"
        "This was invitation enough.\n\n"
        "[Illustration: \u201cI\u2019m the tallest\u201d]\n\n"
        "Lydia laughed."
    )
    doc = build_document(text)
    kinds = [(doc.text[p.start : p.end][:12], p.kind) for p in doc.paragraphs]
    assert [k for _, k in kinds] == ["text", "debris", "debris", "debris", "text", "debris", "text"]
    assert [doc.sentence_text(s.index) for s in doc.sentences] == [
        "Mr. Bennet made no answer.",
        "This was invitation enough.",
        "Lydia laughed.",
    ]


def test_prose_after_a_closed_illustration_on_the_same_line_stays():
    doc = build_document('[Illustration: "You\'re jealous," he said] Mrs. McChesney rose.')
    assert [p.kind for p in doc.paragraphs] == ["text"]


def test_several_gutenberg_books_in_one_file_each_keep_their_text():
    book = (
        "The Project Gutenberg eBook of {t}\n\nRelease date: 1999.\n\n"
        "*** START OF THE PROJECT GUTENBERG EBOOK {t} ***\n\n"
        "{t} began here. The story went on.\n\n"
        "*** END OF THE PROJECT GUTENBERG EBOOK {t} ***\n\n"
        "Updated editions will replace the previous one.\n\n"
    )
    doc = build_document(book.format(t="ALPHA") + book.format(t="BETA"))
    assert [doc.sentence_text(s.index) for s in doc.sentences] == [
        "ALPHA began here.",
        "The story went on.",
        "BETA began here.",
        "The story went on.",
    ]


def test_a_chapter_heading_inside_an_illustration_still_opens_a_chapter():
    text = (
        "Preface by the editor. Austen wrote it.\n\n"
        "[Illustration: \u00b7PRIDE AND PREJUDICE\u00b7\n\n"
        "Chapter I.]\n\n"
        "It is a truth universally acknowledged.\n\n"
        "CHAPTER II.\n\n"
        "Mr. Bennet waited."
    )
    doc = build_document(text)
    assert [s.title for s in doc.segments] == ["(opening)", "Chapter I.", "CHAPTER II."]


def test_a_gutenberg_mark_inside_a_paragraph_keeps_the_story_around_it():
    import graphkit

    a = graphkit.analyze_text("*** START OF THE PROJECT GUTENBERG EBOOK X *** Alice met Bob.")
    assert list(a.graph.edges()) == [("Alice", "Bob")]
    b = graphkit.analyze_text(
        "Header by Carol and Dan.\n*** START OF THIS PROJECT GUTENBERG EBOOK X ***\nAlice met Bob."
        "\n*** END OF THE PROJECT GUTENBERG EBOOK X ***\nLicence by Eve and Fay."
    )
    assert sorted(b.graph) == ["Alice", "Bob"]  # header and licence stay out


def test_short_dialogue_lines_without_blank_lines_are_paragraphs_each():
    import graphkit

    lines = [
        "CHAPTER I",
        "Ann sat by the fire. Bob came in.",
        "“Will you walk with me, Bob?” said Ann.",
        "“No,” said Bob.",
        "“Why not?”",
        "“It is late.”",
        "Ann sighed.",
    ]
    doc = build_document("\n".join(lines * 3))
    assert len([p for p in doc.paragraphs if p.kind == "text"]) == 18
    a = graphkit.analyze_text("\n".join(lines * 3))
    quotes = a.quotes
    assert len(quotes) == 12 and quotes["text"].str.len().max() < 40  # none runs into the next
    assert quotes["speaker"].tolist()[:4] == ["Ann", "Bob", "Ann", "Bob"]


def test_hard_wrapped_prose_without_blank_lines_stays_one_paragraph():
    text = ("Ann walked down the long road to the town, where she\n"
            "met her brother Bob, who had come back from the sea\n"
            "with a parrot and a chest of letters for their mother.\n"
            "They went home together along the river and over\n"
            "the old bridge.")  # fmt: skip
    assert len(build_document(text).paragraphs) == 1


def test_a_short_paragraph_with_a_colon_is_prose_and_labels_stay_debris():
    assert classify_paragraph("He said: come here now.") == "text"
    assert classify_paragraph("Dear Sir: I write to you at last.") == "text"
    assert classify_paragraph("RELATED: Ten Films About Love") == "debris"
    assert classify_paragraph("Photo credit: the studio") == "debris"
    doc = build_document("Ann wrote to Bob.\n\nDear Bob: come home soon.\n\nBob came.")
    assert [doc.sentence_text(s.index) for s in doc.sentences][1] == "Dear Bob: come home soon."


def test_a_heading_glued_to_the_first_sentence_of_its_line_opens_a_chapter():
    text = "\n".join([
        "Chapter 1 Ann lived in a small house by the river with her two brothers .",
        "She was happy there .",
        "Chapter 2 Bob came home from the sea one cold morning in the spring .",
        "Ann was glad .",
    ])  # fmt: skip
    doc = build_document(text)
    assert [s.title for s in doc.segments] == ["Chapter 1", "Chapter 2"]
    assert doc.sentence_text(0).startswith("Ann lived") and len(doc.sentences) == 4


def test_a_speech_intro_that_lost_its_colon_is_prose_and_titles_stay_headings():
    assert classify_paragraph("The heroic child replied") == "text"
    assert classify_paragraph("The vocal mother said to the prioress in a low voice") == "text"
    assert classify_paragraph("What was he to do?") == "text"
    assert classify_paragraph("The Bishop answered:--") == "text"
    assert classify_paragraph("Father Champmathieu on Trial") == "heading"
    assert classify_paragraph("How Does Her End?") == "heading"
    assert classify_paragraph("Her, final scene") == "heading"


def test_indented_paragraphs_without_blank_lines_are_told_apart():
    import graphkit

    text = (
        "CHAPTER I\n"
        "Ann walked down the long road to the town, where she\n"
        "met her brother Bob at the inn by the river.\n"
        '    "Where have you been?" said Ann. "We waited for\n'
        'you all the winter."\n'
        '    "At sea," said Bob.\n'
        "    Ann smiled at him and took his arm, and they went\n"
        "home together.\n"
    ) * 2
    doc = build_document(text)
    texts = [
        " ".join(doc.text[p.start : p.end].split()) for p in doc.paragraphs if p.kind == "text"
    ]
    assert len(texts) == 8 and texts[2] == '"At sea," said Bob.'
    assert [s.title for s in doc.segments] == ["CHAPTER I", "CHAPTER I"]
    quotes = graphkit.analyze_text(text).quotes
    said = [" ".join(t.split()) for t in quotes["text"]]
    assert said[:2] == ["Where have you been? We waited for you all the winter.", "At sea,"]
    assert quotes["speaker"].tolist()[:2] == ["Ann", "Bob"]
