"""Sentence splitting: blingfire plus repairs, and only readable prose offered to the summarizer."""

from __future__ import annotations

from newsynth.clean import split_sentences


def texts(paragraphs, article_id="a"):
    return [sentence.text for sentence in split_sentences(paragraphs, article_id)]


def test_abbreviations_do_not_end_sentences():
    paragraph = (
        "Gov. Ada Moss met U.S. Sen. Ivo Park in Sept. 2020 to discuss the port. They agreed on a plan."
    )
    assert texts([paragraph]) == [
        "Gov. Ada Moss met U.S. Sen. Ivo Park in Sept. 2020 to discuss the port.",
        "They agreed on a plan.",
    ]


def test_a_quotation_is_not_split_inside():
    paragraph = '"We heard a loud scrape. Then the engines stopped," said Mara Quist, a passenger.'
    assert texts([paragraph]) == [paragraph]


def test_fragments_headings_and_cut_off_text_are_not_offered():
    paragraphs = [
        "Rescue in the fog",
        "RESCUE CREWS PRAISED FOR QUICK RESPONSE.",
        "Yes.",
        "The ferry was refloated on Thursday. The operator said that the",
    ]
    assert texts(paragraphs) == ["The ferry was refloated on Thursday."]


def test_wire_dateline_and_scraper_stamp_are_dropped_from_the_lead():
    assert texts(["LOWMERE, Northshire (AP) — A ferry ran aground on Wednesday evening."]) == [
        "A ferry ran aground on Wednesday evening."
    ]
    assert texts(["date 2021-03-03 LOWMERE Mar 3 A ferry ran aground on Wednesday evening."]) == [
        "A ferry ran aground on Wednesday evening."
    ]


def test_sentences_are_numbered_with_their_paragraph():
    sentences = split_sentences(["First one is here. Second one is here.", "Third one is here too."], "doc-1")
    assert [(s.index, s.paragraph, s.article_id) for s in sentences] == [
        (0, 0, "doc-1"),
        (1, 0, "doc-1"),
        (2, 1, "doc-1"),
    ]


def test_text_with_blank_lines_is_read_as_paragraphs():
    sentences = split_sentences("The first paragraph ends here.\n\nThe second paragraph ends here.", "x")
    assert [s.paragraph for s in sentences] == [0, 1]


def test_html_tags_left_in_the_text_are_dropped():
    assert texts(['<img src="a.jpg"/><p>The harbour reopened on Thursday morning.</p>']) == [
        "The harbour reopened on Thursday morning."
    ]


def test_html_headings_left_in_a_line_do_not_glue_onto_the_next_sentence():
    from newsynth.clean import clean_articles
    from newsynth.ingest import article_from_text

    text = (
        "Harbour reopens\n<p>The harbour reopened on Thursday after the ferry was refloated at high tide.</p>"
        "<h2>Back to normal</h2><p>Crossings to Skarra will resume on Saturday, the operator said.</p>"
    )
    article = clean_articles([article_from_text(text, "page")])[0]
    assert [s.text for s in article.sentences] == [
        "The harbour reopened on Thursday after the ferry was refloated at high tide.",
        "Crossings to Skarra will resume on Saturday, the operator said.",
    ]


def test_a_title_opening_a_paragraph_stays_with_its_name():
    paragraphs = ["The blast shook the street.", "Mr. Dalton was at a neighbour's house when it happened."]
    assert texts(paragraphs) == paragraphs
