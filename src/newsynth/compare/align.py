"""Align sentences of different sources that report the same fact, by TF-IDF cosine and shared words.

A pair is aligned when its cosine reaches ``ALIGN_THRESHOLD``, it shares at least ``MIN_SHARED_WORDS``
content words, and one sentence is the other's best match in its article. Aligned pairs join into
claims (connected components). Wire copies align with their original only when nearly identical.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer

from newsynth.compare.text import STOP_WORDS, singular, words
from newsynth.compare.values import MONTHS, WEEKDAYS

ALIGN_THRESHOLD = 0.28  # chosen on dev (see docs/compare.md)
COPY_THRESHOLD = 0.8
MIN_SHARED_WORDS = 2
DATE_WORDS = frozenset(MONTHS) | frozenset(WEEKDAYS)
MIN_CLAIM_WORDS = 6  # shorter lines (captions, credits, "Like us on Facebook") are no claims


@dataclass
class Unit:
    """One sentence of a usable article, ready for alignment."""

    text: str
    article_id: str
    number: int  # citation number
    source: str  # independent source id
    index: int  # sentence index in the article
    words: frozenset[str] = frozenset()


def is_claim_sentence(text: str) -> bool:
    tokens = text.split()
    lower = sum(1 for token in tokens if token[:1].islower())
    return len(tokens) >= MIN_CLAIM_WORDS and lower >= 3


def similarity_matrix(units: list[Unit]) -> np.ndarray:
    if not units:
        return np.zeros((0, 0))
    vectorizer = TfidfVectorizer(analyzer=_analyzer, sublinear_tf=True)
    try:
        matrix = vectorizer.fit_transform([unit.text for unit in units])
    except ValueError:  # no content word at all
        return np.zeros((len(units), len(units)))
    return (matrix @ matrix.T).toarray()


def _analyzer(text: str) -> list[str]:
    """Lower-case content words: names, dates and numbers are left out, so that sentences that
    disagree on them still align."""
    found = []
    for word in words(text):
        lowered = word.lower().strip("'-")
        if word[0].isupper() or word[0].isdigit() or lowered in STOP_WORDS:
            continue
        if len(lowered) > 2 and lowered not in DATE_WORDS:
            found.append(singular(lowered))
    return found


def aligned_pairs(units: list[Unit], similarity: np.ndarray) -> list[tuple[int, int]]:
    """Pairs (i, j), i < j, of sentences from different articles that report one fact."""
    best = _best_per_article(units, similarity)
    pairs = []
    for i in range(len(units)):
        for j in range(i + 1, len(units)):
            if units[i].article_id == units[j].article_id:
                continue
            if _aligned(units, similarity, best, i, j):
                pairs.append((i, j))
    return pairs


def _aligned(
    units: list[Unit], similarity: np.ndarray, best: dict[tuple[int, str], int], i: int, j: int
) -> bool:
    score = similarity[i, j]
    if units[i].source == units[j].source:
        return score >= COPY_THRESHOLD
    if score < ALIGN_THRESHOLD or len(units[i].words & units[j].words) < MIN_SHARED_WORDS:
        return False
    return best.get((i, units[j].article_id)) == j or best.get((j, units[i].article_id)) == i


def _best_per_article(units: list[Unit], similarity: np.ndarray) -> dict[tuple[int, str], int]:
    """For each sentence and each other article, that article's most similar sentence."""
    best: dict[tuple[int, str], int] = {}
    articles: dict[str, list[int]] = {}
    for position, unit in enumerate(units):
        articles.setdefault(unit.article_id, []).append(position)
    for article_id, columns in articles.items():
        winners = np.asarray(columns)[similarity[:, columns].argmax(axis=1)]
        for row, winner in enumerate(winners):
            if units[row].article_id != article_id:
                best[(row, article_id)] = int(winner)
    return best
