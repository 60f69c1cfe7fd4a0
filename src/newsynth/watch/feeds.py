"""RSS and Atom feeds (feedparser): the entries a feed lists, and the feeds a command line names."""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urldefrag

import feedparser


@dataclass
class Entry:
    """One item of a feed: the page to fetch and what the feed says about it."""

    url: str
    feed: str
    title: str | None = None
    date: str | None = None  # YYYY-MM-DD
    outlet: str | None = None  # the feed's own title


@dataclass
class ParsedFeed:
    title: str | None
    entries: list[Entry]


class FeedError(Exception):
    """A feed that cannot be read; the message is one line."""


def parse_feed(body: bytes, feed_url: str) -> ParsedFeed:
    """The entries of a feed document; raises FeedError when it is not a feed at all."""
    parsed = feedparser.parse(body)
    if parsed.bozo and not parsed.entries:
        problem = getattr(parsed, "bozo_exception", None) or "unreadable"
        raise FeedError(f"not an RSS or Atom feed ({' '.join(str(problem).split())})")
    title = _text(parsed.feed.get("title"))
    entries = []
    for item in parsed.entries:
        link = _text(item.get("link"))
        if not link:
            continue
        entries.append(
            Entry(
                url=canonical_url(link, feed_url),
                feed=feed_url,
                title=_text(item.get("title")),
                date=_date(item.get("published_parsed") or item.get("updated_parsed")),
                outlet=title,
            )
        )
    return ParsedFeed(title, entries)


def canonical_url(link: str, base: str) -> str:
    """The entry's absolute URL without its #fragment (one page, however a feed links to it)."""
    from urllib.parse import urljoin

    return urldefrag(urljoin(base, link.strip())).url


def feed_urls(arguments: list[str]) -> list[str]:
    """Feed URLs given directly, or listed one a line in files (blank lines and # comments skipped)."""
    urls: list[str] = []
    for argument in arguments:
        path = Path(argument)
        if "://" not in argument and path.is_file():
            lines = path.read_text(encoding="utf-8").splitlines()
            urls.extend(line.strip() for line in lines if line.strip() and not line.lstrip().startswith("#"))
        else:
            urls.append(argument)
    return list(dict.fromkeys(urls))


def _text(value: object) -> str | None:
    return " ".join(value.split()) or None if isinstance(value, str) else None


def _date(parsed: time.struct_time | None) -> str | None:
    return time.strftime("%Y-%m-%d", parsed) if parsed else None
