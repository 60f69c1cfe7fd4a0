"""Compare: what the sources agree on, what only one reports, and where they contradict.

Interface:
    compare_story(story, full_ner=False) -> Comparison

Sentences of different independent sources that report one fact are aligned into a claim (wire copies
count once); a claim is ``consensus`` (at least two independent sources and at least half of them),
``partial`` (several sources, fewer than half), ``single`` (one source) or ``conflict`` (aligned sentences
disagree on a number, a date, a name, or the words of a quote). Quotes carry their speaker and the
outlets that print them; entities their mentions per source. Field meanings: docs/compare.md.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from functools import cache

import numpy as np

from newsynth.compare.align import (
    ALIGN_THRESHOLD,
    Unit,
    aligned_pairs,
    is_claim_sentence,
    similarity_matrix,
)
from newsynth.compare.conflicts import (
    CONFLICT_THRESHOLD,
    Facts,
    date_conflicts,
    name_conflicts,
    number_conflicts,
)
from newsynth.compare.names import DEFAULT_NER_BUDGET, NameIndex, build_index, is_demonym
from newsynth.compare.quotes import FoundQuote, find_quotes, same_quote, worded_differently
from newsynth.compare.text import content_words, fold
from newsynth.compare.values import extract_dates, extract_quantities, parse_iso_date
from newsynth.components import connected_groups
from newsynth.records import (
    Article,
    Claim,
    ClaimSentence,
    ClaimStatus,
    Comparison,
    Conflict,
    Entity,
    Quote,
    QuoteVariant,
    Story,
)

__all__ = ["SHOW_CONFIDENCE", "checked_pairs", "clear_caches", "compare_story"]

SHOW_CONFIDENCE = 0.5  # conflicts from this confidence on are shown to readers; chosen by eval-compare --cv


def clear_caches() -> None:
    """Forget memoised word and date analyses, so that timing a story measures it from cold."""
    from newsynth.compare import names, text, values

    for cached in (
        text.fold,
        text.content_words,
        text.content_word_forms,
        text._translated,
        values._dates_with_spans,
        names._initials,
    ):
        cached.cache_clear()


def compare_story(story: Story, full_ner: bool = False) -> Comparison:
    """Claims, quotes and entities of a story's usable articles, numbered as in ``story.articles``."""
    articles = story.usable_articles
    if not articles:
        return Comparison()
    all_sentences = [(a.id, s.index, s.text) for a in articles for s in a.sentences]
    names = build_index(all_sentences, ner_budget=None if full_ner else DEFAULT_NER_BUDGET)
    quotes = [q for a in articles for q in find_quotes(a.id, [(s.index, s.text) for s in a.sentences], names)]
    quoted_sentences = {(q.article_id, q.sentence_index) for q in quotes if len(q.words) >= 4}
    units = _units(story, articles, quoted_sentences)
    similarity = similarity_matrix(units)
    quote_groups = _group_quotes(quotes)
    quote_conflicts = _quote_conflicts(quote_groups, story, names)
    pairs = aligned_pairs(units, similarity) + _quote_pairs(units, quote_conflicts)
    facts = _facts(units, articles, names)
    total_sources = len({story.independent_source(a.id) for a in articles})
    claims = [
        _claim(group, units, similarity, facts, names, total_sources, quote_conflicts)
        for group in connected_groups(len(units), pairs)
    ]
    claims.sort(key=lambda claim: -claim.independent_sources)
    return Comparison(
        claims=claims,
        quotes=_quote_records(quote_groups, story, names),
        entities=_entities(names, story),
    )


def checked_pairs(story: Story) -> list[tuple[tuple[str, int], tuple[str, int]]]:
    """The aligned sentence pairs of different independent sources that are checked for conflicts, as
    ((article id, sentence index), (article id, sentence index)); used to plant conflicts."""
    articles = story.usable_articles
    names = build_index([(a.id, s.index, s.text) for a in articles for s in a.sentences])
    quotes = [q for a in articles for q in find_quotes(a.id, [(s.index, s.text) for s in a.sentences], names)]
    units = _units(story, articles, {(q.article_id, q.sentence_index) for q in quotes if len(q.words) >= 4})
    similarity = similarity_matrix(units)
    return [
        ((units[i].article_id, units[i].index), (units[j].article_id, units[j].index))
        for i, j in aligned_pairs(units, similarity)
        if units[i].source != units[j].source and similarity[i, j] >= CONFLICT_THRESHOLD
    ]


