"""Concept weights: how strongly the story's sources, together, carry each word and word pair.

A concept (content-word stem or stem bigram) earns, from every independent source that reports
it, a credit that shrinks with how late in that source it first appears. Concepts carried by a
single source earn nothing when the story has several sources: they are not what the story is about.
Headlines say what it is about: a concept gains with the share of the articles' headlines that carry it.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Collection, Hashable, Iterable, Sequence

from newsynth.summarize.candidates import Candidate

POSITION_DECAY = 0.3  # credit of a concept first seen at sentence p: 1 / (1 + decay * p)
MIN_SOURCES = 2
HEADLINE_BOOST = 2.0  # a concept in every headline weighs three times as much


def concept_weights(
    candidates: Sequence[Candidate], concepts_of: Callable[[Candidate], Iterable[Hashable]]
) -> dict[Hashable, float]:
    first_seen: dict[tuple[Hashable, str], int] = {}
    for candidate in candidates:
        for concept in concepts_of(candidate):
            key = (concept, candidate.source)
            position = candidate.sentence.index
            if position < first_seen.get(key, position + 1):
                first_seen[key] = position
    credit: Counter[Hashable] = Counter()
    sources: Counter[Hashable] = Counter()
    for (concept, _source), position in first_seen.items():
        credit[concept] += 1.0 / (1.0 + POSITION_DECAY * position)
        sources[concept] += 1
    needed = MIN_SOURCES if len({c.source for c in candidates}) > 1 else 1
    return {concept: value for concept, value in credit.items() if sources[concept] >= needed}


def headline_boost(
    weights: dict[Hashable, float], headlines: Sequence[Collection[Hashable]]
) -> dict[Hashable, float]:
    """``weights`` raised for the concepts of the articles' headlines (one collection per headline)."""
    if not headlines:
        return weights
    in_headlines = Counter(concept for headline in headlines for concept in set(headline))
    share = {concept: count / len(headlines) for concept, count in in_headlines.items()}
    return {
        concept: value * (1.0 + HEADLINE_BOOST * share.get(concept, 0.0))
        for concept, value in weights.items()
    }
