"""A final pass over an online grouping: with the whole pile's IDF known, move articles that fit
another story better than their own, and merge stories that turn out to be one event.

It depends only on the articles and their online labels, so it is as order-robust as its input
and cheap: every article looks only at its blocking candidates.
"""

from __future__ import annotations

from collections.abc import Sequence

from newsynth.group.features import ArticleFeatures
from newsynth.group.index import GroupSettings, StoryIndex, Vectors


def final_vectors(
    features: Sequence[ArticleFeatures], settings: GroupSettings
) -> tuple[StoryIndex, list[Vectors]]:
    """Every article's vectors under the document frequencies of the whole pile."""
    index = StoryIndex(settings)
    for item in features:
        index._count(item)
    return index, [index.vectors(item) for item in features]


def rebuild(
    features: Sequence[ArticleFeatures],
    vectors: Sequence[Vectors],
    story_of: dict[str, str],
    base: StoryIndex,
) -> StoryIndex:
    """An index over the stories as labelled, sharing ``base``'s document frequencies."""
    index = StoryIndex(base.settings, document_frequency=base.document_frequency, documents=base.documents)
    for item, item_vectors in zip(features, vectors, strict=True):
        index.record(item, story_of[item.article_id], item_vectors)
    return index


def refine(
    features: Sequence[ArticleFeatures], story_of: dict[str, str], settings: GroupSettings
) -> dict[str, str]:
    labels = dict(story_of)
    if not features:
        return labels
    base, vectors = final_vectors(features, settings)
    if settings.merge_threshold < 1.0:
        labels = _merge_stories(features, labels, rebuild(features, vectors, labels, base))
    for _ in range(settings.refine_rounds):
        index = rebuild(features, vectors, labels, base)
        moved = _reassign(features, vectors, labels, index)
        if not moved:
            break
    return labels


def _reassign(
    features: Sequence[ArticleFeatures],
    all_vectors: Sequence[Vectors],
    labels: dict[str, str],
    index: StoryIndex,
) -> int:
    """Move each article to the candidate story that scores above the rest of its own; returns moves."""
    moves = {}
    for item, vectors in zip(features, all_vectors, strict=True):
        own_id = labels[item.article_id]
        own = index.stories[own_id]
        own_score = index.score(vectors, item.day, own, member=True) if len(own.article_ids) > 1 else -1.0
        if own_score >= index.settings.threshold + index.settings.settled_margin:
            continue  # fits its story well: another one will not win (and scoring them costs the most)
        best_id, best_score = own_id, own_score
        for story_id in index.candidates(vectors):
            if story_id == own_id:
                continue
            score = index.score(vectors, item.day, index.stories[story_id])
            if score > best_score:
                best_id, best_score = story_id, score
        if best_id != own_id and best_score >= index.settings.threshold:
            moves[item.article_id] = best_id
    labels.update(moves)
    return len(moves)


def _merge_stories(
    features: Sequence[ArticleFeatures], labels: dict[str, str], index: StoryIndex
) -> dict[str, str]:
    """Join stories whose centroids (text, entities, dates) score above the merge threshold.

    Each story is compared with the stories sharing its blocking keys; pairs are merged best
    first, and a story merges at most into the group of its best partner (centroid linkage).
    """
    settings = index.settings
    keys_of: dict[str, list[int]] = {}
    for key, posting in index.postings.items():
        for story_id in posting:
            keys_of.setdefault(story_id, []).append(key)
    pairs: list[tuple[float, str, str]] = []
    for story_id, story in index.stories.items():
        vectors = _centroid_vectors(story)
        hits: dict[str, int] = {}
        for key in keys_of.get(story_id, ()):
            for other in index.postings[key]:
                if other != story_id:
                    hits[other] = hits.get(other, 0) + 1
        for other in sorted(hits, key=lambda o: (-hits[o], o))[: settings.max_candidates]:
            if other < story_id:
                continue  # each pair once
            other_story = index.stories[other]
            text = other_story.text.cosine(vectors[0], vectors[1])
            entity = other_story.entities.cosine(vectors[2], vectors[3])
            penalty = index.date_penalty(story.median_day(), other_story)
            score = settings.text_weight * text + settings.entity_weight * entity - penalty
            if score >= settings.merge_threshold:
                pairs.append((score, story_id, other))
    parent = {story_id: story_id for story_id in index.stories}

    def root(story_id: str) -> str:
        while parent[story_id] != story_id:
            parent[story_id] = parent[parent[story_id]]
            story_id = parent[story_id]
        return story_id

    for _, first, second in sorted(pairs, key=lambda pair: (-pair[0], pair[1], pair[2])):
        a, b = root(first), root(second)
        if a != b:
            parent[max(a, b)] = min(a, b)
    order = {item.article_id: position for position, item in enumerate(features)}
    first_seen: dict[str, str] = {}
    for article_id in sorted(labels, key=order.__getitem__):
        first_seen.setdefault(root(labels[article_id]), labels[article_id])
    return {article_id: first_seen[root(story_id)] for article_id, story_id in labels.items()}


def _centroid_vectors(story) -> tuple[list[int], list[float], list[int], list[float]]:
    """A story's text and entity centroids as unit vectors (term lists and weights)."""
    result = []
    for profile in (story.text, story.entities):
        norm = profile.norm2**0.5 or 1.0
        result.append(list(profile.weights.keys()))
        result.append([value / norm for value in profile.weights.values()])
    return tuple(result)
