"""Which sentences may appear in a summary, and how they read there.

A summary sentence must stand on its own: no fragments, no text cut off mid-sentence, no
caption or byline (the clean stage removes most), and no opening pronoun or bare quote whose
referent is missing, unless the sentence before it in its article is in the summary too.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from newsynth.records import Sentence
from newsynth.summarize.text import Terms, terms

MIN_WORDS = 8
MAX_WORDS = 60

# "CAIRO, Egypt -- ", "SEOUL (AFP) - ", "VANDENBERG AIR FORCE BASE, Calif. (AP) — ": place and agency
# before the first dash; the place is in capitals or an agency in parentheses follows it.
DATELINE = re.compile(
    r"^(?:[A-Z][A-Z.'-]+(?:[ ,]+[A-Za-z][A-Za-z.'-]*){0,5}\s*(?:\([^()]{1,30}\))?"
    r"|[A-Z][\w.'-]*(?:[ ,]+[A-Za-z][\w.'-]*){0,4}\s*\([A-Z][^()]{0,28}\))\s*(?:--|[—–-])\s+(?=[A-Z\"“‘'])"
)
OPENING_PRONOUN = re.compile(
    r"^(?:he|she|they|it|this|these|those|his|her|their|its|him|them|that|such)\b", re.I
)
BARE_QUOTE = re.compile(r"^[\"“][^\"”]+[\"”]$")
ENDS_SENTENCE = re.compile(r"[.!?][\"”’')\]]*$")


@dataclass
class Candidate:
    sentence: Sentence
    text: str  # as it reads in a summary (dateline removed)
    terms: Terms
    words: int
    source: str  # the independent source: wire copies share one
    needs_previous: bool  # readable only right after the sentence before it


def summary_text(sentence_text: str) -> str:
    return DATELINE.sub("", sentence_text, count=1).strip()


def make_candidate(sentence: Sentence, source: str) -> Candidate:
    text = summary_text(sentence.text)
    return Candidate(
        sentence=sentence,
        text=text,
        terms=terms(text),
        words=len(text.split()),
        source=source,
        needs_previous=sentence.index > 0 and bool(OPENING_PRONOUN.match(text) or BARE_QUOTE.match(text)),
    )


def is_readable(candidate: Candidate) -> bool:
    return MIN_WORDS <= candidate.words <= MAX_WORDS and bool(ENDS_SENTENCE.search(candidate.text))
