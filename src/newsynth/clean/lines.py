"""Classify each line of extracted page text: article content, headline, metadata or furniture.

Signals, in order: the line itself (patterns, length, punctuation), the other documents of the
story (lines repeated across documents), and its place in the page (menus and kickers before the
first paragraph, widgets after the last one, captions beside photo credits).
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

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
SOLID_PROSE_WORDS = 10
AUTHOR_LINE_WORDS = 10  # "Jane Roe / Senior Political Analyst"
CAPTION_MIN_WORDS = 5  # a caption describes the photo; a shorter line above a name is a site or desk name
CAPTION_TAIL_CHARS = 40  # "... in Cairo on Tuesday." is looked for at the end of the line only
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

    @property
    def capitalized(self) -> int:
        """How many of the words start with a capital letter."""
        return sum(1 for word in self.text.split() if word[:1].isupper())

    @property
    def decided(self) -> bool:
        return bool(self.kind)

    @property
    def is_furniture(self) -> bool:
        return self.decided and self.kind not in KEPT_KINDS

    def mark(self, kind: str, reason: str = "") -> None:
        if not self.decided:
            self.kind, self.reason = kind, reason or kind


@dataclass
class Document:
    """The lines of one page, with the site that published it (``sites.site_key``)."""

    lines: list[Line]
    outlet_key: str = ""


def word_count(text: str) -> int:
    return len(text.split())


CLOSERS = "\"'”’)]"


def ends_sentence(text: str) -> bool:
    return text.rstrip().rstrip(CLOSERS).endswith((".", "!", "?", "…"))


def is_prose(text: str, words: int | None = None) -> bool:
    words = word_count(text) if words is None else words
    return (words >= PROSE_WORDS and ends_sentence(text)) or words >= LONG_LINE_WORDS


def normalize(text: str) -> str:
    """Lower case, punctuation as spaces: for comparing lines regardless of quotes and dashes."""
    return normalize_lower(text.lower())


def normalize_lower(lower: str) -> str:
    return " ".join(p.PUNCTUATION.sub(" ", lower).split())


def make_document(text: str, outlet_key: str = "") -> Document:
    texts = [line for line in map(str.strip, text.splitlines()) if line]
    counts = [word_count(t) for t in texts]
    runs_on = continuations(texts) if looks_hard_wrapped(texts) else [False] * len(texts)
    if any(runs_on):
        prose = wrapped_prose_flags(texts, runs_on)
    else:
        prose = [is_prose(t, words) for t, words in zip(texts, counts, strict=True)]
    lowered = [t.lower() for t in texts]
    lines = [
        Line(t, words, flag, joins, lower, normalize_lower(lower))
        for t, words, flag, joins, lower in zip(texts, counts, prose, runs_on, lowered, strict=True)
    ]
    return Document(lines, outlet_key)


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


# -- the whole page --------------------------------------------------------------------------------


def classify_documents(documents: Sequence[Document]) -> None:
    """Set kind and reason of every line of every document, the documents judged together."""
    repeated = repeated_lines(documents)
    vocabulary = story_vocabulary(documents)
    for document in documents:
        same_outlet = repeated.get(document.outlet_key, set()) if document.outlet_key else set()
        classify_lines(document.lines, same_outlet | repeated[""], vocabulary, document.outlet_key)


def content_words(key: str) -> set[str]:
    """The content words of a normalized line."""
    return {word for word in set(key.split()) - p.STOPWORDS if len(word) > 2}


def story_vocabulary(documents: Sequence[Document]) -> Counter[str]:
    """In how many documents each word of a paragraph appears (only content words are looked up, so
    stopwords are counted too rather than filtered out line by line)."""
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


def classify_lines(lines: list[Line], repeated: set[str], vocabulary: Counter[str], site: str = "") -> None:
    # only lines short enough for a furniture rule are searched for its gate strings
    short_lines = "\n".join(line.lower for line in lines if line.words <= p.LONGEST_RULE)
    page_gates = p.gate_strings_in(short_lines)
    for line in lines:
        if site and line.words <= 6 and is_site_name(line.text, site):
            line.mark(SITE_NAME, "site name")
        found = pattern_reason(line, page_gates)
        if found:
            line.mark(*found)
    prose_positions = [i for i, line in enumerate(lines) if line.prose and not line.decided]
    first_prose = prose_positions[0] if prose_positions else len(lines)
    title = choose_title(lines, first_prose, vocabulary)
    if title is not None:
        mark_title_lines(lines, title)
    mark_echoes(lines)
    for line in lines:
        if not line.decided and line.key in repeated:
            line.mark("furniture", "repeated across documents")
    mark_captions(lines, first_prose)
    mark_head(lines, first_prose, prose_positions, title)
    mark_tail(lines)
    mark_clusters(lines)
    for line in lines:
        line.mark(CONTENT)


def mark_echoes(lines: list[Line]) -> None:
    """Lines that echo furniture (a video title after "Click to play video: '...'") or the next line
    (a caption shown twice, a teaser that the first paragraph repeats in full)."""
    furniture_keys = [line.key for line in lines if line.is_furniture and line.reason != DOUBLED]
    for index, line in enumerate(lines):
        if line.decided or line.words < 3:
            continue
        key = line.key
        if any(key in other and key != other for other in furniture_keys):
            line.mark("furniture", "title of a link or video")
            continue
        following = lines[index + 1] if index + 1 < len(lines) else None
        if following is None or line.words < 6 or following.kind == TITLE:
            continue
        next_key = following.key
        if next_key == key:
            line.mark("furniture", "line shown twice")
            following.mark("furniture", "line shown twice")
        elif next_key.startswith(key) or key.startswith(next_key):
            line.mark("furniture", "teaser or caption that the next line repeats")


def choose_title(lines: list[Line], first_prose: int, vocabulary: Counter[str]) -> int | None:
    """The headline: the head line (before the first paragraph) whose words the story's paragraphs use."""
    best, best_score = None, 0.0
    for index in range(min(first_prose, len(lines))):
        line = lines[index]
        if line.decided or not 3 <= line.words <= 25 or line.text.endswith((":", ",")) or line.text.islower():
            continue
        words = content_words(line.key)
        shared = sum(min(vocabulary[word], 3) for word in words)
        score = shared / max(len(words), 1) + 0.1 * min(line.words, 10)
        if score > best_score:
            best, best_score = index, score
    return best


