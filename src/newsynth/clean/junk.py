"""Documents that are not news articles about the story: error, paywall and cookie pages, social-media
embed text, web-archive notices, pages about something else, pages with no article text left."""

from __future__ import annotations

import re
from collections.abc import Sequence

from newsynth.clean.patterns import lower, words_of

# (reason shown in the brief, gate, cue pattern). A page is junk of a kind when the cues are there
# and little article text is left after cleaning; cues alone never drop a real article. The gate
# lists words one of which a cue needs: a cheap test before the regex.
JUNK_CUES: list[tuple[str, tuple[str, ...], re.Pattern[str]]] = [
    (
        "error page",
        (
            "40",
            "50",
            "found",
            "request",
            "available",
            "removed",
            "deleted",
            "taken down",
            "denied",
            "wrong",
            "error",
        ),
        lower(
            r"\b(?:404|403|500|502|503)\b.{0,30}\b(?:error|not found|forbidden|unavailable)\b|"
            r"page (?:was )?not found|"
            r"(?:page|article|content|story) (?:you (?:are|were|'re) looking for|you requested)|"
            r"(?:no longer|is not|isn't) available|has been (?:removed|deleted|taken down)|access denied|"
            r"something went wrong|an error (?:has )?occurred|we can(?:no|')t find|server error|bad gateway"
        ),
    ),
    (
        "paywall",
        ("subscri", "continue", "already", "log", "sign", "reached", "free", "premium", "unlock"),
        lower(
            r"subscribe (?:now )?to (?:continue|read|keep)|to continue reading|"
            r"(?:for|only for) (?:paid )?subscribers|subscribers? only|"
            r"already (?:a subscriber|have an account)|"
            r"(?:log|sign) ?in to (?:continue|read)|"
            r"reached (?:your|the) (?:limit|free article|monthly)|free articles? (?:left|remaining)|"
            r"premium (?:content|article|members)|unlock (?:this|full) (?:article|story|access)"
        ),
    ),
    (
        "cookie wall",
        ("cookie", "privacy", "consent", "accept all", "reject all"),
        lower(
            r"\bcookies?\b[^.]{0,80}\b(?:consent|accept|agree|preferences|settings|we use|uses)\b|"
            r"\b(?:we|our partners) use cookies|we value your privacy|"
            r"manage (?:your )?(?:consent|privacy|cookies)|"
            r"accept all|reject all|privacy (?:settings|preferences|choices)"
        ),
    ),
    (
        "social-media embed",
        (
            "tweet",
            "twitter",
            "embed",
            "instagram",
            "post shared",
            "(@",
            "retweet",
            "likes",
            "replies",
            "follow",
        ),
        lower(
            r"tweet with a location|location information to your tweets|pic\.twitter\.com|"
            r"embed (?:this )?(?:tweet|post)|"
            r"view this post on instagram|a post shared by|\(@\w{1,30}\)\s+\w+ \d{1,2}, \d{4}|"
            r"\b\d+\s+(?:retweets?|likes|replies)\b|(?:twitter|x) may be over capacity|follow\s+@\w+"
        ),
    ),
    (
        "web-archive notice",
        ("wayback", "archive", "crawl", "capture", "saved"),
        lower(
            r"wayback machine|internet archive|web\.archive\.org|archive\.(?:org|today|is|ph)\b|"
            r"got an http \d{3} response at crawl time|(?:this|the) (?:page|url) (?:has not|was not|wasn't) "
            r"(?:been )?archived|captured? (?:on|at) \d|saved \d+ times between"
        ),
    ),
]

MIN_ARTICLE_WORDS = 60  # less than this left after cleaning, with junk cues: the page is junk
CUE_SHARE = 0.3  # or cue lines make up this share of the page's lines
OFF_TOPIC_MIN_ARTICLES = 3
OFF_TOPIC_SIMILARITY = 0.10  # dev: same-story articles share >= 0.18; 9 in 10 pages from other stories < 0.10


def junk_reason(
    lines: Sequence[str], clean_words: int, sentence_count: int, removed: Sequence[str] = ()
) -> str | None:
    """Why a page is not a usable article, from its lines and what cleaning left of it. When enough
    article text is left, only the ``removed`` lines are searched for cues (cheaper, same verdict:
    then cue lines must make up a large share of the page)."""
    searched = lines if clean_words < MIN_ARTICLE_WORDS else removed
    reason = cue_reason(searched, clean_words, len(lines)) if searched else None
    if reason is None and sentence_count == 0:
        return "no article text left after cleaning"
    return reason


def cue_reason(searched: Sequence[str], clean_words: int, page_lines: int) -> str | None:
    """The first kind of junk page whose cues the searched lines show often enough."""
    lowered = [line.lower() for line in searched]
    page = "\n".join(lowered)
    for reason, gate, cue in JUNK_CUES:
        if not any(key in page for key in gate) or not cue.search(page):
            continue
        hits = sum(1 for line in lowered if cue.search(line))
        if not hits:
            continue
        if clean_words < MIN_ARTICLE_WORDS or (hits >= 2 and hits >= CUE_SHARE * page_lines):
            return reason
    return None


_COMMON_WORDS = (
    "that this with from have said were been their they will would about which there after when what "
    "more also into than them then some could other over just only most such says year years told "
    "while where before because being many these those made like time people first last week"
)
COMMON = frozenset(_COMMON_WORDS.split())


def topic_words(text: str) -> set[str]:
    """Words of four letters or more, without the commonest ones."""
    return {word for word in set(words_of(text)) - COMMON if len(word) > 3 and word[0].isalpha()}


def off_topic(texts: Sequence[str]) -> list[bool]:
    """Per text: true when it shares almost no vocabulary with every other text of the story."""
    if len(texts) < OFF_TOPIC_MIN_ARTICLES:
        return [False] * len(texts)
    words = [topic_words(text) for text in texts]
    flags = []
    for index, own in enumerate(words):
        best = max(
            (overlap(own, other) for position, other in enumerate(words) if position != index and other),
            default=1.0,
        )
        flags.append(bool(own) and best < OFF_TOPIC_SIMILARITY)
    return flags


def overlap(first: set[str], second: set[str]) -> float:
    """Share of the smaller vocabulary found in the other."""
    smaller = min(len(first), len(second))
    return len(first & second) / smaller if smaller else 0.0
