"""Numbers and dates in a sentence, normalized so that different wordings of one value compare equal.

"Sept. 3" and "September 3" are one date; "Tuesday" becomes a calendar date when the article's date is
known; "tens of thousands" and "80,000 to 120,000" are ranges; "400-page" is 400 with the slot "page".
Each number carries its *slots*: the nouns next to it, so that only numbers about the same thing are
compared (deaths with deaths, not deaths with injuries).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from newsynth.compare.text import STOP_WORDS, Caseless, normalize_punctuation, singular

MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4, "may": 5,
    "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9, "sept": 9, "sep": 9,
    "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}  # fmt: skip
WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
MONTH_NAMES = [name.capitalize() for name, number in MONTHS.items() if len(name) > 3 or name == "may"]

SMALL_NUMBERS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "dozen": 12,
}  # fmt: skip
SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 10**9, "trillion": 10**12}
SHORT_SCALES = {"k": 1_000, "m": 1_000_000, "mn": 1_000_000, "bn": 10**9, "b": 10**9, "tn": 10**12}
SCALE_WORDS = frozenset(SCALES) | frozenset(SHORT_SCALES)
AMBIGUOUS_SCALES = {"k", "m", "b"}  # also a letter or a unit: "a 1360 m runway", "a 5k race"
CURRENCY = {"$", "£", "€", "¥"}
MONEY_WORDS = {"dollars", "pounds", "euros", "yen", "yuan", "rupees", "naira", "francs", "rand"}
# "tens of thousands" = 10,000 to 99,999; "hundreds" = 100 to 999; "dozens" = 24 to 99
VAGUE_PLURALS = {"dozens": (24, 99), "tens": (10, 99), "hundreds": (100, 999), "thousands": (1_000, 9_999)}
APPROXIMATE = {"about", "around", "nearly", "almost", "roughly", "approximately", "some", "estimated", "over"}
NOT_NAMING = frozenset(APPROXIMATE | STOP_WORDS)  # a capitalised word before a number that names nothing
QUALIFYING = frozenset(APPROXIMATE | {"than", "least", "to", "of", "up"})  # skipped to find the cue before
LOWER_BOUNDS = {"more than", "at least", "over", "upwards of", "in excess of"}
UPPER_BOUNDS = {"less than", "fewer than", "up to", "under", "as many as", "nearly", "almost"}
CLOCK_WORDS = {
    "a",
    "m",
    "p",
    "am",
    "pm",
    "et",
    "pt",
    "ct",
    "est",
    "edt",
    "pst",
    "pdt",
    "cst",
    "cdt",
    "gmt",
    "utc",
    "bst",
}
NOT_NOUNS = {"outside", "inside", "near", "including", "according", "during", "after", "before", "against"}
NOT_SECOND_NOUNS = frozenset(STOP_WORDS | NOT_NOUNS)  # words after a counted noun that are no second one
ROUNDED_DIGITS = 3  # digits from which trailing zeros may be a reporter's rounding ("300", not "30")
CUE_SKIP = 2  # stop words ("was", "were") skipped before a number to find the content word it follows
UNITS = frozenset({"percent", "dollar", "distance", "duration", "mass", "speed"})
TOTAL_WORDS = {"combined", "total", "totaling", "totalling", "cumulative", "overall", "altogether"}
SLOT_SKIP = {
    "of", "the", "a", "an", "per", "more", "additional", "other", "new", "some", "about", "their", "his",
    "her", "its", "our", "my", "your", "them", "these", "those", "whom", "which",
}  # fmt: skip
NUMBER_STARTS = frozenset(SMALL_NUMBERS) | frozenset(VAGUE_PLURALS) | {"a"}
PERCENT_WORDS = {"%", "percent", "per cent", "percentage"}
PEOPLE_ENDINGS = ("ans", "ese", "ons", "is", "ers")  # "Kenyans", "Chinese", "Britons", "Israelis"
MEASURES = {
    **dict.fromkeys(("km", "kilometres", "kilometers", "kilometre", "kilometer"), ("distance", 1.0)),
    **dict.fromkeys(("miles", "mile", "mi"), ("distance", 1.609344)),
    **dict.fromkeys(("m", "metres", "meters", "metre", "meter"), ("distance", 0.001)),
    **dict.fromkeys(("feet", "foot", "ft"), ("distance", 0.0003048)),
    **dict.fromkeys(("seconds", "second", "secs"), ("duration", 1.0)),
    **dict.fromkeys(("minutes", "minute", "mins"), ("duration", 60.0)),
    **dict.fromkeys(("hours", "hour", "hrs"), ("duration", 3600.0)),
    **dict.fromkeys(("pounds", "pound", "lbs", "lb"), ("mass", 0.45359237)),
    **dict.fromkeys(("kg", "kilograms", "kilogram", "kilos"), ("mass", 1.0)),
    **dict.fromkeys(("mph",), ("speed", 1.609344)),
    **dict.fromkeys(("kph", "kmh", "km/h"), ("speed", 1.0)),
}  # measures converted to one unit before comparing: 31 miles = 49.9 km

MAY_HOLD_NUMBER = Caseless(
    r"\d|\b(?:" + "|".join(sorted(SMALL_NUMBERS) + sorted(VAGUE_PLURALS)) + r")\b|\ba (?:dozen|hundred)\b"
)
TOKEN = re.compile(r"\$|%|\d[\d,]*(?:\.\d+)?(?:st|nd|rd|th)?\b(?!\.\d)|\d[\d,]*(?:\.\d+)?|[A-Za-z]+|\S")
MONTH_RE = r"(?P<month>Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"  # noqa: E501
DAY_RE = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
YEAR_RE = r"(?P<year>1[89]\d\d|20\d\d)"
DATE_PATTERNS = [
    re.compile(
        r"\b(?P<span>(?:1[89]\d\d|20\d\d)\s*-\s*(?:1[89]\d\d|20\d\d|\d\d))\b"
    ),  # "1950-1953": a period
    re.compile(rf"\b(?P<iso>{YEAR_RE}-(?P<imonth>[01]\d)-(?P<iday>[0-3]\d))\b"),
    re.compile(rf"\b{MONTH_RE}\s+{DAY_RE}\b(?:,?\s+(?P<year>\d{{4}})\b)?"),  # "May 30, 3030": a typo
    re.compile(rf"\b{DAY_RE}\s+(?:of\s+)?{MONTH_RE}(?:,?\s+{YEAR_RE}\b)?"),
    re.compile(rf"\b{MONTH_RE}(?:\s+of)?,?\s+{YEAR_RE}\b"),
    re.compile(rf"\b(?:in|since|by|until|till|from|last|this|next|early|late|mid-|during|of)\s+{MONTH_RE}\b"),
    re.compile(
        r"\b(?P<relative>last|next|this)?\s*(?P<weekday>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b(?!s)"
    ),
    re.compile(rf"(?<![\d$,.])\b{YEAR_RE}\b(?![\d,.]*\s*(?:%|percent|people|\w+s\b))"),
]
DIGIT = re.compile(r"\d")
CLOCK_DIGITS = re.compile(r"\b\d{1,2}:\d\d\b")
# what each of DATE_PATTERNS cannot match without: a digit, a year-like number, a month's or weekday's name
DATE_NEEDS = (
    ("year",), ("year",), ("month", "digit"), ("month", "digit"), ("month", "year"), ("month",), ("weekday",),
    ("year",),
)  # fmt: skip
YEAR_LIKE = re.compile(r"(?:1[89]|20)\d\d")
# a word opening with a month's first three letters; the capital comes first, so that sre skips ahead to it
MONTH_WORD = re.compile(
    r"[JFMASOND](?<!\w[JFMASOND])[a-z]{2}(?<=Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)"
)
WEEKDAY_WORD = re.compile(r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day")
WEEK = dt.timedelta(days=7)


@dataclass(frozen=True)
class Quantity:
    low: float
    high: float
    slots: frozenset[str]  # nouns around the number: what it counts
    text: str  # as written
    approximate: bool = False
    granularity: float = 1.0  # the rounding its writing implies: 1 for "72", 1000 for "4,000", 0.1 for "71.8"
    bound: str = ""  # "lower" ("at least 82", "more than 5,000"), "upper" ("up to 40", "nearly 160,000")
    unit: str = ""  # a measure converted to one unit: "distance" (km), "duration" (s), "mass" (kg), "speed"
    identifier: bool = False  # a number naming something ("Complex 40", "Flight 302"): equal or not
    head: str = ""  # the noun it counts, singular ("passenger", "ethiopian"), or ""
    cue: str = ""  # the content word before it ("killed" of "killed 12"), or ""

    def interval(self) -> tuple[float, float]:
        """The values its wording allows: a quarter of its rounding step either side (reporters' round
        numbers are near the truth), a tenth of the value for "about", one side only for a bound."""
        if self.identifier:
            return self.low, self.high
        step = self.granularity / 4
        loose = max(self.granularity / 2, 0.1 * self.high)
        if self.unit:
            step = max(step, 0.03 * self.high)  # converted from another unit, itself rounded
        if self.bound == "lower":
            return self.low, self.high + loose
        if self.bound == "upper":
            return self.low - loose, self.high
        if self.approximate:
            return self.low - loose, self.high + loose
        return self.low - step, self.high + step

    def compatible(self, other: Quantity) -> bool:
        """Whether both wordings can describe one value (touching intervals cannot: 72 and 73)."""
        if self.identifier or other.identifier:
            return self.low == other.low  # "737-800" and "737": one model
        low, high = self.interval()
        other_low, other_high = other.interval()
        return (low < other_high and other_low < high) or (self.low == other.low and self.high == other.high)


@dataclass(frozen=True)
class DateValue:
    text: str
    year: int | None = None
    month: int | None = None
    day: int | None = None
    weekday: int | None = None  # 0 = Monday
    cue: str = ""  # the word before the date ("since", "on"), its slot
    resolved: bool = False  # a weekday placed in the week before the article's date: a guess

    def comparable(self, other: DateValue) -> bool:
        if self.year and other.year:
            return True
        if self.month and other.month:
            return True
        return self.weekday is not None and other.weekday is not None

    @property
    def precision(self) -> int:
        """3 for a day (a weekday, or a day of a month), 2 for a month, 1 for a year alone."""
        if self.day is not None or self.weekday is not None:
            return 3
        return 2 if self.month else 1

    def stated_by(self, other: DateValue) -> bool:
        """Whether ``other`` states this date, as precisely: "2020" states no day of 2020."""
        return other.precision >= self.precision and self.comparable(other) and self.compatible(other)

    def compatible(self, other: DateValue) -> bool:
        if self.resolved != other.resolved:  # "scheduled for Saturday" may be the coming "September 3"
            weekday, calendar = (self, other) if self.resolved else (other, self)
            day, placed = calendar.calendar_day(weekday.year), weekday.calendar_day()
            if day is not None and placed is not None:  # a weekday of news is one of the weeks around
                return day.weekday() == weekday.weekday and abs(day - placed) <= WEEK  # the article's date
        if self.year and other.year and self.year != other.year:
            return False
        if self.month and other.month:
            if self.month != other.month:
                return False
            if self.day and other.day and self.day != other.day:
                return False
        if self.weekday is not None and other.weekday is not None:
            return self.weekday == other.weekday
        return True

    def calendar_day(self, fallback_year: int | None = None) -> dt.date | None:
        """Its day of the calendar (in ``fallback_year`` when it names none); None for a weekday alone,
        a month or a year."""
        year = self.year or fallback_year
        if not (year and self.month and self.day):
            return None
        try:
            return dt.date(year, self.month, self.day)
        except ValueError:
            return None


def misdated(weekday: DateValue, calendar: DateValue, article_date: dt.date | None) -> bool:
    """Whether a weekday written as one date with a day of a month ("Saturday, March 29") names another
    day of the week than that day fell on (in its year, else the year nearest the article's date): a
    slip, since the calendar settles the weekday."""
    if weekday.weekday is None or not (weekday.resolved or weekday.month is None):
        return False  # a weekday alone, not the weekday of a calendar date
    if calendar.resolved or calendar.month is None or calendar.day is None:
        return False
    day = calendar.calendar_day() if calendar.year else _nearest_day(calendar, article_date)
    return day is not None and day.weekday() != weekday.weekday


def _nearest_day(value: DateValue, article_date: dt.date | None) -> dt.date | None:
    """A day of a month without its year, in the year that puts it nearest the article's date."""
    if article_date is None:
        return None
    days = [value.calendar_day(article_date.year + shift) for shift in (-1, 0, 1)]
    known = [day for day in days if day is not None]
    return min(known, key=lambda day: abs(day - article_date)) if known else None


def extract_dates(text: str, article_date: dt.date | None = None) -> list[DateValue]:
    """The dates of a sentence, weekdays resolved against the article's date when it is known."""
    found = [_resolved(value, article_date) for _, _, value in _dates_with_spans(normalize_punctuation(text))]
    return [value for value in found if value.year or value.month or value.weekday is not None]


def date_spans(text: str) -> list[tuple[int, int, DateValue]]:
    """The dates of a sentence with their character spans, weekdays unresolved."""
    return [
        (start, end, value)
        for start, end, value in _dates_with_spans(normalize_punctuation(text))
        if value.year or value.month or value.weekday is not None
    ]


def _resolved(value: DateValue, article_date: dt.date | None) -> DateValue:
    """A bare weekday ("Friday", "last Friday") placed in the week of the article's date."""
    if article_date is None or value.weekday is None or value.year is not None:
        return value
    words = value.text.split()
    relative = words[0] if len(words) > 1 else ""
    return _weekday_value(value.text, words[-1], relative, article_date, value.cue)


@lru_cache(maxsize=4096)
def _dates_with_spans(text: str) -> tuple[tuple[int, int, DateValue], ...]:
    """Each date of the text with its span, weekdays unresolved (one reading serves every article).
    Callers pass the text with straightened punctuation (``normalize_punctuation``): one entry of the
    cache serves a sentence and its straightened form."""
    text = normalize_punctuation(text)
    present = _date_parts(text)
    if not present:
        return ()  # no pattern can match
    found: list[tuple[int, int, DateValue]] = []
    for pattern, needs in zip(DATE_PATTERNS, DATE_NEEDS, strict=True):
        if not present.issuperset(needs):
            continue  # a pattern skipped cannot match: the dates found are the same
        for match in pattern.finditer(text):
            start, end = match.span()
            if any(start < stop and end > begin for begin, stop, _ in found):
                continue
            value = _date_from_match(match, text)
            if value is not None:
                found.append((start, end, value))
    return tuple(sorted(found, key=lambda item: item[0]))


def _date_parts(text: str) -> set[str]:
    """What ``DATE_NEEDS`` asks of a text that it holds: "digit", "year", "month", "weekday"."""
    present = set()
    if DIGIT.search(text):
        present.add("digit")
        if YEAR_LIKE.search(text):
            present.add("year")
    if MONTH_WORD.search(text):
        present.add("month")
    if WEEKDAY_WORD.search(text):
        present.add("weekday")
    return present


def _date_from_match(match: re.Match[str], text: str) -> DateValue | None:
    groups = {key: value for key, value in match.groupdict().items() if value}
    cue = _previous_word(text, match.start())
    written = match.group(0).strip().rstrip(".,")
    if "span" in groups:
        return DateValue(written, cue=cue)  # a period: masked from numbers, compared with nothing
    if "iso" in groups:
        return _calendar_value(written, int(groups["year"]), int(groups["imonth"]), int(groups["iday"]), cue)
    if "weekday" in groups:
        return _weekday_value(written, groups["weekday"], groups.get("relative", ""), None, cue)
    month = MONTHS[groups["month"].lower()] if "month" in groups else None
    if month == 5 and "day" not in groups and "year" not in groups and groups["month"] != "May":
        return None
    day = int(groups["day"]) if "day" in groups else None
    if day is not None and not 1 <= day <= 31:
        return None
    year = int(groups["year"]) if "year" in groups else None
    return DateValue(written, year=year, month=month, day=day, cue=cue)


def _calendar_value(written: str, year: int, month: int, day: int, cue: str) -> DateValue | None:
    try:
        weekday = dt.date(year, month, day).weekday()
    except ValueError:
        return None
    return DateValue(written, year=year, month=month, day=day, weekday=weekday, cue=cue)


def _weekday_value(
    written: str, name: str, relative: str, article_date: dt.date | None, cue: str
) -> DateValue:
    weekday = WEEKDAYS.index(name.lower())
    if article_date is None:
        return DateValue(written, weekday=weekday, cue=cue)
    if relative.lower() == "next":
        offset = (weekday - article_date.weekday()) % 7 or 7
    else:  # news speaks of the most recent such day, or of today
        offset = -((article_date.weekday() - weekday) % 7)
    day = article_date + dt.timedelta(days=offset)
    return DateValue(written, day.year, day.month, day.day, weekday, cue, resolved=True)


def _previous_word(text: str, position: int) -> str:
    before = [word.lower() for word in LETTERS.findall(text[max(0, position - 30) : position])]
    before = [word for word in before if word not in CLOCK_WORDS]
    return before[-1] if before else ""


def parse_iso_date(value: str | None) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


NUMBER_WORDS = frozenset(SMALL_NUMBERS) | frozenset(VAGUE_PLURALS) | {"hundred"}
LOWER_LETTERS = re.compile(r"[a-z]+")
LETTERS = re.compile(r"[A-Za-z]+")


@lru_cache(maxsize=8192)
def may_hold_number(text: str) -> bool:
    """A cheap test before reading numbers: a digit or a number word (what ``MAY_HOLD_NUMBER`` finds,
    and "hundred" alone), found without a regular expression of many alternatives."""
    if DIGIT.search(text):
        return True
    return not NUMBER_WORDS.isdisjoint(LOWER_LETTERS.findall(text.lower()))


def extract_quantities(text: str) -> list[Quantity]:
    """The numbers of a sentence that are not part of a date, with their ranges and slots."""
    if not may_hold_number(text):
        return []
    text = normalize_punctuation(text)
    masked = _mask_dates(text)
    matches = list(TOKEN.finditer(masked))
    tokens = [match.group(0) for match in matches]
    quantities: list[Quantity] = []
    resume = 0  # tokens before this belong to the last number read
    starts = [  # most tokens are lower-case words, looked up without lower-casing them again
        i
        for i, token in enumerate(tokens)
        if token[0].isdigit()
        or token in NUMBER_STARTS
        or (not token.islower() and token.lower() in NUMBER_STARTS)
    ]
    for position in starts:  # where ``_vague_at`` or ``_number_at`` can read a number
        if position < resume or _glued_to_name(masked, matches[position].start(), matches[position].end()):
            continue
        first = position - 1 if position > 0 and tokens[position - 1] == "$" else position

        def written(end: int, first: int = first) -> str:
            return text[matches[first].start() : matches[end - 1].end()]

        parsed = _quantity_at(tokens, position, written)
        if parsed is not None:
            quantity, resume = parsed
            quantities.append(quantity)
    return quantities


def _glued_to_name(text: str, start: int, end: int) -> bool:
    """A number written onto letters before it is part of a name: "A320", "PK8303", "PK-8303"; so is
    one with capitals glued after it: "Falcon 9FT", "737MAX" (a measure is "9 ft" or "9ft")."""
    before = text[max(0, start - 2) : start]
    after = text[end : end + 2]
    glued_after = len(after) == 2 and after.isupper() and after.isalpha()
    return before[-1:].isalpha() or (before[-1:] == "-" and before[:1].isupper()) or glued_after


def _mask_dates(text: str) -> str:
    for start, end, _ in _dates_with_spans(text):
        text = text[:start] + "#" * (end - start) + text[end:]
    for start, end, _ in _times_with_spans(text):
        text = text[:start] + "#" * (end - start) + text[end:]
    return CLOCK_DIGITS.sub(lambda match: "#" * len(match.group(0)), text)  # clock times


def _number_at(tokens: list[str], position: int) -> tuple[float, int] | None:
    """A single number (digits or words, with its scale word) starting at ``position``."""
    token = tokens[position]
    lowered = token.lower()
    if token[0].isdigit():
        if token[-1].isalpha():
            return None  # an ordinal: "the 90th percentile", "her 3rd term"
        try:
            value = float(token.replace(",", ""))
        except ValueError:
            return None
        end = position + 1
        if (
            end + 2 < len(tokens)
            and tokens[end + 1] == "/"
            and tokens[end] in ("1", "3")
            and tokens[end + 2] in ("2", "4")
        ):
            value, end = value + int(tokens[end]) / int(tokens[end + 2]), end + 3  # "2 1/2 minutes"
    elif lowered in SMALL_NUMBERS:
        value, end = _number_words(tokens, position)
        if end < len(tokens) and tokens[end].lower() == "dozen" and lowered != "dozen":
            value, end = value * 12, end + 1  # "two dozen"
        if lowered == "one" and not _followed_by_scale(tokens, end):
            return None  # "one of the", "one official": not a count worth comparing
    elif (
        lowered == "a" and position + 1 < len(tokens) and tokens[position + 1].lower() in ("dozen", "hundred")
    ):
        value, end = float(SMALL_NUMBERS.get(tokens[position + 1].lower(), 100)), position + 2
    else:
        return None
    while end < len(tokens) and tokens[end].lower() in SCALE_WORDS:
        if tokens[end].lower() in SHORT_SCALES and not (
            token[0].isdigit() and _short_scale(tokens, position, end)
        ):
            break
        value *= SCALES.get(tokens[end].lower()) or SHORT_SCALES[tokens[end].lower()]
        end += 1
    if not token[0].isdigit() and tokens[end - 1].lower() in SCALES and end + 1 < len(tokens):
        rest, after = _number_words(tokens, end + 1)
        scale = SCALES[tokens[end - 1].lower()]
        if tokens[end].lower() == "and" and 0 < rest < scale and not _followed_by_scale(tokens, after):
            value, end = value + rest, after  # "a hundred and twenty"
    return value, end


def _short_scale(tokens: list[str], position: int, end: int) -> bool:
    """Whether the letter at ``end`` scales the number at ``position``: "bn" always; "m", "k", "b" only
    for money ("$1.36m", "1.36m dollars") or a count of a plural noun ("3m people"). Otherwise "m" is
    metres ("1360 m") and "k" is no scale ("a 5k race")."""
    word = tokens[end].lower()
    if word not in AMBIGUOUS_SCALES:
        return True
    if CURRENCY & set(tokens[max(0, position - 4) : position]):
        return True
    after = tokens[end + 1] if end + 1 < len(tokens) else ""
    return _plural(after) or after.lower() in MONEY_WORDS


def _number_words(tokens: list[str], position: int) -> tuple[float, int]:
    """A number in words from ``position``: "nine", "twenty-one", "twenty one" (0 when none)."""
    if position >= len(tokens) or tokens[position].lower() not in SMALL_NUMBERS:
        return 0.0, position
    value, end = float(SMALL_NUMBERS[tokens[position].lower()]), position + 1
    if value >= 20 and value % 10 == 0:  # a ten, then its unit
        after = end + 1 if end < len(tokens) and tokens[end] == "-" else end
        unit = SMALL_NUMBERS.get(tokens[after].lower(), 0) if after < len(tokens) else 0
        hyphened = after + 1 < len(tokens) and tokens[after + 1] == "-"  # "twenty five-year-olds"
        if 0 < unit < 10 and not hyphened:
            value, end = value + unit, after + 1
    return value, end


def _followed_by_scale(tokens: list[str], end: int) -> bool:
    return end < len(tokens) and tokens[end].lower() in SCALES


def _quantity_at(
    tokens: list[str], position: int, written: Callable[[int], str]
) -> tuple[Quantity, int] | None:
    """The number starting at ``position`` and where it ends; ``written(end)`` is its text as written."""
    vague = _vague_at(tokens, position)
    if vague is not None:
        (low, high), end = vague
        approximate, granularity, tally = True, 1.0, False
    else:
        number = _number_at(tokens, position)
        if number is None:
            return None
        low, end = number
        high = low
        approximate, tally = False, False
        granularity = _granularity(tokens, position, end)
        span = _range_end(tokens, end)
        if span is not None:
            high, end = span
            tally = high < low  # "391-242": a vote or a score, two counts told together
            high = max(high, low)
            if high < 100 <= low:  # "80,000 to 120" is not a range; a different fact
                high = low
    if _total_before(tokens, position):
        return None  # "a combined 13 years": a sum, not comparable with its parts
    before = _qualifier_before(tokens, position)
    bound = _bound(before)
    approximate = approximate or before in APPROXIMATE or bool(bound)
    unit, end = _unit_after(tokens, end)
    measure, factor, end = _measure_after(tokens, end, unit)
    if measure:
        low, high, granularity = low * factor, high * factor, granularity * factor
    if measure == "duration":
        extra, smallest, end = _duration_parts(tokens, end)  # "3 hours, 35 minutes and 21 seconds"
        low, high, granularity = low + extra, high + extra, min(granularity, smallest)
    slots = _slots(tokens, position, end, unit or measure)
    head = _head(tokens, end, slots)
    if measure:
        head = measure
    elif head:
        head += _head_extension(tokens, end)
    if tally:  # compared only with another tally: "391-242 vote" is not a "230-vote" margin
        head = f"{head} tally".strip() if not head.endswith(" tally") else head
    cue = next((slot[1:] for slot in slots if slot.startswith("~")), "")
    identifier = _identifier(tokens, position)
    quantity = Quantity(
        low,
        high,
        frozenset(slots),
        written(end),
        approximate,
        granularity,
        bound,
        measure,
        identifier,
        head,
        cue,
    )
    return quantity, end


def _head(tokens: list[str], end: int, slots: set[str]) -> str:
    """The noun the number counts, singular: the first of its slots after it, or, when that word is not
    a plural and the next one is, the next one ("three dock workers": worker; "12 people killed": person)."""
    following = tokens[end : end + 7]
    for position, token in enumerate(following[:6]):
        word = singular(token.lower())
        if word in slots and word not in UNITS:
            after = following[position + 1] if position + 1 < len(following) else ""
            if _plural(after) and not _plural(token) and singular(after.lower()) in slots:
                return singular(after.lower())
            return word
    return ""


def _plural(token: str) -> bool:
    return token.isalpha() and token.islower() and singular(token) != token


def _head_extension(tokens: list[str], end: int) -> str:
    """ "+crew" of "300 passengers and crew" (a total of two groups), " tally" of "432 votes to 202"."""
    position = end
    while position < len(tokens) and tokens[position].lower() in SLOT_SKIP:
        position += 1
    following = tokens[position + 1 : position + 3]
    if len(following) < 2:
        return ""
    joiner, word = following[0].lower(), following[1]
    if (
        joiner in ("and", "&")
        and word.isalpha()
        and word.islower()
        and word not in STOP_WORDS
        and not word.endswith(("ing", "ed"))  # "four workers and shutting the quay": a verb
    ):
        return "+" + singular(word)
    if joiner == "to" and word[:1].isdigit():
        return " tally"
    return ""


def _granularity(tokens: list[str], position: int, end: int) -> float:
    """The rounding step the number is written to: 10 ** trailing zeros ("4,000": 1,000), but 1 for a
    bare number of two digits ("40"), or its last decimal place; times its scale word ("2.5 million":
    100,000; "40 million": 10 million)."""
    written = tokens[position].replace(",", "")
    if not written[:1].isdigit():
        return 1.0
    if "." in written:
        step = 10.0 ** -len(written.split(".", 1)[1])
    elif len(written) < ROUNDED_DIGITS and end == position + 1:
        step = 1.0  # "10 crew", "40 days": small counts are exact, as "ten" and "forty" are
    else:
        digits = written.rstrip("0")
        step = 10.0 ** (len(written) - len(digits)) if digits else 1.0
    for token in tokens[position + 1 : end]:
        step *= SCALES.get(token.lower()) or SHORT_SCALES.get(token.lower(), 1)
    return step


def _identifier(tokens: list[str], position: int) -> bool:
    """A number right after a capitalised word that is not the sentence's first ("Complex 40")."""
    if position < 2 or not tokens[position][:1].isdigit():
        return False
    previous = tokens[position - 1]
    return previous[:1].isupper() and previous.isalpha() and previous.lower() not in NOT_NAMING


def _measure_after(tokens: list[str], end: int, unit: str) -> tuple[str, float, int]:
    """A unit of measure after the number: its kind, the factor to the kind's unit, the end."""
    if unit or end >= len(tokens):
        return "", 1.0, end
    word = tokens[end].lower()
    if word in MEASURES:
        kind, factor = MEASURES[word]
        if kind == "mass" and end > 0 and tokens[end - 1].lower() in SCALE_WORDS:
            return "", 1.0, end  # "5 million pounds", "5m pounds": money
        return kind, factor, end + 1
    return "", 1.0, end


def _duration_parts(tokens: list[str], end: int) -> tuple[float, float, int]:
    """The further parts of a duration told in several units: their seconds, the smallest part's unit
    in seconds (its rounding step), and where they end."""
    extra, smallest = 0.0, float("inf")
    while True:
        position = end
        while position < len(tokens) and tokens[position].lower() in (",", "and"):
            position += 1
        number = _number_at(tokens, position) if position < len(tokens) else None
        if number is None:
            return extra, smallest, end
        value, after = number
        kind, factor, after = _measure_after(tokens, after, "")
        if kind != "duration":
            return extra, smallest, end
        extra, smallest, end = extra + value * factor, min(smallest, factor), after


def _total_before(tokens: list[str], position: int) -> bool:
    previous = {token.lower() for token in tokens[max(0, position - 4) : position]}
    return bool(previous & TOTAL_WORDS)


def _vague_at(tokens: list[str], position: int) -> tuple[tuple[float, float], int] | None:
    lowered = tokens[position].lower()
    if lowered not in VAGUE_PLURALS:
        return None
    low, high = VAGUE_PLURALS[lowered]
    end = position + 1
    if lowered == "tens" and not (end + 1 < len(tokens) and tokens[end].lower() == "of"):
        return None
    if end + 1 < len(tokens) and tokens[end].lower() == "of":
        scale = tokens[end + 1].lower().rstrip("s")
        if scale in SCALES:
            if lowered in ("tens", "hundreds", "dozens"):
                low, high = low * SCALES[scale], (high + 1) * SCALES[scale] - 1
            end += 2
        elif lowered == "tens":
            return None
    return (float(low), float(high)), end


def _range_end(tokens: list[str], end: int) -> tuple[float, int] | None:
    if end + 1 < len(tokens) and tokens[end].lower() in ("to", "-", "and", "or"):
        following = _number_at(tokens, end + 1)
        if following is not None:
            return following
    return None


def _qualifier_before(tokens: list[str], position: int) -> str:
    previous = [token.lower() for token in tokens[max(0, position - 3) : position]]
    if previous and previous[-1] == "$":
        previous = previous[:-1]
    for width in (3, 2, 1):
        phrase = " ".join(previous[-width:])
        if len(previous) >= width and (
            phrase in LOWER_BOUNDS or phrase in UPPER_BOUNDS or phrase in APPROXIMATE
        ):
            return phrase
    return ""


def _bound(qualifier: str) -> str:
    if qualifier in LOWER_BOUNDS:
        return "lower"
    return "upper" if qualifier in UPPER_BOUNDS else ""


def _unit_after(tokens: list[str], end: int) -> tuple[str, int]:
    if end < len(tokens) and tokens[end] == "%":
        return "percent", end + 1
    if end + 1 < len(tokens) and tokens[end].lower() == "per" and tokens[end + 1].lower() == "cent":
        return "percent", end + 2
    if end < len(tokens) and tokens[end].lower() == "percent":
        return "percent", end + 1
    return "", end


def _slots(tokens: list[str], start: int, end: int, unit: str) -> set[str]:
    """The nouns that say what a number counts: the unit, the next word(s), the word before."""
    slots = {unit} if unit else set()
    if start > 0 and tokens[start - 1] == "$":
        slots.add("dollar")
    position = end
    if position < len(tokens) and tokens[position] == "-":
        position += 1  # "400-page"
    while position < len(tokens) and tokens[position].isalpha():
        word = tokens[position].lower()
        position += 1
        written = tokens[position - 1]
        if written[0].isupper() and written.endswith(PEOPLE_ENDINGS) and not written.isupper():
            slots.add(singular(word))  # "17 Ethiopians": a people counted
            break
        if word in SLOT_SKIP or (written[0].isupper() and not (written.isupper() and len(written) <= 4)):
            continue  # "15 Michigan state employees" counts employees; "15 PPB" is a unit
        if word not in STOP_WORDS:
            slots.add(singular(word))  # the word after the number: what it counts
            following = tokens[position].lower() if position < len(tokens) else ""
            if following.isalpha() and following.islower() and following not in NOT_SECOND_NOUNS:
                slots.add(singular(following))  # "three dock workers": workers too
        break
    previous = start - 1 - (1 if start > 0 and tokens[start - 1] == "$" else 0)
    while previous >= 0 and tokens[previous].lower() in QUALIFYING:
        previous -= 1
    for _ in range(CUE_SKIP):  # "turnout in the referendum was 71.8%": the cue is "referendum"
        if previous > 0 and tokens[previous].islower() and tokens[previous] in STOP_WORDS:
            previous -= 1
    if previous >= 0 and tokens[previous].isalpha() and tokens[previous].lower() not in STOP_WORDS:
        slots.add("~" + singular(tokens[previous].lower()))  # a word before, e.g. "killed 12"
    return slots


def quantities_conflict(first: Quantity, second: Quantity) -> bool:
    """Two numbers about the same thing (a shared slot) whose values cannot both be true."""
    if not _shared_slot(first, second):
        return False
    return not first.compatible(second)


def _shared_slot(first: Quantity, second: Quantity) -> bool:
    """The same unit ("$", "%", or none) and the same noun after both numbers; the word before counts
    only when a noun after is missing."""
    if first.slots & UNITS != second.slots & UNITS:
        return False
    after_first = {slot for slot in first.slots if not slot.startswith("~")}
    after_second = {slot for slot in second.slots if not slot.startswith("~")}
    if after_first and after_second:
        return bool(after_first & after_second)
    return bool(first.slots & second.slots)


# --- times of day ----------------------------------------------------------------------------------------

ZONES = {
    "et": "et", "edt": "et", "est": "et", "ct": "ct", "cdt": "ct", "cst": "ct", "mt": "mt", "mdt": "mt",
    "mst": "mt", "pt": "pt", "pdt": "pt", "pst": "pt", "gmt": "utc", "utc": "utc", "bst": "bst",
    "cet": "cet", "cest": "cet", "local time": "local", "eastern": "et", "wib": "wib", "ist": "ist",
    "jst": "jst", "hkt": "hkt", "sgt": "sgt", "pkt": "pkt", "eat": "eat", "cat": "cat", "wat": "wat",
    "aest": "aest",
}  # fmt: skip
CLOCK = re.compile(
    r"(?<![\d.:,$])(?P<hour>[01]?\d|2[0-3])(?:(?P<sep>[:.])(?P<minute>[0-5]\d))?(?!\d|[.,]\d)"
    r"(?:\s*(?P<half>[ap])\.?\s?m\b\.?)?"
    r"(?:\s*(?P<zone>ET|EDT|EST|CT|CDT|CST|MT|MDT|MST|PT|PDT|PST|GMT|UTC|BST|CET|CEST|WIB|IST|JST|HKT"
    r"|SGT|PKT|EAT|CAT|WAT|AEST|local time|Eastern)\b)?"
)
MILITARY = re.compile(r"(?<![\d.:,$])(?P<hour>[01]\d|2[0-3])(?P<minute>[0-5]\d)\s*(?P<zone>GMT|UTC)\b")
MAY_HOLD_TIME = re.compile(r"\d[:.]\d\d|\d\s?[apAP]\.?[mM]\b|\d\s?(?:GMT|UTC)")  # a cheap test first
TIME_CUES = {"at", "around", "about", "after", "before", "by", "until", "approximately", "roughly", "shortly"}


@dataclass(frozen=True)
class ClockTime:
    """A time of day, in minutes after midnight, with the zone it is given in ("" when none is)."""

    minutes: int
    text: str
    zone: str = ""
    twelve_hour: bool = False  # "3:22" with no a.m./p.m.: 3:22 or 15:22
    spread: tuple[int, int] = (0, 0)  # minutes allowed before and after ("around 7:30", "after 6am")
    start: int = -1  # offset in the sentence

    def comparable(self, other: ClockTime) -> bool:
        """Times in one zone, or one without a zone against one not given in UTC."""
        if self.zone == other.zone:
            return True
        zones = {self.zone, other.zone}
        return bool(zones & {"", "local"}) and "utc" not in zones

    def compatible(self, other: ClockTime) -> bool:
        low, high = self.minutes - self.spread[0], self.minutes + self.spread[1]
        shifts = (0, 720, -720) if self.twelve_hour or other.twelve_hour else (0,)
        for shift in shifts:
            other_low, other_high = (
                other.minutes + shift - other.spread[0],
                other.minutes + shift + other.spread[1],
            )
            if low <= other_high and other_low <= high:
                return True
        return False


def extract_times(text: str) -> list[ClockTime]:
    """Times of day outside parentheses (those inside are mostly conversions to another zone)."""
    return [value for _, _, value in _times_with_spans(text) if not _in_parentheses(text, value.start)]


def _in_parentheses(text: str, position: int) -> bool:
    return text.rfind("(", 0, position) > text.rfind(")", 0, position)


@lru_cache(maxsize=4096)
def _times_with_spans(text: str) -> tuple[tuple[int, int, ClockTime], ...]:
    if not MAY_HOLD_TIME.search(text):
        return ()
    found = []
    for match in MILITARY.finditer(text):
        minutes = int(match.group("hour")) * 60 + int(match.group("minute"))
        zone = ZONES[match.group("zone").lower()]
        found.append(
            (match.start(), match.end(), ClockTime(minutes, match.group(0), zone, start=match.start()))
        )
    for match in CLOCK.finditer(text):
        if any(start <= match.start() < end for start, end, _ in found):
            continue
        value = _clock_time(text, match)
        if value is not None:
            found.append((match.start(), match.end(), value))
    return tuple(sorted(found, key=lambda item: item[0]))


def _clock_time(text: str, match: re.Match[str]) -> ClockTime | None:
    hour, minute, half, zone = match.group("hour", "minute", "half", "zone")
    before = LOWER_LETTERS.findall(text[max(0, match.start() - 25) : match.start()].lower())[-2:]
    cued = bool(set(before) & TIME_CUES)
    if not (half or zone or (minute and match.group("sep") == ":") or (minute and cued)):
        return None  # "13.15" alone is a decimal; "13.15 local time" and "at 13.15" are times
    if minute is None and not half:
        return None
    hours = int(hour)
    if half and not 1 <= hours <= 12:
        return None
    if half:
        hours = hours % 12 + (12 if half.lower() == "p" else 0)
    twelve_hour = not half and hours <= 12 and not hour.startswith("0")
    spread = (0, 0) if minute else (0, 59)  # "6am": some time in that hour
    if set(before) & {"around", "about", "approximately", "roughly"}:
        spread = (max(spread[0], 10), max(spread[1], 10))
    elif before and before[-1] == "after":
        spread = (0, 60)
    elif before and before[-1] in ("before", "by"):
        spread = (60, 0)
    written = match.group(0).strip()
    return ClockTime(
        hours * 60 + int(minute or 0),
        written,
        ZONES.get((zone or "").lower(), ""),
        twelve_hour,
        spread,
        match.start(),
    )
