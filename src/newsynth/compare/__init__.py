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

from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cache
from itertools import combinations, product
from typing import TypeVar

import numpy as np

from newsynth.compare.align import (
    Unit,
    aligned_pairs,
    is_claim_sentence,
    similarity_matrix,
)
from newsynth.compare.conflicts import (
    CONFLICT_THRESHOLD,
    SLOT_CONTEXT_WORDS,
    Facts,
    Pair,
    StoryValues,
    clause_words,
    date_conflicts,
    name_conflicts,
    number_conflicts,
    speaker_conflicts,
    stems,
    tell_one_fact,
    time_conflicts,
    written_together,
)
from newsynth.compare.merge import merged_conflicts
from newsynth.compare.names import DEFAULT_NER_BUDGET, NameIndex, build_index, is_demonym
from newsynth.compare.quotes import FoundQuote, find_quotes, same_quote, same_words, worded_differently
from newsynth.compare.slots import context_words, counted_words, same_kind
from newsynth.compare.text import content_words, fold
from newsynth.compare.values import DateValue, Quantity, date_spans, may_hold_number, parse_iso_date
from newsynth.components import connected_groups
from newsynth.records import (
    SHOW_CONFIDENCE,
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

JOIN_CONFIDENCE = 0.35  # sentences that do not align but hold values of one slot join one claim from here
QUOTE_CONFIDENCE = 0.6  # one speaker's words quoted differently by two sources
MIN_SLOT_WORDS = 2  # content words two unaligned sentences share before their values of one slot are compared
CLAUSE_WORDS = 5  # word stems the clauses around two dates share before the dates are compared
SMALL_CLAIM = 8  # members up to which the representative sentence is found in Python
T = TypeVar("T")


def clear_caches() -> None:
    """Forget memoised word and date analyses, so that timing a story measures it from cold."""
    from newsynth.compare import conflicts, merge, names, slots, text, values

    for cached in (
        conflicts.clause_words,
        conflicts._roles_at,
        conflicts._generic_nouns,
        text.fold,
        text.content_words,
        text.content_word_forms,
        text._translated,
        text._content_forms,
        values._dates_with_spans,
        values.may_hold_number,
        values._times_with_spans,
        slots.counted_words,
        slots._word_offsets,
        slots._context_form,
        slots.speculative,
        names._initials,
        merge.value_key,
    ):
        cached.cache_clear()


def compare_story(
    story: Story, full_ner: bool = False, join_confidence: float = JOIN_CONFIDENCE
) -> Comparison:
    """Claims, quotes and entities of a story's usable articles, numbered as in ``story.articles``.
    Sentences that do not align join one claim when a conflict between them reaches ``join_confidence``
    (0 keeps every candidate conflict, as the evaluation does to refit the confidence model)."""
    articles = story.usable_articles
    if not articles:
        return Comparison()
    all_sentences = [(a.id, s.index, s.text) for a in articles for s in a.sentences]
    names = build_index(all_sentences, ner_budget=None if full_ner else DEFAULT_NER_BUDGET)
    quotes = [q for a in articles for q in find_quotes(a.id, a.sentences, names)]
    quoted_sentences = {(q.article_id, q.sentence_index) for q in quotes if len(q.words) >= 4}
    units = _units(story, articles, quoted_sentences)
    similarity = similarity_matrix(units)
    quote_groups = _group_quotes(quotes)
    quote_conflicts = _quote_conflicts(quote_groups, story, names)
    pairs = aligned_pairs(units, similarity) + _quote_pairs(units, quote_conflicts)
    facts = _facts(units, articles, names)
    aligned = set(pairs)
    slotted = _slot_pairs(units, names)
    values = _story_values(units, facts, names)
    found = _pair_conflicts(
        _candidate_pairs(aligned, units) + sorted(slotted), aligned, units, similarity, facts, values, slotted
    )
    for (i, j), quoted in _speaker_pairs(units, quotes).items():
        pair = Pair(float(similarity[i, j]), (i, j) in aligned)
        conflicts = speaker_conflicts(units[i], units[j], facts(i), facts(j), quoted, pair, values)
        if conflicts:
            found.setdefault((i, j), []).extend(conflicts)
    for (i, j), conflicts in quote_conflicts_by_units(units, quote_conflicts).items():
        found.setdefault((i, j), []).extend(conflicts)
    joined = [
        pair
        for pair, conflicts in found.items()
        if pair not in aligned and any(conflict.confidence >= join_confidence for conflict in conflicts)
    ]  # aligned pairs are in ``pairs`` already
    total_sources = len({story.independent_source(a.id) for a in articles})
    groups = connected_groups(len(units), pairs + joined)
    group_of = {i: position for position, group in enumerate(groups) for i in group}
    found_in: list[dict[tuple[int, int], list[Conflict]]] = [{} for _ in groups]
    for (i, j), conflicts in sorted(found.items()):
        if group_of[i] == group_of[j]:
            found_in[group_of[i]][(i, j)] = conflicts
    claims = [
        _claim(group, units, similarity, found_in[position], total_sources)
        for position, group in enumerate(groups)
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
    quotes = [q for a in articles for q in find_quotes(a.id, a.sentences, names)]
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
        mentions = names.mentions.get((unit.article_id, unit.index), [])
        return Facts(unit.text, dates[unit.article_id], mentions)

    return facts_of


def _candidate_pairs(aligned: set[tuple[int, int]], units: list[Unit]) -> list[tuple[int, int]]:
    """Sentence pairs of different sources whose values are compared: the aligned ones, and those that
    do not align (paraphrases of one fact rarely do: "injuring four workers" / "three dock workers were
    injured") but share ``MIN_SLOT_WORDS`` content words and a word after a number or a time of day
    (``counted_words``): without a counted word in common, no number of theirs counts one noun."""
    candidates = {pair for pair in aligned if units[pair[0]].source != units[pair[1]].source}
    sharing: dict[str, list[int]] = defaultdict(list)  # counted word -> the units with it
    for i, unit in enumerate(units):
        if may_hold_number(unit.text):
            for word in counted_words(unit.text):
                sharing[word].append(i)
    for holders in sharing.values():
        for position, i in enumerate(holders):
            for j in holders[position + 1 :]:
                if (
                    (i, j) not in candidates
                    and units[i].source != units[j].source
                    and len(units[i].words & units[j].words) >= MIN_SLOT_WORDS
                ):
                    candidates.add((i, j))
    return sorted(candidates)


def _slot_pairs(units: list[Unit], names: NameIndex) -> dict[tuple[int, int], SlotPairs]:
    """Sentence pairs of different sources whose dates, or names, have ``SLOT_CONTEXT_WORDS`` context
    words in common ("crashed Saturday morning" / "crashed on Sunday morning"; "NASA astronauts Bob
    Behnken and ..." / "NASA astronauts Doug Hurley and ..."), or whose dates name one day of one month
    ("May 30, 2020" / "May 30, 3030"): paraphrases of one fact that do not align. For each pair, the
    values to compare, as positions in the two sentences' mentions and dates."""
    holders: dict[tuple[str, str], list[tuple[int, str, int]]] = defaultdict(list)
    for i, unit in enumerate(units):
        for kind, position, start, end, day in _slot_values(unit, names):
            for word in context_words(unit.text, start, end) | day:
                holders[(kind, word)].append((i, kind, position))
    shared = _cross_source_counts(holders.values(), lambda value: units[value[0]].source)
    pairs: dict[tuple[int, int], SlotPairs] = defaultdict(SlotPairs)
    for (first, second), count in shared.items():
        if count >= SLOT_CONTEXT_WORDS:
            getattr(pairs[(first[0], second[0])], first[1] + "s").add((first[2], second[2]))
    dated = {i: len(date_spans(unit.text)) for i, unit in enumerate(units)}
    holding = [i for i, count in dated.items() if count]
    for i, j in _fact_pairs(units, holding):
        pairs[(i, j)].dates.update(product(range(dated[i]), range(dated[j])))
    for (i, first), (j, second) in _clause_pairs(units, holding):
        pairs[(i, j)].dates.add((first, second))
    for (i, j), slots in pairs.items():
        if slots.dates:
            slots.dates |= _told_with(
                slots.dates, written_together(units[i].text), written_together(units[j].text)
            )
    return pairs


def _told_with(
    compared: set[tuple[int, int]], mine: set[tuple[int, int]], theirs: set[tuple[int, int]]
) -> set[tuple[int, int]]:
    """The dates written as one with two compared dates ("Sunday, March 29" / "Saturday, March 29"):
    compared as well."""
    return {
        (other_mine, other_theirs)
        for first, second in compared
        for held, other_mine in mine
        if held == first
        for told, other_theirs in theirs
        if told == second
    }


def _clause_pairs(units: list[Unit], holding: list[int]) -> list[tuple[tuple[int, int], tuple[int, int]]]:
    """Dates of ``holding`` of different sources whose clauses share ``CLAUSE_WORDS`` word stems
    (``clause_words``): one event told in other sentences ("rocket explodes 2 minutes after liftoff on
    June 28" / "rocket exploded about 2 minutes after launching ... on June 28"), as ((unit, date
    position), (unit, date position)) with the first unit the lower."""
    by_stem: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for i in holding:
        text = units[i].text
        for position, (start, end, _) in enumerate(date_spans(text)):
            for stem in stems(clause_words(text, start, end)):
                by_stem[stem].append((i, position))
    shared = _cross_source_counts(by_stem.values(), lambda date: units[date[0]].source)
    return [pair for pair, count in shared.items() if count >= CLAUSE_WORDS]


def _fact_pairs(units: list[Unit], holding: list[int]) -> list[tuple[int, int]]:
    """Pairs of ``holding`` of different sources that share ``FACT_WORDS`` content words, ``FACT_OVERLAP``
    of their words: one fact told in other words ("crashed minutes after departing from Addis Ababa on
    Sunday morning" / "crashed shortly after takeoff from Ethiopia's capital Sunday morning")."""
    by_word: dict[str, list[int]] = defaultdict(list)
    for i in holding:
        for word in units[i].words:
            by_word[word].append(i)
    shared = _cross_source_counts(by_word.values(), lambda i: units[i].source)
    return [
        (first, second)
        for (first, second), count in shared.items()
        if tell_one_fact(count, len(units[first].words | units[second].words))
    ]


def _cross_source_counts(groups: Iterable[list[T]], source: Callable[[T], str]) -> Counter[tuple[T, T]]:
    """For each pair of items of different sources, in how many of ``groups`` (the holders of one word,
    say) both are, as (earlier item, later item) of a group's order."""
    shared: Counter[tuple[T, T]] = Counter()
    for holders in groups:
        if len(holders) > 1:
            tagged = [(holder, source(holder)) for holder in holders]  # each holder's source looked up once
            shared.update(
                (first, second)
                for (first, mine), (second, theirs) in combinations(tagged, 2)
                if mine != theirs
            )
    return shared


def _slot_values(unit: Unit, names: NameIndex) -> list[tuple[str, int, int, int, set[str]]]:
    """The names and dates of a unit as (kind, position, start, end, extra context words): a date that
    names one day of one month gets as many words for that day as a slot needs ("May 30, 2020" and
    "May 30, 3030" are one date told with two years, whatever the words around them)."""
    mentions = names.mentions.get((unit.article_id, unit.index), [])
    values = [
        ("name", position, m.start, m.end, set()) for position, m in enumerate(mentions) if not m.dateline
    ]
    for position, (start, end, date) in enumerate(date_spans(unit.text)):
        day = {f"#{date.month}-{date.day}/{n}" for n in range(SLOT_CONTEXT_WORDS)} if date.day else set()
        values.append(("date", position, start, end, day))
    return values


@dataclass
class SlotPairs:
    """The values of two sentences whose contexts share words, as (position in the first sentence,
    position in the second)."""

    names: set[tuple[int, int]] = field(default_factory=set)
    dates: set[tuple[int, int]] = field(default_factory=set)


def _pair_conflicts(
    candidates: list[tuple[int, int]],
    aligned: set[tuple[int, int]],
    units: list[Unit],
    similarity: np.ndarray,
    facts: Callable[[int], Facts],
    story: StoryValues,
    slotted: dict[tuple[int, int], SlotPairs],
) -> dict[tuple[int, int], list[Conflict]]:
    """The candidate conflicts of each pair: numbers and times of day for every pair (numbers of
    unaligned pairs only when they count one noun), dates and names only for aligned pairs from
    ``CONFLICT_THRESHOLD`` (compared between unaligned sentences they gave hundreds of false candidates
    and, at any useful confidence, next to no true one)."""
    names = story.names
    found: dict[tuple[int, int], list[Conflict]] = {}
    for i, j in dict.fromkeys(candidates):
        a, b = facts(i), facts(j)
        pair = Pair(float(similarity[i, j]), (i, j) in aligned)
        conflicts = []
        if pair.aligned or _share_a_counted_noun(a.quantities, b.quantities):
            conflicts += number_conflicts(units[i], units[j], a, b, pair, story)
        conflicts += time_conflicts(units[i], units[j], a, b, pair)
        if pair.aligned and pair.similarity >= CONFLICT_THRESHOLD:
            conflicts += date_conflicts(units[i], units[j], a, b, pair, story)
            conflicts += name_conflicts(units[i], units[j], a, b, names, pair, story)
        elif (i, j) in slotted:
            conflicts += date_conflicts(units[i], units[j], a, b, pair, story, slotted[(i, j)].dates)
            conflicts += name_conflicts(units[i], units[j], a, b, names, pair, story, slotted[(i, j)].names)
        if conflicts:
            found[(i, j)] = conflicts
    return found


def _speaker_pairs(
    units: list[Unit], quotes: list[FoundQuote]
) -> dict[tuple[int, int], tuple[FoundQuote, FoundQuote]]:
    """Sentence pairs (i < j) of different independent sources that quote the same words
    (``same_words``) and name different speakers in the sentence: (quote in i, quote in j)."""
    position = {(unit.article_id, unit.index): i for i, unit in enumerate(units)}
    named = [
        (position[(q.article_id, q.sentence_index)], q)
        for q in quotes
        if q.direct and q.named and (q.article_id, q.sentence_index) in position
    ]
    pairs: dict[tuple[int, int], tuple[FoundQuote, FoundQuote]] = {}
    for (i, first), (j, second) in combinations(named, 2):
        if (
            units[i].source != units[j].source
            and first.speaker != second.speaker
            and same_words(first, second)
        ):
            pairs.setdefault((min(i, j), max(i, j)), (first, second) if i < j else (second, first))
    return pairs


def _share_a_counted_noun(first: list[Quantity], second: list[Quantity]) -> bool:
    return any(q.head and same_kind(q, r) for q in first for r in second)


def _story_values(units: list[Unit], facts: Callable[[int], Facts], names: NameIndex) -> StoryValues:
    """Which sources state a value anywhere in the story: numbers (``_states``), names, dates."""
    by_article: dict[str, list[int]] = defaultdict(list)
    for i, unit in enumerate(units):
        by_article[unit.article_id].append(i)

    @cache
    def dates_of(article_id: str) -> list[DateValue]:
        return [date for i in by_article[article_id] for date in facts(i).dates]

    sources = {unit.article_id: unit.source for unit in units}
    return StoryValues(sources, _states(units, facts), names, dates_of)


def _states(units: list[Unit], facts: Callable[[int], Facts]) -> Callable[[str, Quantity], bool]:
    """Whether an article states a value anywhere (the same kind of number, compatible with it). Only
    sentences with the value's noun after a number are read (``counted_words``), when it has one."""
    by_article: dict[str, list[tuple[int, frozenset[str]]]] = defaultdict(list)
    for i, unit in enumerate(units):
        if may_hold_number(unit.text):
            by_article[unit.article_id].append((i, counted_words(unit.text)))

    @cache
    def states(article_id: str, value: Quantity) -> bool:
        noun = value.head.split("+")[0].split(" ")[0] if value.head and not value.unit else ""
        return any(
            same_kind(value, other) and value.compatible(other)
            for i, counted in by_article.get(article_id, [])
            if not noun or noun in counted
            for other in facts(i).quantities
        )

    return states


def quote_conflicts_by_units(
    units: list[Unit], quote_conflicts: dict[tuple[tuple[str, int], tuple[str, int]], Conflict]
) -> dict[tuple[int, int], list[Conflict]]:
    position = {(unit.article_id, unit.index): i for i, unit in enumerate(units)}
    found: dict[tuple[int, int], list[Conflict]] = {}
    for (a, b), conflict in quote_conflicts.items():
        if a in position and b in position:
            found.setdefault(tuple(sorted((position[a], position[b]))), []).append(conflict)  # type: ignore[arg-type]
    return found


def _claim(
    group: list[int],
    units: list[Unit],
    similarity: np.ndarray,
    found: dict[tuple[int, int], list[Conflict]],
    total_sources: int,
) -> Claim:
    members = sorted(group, key=lambda i: (units[i].number, units[i].index))
    sources = len({units[i].source for i in members})
    conflicts = _claim_conflicts(units, found)
    shown = any(conflict.confidence >= SHOW_CONFIDENCE for conflict in conflicts)
    return Claim(
        text=units[_representative(members, similarity)].text,
        status=_status(sources, total_sources, shown),
        sentences=[ClaimSentence(units[i].number, units[i].text) for i in members],
        independent_sources=sources,
        conflicts=sorted(conflicts, key=lambda conflict: -conflict.confidence),
    )


def _representative(members: list[int], similarity: np.ndarray) -> int:
    """The member most similar to the others (the first of equals)."""
    if len(members) == 1:
        return members[0]
    if len(members) <= SMALL_CLAIM:  # a Python loop beats numpy's indexing overhead here
        return max(
            members, key=lambda i: (sum(similarity[i, j] for j in members if j != i), -members.index(i))
        )
    within = similarity[np.ix_(members, members)]
    return members[int(np.argmax(within.sum(axis=1) - within.diagonal()))]


def _status(sources: int, total_sources: int, conflicting: bool) -> ClaimStatus:
    if conflicting:
        return "conflict"
    if sources >= 2 and sources * 2 >= total_sources:
        return "consensus"
    return "single" if sources == 1 else "partial"


def _claim_conflicts(units: list[Unit], found: dict[tuple[int, int], list[Conflict]]) -> list[Conflict]:
    """The conflicts of a claim's sentence pairs (``found``, in pair order), one per slot: a disagreement
    seen through several pairs or a wire copy is one conflict naming every value (``merge``)."""
    return merged_conflicts(
        [
            ({units[i].number: units[i].source, units[j].number: units[j].source}, conflicts)
            for (i, j), conflicts in found.items()
        ]
    )


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
                    "quote",
                    {a: first.text, b: second.text},
                    f"words of {speaker}: [{a}] and [{b}] differ",
                    QUOTE_CONFIDENCE,
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
    source_of = {article.id: story.independent_source(article.id) for article in story.articles}
    own_outlet = {article.id: f" {fold(article.outlet or '')} " for article in story.articles}
    mentions: dict[str, dict[int, int]] = defaultdict(dict)
    sources: dict[str, set[str]] = defaultdict(set)
    for article_id, counts in names.per_article.items():
        for key, count in counts.items():
            if is_demonym(key.split()):
                continue  # "North Korean", "Chinese": peoples, not people, places or organisations
            if f" {key} " in own_outlet[article_id]:
                continue  # "she told CVB News" in CVB News: the source naming itself, not the story
            mentions[key][numbers[article_id]] = count
            sources[key].add(source_of[article_id])
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
