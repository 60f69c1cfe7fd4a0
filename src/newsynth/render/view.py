"""What every format shows, worked out once: the source list, the headline facts, the comparison.

The Markdown and HTML renderers only add markup to these values; the JSON renderer uses
the same source list so that copy numbers and drop reasons agree across formats.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from pathlib import PurePath
from typing import TypeVar
from urllib.parse import urlsplit

from newsynth.records import (
    Article,
    Brief,
    Claim,
    Conflict,
    Entity,
    Quote,
    RemovedLine,
    SummarySentence,
    Support,
)

NO_TEXT_REASON = "no text left after cleaning"
REMOVED_PREVIEW_COUNT = 3
REASONS_SHOWN = 3
PREVIEW_WIDTH = 80
T = TypeVar("T")


@dataclass
class Source:
    """One article as the source list shows it; numbers are 1-based citation numbers."""

    number: int
    article: Article
    copy_of: int | None = None  # the original this article republishes
    copies: list[int] = field(default_factory=list)  # the articles that republish this one
    dropped_reason: str | None = None  # why the article is left out of the summary

    @property
    def label(self) -> str:
        return outlet_label(self.article)

    @property
    def origin_note(self) -> str | None:
        """The full origin, when the label does not already say it."""
        origin = self.article.origin
        return origin if origin != self.label else None

    @property
    def url(self) -> str | None:
        return safe_url(self.article.url)


@dataclass
class ComparisonView:
    """The comparison as the brief shows it: one list per section, most telling items first."""

    consensus: list[Claim]
    partial: list[Claim]
    single: list[Claim]
    conflicts: list[Claim]
    quotes: list[Quote]
    lone_entities: list[Entity]  # entities that only one independent source names
    total_sources: int  # independent sources among the usable articles

    @property
    def empty(self) -> bool:
        return not any(getattr(self, key) for key, _ in SECTIONS)


# Section key (a ComparisonView field), heading; in the order the brief shows them.
SECTIONS = [
    ("consensus", "Agreed by several sources"),
    ("partial", "Reported by some sources"),
    ("single", "Reported by one source only"),
    ("conflicts", "Conflicts"),
    ("quotes", "Quotes"),
    ("lone_entities", "Named by one source only"),
]
# How many items of a section the Markdown and HTML briefs show before "and N more"; JSON has all.
SECTION_LIMITS = {
    "consensus": 10,
    "partial": 8,
    "single": 8,
    "conflicts": 10,
    "quotes": 8,
    "lone_entities": 10,
}


# --- articles and sources ---------------------------------------------------------------


def outlet_label(article: Article) -> str:
    """The outlet name, else a short form of where the article came from."""
    return article.outlet or short_origin(article.origin)


def short_origin(origin: str) -> str:
    """``https://host/page`` -> ``host``; ``folder/file.txt:3`` -> ``file.txt:3``; else as is."""
    if origin.lower().startswith(("http://", "https://")):
        return urlsplit(origin).hostname or origin
    return PurePath(origin).name or origin


def safe_url(url: str | None) -> str | None:
    """Only web links are shown as links: no javascript:, data: or file: urls."""
    if url and url.strip().lower().startswith(("http://", "https://")):
        return url.strip()
    return None


def sources(brief: Brief) -> list[Source]:
    """The articles in citation order, with copies resolved to citation numbers."""
    numbers = {article.id: number for number, article in enumerate(brief.articles, start=1)}
    listed = [
        Source(number=number, article=article, dropped_reason=dropped_reason(article))
        for number, article in enumerate(brief.articles, start=1)
    ]
    for source in listed:
        original = numbers.get(brief.story.independent_source(source.article.id))
        if original is not None and original != source.number:
            source.copy_of = original
            listed[original - 1].copies.append(source.number)
    return listed


def carriers(source: Source, listed: list[Source]) -> list[tuple[int, str]]:
    """(citation number, outlet) of every article that republishes this one."""
    return [(number, listed[number - 1].label) for number in source.copies]


