"""Metadata from the text: headline, date, byline, outlet; fields set by ingest are kept."""

from __future__ import annotations

from newsynth.clean import clean_articles
from newsynth.clean.metadata import parse_date
from newsynth.ingest import article_from_text

from .helpers import STORY, fixture_article, story_articles


def test_headline_date_and_byline_come_from_the_page_lines():
    courier = clean_articles(story_articles())[0]
    assert courier.title == "Ferry runs aground off Lowmere harbour, 40 passengers rescued"
    assert courier.date == "2021-03-03"
    assert courier.byline == "Tessa Marlow"


def test_fields_already_set_are_not_overwritten():
    article = fixture_article(
        STORY / "courier.txt",
        "https://www.lowmerecourier.example/a",
        title="Headline from the HTML",
        outlet="The Lowmere Courier (print)",
        date="2021-03-04",
        byline="Desk",
    )
    clean_articles([article])
    assert (article.title, article.outlet, article.date, article.byline) == (
        "Headline from the HTML",
        "The Lowmere Courier (print)",
        "2021-03-04",
        "Desk",
    )


def test_dateline_of_the_first_paragraph_gives_the_date():
    text = (
        "Ferry refloated\nSkarra (Northwire) March 4, 2021\n"
        "The ferry was refloated at high tide on Thursday morning, the operator said."
    )
    article = clean_articles([article_from_text(text, "t")])[0]
    assert article.date == "2021-03-04"


def test_written_dates_are_read_as_iso():
    assert parse_date("Posted: Thursday, 4 March 2021 09:15 GMT") == "2021-03-04"
    assert parse_date("Last updated: 18 November, 2020") == "2020-11-18"
    assert parse_date("Jan. 26, 2017") == "2017-01-26"
    assert parse_date("2019-09-17 08:00") == "2019-09-17"
    assert parse_date("03/30/2015") == "2015-03-30"
    assert parse_date("no date here") is None


def test_metadata_lines_are_not_body_sentences():
    courier = clean_articles(story_articles())[0]
    for sentence in courier.sentences:
        assert "Tessa Marlow" not in sentence.text
        assert "7:42 PM" not in sentence.text


def test_a_page_render_timestamp_is_not_the_publication_date():
    text = (
        "BAYLINE NEWS\n11/05/2024 10:41:09 am\nFerry refloated\n"
        "The ferry was refloated at high tide on Thursday morning, the operator said."
    )
    article = clean_articles([article_from_text(text, "t")])[0]
    assert article.date is None
    assert article.removed_lines[1].reason == "date/timestamp line"


PAGE_BODY = (
    "\n\nCouncil approves new tram line for the east side\n\n"
    "The city council voted 31 to 9 on Monday to build a tram line linking the east side to the centre.\n\n"
    "Construction is due to start next spring and take three years, the transport office said.\n"
)


def test_a_masthead_line_names_the_outlet_of_a_page_without_url():
    article = clean_articles([article_from_text("THE HARTWELL LEDGER" + PAGE_BODY, "ledger.txt")])[0]
    assert article.outlet == "The Hartwell Ledger"


def test_menus_and_skip_links_are_not_mastheads():
    for first_line in ("Skip to main content", "1. Home", "Menu Search Sign in"):
        article = clean_articles([article_from_text(first_line + PAGE_BODY, "page.txt")])[0]
        assert article.outlet is None, first_line


def test_a_menu_link_to_the_network_names_the_outlet_when_nothing_else_does():
    menu = "1. Skip to content\n2. Skip to main menu\n3. Skip to more RVN sites\n\n"
    article = clean_articles([article_from_text(menu + PAGE_BODY.lstrip(), "page.txt")])[0]
    assert article.outlet == "RVN"


def test_a_generic_more_sites_link_names_no_outlet():
    article = clean_articles([article_from_text("More news sites\n\n" + PAGE_BODY.lstrip(), "page.txt")])[0]
    assert article.outlet is None
