"""HTML pages: main text and metadata extracted with trafilatura."""

from __future__ import annotations

from newsynth.ingest import article_from_text
from newsynth.records import Article


def article_from_html(html: str, origin: str) -> Article:
    import trafilatura

    document = trafilatura.bare_extraction(
        html, include_comments=False, include_tables=False, favor_precision=True, with_metadata=True
    )
    text = (document.text if document else None) or ""
    if not text.strip():
        from newsynth.ingest.readers import InputError

        raise InputError("no article text found in the HTML page")
    article = article_from_text(
        text,
        origin,
        url=document.url,
        outlet=document.sitename,
        title=document.title,
        date=document.date,
        byline=document.author,
    )
    article.html = html
    return article
