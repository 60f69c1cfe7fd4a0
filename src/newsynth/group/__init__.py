"""Group: a mixed pile of articles becomes stories, one real-world event each.

Interface:
    single_story(articles) -> Story       # the articles are known to be one story
"""

from __future__ import annotations

import hashlib

from newsynth.records import Article, Story


def single_story(articles: list[Article], story_id: str | None = None) -> Story:
    if story_id is None:
        story_id = hashlib.sha1("".join(a.id for a in articles).encode()).hexdigest()[:10]
    return Story(id=story_id, articles=articles)
