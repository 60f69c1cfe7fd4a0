"""Measure the compare stage by planting contradictions into real stories.

For each story: run ``compare_story``; among the sentence pairs it checks for conflicts (``checked_pairs``),
pick values both sentences state (a number, a date, a person/place/organisation name); change the value
in one sentence (a number x -> 2x+3, a date to another month/day/weekday/year, a name to an invented name
that appears nowhere in the story); compare again. A plant is recalled when a conflict is flagged on the
claim holding the modified sentence, naming the changed value. Unmodified stories give the false-alarm
rate: conflicts flagged per story. A fixed seed makes every run pick the same plants.
"""

from __future__ import annotations

import copy
import random
import re
import statistics
import sys
import time
from collections import defaultdict
from dataclasses import dataclass, field

from tqdm import tqdm

from newsynth.clean import clean_articles
from newsynth.compare import checked_pairs, clear_caches, compare_story
from newsynth.compare.conflicts import NAME_LABELS
from newsynth.compare.names import NameIndex, build_index, same_name
from newsynth.compare.values import MONTHS, WEEKDAYS, extract_dates, extract_quantities
from newsynth.group import single_story
from newsynth.ingest import articles_from_documents
from newsynth.records import Comparison, Story

KINDS = ("number", "date", "name")
PLANTS_PER_KIND = 3  # per story
SEED = 20141007
TIMING_REPEATS = 3
NUMBER_WORDS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"]
MONTH_NAMES = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
               "October", "November", "December"]  # fmt: skip
# invented names, none of them real people, places or organisations as far as a news story would know
INVENTED = {
    "person": (["Quillfeather", "Ostrander", "Delavane", "Marrowick"],
               ["Odalys Quillfeather", "Tomasz Ostrander", "Maribel Delavane", "Kasimir Marrowick"]),
    "place": (["Velmora", "Druvik", "Castlereigh", "Osswen"],
              ["Port Velmora", "Lake Druvik", "Castlereigh Heights", "Osswen Valley"]),
    "organization": (["Halvernco", "Corvane", "Tidemark", "Brackwater"],
                     ["Halvern Institute", "Corvane Group", "Tidemark Council", "Brackwater Agency"]),
}  # fmt: skip


@dataclass
class Plant:
    kind: str
    article_id: str
    sentence_index: int
    original: str
    modified: str
    old_value: str
    new_value: str
    partner: tuple[str, int] = ("", -1)  # the aligned sentence of another source stating the old value


@dataclass
class Scores:
    stories: int = 0
    flagged_unmodified: int = 0
    stories_with_flags: int = 0
    planted: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    recalled: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    timings_ms: list[float] = field(default_factory=list)
    four_article_ms: list[float] = field(default_factory=list)
    misses: list[Plant] = field(default_factory=list)
    false_alarms: list[str] = field(default_factory=list)

    def recall(self, kind: str | None = None) -> float:
        kinds = [kind] if kind else list(KINDS)
        planted = sum(self.planted[k] for k in kinds)
        return sum(self.recalled[k] for k in kinds) / planted if planted else 0.0

    def summary(self) -> dict[str, object]:
        return {
            "stories": self.stories,
            "planted": sum(self.planted.values()),
            "recall": round(self.recall(), 3),
            **{f"recall_{kind}": round(self.recall(kind), 3) for kind in KINDS},
            **{f"planted_{kind}": self.planted[kind] for kind in KINDS},
            "flagged_per_unmodified_story": round(self.flagged_unmodified / max(self.stories, 1), 3),
            "unmodified_stories_with_conflicts": self.stories_with_flags,
            "median_ms": round(statistics.median(self.timings_ms), 1) if self.timings_ms else None,
            "median_ms_four_articles": (
                round(statistics.median(self.four_article_ms), 1) if self.four_article_ms else None
            ),
        }


def story_from_record(record: dict) -> Story:
    articles = clean_articles(articles_from_documents(record["documents"], str(record["id"])))
    return single_story(articles, str(record["id"]))


def evaluate_records(records: list[dict], seed: int = SEED, per_kind: int = PLANTS_PER_KIND) -> Scores:
    scores = Scores()
    rng = random.Random(seed)
    compare_story(story_from_record(records[0]))  # load the NER model before timing anything
    progress = tqdm(records, desc="stories", unit="story", disable=not sys.stderr.isatty())
    for record in progress:
        story = story_from_record(record)
        comparison, elapsed = timed_comparison(story)
        scores.stories += 1
        scores.timings_ms.append(elapsed)
        if len(story.usable_articles) == 4:
            scores.four_article_ms.append(elapsed)
        flagged = [c for claim in comparison.claims for c in claim.conflicts]
        scores.flagged_unmodified += len(flagged)
        scores.stories_with_flags += bool(flagged)
        scores.false_alarms += [f"{story.id}: {c.kind} {c.description}" for c in flagged]
        for plant in choose_plants(story, rng, per_kind):
            scores.planted[plant.kind] += 1
            if recalled(plant, compare_story(planted_story(story, plant)), story.number(plant.article_id)):
                scores.recalled[plant.kind] += 1
            else:
                scores.misses.append(plant)
    return scores


def timed_comparison(story: Story, repeats: int = TIMING_REPEATS) -> tuple[Comparison, float]:
    """Compare a story from cold (caches cleared) ``repeats`` times; the fastest run's ms resists the
    noise of other processes on a shared machine."""
    fastest = float("inf")
    comparison = Comparison()
    for _ in range(repeats):
        clear_caches()
        started = time.perf_counter()
        comparison = compare_story(story)
        fastest = min(fastest, (time.perf_counter() - started) * 1000)
    return comparison, fastest


