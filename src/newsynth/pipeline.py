"""The whole pipeline for one story: ingest -> clean -> group -> summarize -> compare -> render."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from newsynth.clean import clean_articles
from newsynth.defaults import DEFAULT_MAX_WORDS
from newsynth.group import single_story
from newsynth.ingest import articles_from_documents
from newsynth.records import Article, Brief, Skipped, Story
from newsynth.summarize import summarize


def brief(
    articles: Sequence[Article | str | Mapping[str, object]],
    max_words: int = DEFAULT_MAX_WORDS,
    *,
    compare: bool = True,
    skipped: Sequence[Skipped] = (),
) -> Brief:
    """Clean the articles of one story, summarize them with citations and compare the sources.

    ``articles`` are Article records, raw page texts, or mappings with ``text`` (and optional
    ``url``, ``title``, ``outlet``, ``date``), as in a dataset record's ``documents``.
    """
    records = [
        item if isinstance(item, Article) else articles_from_documents([item], f"article-{position}")[0]
        for position, item in enumerate(articles, start=1)
    ]
    story = single_story(clean_articles(records))
    return brief_for_story(story, max_words, compare=compare, skipped=skipped)


def brief_for_story(
    story: Story,
    max_words: int = DEFAULT_MAX_WORDS,
    *,
    compare: bool = True,
    skipped: Sequence[Skipped] = (),
) -> Brief:
    """Summarize and compare an already cleaned and grouped story."""
    comparison = None
    if compare:
        from newsynth.compare import compare_story

        comparison = compare_story(story)
    return Brief(
        story=story,
        title=story_title(story),
        summary=summarize(story, max_words=max_words),
        comparison=comparison,
        skipped=list(skipped),
    )


def story_title(story: Story) -> str:
    """The title of the first usable article that has one."""
    for article in story.usable_articles or story.articles:
        if article.title:
            return article.title
    return "Untitled story"
