"""HTML pages: main text and metadata extracted with trafilatura."""

from __future__ import annotations

import warnings
from typing import Any

from newsynth.ingest.files import InputError
from newsynth.ingest.metadata import normalize_date, outlet_from_site_name, outlet_from_url
from newsynth.records import Article

# htmldate settings: the publication date (not the last change), as an ISO date.
DATE_SETTINGS = {"original_date": True, "extensive_search": True, "outputformat": "%Y-%m-%d"}
HTML_MARKERS = ("<html", "<!doctype html", "<head", "<body", "<article")


def looks_like_html(text: str) -> bool:
    head = text.lstrip()[:2048].lower()
    return head.startswith("<") and any(marker in head for marker in HTML_MARKERS)


def article_from_html(html: str, origin: str, **metadata: str | None) -> Article:
    """An Article from an HTML page; given ``metadata`` (url, outlet, title, date, byline) overrides it."""
    from newsynth.ingest import article_from_text

    with warnings.catch_warnings():  # parser warnings would break the one-line-per-problem output
        warnings.simplefilter("ignore")
        page = extract_page(html, metadata.get("url"))
        text = page.get("text") or fallback_text(html)
    if not text.strip():
        raise InputError("no article text found in the HTML page")
    url = metadata.get("url") or page.get("url")
    found = {
        "url": url,
        "outlet": outlet_from_site_name(page.get("sitename")) or outlet_from_url(url),
        "title": page.get("title"),
        "date": normalize_date(page.get("date")),
        "byline": page.get("author"),
    }
    found.update({key: value for key, value in metadata.items() if value})
    article = article_from_text(text, origin, **found)
    article.html = html
    return article


def extract_page(html: str, url: str | None) -> dict[str, Any]:
    """trafilatura's main text and metadata as a dict (empty when the page cannot be parsed)."""
    import trafilatura

    try:
        document = trafilatura.bare_extraction(
            html,
            url=url,
            fast=False,  # let trafilatura compare its result with its readability/jusText fallbacks
            favor_precision=False,
            favor_recall=False,
            include_comments=False,
            include_tables=False,
            include_images=False,
            include_formatting=False,
            include_links=False,
            deduplicate=False,
            with_metadata=True,
            date_extraction_params=DATE_SETTINGS,
        )
    except Exception:  # any parser failure on a malformed page means "nothing extracted", never a crash
        document = None
    if document is None:
        return {}
    values = document.as_dict() if hasattr(document, "as_dict") else dict(document)
    return {key: value for key, value in values.items() if isinstance(value, str) and value.strip()}


def fallback_text(html: str) -> str:
    """Whatever text the page has when the main-text extraction found nothing (short or odd pages)."""
    import trafilatura

    try:
        _, text, _ = trafilatura.baseline(html)
    except Exception:  # as above: a malformed page yields no text
        text = ""
    if text.strip():
        return text
    try:
        return trafilatura.html2txt(html)
    except Exception:
        return ""
