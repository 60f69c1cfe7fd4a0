"""The article-extraction benchmark's metric, and the labels of its pages' lines.

Metric (the benchmark's own): tokens are ``\\w+`` runs; each text is the multiset of its 4-token
shingles; per page TP, FP and FN are shared, predicted-only and truth-only shingles, divided by their
sum; precision and recall come from the page averages of the three, F1 from those two.

Line labels: a line of a page is article content when at least half of its tokens lie in runs of
``MIN_RUN`` or more tokens that match the hand-made article body in order (difflib's longest matching
blocks between the page's token sequence and the body's). Lines of the body broken differently on
the page still match, and a lone word ("Photos", "Share") that also occurs in the body does not.
"""

from __future__ import annotations

import difflib
import gzip
import json
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

TOKEN = re.compile(r"\w+")
SHINGLE = 4
MIN_RUN = 4
CONTENT_SHARE = 0.5


def f1_score(precision: float, recall: float) -> float:
    total = precision + recall
    return 2 * precision * recall / total if total else 0.0


@dataclass(frozen=True)
class ExtractionScore:
    precision: float
    recall: float
    pages: int

    @property
    def f1(self) -> float:
        return f1_score(self.precision, self.recall)

    def as_dict(self) -> dict[str, float | int]:
        return {
            "f1": round(self.f1, 4),
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "pages": self.pages,
        }


def shingles(text: str) -> Counter[str]:
    tokens = TOKEN.findall(text or "")
    return Counter(
        " ".join(tokens[i : i + SHINGLE]) for i in range(max(1, len(tokens) - SHINGLE + 1)) if tokens
    )


def page_counts(truth: str, predicted: str) -> tuple[float, float, float]:
    """Normalised (TP, FP, FN) of one page."""
    true, found = shingles(truth), shingles(predicted)
    tp = sum((true & found).values())
    fp = sum((found - true).values())
    fn = sum((true - found).values())
    total = tp + fp + fn
    return (tp / total, fp / total, fn / total) if total else (0.0, 0.0, 0.0)


def extraction_score(pairs: Iterable[tuple[str, str]]) -> ExtractionScore:
    """The benchmark's figures over (truth, predicted) texts, one pair per page."""
    counts = [page_counts(truth, predicted) for truth, predicted in pairs]
    if not counts:
        return ExtractionScore(0.0, 0.0, 0)
    tp, fp, fn = (sum(column) / len(counts) for column in zip(*counts, strict=True))
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    return ExtractionScore(precision, recall, len(counts))


def content_lines(lines: Sequence[str], body: str) -> list[bool]:
    """Per line: whether it is article content by the body (see the module's docstring)."""
    tokens: list[str] = []
    owner: list[int] = []
    for index, line in enumerate(lines):
        found = TOKEN.findall(line)
        tokens += found
        owner += [index] * len(found)
    matcher = difflib.SequenceMatcher(None, tokens, TOKEN.findall(body), autojunk=False)
    matched = [0] * len(lines)
    for start, _, size in matcher.get_matching_blocks():
        if size >= MIN_RUN:
            for position in range(start, start + size):
                matched[owner[position]] += 1
    totals = Counter(owner)
    return [bool(totals[i]) and matched[i] >= CONTENT_SHARE * totals[i] for i in range(len(lines))]


def read_pages(path: str | Path) -> list[dict[str, str]]:
    """The benchmark pages of a JSON-lines file (gzipped when it ends in .gz)."""
    path = Path(path)
    opener = gzip.open if path.suffix == ".gz" else open
    pages = []
    with opener(path, "rt", encoding="utf-8") as handle:
        for number, raw in enumerate(handle, start=1):
            if not raw.strip():
                continue
            try:
                page = json.loads(raw)
            except json.JSONDecodeError as error:
                raise ValueError(f"{path}: line {number}: invalid JSON ({error.msg})") from None
            if not isinstance(page, dict) or not isinstance(page.get("article_body"), str):
                raise ValueError(f"{path}: line {number}: not a benchmark page (no article_body)")
            pages.append(
                {key: str(page.get(key) or "") for key in ("id", "url", "page_text", "html", "article_body")}
            )
    return pages


# -- systems on the benchmark's two inputs ---------------------------------------------------------


def newsynth_text(page: dict[str, str]) -> str:
    """The clean stage on the page text as a scraper saved it."""
    from newsynth.clean import clean_articles
    from newsynth.ingest import article_from_text

    (article,) = clean_articles([article_from_text(page["page_text"], page["id"], url=page["url"] or None)])
    return article.clean_text


def newsynth_html(page: dict[str, str]) -> str:
    """ingest (trafilatura) and the clean stage on the HTML."""
    from newsynth.clean import clean_articles
    from newsynth.ingest.html import article_from_html

    (article,) = clean_articles([article_from_html(page["html"], page["id"], url=page["url"] or None)])
    return article.clean_text


def trafilatura_html(page: dict[str, str]) -> str:
    """trafilatura alone, with the settings ingest uses."""
    from newsynth.ingest.html import extract_page

    return extract_page(page["html"], page["url"] or None).get("text", "")


def justext_html(page: dict[str, str]) -> str:
    return justext_paragraphs(page["html"])


def justext_text(page: dict[str, str]) -> str:
    """jusText with each line of the page text given as one paragraph."""
    import html

    lines = [line.strip() for line in page["page_text"].splitlines() if line.strip()]
    return justext_paragraphs("<html><body>" + "".join(f"<p>{html.escape(line)}</p>" for line in lines))


def justext_paragraphs(html: str) -> str:
    import justext

    try:
        paragraphs = justext.justext(html.encode("utf-8"), justext.get_stoplist("English"))
    except Exception:  # jusText raises on pages lxml cannot parse: nothing extracted
        return ""
    return "\n".join(paragraph.text for paragraph in paragraphs if not paragraph.is_boilerplate)


# (name, input, system); "none" is the input itself: the page text, as the benchmark's html-text is.
BENCHMARK_SYSTEMS = [
    ("none", "text", lambda page: page["page_text"]),
    ("justext", "text", justext_text),
    ("newsynth", "text", newsynth_text),
    ("trafilatura", "html", trafilatura_html),
    ("justext", "html", justext_html),
    ("newsynth", "html", newsynth_html),
]
