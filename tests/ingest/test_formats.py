"""Each input format becomes Article records with the right text and metadata."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from newsynth.ingest import read_paths, split_multinews
from tests.ingest.conftest import write


def test_text_file_keeps_the_raw_text_for_the_clean_stage(tmp_path: Path, scraped_page: str) -> None:
    path = write(tmp_path / "echo.txt", scraped_page)
    result = read_paths([str(path)])
    assert result.skipped == []
    [article] = result.articles
    assert article.origin == str(path)
    assert article.raw_text == scraped_page  # boilerplate included: clean reads headline, byline and dateline
    assert article.html is None
    assert article.clean_text == ""


def test_windows_line_ends_become_newlines(tmp_path: Path) -> None:
    path = write(tmp_path / "crlf.txt", b"Line one.\r\nLine two.\r\n")
    [article] = read_paths([str(path)]).articles
    assert article.raw_text == "Line one.\nLine two.\n"


def test_html_page_gives_main_text_and_page_metadata(fixtures_dir: Path) -> None:
    path = fixtures_dir / "ferry-page.html"
    [article] = read_paths([str(path)]).articles
    assert article.title == "Night ferry runs aground off Pellow Point"
    assert article.outlet == "The Tidewater Gazette"
    assert article.date == "2024-02-09"
    assert article.byline == "Odile Brannagh"
    assert "All 212 passengers were taken off by lifeboat" in article.raw_text
    assert "Follow us on social media" not in article.raw_text  # page furniture left out
    assert article.html == path.read_text(encoding="utf-8")


def test_html_without_main_text_falls_back_to_baseline_extraction(tmp_path: Path) -> None:
    page = "<html><body><div class='comments'><p>Harbour pilots said the channel reopened at noon.</p></div>"
    path = write(tmp_path / "thin.html", page + "</body></html>")
    [article] = read_paths([str(path)]).articles
    assert article.raw_text.strip() == "Harbour pilots said the channel reopened at noon."


def test_html_with_no_text_at_all_is_skipped(tmp_path: Path) -> None:
    path = write(tmp_path / "blank.html", "<html><head><title>x</title></head><body></body></html>")
    result = read_paths([str(path)])
    assert result.articles == []
    assert [(s.origin, s.problem) for s in result.skipped] == [
        (str(path), "no article text found in the HTML page")
    ]


def test_json_lines_with_metadata_dates_and_outlets(fixtures_dir: Path) -> None:
    path = fixtures_dir / "ferry-articles.jsonl"
    result = read_paths([str(path)])
    assert result.skipped == []
    first, second, third = result.articles
    assert [a.origin for a in result.articles] == [f"{path}:1", f"{path}:2", f"{path}:3"]
    assert (first.outlet, first.title, first.date) == (
        "granmouth-echo.example",
        "Ferry aground off Pellow Point",
        "2024-02-09",
    )
    assert first.url == "https://www.granmouth-echo.example/news/ferry"
    assert (second.outlet, second.date) == ("Harrowby Herald", "2024-02-09")
    assert third.outlet == "coastradio.example"


def test_json_file_may_hold_one_object_an_array_or_json_lines(tmp_path: Path) -> None:
    one = {"text": "A lifeboat was launched at midnight.", "title": "Lifeboat launched"}
    write(tmp_path / "a-object.json", json.dumps(one, indent=2))
    write(tmp_path / "b-array.json", json.dumps([one, {"text": "Passengers were taken to a hall."}]))
    write(tmp_path / "c-lines.json", json.dumps(one) + "\n" + json.dumps({"text": "The tide rose."}) + "\n")
    result = read_paths([str(tmp_path)])
    assert result.skipped == []
    origins = [Path(a.origin).name for a in result.articles]
    assert origins == [
        "a-object.json",
        "b-array.json#1",
        "b-array.json#2",
        "c-lines.json:1",
        "c-lines.json:2",
    ]
    assert result.articles[0].title == "Lifeboat launched"


def test_html_inside_json_is_extracted_and_kept(fixtures_dir: Path, tmp_path: Path) -> None:
    page = (fixtures_dir / "ferry-page.html").read_text(encoding="utf-8")
    record = {"html": page, "url": "https://www.tidewater-gazette.example/ferry", "title": "Given title"}
    path = write(tmp_path / "page.jsonl", json.dumps(record) + "\n")
    [article] = read_paths([str(path)]).articles
    assert "All 212 passengers" in article.raw_text
    assert article.title == "Given title"  # the object's own fields win over the page's
    assert article.date == "2024-02-09"
    assert article.url == "https://www.tidewater-gazette.example/ferry"
    assert article.html == page


def test_multinews_dataset_records_with_documents(tmp_path: Path) -> None:
    records = [
        {
            "id": "s1",
            "documents": [{"text": "First outlet's story.", "url": "http://www.one.example/a"}, "Second."],
        },
        {"id": "s2", "document": "Part one. ||||| Part two. NEWLINE_CHAR More of part two.", "summary": "x"},
    ]
    path = write(tmp_path / "dataset.jsonl", "\n".join(json.dumps(r) for r in records) + "\n")
    result = read_paths([str(path)])
    assert result.skipped == []
    assert [a.origin for a in result.articles] == [f"{path}:1#1", f"{path}:1#2", f"{path}:2#1", f"{path}:2#2"]
    assert result.articles[0].outlet == "one.example"
    assert result.articles[3].raw_text == "Part two.\nMore of part two."


def test_multinews_text_file_is_split_with_newlines_restored(fixtures_dir: Path) -> None:
    path = fixtures_dir / "ferry-multinews.txt"
    articles = read_paths([str(path)]).articles
    assert [a.origin for a in articles] == [f"{path}#1", f"{path}#2", f"{path}#3"]
    assert articles[0].raw_text == (
        "The overnight ferry from Granmouth ran aground off Pellow Point on Friday.\n\n"
        "All 212 passengers were rescued by lifeboat."
    )
    assert articles[1].raw_text.splitlines() == [
        "Coastguards said the Saint Ivel struck a sandbank shortly after midnight.",
        "The operator has opened an inquiry.",
    ]


def test_split_multinews_drops_empty_parts() -> None:
    assert split_multinews("a NEWLINE_CHAR b ||||| ||||| c") == ["a\nb", "c"]


def test_file_without_suffix_is_sniffed(tmp_path: Path, fixtures_dir: Path) -> None:
    shutil.copy(fixtures_dir / "ferry-page.html", tmp_path / "page")
    write(tmp_path / "records", '{"text": "Sniffed as JSON."}\n')
    write(tmp_path / "notes", "Plain text about the ferry.\n")
    articles = read_paths([str(tmp_path)]).articles
    by_name = {Path(a.origin).name: a for a in articles}
    assert by_name["page"].title == "Night ferry runs aground off Pellow Point"
    assert by_name["records"].raw_text == "Sniffed as JSON."
    assert by_name["notes"].raw_text == "Plain text about the ferry.\n"


def test_article_ids_are_stable_and_distinct(fixtures_dir: Path) -> None:
    first = read_paths([str(fixtures_dir)]).articles
    again = read_paths([str(fixtures_dir)]).articles
    assert [a.id for a in first] == [a.id for a in again]
    assert len({a.id for a in first}) == len(first)


def test_json_text_given_as_a_list_of_paragraphs(tmp_path: Path) -> None:
    record = {"text": ["The ferry was refloated.", "  ", "Services resume on Monday."]}
    path = write(tmp_path / "paragraphs.json", json.dumps(record))
    [article] = read_paths([str(path)]).articles
    assert article.raw_text == "The ferry was refloated.\n\nServices resume on Monday."
