"""Outlets from URLs and site names, ISO dates from loose values."""

from __future__ import annotations

import pytest

from newsynth.ingest import article_from_text, articles_from_documents
from newsynth.ingest.metadata import normalize_date, outlet_from_site_name, outlet_from_url


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
    ("name", "outlet"),
    [("www.bayfm.example", "bayfm.example"), ("The Tidewater Gazette", "The Tidewater Gazette"), (" ", None)],
)
def test_outlet_from_site_name(name: str, outlet: str | None) -> None:
    assert outlet_from_site_name(name) == outlet


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


def test_given_metadata_is_normalised() -> None:
    article = article_from_text(
        "Text.", "x", url="https://www.bayfm.example/n", title="Given", date="March 1, 2024", byline=""
    )
    assert (article.url, article.outlet, article.title, article.date, article.byline) == (
        "https://www.bayfm.example/n",
        "bayfm.example",
        "Given",
        "2024-03-01",
        None,
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
