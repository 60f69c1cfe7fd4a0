"""Group: a mixed pile of articles becomes stories, one real-world event each.

Interface:
    single_story(articles) -> Story                     # the articles are known to be one story
    group_articles(articles, settings=None, workers=1) -> [Story]  # a mixed pile (cleaned one by one)
    group_features(features, settings=None) -> {article id: story id}
    final_labels(features) -> {article id: story id}   # the stories of a pile, whatever its arrival order
    featurize(article) -> ArticleFeatures               # per-article, order-independent
    StoryIndex / GroupSettings                          # the online assignment (used by the store)
    newsynth.group.link.default_model()                 # the learned link model (link_model.json)
    newsynth.group.distributed.group_shards(client, shards)       # the same on a Dask cluster

`python -m newsynth.group.train DATA.jsonl... --aside FAMILIES` rebuilds the link model.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from typing import TYPE_CHECKING

from newsynth.records import Article, Story

if TYPE_CHECKING:
    from newsynth.group.features import ArticleFeatures
    from newsynth.group.index import GroupSettings


def single_story(articles: list[Article], story_id: str | None = None) -> Story:
    if story_id is None:
        story_id = hashlib.sha1("".join(a.id for a in articles).encode()).hexdigest()[:10]
    return Story(id=story_id, articles=articles)


def group_articles(
    articles: Sequence[Article], settings: GroupSettings | None = None, workers: int = 1
) -> list[Story]:
    from newsynth.group.batch import group_articles as _group_articles

    return _group_articles(articles, settings, workers)


def group_features(
    features: Sequence[ArticleFeatures], settings: GroupSettings | None = None
) -> dict[str, str]:
    from newsynth.group.batch import group_features as _group_features

    return _group_features(features, settings)


def final_labels(
    features: Sequence[ArticleFeatures], settings: GroupSettings | None = None
) -> dict[str, str]:
    from newsynth.group.batch import group_pile

    return group_pile(features, settings)


def featurize(article: Article) -> ArticleFeatures:
    from newsynth.group.features import featurize as _featurize

    return _featurize(article)
