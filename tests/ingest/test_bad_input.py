"""Every kind of bad input becomes one Skipped entry naming the file (and line) and the problem."""

from __future__ import annotations

import codecs
import json
import os
from pathlib import Path

import pytest

from newsynth.ingest import read_paths
from newsynth.ingest.files import MAX_BYTES
from newsynth.ingest.readers import MAX_LINE_PROBLEMS
from tests.ingest.conftest import write

GOOD = "The harbour master reopened the channel on Saturday.\n"


def problems(paths: list[Path | str]) -> dict[str, str]:
    result = read_paths([str(p) for p in paths])
    return {item.origin: item.problem for item in result.skipped}


def test_binary_empty_and_undecodable_files(tmp_path: Path) -> None:
    binary = write(tmp_path / "scan.txt", b"%PDF-1.4\x00\x01\x02binary")
    empty = write(tmp_path / "empty.txt", "")
    blank = write(tmp_path / "blank.txt", "  \n\n \t\n")
    undecodable = write(tmp_path / "broken.txt", b"Harbour \xff\xfe\xc3\x28 \x80\x81")
    assert problems([binary, empty, blank, undecodable]) == {
        str(binary): "binary file, not text",
        str(empty): "empty file",
        str(blank): "empty file",
        str(undecodable): "not valid UTF-8 (bad byte at offset 8)",
    }


def test_legacy_encodings_are_detected_and_bom_files_read(tmp_path: Path) -> None:
    french = "Le capitaine du port a déclaré que le chenal était rouvert samedi après une longue nuit."
    latin = write(tmp_path / "latin.txt", french.encode("latin-1"))
    utf8_bom = write(tmp_path / "bom.txt", codecs.BOM_UTF8 + GOOD.encode())
    utf16 = write(tmp_path / "wide.txt", GOOD.encode("utf-16"))  # with its byte-order mark
    result = read_paths([str(latin), str(utf8_bom), str(utf16)])
    assert result.skipped == []
    assert [a.raw_text for a in result.articles] == [french, GOOD, GOOD]


def test_unsupported_suffixes_are_reported_not_read(tmp_path: Path) -> None:
    image = write(tmp_path / "photo.png", "not really an image but never read")
    pdf = write(tmp_path / "report.PDF", "%PDF")
    assert problems([image, pdf]) == {
        str(image): "unsupported file type '.png' (use .txt, .html, .json or .jsonl)",
        str(pdf): "unsupported file type '.pdf' (use .txt, .html, .json or .jsonl)",
    }


def test_missing_paths_broken_links_and_special_files(tmp_path: Path) -> None:
    missing = tmp_path / "nowhere.txt"
    link = tmp_path / "dangling.txt"
    link.symlink_to(tmp_path / "gone.txt")
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    assert problems([missing, link, fifo]) == {
        str(missing): "no such file or folder",
        str(link): "broken link",
        str(fifo): "not a regular file",
    }


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their permissions")
def test_unreadable_file_and_folder(tmp_path: Path) -> None:
    locked = write(tmp_path / "locked.txt", GOOD)
    locked.chmod(0)
    closed = tmp_path / "closed"
    write(closed / "inside.txt", GOOD)
    closed.chmod(0)
    try:
        assert problems([tmp_path]) == {str(locked): "permission denied", str(closed): "permission denied"}
    finally:
        locked.chmod(0o644)
        closed.chmod(0o755)


def test_too_large_file_is_refused_without_reading_it(tmp_path: Path) -> None:
    huge = tmp_path / "huge.txt"
    with huge.open("wb") as stream:
        stream.truncate(MAX_BYTES + 1)  # sparse: costs no disk space
    assert problems([huge]) == {str(huge): "too large (over 20 MB)"}


