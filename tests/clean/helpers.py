"""Invented fixture pages for the clean-stage tests (no real articles)."""

from __future__ import annotations

from pathlib import Path

from newsynth.ingest import article_from_text
from newsynth.records import Article

FIXTURES = Path(__file__).parent / "fixtures"
STORY = FIXTURES / "story"
JUNK = FIXTURES / "junk"

STORY_URLS = {
    "courier": "https://www.lowmerecourier.example/news/ferry-aground",
    "bayline": "https://baylinenews.example/2021/03/ferry-grounds",
    "harbourwire": "https://harbourwire.example/ferry",
}


def fixture_article(path: Path, url: str | None = None, **metadata: str | None) -> Article:
    return article_from_text(path.read_text(encoding="utf-8"), str(path), url=url, **metadata)


def story_articles() -> list[Article]:
    return [fixture_article(STORY / f"{name}.txt", url) for name, url in STORY_URLS.items()]


def removed_reasons(article: Article) -> dict[str, str]:
    return {removed.text: removed.reason for removed in article.removed_lines}