def _units(story: Story, articles: list[Article], quoted: set[tuple[str, int]]) -> list[Unit]:
    units = []
    for article in articles:
        source = story.independent_source(article.id)
        number = story.number(article.id)
        for sentence in article.sentences:
            if is_claim_sentence(sentence.text) or (article.id, sentence.index) in quoted:
                words = frozenset(content_words(sentence.text))
                units.append(Unit(sentence.text, article.id, number, source, sentence.index, words))
    return units


def _facts(units: list[Unit], articles: list[Article], names: NameIndex) -> Callable[[int], Facts]:
    """The facts of unit i, extracted on first use: most units are checked against no other."""
    dates = {article.id: parse_iso_date(article.date) for article in articles}

    @cache
    def facts_of(i: int) -> Facts:
        unit = units[i]
        return Facts(
            quantities=extract_quantities(unit.text),
            dates=extract_dates(unit.text, dates[unit.article_id]),
            mentions=names.mentions.get((unit.article_id, unit.index), []),
        )

    return facts_of


def _claim(
    group: list[int],
    units: list[Unit],
    similarity: np.ndarray,
    facts: Callable[[int], Facts],
    names: NameIndex,
    total_sources: int,
    quote_conflicts: dict[tuple[tuple[str, int], tuple[str, int]], Conflict],
) -> Claim:
    members = sorted(group, key=lambda i: (units[i].number, units[i].index))
    sources = len({units[i].source for i in members})
    conflicts = _conflicts(members, units, similarity, facts, names)
    located = {(units[i].article_id, units[i].index) for i in members}
    conflicts += [c for (a, b), c in quote_conflicts.items() if a in located and b in located]
    return Claim(
        text=units[_representative(members, similarity)].text,
        status=_status(sources, total_sources, bool(conflicts)),
        sentences=[ClaimSentence(units[i].number, units[i].text) for i in members],
        independent_sources=sources,
        conflicts=conflicts,
    )


def _representative(members: list[int], similarity: np.ndarray) -> int:
    if len(members) == 1:
        return members[0]
    return max(members, key=lambda i: (sum(similarity[i, j] for j in members if j != i), -members.index(i)))


def _status(sources: int, total_sources: int, conflicting: bool) -> ClaimStatus:
    if conflicting:
        return "conflict"
    if sources >= 2 and sources * 2 >= total_sources:
        return "consensus"
    return "single" if sources == 1 else "partial"


def _conflicts(
    members: list[int],
    units: list[Unit],
    similarity: np.ndarray,
    facts: Callable[[int], Facts],
    names: NameIndex,
) -> list[Conflict]:
    found: dict[tuple[str, frozenset[tuple[str, str]]], Conflict] = {}
    for position, i in enumerate(members):
        for j in members[position + 1 :]:
            if units[i].source == units[j].source or similarity[i, j] < ALIGN_THRESHOLD:
                continue
            a, b = facts(i), facts(j)
            pair_conflicts = number_conflicts(units[i], units[j], a, b, similarity[i, j])
            if similarity[i, j] >= CONFLICT_THRESHOLD:  # looser pairs: numbers in the same frame only
                pair_conflicts += date_conflicts(units[i], units[j], a, b)
                pair_conflicts += name_conflicts(units[i], units[j], a, b, names, similarity[i, j])
            sources = {units[i].number: units[i].source, units[j].number: units[j].source}
            for conflict in pair_conflicts:
                key = (conflict.kind, frozenset((sources[n], value) for n, value in conflict.values.items()))
                if key in found:  # the same disagreement seen through a wire copy: one conflict, all copies
                    merged = found[key]
                    merged.values.update(conflict.values)
                    label = merged.description.split(": [", 1)[0]
                    merged.description = f"{label}: " + ", ".join(
                        f"[{n}] {v}" for n, v in sorted(merged.values.items())
                    )
                else:
                    found[key] = conflict
    return list(found.values())


def _group_quotes(quotes: list[FoundQuote]) -> list[list[FoundQuote]]:
    groups: list[list[FoundQuote]] = []
    for quote in quotes:
        home = next((group for group in groups if any(same_quote(quote, other) for other in group)), None)
        if home is None:
            groups.append([quote])
        else:
            home.append(quote)
    return [group for group in groups if any(quote.direct for quote in group)]


