"""Numeric features of each line for the line model: the line itself, its neighbours and its place on
the page, the other documents of the story, and (for HTML pages) its element in the DOM.

The furniture patterns of ``patterns.py`` are features here, not verdicts: the model learns how much
each one weighs beside the line's shape and context. ``FEATURES`` names the columns of the text
model, ``HTML_FEATURES`` those of the HTML model (the same columns plus the DOM's).
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence

import numpy as np

from newsynth.clean import patterns as p
from newsynth.clean.dom import DOM_FEATURES
from newsynth.clean.lines import (
    PATTERN_REASONS,
    Document,
    Line,
    caption_style,
    content_words,
    ends_sentence,
    name_line,
    repeated_lines,
    story_vocabulary,
)

SOLID_WORDS = 10  # a line of the article's prose: a sentence of this many words, no pattern hit
MAIN_BLOCK_GAP = 4.0  # what a non-prose line costs the densest prose block, in words
SEPARATORS = tuple("|•·/»>–—")
QUOTES = tuple('"“”«»')
SAMPLE_CHARS = 160
LINES_SINCE_CAP = 50  # "lines since ..." features stop counting here
COMMON_WORDS = 20  # the page's own function words: its commonest words in long lines
WINDOWS = (2, 5, 10)
SHAPE_WORDS = 8  # lines of at most this many words are compared by wording and form
DIGITS = re.compile(r"\d+")
SIDE_WINDOW = 10  # lines looked at above and below the line, each side apart
# Pattern hits that head a list of links or prompts: the lines below them are often the list.
WIDGET_HEADINGS = frozenset(
    {"related-content widget", "read-more link", "comments widget", "social-media buttons", "advertisement"}
)

LINE_FEATURES = [
    "words",
    "chars",
    "mean word length",
    "ends a sentence",
    "ends with a colon",
    "ends with another mark",
    "starts in lower case",
    "starts with a digit",
    "capitalized words",
    "upper-case letters",
    "stop words",
    "page's common words",
    "digits",
    "punctuation",
    "separators",
    "reads as prose",
    "quotation marks",
    "commas per word",
    "looks like a name",
    "caption wording",
    "wrapped line",
    "shown twice on the page",
    "headline",
    "headline inside",
    "pattern: any",
    *[f"pattern: {reason}" for reason in PATTERN_REASONS],
]
NEIGHBOUR_COLUMNS = ("words", "reads as prose", "ends a sentence", "pattern: any", "capitalized words")
CONTEXT_FEATURES = [
    "position on the page",
    "share of the page's words before it",
    "page lines",
    "page words",
    "page prose share",
    "before the first paragraph",
    "after the last paragraph",
    "lines since a paragraph",
    "lines to the next paragraph",
    "in the main prose block",
    "distance to the main prose block",
    "lines since a widget heading",
    "pattern hits within 5 lines",
    "timestamps since the first paragraph",
    *[f"prose within {w} lines" for w in WINDOWS],
    *[f"words within {w} lines" for w in WINDOWS],
    f"prose in the {SIDE_WINDOW} lines above",
    f"prose in the {SIDE_WINDOW} lines below",
    "share of the page's prose words before it",
    "lines of its wording on the page",
    "lines of its form on the page",
    "repeated wordings within 5 lines",
    *[f"{side} {n}: {name}" for side in ("previous", "next") for n in (1, 2) for name in NEIGHBOUR_COLUMNS],
]
STORY_FEATURES = [
    "documents in the story",
    "repeated at the same site",
    "repeated in other articles",
    "words found in the other articles",
]
FEATURES = LINE_FEATURES + CONTEXT_FEATURES + STORY_FEATURES
HTML_FEATURES = FEATURES + DOM_FEATURES
# Features that are 0 or 1 (the others are measures): explanations say "<name>" or "not <name>".
BINARY_FEATURES = frozenset(
    [name for name in LINE_FEATURES if name.startswith("pattern: ")]
    + ["ends a sentence", "ends with a colon", "ends with another mark", "starts in lower case"]
    + ["starts with a digit", "reads as prose", "quotation marks", "looks like a name", "caption wording"]
    + ["wrapped line", "shown twice on the page", "headline", "headline inside"]
    + ["before the first paragraph", "after the last paragraph", "in the main prose block"]
    + ["repeated at the same site", "repeated in other articles", "inside trafilatura's text"]
    + [name for name in DOM_FEATURES if name.startswith(("element: ", "inside <", "class/id: "))]
)
LOG_FEATURES = frozenset(
    ["words", "chars", "separators", "page lines", "page words", "lines since a paragraph"]
    + ["lines to the next paragraph", "lines since a widget heading", "timestamps since the first paragraph"]
    + [f"{side} {n}: words" for side in ("previous", "next") for n in (1, 2)]
)
COLUMN = {name: index for index, name in enumerate(HTML_FEATURES)}


def story_matrices(
    documents: Sequence[Document], titles: Sequence[int | None], site_pages: Sequence[Document] = ()
) -> list[np.ndarray]:
    """One feature matrix per document (rows: lines; columns: ``FEATURES``, plus ``DOM_FEATURES`` for
    documents made from HTML), the documents of one story judged together. ``site_pages``: other
    pages whose repeated lines count too (training uses them for pages of one site in other stories)."""
    repeated = repeated_lines([*documents, *site_pages])
    vocabulary = story_vocabulary(documents)
    matrices = []
    for document, title in zip(documents, titles, strict=True):
        if not document.lines:
            width = len(HTML_FEATURES) if document.dom is not None else len(FEATURES)
            matrices.append(np.zeros((0, width)))
            continue
        same_site = repeated.get(document.outlet_key, set()) if document.outlet_key else set()
        line_part = line_matrix(document.lines, title)
        parts = [
            line_part,
            context_matrix(document.lines, line_part),
            story_matrix(document, len(documents), same_site, repeated[""], vocabulary),
        ]
        if document.dom is not None:
            parts.append(document.dom)
        matrices.append(np.hstack(parts))
    return matrices


# -- the line itself -------------------------------------------------------------------------------


def line_matrix(lines: Sequence[Line], title: int | None) -> np.ndarray:
    common = page_common_words(lines)
    counts = Counter(line.key for line in lines)
    title_key = lines[title].key if title is not None else ""
    rows = [line_row(line, common, counts[line.key] > 1, title_key) for line in lines]
    return np.array(rows, dtype=np.float64)


def page_common_words(lines: Sequence[Line]) -> frozenset[str]:
    """The page's commonest words in its longer lines: function words in any language."""
    counts = Counter(word for line in lines if line.words >= 8 for word in line.key.split())
    return frozenset(word for word, _ in counts.most_common(COMMON_WORDS)) or p.STOPWORDS


