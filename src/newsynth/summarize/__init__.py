"""Summarize: a newser-style extractive brief in which every sentence cites its sources.

Interface:
    summarize(story, max_words) -> list[SummarySentence]
"""

from __future__ import annotations

from newsynth.records import Story, SummarySentence


def summarize(story: Story, max_words: int = 200) -> list[SummarySentence]:
    from newsynth.summarize.extractive import summarize_story

    return summarize_story(story, max_words)
