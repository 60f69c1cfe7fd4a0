"""Per-article grouping features: hashed term counts, named entities, a date and a content hash.

Features depend on one article only, so they can be computed anywhere (a worker, a thread, a
later run) and always come out the same: the online assignment that uses them is then
reproducible across the local, store and distributed paths.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import struct
import zlib
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

import numpy as np
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

from newsynth.records import Article

TERM_SPACE = 1 << 22  # hashed vocabulary size; collisions are rare at this size
# 1 + log(count), looked up by count (index 0 unused): the weights of repeated terms and names
SUBLINEAR = np.concatenate(([0.0], 1.0 + np.log(np.arange(1, 1 << 16)))).astype(np.float32)
WORD_PATTERN = re.compile(r"[a-z][a-z0-9'’]*[a-z0-9]|\d[\d,.]*\d")
# ``(?<!\w[A-Z])`` after the first letter is a leading ``\b``; re finds matches much faster when
# a pattern starts with a character set
ENTITY_PATTERN = re.compile(r"[A-Z](?<!\w[A-Z])[A-Za-z'’.-]*[A-Za-z](?:[ -][A-Z][A-Za-z'’.-]*[A-Za-z])*")
DATE_SCAN_CHARS = 600  # datelines sit at the top of an article
MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ],
        start=1,
    )
    for name in names
}
_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
# ``(?<!\d\d\d)`` after "19" or "20" is a leading ``(?<!\d)`` (see ENTITY_PATTERN)
YEAR_PATTERN = re.compile(r"(?:19|20)(?<!\d\d\d)\d\d(?!\d)")
DATE_PATTERNS = [
    re.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<mnum>\d\d)-(?P<day>\d\d)\b"),
    re.compile(
        r"\b" + _MONTH + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?[,.]?\s+(?P<year>(?:19|20)\d\d)\b",
        re.IGNORECASE,
    ),
    re.compile(r"\b(?P<day>\d{1,2})\s+" + _MONTH + r",?\s+(?P<year>(?:19|20)\d\d)\b", re.IGNORECASE),
]
# Event codes: a day of a month written without its year ("June 28", "28 June") and a name with its
# number ("Flight 214", "PK-8303", "Category 4"), kept as one figure each: what tells one event from
# the next on a subject when the year, or a date at all, is missing.
# The patterns start with a character, not ``\b`` (see ENTITY_PATTERN): a month name is its first
# letter, a lookbehind that is a leading ``\b``, then the rest (longest first, as alternatives go).
_MONTH_RESTS: dict[str, list[str]] = {}
for _name in sorted((name.capitalize() for name in MONTHS), key=len, reverse=True):
    _MONTH_RESTS.setdefault(_name[0], []).append(_name[1:])


def _month_name(leading_boundary: bool) -> str:
    boundary = r"(?<!\w{0})" if leading_boundary else ""
    branches = (
        f"{first}{boundary.format(first)}(?:{'|'.join(rests)})" for first, rests in _MONTH_RESTS.items()
    )
    return r"(?P<month>" + "|".join(branches) + r")\.?"


MONTH_DAY_PATTERNS = [
    re.compile(_month_name(True) + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?\b(?![:.,]?\d)"),
    re.compile(r"(?P<day>\d(?<!\w\d)\d?)(?:st|nd|rd|th)?\s+" + _month_name(False) + r"\b"),
]
NAMED_NUMBER_PATTERN = re.compile(r"([A-Z](?<!\w[A-Z])[A-Za-z]+)[ -](\d+[A-Za-z]?)\b(?![:.,]?\d)")
STOP_WORDS = frozenset(ENGLISH_STOP_WORDS) | {
    "said",
    "says",
    "say",
    "told",
    "just",
    "like",
    "new",
    "year",
    "years",
    "time",
    "people",
    "according",
    "reported",
    "report",
    "including",
    "week",
    "day",
    "days",
}
ENTITY_STOP = STOP_WORDS | {"mr", "mrs", "ms", "dr", "but", "and", "the", "click", "read", "image", "photo"}


# How sure an article's date is: the page's metadata, a dateline or timestamp at the top of the
# text, a date further down the text (it may be another event's), or none.
METADATA, DATELINE, TEXT, UNDATED = 3, 2, 1, 0
FORMAT_MARK = b"NSF2"  # features written since dates carry a confidence and numbers are kept apart


@dataclass
class ArticleFeatures:
    """What the assignment needs to know about one article."""

    article_id: str
    content_hash: str
    day: int | None  # proleptic Gregorian ordinal of the article's date, when known
    terms: np.ndarray  # uint32 hashed terms, sorted, unique
    term_weights: np.ndarray  # float32 sublinear term frequencies, aligned with terms
    entities: np.ndarray  # uint32 hashed entity names, sorted, unique
    entity_weights: np.ndarray  # float32 sublinear mention counts
    numbers: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.uint32))  # terms with a digit
    day_confidence: int = UNDATED  # METADATA, DATELINE, TEXT or UNDATED

    def to_bytes(self) -> bytes:
        header = struct.pack(
            "<iBIII",
            -1 if self.day is None else self.day,
            self.day_confidence,
            len(self.terms),
            len(self.entities),
            len(self.numbers),
        )
        arrays = (self.terms, self.term_weights, self.entities, self.entity_weights, self.numbers)
        return FORMAT_MARK + header + b"".join(array.tobytes() for array in arrays)

    @classmethod
    def from_bytes(cls, article_id: str, content_hash: str, data: bytes) -> ArticleFeatures:
        """Features from ``to_bytes``; also reads the format before numbers and confidences."""
        if not data.startswith(FORMAT_MARK):
            return cls._from_first_format(article_id, content_hash, data)
        header = "<iBIII"
        day, confidence, n_terms, n_entities, n_numbers = struct.unpack_from(header, data, len(FORMAT_MARK))
        offset = len(FORMAT_MARK) + struct.calcsize(header)
        parts = []
        layout = ((n_terms, np.uint32), (n_terms, np.float32), (n_entities, np.uint32))
        layout += ((n_entities, np.float32), (n_numbers, np.uint32))
        for count, dtype in layout:
            parts.append(np.frombuffer(data, dtype=dtype, count=count, offset=offset))
            offset += 4 * count
        return cls(article_id, content_hash, None if day < 0 else day, *parts, day_confidence=confidence)

    @classmethod
    def _from_first_format(cls, article_id: str, content_hash: str, data: bytes) -> ArticleFeatures:
        day, n_terms, n_entities = struct.unpack_from("<iII", data)
        offset = struct.calcsize("<iII")
        parts = []
        for count, dtype in ((n_terms, np.uint32), (n_terms, np.float32), (n_entities, np.uint32)):
            parts.append(np.frombuffer(data, dtype=dtype, count=count, offset=offset))
            offset += 4 * count
        parts.append(np.frombuffer(data, dtype=np.float32, count=n_entities, offset=offset))
        confidence = UNDATED if day < 0 else DATELINE
        return cls(article_id, content_hash, None if day < 0 else day, *parts, day_confidence=confidence)


def content_hash(article: Article) -> str:
    """Identity of an article's text: the same text ingested twice is one article."""
    normalized = " ".join(article.raw_text.split())
    return hashlib.sha1(normalized.encode()).hexdigest()


