"""The render entry point."""

from __future__ import annotations

import pytest

from newsynth.records import Brief, Story
from newsynth.render import FORMATS, render


def test_every_format_renders(brief: Brief) -> None:
    for fmt in FORMATS:
        assert "Lakemoor" in render(brief, fmt)


def test_unknown_format_is_an_error(brief: Brief) -> None:
    with pytest.raises(ValueError, match="unknown format 'pdf'"):
        render(brief, "pdf")


def test_a_brief_without_articles_or_summary_still_renders() -> None:
    empty = Brief(story=Story("s", []), title="Nothing", summary=[])
    for fmt in FORMATS:
        assert "Nothing" in render(empty, fmt)
