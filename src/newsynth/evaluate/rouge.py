"""ROUGE under the shared protocol: output cut to the reference's word count, F1 with stemming."""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache

import blingfire

METRICS = ("rouge1", "rouge2", "rougeLsum")


@cache
def _scorer():
    from rouge_score import rouge_scorer

    return rouge_scorer.RougeScorer(list(METRICS), use_stemmer=True)


def cut_to_budget(sentences: Sequence[str], budget: int) -> list[str]:
    """The first ``budget`` words of the summary, keeping sentence boundaries (for ROUGE-Lsum)."""
    kept, words = [], 0
    for sentence in sentences:
        tokens = sentence.split()
        if words + len(tokens) > budget:
            if budget > words:
                kept.append(" ".join(tokens[: budget - words]))
            break
        kept.append(sentence)
        words += len(tokens)
    return kept


def word_count(text: str) -> int:
    return len(text.split())


def reference_sentences(reference: str) -> list[str]:
    return [s for s in blingfire.text_to_sentences(reference.strip()).split("\n") if s.strip()]


def rouge_f1(sentences: Sequence[str], reference: str) -> dict[str, float]:
    """F1 x 100 of ROUGE-1, ROUGE-2 and ROUGE-Lsum (sentences joined by newlines for Lsum)."""
    scores = _scorer().score("\n".join(reference_sentences(reference)), "\n".join(sentences))
    return {metric: 100 * scores[metric].fmeasure for metric in METRICS}