def featurize(article: Article, date_confidence: int | None = None) -> ArticleFeatures:
    """Features of one article; uses ``clean_text`` (and ``title``) when filled, else the raw text.

    ``date_confidence`` says where ``article.date`` came from (the default: the page's metadata).
    """
    text = article.clean_text or article.raw_text
    if article.title and article.title not in text[:400]:
        text = f"{article.title}\n{text}"
    words = WORD_PATTERN.findall(text.lower()) + event_codes(text)
    term_ids = [term for term in map(_term_id, words) if term >= 0]
    terms, term_weights = _sublinear_counts(term_ids)
    entities, entity_weights = _sublinear_counts(list(map(_entity_id, _entities(text))))
    day, confidence = dated(article, date_confidence)
    return ArticleFeatures(
        article_id=article.id,
        content_hash=content_hash(article),
        day=day,
        terms=terms,
        term_weights=term_weights,
        entities=entities,
        entity_weights=entity_weights,
        numbers=_number_ids(words),
        day_confidence=confidence,
    )


def event_codes(text: str) -> list[str]:
    """The event codes of a text (see ``MONTH_DAY_PATTERNS``), one token each, as often as written."""
    codes = []
    for pattern in MONTH_DAY_PATTERNS:
        for match in pattern.finditer(text):
            day = int(match["day"])
            if 1 <= day <= 31:
                codes.append(f"{MONTHS[match['month'].lower().rstrip('.')]}/{day}")
    for name, number in NAMED_NUMBER_PATTERN.findall(text):
        lowered = name.lower()
        if lowered not in ENTITY_STOP and lowered not in MONTHS and not YEAR_PATTERN.fullmatch(number):
            codes.append(f"{lowered}-{number.lower()}")
    return codes


def _number_ids(words: list[str]) -> np.ndarray:
    """The term ids of figures and codes (a digit in them, not a year): the event's own numbers."""
    # a word of letters only has no digit (and isalpha costs less than a regex search)
    ids = {_term_id(word) for word in set(words) if not word.isalpha() and _HAS_DIGIT(word)} - _YEAR_IDS
    ids.discard(-1)
    return np.array(sorted(ids), dtype=np.uint32)


_HAS_DIGIT = re.compile(r"\d").search
_YEAR_IDS = frozenset(zlib.crc32(str(year).encode()) % TERM_SPACE for year in range(1900, 2100))


