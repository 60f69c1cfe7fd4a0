"""The bundled example story reads cleanly: five articles, metadata from the HTML page, a wire copy."""

from __future__ import annotations

from pathlib import Path

from newsynth.ingest import read_paths


def test_example_story_is_read_without_problems(example_dir: Path) -> None:
    result = read_paths([str(example_dir)])
    assert result.skipped == []
    assert len(result.articles) == 5
    assert [Path(a.origin).suffix for a in result.articles] == [".txt", ".txt", ".html", ".txt", ".txt"]
    assert all(250 <= len(a.raw_text.split()) <= 520 for a in result.articles)


def test_example_html_metadata(example_dir: Path) -> None:
    [page] = [a for a in read_paths([str(example_dir)]).articles if a.origin.endswith(".html")]
    assert page.title == "Storm topples ship-to-shore crane at Calderhaven's Wexmoor terminal"
    assert page.outlet == "Harbour & Freight Today"
    assert page.date == "2025-10-14"
    assert page.byline == "Petra Lindqvist-Obi"
    assert page.url and page.url.startswith("https://www.harbourfreighttoday.example/")
    assert "Sign up with your work email" not in page.raw_text


def test_example_has_a_wire_copy_and_a_contradiction(example_dir: Path) -> None:
    articles = read_paths([str(example_dir)]).articles
    wire, copy = articles[1].raw_text, articles[4].raw_text
    shared = set(wire.splitlines()) & set(copy.splitlines())
    assert len([line for line in shared if len(line.split()) > 15]) >= 4
    injured = [("three" in a.raw_text.lower(), "four workers" in a.raw_text.lower()) for a in articles]
    assert any(three and not four for three, four in injured)
    assert any(four for _, four in injured)
