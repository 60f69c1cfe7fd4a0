"""Readers per input format. Problems become Skipped entries naming the file (and line); nothing raises."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

from newsynth.ingest import (
    MULTINEWS_SEPARATOR,
    IngestResult,
    article_from_text,
    split_multinews,
)
from newsynth.ingest.files import (
    FolderProblem,
    InputError,
    decode_text,
    display_path,
    files_under,
    iter_nonblank_lines,
    read_limited,
    read_stream_limited,
)
from newsynth.ingest.html import article_from_html, looks_like_html
from newsynth.ingest.metadata import normalize_date
from newsynth.records import Article, Skipped

STDIN = "<stdin>"
TEXT_SUFFIXES = {".txt", ".text"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml", ".shtml"}
JSON_SUFFIXES = {".json"}
JSON_LINES_SUFFIXES = {".jsonl", ".ndjson"}
SUPPORTED_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSON_SUFFIXES | JSON_LINES_SUFFIXES
MAX_LINE_PROBLEMS = 10  # per file; then one line says how many more
JSON_TEXT_FIELDS = ("url", "outlet", "title", "byline")

__all__ = ["InputError", "read_paths", "read_text"]


def read_paths(paths: Sequence[str]) -> IngestResult:
    """Articles from files, folders (recursed, sorted, hidden files left out) and "-" for stdin."""
    result = IngestResult()
    seen: set[Path] = set()
    for path in paths:
        if path == "-":
            _read_stdin(result)
            continue
        for file in _expand(Path(path), result):
            key = file.resolve()
            if key not in seen:
                seen.add(key)
                _collect(result, display_path(file), lambda file=file: read_file(file))
    return result


def _read_stdin(result: IngestResult) -> None:
    if any(article.origin.startswith(STDIN) for article in result.articles) or any(
        item.origin.startswith(STDIN) for item in result.skipped
    ):
        return  # stdin can be read once; "-" given twice means the same input

    def read() -> tuple[list[Article], list[Skipped]]:
        stream = getattr(sys.stdin, "buffer", None)
        data = read_stream_limited(stream) if stream is not None else sys.stdin.read().encode()
        return read_text(decode_text(data), STDIN, kind=None)

    _collect(result, STDIN, read)


def _collect(
    result: IngestResult, origin: str, read: Callable[[], tuple[list[Article], list[Skipped]]]
) -> None:
    try:
        articles, problems = read()
    except InputError as error:
        result.skipped.append(Skipped(origin=origin, problem=str(error)))
        return
    except Exception as error:  # a bug or an odd file must cost one file, not the whole run
        problem = " ".join(f"unexpected error while reading ({type(error).__name__}: {error})".split())
        result.skipped.append(Skipped(origin=origin, problem=problem))
        return
    result.articles.extend(articles)
    result.skipped.extend(problems)
    if not articles and not problems:
        result.skipped.append(Skipped(origin=origin, problem="no article in it"))


def _expand(path: Path, result: IngestResult) -> list[Path]:
    if path.is_dir():
        problems: list[FolderProblem] = []
        files = files_under(path, problems)
        result.skipped.extend(Skipped(origin=item.path, problem=item.problem) for item in problems)
        if not files and not problems:
            result.skipped.append(Skipped(origin=display_path(path), problem="folder has no files"))
        return files
    if not path.exists():
        problem = "broken link" if path.is_symlink() else "no such file or folder"
        result.skipped.append(Skipped(origin=display_path(path), problem=problem))
        return []
    return [path]


def read_file(path: Path) -> tuple[list[Article], list[Skipped]]:
    """The articles of one file, chosen by its suffix, and the problems of parts of it (JSON lines)."""
    suffix = path.suffix.lower()
    if suffix and suffix not in SUPPORTED_SUFFIXES:
        raise InputError(f"unsupported file type '{suffix}' (use .txt, .html, .json or .jsonl)")
    text = decode_text(read_limited(path))
    kind = {**dict.fromkeys(TEXT_SUFFIXES, "text"), **dict.fromkeys(HTML_SUFFIXES, "html")}.get(suffix)
    if suffix in JSON_SUFFIXES:
        kind = "json"
    elif suffix in JSON_LINES_SUFFIXES:
        kind = "jsonl"
    return read_text(text, display_path(path), kind=kind)


def read_text(text: str, origin: str, kind: str | None) -> tuple[list[Article], list[Skipped]]:
    """Articles from decoded text of a known kind ("text", "html", "json", "jsonl"), or sniffed when None."""
    if not text.strip():
        raise InputError("empty input")
    kind = kind or sniff_kind(text)
    if kind == "html":
        return [article_from_html(text, origin)], []
    if kind in ("json", "jsonl"):
        return read_json(text, origin, lines_only=kind == "jsonl")
    return read_plain_text(text, origin), []


def sniff_kind(text: str) -> str:
    """What a text without a file suffix holds: JSON, an HTML page, or plain (maybe Multi-News) text."""
    if looks_like_html(text):
        return "html"
    if text.lstrip()[:1] in ("{", "[") and (_parses(text) or _parses(_first_line(text))):
        return "json"
    return "text"


def _parses(text: str) -> bool:
    try:
        json.loads(text)
    except ValueError:
        return False
    return True


def _first_line(text: str) -> str:
    return next((line for _, line in iter_nonblank_lines(text)), "")


def read_plain_text(text: str, origin: str) -> list[Article]:
    """Text as a scraper saved it; Multi-News style text becomes one article per ``|||||`` part."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if MULTINEWS_SEPARATOR in text or "NEWLINE_CHAR" in text:
        parts = split_multinews(text)
        if not parts:
            raise InputError("Multi-News text with no article between the separators")
        if len(parts) > 1:
            return [article_from_text(part, f"{origin}#{n}") for n, part in enumerate(parts, start=1)]
        text = parts[0]
    return [article_from_text(text, origin)]


