"""Outlets from URLs, ISO dates from loose values, and the cautious guess from page text."""

from __future__ import annotations

import pytest

from newsynth.ingest import article_from_text, articles_from_documents
from newsynth.ingest.metadata import guess_text_metadata, normalize_date, outlet_from_url


@pytest.mark.parametrize(
    ("url", "outlet"),
    [
        ("https://www.example-news.com/2024/story", "example-news.com"),
        ("http://m.bayfm.example/a", "bayfm.example"),
        ("https://news.granmouth.example:8080/x", "news.granmouth.example"),
        ("www.tidewater.example/page", "tidewater.example"),
        ("", None),
        (None, None),
        ("not a url", None),
    ],
)
def test_outlet_from_url(url: str | None, outlet: str | None) -> None:
    assert outlet_from_url(url) == outlet


@pytest.mark.parametrize(
    ("value", "iso"),
    [
        ("2024-02-09", "2024-02-09"),
        ("2024-02-09T07:10:00Z", "2024-02-09"),
        ("9 February 2024", "2024-02-09"),
        ("February 9, 2024", "2024-02-09"),
        ("Fri, 09 Feb 2024 07:10:00 GMT", "2024-02-09"),
        ("Friday 9th February 2024", "2024-02-09"),
        ("09/02/2024", None),  # day-first or month-first: ambiguous
        ("29/02/2024", "2024-02-29"),
        ("02/29/2024", "2024-02-29"),
        (1707462600, "2024-02-09"),
        (1707462600000, "2024-02-09"),
        ("1707462600", "2024-02-09"),
        ("February 2024", None),  # no day: not a full date
        ("2024", None),
        ("2024-02-30", None),
        ("yesterday", None),
        ("", None),
        (None, None),
        (True, None),
    ],
)
def test_normalize_date(value: object, iso: str | None) -> None:
    assert normalize_date(value) == iso


def test_guess_from_header_lines(scraped_page: str) -> None:
    guessed = guess_text_metadata(scraped_page)
    assert (guessed.outlet, guessed.date, guessed.byline) == ("Granmouth Echo", "2024-02-09", "Ruth Calloway")
    assert guessed.title == "Ferry passengers rescued after grounding off Pellow Point"


def test_guess_leaves_unclear_fields_empty() -> None:
    text = "the ferry ran aground on friday and everyone was rescued. more soon.\nBy signing up you agree."
    guessed = guess_text_metadata(text)
    assert (guessed.outlet, guessed.title, guessed.date, guessed.byline) == (None, None, None, None)


def test_guess_skips_menus_and_render_time_stamps() -> None:
    text = (
        "Home | News | Sport\nNews   Video   Weather   Travel\nPage rendered 08:15:02 29/02/2024\nThe end.\n"
    )
    guessed = guess_text_metadata(text)
    assert (guessed.title, guessed.date) == (None, None)


def test_labelled_publication_time_is_a_date() -> None:
    assert guess_text_metadata("Published 9th February 2024 07:10 GMT\nText.").date == "2024-02-09"


def test_given_metadata_wins_over_guesses(scraped_page: str) -> None:
    article = article_from_text(scraped_page, "x", title="Given", outlet="Given outlet", date="2024-03-01")
    assert (article.title, article.outlet, article.date, article.byline) == (
        "Given",
        "Given outlet",
        "2024-03-01",
        "Ruth Calloway",
    )


def test_unknown_metadata_is_an_error() -> None:
    with pytest.raises(TypeError):
        article_from_text("text", "x", headline="no such field")


def test_articles_from_documents_keeps_positions_even_when_empty() -> None:
    documents = [{"text": "One.", "url": "https://www.one.example/a", "boilerplate_lines": []}, "", "Three."]
    articles = articles_from_documents(documents, "story-7")
    assert [a.origin for a in articles] == ["story-7#1", "story-7#2", "story-7#3"]
    assert [a.raw_text for a in articles] == ["One.", "", "Three."]
    assert articles[0].outlet == "one.example"
