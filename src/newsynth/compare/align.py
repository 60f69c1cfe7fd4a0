"""Align sentences of different sources that report the same fact, by TF-IDF cosine and shared words.

A pair is aligned when its cosine reaches ``ALIGN_THRESHOLD``, it shares at least ``MIN_SHARED_WORDS``
content words, and one sentence is the other's best match in its article. Aligned pairs join into
claims (connected components). Wire copies align with their original only when nearly identical.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from scipy import sparse

from newsynth.compare.text import content_word_forms
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
    if len(tokens) < MIN_CLAIM_WORDS:
        return False
    lower = 0
    for token in tokens:  # three lower-case words make it prose: most sentences tell within a few words
        lower += token[:1].islower()
        if lower == 3:
            return True
    return False


def similarity_matrix(units: list[Unit]) -> np.ndarray:
    """TF-IDF cosines of every pair of units (sublinear tf, smoothed idf)."""
    matrix = _tfidf([_analyzer(unit.text) for unit in units])
    if matrix is None:  # no unit, or no content word at all
        return np.zeros((len(units), len(units)))
    return (matrix @ matrix.T).toarray()


def _tfidf(documents: list[list[str]]) -> sparse.csr_array | None:
    """The rows of ``TfidfVectorizer(sublinear_tf=True)``, computed step for step as scikit-learn does
    (row entries in order of first use, columns in alphabetical order), without its per-call
    validation; the row norms are summed in another order, so cosines may differ in the last bit."""
    vocabulary: dict[str, int] = {}
    first_use = [vocabulary.setdefault(term, len(vocabulary)) for terms in documents for term in terms]
    if not vocabulary:
        return None
    size = len(vocabulary)
    document_of = np.repeat(np.arange(len(documents), dtype=np.int64), [len(terms) for terms in documents])
    # one sort counts each term of each row and leaves a row's entries in order of first use
    keys, term_counts = np.unique(document_of * size + np.asarray(first_use), return_counts=True)
    row_of, indices = np.divmod(keys, size)
    indptr = np.zeros(len(documents) + 1, dtype=np.int32)
    np.cumsum(np.bincount(row_of, minlength=len(documents)), out=indptr[1:])
    alphabetical = np.empty(len(vocabulary), dtype=np.int32)
    alphabetical[[vocabulary[term] for term in sorted(vocabulary)]] = np.arange(len(vocabulary))
    columns = alphabetical[np.asarray(indices, dtype=np.int32)]
    frequency = np.bincount(columns, minlength=len(vocabulary)).astype(np.float64) + 1.0
    idf = np.full_like(frequency, len(documents) + 1.0)
    idf /= frequency
    np.log(idf, out=idf)
    idf += 1.0
    weights = term_counts.astype(np.float64)
    np.log(weights, out=weights)
    weights += 1.0
    weights *= idf[columns]
    lengths = np.diff(indptr)
    rows = np.repeat(np.arange(len(documents)), lengths)
    norms = np.sqrt(np.bincount(rows, weights=weights * weights, minlength=len(documents)))
    norms[norms == 0] = 1.0
    weights /= np.repeat(norms, lengths)  # each row to unit length, as sklearn's normalize does
    return sparse.csr_array((weights, columns, indptr), shape=(len(documents), size))


def _analyzer(text: str) -> list[str]:
    """Lower-case content words: names, dates and numbers are left out, so that sentences that
    disagree on them still align."""
    return [
        folded
        for word, lowered, folded in content_word_forms(text)
        if not word[0].isupper() and lowered not in DATE_WORDS
    ]


def aligned_pairs(units: list[Unit], similarity: np.ndarray) -> list[tuple[int, int]]:
    """Pairs (i, j), i < j, of sentences from different articles that report one fact."""
    best = _best_per_article(units, similarity)
    pairs = []
    # no pair below the lower threshold aligns: skip them without a Python-level look
    for i, j in np.argwhere(np.triu(similarity >= min(ALIGN_THRESHOLD, COPY_THRESHOLD), k=1)).tolist():
        if units[i].article_id != units[j].article_id and _aligned(units, similarity, best, i, j):
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
