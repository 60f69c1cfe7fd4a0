"""Web archives (WARC, as in Common Crawl's CC-NEWS) via warcio: the HTML responses become articles.

Only ``response`` records with a 2xx status and an HTML content type are read; requests, metadata,
redirects, images and the like are passed over silently, and a response whose page cannot be read is
one Skipped entry naming the file, the record and the problem. Records stream one at a time, so a
large archive never sits in memory.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from newsynth.ingest.files import InputError, display_path
from newsynth.ingest.metadata import normalize_date
from newsynth.ingest.responses import article_from_response, is_html
from newsynth.records import Article, Skipped

WARC_MAGIC = b"WARC/"
GZIP_MAGIC = b"\x1f\x8b"


@dataclass
class WarcCounts:
    records: int = 0  # WARC records seen
    pages: int = 0  # HTML responses made into articles
    skipped: list[Skipped] = field(default_factory=list)


def read_warcs(paths: list[str], counts: WarcCounts | None = None) -> Iterator[Article]:
    """The articles of the HTML responses in the WARC files (.warc or .warc.gz), in archive order."""
    counts = counts if counts is not None else WarcCounts()
    for name in paths:
        path = Path(name)
        if not path.is_file():
            counts.skipped.append(Skipped(display_path(path), "no such file"))
            continue
        yield from _read_warc(path, counts)


def _read_warc(path: Path, counts: WarcCounts) -> Iterator[Article]:
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    origin = display_path(path)
    try:
        with path.open("rb") as stream:
            if not stream.read(len(WARC_MAGIC)).startswith((WARC_MAGIC, GZIP_MAGIC)):
                counts.skipped.append(Skipped(origin, "not a readable WARC file (no WARC/ header)"))
                return
            stream.seek(0)
            for record in ArchiveIterator(stream):
                counts.records += 1
                article = _article(record, origin, counts)
                if article is not None:
                    counts.pages += 1
                    yield article
    except ArchiveLoadFailed as error:
        counts.skipped.append(Skipped(origin, f"not a readable WARC file ({_one_line(error)})"))
    except (OSError, EOFError, ValueError) as error:  # truncated gzip, unreadable file
        counts.skipped.append(
            Skipped(origin, f"WARC file broken after {counts.records} records ({_one_line(error)})")
        )


def _article(record, origin: str, counts: WarcCounts) -> Article | None:
    if record.rec_type != "response" or record.http_headers is None:
        return None
    status = record.http_headers.get_statuscode() or ""
    content_type = record.http_headers.get_header("Content-Type")
    if not status.startswith("2") or not is_html(content_type):
        return None
    url = record.rec_headers.get_header("WARC-Target-URI") or ""
    where = url or f"{origin}#{counts.records}"
    try:
        body = record.content_stream().read()
        return article_from_response(
            body, content_type, url, where, date=normalize_date(record.rec_headers.get_header("WARC-Date"))
        )
    except InputError as error:
        counts.skipped.append(Skipped(where, str(error)))
    except Exception as error:  # one odd record costs that record, not the archive
        counts.skipped.append(
            Skipped(where, f"unreadable record ({type(error).__name__}: {_one_line(error)})")
        )
    return None


def _one_line(error: BaseException) -> str:
    return " ".join(str(error).split())
