"""Stories built directly from sentences, so summarizer tests do not depend on the clean stage."""

from __future__ import annotations

import pytest

from newsynth.clean import split_sentences
from newsynth.records import Article, Story

# An invented event reported by three invented outlets.
VALLEY_GAZETTE = [
    "A fire destroyed the old Riverton public library early on Sunday, the county fire marshal said.",
    "Firefighters from three towns fought the blaze for six hours before bringing it under control.",
    "No one was hurt, but about 40,000 books and the town's archive of local newspapers were lost.",
    "The marshal said investigators believe faulty wiring in the reading room started the fire.",
    "He said the building had been due for an electrical inspection next month.",
]
NORTHERN_POST = [
    "The Riverton public library burned down early Sunday in a fire that took six hours to control.",
    "Around 40,000 books and the local newspaper archive were lost, library director Ana Molnar said.",
    "Molnar said the town would open a temporary reading room in the old school gym within weeks.",
    "Investigators suspect faulty wiring started the blaze, according to the county fire marshal.",
]
CREEK_HERALD = [
    "Residents of Riverton gathered on Sunday evening outside the ruins of their public library.",
    "Many brought flowers and handwritten notes about the books they had borrowed as children.",
    "Mayor Tom Eckert promised that a new library would be built on the same site by next year.",
]


def article(article_id: str, outlet: str, sentences: list[str]) -> Article:
    made = Article(id=article_id, origin=f"{outlet}.txt", raw_text="\n\n".join(sentences), outlet=outlet)
    made.clean_text = made.raw_text
    made.sentences = split_sentences(sentences, article_id)
    return made


@pytest.fixture
def library_fire() -> Story:
    return Story(
        id="library-fire",
        articles=[
            article("gazette", "Valley Gazette", VALLEY_GAZETTE),
            article("post", "Northern Post", NORTHERN_POST),
            article("herald", "Creek Herald", CREEK_HERALD),
        ],
    )
