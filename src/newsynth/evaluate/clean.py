"""Scoring of the clean stage against hand-labelled boilerplate lines.

Protocol: the lines scored are the stripped non-empty lines of each document's ``text``; a line is
boilerplate (the positive class) iff its stripped form is in that document's ``boilerplate_lines``.
The documents of one story are cleaned together, as in a brief. Labels are read only for scoring.
"""

from __future__ import annotations

import statistics
import sys
import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from tqdm import tqdm

from newsynth.clean import classify_articles, clean_articles
from newsynth.clean.lines import KEPT_KINDS
from newsynth.evaluate.extraction import BENCHMARK_SYSTEMS, ExtractionScore, extraction_score, f1_score
from newsynth.ingest import articles_from_documents
from newsynth.records import Article

# A system takes the documents of one story and says, per document, which of its stripped non-empty
# lines are boilerplate.
System = Callable[[Sequence[Mapping[str, object]], str], list[list[bool]]]

SHORT_LINE_WORDS = 7  # the short-line baseline: lines of fewer words are boilerplate
FIRST_VERSION_WORDS = 8  # the clean stage's first version: shorter lines, or no final punctuation
TIMING_REPEATS = 3


@dataclass
class Counts:
    true_positive: int = 0
    false_positive: int = 0
    false_negative: int = 0

    @property
    def precision(self) -> float:
        predicted = self.true_positive + self.false_positive
        return self.true_positive / predicted if predicted else 0.0

    @property
    def recall(self) -> float:
        actual = self.true_positive + self.false_negative
        return self.true_positive / actual if actual else 0.0

    @property
    def f1(self) -> float:
        return f1_score(self.precision, self.recall)

    def as_dict(self) -> dict[str, float | int]:
        return {
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "tp": self.true_positive,
            "fp": self.false_positive,
            "fn": self.false_negative,
        }


@dataclass
class CleanReport:
    """Everything ``newsynth eval-clean`` prints."""

    stories: int
    documents: int
    lines: int
    boilerplate_lines: int
    systems: dict[str, Counts]
    median_ms_per_story: float
    mean_words_per_story: float
    junk: list[tuple[str, str]] = field(default_factory=list)  # (origin, reason)
    copies: list[tuple[str, str]] = field(default_factory=list)  # (origin, origin of the original)

    def as_dict(self) -> dict[str, object]:
        return {
            "stories": self.stories,
            "documents": self.documents,
            "lines": self.lines,
            "boilerplate_lines": self.boilerplate_lines,
            "systems": {name: counts.as_dict() for name, counts in self.systems.items()},
            "median_ms_per_story": round(self.median_ms_per_story, 3),
            "mean_words_per_story": round(self.mean_words_per_story, 1),
            "junk_documents": len(self.junk),
            "copy_documents": len(self.copies),
        }


def document_lines(document: Mapping[str, object]) -> list[str]:
    return [line.strip() for line in str(document.get("text") or "").splitlines() if line.strip()]


def labels(document: Mapping[str, object]) -> list[bool]:
    labelled = {str(line).strip() for line in document.get("boilerplate_lines") or []}
    return [line in labelled for line in document_lines(document)]


def newsynth_system(documents: Sequence[Mapping[str, object]], story_id: str) -> list[list[bool]]:
    """newsynth's line classifier; headline lines count as article content (they are not labelled)."""
    articles = articles_from_documents(documents, story_id)
    return [[line.kind not in KEPT_KINDS for line in doc.lines] for doc in classify_articles(articles)]


def short_line_system(documents: Sequence[Mapping[str, object]], story_id: str) -> list[list[bool]]:
    """Baseline: short lines are boilerplate."""
    return [[len(line.split()) < SHORT_LINE_WORDS for line in document_lines(doc)] for doc in documents]


def first_version_system(documents: Sequence[Mapping[str, object]], story_id: str) -> list[list[bool]]:
    """The clean stage's first version: short lines and lines without final punctuation."""
    return [[short_or_unfinished(line) for line in document_lines(doc)] for doc in documents]


def short_or_unfinished(line: str) -> bool:
    return len(line.split()) < FIRST_VERSION_WORDS or not line.rstrip("\"”’'").endswith((".", "!", "?"))


def justext_system(documents: Sequence[Mapping[str, object]], story_id: str) -> list[list[bool]]:
    """jusText's paragraph classifier, each line given to it as one HTML paragraph."""
    import html

    import justext

    stoplist = justext.get_stoplist("English")
    predictions = []
    for document in documents:
        lines = document_lines(document)
        page = "<html><body>" + "".join(f"<p>{html.escape(line)}</p>" for line in lines) + "</body></html>"
        good = {
            paragraph.text.strip()
            for paragraph in justext.justext(page, stoplist)
            if not paragraph.is_boilerplate
        }
        predictions.append([line not in good for line in lines])
    return predictions


