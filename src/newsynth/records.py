"""The plain typed records that flow through the pipeline.

ingest -> clean -> group -> summarize -> compare -> render

Every stage reads and writes these dataclasses and nothing else, so a stage can be
tested, replaced or run on its own. Article numbers shown to users ([1], [2], ...)
are 1-based positions in ``Story.articles``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

ClaimStatus = Literal["consensus", "single", "conflict", "partial"]  # partial: >= 2 sources, < half


@dataclass
class Skipped:
    """An input that could not be read; named in the brief, never fatal on its own."""

    origin: str
    problem: str


@dataclass
class RemovedLine:
    """A line the clean stage took out of an article, and why."""

    text: str
    reason: str


@dataclass
class Sentence:
    """One sentence of an article's clean text."""

    text: str
    article_id: str
    index: int  # position among the article's sentences, 0-based
    paragraph: int = 0  # position of its paragraph, 0-based


@dataclass
class Article:
    """One news article, from raw page text to clean sentences."""

    id: str
    origin: str  # file path, "path:line" for JSON lines, url, or "<stdin>"
    raw_text: str
    url: str | None = None
    outlet: str | None = None
    title: str | None = None
    date: str | None = None  # ISO 8601 date, YYYY-MM-DD
    byline: str | None = None
    html: str | None = None  # the page, when the input was HTML
    clean_text: str = ""
    sentences: list[Sentence] = field(default_factory=list)
    removed_lines: list[RemovedLine] = field(default_factory=list)
    junk_reason: str | None = None  # set when the article is left out of the summary
    copy_of: str | None = None  # id of the article this one republishes (wire copies)

    @property
    def usable(self) -> bool:
        return self.junk_reason is None and bool(self.sentences)

    @property
    def word_count(self) -> int:
        return len(self.clean_text.split())


@dataclass
class Story:
    """Articles about one real-world event. Citation numbers follow ``articles`` order."""

    id: str
    articles: list[Article]

    def number(self, article_id: str) -> int:
        """1-based citation number of an article."""
        for position, article in enumerate(self.articles, start=1):
            if article.id == article_id:
                return position
        raise KeyError(article_id)

    @property
    def usable_articles(self) -> list[Article]:
        return [article for article in self.articles if article.usable]

    def independent_source(self, article_id: str) -> str:
        """The id that stands for an article's text: wire copies count as their original."""
        by_id = {article.id: article for article in self.articles}
        seen: set[str] = set()
        while article_id in by_id and by_id[article_id].copy_of and article_id not in seen:
            seen.add(article_id)
            article_id = by_id[article_id].copy_of or article_id
        return article_id


@dataclass
class Support:
    """The sentence of one article that carries a summary sentence's content."""

    article: int  # 1-based citation number
    sentence: str
    score: float  # similarity to the summary sentence, 0..1


@dataclass
class SummarySentence:
    text: str
    source_article: int  # the article the sentence was taken from
    supporting_articles: list[int]  # every article carrying the same information, sorted
    support: list[Support] = field(default_factory=list)


@dataclass
class ClaimSentence:
    article: int  # 1-based citation number
    text: str


@dataclass
class Reading:
    """One value of a conflict, with every article stating it."""

    value: str  # as the first of them writes it
    articles: list[int]


SHOW_CONFIDENCE = 0.65  # conflicts from this confidence on are shown to readers; chosen by eval-compare --cv


@dataclass
class Conflict:
    """Aligned sentences that disagree; ``values`` maps citation number to that source's value."""

    kind: Literal["number", "date", "time", "name", "quote"]
    values: dict[int, str]
    description: str = ""  # what differs, in words: "number of people killed: 82 in [2], 97 in [4]"
    confidence: float = 1.0  # strength of the evidence; shown to readers from compare.SHOW_CONFIDENCE on
    note: str = ""  # what may explain it, e.g. "running tallies: the figures may be of different times"
    evidence: dict[str, float] = field(default_factory=dict, compare=False, repr=False)  # what it rests on
    readings: list[Reading] = field(default_factory=list)  # the values, each with all its articles
    # the evidence of each sentence pair that found it: another model may rate another pair highest
    alternatives: list[dict[str, float]] = field(default_factory=list, compare=False, repr=False)

    def value_readings(self) -> list[Reading]:
        """Each value with every article stating it: ``readings``, or else ``values`` grouped as written."""
        if self.readings:
            return self.readings
        grouped: dict[str, Reading] = {}
        for article, value in sorted(self.values.items()):
            grouped.setdefault(value.casefold(), Reading(value, [])).articles.append(article)
        return list(grouped.values())

    @property
    def shown(self) -> bool:
        """Strong enough to show readers; the others stay in the JSON with their confidence."""
        return self.confidence >= SHOW_CONFIDENCE


@dataclass
class Claim:
    """One fact, with the sentences of every article that reports it."""

    text: str  # representative wording
    status: ClaimStatus
    sentences: list[ClaimSentence]
    independent_sources: int  # wire copies counted once
    conflicts: list[Conflict] = field(default_factory=list)

    @property
    def articles(self) -> list[int]:
        return sorted({sentence.article for sentence in self.sentences})


@dataclass
class QuoteVariant:
    text: str
    articles: list[int]
    direct: bool = True  # False: the outlet reports the words without quotation marks


@dataclass
class Quote:
    """A direct quote, attributed to a speaker, with how each outlet renders it."""

    speaker: str | None
    text: str
    articles: list[int]
    variants: list[QuoteVariant] = field(default_factory=list)  # only when outlets differ


@dataclass
class Entity:
    name: str
    label: Literal["person", "organization", "place", "other"]
    mentions: dict[int, int]  # citation number -> number of mentions
    independent_sources: int = 0  # sources naming it, wire copies counted once

    @property
    def articles(self) -> list[int]:
        return sorted(self.mentions)


@dataclass
class Comparison:
    claims: list[Claim] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)


@dataclass
class Brief:
    """What a user reads: the cited summary, its sources and how they compare."""

    story: Story
    title: str
    summary: list[SummarySentence]
    comparison: Comparison | None = None
    skipped: list[Skipped] = field(default_factory=list)

    @property
    def articles(self) -> list[Article]:
        return self.story.articles

    @property
    def summary_text(self) -> str:
        return " ".join(sentence.text for sentence in self.summary)
