"""Article metadata from structured sources: outlet from a URL or site name, ISO dates from loose values.

Metadata written in a page's text lines (headline, dateline, byline) is the clean stage's job.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime
from urllib.parse import urlsplit

from dateutil import parser as date_parser

HOST_PREFIX = re.compile(r"^(?:www\d*|m|amp|mobile)\.")
HOST_NAME = re.compile(r"[\w-]+(?:\.[\w-]+)+")
NUMERIC_DATE = re.compile(r"\b(\d{1,2})[/.-](\d{1,2})[/.-]\d{2,4}\b")
ISO_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:$|[T ])")
# Two far-apart defaults: a part of the date the text does not give shows up as a difference.
_DEFAULTS = (datetime(2001, 1, 1), datetime(2002, 12, 28))


def outlet_from_url(url: str | None) -> str | None:
    """The site's host without a leading www./m. ("www.example-news.com" -> "example-news.com")."""
    if not url:
        return None
    try:
        host = urlsplit(url.strip() if "//" in url else f"//{url.strip()}").hostname
    except ValueError:
        return None
    if not host or not HOST_NAME.fullmatch(host):
        return None
    return HOST_PREFIX.sub("", host.lower().rstrip(".")) or None


def outlet_from_site_name(name: str | None) -> str | None:
    """A page's site name, shortened like a host when it is one ("www.example.org" -> "example.org")."""
    if not name or not name.strip():
        return None
    name = name.strip()
    return outlet_from_url(name) if re.fullmatch(r"[\w.-]+\.[a-z]{2,}", name, re.I) else name


def normalize_date(value: object) -> str | None:
    """An ISO date (YYYY-MM-DD) from a string or Unix timestamp, or None when no full date is given."""
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return _date_from_timestamp(float(value))
    text = str(value).strip()
    if not text:
        return None
    if match := ISO_DATE.match(text):
        return _checked_iso(*map(int, match.groups()))
    if text.isdigit() and len(text) >= 9:
        return _date_from_timestamp(float(text))
    return _parse_full_date(text)


def _checked_iso(year: int, month: int, day: int) -> str | None:
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


def _date_from_timestamp(seconds: float) -> str | None:
    if seconds > 1e11:  # milliseconds
        seconds /= 1000
    try:
        return datetime.fromtimestamp(seconds, tz=UTC).date().isoformat()
    except (OverflowError, OSError, ValueError):
        return None


def _parse_full_date(text: str) -> str | None:
    if len(text) > 64 or not re.search(r"\d", text) or _ambiguous_numeric_date(text):
        return None
    parsed = []
    for default in _DEFAULTS:
        try:
            parsed.append(date_parser.parse(text, default=default, fuzzy=False).date())
        except (ValueError, OverflowError, TypeError):
            return None
    if parsed[0] != parsed[1] or not 1800 <= parsed[0].year <= 2200:
        return None
    return parsed[0].isoformat()


def _ambiguous_numeric_date(text: str) -> bool:
    """09/02/2024 is 9 February or September 2 depending on the country: better no date than a wrong one."""
    match = NUMERIC_DATE.search(text)
    if not match:
        return False
    first, second = int(match.group(1)), int(match.group(2))
    return first != second and first <= 12 and second <= 12
