"""A synthetic pile for tests and the scale benchmark: invented events, outlets, people and places.

Events come in topic families (a long-running subject) that share vocabulary, people and
places; each event adds its own words, names, numbers and a date, and each article about it
is written from templates by an invented outlet, with a dateline on about half of them. Two
events of one family are hard to tell apart on topic alone, as in real news.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Iterator
from dataclasses import dataclass

from newsynth.ingest import article_from_text
from newsynth.records import Article

SYLLABLES = [
    "ka",
    "ri",
    "to",
    "mel",
    "san",
    "dor",
    "vi",
    "lu",
    "pe",
    "tra",
    "on",
    "gal",
    "bre",
    "ist",
    "mon",
    "fa",
    "zen",
    "ol",
    "cur",
    "ham",
    "nel",
    "bro",
    "wyn",
    "tes",
    "dal",
    "ver",
    "qui",
    "sar",
    "lon",
    "pim",
    "ros",
    "tak",
    "ul",
    "ben",
    "cor",
    "fen",
    "gor",
    "hil",
    "jas",
    "kel",
    "mar",
    "nor",
    "pal",
    "rud",
    "sel",
    "tor",
    "val",
    "wes",
    "yor",
    "zan",
    "ard",
    "bel",
    "cas",
    "den",
    "eth",
    "fir",
    "gen",
    "hol",
    "ivo",
    "jun",
    "lar",
    "mir",
]
COMMON = [
    "officials",
    "announced",
    "statement",
    "government",
    "public",
    "local",
    "national",
    "meeting",
    "plan",
    "decision",
    "according",
    "spokesperson",
    "sources",
    "members",
    "council",
    "agency",
    "residents",
    "community",
    "group",
    "leaders",
    "questions",
    "concerns",
    "response",
    "support",
    "critics",
    "supporters",
    "process",
    "details",
    "information",
    "continued",
    "expected",
    "earlier",
    "later",
    "afternoon",
    "morning",
    "evening",
    "latest",
    "recent",
    "major",
    "small",
    "efforts",
    "changes",
    "review",
    "record",
    "issue",
    "problem",
    "result",
    "results",
    "number",
    "percent",
    "million",
    "interview",
    "press",
    "conference",
    "told",
    "asked",
    "added",
    "noted",
    "warned",
    "called",
    "described",
    "confirmed",
]
FAMILY_TOPICS = [
    "court trial judge jury verdict appeal charges prosecutor defense sentence",
    "budget spending deficit vote senate bill tax cuts negotiators deadline",
    "storm flooding rainfall evacuation shelters damage winds coast forecasters rescue",
    "rocket launch satellite orbit crew station mission capsule engineers spacewalk",
    "election ballots candidates polls campaign turnout recount debate voters districts",
    "outbreak virus cases hospital patients vaccine doctors infections clinic testing",
    "strike union workers wages contract factory negotiations picket management pay",
    "earthquake tremor magnitude aftershocks buildings collapsed quake survivors rubble epicenter",
    "protest demonstrators police square march rally crowds tear gas arrests",
    "water pipes lead contamination residents filters testing utility supply treatment",
]
OUTLETS = (
    "dailyharbor.example",
    "northgazette.example",
    "rivertimes.example",
    "valleypost.example",
    "metrowire.example",
    "coastherald.example",
    "plainsledger.example",
    "citybeacon.example",
)
TEMPLATES = (
    "{person} said the {e1} would {c1} the {t1} after the {t2} in {place}.",
    "The {t1} in {place} drew {number} {c2} on {weekday}, {outlet_voice}.",
    "{person}, who leads the {e2} {t3}, {c3} that the {e1} {t2} was {c4}.",
    "In {place}, {c5} {t4} and {e3} {t1} were {c6} by the {c7}.",
    "{person2} told reporters the {e2} {t2} could cost {number} {c8}.",
    "Officials in {place} {c9} the {e1} {e3} and {t3} {t4} late {weekday}.",
    "The {c1} {e2} followed the {t2} of {number} {c2}, {person} said.",
    "Critics of the {e3} {t1} in {place} {c3} the {c4} {c5} {t4}.",
)
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
VOICES = ("the agency reported", "witnesses said", "a spokesperson confirmed", "local media reported")


@dataclass
class Family:
    topic: list[str]
    people: list[str]
    places: list[str]


@dataclass
class Event:
    id: str
    family: Family
    words: list[str]
    people: list[str]
    places: list[str]
    day: dt.date
    numbers: list[str]


def invented_word(rng: random.Random, syllables: int) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(syllables))


def invented_name(rng: random.Random) -> str:
    return f"{invented_word(rng, 2).capitalize()} {invented_word(rng, rng.choice((2, 3))).capitalize()}"


def make_family(rng: random.Random) -> Family:
    topic = rng.choice(FAMILY_TOPICS).split() + [invented_word(rng, 3) for _ in range(10)]
    people = [invented_name(rng) for _ in range(6)]
    places = [invented_word(rng, rng.choice((2, 3))).capitalize() for _ in range(3)]
    return Family(topic, people, places)


def make_event(rng: random.Random, family: Family, number: int, first_day: dt.date) -> Event:
    return Event(
        id=f"event-{number}",
        family=family,
        words=[invented_word(rng, 3) for _ in range(6)] + rng.sample(family.topic, 3),
        people=[*rng.sample(family.people, 1), invented_name(rng), invented_name(rng)],
        places=[*rng.sample(family.places, 1), invented_word(rng, 2).capitalize()],
        day=first_day + dt.timedelta(days=rng.randrange(3650)),
        numbers=[str(rng.randrange(2, 5000)) for _ in range(3)],
    )


def write_article(rng: random.Random, event: Event, number: int) -> Article:
    family = event.family

    def topic_word() -> str:
        return rng.choice(event.words) if rng.random() < 0.55 else rng.choice(family.topic)

    sentences = []
    for _ in range(rng.randrange(6, 12)):
        template = rng.choice(TEMPLATES)
        sentences.append(
            template.format(
                person=rng.choice(event.people),
                person2=rng.choice(event.people + family.people),
                place=rng.choice(event.places + family.places[:1]),
                number=rng.choice(event.numbers),
                weekday=rng.choice(WEEKDAYS),
                outlet_voice=rng.choice(VOICES),
                **{f"e{i}": topic_word() for i in range(1, 4)},
                **{f"t{i}": rng.choice(family.topic) for i in range(1, 5)},
                **{f"c{i}": rng.choice(COMMON) for i in range(1, 10)},
            )
        )
    title = f"{event.people[0]} and the {event.words[0]} {rng.choice(family.topic)} in {event.places[0]}"
    published = event.day + dt.timedelta(days=rng.choice((0, 0, 0, 1, 1, 2)))
    outlet = rng.choice(OUTLETS)
    if rng.random() < 0.5:
        dateline = (
            f"{event.places[0].upper()}, {published.strftime('%B')} {published.day}, {published.year} — "
        )
        sentences[0] = dateline + sentences[0]
    text = f"{title}\n\n" + "\n\n".join(" ".join(sentences[i : i + 3]) for i in range(0, len(sentences), 3))
    return article_from_text(text, f"synthetic:{event.id}:{number}", outlet=outlet, title=title)


def synthetic_pile(
    articles: int, seed: int = 0, events_per_family: int = 12, mean_articles_per_event: float = 5.0
) -> Iterator[tuple[Article, str]]:
    """``articles`` invented articles with the id of the event each is about, events interleaved."""
    rng = random.Random(seed)
    first_day = dt.date(2015, 1, 1)
    events_needed = max(1, round(articles / mean_articles_per_event))
    families = [make_family(rng) for _ in range(max(1, events_needed // events_per_family))]
    events = [make_event(rng, rng.choice(families), n, first_day) for n in range(events_needed)]
    written = 0
    counts = dict.fromkeys(range(len(events)), 0)
    while written < articles:
        index = rng.randrange(len(events))
        event = events[index]
        counts[index] += 1
        written += 1
        yield write_article(rng, event, counts[index]), event.id