def mark_title_lines(lines: list[Line], title_index: int) -> None:
    title = lines[title_index]
    key = title.key
    title.mark(TITLE, "headline")
    for line in lines:
        text_key = line.key
        if line is title or not text_key:
            continue
        if text_key == key:
            line.mark(TITLE, "repeated headline")
        elif key in text_key and len(text_key) - len(key) <= 25:
            line.mark("furniture", "headline inside a menu line")


def mark_head(lines: list[Line], first_prose: int, prose_positions: list[int], title: int | None) -> None:
    """Menus, kickers, alt texts and names before the first paragraph (and before the second);
    a sentence-like standfirst right after the headline stays."""
    for index in range(min(first_prose, len(lines))):
        line = lines[index]
        if title is not None and index > title and standfirst(line):
            line.mark(CONTENT, "standfirst")
        line.mark("furniture", "page header (before the article)")
    second = prose_positions[1] if len(prose_positions) > 1 else first_prose
    for index in range(first_prose + 1, min(second, len(lines))):
        line = lines[index]
        if not line.prose and line.words <= 12:
            line.mark("furniture", "page header (between headline block and article)")


def standfirst(line: Line) -> bool:
    """A sentence-case line (not a title-case headline or a name)."""
    return line.words >= 6 and line.capitalized <= 0.5 * line.words and not name_line(line.text)