def dropped_reason(article: Article) -> str | None:
    if article.junk_reason:
        return article.junk_reason
    if not article.sentences:
        return NO_TEXT_REASON
    return None


def outlet_names(brief: Brief, numbers: list[int]) -> list[tuple[int, str]]:
    """(citation number, outlet) for each valid number, in the given order."""
    articles = brief.articles
    return [(n, outlet_label(articles[n - 1])) for n in numbers if 1 <= n <= len(articles)]


def independent_count(brief: Brief, numbers: list[int]) -> int:
    """How many independent sources the numbered articles are: wire copies count once."""
    articles = brief.articles
    ids = {brief.story.independent_source(articles[n - 1].id) for n in numbers if 1 <= n <= len(articles)}
    return len(ids)


# --- the headline line ------------------------------------------------------------------


def headline(brief: Brief) -> str:
    """E.g. ``4 articles from 3 outlets · 2026-03-01 to 2026-03-03 · 1 wire copy · 1 left out``."""
    listed = sources(brief)
    parts = [article_count_phrase(brief.articles)]
    span = date_range(brief.articles)
    if span:
        parts.append(span)
    copies = sum(1 for source in listed if source.copy_of is not None)
    if copies:
        parts.append(plural(copies, "wire copy", "wire copies"))
    dropped = sum(1 for source in listed if source.dropped_reason)
    if dropped:
        parts.append(f"{dropped} left out")
    return " · ".join(parts)


def article_count_phrase(articles: list[Article]) -> str:
    """E.g. ``4 articles from 3 outlets``, or ``4 articles, 2 outlets named`` when some are unknown."""
    phrase = plural(len(articles), "article", "articles")
    outlets = {article.outlet.strip().lower() for article in articles if article.outlet}
    if not outlets:
        return phrase
    if all(article.outlet for article in articles):
        return f"{phrase} from {plural(len(outlets), 'outlet', 'outlets')}"
    return f"{phrase}, {plural(len(outlets), 'outlet', 'outlets')} named"


def date_range(articles: list[Article]) -> str | None:
    """The first and last publication date; None when no article has a readable date."""
    dates = sorted(d for d in (parse_date(article.date) for article in articles) if d)
    if not dates:
        return None
    first, last = dates[0].isoformat(), dates[-1].isoformat()
    return first if first == last else f"{first} to {last}"


def parse_date(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value.strip()[:10])
    except ValueError:
        return None


def plural(count: int, singular: str, many: str) -> str:
    return f"{count} {singular if count == 1 else many}"


# --- summary support --------------------------------------------------------------------


def support_for(sentence: SummarySentence, number: int) -> Support | None:
    """The sentence of article ``number`` that backs a summary sentence, when recorded."""
    return next((support for support in sentence.support if support.article == number), None)


def cited_numbers(sentence: SummarySentence) -> list[int]:
    """Every article a summary sentence cites: its supporters, and its source when missing from them."""
    numbers = set(sentence.supporting_articles)
    numbers.add(sentence.source_article)
    return sorted(numbers)


# --- cleaning report --------------------------------------------------------------------


def removed_summary(lines: list[RemovedLine]) -> str:
    """E.g. ``5 lines removed (3 navigation, 2 social)``."""
    reasons = Counter(line.reason for line in lines).most_common()
    detail = ", ".join(f"{count} {reason}" for reason, count in reasons[:REASONS_SHOWN])
    others = sum(count for _, count in reasons[REASONS_SHOWN:])
    if others:
        detail += f", {others} other"
    return f"{plural(len(lines), 'line', 'lines')} removed" + (f" ({detail})" if detail else "")


def shorten(text: str, width: int = PREVIEW_WIDTH) -> str:
    """One line of at most ``width`` characters, cut at a word boundary with an ellipsis."""
    flat = " ".join(text.split())
    if len(flat) <= width:
        return flat
    cut = flat[: width - 1].rsplit(" ", 1)[0] or flat[: width - 1]
    return cut + "…"


# --- comparison -------------------------------------------------------------------------


