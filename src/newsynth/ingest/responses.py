"""HTTP responses that hold HTML pages, fetched live (``watch``) or archived (WARC), as Articles."""

from __future__ import annotations

import codecs
from email.message import Message

from newsynth.ingest.files import InputError, decode_text
from newsynth.ingest.html import article_from_html
from newsynth.records import Article

HTML_TYPES = ("text/html", "application/xhtml+xml")


def media_type(content_type: str | None) -> str:
    return (content_type or "").split(";")[0].strip().lower()


def is_html(content_type: str | None) -> bool:
    return media_type(content_type) in HTML_TYPES


def html_text(body: bytes, content_type: str | None) -> str:
    """The page as text: by the charset the response declares, else as files are decoded."""
    message = Message()
    message["content-type"] = content_type or ""
    charset = message.get_content_charset()
    if charset:
        try:
            codecs.lookup(charset)
        except LookupError:
            charset = None
    if charset and body.strip():
        return body.decode(charset, errors="replace")
    return decode_text(body)


def article_from_response(
    body: bytes, content_type: str | None, url: str, origin: str | None = None, **metadata: str | None
) -> Article:
    """The article of an HTML response; InputError when it is not an HTML page or has no text.

    ``metadata`` (title, date, outlet, byline) fills only what the page itself does not say."""
    if not is_html(content_type):
        raise InputError(f"not an HTML page ({media_type(content_type) or 'no content type'})")
    article = article_from_html(html_text(body, content_type), origin or url, url=url)
    for key, value in metadata.items():
        if value and not getattr(article, key):
            setattr(article, key, value)
    return article
