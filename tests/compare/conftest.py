"""Invented stories for the compare tests: small towns, rivers and officials that do not exist."""

from __future__ import annotations

from collections.abc import Sequence

import pytest

from newsynth.clean import split_sentences
from newsynth.records import Article, Story


def make_article(article_id: str, paragraphs: Sequence[str], **metadata: str | None) -> Article:
    article = Article(id=article_id, origin=f"{article_id}.txt", raw_text="\n\n".join(paragraphs), **metadata)
    article.clean_text = article.raw_text
    article.sentences = split_sentences(list(paragraphs), article_id)
    return article


def make_story(*articles: Article) -> Story:
    return Story(id="invented", articles=list(articles))


@pytest.fixture
def story_of():
    """Build a story from lists of paragraphs, one list per article; keyword ``dates`` per article."""

    def build(*texts: Sequence[str], dates: Sequence[str | None] = ()) -> Story:
        articles = []
        for position, paragraphs in enumerate(texts, start=1):
            date = dates[position - 1] if position <= len(dates) else None
            articles.append(
                make_article(f"a{position}", paragraphs, outlet=f"outlet{position}.example", date=date)
            )
        return make_story(*articles)

    return build
