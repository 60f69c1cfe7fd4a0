"""Grouping a whole pile at once: features per article, then the online assignment in a fixed order.

The order is by date (undated articles last), then by content hash, so the same pile gives the same
stories however it was read, split into shards or spread over workers.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from newsynth.clean import clean_articles
from newsynth.group.features import DATELINE, METADATA, ArticleFeatures, featurize
from newsynth.group.index import GroupSettings, StoryIndex
from newsynth.group.link import LinkModel
from newsynth.group.refine import date_order, final_pass, pile_idf, story_id_for
from newsynth.records import Article, Story

PARALLEL_MINIMUM = 2000  # below this, starting worker processes costs more than it saves


def prepare(article: Article) -> ArticleFeatures:
    """Clean one article on its own (so the result never depends on its neighbours) and featurize it.

    A date the article came with is the page's metadata; one the clean stage found is a dateline.
    """
    confidence = METADATA if article.date else DATELINE
    if not article.clean_text:
        clean_articles([article])
    return featurize(article, confidence)


def featurize_many(
    articles: Sequence[Article], workers: int = 1, *, clean: bool = True
) -> list[ArticleFeatures]:
    """Features of many articles, over ``workers`` processes when it pays (results do not depend on it)."""
    work = prepare if clean else featurize
    if workers <= 1 or len(articles) < PARALLEL_MINIMUM:
        return [work(article) for article in articles]
    from concurrent.futures import ProcessPoolExecutor

    with ProcessPoolExecutor(max_workers=workers) as pool:
        return list(pool.map(work, articles, chunksize=256))


def assign_online(
    features: Iterable[ArticleFeatures],
    settings: GroupSettings | None = None,
    index: StoryIndex | None = None,
    model: LinkModel | None = None,
) -> StoryIndex:
    """Assign articles one by one in the given order, as ``ingest`` does; returns the index holding the
    stories."""
    index = index or StoryIndex(settings, model=model)
    for item in features:
        index.assign_and_add(item, story_id_for(item))
    return index


def group_features(
    features: Sequence[ArticleFeatures],
    settings: GroupSettings | None = None,
    *,
    keep_order: bool = False,
    model: LinkModel | None = None,
) -> dict[str, str]:
    """Article id -> story id: the final pass (see ``newsynth.group.refine``). ``keep_order`` assigns in
    the given order instead of the date order."""
    settings = settings or GroupSettings()
    idf = pile_idf(features)
    ordered = list(features) if keep_order else date_order(features)
    return final_pass(ordered, settings, idf, model)[0]


def unique_by_content(features: Iterable[ArticleFeatures]) -> list[ArticleFeatures]:
    """Drop exact re-posts of a text already seen (the first one is kept)."""
    seen: set[str] = set()
    kept = []
    for item in features:
        if item.content_hash not in seen:
            seen.add(item.content_hash)
            kept.append(item)
    return kept


def stories_from_labels(articles: Sequence[Article], story_of: dict[str, str]) -> list[Story]:
    """Stories in the order of their first article; articles keep their input order inside a story."""
    members: dict[str, list[Article]] = {}
    for article in articles:
        if article.id in story_of:
            members.setdefault(story_of[article.id], []).append(article)
    return [Story(id=story_id, articles=group) for story_id, group in members.items()]


def group_pile(
    features: Sequence[ArticleFeatures], settings: GroupSettings | None = None, model: LinkModel | None = None
) -> dict[str, str]:
    """Article id -> story id; an exact repost of a text is grouped once and joins its original's story."""
    story_of = group_features(unique_by_content(features), settings, model=model)
    first_with_text: dict[str, str] = {}
    for item in features:
        first_with_text.setdefault(item.content_hash, item.article_id)
    return {item.article_id: story_of[first_with_text[item.content_hash]] for item in features}


def group_articles(
    articles: Sequence[Article], settings: GroupSettings | None = None, workers: int = 1
) -> list[Story]:
    """Group a pile into stories, one real-world event each."""
    return stories_from_labels(articles, group_pile(featurize_many(articles, workers), settings))
