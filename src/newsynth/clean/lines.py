"""The lines of a page and what their wording alone says about them.

A page becomes a ``Document`` of ``Line``s (hard-wrapped text is joined back into paragraphs). Each
line's wording is matched against the patterns of ``patterns.py`` (timestamp, byline, share prompt,
photo credit, ...): a hint for the line model (``model.py``), which decides what is article content,
and the kind of metadata line it is (date, byline, dateline, site name) for ``metadata.py``. The
headline is chosen here too: the head line whose words the story's paragraphs use.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from newsynth.clean import patterns as p
from newsynth.clean.sites import is_site_name

CONTENT = "content"
TITLE = "title"
DATELINE = "dateline"
SITE_NAME = "site name"
# Kinds that are kept out of the body but are part of the article, not furniture: the headline and
# its repeats, and a wire dateline on its own line ("Skarra (Northwire) March 4, 2021").
KEPT_KINDS = frozenset({CONTENT, TITLE, DATELINE})
WIRE_DATELINE = re.compile(r"^[A-Z][\w.'’ -]{1,40},?\s*\((?:AP|AFP|Reuters|UPI|[A-Z][A-Za-z]{1,20})\)")

MONTH = re.compile(p.MONTH)
MONTH_OR_DAY = re.compile(rf"(?:{p.MONTH}|{p.WEEKDAY})\b")
LETTER = re.compile(r"[^\W\d_]")
SAME_OUTLET_MAX_WORDS = 25  # longer paragraphs repeated at one outlet are an updated story, not furniture
PROSE_WORDS = 8
LONG_LINE_WORDS = 20
WRAPPED_LINE_CHARS = 40
MIN_WRAPPED_BREAKS = 3
FULL_WIDTH_SHARE = 0.8  # a wrapped line this close to the text's usual width stops only for the wrap
DOUBLED = "text repeated within the line"
NAME_CONNECTORS = frozenset({"and", "de", "van", "von", "der", "den", "al", "bin", "da", "di", "la", "le"})


@dataclass
class Line:
    text: str
    words: int
    prose: bool  # reads as a sentence (its wrapped paragraph when the text is hard-wrapped)
    runs_on: bool = False  # hard-wrapped text: the paragraph goes on in the next line
    lower: str = ""  # the text lower-cased, for the patterns of ``patterns.lower``
    key: str = ""  # the text normalized for comparisons (``normalize``)
    kind: str = ""
    reason: str = ""
    pattern_kind: str = ""  # what its wording alone makes it: "date", "byline", "furniture", ...
    pattern_reason: str = ""  # which pattern said so (one of ``PATTERN_REASONS``)
    probability: float = 1.0  # the line model's P(article content)
    evidence: tuple[str, ...] = ()  # the features that weighed most against content, strongest first

    @property
    def capitalized(self) -> int:
        """How many of the words start with a capital letter."""
        return sum(1 for word in self.text.split() if word[:1].isupper())


@dataclass
class Document:
    """The lines of one page, with the site that published it (``sites.site_key``) and, for a page
    read from HTML, the DOM features of each line (``dom.DOM_FEATURES``)."""

    lines: list[Line]
    outlet_key: str = ""
    dom: np.ndarray | None = None


def word_count(text: str) -> int:
    return len(text.split())


CLOSERS = "\"'”’)]"


def ends_sentence(text: str) -> bool:
    return text.rstrip().rstrip(CLOSERS).endswith((".", "!", "?", "…"))


def is_prose(text: str, words: int | None = None) -> bool:
    words = word_count(text) if words is None else words
    return (words >= PROSE_WORDS and ends_sentence(text)) or words >= LONG_LINE_WORDS


def normalize_lower(lower: str) -> str:
    """Lower-cased text with punctuation as spaces: for comparing lines regardless of quotes and dashes."""
    return " ".join(p.PUNCTUATION.sub(" ", lower).split())


def make_document(text: str, outlet_key: str = "") -> Document:
    texts = [line for line in map(str.strip, text.splitlines()) if line]
    runs_on = continuations(texts) if looks_hard_wrapped(texts) else [False] * len(texts)
    return Document(make_lines(texts, runs_on), outlet_key)


def make_lines(texts: Sequence[str], runs_on: Sequence[bool] | None = None) -> list[Line]:
    """Lines of the given stripped texts; ``runs_on`` flags the lines of hard-wrapped paragraphs."""
    counts = [word_count(t) for t in texts]
    runs_on = runs_on or [False] * len(texts)
    if any(runs_on):
        prose = wrapped_prose_flags(texts, runs_on)
    else:
        prose = [is_prose(t, words) for t, words in zip(texts, counts, strict=True)]
    lowered = [t.lower() for t in texts]
    return [
        Line(t, words, flag, joins, lower, normalize_lower(lower))
        for t, words, flag, joins, lower in zip(texts, counts, prose, runs_on, lowered, strict=True)
    ]


def looks_hard_wrapped(texts: Sequence[str]) -> bool:
    """Text broken at a fixed width: long lines stop mid-sentence and the next line goes on in lower case."""
    breaks = [
        following[:1].islower()
        for line, following in itertools.pairwise(texts)
        if len(line) >= WRAPPED_LINE_CHARS and not ends_sentence(line)
    ]
    return sum(breaks) >= MIN_WRAPPED_BREAKS and sum(breaks) >= 0.5 * len(breaks)


def continuations(texts: Sequence[str]) -> list[bool]:
    """For hard-wrapped text: whether each line runs on into the next (a full-width line that stops
    mid-sentence, or any unfinished line followed by a lower-case word)."""
    widths = sorted(len(text) for text in texts if len(text) >= WRAPPED_LINE_CHARS)
    full_width = FULL_WIDTH_SHARE * widths[len(widths) * 3 // 4] if widths else 0
    flags = []
    for index, text in enumerate(texts):
        following = texts[index + 1] if index + 1 < len(texts) else ""
        open_ended = bool(following) and len(text) >= WRAPPED_LINE_CHARS and not ends_sentence(text)
        flags.append(open_ended and (len(text) >= full_width or following[:1].islower()))
    return flags


def wrapped_prose_flags(texts: Sequence[str], runs_on: Sequence[bool]) -> list[bool]:
    """Prose flags for hard-wrapped text: each line takes the flag of the paragraph it belongs to."""
    flags = [False] * len(texts)
    start = 0
    while start < len(texts):
        end = start
        while runs_on[end]:
            end += 1
        joined = " ".join(texts[start : end + 1])
        is_paragraph = end > start and word_count(joined) >= PROSE_WORDS
        for index in range(start, end + 1):
            flags[index] = is_paragraph or is_prose(texts[index])
        start = end + 1
    return flags


# -- the line itself -------------------------------------------------------------------------------


def pattern_reason(line: Line, page_gates: tuple[str, ...] = p.GATE_STRINGS) -> tuple[str, str] | None:
    """(kind, reason) when the line's wording alone marks it as furniture or metadata."""
    text, lower = line.text, line.lower
    if timestamp_line(lower):
        if WIRE_DATELINE.match(text):
            return DATELINE, "dateline"
        return "date", "date/timestamp line"
    if byline(text) is not None:
        return "byline", "byline"
    reason = p.furniture_reason(lower, line.words, page_gates)
    if reason:
        return "furniture", reason
    if p.credit(lower) or (line.words <= 8 and p.CREDIT_NAMES.match(text)):
        return "caption", "photo caption/credit"
    if p.CAPTION_START.search(lower) or p.CAPTION_DATELINE.match(text):
        return "caption", "photo caption"
    if not LETTER.search(text):
        return "furniture", "no words"
    if doubled(line.key):
        return "furniture", DOUBLED
    if line.words >= 4 and keyword_list(text):
        return "furniture", "keyword list"
    return None


