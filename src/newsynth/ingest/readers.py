"""Readers per input format. Each returns Articles or raises InputError naming the problem."""

from __future__ import annotations

import json
import sys
from collections.abc import Sequence
from pathlib import Path

from newsynth.ingest import (
    MULTINEWS_SEPARATOR,
    IngestResult,
    article_from_text,
    articles_from_documents,
    split_multinews,
)
from newsynth.records import Article, Skipped

TEXT_SUFFIXES = {".txt", ".text", ""}
HTML_SUFFIXES = {".html", ".htm"}
JSON_SUFFIXES = {".json", ".jsonl", ".ndjson"}


class InputError(Exception):
    """A file that cannot be used, with a message naming the problem."""


def read_paths(paths: Sequence[str]) -> IngestResult:
    result = IngestResult()
    for path in paths:
        if path == "-":
            _read_into(result, "<stdin>", lambda: read_text_articles(sys.stdin.read(), "<stdin>"))
            continue
        for file in expand(Path(path), result):
            _read_into(result, str(file), lambda file=file: read_file(file, result))
    return result


def _read_into(result: IngestResult, origin: str, read) -> None:
    try:
        result.articles.extend(read())
    except InputError as error:
        result.skipped.append(Skipped(origin=origin, problem=str(error)))


def expand(path: Path, result: IngestResult) -> list[Path]:
    if path.is_dir():
        return sorted(p for p in path.rglob("*") if p.is_file() and not p.name.startswith("."))
    if not path.exists():
        result.skipped.append(Skipped(origin=str(path), problem="no such file or folder"))
        return []
    return [path]


def read_file(path: Path, result: IngestResult) -> list[Article]:
    text = decode(path)
    suffix = path.suffix.lower()
    if suffix in HTML_SUFFIXES:
        return [read_html_article(text, str(path))]
    if suffix in JSON_SUFFIXES:
        return read_json_articles(text, str(path), result)
    return read_text_articles(text, str(path))


def decode(path: Path) -> str:
    try:
        data = path.read_bytes()
    except OSError as error:
        raise InputError(f"cannot read: {error.strerror or error}") from error
    if b"\x00" in data[:4096]:
        raise InputError("binary file, not text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise InputError(f"not valid UTF-8 (byte {error.start})") from error
    if not text.strip():
        raise InputError("empty file")
    return text


def read_text_articles(text: str, origin: str) -> list[Article]:
    if not text.strip():
        raise InputError("empty input")
    if MULTINEWS_SEPARATOR in text:
        parts = split_multinews(text)
        return [article_from_text(part, f"{origin}#{i}") for i, part in enumerate(parts, start=1)]
    return [article_from_text(text.replace("\r\n", "\n"), origin)]


def read_html_article(html: str, origin: str) -> Article:
    from newsynth.ingest.html import article_from_html

    return article_from_html(html, origin)


def read_json_articles(text: str, origin: str, result: IngestResult) -> list[Article]:
    stripped = text.lstrip()
    if stripped.startswith("["):
        try:
            records = json.loads(text)
        except json.JSONDecodeError as error:
            raise InputError(f"invalid JSON at line {error.lineno}: {error.msg}") from error
        return [a for i, r in enumerate(records, 1) for a in _json_record(r, f"{origin}:{i}", result)]
    articles: list[Article] = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as error:
            result.skipped.append(Skipped(f"{origin}:{number}", f"invalid JSON: {error.msg}"))
            continue
        articles.extend(_json_record(record, f"{origin}:{number}", result))
    return articles


def _json_record(record: object, origin: str, result: IngestResult) -> list[Article]:
    if not isinstance(record, dict):
        result.skipped.append(Skipped(origin, "not a JSON object"))
        return []
    if "documents" in record and isinstance(record["documents"], list):
        return articles_from_documents(record["documents"], str(record.get("id") or origin))
    if record.get("html"):
        article = read_html_article(str(record["html"]), str(record.get("url") or origin))
        return [article]
    if not str(record.get("text") or "").strip():
        result.skipped.append(Skipped(origin, "object has no 'text' or 'html'"))
        return []
    meta = {k: (str(record[k]) if record.get(k) else None) for k in ("url", "title", "outlet", "date")}
    return [article_from_text(str(record["text"]), origin, **meta)]
