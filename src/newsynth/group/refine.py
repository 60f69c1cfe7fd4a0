"""The final pass over a whole pile: one IDF for the pile, a date order, then a refine sweep.

Everything here depends only on the set of articles, never on the order they came in, so the
stories are the same from the batch path, the store and a Dask cluster. Memory and work per
article stay flat: the sweep keeps only the stories that grew lately (see ``StoryIndex``).

Undated articles come last, when the dated stories have formed; a story they belong to that has
gone stale by then is still found by its rarest keys (see ``StoryIndex.retire``).
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Sequence
from dataclasses import replace

import numpy as np

from newsynth.group.features import TERM_SPACE, ArticleFeatures
from newsynth.group.index import GroupSettings, StoryIndex, Vectors
from newsynth.group.link import LinkModel


def pile_frequency(features: Sequence[ArticleFeatures], chunk: int = 10_000) -> np.ndarray:
    """Document frequencies of a pile at once: what counting its articles one by one gives (in chunks,
    so a large pile needs no array of all its ids)."""
    frequency = np.zeros(TERM_SPACE, dtype=np.int32)
    for start in range(0, len(features), chunk):
        part = features[start : start + chunk]
        ids = np.concatenate([item.terms for item in part] + [item.entities for item in part], dtype=np.intp)
        frequency += np.bincount(ids, minlength=TERM_SPACE).astype(np.int32)
    return frequency


def pile_idf(features: Sequence[ArticleFeatures]) -> np.ndarray:
    """The IDF of every term and name of a pile (0 for ids it does not hold)."""
    frequency = pile_frequency(features)
    counted = np.flatnonzero(frequency)
    table = np.zeros(TERM_SPACE, dtype=np.float32)
    table[counted] = np.log((len(features) + 1.0) / (frequency[counted] + 1.0)) + 1.0
    return table


def date_order(features: Sequence[ArticleFeatures]) -> list[ArticleFeatures]:
    """The pile by date, then content hash; undated articles last, when every dated story has formed
    (placing them earlier exposes dated articles to stories no date can tell apart)."""
    return sorted(features, key=lambda f: (f.day is None, f.day or 0, f.content_hash, f.article_id))


def final_pass(
    ordered: Sequence[ArticleFeatures],
    settings: GroupSettings,
    idf: np.ndarray,
    model: LinkModel | None = None,
    on_article: Callable[[int], None] | None = None,
) -> tuple[dict[str, str], StoryIndex]:
    """Assign the articles in order, and check each one ``refine_lag_articles`` later against the
    stories as they then stand: a first refine round at no extra cost (the assignment's index holds
    exactly the stories a separate sweep would rebuild). Further rounds (``refine_rounds``) sweep
    again. ``on_article`` is called with each position (for progress and timing)."""
    index = StoryIndex(replace(settings, recheck=False), model=model, idf_table=idf)
    pending: deque[tuple[ArticleFeatures, Vectors, int]] = deque()
    moves: dict[str, str] = {}
    check = settings.refine_rounds > 0
    for position, item in enumerate(ordered, start=1):
        assignment = index.assign_and_add(item, story_id_for(item))
        if check and assignment.score < index.threshold + settings.settled_margin:
            pending.append((item, assignment.vectors, position))  # a clear join needs no check
        while pending and position - pending[0][2] >= settings.refine_lag_articles:
            _check(*pending.popleft()[:2], index.story_of, index, moves)
        if on_article is not None:
            on_article(position)
    for waiting, waiting_vectors, _ in pending:
        _check(waiting, waiting_vectors, index.story_of, index, moves)
    labels = {**index.story_of, **moves}
    for _ in range(settings.refine_rounds - 1):
        if not moves:
            break
        moves = _sweep(ordered, labels, settings, idf, model)
        labels.update(moves)
    return labels, index


def story_id_for(features: ArticleFeatures) -> str:
    """A story is named after the article that started it, so names are stable across runs."""
    return f"s-{features.content_hash[:12]}"


def _sweep(
    ordered: Sequence[ArticleFeatures],
    labels: dict[str, str],
    settings: GroupSettings,
    idf: np.ndarray,
    model: LinkModel | None,
) -> dict[str, str]:
    """One refine round: stories are rebuilt from ``labels`` in order, and each article is checked
    ``refine_lag_articles`` later, when its story has (nearly always) all its members."""
    index = StoryIndex(settings, model=model, idf_table=idf)
    pending: deque[tuple[ArticleFeatures, Vectors]] = deque()
    moves: dict[str, str] = {}
    for item in ordered:
        vectors = index.vectors(item)
        index.record(item, labels[item.article_id], vectors)
        pending.append((item, vectors))
        if len(pending) > settings.refine_lag_articles:
            _check(*pending.popleft(), labels, index, moves)
    for waiting, waiting_vectors in pending:
        _check(waiting, waiting_vectors, labels, index, moves)
    return moves


def _check(
    item: ArticleFeatures, vectors: Vectors, labels: dict[str, str], index: StoryIndex, moves: dict[str, str]
) -> None:
    """Record a move when a candidate story scores above the rest of the article's own story."""
    own_id = labels[item.article_id]
    own = index.stories[own_id]
    if own.retired:
        return
    own_score = index.link(vectors, item, own, member=True) if own.size > 1 else -1.0
    if own_score >= index.threshold + index.settings.settled_margin:
        return  # fits its story well: another one will not win (and scoring them costs the most)
    best_id, best_score = own_id, own_score
    for story_id in index.candidates(vectors):
        if story_id == own_id:
            continue
        score = index.link(vectors, item, index.stories[story_id])
        if score > best_score:
            best_id, best_score = story_id, score
    if best_id != own_id and best_score >= index.threshold:
        moves[item.article_id] = best_id
