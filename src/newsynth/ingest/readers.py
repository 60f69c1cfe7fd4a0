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
# What a file holds, by suffix; files without a suffix are sniffed like stdin.
SUFFIX_KINDS = {
    ".txt": "text",
    ".text": "text",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".shtml": "html",
    ".json": "json",  # one object, an array of objects, or JSON lines
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
}
MAX_LINE_PROBLEMS = 10  # per file; then one line says how many more
JSON_TEXT_FIELDS = ("url", "outlet", "title", "byline")

__all__ = ["InputError", "read_file", "read_paths", "read_stdin", "read_text"]


def read_paths(paths: Sequence[str]) -> IngestResult:
    """Articles from files, folders (recursed, sorted, hidden files left out) and "-" for stdin."""
    result = IngestResult()
    seen: set[Path] = set()
    stdin_read = False
    for path in paths:
        if path == "-":
            if not stdin_read:  # "-" given twice means the same, already consumed input
                _collect(result, STDIN, read_stdin)
            stdin_read = True
            continue
        for file in _expand(Path(path), result):
            key = file.resolve()
            if key not in seen:
                seen.add(key)
                _collect(result, display_path(file), lambda file=file: read_file(file))
    return result


def read_stdin() -> tuple[list[Article], list[Skipped]]:
    """Standard input, whose kind (text, Multi-News, JSON, HTML) is sniffed from its content."""
    if sys.stdin is None or sys.stdin.closed:
        raise InputError("no standard input to read")
    stream = getattr(sys.stdin, "buffer", None)
    data = read_stream_limited(stream) if stream is not None else sys.stdin.read().encode()
    if not data.strip():
        raise InputError("empty input")
    return read_text(decode_text(data), STDIN, kind=None)


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
    if suffix and suffix not in SUFFIX_KINDS:
        raise InputError(f"unsupported file type '{suffix}' (use .txt, .html, .json or .jsonl)")
    return read_text(decode_text(read_limited(path)), display_path(path), kind=SUFFIX_KINDS.get(suffix))


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
    raise InputError(f"JSON {json_type(value)}, expected an object or an array of objects")


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
        raise InputError(f"JSON {json_type(record)}, expected an object")
    if isinstance(record.get("documents"), list):
        return _documents(record["documents"], origin)
    if isinstance(record.get("document"), str) and "text" not in record:  # Multi-News "|||||" source field
        if not record["document"].strip():
            raise InputError("'document' is empty")
        return read_plain_text(record["document"], origin), []
    return [article_from_record(record, origin)], []


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
        raise InputError(f"JSON {json_type(record)}, expected an object")
    metadata = {key: _text_field(record, key) for key in JSON_TEXT_FIELDS}
    metadata["date"] = normalize_date(record.get("date"))
    metadata = {key: value for key, value in metadata.items() if value}
    text, html = _paragraphs_joined(record.get("text")), record.get("html")
    if isinstance(text, str) and text.strip():
        article = article_from_text(text.replace("\r\n", "\n"), origin, **metadata)
        if isinstance(html, str) and html.strip():
            article.html = html
        return article
    if isinstance(html, str) and html.strip():
        return article_from_html(html, origin, **metadata)
    if text is not None and not isinstance(text, str):
        raise InputError(f"'text' is a JSON {json_type(text)}, not a string")
    if text is not None or html is not None:
        raise InputError("'text' and 'html' are empty")
    raise InputError("object has no 'text' or 'html'")


def _paragraphs_joined(text: object) -> object:
    """Some exports store the text as a list of paragraphs."""
    if isinstance(text, list) and text and all(isinstance(part, str) for part in text):
        return "\n\n".join(part.strip() for part in text if part.strip())
    return text


def json_type(value: object) -> str:
    """The JSON name of a parsed value's type, for messages."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int | float):
        return "number"
    return {dict: "object", list: "array", str: "string"}.get(type(value), type(value).__name__)


def _text_field(record: dict, key: str) -> str | None:
    value = record.get(key)
    if key == "byline" and value is None:
        value = record.get("author")
    if isinstance(value, str) and value.strip():
        return value.strip()
    return None