def line_row(line: Line, common: frozenset[str], twice: bool, title_key: str) -> list[float]:
    text, words = line.text, line.key.split()
    n_words = max(len(words), 1)
    sample = text[:SAMPLE_CHARS]  # character shares from the line's start: enough, and cheap
    chars = max(len(sample), 1)
    letters = sum(map(str.isalpha, sample))
    last = text.rstrip()[-1:]
    pattern = line.pattern_reason
    row = [
        math.log1p(line.words),
        math.log1p(len(text)),
        sum(map(len, words)) / n_words,
        float(ends_sentence(text)),
        float(last == ":"),
        float(bool(last) and not last.isalnum() and last not in ".!?…:\"'”’)]"),
        float(text[:1].islower()),
        float(text[:1].isdigit()),
        line.capitalized / max(line.words, 1),
        sum(map(str.isupper, sample)) / max(letters, 1),
        sum(word in p.STOPWORDS for word in words) / n_words,
        sum(word in common for word in words) / n_words,
        sum(map(str.isdigit, sample)) / chars,
        (chars - sum(map(str.isalnum, sample)) - sample.count(" ")) / chars,
        math.log1p(sum(text.count(mark) for mark in SEPARATORS)),
        float(line.prose),
        float(any(mark in text for mark in QUOTES)),
        text.count(",") / n_words,
        float(name_line(text)),
        float(line.words >= 5 and caption_style(line)),
        float(line.runs_on),
        float(twice),
        float(bool(title_key) and line.key == title_key),
        float(bool(title_key) and line.key != title_key and title_key in line.key),
        float(bool(pattern)),
    ]
    row.extend(float(pattern == reason) for reason in PATTERN_REASONS)
    return row


# -- the line's place on the page ------------------------------------------------------------------


def context_matrix(lines: Sequence[Line], line_part: np.ndarray) -> np.ndarray:
    n = len(lines)
    index = np.arange(n, dtype=np.float64)
    words = np.array([line.words for line in lines], dtype=np.float64)
    prose = line_part[:, COLUMN["reads as prose"]]
    solid = (prose > 0) & (words >= SOLID_WORDS) & (line_part[:, COLUMN["pattern: any"]] == 0)
    solid_at = np.flatnonzero(solid)
    first, last = (solid_at[0], solid_at[-1]) if len(solid_at) else (n, -1)
    start, end = main_block(words, solid)
    columns = [
        index / max(n - 1, 1),
        (np.cumsum(words) - words) / max(words.sum(), 1.0),
        np.full(n, math.log1p(n)),
        np.full(n, math.log1p(words.sum())),
        np.full(n, prose.mean()),
        (index < first).astype(float),
        (index > last).astype(float),
        np.log1p(lines_since(solid)),
        np.log1p(lines_since(solid[::-1])[::-1]),
        ((index >= start) & (index <= end)).astype(float),
        np.maximum(np.maximum(start - index, index - end), 0) / max(n, 1),
        np.log1p(lines_since(np.array([line.pattern_reason in WIDGET_HEADINGS for line in lines]))),
        window_mean(line_part[:, COLUMN["pattern: any"]], 5),
        np.log1p(timestamps_since(lines, first)),
    ]
    columns += [window_mean(prose, w) for w in WINDOWS]
    columns += [window_mean(line_part[:, COLUMN["words"]], w) for w in WINDOWS]
    columns += [side_mean(prose, SIDE_WINDOW, above=True), side_mean(prose, SIDE_WINDOW, above=False)]
    solid_words = np.where(solid, words, 0.0)
    columns.append((np.cumsum(solid_words) - solid_words) / max(solid_words.sum(), 1.0))
    wording, form = page_repeats(lines)
    columns += [np.log1p(wording), np.log1p(form), window_mean((wording > 0).astype(float), 5)]
    for shift in (1, 2, -1, -2):  # previous 1, previous 2, next 1, next 2
        columns += [shifted(line_part[:, COLUMN[name]], shift) for name in NEIGHBOUR_COLUMNS]
    return np.column_stack(columns)