# JSON ----------------------------------------------------------------------------------------------


def read_json(text: str, origin: str, *, lines_only: bool = False) -> tuple[list[Article], list[Skipped]]:
    """One object, an array of objects, or JSON lines (one object a line)."""
    if not lines_only:
        try:
            whole = json.loads(text)
        except ValueError as error:
            if not _parses(_first_line(text)):
                raise InputError(_json_problem(error)) from error
        else:
            return _read_json_value(whole, origin)
    return _read_json_lines(text, origin)


def _read_json_value(value: object, origin: str) -> tuple[list[Article], list[Skipped]]:
    if isinstance(value, list):
        if not value:
            raise InputError("empty JSON array")
        return _read_records(((f"{origin}#{n}", item) for n, item in enumerate(value, start=1)))
    if isinstance(value, dict):
        return _read_records([(origin, value)], whole_file=True)
    raise InputError(f"JSON {type(value).__name__}, expected an object or an array of objects")


def _read_json_lines(text: str, origin: str) -> tuple[list[Article], list[Skipped]]:
    records: list[tuple[str, object]] = []
    problems: list[Skipped] = []
    for number, line in iter_nonblank_lines(text):
        try:
            records.append((f"{origin}:{number}", json.loads(line)))
        except ValueError as error:
            problems.append(Skipped(f"{origin}:{number}", _json_problem(error, line_number=False)))
    articles, record_problems = _read_records(records)
    return articles, _capped(problems + record_problems, origin)


def _json_problem(error: ValueError, *, line_number: bool = True) -> str:
    if isinstance(error, json.JSONDecodeError):
        where = (
            f" at line {error.lineno}, column {error.colno}" if line_number else f" at column {error.colno}"
        )
        return f"invalid JSON{where}: {error.msg}"
    return f"invalid JSON: {error}"


def _capped(problems: list[Skipped], origin: str) -> list[Skipped]:
    if len(problems) <= MAX_LINE_PROBLEMS:
        return problems
    more = len(problems) - MAX_LINE_PROBLEMS
    return [*problems[:MAX_LINE_PROBLEMS], Skipped(origin, f"{more} more lines skipped for the same reasons")]


def _read_records(
    records: Iterable[tuple[str, object]], *, whole_file: bool = False
) -> tuple[list[Article], list[Skipped]]:
    articles: list[Article] = []
    problems: list[Skipped] = []
    for origin, record in records:
        try:
            found, record_problems = read_json_record(record, origin)
        except InputError as error:
            if whole_file:
                raise
            problems.append(Skipped(origin, str(error)))
            continue
        articles.extend(found)
        problems.extend(record_problems)
    return articles, problems


def read_json_record(record: object, origin: str) -> tuple[list[Article], list[Skipped]]:
    """An article object (``text`` or ``html``) or a Multi-News record (``documents`` or ``document``)."""
    if not isinstance(record, dict):
        raise InputError(f"JSON {type(record).__name__}, expected an object")
    if isinstance(record.get("documents"), list):
        return _documents(record["documents"], origin)
    if isinstance(record.get("document"), str) and "text" not in record:
        return read_plain_text_checked(record["document"], origin)
    return [article_from_record(record, origin)], []


def read_plain_text_checked(text: str, origin: str) -> tuple[list[Article], list[Skipped]]:
    if not text.strip():
        raise InputError("'document' is empty")
    return read_plain_text(text, origin), []


def _documents(documents: list[object], origin: str) -> tuple[list[Article], list[Skipped]]:
    if not documents:
        raise InputError("'documents' list is empty")
    articles: list[Article] = []
    problems: list[Skipped] = []
    for number, document in enumerate(documents, start=1):
        where = f"{origin}#{number}"
        try:
            if isinstance(document, str):
                if not document.strip():
                    raise InputError("empty document")
                articles.extend(read_plain_text(document, where))
            else:
                articles.append(article_from_record(document, where))
        except InputError as error:
            problems.append(Skipped(where, str(error)))
    return articles, problems


def article_from_record(record: object, origin: str) -> Article:
    """One article from an object with ``text`` or ``html`` and optional url, title, outlet, date, byline."""
    if not isinstance(record, dict):
        raise InputError(f"JSON {type(record).__name__}, expected an object")
    metadata = {key: _text_field(record, key) for key in JSON_TEXT_FIELDS}
    metadata["date"] = normalize_date(record.get("date"))
    metadata = {key: value for key, value in metadata.items() if value}
    text, html = record.get("text"), record.get("html")
    if isinstance(text, str) and text.strip():
        article = article_from_text(text.replace("\r\n", "\n"), origin, **metadata)
        if isinstance(html, str) and html.strip():
            article.html = html
        return article
    if isinstance(html, str) and html.strip():
        return article_from_html(html, origin, **metadata)
    if text is not None and not isinstance(text, str):
        raise InputError(f"'text' is a JSON {type(text).__name__}, not a string")
    if text is not None or html is not None:
        raise InputError("'text' and 'html' are empty")
    raise InputError("object has no 'text' or 'html'")


def _text_field(record: dict, key: str) -> str | None:
    value = record.get(key)
    if key == "byline" and value is None:
        value = record.get("author")
    if isinstance(value, str) and value.strip():
        return value.strip()
    return None
