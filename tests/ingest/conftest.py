"""Fixture files for the ingest tests: invented pages about an invented ferry grounding."""

from __future__ import annotations

from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures"

SCRAPED_PAGE = """GRANMOUTH ECHO

Skip to content
News | Sport | What's On | Property

Page rendered 09/02/2024 08:15:02

Ferry passengers rescued after grounding off Pellow Point

9 February 2024

By Ruth Calloway

(Photo: Granmouth Echo/Ivo Penrose) The Saint Ivel on the sandbank at first light.

The overnight ferry from Granmouth ran aground off Pellow Point shortly after midnight on Friday.
All 212 passengers were brought ashore by lifeboat crews before dawn, the coastguard said.

Share this article

Sign up to our newsletter
"""


@pytest.fixture
def fixtures_dir() -> Path:
    return FIXTURES


@pytest.fixture
def scraped_page() -> str:
    return SCRAPED_PAGE


def write(path: Path, content: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path
