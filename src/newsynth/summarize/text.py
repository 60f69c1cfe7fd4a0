"""Word-level views of a sentence shared by the summarizer's modules: stems, content words, bigrams."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from itertools import pairwise

from nltk.stem.porter import PorterStemmer
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

# Apostrophes split words, straight or curly alike, so "Gogh's", "Gogh’s" and "Gogh" are one
# concept across outlets (and "it's" is "it" + "s", not a content word).
TOKEN = re.compile(r"[a-z0-9]+")
CONTRACTION_PIECES = (
    "don didn doesn isn wasn aren weren hasn haven hadn wouldn couldn shouldn ll ve re"  # "didn't" -> didn t
)
STOP_WORDS = (
    frozenset(ENGLISH_STOP_WORDS)
    | {"said", "says", "say", "told", "according", "mr", "ms", "mrs"}
    | frozenset(CONTRACTION_PIECES.split())
)
_stemmer = PorterStemmer()
SMALL_NUMBERS = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
    "sixteen seventeen eighteen nineteen twenty"
)
TENS = "thirty forty fifty sixty seventy eighty ninety"
NUMBER_WORDS = {word: str(value) for value, word in enumerate(SMALL_NUMBERS.split())} | {
    word: str(30 + 10 * position) for position, word in enumerate(TENS.split())
}


@cache
def stem(word: str) -> str:
    """Porter stem; number words become digits so "eighteen" matches "18"."""
    return NUMBER_WORDS.get(word) or _stemmer.stem(word)


@dataclass(frozen=True)
class Terms:
    """What the summarizer counts in a sentence."""

    stems: tuple[str, ...]
    content: frozenset[str]  # content-word stems
    bigrams: frozenset[tuple[str, str]]  # stem bigrams with at least one content word


def terms(text: str) -> Terms:
    stems = tuple(stem(word) for word in TOKEN.findall(text.lower()))
    content = frozenset(s for s in stems if s.isdigit() or (s not in STOP_WORDS and len(s) > 1))
    bigrams = frozenset(pair for pair in pairwise(stems) if pair[0] in content or pair[1] in content)
    return Terms(stems, content, bigrams)