def timestamp_line(lower: str) -> bool:
    """A (lower-cased) line that is only a date or time, with words like "posted" and a source name."""
    if p.MONTH_DAY.match(lower):
        return True
    has_year = "19" in lower or "20" in lower
    if not (
        (has_year and p.DATE.search(lower)) or (":" in lower and p.TIME.search(lower) and MONTH.search(lower))
    ):
        return False
    text = lower
    rest = p.TIME.sub(" ", p.DATE.sub(" ", text))
    rest = p.TIMESTAMP_FILLER.sub(" ", rest)
    leftover = [word for word in rest.split() if any(map(str.isalpha, word))]
    return len(leftover) <= 3


def byline(text: str) -> str | None:
    """The author named by a "By ..." line, "" for an empty byline, None when the line is not one."""
    match = p.BYLINE.match(text.lower())
    if not match or word_count(text) > 14 or ends_sentence(text):
        return None
    written = text[match.start("name") : match.end("name")]
    name = re.split(r"\s+(?:on|in|at|for|and updated)\s+|\s+-\s+|\d", written)[0].strip()
    if name and not all(word[0].isupper() or word in NAME_CONNECTORS for word in name.split()):
        return None
    if name and MONTH_OR_DAY.match(name.lower()):  # "By Tuesday, ..." is a sentence
        return None
    return name


def doubled(key: str) -> bool:
    """A normalized line that is one text written twice."""
    half = len(key) // 2
    return len(key) > 10 and key[:half].strip() == key[half:].strip()


