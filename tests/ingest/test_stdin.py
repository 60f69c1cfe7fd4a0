"""`-` reads stdin once, sniffing plain text, Multi-News text, JSON lines and HTML."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import pytest

from newsynth.ingest import read_paths


def feed(monkeypatch: pytest.MonkeyPatch, data: bytes) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))


def test_plain_text(monkeypatch: pytest.MonkeyPatch) -> None:
    feed(monkeypatch, b"The ferry was refloated at high tide.\n")
    [article] = read_paths(["-"]).articles
    assert (article.origin, article.raw_text) == ("<stdin>", "The ferry was refloated at high tide.\n")


def test_multinews_text(monkeypatch: pytest.MonkeyPatch) -> None:
    feed(monkeypatch, b"First report. NEWLINE_CHAR Second line. ||||| Second report.")
    articles = read_paths(["-"]).articles
    assert [(a.origin, a.raw_text) for a in articles] == [
        ("<stdin>#1", "First report.\nSecond line."),
        ("<stdin>#2", "Second report."),
    ]


def test_json_lines_with_a_bad_line(monkeypatch: pytest.MonkeyPatch) -> None:
    lines = [json.dumps({"text": "One."}), "{oops", json.dumps({"text": "Three.", "outlet": "Bay FM"})]
    feed(monkeypatch, "\n".join(lines).encode())
    result = read_paths(["-"])
    assert [(a.origin, a.outlet) for a in result.articles] == [("<stdin>:1", None), ("<stdin>:3", "Bay FM")]
    assert [(s.origin, s.problem) for s in result.skipped] == [
        ("<stdin>:2", "invalid JSON at column 2: Expecting property name enclosed in double quotes")
    ]


def test_html_page(monkeypatch: pytest.MonkeyPatch, fixtures_dir: Path) -> None:
    feed(monkeypatch, (fixtures_dir / "ferry-page.html").read_bytes())
    [article] = read_paths(["-"]).articles
    assert article.title == "Night ferry runs aground off Pellow Point"


def test_text_starting_with_a_bracket_is_not_json(monkeypatch: pytest.MonkeyPatch) -> None:
    feed(monkeypatch, b"[Updated] The ferry was refloated.\n")
    [article] = read_paths(["-"]).articles
    assert article.raw_text == "[Updated] The ferry was refloated.\n"


def test_empty_and_binary_stdin_are_reported(monkeypatch: pytest.MonkeyPatch) -> None:
    feed(monkeypatch, b"")
    assert [(s.origin, s.problem) for s in read_paths(["-"]).skipped] == [("<stdin>", "empty input")]
    feed(monkeypatch, b"\x00\x01\x02")
    assert [(s.origin, s.problem) for s in read_paths(["-"]).skipped] == [
        ("<stdin>", "binary file, not text")
    ]


def test_dash_twice_reads_stdin_once(monkeypatch: pytest.MonkeyPatch) -> None:
    feed(monkeypatch, b"Only one article.\n")
    result = read_paths(["-", "-"])
    assert len(result.articles) == 1
    assert result.skipped == []


def test_closed_stdin_is_reported(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", None)
    result = read_paths(["-"])
    assert [(s.origin, s.problem) for s in result.skipped] == [("<stdin>", "no standard input to read")]