def page_repeats(lines: Sequence[Line]) -> tuple[np.ndarray, np.ndarray]:
    """Per short line: how many other lines of the page share its wording with the numbers left out
    ("2 days ago at 07:52 am", "Rating: 9 Votes"), and how many share its form (the case and digits
    of its words, "Aa 0 Aa"): a comment thread or a list of teasers repeats both. 0 for longer lines."""
    wordings = [DIGITS.sub("0", line.key) if line.words <= SHAPE_WORDS else "" for line in lines]
    forms = [word_forms(line.text) if line.words <= SHAPE_WORDS else "" for line in lines]
    out = []
    for keys in (wordings, forms):
        counts = Counter(keys)
        out.append(np.array([counts[key] - 1 if key else 0 for key in keys], dtype=np.float64))
    return out[0], out[1]


def word_forms(text: str) -> str:
    return " ".join(
        "0" if word[:1].isdigit() else "A" if word[:1].isupper() else "a" if word[:1].isalpha() else "."
        for word in text.split()
    )


def lines_since(flags: np.ndarray, cap: int = LINES_SINCE_CAP) -> np.ndarray:
    """Per position: lines since the last flagged one (``cap`` before the first)."""
    out = np.empty(len(flags))
    distance = cap
    for position, flag in enumerate(flags):
        distance = 0 if flag else min(distance + 1, cap)
        out[position] = distance
    return out


def timestamps_since(lines: Sequence[Line], first: int) -> np.ndarray:
    """Per line: how many timestamp lines come between the first paragraph and it (comment threads
    below an article carry one per comment)."""
    stamps = np.array([line.pattern_kind == "date" for line in lines], dtype=np.float64)
    stamps[: first + 1] = 0.0
    return np.cumsum(stamps)


def main_block(words: np.ndarray, solid: np.ndarray) -> tuple[int, int]:
    """First and last index of the densest run of prose (maximum-sum run, a gap line costs words)."""
    gains = np.where(solid, words, -MAIN_BLOCK_GAP)
    best, best_span = 0.0, (len(words), -1)
    total, start = 0.0, 0
    for position, gain in enumerate(gains):
        if total <= 0:
            total, start = 0.0, position
        total += gain
        if total > best:
            best, best_span = total, (start, position)
    return best_span


def window_mean(values: np.ndarray, width: int) -> np.ndarray:
    padded = np.concatenate([np.zeros(1), np.cumsum(values)])
    n = len(values)
    low = np.clip(np.arange(n) - width, 0, n)
    high = np.clip(np.arange(n) + width + 1, 0, n)
    return (padded[high] - padded[low]) / (high - low)


def side_mean(values: np.ndarray, width: int, above: bool) -> np.ndarray:
    """Mean of the ``width`` values before (``above``) or after each position, -1 where there are none."""
    ordered = values if above else values[::-1]
    padded = np.concatenate([np.zeros(1), np.cumsum(ordered)])
    n = len(values)
    high = np.arange(n)
    low = np.clip(high - width, 0, n)
    count = high - low
    means = np.where(count > 0, (padded[high] - padded[low]) / np.maximum(count, 1), -1.0)
    return means if above else means[::-1]


def shifted(values: np.ndarray, shift: int) -> np.ndarray:
    """values[i - shift] (the previous line's for shift 1), -1 off the page."""
    out = np.full(len(values), -1.0)
    if shift > 0:
        out[shift:] = values[:-shift]
    else:
        out[:shift] = values[-shift:]
    return out


# -- the other documents of the story --------------------------------------------------------------


def story_matrix(
    document: Document,
    n_documents: int,
    same_site: set[str],
    across: set[str],
    vocabulary: Counter[str],
) -> np.ndarray:
    own = Counter(set(" ".join(line.key for line in document.lines if line.prose).split()))
    others = max(n_documents - 1, 1)
    rows = []
    for line in document.lines:
        words = content_words(line.key)
        found = (
            sum(min((vocabulary[word] - own[word]) / others, 1.0) for word in words) / len(words)
            if words and n_documents > 1
            else 0.0
        )
        rows.append(
            (
                float(n_documents),
                float(line.key in same_site),
                float(line.key in across),
                found,
            )
        )
    return np.array(rows, dtype=np.float64)
