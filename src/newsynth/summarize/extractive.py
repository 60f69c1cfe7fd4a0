"""First version: centroid similarity with position prior, greedy under the word budget."""

from __future__ import annotations

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer

from newsynth.records import Sentence, Story, Support, SummarySentence

SUPPORT_THRESHOLD = 0.3


def summarize_story(story: Story, max_words: int) -> list[SummarySentence]:
    sentences = [s for a in story.usable_articles for s in a.sentences]
    if not sentences:
        return []
    matrix = TfidfVectorizer(stop_words="english", sublinear_tf=True).fit_transform(
        [s.text for s in sentences]
    )
    centroid = np.asarray(matrix.mean(axis=0)).ravel()
    scores = matrix @ centroid / (np.linalg.norm(centroid) or 1.0)
    scores = scores / (1 + 0.1 * np.array([s.index for s in sentences]))
    chosen: list[int] = []
    words = 0
    for i in np.argsort(-scores):
        length = len(sentences[i].text.split())
        if words + length > max_words:
            continue
        chosen.append(int(i))
        words += length
    similarity = (matrix @ matrix.T).toarray()
    return [cite(story, sentences, similarity, i) for i in chosen]


def cite(story: Story, sentences: list[Sentence], similarity: np.ndarray, i: int) -> SummarySentence:
    best: dict[str, tuple[float, int]] = {}
    for j, other in enumerate(sentences):
        score = float(similarity[i, j])
        if score >= SUPPORT_THRESHOLD and score > best.get(other.article_id, (0.0, -1))[0]:
            best[other.article_id] = (score, j)
    support = [
        Support(story.number(aid), sentences[j].text, round(score, 3)) for aid, (score, j) in best.items()
    ]
    support.sort(key=lambda s: s.article)
    return SummarySentence(
        text=sentences[i].text,
        source_article=story.number(sentences[i].article_id),
        supporting_articles=[s.article for s in support],
        support=support,
    )