def available_systems() -> dict[str, System]:
    systems: dict[str, System] = {
        "newsynth": newsynth_system,
        "first-version": first_version_system,
        "short-line": short_line_system,
    }
    try:
        import justext  # noqa: F401
    except ImportError:
        return systems
    systems["justext"] = justext_system
    return systems


def score(records: Iterable[Mapping[str, object]], system: System) -> Counts:
    counts = Counts()
    for record in records:
        documents = record_documents(record)
        predictions = system(documents, str(record.get("id") or "story"))
        for document, predicted in zip(documents, predictions, strict=True):
            for is_boilerplate, said_boilerplate in zip(labels(document), predicted, strict=True):
                counts.true_positive += is_boilerplate and said_boilerplate
                counts.false_positive += said_boilerplate and not is_boilerplate
                counts.false_negative += is_boilerplate and not said_boilerplate
    return counts


def record_documents(record: Mapping[str, object]) -> list[Mapping[str, object]]:
    documents = record.get("documents") or []
    return [doc if isinstance(doc, Mapping) else {"text": str(doc)} for doc in documents]  # type: ignore[union-attr]


def clean_timing(records: Sequence[Mapping[str, object]]) -> tuple[float, list[list[Article]]]:
    """Median CPU milliseconds of ``clean_articles`` per story (best of a few runs), and the cleaned
    stories of the last run."""
    best = [float("inf")] * len(records)
    cleaned: list[list[Article]] = []
    progress = tqdm(
        total=TIMING_REPEATS * len(records), desc="clean", unit="story", disable=not sys.stderr.isatty()
    )
    for _ in range(TIMING_REPEATS):
        cleaned = []
        for position, record in enumerate(records):
            progress.update()
            articles = articles_from_documents(record_documents(record), str(record.get("id") or position))
            started = time.process_time()
            clean_articles(articles)
            best[position] = min(best[position], time.process_time() - started)
            cleaned.append(articles)
    progress.close()
    return (statistics.median(best) * 1000 if best else 0.0), cleaned


def evaluate_clean(records: Sequence[Mapping[str, object]], system_names: Sequence[str] = ()) -> CleanReport:
    systems = available_systems()
    names = [name for name in (system_names or systems) if name in systems]
    median_ms, cleaned = clean_timing(records)
    documents = [document for record in records for document in record_documents(record)]
    all_labels = [flag for document in documents for flag in labels(document)]
    return CleanReport(
        stories=len(records),
        documents=len(documents),
        lines=len(all_labels),
        boilerplate_lines=sum(all_labels),
        systems={name: score(records, systems[name]) for name in names},
        median_ms_per_story=median_ms,
        mean_words_per_story=statistics.mean(
            sum(len(str(doc.get("text") or "").split()) for doc in record_documents(record))
            for record in records
        )
        if records
        else 0.0,
        junk=[(a.origin, a.junk_reason) for story in cleaned for a in story if a.junk_reason],
        copies=[
            (a.origin, next(b.origin for b in story if b.id == a.copy_of))
            for story in cleaned
            for a in story
            if a.copy_of
        ],
    )


# -- the article-extraction benchmark --------------------------------------------------------------


@dataclass
class BenchmarkReport:
    """Each system's figures on all the benchmark pages and on the held-aside ones (never trained or
    tuned on), keyed "<system> <input>"."""

    pages: int
    held_aside_pages: int
    all_pages: dict[str, ExtractionScore]
    held_aside: dict[str, ExtractionScore]

    def as_dict(self) -> dict[str, object]:
        return {
            "pages": self.pages,
            "held_aside_pages": self.held_aside_pages,
            "all_pages": {name: score.as_dict() for name, score in self.all_pages.items()},
            "held_aside": {name: score.as_dict() for name, score in self.held_aside.items()},
        }


def evaluate_benchmark(pages: Sequence[dict[str, str]]) -> BenchmarkReport:
    from newsynth.clean.sites import site_key
    from newsynth.clean.train import held_aside

    aside = [held_aside("site:" + (site_key(page["url"] or None) or page["id"])) for page in pages]
    outputs: dict[str, list[str]] = {}
    progress = tqdm(
        total=len(BENCHMARK_SYSTEMS) * len(pages),
        desc="benchmark",
        unit="page",
        disable=not sys.stderr.isatty(),
    )
    for name, source, system in BENCHMARK_SYSTEMS:
        found = []
        for page in pages:
            progress.update()
            found.append(system(page))
        outputs[f"{name} {source}"] = found
    progress.close()
    truths = [page["article_body"] for page in pages]

    def scored(selected: Sequence[bool]) -> dict[str, ExtractionScore]:
        return {
            key: extraction_score((t, f) for t, f, keep in zip(truths, found, selected, strict=True) if keep)
            for key, found in outputs.items()
        }

    return BenchmarkReport(len(pages), sum(aside), scored([True] * len(pages)), scored(aside))
