"""Concept weights: how strongly the story's sources, together, carry each word and word pair.

A concept (content-word stem or stem bigram) earns, from every independent source that reports
it, a credit that shrinks with how late in that source it first appears. Concepts carried by a
single source earn nothing when the story has several sources: they are not what the story is about.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Hashable, Iterable, Sequence

from newsynth.summarize.candidates import Candidate

POSITION_DECAY = 0.3  # credit of a concept first seen at sentence p: 1 / (1 + decay * p)
MIN_SOURCES = 2


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
