"""Greedy selection: the sentence that adds the most uncovered concept weight per word, until the budget.

Covering concepts once rewards what several outlets report and penalizes repeating it; a sentence
that repeats a chosen one (either carries most of the other's information, the test citations use)
is never added.
With ``fill``, once no sentence fits the words left, one more may run past the budget, so that a scorer
that cuts every system's output at the budget (the evaluation protocol) sees it filled, as the baselines
are; the sentences chosen within the budget stay the same.
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence

from newsynth.summarize.candidates import Candidate
from newsynth.summarize.citations import SUPPORT_THRESHOLD, coverage
from newsynth.summarize.concepts import concept_weights, headline_boost
from newsynth.summarize.text import Terms

UNIGRAM_SHARE = 0.5  # weight of single words relative to word pairs


def select(
    candidates: Sequence[Candidate],
    pool: Sequence[Candidate],
    max_words: int,
    idf: dict[str, float],
    *,
    headlines: Sequence[Terms] = (),
    fill: bool = False,
) -> list[Candidate]:
    """Pick from ``pool`` (readable sentences); ``candidates`` (all sentences) and the articles'
    ``headlines`` set the weights."""
    pair_weight = headline_boost(
        concept_weights(candidates, lambda c: c.terms.bigrams), [h.bigrams for h in headlines]
    )
    word_weight = headline_boost(
        concept_weights(candidates, lambda c: c.terms.content), [h.content for h in headlines]
    )
    chosen: list[Candidate] = []
    chosen_keys: set[tuple[str, int]] = set()
    covered_pairs: set[Hashable] = set()
    covered_words: set[Hashable] = set()
    words = 0
    within_budget = True  # once nothing fits, ``fill`` allows one sentence past the budget
    remaining = list(pool)  # neither chosen nor repeating a chosen sentence
    while words < max_words:
        best, best_value = None, 0.0
        for candidate in remaining:
            if within_budget and words + candidate.words > max_words:
                continue
            if candidate.needs_previous and previous_key(candidate) not in chosen_keys:
                continue
            gain = sum(pair_weight.get(p, 0.0) for p in candidate.terms.bigrams - covered_pairs)
            gain += UNIGRAM_SHARE * sum(
                word_weight.get(w, 0.0) for w in candidate.terms.content - covered_words
            )
            value = gain / candidate.words
            if value > best_value:
                best, best_value = candidate, value
        if best is None:
            if fill and within_budget:
                within_budget = False
                continue
            break
        chosen.append(best)
        chosen_keys.add(key(best))
        remaining = [c for c in remaining if c is not best and not repeats(c, best, idf)]
        covered_pairs |= best.terms.bigrams
        covered_words |= best.terms.content
        words += best.words
    return chosen


def key(candidate: Candidate) -> tuple[str, int]:
    return candidate.sentence.article_id, candidate.sentence.index


def previous_key(candidate: Candidate) -> tuple[str, int]:
    return candidate.sentence.article_id, candidate.sentence.index - 1


def repeats(candidate: Candidate, chosen: Candidate, idf: dict[str, float]) -> bool:
    """Either sentence carries most of the other's information: the shorter lead after the fuller one
    ("X defended its record at the UN") repeats it as much as the fuller one after the shorter."""
    return (
        coverage(candidate, chosen, idf) >= SUPPORT_THRESHOLD
        or coverage(chosen, candidate, idf) >= SUPPORT_THRESHOLD
    )