def mark_captions(lines: list[Line], first_prose: int) -> None:
    """Photo captions: beside a credit line, or in caption style (present tense, "on Tuesday.")."""
    for index, line in enumerate(lines):
        if line.decided or line.words > 90:
            continue
        following = lines[index + 1] if index + 1 < len(lines) else None
        before_credit = following is not None and (
            following.reason == "photo caption/credit"
            or (line.words >= CAPTION_MIN_WORDS and not following.decided and name_line(following.text))
        )
        if before_credit and (not ends_sentence(line.text) or caption_style(line)):
            line.mark("caption", "photo caption")
            if following is not None and not following.decided:
                following.mark("caption", "photo credit")
        elif line.words > 60:
            continue
        elif (
            (line.words <= 35 and p.CAPTION_TAIL.search(line.lower[-CAPTION_TAIL_CHARS:]))
            or (index <= first_prose + 1 and not ends_sentence(line.text))
        ) and caption_style(line):
            line.mark("caption", "photo caption")


def caption_style(line: Line) -> bool:
    return p.caption_verb(line.text) and not p.reported_speech(line.lower)


TAIL_TRIGGERS = frozenset({"furniture", "byline"})


def mark_tail(lines: list[Line]) -> None:
    """After the first widget below the article, everything but solid prose is furniture."""
    body_end = last_solid_prose(lines)
    in_tail = False
    for index, line in enumerate(lines):
        if index >= body_end and not line.decided and author_line(lines, index):
            line.mark("byline", "author line (after the article)")
        if index >= body_end and not line.decided and follows_name(lines, index):
            line.mark("byline", "author bio (after the article)")
        if line.kind in TAIL_TRIGGERS and index >= body_end:
            in_tail = True
            continue
        if not in_tail or line.decided:
            continue
        solid = line.prose and line.words >= SOLID_PROSE_WORDS
        if solid and not follows_name(lines, index) and not teaser(lines, index):
            in_tail = False
            continue
        if index + 1 == len(lines) and truncated_sentence(line):
            continue
        if line.prose and standfirst(line) and not teaser(lines, index):
            continue  # a short closing paragraph after an ad slot is still the article
        line.mark("furniture", "page footer (after the article)")


def teaser(lines: list[Line], index: int) -> bool:
    """The blurb of a related-article link: a sentence below a title-case line, in a list of such
    links (under a widget heading other than an ad slot, or after another title and blurb)."""
    if index < 2 or not title_case(lines[index - 1]):
        return False
    above = lines[index - 2]
    if above.is_furniture:
        return above.reason != "advertisement"
    return above.prose and index >= 3 and title_case(lines[index - 3])


def title_case(line: Line) -> bool:
    return not line.prose and line.words >= 3 and line.capitalized > 0.5 * line.words


def author_line(lines: list[Line], index: int) -> bool:
    """A name with a role ("Jane Roe / Staff Writer") or a name whose bio follows."""
    text = lines[index].text
    if not name_line(text):
        return False
    has_role = bool(re.search(r"\s[/|]\s|,\s", text))
    return has_role or (index + 1 < len(lines) and follows_name(lines, index + 1))


def truncated_sentence(line: Line) -> bool:
    """The page text stops mid-sentence: a sentence-case line without an end."""
    return standfirst(line) and not ends_sentence(line.text)


def last_solid_prose(lines: list[Line]) -> int:
    """Index of the first line after the body (half the page at least)."""
    last = -1
    for index, line in enumerate(lines):
        if (
            line.prose
            and not line.decided
            and line.words >= SOLID_PROSE_WORDS
            and not follows_name(lines, index)
            and not teaser(lines, index)
        ):
            last = index
    return max(last + 1, len(lines) // 2)


def follows_name(lines: list[Line], index: int) -> bool:
    """An author's bio: a line that starts with the name of the byline just above it."""
    if not index or lines[index - 1].words > AUTHOR_LINE_WORDS or lines[index - 1].prose:
        return False
    name = re.split(r"\s*[/,|]\s*", lines[index - 1].text)[0].strip()
    return bool(name) and lines[index].text.startswith(name) and name_line(name)


def mark_clusters(lines: list[Line]) -> None:
    """Short non-prose lines wedged between furniture lines belong to the same widget."""
    for index, line in enumerate(lines):
        if line.decided or line.prose or line.words > 15:
            continue
        before = index == 0 or lines[index - 1].is_furniture
        after = index + 1 == len(lines) or lines[index + 1].is_furniture
        if before and after and index + 1 != len(lines):
            line.mark("furniture", "next to page furniture")
