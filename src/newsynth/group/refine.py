"""The final pass over a whole pile: one IDF for the pile, a date order, then a refine sweep.

Everything here depends only on the set of articles, never on the order they came in, so the
stories are the same from the batch path, the store and a Dask cluster. Memory and work per
article stay flat: the sweep keeps only the stories that grew lately (see ``StoryIndex``).

Undated articles are put in the date order at an *estimated* date: the median date of the dated
articles that share their heaviest keys (a name, a figure, a rare word), when those agree. The
estimate only places them; it is never evidence for the link model. Articles that cannot be dated
come last.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Sequence

import numpy as np

from newsynth.group.features import TERM_SPACE, ArticleFeatures
from newsynth.group.index import GroupSettings, StoryIndex, Vectors
from newsynth.group.link import LinkModel

ESTIMATE_KEYS = 8  # the heaviest keys of an article that can date it
ESTIMATE_SPREAD = 50  # a key on more dated articles than this says nothing about when
ESTIMATE_MATCHES = 3  # keys needed to date an article (fewer if it has fewer)
ESTIMATE_AGREEMENT = 3  # days: three quarters of the dated articles sharing the keys must be this close


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


def heaviest_keys(item: ArticleFeatures, idf: np.ndarray, single: float) -> np.ndarray:
    """The article's most distinctive terms and names (by TF-IDF) that other articles share, heaviest
    first."""
    ids = np.concatenate((item.terms, item.entities)).astype(np.intp)
    weights = np.concatenate((item.term_weights, item.entity_weights)) * idf[ids]
    weights[idf[ids] >= single] = 0.0  # a key of this article alone dates nothing
    chosen = np.argsort(-weights, kind="stable")[:ESTIMATE_KEYS]
    return ids[chosen[weights[chosen] > 0]]


def estimate_days(features: Sequence[ArticleFeatures], idf: np.ndarray) -> list[int | None]:
    """Each article's date, or for an undated one the median date of the dated articles sharing its
    heaviest keys when they agree (None when they do not, or no key is shared with few enough)."""
    dated = [item for item in features if item.day is not None]
    if not dated or len(dated) == len(features):
        return [item.day for item in features]
    single = float(np.log((len(features) + 1.0) / 2.0) + 1.0) - 1e-4
    dated_keys = [heaviest_keys(item, idf, single) for item in dated]
    keys = np.concatenate(dated_keys)
    days = np.repeat(np.array([item.day for item in dated]), [len(k) for k in dated_keys])
    order = np.argsort(keys, kind="stable")
    keys, days = keys[order], days[order]
    estimates: list[int | None] = []
    for item in features:
        if item.day is not None:
            estimates.append(item.day)
            continue
        own = heaviest_keys(item, idf, single)
        starts, ends = np.searchsorted(keys, own, "left"), np.searchsorted(keys, own, "right")
        found: list[int] = []
        matched = 0
        for start, end in zip(starts.tolist(), ends.tolist(), strict=True):
            if 0 < end - start <= ESTIMATE_SPREAD:
                found.extend(days[start:end].tolist())
                matched += 1
                if matched == ESTIMATE_MATCHES:
                    break
        estimates.append(_agreed_day(found))
    return estimates


def _agreed_day(days: list[int]) -> int | None:
    """The median of the days when most of them lie within ``ESTIMATE_AGREEMENT`` days of it: a
    guess from keys that point at several events of a subject is no guess."""
    if not days:
        return None
    median = sorted(days)[len(days) // 2]
    close = sum(abs(day - median) <= ESTIMATE_AGREEMENT for day in days)
    return median if close * 4 >= len(days) * 3 else None


def date_order(features: Sequence[ArticleFeatures], idf: np.ndarray) -> list[ArticleFeatures]:
    """The pile by (estimated) date, then content hash; articles that cannot be dated come last."""
    days = estimate_days(features, idf)
    ranked = sorted(
        range(len(features)),
        key=lambda i: (days[i] is None, days[i] or 0, features[i].content_hash, features[i].article_id),
    )
    return [features[i] for i in ranked]


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
    index = StoryIndex(settings, model=model, idf_table=idf)
    pending: deque[tuple[ArticleFeatures, Vectors]] = deque()
    moves: dict[str, str] = {}
    check = settings.refine_rounds > 0
    for position, item in enumerate(ordered, start=1):
        assignment = index.assign_and_add(item, story_id_for(item))
        if check:
            pending.append((item, assignment.vectors))
            if len(pending) > settings.refine_lag_articles:
                _check(*pending.popleft(), index.story_of, index, moves)
        if on_article is not None:
            on_article(position)
    for waiting, waiting_vectors in pending:
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
