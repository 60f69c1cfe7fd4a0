"""Article metadata: outlet from a URL, ISO dates, and a cautious guess from scraped page text."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, date, datetime
from urllib.parse import urlsplit

from dateutil import parser as date_parser

HOST_PREFIX = re.compile(r"^(?:www\d*|m|amp|mobile)\.")
HOST_NAME = re.compile(r"[\w-]+(?:\.[\w-]+)+")
NUMERIC_DATE = re.compile(r"\b(\d{1,2})[/.-](\d{1,2})[/.-]\d{2,4}\b")
ISO_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:$|[T ])")
# "By Jo Bloggs", "BY JO BLOGGS and Ann Lee": capitalised names only, so "By signing up ..." is no byline.
BYLINE = re.compile(r"^(?:By|BY|by)\s+(?P<name>[A-Z][\w.'’-]*(?:[ ,]+(?:and\s+)?[A-Z][\w.'’-]*){0,8})\s*$")
FURNITURE = re.compile(
    r"skip to|menu|home ?page|search|sign in|log ?in|subscribe|newsletter|cookie|advertis|follow us|"
    r"share this|like us|read more|breaking news|live tv|^image:|\(photo",
    re.I,
)
MENU_SEPARATOR = re.compile(r"[|•·»›>]|\S(?:\s{3,}|\t)\S")  # "News | Sport", "News   Sport"
TIME_OF_DAY = re.compile(r"\b\d{1,2}:\d{2}")
DATE_LABEL = re.compile(r"^(?:published|updated|posted|last updated)\b", re.I)
SMALL_WORDS = {"THE", "AND", "OF", "ON", "IN", "AT"}
MAX_HEADER_LINES = 15
TITLE_WORDS = range(5, 31)
OUTLET_WORDS = range(1, 5)
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


@dataclass
class TextMetadata:
    outlet: str | None = None
    title: str | None = None
    date: str | None = None
    byline: str | None = None


def guess_text_metadata(text: str) -> TextMetadata:
    """Site name, headline, date and byline from the top lines of a scraped page, when they look clear.

    Only the first lines are looked at: pages put these above the story. Anything unclear stays None.
    """
    lines = [line.strip() for line in text.splitlines() if line.strip()][:MAX_HEADER_LINES]
    found = TextMetadata()
    if lines and _looks_like_site_name(lines[0]):
        found.outlet = _uncapitalised(lines[0])
    for position, line in enumerate(lines):
        if position == 0 and found.outlet:
            continue
        if found.byline is None and (match := BYLINE.match(line)):
            found.byline = match.group("name").strip()
        elif found.date is None and _looks_like_date_line(line):
            found.date = normalize_date(_strip_date_label(line))
        elif found.title is None and _looks_like_title(line):
            found.title = line
    return found


def _looks_like_site_name(line: str) -> bool:
    words = line.split()
    return (
        len(words) in OUTLET_WORDS
        and all(word[:1].isupper() for word in words if word[:1].isalpha())
        and not re.search(r"\d", line)
        and not FURNITURE.search(line)
        and not line.endswith((".", ":", "?", "!"))
    )


def _uncapitalised(name: str) -> str:
    """ "THE HARBOUR TIMES" -> "The Harbour Times"; short all-caps words stay ("CVB NEWS" -> "CVB News")."""
    if not name.isupper():
        return name
    return " ".join(
        word if len(word) <= 3 and word not in SMALL_WORDS else word.capitalize() for word in name.split()
    )


def _looks_like_title(line: str) -> bool:
    words = line.split()
    if len(words) not in TITLE_WORDS or FURNITURE.search(line) or MENU_SEPARATOR.search(line):
        return False
    if TIME_OF_DAY.search(line):
        return False
    if line.endswith((".", ":", ",")) or not (words[0][:1].isupper() or words[0][:1].isdigit()):
        return False
    # A run of capitalised single words is a menu; headlines have small lowercase words ("to", "at").
    return any(word[:1].islower() for word in words[1:])


def _strip_date_label(line: str) -> str:
    line = re.sub(r"^(?:published|updated|posted|last updated)\s*:?\s*", "", line, flags=re.I)
    line = re.sub(r"\b(?:[A-Z]{2,5}|UTC|GMT)$", "", line).strip()  # time-zone suffix
    return re.sub(r"\b(\d{1,2})(?:st|nd|rd|th)\b", r"\1", line)


def _looks_like_date_line(line: str) -> bool:
    """A short line that is only a date, or a labelled publication time ("Published 3 March 2025 14:05")."""
    if len(line) > 48 or not re.search(r"\d{4}", line):
        return False
    if TIME_OF_DAY.search(line) and not DATE_LABEL.match(line):
        return False  # a bare time stamp is as likely the moment the page was saved
    return normalize_date(_strip_date_label(line)) is not None