def keyword_list(text: str) -> bool:
    """Tag clouds and image alt texts: comma lists of names with hardly any function words."""
    if ends_sentence(text):
        return False
    items = [item.strip() for item in text.split(",")]
    return len(items) >= 4 and all(0 < word_count(item) <= 5 for item in items)


def name_line(text: str) -> bool:
    """A person's or desk's name alone: "Jane Roe", "Jane Roe, AFP", "Jane Roe and John Doe"."""
    if ends_sentence(text) or text.endswith(":") or len(text) > 60 or any(ch.isdigit() for ch in text):
        return False
    tokens = re.split(r"\s*,\s*|\s+and\s+|\s*/\s*|\s+", text.strip())
    tokens = [t for t in tokens if t]
    if not 2 <= len(tokens) <= 8:
        return False
    return all(t[0].isupper() and t.lower() not in p.STOPWORDS for t in tokens)


# -- what the patterns say about each line ---------------------------------------------------------

PATTERN_REASONS = [
    "dateline",
    "date/timestamp line",
    "byline",
    *dict.fromkeys(furniture.reason for furniture in p.FURNITURE),
    "photo caption/credit",
    "photo caption",
    "no words",
    DOUBLED,
    "keyword list",
    "site name",
]


def mark_patterns(lines: Sequence[Line], site: str = "") -> None:
    """Set ``pattern_kind`` and ``pattern_reason`` of every line."""
    # only lines short enough for a furniture rule are searched for its gate strings
    short_lines = "\n".join(line.lower for line in lines if line.words <= p.LONGEST_RULE)
    page_gates = p.gate_strings_in(short_lines)
    for line in lines:
        if site and line.words <= 6 and is_site_name(line.text, site):
            line.pattern_kind, line.pattern_reason = SITE_NAME, "site name"
            continue
        found = pattern_reason(line, page_gates)
        if found:
            line.pattern_kind, line.pattern_reason = found


def caption_style(line: Line) -> bool:
    """Worded as a photo caption: a present-tense caption verb, no reported speech."""
    return p.caption_verb(line.text) and not p.reported_speech(line.lower)


# -- the story's documents together ----------------------------------------------------------------


def content_words(key: str) -> set[str]:
    """The content words of a normalized line."""
    return {word for word in set(key.split()) - p.STOPWORDS if len(word) > 2}


def story_vocabulary(documents: Sequence[Document]) -> Counter[str]:
    """In how many documents each word of a paragraph appears."""
    vocabulary: Counter[str] = Counter()
    for document in documents:
        vocabulary.update(set(" ".join([line.key for line in document.lines if line.prose]).split()))
    return vocabulary


def repeated_lines(documents: Sequence[Document]) -> dict[str, set[str]]:
    """Normalized lines that recur across documents: within one outlet (key: the outlet) any line but a
    long paragraph (two versions of one story share those), across outlets only non-prose lines (key "")."""
    per_outlet: dict[str, Counter[str]] = {}
    across: Counter[str] = Counter()
    for document in documents:
        seen = {line.key: line for line in document.lines}
        outlet = per_outlet.setdefault(document.outlet_key, Counter())
        for key, line in seen.items():
            if not key:
                continue
            if not (line.prose and line.words >= SAME_OUTLET_MAX_WORDS):
                outlet[key] += 1
            if not line.prose:
                across[key] += 1
    result = {outlet: {key for key, n in counts.items() if n >= 2} for outlet, counts in per_outlet.items()}
    result[""] = {key for key, count in across.items() if count >= 2}
    return result


# -- the headline ----------------------------------------------------------------------------------


def choose_title(lines: Sequence[Line], vocabulary: Counter[str]) -> int | None:
    """The headline: the head line (before the first paragraph) whose words the story's paragraphs use."""
    first_prose = next(
        (i for i, line in enumerate(lines) if line.prose and not line.pattern_kind), len(lines)
    )
    best, best_score = None, 0.0
    for index in range(first_prose):
        line = lines[index]
        if (
            line.pattern_kind
            or not 3 <= line.words <= 25
            or line.text.endswith((":", ","))
            or line.text.islower()
        ):
            continue
        words = content_words(line.key)
        shared = sum(min(vocabulary[word], 3) for word in words)
        score = shared / max(len(words), 1) + 0.1 * min(line.words, 10)
        if score > best_score:
            best, best_score = index, score
    return best


def title_lines(lines: Sequence[Line], title_index: int | None) -> list[int]:
    """The headline and its repeats on the page."""
    if title_index is None:
        return []
    key = lines[title_index].key
    return [index for index, line in enumerate(lines) if line.key == key]
