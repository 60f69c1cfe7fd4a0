"""Every line of the story's documents judged by the line model: content, headline, dateline, or
removed with its kind (date, byline, caption, furniture, site name) and the model's strongest reasons."""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np

from newsynth.clean.features import BINARY_FEATURES, COLUMN, LINES_SINCE_CAP, LOG_FEATURES, story_matrices
from newsynth.clean.lines import (
    CONTENT,
    DATELINE,
    TITLE,
    Document,
    Line,
    choose_title,
    mark_patterns,
    story_vocabulary,
    title_lines,
)
from newsynth.clean.model import LineModel, TreeEnsemble, line_model

EVIDENCE = 3  # features named per removed line


def story_features(
    documents: Sequence[Document], site_pages: Sequence[Document] = ()
) -> tuple[list[np.ndarray], list[int | None]]:
    """Pattern hints set on every line; the feature matrix and headline index of each document
    (``site_pages``: see ``features.story_matrices``)."""
    for document in documents:
        mark_patterns(document.lines, document.outlet_key)
    vocabulary = story_vocabulary(documents)
    titles = [choose_title(document.lines, vocabulary) for document in documents]
    return story_matrices(documents, titles, site_pages), titles


def classify_documents(
    documents: Sequence[Document], model: LineModel | None = None, with_evidence: bool = False
) -> None:
    """Set kind, reason and probability of every line, the documents judged together; with
    ``with_evidence``, also the features that weighed most against each removed line."""
    model = model or line_model()
    matrices, titles = story_features(documents)
    probabilities = story_probabilities(documents, matrices, model)
    for document, rows, title, probability in zip(documents, matrices, titles, probabilities, strict=True):
        html = document.dom is not None
        kept = rows[:, COLUMN["trafilatura kept it"]] if html else None
        content = model.content(probability, kept)
        repeated = (rows[:, COLUMN["repeated at the same site"]] > 0) | (
            rows[:, COLUMN["repeated in other articles"]] > 0
        )
        decide(document.lines, probability, content, set(title_lines(document.lines, title)), repeated)
        removed = [i for i, line in enumerate(document.lines) if line.kind not in (CONTENT, TITLE, DATELINE)]
        if with_evidence and removed:
            explain(document.lines, removed, rows[removed], model.html if html else model.text)


def story_probabilities(
    documents: Sequence[Document], matrices: Sequence[np.ndarray], model: LineModel
) -> list[np.ndarray]:
    """P(content) of every line, the text documents' lines in one pass of the trees (and the HTML
    documents' in another)."""
    out: list[np.ndarray] = [np.zeros(0)] * len(documents)
    for html, ensemble in ((False, model.text), (True, model.html)):
        chosen = [i for i, document in enumerate(documents) if (document.dom is not None) == html]
        if not chosen:
            continue
        probability = ensemble.probability(np.vstack([matrices[i] for i in chosen]))
        bounds = np.cumsum([0] + [len(matrices[i]) for i in chosen])
        for position, index in enumerate(chosen):
            out[index] = probability[bounds[position] : bounds[position + 1]]
    return out


def decide(
    lines: list[Line], probability: np.ndarray, content: np.ndarray, titles: set[int], repeated: np.ndarray
) -> None:
    """Kind and reason of each line: the headline, a dateline, content, or removed (named by its
    pattern, its repeats in other documents, or its place around the article)."""
    kept = np.flatnonzero(content)
    first, last = (kept[0], kept[-1]) if len(kept) else (len(lines), -1)
    for index, line in enumerate(lines):
        line.probability = float(probability[index])
        if index in titles:
            line.kind, line.reason = TITLE, "headline"
        elif line.pattern_kind == DATELINE:
            line.kind, line.reason = DATELINE, "dateline"
        elif content[index]:
            line.kind, line.reason = CONTENT, CONTENT
        else:
            line.kind = line.pattern_kind or "furniture"
            line.reason = line.pattern_reason or (
                "repeated across documents" if repeated[index] else place(index, first, last)
            )


def place(index: int, first: int, last: int) -> str:
    if index < first:
        return "page header (before the article)"
    if index > last:
        return "page footer (after the article)"
    return "furniture within the article"


def explain(lines: list[Line], removed: list[int], rows: np.ndarray, ensemble: TreeEnsemble) -> None:
    """The features that pushed each removed line furthest from content, in words."""
    contributions = ensemble.contributions(rows)
    for position, index in enumerate(removed):
        strongest = np.argsort(contributions[position])[:EVIDENCE]
        lines[index].evidence = tuple(
            describe(ensemble.features[f], rows[position, f])
            for f in strongest
            if contributions[position, f] < 0
        )


def describe(name: str, value: float) -> str:
    """A feature and its value in words: "reads as prose", "not ends a sentence", "words 3"."""
    if value == -1.0 and name.startswith(("previous", "next")):
        return f"{name.split(':')[0]}: none"
    if name in BINARY_FEATURES:
        return name if value else f"not {name}"
    if name in LOG_FEATURES:
        count = round(math.expm1(value))
        if count >= LINES_SINCE_CAP and name.startswith("lines "):
            return f"{name}: none"
        return f"{name} {count}"
    return f"{name} {value:.2f}"