def _quote_conflicts(
    groups: list[list[FoundQuote]], story: Story, names: NameIndex
) -> dict[tuple[tuple[str, int], tuple[str, int]], Conflict]:
    """Direct quotes of one statement that independent sources word differently."""
    conflicts = {}
    for group in groups:
        direct = [quote for quote in group if quote.direct]
        for position, first in enumerate(direct):
            for second in direct[position + 1 :]:
                if story.independent_source(first.article_id) == story.independent_source(second.article_id):
                    continue
                if not first.speaker or first.speaker != second.speaker:
                    continue  # only the words of one known speaker are compared
                if not worded_differently(first, second):
                    continue
                speaker = _speaker_name(first.speaker or second.speaker, names)
                a, b = story.number(first.article_id), story.number(second.article_id)
                conflicts[
                    ((first.article_id, first.sentence_index), (second.article_id, second.sentence_index))
                ] = Conflict(
                    "quote", {a: first.text, b: second.text}, f"words of {speaker}: [{a}] and [{b}] differ"
                )
    return conflicts


def _quote_pairs(
    units: list[Unit], quote_conflicts: dict[tuple[tuple[str, int], tuple[str, int]], Conflict]
) -> list[tuple[int, int]]:
    """Sentences holding two renderings of one quote belong to one claim, aligned or not."""
    position = {(unit.article_id, unit.index): i for i, unit in enumerate(units)}
    return [(position[a], position[b]) for a, b in quote_conflicts if a in position and b in position]


def _speaker_name(key: str | None, names: NameIndex) -> str:
    return names.display.get(key, key) if key else "an unnamed speaker"


def _quote_records(groups: list[list[FoundQuote]], story: Story, names: NameIndex) -> list[Quote]:
    records = []
    for group in groups:
        direct = [quote for quote in group if quote.direct]
        main = max(direct, key=lambda quote: len(quote.text))
        speaker_key = next((quote.speaker for quote in group if quote.speaker), None)
        articles = sorted({story.number(quote.article_id) for quote in group})
        records.append(
            Quote(
                speaker=names.display.get(speaker_key, speaker_key) if speaker_key else None,
                text=main.text,
                articles=articles,
                variants=_variants(group, story),
            )
        )
    return records


def _variants(group: list[FoundQuote], story: Story) -> list[QuoteVariant]:
    """How each outlet renders the statement, when independent sources render it differently."""
    by_text: dict[str, list[FoundQuote]] = defaultdict(list)
    for quote in group:
        by_text[fold(quote.text)].append(quote)
    if len({story.independent_source(q.article_id) for q in group}) < 2 or len(by_text) < 2:
        return []
    texts = sorted(by_text.values(), key=lambda quotes: min(story.number(q.article_id) for q in quotes))
    if not _differ(texts):
        return []
    return [
        QuoteVariant(
            text=quotes[0].text,
            articles=sorted({story.number(q.article_id) for q in quotes}),
            direct=quotes[0].direct,
        )
        for quotes in texts
    ]


def _differ(texts: list[list[FoundQuote]]) -> bool:
    representatives = [quotes[0] for quotes in texts]
    for position, first in enumerate(representatives):
        for second in representatives[position + 1 :]:
            if not (first.direct and second.direct) or worded_differently(first, second):
                return True
    return False


def _entities(names: NameIndex, story: Story) -> list[Entity]:
    numbers = {article.id: story.number(article.id) for article in story.articles}
    mentions: dict[str, dict[int, int]] = defaultdict(dict)
    sources: dict[str, set[str]] = defaultdict(set)
    for article_id, counts in names.per_article.items():
        for key, count in counts.items():
            if is_demonym(key.split()):
                continue  # "North Korean", "Chinese": peoples, not people, places or organisations
            mentions[key][numbers[article_id]] = count
            sources[key].add(story.independent_source(article_id))
    entities = [
        Entity(
            name=names.display.get(key, key),
            label=names.labels.get(key, "other"),
            mentions=dict(sorted(counts.items())),
            independent_sources=len(sources[key]),
        )
        for key, counts in mentions.items()
    ]
    entities.sort(key=lambda e: (-e.independent_sources, -sum(e.mentions.values()), e.name))
    return entities