def test_invalid_json_lines_name_their_line_and_the_rest_is_read(tmp_path: Path) -> None:
    lines = [
        json.dumps({"text": "Line one is fine."}),
        "{'single': 'quotes'}",
        "",
        json.dumps({"title": "No text here"}),
        json.dumps({"text": 42}),
        json.dumps(["a", "list"]),
        json.dumps({"text": "   ", "html": ""}),
        json.dumps({"text": "Line eight is fine."}),
    ]
    path = write(tmp_path / "mixed.jsonl", "\n".join(lines) + "\n")
    result = read_paths([str(path)])
    assert [a.raw_text for a in result.articles] == ["Line one is fine.", "Line eight is fine."]
    assert {s.origin: s.problem for s in result.skipped} == {
        f"{path}:2": "invalid JSON at column 2: Expecting property name enclosed in double quotes",
        f"{path}:4": "object has no 'text' or 'html'",
        f"{path}:5": "'text' is a JSON number, not a string",
        f"{path}:6": "JSON array, expected an object",
        f"{path}:7": "'text' and 'html' are empty",
    }


def test_invalid_whole_json_file_names_line_and_column(tmp_path: Path) -> None:
    path = write(tmp_path / "story.json", '{\n  "text": "Half an object",\n  "title": \n}\n')
    assert problems([path]) == {str(path): "invalid JSON at line 4, column 1: Expecting value"}


def test_json_without_articles(tmp_path: Path) -> None:
    no_text = write(tmp_path / "a.json", json.dumps({"title": "Only a title", "url": "http://x.example"}))
    empty_array = write(tmp_path / "b.json", "[]")
    scalar = write(tmp_path / "c.json", "3")
    no_documents = write(tmp_path / "d.json", json.dumps({"id": "s1", "documents": []}))
    assert problems([tmp_path]) == {
        str(no_text): "object has no 'text' or 'html'",
        str(empty_array): "empty JSON array",
        str(scalar): "JSON number, expected an object or an array of objects",
        str(no_documents): "'documents' list is empty",
    }


def test_many_bad_lines_are_capped_with_a_count(tmp_path: Path) -> None:
    bad_lines = MAX_LINE_PROBLEMS + 5
    path = write(tmp_path / "noise.jsonl", "not json\n" * bad_lines + json.dumps({"text": "Fine."}) + "\n")
    result = read_paths([str(path)])
    assert len(result.articles) == 1
    assert len(result.skipped) == MAX_LINE_PROBLEMS + 1
    assert result.skipped[-1].problem == "5 more lines skipped for the same reasons"


def test_problems_are_single_lines(tmp_path: Path) -> None:
    write(tmp_path / "a.jsonl", '{"text": "x\n')
    write(tmp_path / "b.txt", b"\x00\x01")
    write(tmp_path / "c.json", "{\n\n")
    result = read_paths([str(tmp_path)])
    assert len(result.skipped) == 3
    assert all("\n" not in f"{s.origin}: {s.problem}" for s in result.skipped)


def test_html_page_in_its_declared_legacy_charset(tmp_path: Path) -> None:
    page = (
        '<html><head><meta charset="windows-1252"><title>Quai</title></head><body><article>'
        "<p>Le capitaine du port a déclaré que le chenal était rouvert samedi, après une nuit “agitée”.</p>"
        "</article></body></html>"
    )
    path = write(tmp_path / "quai.html", page.encode("cp1252"))
    result = read_paths([str(path)])
    assert result.skipped == []
    assert "une nuit “agitée”" in result.articles[0].raw_text
    assert result.articles[0].html == page


def test_undecodable_file_names_are_shown_escaped(tmp_path: Path) -> None:
    folder = os.fsencode(tmp_path)
    try:
        for name, content in ((b"caf\xe9.txt", GOOD.encode()), (b"vid\xe9.txt", b"")):
            with open(os.path.join(folder, name), "wb") as stream:
                stream.write(content)
    except OSError:
        pytest.skip("this file system refuses file names that are not UTF-8")
    result = read_paths([str(tmp_path)])
    assert [a.origin for a in result.articles] == [f"{tmp_path}/caf\\xe9.txt"]
    assert [(s.origin, s.problem) for s in result.skipped] == [(f"{tmp_path}/vid\\xe9.txt", "empty file")]
