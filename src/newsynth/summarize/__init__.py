"""Summarize: a newser-style extractive brief in which every sentence cites its sources.

Interface:
    summarize(story, max_words) -> list[SummarySentence]

candidates (readable sentences) -> concepts (what the sources and headlines carry) -> selection
(coverage under the word budget) -> ordering (coherent order) -> citations (every supporting article).
"""

from __future__ import annotations

from newsynth.records import Story, SummarySentence
from newsynth.summarize.candidates import is_readable, make_candidate
from newsynth.summarize.citations import cite, idf_table
from newsynth.summarize.ordering import order
from newsynth.summarize.selection import select
from newsynth.summarize.text import terms


def summarize(story: Story, max_words: int = 200, *, fill: bool = False) -> list[SummarySentence]:
    """At most ``max_words`` words of whole sentences, each with the articles that support it.

    ``fill`` tops that summary up with one more sentence when words are left, which may pass the
    budget: for scorers that cut every output at the budget.
    """
    articles = story.usable_articles
    candidates = [
        make_candidate(sentence, story.independent_source(article.id))
        for article in articles
        for sentence in article.sentences
    ]
    pool = [candidate for candidate in candidates if is_readable(candidate)]
    idf = idf_table(candidates)
    headlines = [terms(article.title) for article in articles if article.title]
    chosen = select(candidates, pool, max_words, idf, headlines=headlines, fill=fill)
    lengths = {article.id: len(article.sentences) for article in articles}
    rank = {article.id: story.number(article.id) for article in articles}
    return [cite(story, candidate, candidates, idf) for candidate in order(chosen, lengths, rank)]