def choose_plants(story: Story, rng: random.Random, per_kind: int) -> list[Plant]:
    candidates: dict[str, list[Plant]] = defaultdict(list)
    names = build_index([(a.id, s.index, s.text) for a in story.usable_articles for s in a.sentences])
    for pair in checked_pairs(story):
        for target, other in (pair, pair[::-1]):
            for plant in plants_for_pair(story, names, target, other):
                plant.partner = other
                candidates[plant.kind].append(plant)
    chosen = []
    for kind in KINDS:
        unique = list({(p.article_id, p.sentence_index, p.old_value): p for p in candidates[kind]}.values())
        chosen += rng.sample(unique, min(per_kind, len(unique)))
    return chosen


def _sentence(story: Story, place: tuple[str, int]) -> str:
    article = next(a for a in story.articles if a.id == place[0])
    return article.sentences[place[1]].text


def plants_for_pair(
    story: Story, names: NameIndex, target: tuple[str, int], other: tuple[str, int]
) -> list[Plant]:
    """Plants in ``target`` changing a value that ``other`` also states."""
    mine, theirs = _sentence(story, target), _sentence(story, other)
    return (
        _number_plants(target, mine, theirs)
        + _date_plants(target, mine, theirs)
        + _name_plants(story, names, target, other, mine)
    )


def _number_plants(target: tuple[str, int], mine: str, theirs: str) -> list[Plant]:
    plants = []
    their_values = {(q.low, q.high) for q in extract_quantities(theirs)}
    for quantity in extract_quantities(mine):
        if (quantity.low, quantity.high) not in their_values or quantity.low != quantity.high:
            continue
        changed = _changed_number(quantity.text)
        if changed and quantity.text in mine:
            plants.append(_plant("number", target, mine, quantity.text, changed))
    return plants


def _changed_number(text: str) -> str | None:
    digits = re.search(r"\d[\d,]*(?:\.\d+)?", text)
    if digits:
        value = float(digits.group(0).replace(",", ""))
        new = value * 2 + 3
        written = (
            f"{new:,.0f}"
            if "," in digits.group(0)
            else (f"{new:g}" if "." in digits.group(0) else f"{new:.0f}")
        )
        return text[: digits.start()] + written + text[digits.end() :]
    word = text.lower().split("-")[0].split()[0]
    if word in NUMBER_WORDS:
        return str(NUMBER_WORDS.index(word) * 2 + 3)
    return None


def _date_plants(target: tuple[str, int], mine: str, theirs: str) -> list[Plant]:
    plants = []
    their_dates = extract_dates(theirs)
    for date in extract_dates(mine):
        shared = any(date.comparable(other) and date.compatible(other) for other in their_dates)
        if shared and date.text in mine:
            changed = _changed_date(date.text)
            if changed:
                plants.append(_plant("date", target, mine, date.text, changed))
    return plants


def _changed_date(text: str) -> str | None:
    for word in re.findall(r"[A-Za-z]+", text):
        if word.lower() in MONTHS:
            month = MONTHS[word.lower()]
            return re.sub(rf"\b{word}\.?", MONTH_NAMES[(month + 3) % 12], text, count=1)
        if word.lower() in WEEKDAYS:
            return text.replace(word, WEEKDAYS[(WEEKDAYS.index(word.lower()) + 2) % 7].capitalize(), 1)
    year = re.search(r"\b(1[89]\d\d|20\d\d)\b", text)
    if year:
        return text[: year.start()] + str(int(year.group(0)) - 3) + text[year.end() :]
    return None


def _name_plants(
    story: Story, names: NameIndex, target: tuple[str, int], other: tuple[str, int], mine: str
) -> list[Plant]:
    story_text = " ".join(article.clean_text for article in story.articles)
    their_mentions = names.mentions.get(other, [])
    plants = []
    for mention in names.mentions.get(target, []):
        label = names.label_of(mention)
        if (
            mention.dateline
            or label not in NAME_LABELS
            or not any(same_name(names, mention, other) for other in their_mentions)
        ):
            continue
        pool = INVENTED[label][0 if len(mention.text.split()) == 1 else 1]
        replacement = next((name for name in pool if name not in story_text), None)
        if replacement:
            modified = mine[: mention.start] + replacement + mine[mention.end :]
            plants.append(Plant("name", target[0], target[1], mine, modified, mention.text, replacement))
    return plants


def _plant(kind: str, target: tuple[str, int], mine: str, old: str, new: str) -> Plant:
    return Plant(kind, target[0], target[1], mine, mine.replace(old, new, 1), old, new)


def planted_story(story: Story, plant: Plant) -> Story:
    modified = copy.deepcopy(story)
    article = next(a for a in modified.articles if a.id == plant.article_id)
    article.sentences[plant.sentence_index].text = plant.modified
    article.clean_text = article.clean_text.replace(plant.original, plant.modified, 1)
    return modified


def recalled(plant: Plant, comparison: Comparison, number: int) -> bool:
    """A conflict on the claim holding the modified sentence names the planted value."""
    for claim in comparison.claims:
        if not any(s.article == number and s.text == plant.modified for s in claim.sentences):
            continue
        return any(_names_value(conflict.values.get(number, ""), plant) for conflict in claim.conflicts)
    return False


def _names_value(value: str, plant: Plant) -> bool:
    changed = _changed_part(plant.old_value, plant.new_value)
    return bool(value) and (changed in value or value == plant.new_value)


def _changed_part(old: str, new: str) -> str:
    """The words of ``new`` that differ from ``old`` ("April" of "April 3" planted over "March 3")."""
    old_words = set(old.split())
    return " ".join(word for word in new.split() if word not in old_words) or new
