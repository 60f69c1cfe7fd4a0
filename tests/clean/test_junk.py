"""Pages that are not news articles about the story are dropped with a reason."""

from __future__ import annotations

import pytest

from newsynth.clean import clean_articles

from .helpers import JUNK, fixture_article, story_articles


@pytest.mark.parametrize(
    ("page", "reason"),
    [
        ("error_page.txt", "error page"),
        ("paywall.txt", "paywall"),
        ("cookie_wall.txt", "cookie wall"),
        ("social_embed.txt", "social-media embed"),
        ("web_archive.txt", "web-archive notice"),
    ],
)
def test_junk_page_is_dropped_with_its_reason(page, reason):
    articles = clean_articles([*story_articles(), fixture_article(JUNK / page)])
    junk = articles[-1]
    assert junk.junk_reason == reason
    assert not junk.usable
    assert all(article.junk_reason is None for article in articles[:-1])


def test_page_about_something_else_is_dropped_when_the_story_has_three_articles():
    articles = clean_articles([*story_articles()[:2], fixture_article(JUNK / "off_topic.txt")])
    assert articles[-1].junk_reason is not None
    assert articles[-1].junk_reason.startswith("about something else")
    assert [article.junk_reason for article in articles[:2]] == [None, None]


def test_two_articles_are_never_called_off_topic():
    articles = clean_articles([story_articles()[0], fixture_article(JUNK / "off_topic.txt")])
    assert [article.junk_reason for article in articles] == [None, None]


def test_real_articles_with_furniture_are_not_junk():
    assert [article.junk_reason for article in clean_articles(story_articles())] == [None, None, None]
