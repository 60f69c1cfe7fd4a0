"""Ingest: read files, folders, stdin or in-memory texts into Article records.

Interface:
    read_paths(paths) -> IngestResult          # files, folders (recursed) or "-" for stdin
    article_from_text(text, origin, **meta)    # one Article from raw page text
    articles_from_documents(documents, prefix) # Multi-News style record documents (str or dict)
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from newsynth.records import Article, Skipped

MULTINEWS_SEPARATOR = "|||||"
MULTINEWS_NEWLINE = "NEWLINE_CHAR"


@dataclass
class IngestResult:
    articles: list[Article] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)


def article_id(origin: str, text: str) -> str:
    return hashlib.sha1(f"{origin}\n{text}".encode()).hexdigest()[:12]


def article_from_text(text: str, origin: str, **metadata: str | None) -> Article:
    """An Article from text as a scraper saved it; ``metadata`` fills url, outlet, title, date, byline."""
    return Article(id=article_id(origin, text), origin=origin, raw_text=text, **metadata)


def split_multinews(text: str) -> list[str]:
    """The articles of a Multi-News source field: ``|||||``-separated, ``NEWLINE_CHAR`` for newlines."""
    parts = text.replace(MULTINEWS_NEWLINE, "\n").split(MULTINEWS_SEPARATOR)
    return [part.strip() for part in parts if part.strip()]


def articles_from_documents(documents: Iterable[str | Mapping[str, object]], prefix: str) -> list[Article]:
    """Articles from the ``documents`` of a dataset record: plain strings or objects with ``text``."""
    articles = []
    for position, document in enumerate(documents, start=1):
        origin = f"{prefix}#{position}"
        if isinstance(document, str):
            articles.append(article_from_text(document, origin))
            continue
        text = str(document.get("text") or "")
        meta = {key: _optional_str(document.get(key)) for key in ("url", "outlet", "title", "date")}
        articles.append(article_from_text(text, origin, **meta))
    return articles


def _optional_str(value: object) -> str | None:
    return str(value) if value not in (None, "") else None


def read_paths(paths: Sequence[str]) -> IngestResult:
    from newsynth.ingest.readers import read_paths as _read_paths

    return _read_paths(paths)
