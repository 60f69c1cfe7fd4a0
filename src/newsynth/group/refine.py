"""A final pass over an online grouping: with the whole pile's IDF known, move articles that fit
another story better than the rest of their own.

It depends only on the articles and their online labels, so it is as order-robust as its input
and cheap: every article looks only at its blocking candidates.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from newsynth.group.features import TERM_SPACE, ArticleFeatures
from newsynth.group.index import GroupSettings, StoryIndex, Vectors

BULK_MINIMUM = 2000  # below this, a pass over the whole term space costs more than it saves


def final_vectors(
    features: Sequence[ArticleFeatures], settings: GroupSettings
) -> tuple[StoryIndex, list[Vectors]]:
    """Every article's vectors under the document frequencies of the whole pile."""
    if len(features) < BULK_MINIMUM:
        index = StoryIndex(settings)
        for item in features:
            index._count(item)
        return index, [index.vectors(item) for item in features]
    index = StoryIndex(settings, document_frequency=pile_frequency(features), documents=len(features))
    idf_table = index.idf_table()
    return index, [index.vectors(item, idf_table) for item in features]


def pile_frequency(features: Sequence[ArticleFeatures]) -> np.ndarray:
    """Document frequencies of a pile at once: what counting its articles one by one gives."""
    ids = [item.terms for item in features] + [item.entities for item in features]
    every_id = np.concatenate(ids, dtype=np.intp) if ids else np.zeros(0, dtype=np.intp)
    return np.bincount(every_id, minlength=TERM_SPACE).astype(np.int32)


def rebuild(
    features: Sequence[ArticleFeatures],
    vectors: Sequence[Vectors],
    story_of: dict[str, str],
    base: StoryIndex,
    previous: StoryIndex | None = None,
    unchanged: frozenset[str] = frozenset(),
) -> StoryIndex:
    """An index over the stories as labelled, sharing ``base``'s document frequencies.

    Stories in ``unchanged`` (the same members as in ``previous``) keep ``previous``'s profiles,
    which recording the same articles in the same order would rebuild identically; the blocking
    index is always rebuilt, since it depends on the order of every story's articles.
    """
    index = StoryIndex(base.settings, document_frequency=base.document_frequency, documents=base.documents)
    if previous is not None:
        index.stories = {story_id: previous.stories[story_id] for story_id in unchanged}
    for item, item_vectors in zip(features, vectors, strict=True):
        story_id = story_of[item.article_id]
        if story_id in unchanged:
            index.story_of[item.article_id] = story_id
            index.post(item_vectors.keys, story_id)
        else:
            index.record(item, story_id, item_vectors)
    return index


def refine(
    features: Sequence[ArticleFeatures], story_of: dict[str, str], settings: GroupSettings
) -> dict[str, str]:
    labels = dict(story_of)
    if not features:
        return labels
    base, vectors = final_vectors(features, settings)
    index = None
    unchanged: frozenset[str] = frozenset()
    for _ in range(settings.refine_rounds):
        index = rebuild(features, vectors, labels, base, index, unchanged)
        moves = _reassign(features, vectors, labels, index)
        if not moves:
            break
        touched = {labels[article_id] for article_id in moves} | set(moves.values())
        labels.update(moves)
        unchanged = frozenset(index.stories) - touched
    return labels


def _reassign(
    features: Sequence[ArticleFeatures],
    all_vectors: Sequence[Vectors],
    labels: dict[str, str],
    index: StoryIndex,
) -> dict[str, str]:
    """Article id -> the candidate story that scores above the rest of its own, for articles that move."""
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
    return moves
