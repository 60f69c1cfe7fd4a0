"""Citations: every article that carries a summary sentence's information, not only its source.

An article supports a summary sentence when one of its sentences shares most of the summary
sentence's informative words (IDF-weighted over the story's sentences). The threshold is strict on
purpose: a citation must point to an article that really says the same thing.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence

from newsynth.records import Story, SummarySentence, Support
from newsynth.summarize.candidates import Candidate

SUPPORT_THRESHOLD = 0.5  # share of the summary sentence's IDF mass found in the article's sentence


def idf_table(candidates: Sequence[Candidate]) -> dict[str, float]:
    counts: Counter[str] = Counter()
    for candidate in candidates:
        counts.update(candidate.terms.content)
    total = len(candidates)
    return {word: math.log((1 + total) / (1 + count)) + 1.0 for word, count in counts.items()}


def coverage(summary: Candidate, other: Candidate, idf: dict[str, float]) -> float:
    """Share of the summary sentence's informative words (IDF mass) that the other sentence has.

    Numbers must agree too: a sentence that shares the words but not most of the figures
    ("the last congress was in 1980" vs "he took power in 2011") reports another fact.
    """
    numbers = {w for w in summary.terms.content if w.isdigit()}
    if numbers and 2 * len(numbers & other.terms.content) < len(numbers):
        return 0.0
    words = summary.terms.content
    total = sum(idf.get(w, 1.0) for w in words)
    if not total:
        return 0.0
    return sum(idf.get(w, 1.0) for w in words & other.terms.content) / total


def cite(
    story: Story, chosen: Candidate, candidates: Sequence[Candidate], idf: dict[str, float]
) -> SummarySentence:
    source_id = chosen.sentence.article_id
    best: dict[str, tuple[float, Candidate]] = {source_id: (1.0, chosen)}
    for other in candidates:
        article_id = other.sentence.article_id
        if article_id == source_id:
            continue
        score = coverage(chosen, other, idf)
        if score >= SUPPORT_THRESHOLD and score > best.get(article_id, (0.0, other))[0]:
            best[article_id] = (score, other)
    support = sorted(
        (
            Support(story.number(aid), other.sentence.text, round(score, 3))
            for aid, (score, other) in best.items()
        ),
        key=lambda s: s.article,
    )
    return SummarySentence(
        text=chosen.text,
        source_article=story.number(source_id),
        supporting_articles=[s.article for s in support],
        support=support,
    )
