"""Site names from URLs and outlet fields, and page lines that spell them."""

from __future__ import annotations

import re
from functools import lru_cache
from urllib.parse import urlparse

GENERIC_LABELS = frozenset(
    {"www", "m", "amp", "com", "co", "org", "net", "uk", "in", "news", "blog", "edition"}
)


def domain(url: str | None) -> str | None:
    """ "news.dailybugle.co.uk" for "https://www.news.dailybugle.co.uk/a/b"; None without a host."""
    if not url:
        return None
    host = urlparse(url if "//" in url else f"//{url}").hostname or ""
    return host.removeprefix("www.") or None


@lru_cache(maxsize=4096)
def site_key(outlet_or_url: str | None) -> str:
    """The distinctive label of a site: "dailybugle" for "news.dailybugle.co.uk" or "Daily Bugle"."""
    if not outlet_or_url:
        return ""
    if "." not in outlet_or_url:
        return squash(outlet_or_url)
    host = domain(outlet_or_url) or ""
    labels = [label for label in host.split(".")[:-1] if label not in GENERIC_LABELS]
    return max(labels, key=len) if labels else ""


NON_WORD = re.compile(r"[\W_]+")


def squash(text: str) -> str:
    return NON_WORD.sub("", text.lower())


def is_site_name(text: str, key: str) -> bool:
    """Whether a line is the site's name: "The Daily Bugle", "DAILY BUGLE", "Daily Bugle Online"."""
    squashed = squash(text).removeprefix("the")
    if len(key) < 4 or not squashed:
        return False
    return squashed == key or (squashed.startswith(key) and len(squashed) - len(key) <= 8)
