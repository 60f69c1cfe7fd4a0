"""Sentence splitting of clean paragraphs with blingfire's finite-state splitter, plus repairs:
no split inside a quotation, no sentence starting in lower case, and only prose is offered."""

from __future__ import annotations

import re
from collections.abc import Sequence

import blingfire

from newsynth.clean.lines import ends_sentence
from newsynth.records import Sentence

MIN_SENTENCE_WORDS = 4
MAX_QUOTE_MERGES = 4
MAX_MERGED_WORDS = 60  # a longer quotation stays in its sentences
PARAGRAPH_BREAK = "\u2029"

HTML_TAG = re.compile(r"<[^>]{1,300}>")
BLOCK_TAG = re.compile(
    r"</?(?:p|h[1-6]|br|li|ul|ol|div|blockquote|tr|td|figure|figcaption)\b[^>]{0,300}>", re.I
)
LEADING_JUNK = re.compile(r"^[\s?•·*|>»–—-]+(?=\S)")
# A scraper's "date 2014-10-08 " stamp, then wire datelines before the lead: "GAZA CITY -- ",
# "FLINT, Mich. — ", "SEOUL (AFP) - ", "(Reuters) – ", "CAIRO Dec 2 ".
SCRAPER_DATE = re.compile(r"^date \d{4}-\d\d-\d\d\s+")
# A page timestamp glued before the dateline: "8:01AM EST December 2. 2012 – ", "Updated 10:05 a.m. - ".
LEADING_TIMESTAMP = re.compile(
    r"^(?:updated:?\s+|posted:?\s+)?\d{1,2}:\d\d\s*(?:[ap]\.?m\.?)?\s*(?:[A-Z]{2,4}\s+)?"
    r"(?:[A-Z][a-z]+\.?\s+\d{1,2}[.,]?\s+\d{4}\s*)?[—–-]{1,2}\s+",
    re.IGNORECASE,
)
WIRE_DATE = re.compile(
    r"^[A-Z][A-Z ,.'’]{2,40}\s(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.? \d{1,2}"
    r"(?:\s*\([A-Za-z]+\))?\s*(?:--|[—–-])?\s+(?=[A-Z\"“])"
)
DATELINE = re.compile(
    r"^(?:[A-Z][A-Z.'’ -]{2,}(?:,[^—–()]{1,40}?)?\s*(?:\([A-Za-z ,]{2,30}\))?|\([A-Za-z ,]{2,30}\))"
    r"\s*(?:--|[—–-])\s*"
)


def html_paragraphs(paragraph: str) -> list[str]:
    """A paragraph with HTML left in it, cut at its block tags (headings, paragraphs, line breaks)."""
    if "<" not in paragraph:
        return [paragraph]
    parts = [HTML_TAG.sub(" ", part) for part in BLOCK_TAG.split(paragraph)]
    return [" ".join(part.split()) for part in parts if part.strip()]


def split_sentences(paragraphs: Sequence[str] | str, article_id: str) -> list[Sentence]:
    """The readable sentences of an article's paragraphs (a list, or text with blank lines between
    paragraphs), numbered in order."""
    if isinstance(paragraphs, str):
        paragraphs = [part for part in re.split(r"\n\s*\n", paragraphs) if part.strip()]
    texts = [prepare(paragraph, first=index == 0) for index, paragraph in enumerate(paragraphs)]
    sentences: list[Sentence] = []
    for paragraph_index, pieces in enumerate(split_paragraphs(texts)):
        for piece in repair(pieces):
            text = tidy(piece)
            if text and readable(text):
                sentences.append(Sentence(text, article_id, len(sentences), paragraph_index))
    return sentences


def prepare(paragraph: str, first: bool) -> str:
    text = HTML_TAG.sub(" ", paragraph) if "<" in paragraph else paragraph
    text = " ".join(text.replace(PARAGRAPH_BREAK, " ").split())
    if not first:
        return text
    text = LEADING_TIMESTAMP.sub("", SCRAPER_DATE.sub("", text, count=1), count=1)
    return WIRE_DATE.sub("", DATELINE.sub("", text, count=1), count=1)


def split_paragraphs(texts: Sequence[str]) -> list[list[str]]:
    """blingfire's sentences of each paragraph, from one call over the whole article: the Unicode
    paragraph separator between paragraphs is a hard break for it."""
    paragraphs: list[list[str]] = [[]]
    for piece in blingfire.text_to_sentences(PARAGRAPH_BREAK.join(texts)).split("\n"):
        parts = piece.split(PARAGRAPH_BREAK)
        for position, part in enumerate(parts):
            if position:
                paragraphs.append([])
            if part.strip():
                paragraphs[-1].append(part.strip())
    return paragraphs[: len(texts)] if texts else []


def repair(pieces: list[str]) -> list[str]:
    """Join pieces split inside a quotation, before a lower-case continuation or after a title."""
    joined: list[str] = []
    merges = 0
    for piece in pieces:
        mergeable = (
            joined
            and merges < MAX_QUOTE_MERGES
            and (open_quote(joined[-1]) or piece[:1].islower() or lone_abbreviation(joined[-1]))
        )
        if mergeable and len(joined[-1].split()) + len(piece.split()) <= MAX_MERGED_WORDS:
            joined[-1] = f"{joined[-1]} {piece}"
            merges += 1
            continue
        joined.append(piece)
        merges = 0
    return joined


def lone_abbreviation(text: str) -> bool:
    """A piece that is only a title such as "Mr." or "Gen.": blingfire sometimes ends a sentence there."""
    return " " not in text and len(text) <= 5 and text.endswith(".") and text[:1].isupper()


def open_quote(text: str) -> bool:
    return text.count('"') % 2 == 1 or text.count("“") > text.count("”")


def tidy(sentence: str) -> str:
    if sentence[:1].isalnum() or sentence[:1] in "\"“‘'(":
        return sentence
    return LEADING_JUNK.sub("", sentence).strip()


def readable(sentence: str) -> bool:
    """Prose worth offering to a summary: enough words, a proper end, not all in capitals."""
    enough_words = len(sentence.split(maxsplit=MIN_SENTENCE_WORDS - 1)) >= MIN_SENTENCE_WORDS
    if not enough_words or not ends_sentence(sentence):
        return False
    return sentence != sentence.upper()
