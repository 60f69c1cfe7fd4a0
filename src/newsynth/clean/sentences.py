"""Sentence splitting of clean paragraphs, with blingfire's finite-state splitter."""

from __future__ import annotations

from collections.abc import Sequence

import blingfire

from newsynth.records import Sentence


def split_sentences(paragraphs: Sequence[str], article_id: str) -> list[Sentence]:
    sentences: list[Sentence] = []
    for paragraph_index, paragraph in enumerate(paragraphs):
        for text in blingfire.text_to_sentences(paragraph).split("\n"):
            text = text.strip()
            if text:
                sentences.append(Sentence(text, article_id, len(sentences), paragraph_index))
    return sentences
