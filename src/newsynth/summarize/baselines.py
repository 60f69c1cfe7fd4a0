"""Reference systems for evaluation: lead round-robin, and sumy's LexRank and TextRank.

Each takes the documents of a story as plain text and returns sentences in summary order,
filling at least ``max_words`` words (the scorer cuts to the budget).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from itertools import zip_longest

import blingfire

WORD = re.compile(r"\w+(?:'\w+)?")

Baseline = Callable[[Sequence[str], int], list[str]]


def document_sentences(text: str) -> list[str]:
    """Sentences of a raw document: lines first (pages break paragraphs by lines), then blingfire."""
    sentences = []
    for line in text.splitlines():
        if line.strip():
            sentences += [s.strip() for s in blingfire.text_to_sentences(line).split("\n") if s.strip()]
    return sentences


def fill_budget(ranked: Sequence[str], max_words: int) -> list[str]:
    chosen, words = [], 0
    for sentence in ranked:
        if words >= max_words:
            break
        chosen.append(sentence)
        words += len(sentence.split())
    return chosen


def lead(documents: Sequence[str], max_words: int) -> list[str]:
    """First sentences of every document, then the second ones, and so on."""
    per_document = [document_sentences(text) for text in documents]
    interleaved = [s for row in zip_longest(*per_document) for s in row if s]
    return fill_budget(interleaved, max_words)


class _WordTokenizer:
    """The two methods sumy asks of a tokenizer, without NLTK's downloadable data."""

    language = "english"

    def to_sentences(self, paragraph: str) -> tuple[str, ...]:
        return tuple(document_sentences(paragraph))

    def to_words(self, sentence: str) -> tuple[str, ...]:
        return tuple(WORD.findall(sentence))


def _sumy_baseline(module_name: str, class_name: str) -> Baseline:
    """The k best sentences of a sumy summarizer, with the smallest k that fills the budget."""

    def run(documents: Sequence[str], max_words: int) -> list[str]:
        from sumy.models.dom import ObjectDocumentModel, Paragraph
        from sumy.models.dom import Sentence as SumySentence
        from sumy.nlp.stemmers import Stemmer
        from sumy.utils import get_stop_words

        tokenizer = _WordTokenizer()
        document = ObjectDocumentModel(
            [Paragraph([SumySentence(s, tokenizer) for s in document_sentences(t)]) for t in documents]
        )
        summarizer = getattr(__import__(module_name, fromlist=[class_name]), class_name)(Stemmer("english"))
        summarizer.stop_words = get_stop_words("english")

        def best(k: int) -> list[str]:
            return [str(s) for s in summarizer(document, k)]

        low, high = 1, max(1, len(document.sentences))
        while low < high:
            middle = (low + high) // 2
            if sum(len(s.split()) for s in best(middle)) >= max_words:
                high = middle
            else:
                low = middle + 1
        return best(low)

    return run


lexrank = _sumy_baseline("sumy.summarizers.lex_rank", "LexRankSummarizer")
textrank = _sumy_baseline("sumy.summarizers.text_rank", "TextRankSummarizer")

BASELINES: dict[str, Baseline] = {"lead": lead, "lexrank": lexrank, "textrank": textrank}
