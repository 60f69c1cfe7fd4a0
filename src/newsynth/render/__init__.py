"""Render: a Brief as Markdown, JSON or one self-contained HTML page.

Interface:
    render(brief, fmt) -> str        # fmt in FORMATS
"""

from __future__ import annotations

from newsynth.records import Brief

FORMATS = ("md", "json", "html")


def render(brief: Brief, fmt: str = "md") -> str:
    if fmt == "md":
        from newsynth.render.markdown import render_markdown

        return render_markdown(brief)
    if fmt == "json":
        from newsynth.render.json import render_json

        return render_json(brief)
    if fmt == "html":
        from newsynth.render.html import render_html

        return render_html(brief)
    raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