@lru_cache(maxsize=1 << 18)
def _term_id(word: str) -> int:
    """The hashed id of a word after a light plural/possessive fold; -1 for a stop word."""
    if word in STOP_WORDS:
        return -1
    word = word.replace("’", "'")
    if word.endswith("'s"):
        word = word[:-2]
    if len(word) > 4 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        word = word[:-1]
    return zlib.crc32(word.encode()) % TERM_SPACE


@lru_cache(maxsize=1 << 16)
def _entity_id(name: str) -> int:
    return zlib.crc32(f"E:{name}".encode()) % TERM_SPACE


def _entities(text: str) -> list[str]:
    return list(filter(None, map(_entity_name, ENTITY_PATTERN.findall(text))))


@lru_cache(maxsize=1 << 16)
def _entity_name(run: str) -> str:
    """A run of capitalized words as an entity name, without titles and stop words; "" if none is left."""
    words = [w for w in run.replace("’", "'").split() if w.lower().strip(".") not in ENTITY_STOP]
    if words and (len(words) > 1 or len(words[0]) > 2):
        return " ".join(words).lower()
    return ""


def _sublinear_counts(ids: list[int]) -> tuple[np.ndarray, np.ndarray]:
    """Sorted unique ids with weights 1 + log(count).

    What ``np.unique(..., return_counts=True)`` gives, without its general-purpose overhead, which
    is most of the cost for a few hundred ids (this runs twice per article).
    """
    if not ids:
        return np.zeros(0, dtype=np.uint32), np.zeros(0, dtype=np.float32)
    ordered = np.sort(np.asarray(ids, dtype=np.uint32))
    edges = np.empty(len(ordered) + 1, dtype=bool)  # where a run of equal ids starts, and the end
    edges[0] = edges[-1] = True
    np.not_equal(ordered[1:], ordered[:-1], out=edges[1:-1])
    bounds = np.flatnonzero(edges)
    return ordered[bounds[:-1]], sublinear(bounds[1:] - bounds[:-1])


def sublinear(counts: np.ndarray) -> np.ndarray:
    """1 + log(count) as float32, looked up: the same values as computing them."""
    try:
        return SUBLINEAR[counts]
    except IndexError:  # a count beyond the table
        return (1.0 + np.log(counts)).astype(np.float32)


def article_day(article: Article) -> int | None:
    """The article's date as a day number (see ``dated``)."""
    return dated(article)[0]


def dated(article: Article, date_confidence: int | None = None) -> tuple[int | None, int]:
    """The article's date as a day number, and how sure it is.

    ``article.date`` first (``date_confidence`` says where it came from, metadata by default), then
    a dateline or timestamp near the top of the text, then the date written most often further down
    (the latest of those tied), which may be another event's: a weak clue.
    """
    if article.date:
        parsed = _parse_iso(article.date[:10])
        if parsed is not None:
            return parsed, METADATA if date_confidence is None else date_confidence
    for text in (article.clean_text, article.raw_text):
        found = find_dateline(text) if text else None
        if found is not None:
            return found, DATELINE
    written = dates_in_text(article.clean_text or article.raw_text)
    if written:
        counts = Counter(written)
        return max(counts, key=lambda day: (counts[day], day)), TEXT
    return None, UNDATED


def dates_in_text(text: str) -> list[int]:
    """Every full date (day, month and year) written in a text, as day numbers."""
    found = []
    for year in YEAR_PATTERN.finditer(text):
        window = text[max(0, year.start() - 20) : year.end() + 6]
        found.extend(
            day
            for pattern in DATE_PATTERNS
            for match in pattern.finditer(window)
            if (day := _date_from_match(match)) is not None
        )
    return found


def find_dateline(text: str) -> int | None:
    """The earliest full date (with day, month name or number, and year) in the first lines of a text."""
    head = text[:DATE_SCAN_CHARS]
    for year in YEAR_PATTERN.finditer(head):
        # the date patterns are slow to scan a whole head with; try them only just before a year
        start = max(0, year.start() - 20)
        window = head[start : year.end() + 6]
        found = [
            (match.start(), day)
            for pattern in DATE_PATTERNS
            for match in pattern.finditer(window)
            if (day := _date_from_match(match)) is not None
        ]
        if found:
            return min(found)[1]
    return None


def _date_from_match(match: re.Match[str]) -> int | None:
    groups = match.groupdict()
    month = int(groups["mnum"]) if groups.get("mnum") else MONTHS.get(groups["month"].lower().rstrip("."))
    try:
        return dt.date(int(groups["year"]), month or 0, int(groups["day"])).toordinal()
    except ValueError:
        return None


def _parse_iso(value: str) -> int | None:
    try:
        return dt.date.fromisoformat(value).toordinal()
    except ValueError:
        return None


def day_to_iso(day: int | None) -> str | None:
    return None if day is None else dt.date.fromordinal(day).isoformat()
