"""Small text helpers shared by the compare modules: words, content words, plural folding, fast
case-insensitive patterns."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from functools import lru_cache

from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

STOP_WORDS = frozenset(ENGLISH_STOP_WORDS) | {"said", "says", "told", "also", "would", "could", "s"}
WORD_PATTERN = re.compile(r"[A-Za-z][A-Za-z'’\-]*|\d[\d,.]*")
LETTER_WORD = re.compile(r"[A-Za-z][A-Za-z'’\-]*")
POSSESSIVE = re.compile(r"'s\b")
NOT_ALPHANUMERIC = re.compile(r"[^a-z0-9]+")
QUOTE_CHARS = str.maketrans({"“": '"', "”": '"', "„": '"', "‟": '"', "’": "'", "‘": "'", "–": "-", "—": "-"})
QUOTE_PAIRS = tuple((chr(char), plain) for char, plain in QUOTE_CHARS.items())


def normalize_punctuation(text: str) -> str:
    """Straight quotes and hyphens, so that patterns need to know only one form."""
    return text if text.isascii() else _translated(text)  # every character replaced is non-ASCII


@lru_cache(maxsize=8192)
def _translated(text: str) -> str:
    # ``text.translate(QUOTE_CHARS)``, several times faster: translate looks up every character of a
    # non-ASCII text in the table, a replacement scans in C for one; no replacement makes a character
    # that another one replaces
    for char, plain in QUOTE_PAIRS:
        text = text.replace(char, plain)
    return text


@lru_cache(maxsize=8192)
def fold(text: str) -> str:
    """Lower case without accents, hyphens or apostrophes: a key for comparing names and words."""
    text = normalize_punctuation(text)
    if not text.isascii():  # ASCII has no accents to take off
        text = unicodedata.normalize("NFKD", text)
        text = "".join(char for char in text if not unicodedata.combining(char))
    text = text.lower()
    text = POSSESSIVE.sub("", text).replace(".", "")  # "U.S." = "US"
    return " ".join(NOT_ALPHANUMERIC.sub(" ", text).split())


IRREGULAR_PLURALS = {"people": "person", "men": "man", "women": "woman", "children": "child"}


def singular(word: str) -> str:
    """A crude plural folding, enough to match "pages" with "page", "casualties" with "casualty" and
    "people" with "persons"."""
    if not word.endswith("s"):  # most words; no irregular plural ends so
        return IRREGULAR_PLURALS.get(word, word)
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def words(text: str) -> list[str]:
    return WORD_PATTERN.findall(normalize_punctuation(text))


@lru_cache(maxsize=4096)
def content_words(text: str) -> frozenset[str]:
    """Lower-cased, plural-folded words that carry meaning (no stop words, no bare numbers)."""
    return frozenset(folded for _, _, folded in content_word_forms(text))


@lru_cache(maxsize=4096)
def content_word_forms(text: str) -> tuple[tuple[str, str, str], ...]:
    """Each word of ``content_words``, in order, as (written, lower-cased, plural-folded)."""
    written = LETTER_WORD.findall(normalize_punctuation(text))  # the words of ``words`` but numbers
    return tuple(filter(None, map(_content_forms, written)))  # None for a stop word, else a triple


@lru_cache(maxsize=65536)
def _content_forms(word: str) -> tuple[str, str, str] | None:
    """A written word as written, lower-cased and plural-folded; None for a stop word or a word of two
    letters."""
    lowered = word.lower().strip("'-")
    if len(lowered) > 2 and lowered not in STOP_WORDS:
        return word, lowered, singular(lowered)
    return None


class Caseless:
    """A case-insensitive pattern (its letters written in lower case). On ASCII text it matches the
    lower-cased text case-sensitively instead: the same spans, and several times faster, because sre
    cannot skip ahead on a case-insensitive alternation. Take matched text from the spans."""

    def __init__(self, source: str) -> None:
        self.ignoring_case = re.compile(source, re.IGNORECASE)
        self.lower_case = re.compile(source)

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        if text.isascii():
            return self.lower_case.finditer(text.lower())
        return self.ignoring_case.finditer(text)

    def search(self, text: str) -> re.Match[str] | None:
        if text.isascii():
            return self.lower_case.search(text.lower())
        return self.ignoring_case.search(text)
