"""WARC input: the HTML responses of an archive become articles; everything else is passed over."""

from __future__ import annotations

import subprocess
import sys
from io import BytesIO
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from newsynth.ingest.warc import WarcCounts, read_warcs
from newsynth.store import ArticleStore

PAGES = {
    "https://fenmoor-gazette.example/news/lock-gates": (
        "Fenmoor Gazette",
        "Lock gates fail on the Fenmoor canal",
        "The upper lock gates at Pellin Cut on the Fenmoor canal gave way on Saturday night, draining a "
        "two-mile stretch of water and leaving eleven narrowboats resting on the mud. The Waterways Trust "
        "said nobody was hurt and that divers would inspect the timber gates on Monday.",
    ),
    "https://marsh-radio.example/local/pellin-cut": (
        "Marsh Radio",
        "Narrowboats stranded as canal drains at Pellin Cut",
        "Eleven narrowboats were left stranded on the bed of the Fenmoor canal after the lock gates at "
        "Pellin Cut failed late on Saturday. The Waterways Trust said divers would inspect the gates on "
        "Monday and that the stretch could stay dry for a fortnight.",
    ),
}


def page(outlet: str, title: str, text: str) -> bytes:
    return (
        f'<html><head><title>{title}</title><meta property="og:site_name" content="{outlet}"></head>'
        f"<body><article><h1>{title}</h1><p>{text}</p></article></body></html>"
    ).encode()


def write_warc(path: Path, *, gzip: bool = True) -> Path:
    with path.open("wb") as stream:
        writer = WARCWriter(stream, gzip=gzip)
        for url, (outlet, title, text) in PAGES.items():
            writer.write_record(
                writer.create_warc_record(url, "request", payload=BytesIO(b"GET / HTTP/1.1\r\n\r\n"))
            )
            record(writer, url, "200 OK", "text/html; charset=utf-8", page(outlet, title, text))
        record(writer, "https://fenmoor-gazette.example/logo.png", "200 OK", "image/png", b"\x89PNG\r\n")
        record(writer, "https://fenmoor-gazette.example/old", "301 Moved", "text/html", b"<html>moved</html>")
        record(
            writer,
            "https://fenmoor-gazette.example/blank",
            "200 OK",
            "text/html",
            b"<html><body></body></html>",
        )
    return path


def record(writer: WARCWriter, url: str, status: str, content_type: str, body: bytes) -> None:
    headers = StatusAndHeaders(status, [("Content-Type", content_type)], protocol="HTTP/1.1")
    warc_headers = {"WARC-Date": "2031-06-07T10:00:00Z"}
    made = writer.create_warc_record(url, "response", payload=BytesIO(body), http_headers=headers)
    made.rec_headers.replace_header("WARC-Date", warc_headers["WARC-Date"])
    writer.write_record(made)


def test_html_responses_become_articles_with_their_url_outlet_and_date(tmp_path: Path) -> None:
    counts = WarcCounts()
    articles = list(read_warcs([str(write_warc(tmp_path / "crawl.warc.gz"))], counts))
    assert [a.url for a in articles] == list(PAGES)
    assert [a.outlet for a in articles] == ["Fenmoor Gazette", "Marsh Radio"]
    assert all(a.date == "2031-06-07" for a in articles)  # the crawl date, as the pages carry none
    assert "eleven narrowboats" in articles[0].raw_text
    assert counts.records == 7 and counts.pages == 2
    assert [item.problem for item in counts.skipped] == ["no article text found in the HTML page"]


def test_ingest_warc_adds_the_pages_to_a_store(tmp_path: Path) -> None:
    warc = write_warc(tmp_path / "crawl.warc", gzip=False)
    store = tmp_path / "store.sqlite"
    done = newsynth("ingest", "--warc", str(warc), "--store", str(store))
    assert done.returncode == 0, done.stderr
    assert "added 2 articles" in done.stdout and "1 stories" in done.stdout
    assert "newsynth: skipped https://fenmoor-gazette.example/blank: no article text" in done.stderr
    with ArticleStore(store) as reopened:
        assert reopened.article_count == 2


def test_a_file_that_is_not_a_warc_is_named_and_nothing_is_written(tmp_path: Path) -> None:
    bogus = tmp_path / "notes.warc"
    bogus.write_text("just some notes, not an archive\n")
    store = tmp_path / "store.sqlite"
    done = newsynth("ingest", "--warc", str(bogus), "--store", str(store))
    assert done.returncode == 1 and not store.exists()
    assert f"newsynth: skipped {bogus}: not a readable WARC file" in done.stderr


def newsynth(*arguments: str) -> subprocess.CompletedProcess:
    command = [sys.executable, "-m", "newsynth.cli", *arguments]
    return subprocess.run(command, capture_output=True, text=True, timeout=120)