def comparison_view(brief: Brief) -> ComparisonView | None:
    """The comparison split into the sections the brief shows; None when there is nothing to show."""
    if brief.comparison is None:
        return None
    claims = brief.comparison.claims
    usable = [n for n, article in enumerate(brief.articles, start=1) if article.usable]
    view = ComparisonView(
        consensus=[claim for claim in claims if claim.status == "consensus"],
        partial=[claim for claim in claims if claim.status == "partial"],
        single=interleave_by_source([claim for claim in claims if claim.status == "single"]),
        conflicts=[claim for claim in claims if any(conflict.shown for conflict in claim.conflicts)],
        quotes=sorted(brief.comparison.quotes, key=lambda quote: quote_rank(quote, brief)),
        lone_entities=lone_entities(brief.comparison.entities, brief),
        total_sources=independent_count(brief, usable),
    )
    return None if view.empty else view


def interleave_by_source(claims: list[Claim]) -> list[Claim]:
    """Round-robin over the reporting articles, so that a cut list still shows every outlet."""
    queues: dict[int, list[Claim]] = {}
    for claim in claims:
        queues.setdefault(min(claim.articles, default=0), []).append(claim)
    order: list[Claim] = []
    for rank in range(max((len(queue) for queue in queues.values()), default=0)):
        order += [queue[rank] for queue in queues.values() if rank < len(queue)]
    return order


def quote_rank(quote: Quote, brief: Brief) -> tuple[int, bool]:
    """Quotes that several sources carry first, then attributed ones (sorting is stable)."""
    return (-independent_count(brief, quote.articles), quote.speaker is None)


def lone_entities(entities: list[Entity], brief: Brief) -> list[Entity]:
    """Entities only one independent source names, the most mentioned first."""
    lone = [e for e in entities if (e.independent_sources or independent_count(brief, e.articles)) == 1]
    return sorted(lone, key=lambda entity: -sum(entity.mentions.values()))


def split_shown(key: str, items: list[T]) -> tuple[list[T], list[T]]:
    """The items a section shows, and the rest (folded away in HTML, counted in Markdown)."""
    limit = SECTION_LIMITS.get(key, len(items))
    return items[:limit], items[limit:]


def conflict_label(conflict: Conflict) -> str:
    """What differs, e.g. ``number of workers injured``; the values themselves are shown per outlet."""
    lead = conflict.description.split(": ", 1)[0] if ": " in conflict.description else ""
    lead = lead or re.split(r":?\s*\[\d+\]", conflict.description, maxsplit=1)[0].strip(" :")
    return lead or f"{conflict.kind} differs"


def shown_conflicts(claim: Claim) -> list[Conflict]:
    """The conflicts of a claim strong enough to show readers (the rest are in the JSON only)."""
    return [conflict for conflict in claim.conflicts if conflict.shown]


def summary_disputes(brief: Brief, sentence: SummarySentence) -> list[str]:
    """What the sources disagree on where a summary sentence takes a side (``number of workers
    injured``): a shown conflict whose claim holds the sentence, or a sentence supporting it, and
    whose value for that article the summary sentence states."""
    if brief.comparison is None:
        return []
    stated = {(support.article, support.sentence) for support in sentence.support}
    labels: list[str] = []
    for claim in brief.comparison.claims:
        sides = {part.article for part in claim.sentences if (part.article, part.text) in stated}
        for conflict in shown_conflicts(claim) if sides else []:
            values = [conflict.values[article] for article in sides if article in conflict.values]
            if any(states_value(sentence.text, value) for value in values):
                labels.append(conflict_label(conflict))
    return list(dict.fromkeys(labels))


def states_value(text: str, value: str) -> bool:
    """``value`` appears in ``text`` as whole words, whatever the case."""
    return bool(value) and re.search(rf"(?<!\w){re.escape(value)}(?!\w)", text, re.IGNORECASE) is not None


def sources_phrase(count: int, total: int) -> str:
    """E.g. ``3 of 4 sources``."""
    return f"{count} of {total} sources" if total >= count else plural(count, "source", "sources")
