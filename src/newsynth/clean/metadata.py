"""Article metadata from the text lines: headline, publication date, byline and site name.

Only empty fields are filled: HTML ingest already set them from trafilatura/htmldate.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from functools import lru_cache

from dateutil import parser as date_parser

from newsynth.clean import patterns as p
from newsynth.clean.lines import DATELINE, SITE_NAME, TITLE, Line, byline
from newsynth.clean.sites import domain
from newsynth.records import Article

EARLIEST_YEAR = 1990
# A time to the second is when the page was rendered or crawled, not when the story was published.
RENDER_TIME = re.compile(r"\d:\d\d:\d\d")


def fill_metadata(article: Article, lines: list[Line]) -> None:
    if article.title is None:
        article.title = next((line.text for line in lines if line.kind == TITLE), None)
    if article.date is None:
        article.date = date_from_lines(lines)
    if article.byline is None:
        article.byline = byline_from_lines(lines)
    if article.outlet is None or article.outlet == domain(article.url):
        # the host name is only ingest's fallback: a site-name line on the page names the outlet better
        article.outlet = (
            outlet_from_lines(lines)
            or article.outlet
            or domain(article.url)
            or outlet_from_masthead(lines)
            or outlet_from_navigation(lines)
        )


def date_from_lines(lines: list[Line]) -> str | None:
    """The first date in a timestamp or byline line, else in the dateline of the first paragraph."""
    candidates = [
        line.text
        for line in lines
        if line.pattern_kind in ("date", DATELINE, "byline") and not RENDER_TIME.search(line.text)
    ]
    first_paragraph = next((line.text for line in lines if line.kind == "content"), "")
    candidates.append(first_paragraph[:80])
    for text in candidates:
        parsed = parse_date(text)
        if parsed:
            return parsed
    return None


def parse_date(text: str) -> str | None:
    """ISO date (YYYY-MM-DD) of the first full date written in ``text``."""
    match = p.DATE.search(text.lower())
    if not match:
        return None
    written = re.sub(r"(?<=[A-Za-z])\.", "", match.group(0))
    written = re.sub(r"(?<=\d)(?:st|nd|rd|th)\b", "", written)
    parsed = parse_written_date(written)
    if parsed is None or not EARLIEST_YEAR <= parsed.year <= date.today().year + 1:
        return None
    return parsed.isoformat()


_MONTH_NAMES = (
    "jan january|feb february|mar march|apr april|may|jun june|jul july|aug august|sep sept september|"
    "oct october|nov november|dec december"
)
MONTHS = {
    name: number for number, names in enumerate(_MONTH_NAMES.split("|"), start=1) for name in names.split()
}
# The plain spellings of ``patterns.DATE`` (lower case, no dots or ordinals): read without dateutil.
MONTH_FIRST = re.compile(r"([a-z]+) (\d{1,2}),? (\d{4})")
DAY_FIRST = re.compile(r"(\d{1,2}) ([a-z]+),? (\d{4})")
ISO_DATE = re.compile(r"(\d{4})-(\d\d)-(\d\d)")


@lru_cache(maxsize=4096)
def parse_written_date(written: str) -> date | None:
    """The date of a text matched by ``patterns.DATE`` (cached: pages repeat their dates)."""
    return plain_date(written) or dateutil_date(written)


def plain_date(written: str) -> date | None:
    """ "june 5, 2020", "5 june 2020" or "2020-06-05"; None for anything else (and for impossible dates,
    which are left to dateutil)."""
    if match := MONTH_FIRST.fullmatch(written):
        month, day, year = match.groups()
    elif match := DAY_FIRST.fullmatch(written):
        day, month, year = match.groups()
    elif match := ISO_DATE.fullmatch(written):
        year, month, day = match.groups()
    else:
        return None
    number = int(month) if month.isdigit() else MONTHS.get(month)
    try:
        return date(int(year), number, int(day)) if number else None
    except ValueError:
        return None


def dateutil_date(written: str) -> date | None:
    try:
        return date_parser.parse(written, default=datetime(2000, 1, 1)).date()
    except (ValueError, OverflowError):
        return None


def byline_from_lines(lines: list[Line]) -> str | None:
    for line in lines:
        if line.pattern_kind != "byline":
            continue
        name = byline(line.text)
        if name:
            return name.strip()
    return None


MASTHEAD_WORDS = 4
MENU_LINES = 10  # menus are at the top of the page
NOT_A_NAME = re.compile(r"\d|skip|menu|home|search|sign|subscribe|log ?in|navigation|breaking|live", re.I)


def outlet_from_masthead(lines: list[Line]) -> str | None:
    """The page's first line when it reads as a masthead: a short capitalized name before the headline.

    Saved pages open with the site's name ("THE DAILY BUGLE", "Metro Chronicle"); a page without a
    URL has no other clue to its outlet.
    """
    first = lines[0] if lines else None
    if first is None or first.kind in ("content", TITLE) or first.words > MASTHEAD_WORDS:
        return None
    name = first.text.strip(" .|")
    if NOT_A_NAME.search(name) or first.capitalized < first.words or not name[:1].isalpha():
        return None
    return name.title() if name.isupper() else name


# "Skip to more DW sites", "More BBC websites": the menu of a broadcaster's or publisher's network.
NETWORK_LINK = re.compile(
    r"^(?:\d+\.\s*)?(?:skip to )?(?:more|other) (?P<name>[A-Z][\w&'-]{0,20}(?: [A-Z][\w&'-]{0,20}){0,2}) "
    r"(?:sites|websites|channels|services)$",
    re.I,
)


def outlet_from_navigation(lines: list[Line]) -> str | None:
    """The network a menu link names: the last clue to the outlet of a page with no name line."""
    for line in lines[:MENU_LINES]:
        match = NETWORK_LINK.match(line.text.strip())
        if match and match.group("name")[:1].isupper():
            return match.group("name")
    return None


def outlet_from_lines(lines: list[Line]) -> str | None:
    """A page-header line that spells the site's name, e.g. "Daily Bugle" on dailybugle.com."""
    for line in lines:
        if line.pattern_kind == SITE_NAME:
            name = line.text.strip(" .|")
            return name.title() if name.isupper() else name
    return None
