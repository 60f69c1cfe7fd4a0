"""Ingest: read files, folders, stdin or in-memory texts into Article records.

Interface:
    read_paths(paths) -> IngestResult          # files, folders (recursed) or "-" for stdin; never raises
    article_from_text(text, origin, **meta)    # one Article from raw page text
    articles_from_documents(documents, prefix) # Multi-News style record documents (str or dict), one each
    split_multinews(text) -> list[str]         # "|||||"-separated articles, NEWLINE_CHAR as newline

Formats: .txt (scraped page text), .html/.htm (trafilatura), .json (object, array or JSON lines),
.jsonl (JSON lines); objects carry ``text`` or ``html`` and optional url/title/outlet/date/byline, or
a Multi-News record's ``documents``. Anything unusable lands in ``IngestResult.skipped`` with a
one-line problem; the caller prints ``newsynth: skipped <origin>: <problem>``.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from newsynth.ingest.metadata import normalize_date, outlet_from_url
from newsynth.records import Article, Skipped

MULTINEWS_SEPARATOR = "|||||"
MULTINEWS_NEWLINE = "NEWLINE_CHAR"
_MULTINEWS_NEWLINE_RE = re.compile(r"[ \t]*NEWLINE_CHAR[ \t]*")
METADATA_KEYS = ("url", "outlet", "title", "date", "byline")

__all__ = [
    "IngestResult",
    "article_from_text",
    "articles_from_documents",
    "outlet_from_url",
    "read_paths",
    "split_multinews",
]


@dataclass
class IngestResult:
    articles: list[Article] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)


def article_id(origin: str, text: str) -> str:
    return hashlib.sha1(f"{origin}\n{text}".encode("utf-8", "surrogatepass")).hexdigest()[:12]


def article_from_text(text: str, origin: str, **metadata: str | None) -> Article:
    """An Article from text as a scraper saved it.

    ``metadata`` fills url, outlet, title, date, byline; the date is normalised to YYYY-MM-DD (or None)
    and a missing outlet is taken from the url's host. Fields written in the text itself (headline,
    dateline, byline) are left for the clean stage, which reads the page's lines.
    """
    unknown = set(metadata) - set(METADATA_KEYS)
    if unknown:
        raise TypeError(f"unknown article metadata: {', '.join(sorted(unknown))}")
    values = {key: metadata.get(key) or None for key in METADATA_KEYS}
    values["date"] = normalize_date(values["date"])
    values["outlet"] = values["outlet"] or outlet_from_url(values["url"])
    return Article(id=article_id(origin, text), origin=origin, raw_text=text, **values)


def split_multinews(text: str) -> list[str]:
    """The articles of a Multi-News source field: ``|||||``-separated, ``NEWLINE_CHAR`` for newlines."""
    parts = _MULTINEWS_NEWLINE_RE.sub("\n", text).split(MULTINEWS_SEPARATOR)
    return [part.strip() for part in parts if part.strip()]


def articles_from_documents(documents: Iterable[str | Mapping[str, object]], prefix: str) -> list[Article]:
    """One Article per document of a dataset record, in order (empty ones too, so positions match).

    A document is a string or an object with ``text`` (or ``html``) and optional url/outlet/title/date.
    """
    articles = []
    for position, document in enumerate(documents, start=1):
        origin = f"{prefix}#{position}"
        if isinstance(document, str):
            articles.append(article_from_text(_MULTINEWS_NEWLINE_RE.sub("\n", document), origin))
            continue
        articles.append(_article_from_mapping(document, origin))
    return articles


def _article_from_mapping(document: Mapping[str, object], origin: str) -> Article:
    metadata = {key: _optional_str(document.get(key)) for key in METADATA_KEYS}
    text = _optional_str(document.get("text")) or ""
    html = _optional_str(document.get("html"))
    if not text.strip() and html:
        from newsynth.ingest.files import InputError
        from newsynth.ingest.html import article_from_html

        try:
            return article_from_html(html, origin, **metadata)
        except InputError:
            pass
    return article_from_text(text, origin, **metadata)


def _optional_str(value: object) -> str | None:
    return str(value) if value not in (None, "") else None


def read_paths(paths: Sequence[str]) -> IngestResult:
    """Articles from files, folders (recursed, sorted, hidden files left out) and "-" for stdin.

    Never raises on bad input: each unusable file, line or document is one entry of ``skipped``.
    """
    from newsynth.ingest.readers import read_paths as _read_paths

    return _read_paths(paths)
