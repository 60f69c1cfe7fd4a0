"""The batch path on a Dask cluster: the same stories as the local path, with the heavy work spread.

Why Dask: pure Python, installs from PyPI with no JVM or daemon, and a ``LocalCluster`` starts in
a second, so the very code that runs on a cluster is exercised in CI.

1. Workers read, clean and featurize their shards (per-article work, independent of order).
2. The client gathers the small features and runs the one assignment, in the canonical order
   (date, then content hash), exactly as ``group_articles`` does locally: same stories.
3. Workers read their shards again and hand back each article with its story id; the briefs
   of the stories are then made on the workers as well (see ``map_stories``).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, TypeVar

from newsynth.group.batch import group_pile, prepare
from newsynth.group.features import ArticleFeatures
from newsynth.group.index import GroupSettings
from newsynth.records import Article, Skipped, Story

T = TypeVar("T")


def featurize_shard(path: str) -> tuple[list[ArticleFeatures], list[Skipped]]:
    from newsynth.ingest import read_paths

    result = read_paths([path])
    return [prepare(article) for article in result.articles], result.skipped


def articles_of_shard(path: str, story_of: dict[str, str]) -> list[tuple[str, Article]]:
    from newsynth.ingest import read_paths

    return [(story_of[a.id], a) for a in read_paths([path]).articles if a.id in story_of]


def group_shards(
    client: Any, shards: Sequence[str], settings: GroupSettings | None = None
) -> tuple[list[Story], list[Skipped]]:
    """Stories of the articles in ``shards`` (files), grouped with a ``distributed.Client``."""
    shards = list(shards)
    featurized = client.gather(client.map(featurize_shard, shards, pure=False))
    features = [item for shard_features, _ in featurized for item in shard_features]
    skipped = [problem for _, shard_skipped in featurized for problem in shard_skipped]
    story_of = group_pile(features, settings)
    shared_labels = client.scatter(story_of, broadcast=True)
    labelled = client.gather(client.map(articles_of_shard, shards, story_of=shared_labels, pure=False))
    members: dict[str, list[Article]] = {}
    for shard_articles in labelled:
        for story_id, article in shard_articles:
            members.setdefault(story_id, []).append(article)
    return [Story(id=story_id, articles=group) for story_id, group in members.items()], skipped


def map_stories(client: Any, function: Callable[[Story], T], stories: Sequence[Story]) -> list[T]:
    """Apply ``function`` to every story on the cluster (e.g. make and render its brief)."""
    return client.gather(client.map(function, list(stories), pure=False))
